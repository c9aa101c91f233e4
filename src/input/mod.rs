//! Reading scenario files. serde_yaml is used only here (and yaml-rust2 only
//! in [`locate`], for positions). Every problem becomes an [`InputError`] with
//! file, line, column and key path.

pub mod amount;
pub mod checks;
pub mod import;
pub mod locate;
pub mod scenario;
pub mod unique_map;

use std::path::Path;

use crate::error::{InputError, InputErrors};
use crate::model::Scenario;
use locate::Locator;
use scenario::ScenarioFile;

/// The largest scenario file read (scenario files are a few kB).
pub const MAX_SCENARIO_BYTES: u64 = 16 * 1024 * 1024;

/// The largest document `verify` reads (a case write-up is kilobytes; the
/// throughput benchmark reads 50 MB).
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// A scenario together with where it came from, so later findings can point
/// into the file.
#[derive(Debug)]
pub struct LoadedScenario {
    pub file: String,
    pub scenario: Scenario,
    pub locator: Locator,
}

impl LoadedScenario {
    /// An error at a key path of this file (line and column when the path is found).
    pub fn error_at(&self, path: &str, message: impl Into<String>) -> InputError {
        located(&self.file, &self.locator, path, message)
    }
}

fn located(file: &str, locator: &Locator, path: &str, message: impl Into<String>) -> InputError {
    let pos = locator.locate(path);
    InputError::new(file, message)
        .at(pos.map(|p| p.0), pos.map(|p| p.1))
        .with_path(path)
}

/// Reads the bytes of an input file with clear errors for the usual mistakes.
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String, InputError> {
    let bytes = read_bytes(path, max_bytes)?;
    decode_text(&path.display().to_string(), bytes)
}

/// The bytes of a file, at most `max_bytes` of them, with clear errors for
/// the usual mistakes. The read itself is bounded, not just the size the
/// file reports, so a device (`/dev/zero`), a named pipe or a process
/// substitution (`<(yes)`) stops at the limit with an error instead of
/// filling memory.
pub fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| InputError::new(&name, io_message(&e)))?;
    read_file(&name, path, &meta, max_bytes)
}

/// [`read_bytes`], the file's metadata asked already.
fn read_file(
    name: &str,
    path: &Path,
    meta: &std::fs::Metadata,
    max_bytes: u64,
) -> Result<Vec<u8>, InputError> {
    if meta.is_dir() {
        return Err(InputError::new(name, "is a directory, not a file"));
    }
    if meta.is_file() && meta.len() > max_bytes {
        return Err(too_large(name, max_bytes));
    }
    let file = std::fs::File::open(path).map_err(|e| InputError::new(name, io_message(&e)))?;
    // A regular file says how large it is; anything else is read as a stream.
    let expected = if meta.is_file() { meta.len() } else { 0 };
    read_bounded_from(name, file, expected, max_bytes)
}

/// A file's bytes: read into memory, or, for a large regular file, mapped
/// ([`map_or_read`]).
#[derive(Debug)]
pub enum FileBytes {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Read(b) => b,
            FileBytes::Mapped(m) => m,
        }
    }
}

/// Regular files of at least this many bytes are mapped, not read
/// ([`map_or_read`]); smaller ones cost less to read.
pub const MAP_FROM_BYTES: u64 = 1 << 20;

