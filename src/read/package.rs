//! Zip packages (Office Open XML `.docx`/`.xlsx`, OpenDocument `.ods`), read
//! with the `zip` crate under limits: no part may unpack to more than
//! [`PART_LIMIT`] bytes, the whole package to more than [`TOTAL_LIMIT`], and
//! no package may hold more than [`MAX_ENTRIES`] parts. A zip bomb is bad
//! input, never an out-of-memory abort: sizes are measured by unpacking
//! through a bounded reader, not taken from the (forgeable) directory.

use std::io::{Cursor, Read};

use crate::error::InputError;

/// The most one part (`word/document.xml`, a sheet) may unpack to.
pub const PART_LIMIT: u64 = 64 * 1024 * 1024;
/// The most all parts together may unpack to.
pub const TOTAL_LIMIT: u64 = 256 * 1024 * 1024;
/// The most parts a package may have.
pub const MAX_ENTRIES: usize = 20_000;

/// An opened package.
pub struct Package<'a> {
    name: String,
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
}

fn bad(name: &str, what: &str, e: impl std::fmt::Display) -> InputError {
    InputError::new(name, format!("{what}: {e}"))
}

impl<'a> Package<'a> {
    /// Opens the zip directory; `kind` names the format in messages
    /// (`Word document`).
    pub fn open(name: &str, bytes: &'a [u8], kind: &str) -> Result<Package<'a>, InputError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            bad(
                name,
                &format!("not a readable {kind} (its zip container is damaged)"),
                e,
            )
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(InputError::new(
                name,
                format!(
                    "the {kind} has {} parts, more than the {MAX_ENTRIES} this reader accepts",
                    zip.len()
                ),
            ));
        }
        Ok(Package {
            name: name.to_string(),
            zip,
        })
    }

    /// Whether the package has a part of this name.
    pub fn has(&self, part: &str) -> bool {
        self.zip.index_for_name(part).is_some()
    }

    /// The part's bytes, or `None` when there is no such part; an error when
    /// it is damaged, encrypted or unpacks to more than [`PART_LIMIT`].
    pub fn part(&mut self, part: &str) -> Result<Option<Vec<u8>>, InputError> {
        let Some(index) = self.zip.index_for_name(part) else {
            return Ok(None);
        };
        let name = self.name.clone();
        let file = self
            .zip
            .by_index(index)
            .map_err(|e| bad(&name, &format!("part {part} cannot be read"), e))?;
        let mut out = Vec::new();
        let read = file
            .take(PART_LIMIT + 1)
            .read_to_end(&mut out)
            .map_err(|e| bad(&name, &format!("part {part} cannot be unpacked"), e))?;
        if read as u64 > PART_LIMIT {
            return Err(InputError::new(
                name,
                format!(
                    "part {part} unpacks to more than {} MiB (a zip bomb?); not read",
                    PART_LIMIT / (1024 * 1024)
                ),
            ));
        }
        Ok(Some(out))
    }

    /// Unpacks every part through the limits, so a library that reads the
    /// package itself (calamine) reads only what was measured here.
    pub fn check_all(&mut self) -> Result<(), InputError> {
        let mut total = 0u64;
        let name = self.name.clone();
        for i in 0..self.zip.len() {
            let file = self
                .zip
                .by_index(i)
                .map_err(|e| bad(&name, "a part cannot be read", e))?;
            let part = file.name().map(|n| n.to_string()).unwrap_or_default();
            let mut sink = std::io::sink();
            let n = std::io::copy(&mut file.take(PART_LIMIT + 1), &mut sink)
                .map_err(|e| bad(&name, &format!("part {part} cannot be unpacked"), e))?;
            total += n;
            if n > PART_LIMIT || total > TOTAL_LIMIT {
                return Err(InputError::new(
                    name,
                    format!(
                        "the package unpacks to more than {} MiB (a zip bomb?); not read",
                        if n > PART_LIMIT {
                            PART_LIMIT
                        } else {
                            TOTAL_LIMIT
                        } / (1024 * 1024)
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Writes a zip package of stored XML parts; for tests and the property tests'
/// generated documents.
#[cfg(test)]
pub fn write_package(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut buf = Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        for (name, text) in parts {
            w.start_file(
                *name,
                zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated),
            )
            .unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap();
    }
    buf.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_read_and_a_missing_one_is_none() {
        let bytes = write_package(&[("a.xml", "<a/>")]);
        let mut p = Package::open("x.docx", &bytes, "Word document").unwrap();
        assert_eq!(p.part("a.xml").unwrap().unwrap(), b"<a/>");
        assert!(p.part("b.xml").unwrap().is_none());
        assert!(p.check_all().is_ok());
    }

    #[test]
    fn not_a_zip_is_a_clear_error() {
        let e = Package::open("x.docx", b"hello", "Word document")
            .err()
            .unwrap();
        assert!(e.message.contains("not a readable Word document"), "{e:?}");
    }
}
