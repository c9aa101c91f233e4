//! PDF through `pdf-extract` (on `lopdf`): the text layer as positioned
//! characters (fonts, encodings and `ToUnicode` maps are the crate's work),
//! grouped here into lines by baseline and into segments by gaps, and handed
//! to [`super::layout`], which finds tables by position as Tabula's and
//! Camelot's stream mode do. Places are page and line on the page.
//!
//! Bounds: every stream of the file is inflated once through a bounded
//! reader before the PDF libraries see it (a flate bomb is refused, not
//! unpacked), the libraries run on a thread of their own with a fixed stack
//! (a deeply nested object cannot take the process down) and a panic inside
//! them is bad input; the characters kept are capped. An encrypted PDF, and
//! one without a text layer (a scan), are refused with what to do.
//!
//! Positions are binary floats in the PDF libraries; they are turned into
//! whole hundredths of a point here and never touch a figure: a figure is
//! the text the PDF shows.

use std::io::Read;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::layout::{self, Line, Seg};
use super::Source;
use crate::document::{Document, Loc};
use crate::error::InputError;

/// The most one stream may inflate to.
const STREAM_LIMIT: u64 = 64 * 1024 * 1024;
/// The most all streams together may inflate to.
const TOTAL_LIMIT: u64 = 256 * 1024 * 1024;
/// The largest PDF read (an agenda with its appendices is a few MiB).
const MAX_PDF_BYTES: usize = 256 * 1024 * 1024;
/// The most characters read from one document.
const MAX_CHARS: usize = 20_000_000;
/// The stack of the thread the PDF libraries run on.
const STACK: usize = 64 * 1024 * 1024;

#[derive(Clone, Debug)]
struct Ch {
    /// Hundredths of a point from the page's left and top edges.
    x: i64,
    y: i64,
    /// Advance width and font size, in hundredths of a point.
    w: i64,
    size: i64,
    text: String,
}

struct Collector {
    height: f64,
    pages: Vec<Vec<Ch>>,
    chars: usize,
    max_chars: usize,
    too_many: bool,
}

fn hundredths(v: f64) -> i64 {
    if v.is_finite() {
        (v * 100.0).round() as i64
    } else {
        0
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.chars += 1;
        if self.chars > self.max_chars {
            self.too_many = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let ch = Ch {
            x: hundredths(trm.m31),
            y: hundredths(self.height - trm.m32),
            w: hundredths(width * size),
            size: hundredths(size).max(1),
            text: char.to_string(),
        };
        if let Some(page) = self.pages.last_mut() {
            page.push(ch);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Inflates every `FlateDecode` stream of the file through a bounded reader;
/// an error names the first that inflates past the limits. Images are not
/// text and are left alone.
fn check_streams(name: &str, bytes: &[u8], stream_limit: u64) -> Result<(), InputError> {
    let mut total = 0u64;
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&bytes[from..], b"stream") {
        let start = from + at;
        from = start + 6;
        // `endstream` contains `stream`; skip it.
        if start >= 3 && &bytes[start - 3..start] == b"end" {
            continue;
        }
        let mut data = start + 6;
        if bytes.get(data) == Some(&b'\r') {
            data += 1;
        }
        if bytes.get(data) != Some(&b'\n') {
            continue;
        }
        data += 1;
        // The stream's dictionary: the text since the last `obj`.
        let dict_from = memchr::memmem::rfind(&bytes[..start], b"obj").unwrap_or(0);
        let dict = &bytes[dict_from..start];
        if memchr::memmem::find(dict, b"FlateDecode").is_none()
            || memchr::memmem::find(dict, b"/Image").is_some()
        {
            continue;
        }
        let end =
            memchr::memmem::find(&bytes[data..], b"endstream").map_or(bytes.len(), |e| data + e);
        let mut inflate = flate2::read::ZlibDecoder::new(&bytes[data..end]).take(stream_limit + 1);
        let n = std::io::copy(&mut inflate, &mut std::io::sink()).unwrap_or(0);
        total += n;
        if n > stream_limit || total > TOTAL_LIMIT {
            return Err(InputError::new(
                name,
                format!(
                    "a stream at byte {start} inflates to more than {} MiB (a compression bomb?); not read",
                    if n > stream_limit { stream_limit } else { TOTAL_LIMIT } / (1024 * 1024)
                ),
            ));
        }
        from = end;
    }
    Ok(())
}

enum Outcome {
    Pages(Vec<Vec<Ch>>),
    Encrypted,
    TooMany,
    Damaged(String),
}

/// Text of some pages (`numbers`), in their order.
fn extract_pages(doc: &lopdf::Document, numbers: &[u32], max_chars: usize) -> Outcome {
    let mut out = Collector {
        height: 0.0,
        pages: Vec::new(),
        chars: 0,
        max_chars,
        too_many: false,
    };
    for &n in numbers {
        let result = pdf_extract::output_doc_page(doc, &mut out, n);
        if out.too_many {
            return Outcome::TooMany;
        }
        if let Err(e) = result {
            return Outcome::Damaged(e.to_string());
        }
    }
    Outcome::Pages(out.pages)
}

/// How many threads read pages: the two halves of a document are read at
/// once on a two-core machine.
const THREADS: usize = 2;

fn extract(bytes: Vec<u8>) -> Outcome {
    let mut doc = match lopdf::Document::load_mem(&bytes) {
        Ok(d) => d,
        Err(e) => return Outcome::Damaged(e.to_string()),
    };
    // A permissions-only lock opens with the empty user password; a real
    // password is not ours to guess.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Outcome::Encrypted;
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let chunk = numbers.len().div_ceil(THREADS).max(1);
    let doc = &doc;
    let parts: Vec<Outcome> = std::thread::scope(|scope| {
        let handles: Vec<_> = numbers
            .chunks(chunk)
            .map(|part| {
                std::thread::Builder::new()
                    .name("pdf-pages".into())
                    .stack_size(STACK)
                    .spawn_scoped(scope, move || {
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            extract_pages(doc, part, MAX_CHARS / THREADS)
                        }))
                    })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h {
                Ok(h) => match h.join() {
                    Ok(Ok(outcome)) => outcome,
                    Ok(Err(p)) | Err(p) => Outcome::Damaged(panic_message(p)),
                },
                Err(e) => Outcome::Damaged(format!("cannot start the PDF reader: {e}")),
            })
            .collect()
    });
    let mut pages = Vec::new();
    for part in parts {
        match part {
            Outcome::Pages(p) => pages.extend(p),
            other => return other,
        }
    }
    Outcome::Pages(pages)
}

fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    let why = p
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "internal error".into());
    format!("the PDF library gave up: {why}")
}