/// The bytes of a file as [`read_bytes`] gives them, but a regular file of
/// [`MAP_FROM_BYTES`] or more (and at most `max_bytes`) is mapped into
/// memory instead of copied: its pages are the operating system's cached
/// copy of the file, so nothing is allocated, zeroed or copied. Reading the
/// 50 MB benchmark document took 30 to 150 ms on the benchmark machine
/// (fresh memory is cleared page by page before the copy), all of it before
/// the first table could be judged; mapping it takes about 5 ms, spread
/// over the reading.
///
/// The map is read-only and private. Another program truncating the file
/// while it is mapped makes the pages past its new end unreadable, and the
/// process is ended by the system (SIGBUS), as for every program that maps
/// its input (ripgrep among them); `read` (`map` false) never maps.
pub fn map_or_read(path: &Path, max_bytes: u64, map: bool) -> Result<FileBytes, InputError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| InputError::new(&name, io_message(&e)))?;
    if !(map && meta.is_file() && meta.len() >= MAP_FROM_BYTES && meta.len() <= max_bytes) {
        return read_file(&name, path, &meta, max_bytes).map(FileBytes::Read);
    }
    let file = std::fs::File::open(path).map_err(|e| InputError::new(&name, io_message(&e)))?;
    // SAFETY: the map is read-only and private, and only ever read as bytes
    // (text is checked before use). Its contents change only if another
    // program writes the file meanwhile, which the function's documentation
    // states, as memmap2's does.
    let mapped = unsafe { memmap2::MmapOptions::new().map(&file) };
    match mapped {
        // The file may have grown or shrunk since its size was asked: the
        // bound holds for what was mapped.
        Ok(m) if m.len() as u64 <= max_bytes => Ok(FileBytes::Mapped(m)),
        Ok(_) => Err(too_large(&name, max_bytes)),
        // A file system that cannot map (some network and virtual ones):
        // read it.
        Err(_) => read_file(&name, path, &meta, max_bytes).map(FileBytes::Read),
    }
}

/// Reads `reader` to its end, refusing more than `max_bytes`. Memory stays
/// within about 1,5 × `max_bytes` while the buffer grows, never more. The
/// bytes are read straight into the buffer's spare room (no chunk copied);
/// a regular file whose size is `expected` fits the first allocation.
pub fn read_bounded_from(
    name: &str,
    mut reader: impl std::io::Read,
    expected: u64,
    max_bytes: u64,
) -> Result<Vec<u8>, InputError> {
    use std::io::Read as _;
    let cap = usize::try_from(max_bytes.saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes: Vec<u8> = Vec::new();
    let first = usize::try_from(expected.saturating_add(1))
        .unwrap_or(cap)
        .max(64 * 1024)
        .min(cap.max(1));
    bytes.reserve_exact(first);
    loop {
        if bytes.len() == bytes.capacity() {
            // Grow by doubling, but never past the limit (+1 to see it
            // passed: the length is at most `max_bytes` here, so there is
            // room for one byte more).
            let want = bytes
                .capacity()
                .saturating_mul(2)
                .min(cap)
                .max(bytes.len() + 1);
            bytes.reserve_exact(want - bytes.len());
        }
        // At most the spare room: `read_to_end` then never grows the buffer
        // itself (it reads into the spare room and stops when it is full).
        let room = (bytes.capacity() - bytes.len()) as u64;
        let n = match (&mut reader).take(room).read_to_end(&mut bytes) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(InputError::new(name, io_message(&e))),
        };
        if bytes.len() as u64 > max_bytes {
            return Err(too_large(name, max_bytes));
        }
        // Fewer bytes than there was room for: the end of the input.
        if (n as u64) < room {
            break;
        }
    }
    Ok(bytes)
}

fn too_large(name: &str, max_bytes: u64) -> InputError {
    InputError::new(
        name,
        format!(
            "more than {max_bytes} bytes ({} MiB), the limit for this input",
            max_bytes / (1024 * 1024)
        ),
    )
}

/// Bytes of an input (a file or standard input) as UTF-8 text: UTF-16 is
/// refused with a hint, a UTF-8 byte-order mark dropped, and invalid UTF-8
/// reported with its offset and line.
pub fn decode_text(name: &str, mut bytes: Vec<u8>) -> Result<String, InputError> {
    let bom = bytes.len() - decode_str(name, &bytes)?.len();
    bytes.drain(..bom);
    // Checked by decode_str: the conversion cannot fail.
    String::from_utf8(bytes).map_err(|_| InputError::new(name, "not UTF-8 text"))
}

/// [`decode_text`] without a copy: the text of `bytes`, borrowed.
pub fn decode_str<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::new(name, "UTF-16 text; save the file as UTF-8"));
    }
    // A UTF-8 byte-order mark (as Windows editors write it) is not content.
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        InputError::new(
            name,
            format!("not UTF-8 text (invalid byte at offset {at}); save the file as UTF-8"),
        )
        .at(Some(line), None)
    })
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

/// Reads and checks a scenario file.
pub fn read_scenario_file(path: &Path) -> Result<LoadedScenario, InputErrors> {
    let text = read_text(path, MAX_SCENARIO_BYTES)?;
    read_scenario_str(&path.display().to_string(), &text)
}

/// Reads and checks a scenario from text; `file` names it in errors.
pub fn read_scenario_str(file: &str, source: &str) -> Result<LoadedScenario, InputErrors> {
    if source.trim().is_empty() {
        return Err(InputError::new(
            file,
            "empty file: a scenario needs at least `titel` and `enhed`",
        )
        .into());
    }
    let locator = Locator::new(source);
    if let Some((line, column)) = locator.too_deep_at {
        return Err(InputError::new(
            file,
            format!(
                "nested more than {} levels deep; a scenario file nests about six",
                locate::MAX_DEPTH
            ),
        )
        .at(Some(line), Some(column))
        .into());
    }
    if !locator.duplicates.is_empty() {
        return Err(InputErrors(
            locator
                .duplicates
                .iter()
                .map(|(path, (line, col))| {
                    let first = locator
                        .locate(path)
                        .map(|(l, _)| format!(" (first at line {l})"))
                        .unwrap_or_default();
                    let key = path.rsplit('.').next().unwrap_or(path);
                    InputError::new(file, format!("duplicate key {key:?}{first}"))
                        .at(Some(*line), Some(*col))
                        .with_path(path.as_str())
                })
                .collect(),
        ));
    }
    let parsed: ScenarioFile =
        serde_yaml::from_str(source).map_err(|e| tab_hint(yaml_error(file, &e), source))?;
    let mut scenario = scenario::to_model(&parsed).map_err(|errors| {
        InputErrors(
            errors
                .into_iter()
                .map(|e| located(file, &locator, &e.path, e.message))
                .collect(),
        )
    })?;
    if let Some(data) = &parsed.data {
        // Figures from an extract, read through its mapping (paths relative to this file).
        crate::input::import::scenario::apply(&mut scenario, data, file, &locator)?;
    }
    Ok(LoadedScenario {
        file: file.to_string(),
        scenario,
        locator,
    })
}

/// serde_yaml says `path: message at line L column C`; we say
/// `file:L:C: path: message`.
pub(crate) fn yaml_error(file: &str, e: &serde_yaml::Error) -> InputError {
    let mut message = e.to_string();
    let location = e.location();
    if let Some(loc) = &location {
        let suffix = format!(" at line {} column {}", loc.line(), loc.column());
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message = stripped.to_string();
        }
    }
    // serde_yaml words a recursion limit and an alias bomb in its own terms.
    if message.contains("recursion limit exceeded") {
        message = format!("{message}: the file is nested too deeply to be a scenario");
    } else if message.contains("repetition limit exceeded") {
        message = format!("{message}: too many aliases (a YAML alias bomb?)");
    }
    let (path, msg) = split_path(&message);
    let mut err = InputError::new(file, msg).at(
        location.as_ref().map(|l| l.line()),
        location.as_ref().map(|l| l.column()),
    );
    if let Some(p) = path {
        err = err.with_path(p);
    }
    err
}

/// A YAML error on a line indented with a tab says so, instead of the
/// parser's "found character that cannot start any token".
pub(crate) fn tab_hint(mut err: InputError, source: &str) -> InputError {
    let indented_with_tab = err
        .location
        .line
        .and_then(|l| source.lines().nth(l.checked_sub(1)?))
        .is_some_and(|line| {
            line.chars()
                .take_while(|c| c.is_whitespace())
                .any(|c| c == '\t')
        });
    if indented_with_tab {
        err.message =
            "tabs are not allowed for indentation in YAML; indent with spaces".to_string();
    }
    err
}