/// Runs the PDF libraries on a thread of their own; a panic in them is an
/// error, not the end of the process.
fn extract_guarded(bytes: &[u8]) -> Outcome {
    let owned = bytes.to_vec();
    let handle = std::thread::Builder::new()
        .name("pdf".into())
        .stack_size(STACK)
        .spawn(move || std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(owned))));
    match handle {
        Ok(h) => match h.join() {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(p)) | Err(p) => Outcome::Damaged(panic_message(p)),
        },
        Err(e) => Outcome::Damaged(format!("cannot start the PDF reader: {e}")),
    }
}

/// A page's characters as lines (by baseline, top to bottom) of segments
/// (split at gaps wider than about a font size).
fn page_lines(page: usize, mut chars: Vec<Ch>) -> Vec<Line> {
    chars.retain(|c| !c.text.is_empty());
    chars.sort_by_key(|c| (c.y, c.x));
    let mut rows: Vec<Vec<Ch>> = Vec::new();
    let mut base = i64::MIN;
    for c in chars {
        let tolerance = (c.size * 3 / 10).max(100);
        match rows.last_mut() {
            Some(row) if c.y - base <= tolerance => row.push(c),
            _ => {
                base = c.y;
                rows.push(vec![c]);
            }
        }
    }
    // Where the space above a line is well over the page's usual line
    // spacing (a table's end, a heading's margins), the line says so: the
    // layout reader ends a table there and folds no heading into its last
    // row (paragraphs are cut as before).
    let bases: Vec<i64> = rows.iter().map(|r| r.first().map_or(0, |c| c.y)).collect();
    let mut steps: Vec<i64> = bases
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|d| *d > 0)
        .collect();
    steps.sort_unstable();
    let usual = steps.get(steps.len() / 2).copied();
    let mut lines = Vec::new();
    for (n, mut row) in rows.into_iter().enumerate() {
        let space_before = match (usual, n.checked_sub(1).and_then(|k| bases.get(k))) {
            (Some(usual), Some(prev)) => {
                (bases[n] - prev).saturating_mul(10) > usual.saturating_mul(17)
            }
            _ => false,
        };
        row.sort_by_key(|c| c.x);
        let mut segs: Vec<Seg> = Vec::new();
        let mut end: Option<i64> = None;
        let mut pending_space = false;
        for c in row {
            if c.text.trim().is_empty() {
                pending_space = end.is_some();
                continue;
            }
            let gap = end.map_or(i64::MAX, |e| c.x.saturating_sub(e));
            let wide = gap > c.size * 9 / 10;
            match segs.last_mut() {
                Some(s) if !wide => {
                    if pending_space || gap > c.size / 6 {
                        s.text.push(' ');
                    }
                    s.text.push_str(&c.text);
                    s.x1 = c.x + c.w;
                }
                _ => segs.push(Seg {
                    text: c.text.clone(),
                    x0: c.x,
                    x1: c.x + c.w,
                    bold: false,
                }),
            }
            pending_space = false;
            end = Some(c.x.saturating_add(c.w));
        }
        lines.push(Line {
            loc: Loc::Page { page, line: n + 1 },
            segs,
            space_before,
            step: n
                .checked_sub(1)
                .and_then(|k| bases.get(k))
                .map(|prev| bases[n] - prev),
        });
    }
    lines
}