/// Splits serde_yaml's `path.to.key: message` into its parts.
fn split_path(message: &str) -> (Option<&str>, &str) {
    if let Some((head, rest)) = message.split_once(": ") {
        let looks_like_path = !head.is_empty()
            && !head.contains(' ')
            && head
                .chars()
                .all(|c| c.is_alphanumeric() || "._[]-æøåÆØÅ".contains(c));
        if looks_like_path {
            return (Some(head), rest);
        }
    }
    (None, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream that hands out `len` bytes of `b'x'`, at most `step` a read.
    struct Stream {
        len: usize,
        step: usize,
    }

    impl std::io::Read for Stream {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.step).min(self.len);
            buf[..n].fill(b'x');
            self.len -= n;
            Ok(n)
        }
    }

    #[test]
    fn a_stream_is_read_whole_up_to_the_limit_and_refused_past_it() {
        for (len, step) in [
            (0, 7),
            (1, 1),
            (65_535, 4096),
            (65_536, 65_536),
            (300_000, 9_999),
        ] {
            let bytes = read_bounded_from("s", Stream { len, step }, 0, 300_000).unwrap();
            assert_eq!(bytes.len(), len);
            assert!(bytes.iter().all(|&b| b == b'x'));
            // Never more room than the limit and the byte that sees it passed.
            assert!(bytes.capacity() <= 300_001, "{}", bytes.capacity());
        }
        let err = read_bounded_from(
            "s",
            Stream {
                len: 300_001,
                step: 4096,
            },
            0,
            300_000,
        );
        assert!(err
            .unwrap_err()
            .to_string()
            .contains("more than 300000 bytes"));
        // A limit below the first allocation's 64 KiB.
        assert_eq!(
            read_bounded_from("s", Stream { len: 10, step: 3 }, 0, 10)
                .unwrap()
                .len(),
            10
        );
        assert!(read_bounded_from("s", Stream { len: 11, step: 3 }, 0, 10).is_err());
    }

    #[test]
    fn a_file_of_the_size_expected_fits_the_first_allocation() {
        let bytes = read_bounded_from(
            "f",
            Stream {
                len: 100_000,
                step: 8192,
            },
            100_000,
            1 << 20,
        )
        .unwrap();
        assert_eq!(bytes.len(), 100_000);
        assert_eq!(bytes.capacity(), 100_001);
        // A file that grew since its size was read is still read whole.
        let bytes = read_bounded_from(
            "f",
            Stream {
                len: 150_000,
                step: 8192,
            },
            100_000,
            1 << 20,
        )
        .unwrap();
        assert_eq!(bytes.len(), 150_000);
    }

    #[test]
    fn a_large_file_is_mapped_a_small_one_read_and_both_give_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let large = dir.path().join("large.txt");
        // Bytes that differ from page to page, past the map's threshold.
        let content: Vec<u8> = (0..MAP_FROM_BYTES + 4097)
            .map(|i| b"0123456789\n\t;"[(i % 13) as usize])
            .collect();
        std::fs::write(&large, &content).unwrap();
        let mapped = map_or_read(&large, 4 * MAP_FROM_BYTES, true).unwrap();
        assert!(matches!(mapped, FileBytes::Mapped(_)));
        assert_eq!(&*mapped, content.as_slice());
        // Not mapped when asked not to, and the same bytes.
        let read = map_or_read(&large, 4 * MAP_FROM_BYTES, false).unwrap();
        assert!(matches!(read, FileBytes::Read(_)));
        assert_eq!(&*read, content.as_slice());
        // The bound holds for a mapped file as for a read one.
        for map in [true, false] {
            let err = map_or_read(&large, MAP_FROM_BYTES, map).unwrap_err();
            assert!(err.to_string().contains("more than 1048576 bytes"), "{err}");
        }
        // A small file is read.
        let small = dir.path().join("small.txt");
        std::fs::write(&small, b"I alt\t12\n").unwrap();
        let read = map_or_read(&small, MAP_FROM_BYTES, true).unwrap();
        assert!(matches!(read, FileBytes::Read(_)));
        assert_eq!(&*read, b"I alt\t12\n");
        // A missing file and a folder are the usual errors.
        let err = map_or_read(&dir.path().join("nej.txt"), MAP_FROM_BYTES, true).unwrap_err();
        assert!(err.to_string().contains("nej.txt"), "{err}");
        let err = map_or_read(dir.path(), MAP_FROM_BYTES, true).unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
    }
}