/// `%PDF-` in the first kilobyte (some writers put bytes before it).
pub fn sniff(bytes: &[u8]) -> super::Sniff {
    if memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        super::Sniff::Yes
    } else {
        super::Sniff::No
    }
}

pub fn read(source: &Source) -> Result<Document, InputError> {
    let err = |m: String| InputError::new(source.name, m);
    if !source.bytes.starts_with(b"%PDF")
        && memchr::memmem::find(&source.bytes[..source.bytes.len().min(1024)], b"%PDF").is_none()
    {
        return Err(err("not a PDF (no %PDF header)".into()));
    }
    if source.bytes.len() > MAX_PDF_BYTES {
        return Err(err(format!(
            "a PDF of more than {} MiB; not read",
            MAX_PDF_BYTES / (1024 * 1024)
        )));
    }
    check_streams(source.name, source.bytes, STREAM_LIMIT)?;
    let pages = match extract_guarded(source.bytes) {
        Outcome::Pages(p) => p,
        Outcome::Encrypted => return Err(err(
            "the PDF is encrypted (password-protected); save an unprotected copy and verify that"
                .into(),
        )),
        Outcome::TooMany => {
            return Err(err(format!(
                "the PDF has more than {MAX_CHARS} characters of text; not read"
            )))
        }
        Outcome::Damaged(why) => return Err(err(format!("not a readable PDF: {why}"))),
    };
    let text_chars: usize = pages
        .iter()
        .map(|p| p.iter().filter(|c| !c.text.trim().is_empty()).count())
        .sum();
    if text_chars == 0 {
        return Err(err(format!(
            "the PDF has no text layer ({} page(s) of images, a scan?); run OCR on it first (e.g. ocrmypdf) and verify the result",
            pages.len()
        )));
    }
    let mut doc = Document::new(source.name, source.style);
    // One sequence of lines: a table that breaks across pages goes on.
    let lines: Vec<Line> = pages
        .into_iter()
        .enumerate()
        .flat_map(|(i, page)| page_lines(i + 1, page))
        .collect();
    // An indent step is about a font size (6 pt).
    let (blocks, notices) = layout::blocks(&lines, 600);
    doc.blocks = blocks;
    doc.notices = notices;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::NumberStyle;

    fn ch(x: i64, y: i64, s: &str) -> Ch {
        Ch {
            x: x * 100,
            y: y * 100,
            w: 500,
            size: 1000,
            text: s.into(),
        }
    }

    fn word(x: i64, y: i64, s: &str) -> Vec<Ch> {
        s.chars()
            .enumerate()
            .map(|(i, c)| ch(x + 5 * i as i64, y, &c.to_string()))
            .collect()
    }

    #[test]
    fn characters_become_lines_and_segments() {
        let mut chars = Vec::new();
        chars.extend(word(50, 100, "I"));
        chars.push(ch(55, 100, " "));
        chars.extend(word(60, 100, "alt"));
        chars.extend(word(200, 101, "-6,1"));
        chars.extend(word(300, 99, "-8,0"));
        chars.extend(word(50, 120, "Næste"));
        let lines = page_lines(2, chars);
        assert_eq!(lines.len(), 2);
        let t: Vec<&str> = lines[0].segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(t, vec!["I alt", "-6,1", "-8,0"]);
        assert_eq!(lines[1].loc, Loc::Page { page: 2, line: 2 });
    }

    /// A line with more than 1,7 times the page's usual line spacing above
    /// it says so (a heading between two tables); the others do not.
    #[test]
    fn a_wide_space_above_a_line_is_marked() {
        let mut chars = Vec::new();
        for (i, y) in [100, 112, 124, 136, 160, 172, 184].into_iter().enumerate() {
            chars.extend(word(50, y, &format!("Række {i}")));
            chars.extend(word(200, y, "1,0"));
        }
        let lines = page_lines(1, chars);
        let wide: Vec<bool> = lines.iter().map(|l| l.space_before).collect();
        assert_eq!(wide, [false, false, false, false, true, false, false]);
    }

    #[test]
    fn not_a_pdf_and_damaged_pdfs_are_bad_input() {
        let read_bytes = |b: &[u8]| {
            read(&Source {
                name: "x.pdf",
                bytes: b,
                style: NumberStyle::DANISH,
            })
            .err()
            .unwrap()
            .message
        };
        assert!(read_bytes(b"hello").contains("not a PDF"));
        assert!(read_bytes(b"%PDF-1.4\n1 0 obj\n<<").contains("not a readable PDF"));
    }

    #[test]
    fn a_flate_bomb_is_refused_before_it_is_inflated() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..3 {
            z.write_all(&zeros).unwrap();
        }
        let data = z.finish().unwrap();
        let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Length 1 /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend_from_slice(&data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        let e = check_streams("x.pdf", &pdf, 2 * 1024 * 1024).err().unwrap();
        assert!(e.message.contains("compression bomb"), "{e:?}");
    }
}
