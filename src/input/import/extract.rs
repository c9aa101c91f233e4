//! Text extracts as the financial systems export them: `;` or tab separated,
//! Windows-1252 or UTF-8 (with or without a byte-order mark), a header row
//! (possibly after a few title lines), Danish numbers (`-1.234.567,89`, also
//! with a trailing minus `1.234,00-`). Read line by line from a buffer:
//! memory does not grow with the file.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::mapping::{Charset, Mapping};
use super::{Decode, FileSummary, Importer};
use crate::error::InputError;
use crate::money::{Decimal, Unit};
use crate::numfmt::{parse_number, NumberStyle};

/// The longest line read; a longer one is an error (and skipped to its end).
pub const MAX_LINE_BYTES: usize = 64 * 1024;
/// Lines searched for the header.
pub const MAX_PREAMBLE_LINES: u64 = 50;

/// The character set of one file, decided by its byte-order mark, the
/// mapping, or (auto) its first non-ASCII text.
pub struct TextDecoder {
    charset: Charset,
}

impl TextDecoder {
    pub fn new(charset: Charset) -> TextDecoder {
        TextDecoder { charset }
    }

    pub fn name(&self) -> &'static str {
        match self.charset {
            Charset::Auto => "ASCII",
            Charset::Utf8 => "UTF-8",
            Charset::Windows1252 => "windows-1252",
        }
    }
}

impl Decode for TextDecoder {
    fn decode<'a>(&mut self, bytes: &'a [u8]) -> Result<Cow<'a, str>, String> {
        if bytes.is_ascii() {
            return std::str::from_utf8(bytes)
                .map(Cow::Borrowed)
                .map_err(|e| e.to_string());
        }
        match self.charset {
            Charset::Utf8 => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|_| {
                "not UTF-8 text, though the file's earlier text was (or the mapping says `tegnsæt: utf-8`); is it windows-1252?".to_string()
            }),
            Charset::Windows1252 => Ok(encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0),
            Charset::Auto => match std::str::from_utf8(bytes) {
                Ok(s) => {
                    self.charset = Charset::Utf8;
                    Ok(Cow::Borrowed(s))
                }
                Err(_) => {
                    self.charset = Charset::Windows1252;
                    Ok(encoding_rs::WINDOWS_1252
                        .decode_without_bom_handling(bytes)
                        .0)
                }
            },
        }
    }
}

/// Reads an amount as the systems write it: Danish (`-1.234.567,89`,
/// `1234,5`), a trailing minus (`1.234,00-`), in `unit` at most to the øre.
pub fn parse_extract_amount(text: &str, unit: Unit) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("no amount (an empty cell is not zero: write 0,00)".to_string());
    }
    let (body, trailing_minus) = match t.strip_suffix('-') {
        Some(b) => (b.trim_end(), true),
        None => (t, false),
    };
    let plain = if body.is_ascii() {
        body.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b' '))
    } else {
        body.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | '\u{2212}' | '\u{a0}' | ' ')
        })
    };
    let err = || format!("{t:?} is not an amount (Danish form: -1.234.567,89 or 1.234,00-)");
    // `1.234,00--`: one trailing minus only (the number reader would take
    // the second as its own).
    if !plain || trailing_minus && body.ends_with('-') {
        return Err(err());
    }
    let mut n = parse_number(body, NumberStyle::DANISH).map_err(|_| err())?;
    if n.percent {
        return Err(err());
    }
    if trailing_minus {
        if body.starts_with(['-', '+', '\u{2212}']) {
            return Err(err());
        }
        n.value.set_sign_negative(!n.value.is_zero());
    }
    if n.decimals > unit.max_decimals() {
        return Err(format!(
            "{t:?} has {} decimals, more than {} allows (whole øre)",
            n.decimals,
            unit.name()
        ));
    }
    Ok(n.value)
}

/// Where the fields of a line are: ranges into the line, or (for a quoted
/// field with `""` inside) into a scratch buffer.
#[derive(Clone, Copy)]
enum Field {
    Line(usize, usize),
    Scratch(usize, usize),
}

/// Splits a line at `sep`; fields in double quotes may hold `sep` and `""`.
fn split_line(
    line: &[u8],
    sep: u8,
    out: &mut Vec<Field>,
    scratch: &mut Vec<u8>,
) -> Result<(), String> {
    out.clear();
    scratch.clear();
    if !line.contains(&b'"') {
        let mut start = 0;
        for i in memchr::memchr_iter(sep, line) {
            out.push(Field::Line(start, i));
            start = i + 1;
        }
        out.push(Field::Line(start, line.len()));
        return Ok(());
    }
    let mut i = 0;
    loop {
        // Leading spaces before an opening quote.
        let mut j = i;
        while j < line.len() && line[j] == b' ' {
            j += 1;
        }
        if j < line.len() && line[j] == b'"' {
            let s = scratch.len();
            let mut k = j + 1;
            loop {
                match line.get(k) {
                    None => return Err("a quoted field is not closed on its line (a line break inside quotes is not supported)".to_string()),
                    Some(b'"') if line.get(k + 1) == Some(&b'"') => {
                        scratch.push(b'"');
                        k += 2;
                    }
                    Some(b'"') => {
                        k += 1;
                        break;
                    }
                    Some(&b) => {
                        scratch.push(b);
                        k += 1;
                    }
                }
            }
            out.push(Field::Scratch(s, scratch.len()));
            while k < line.len() && line[k] == b' ' {
                k += 1;
            }
            match line.get(k) {
                None => return Ok(()),
                Some(&b) if b == sep => i = k + 1,
                Some(_) => return Err("text after a closing quote".to_string()),
            }
        } else {
            let end = memchr::memchr(sep, &line[i..]).map_or(line.len(), |p| i + p);
            out.push(Field::Line(i, end));
            if end == line.len() {
                return Ok(());
            }
            i = end + 1;
        }
    }
}

fn field<'a>(line: &'a [u8], scratch: &'a [u8], f: Field) -> &'a [u8] {
    let b = match f {
        Field::Line(s, e) => line.get(s..e),
        Field::Scratch(s, e) => scratch.get(s..e),
    };
    b.unwrap_or(&[]).trim_ascii()
}

/// Field `i` (an empty one past the end; the caller has checked the count).
fn field_at<'a>(line: &'a [u8], scratch: &'a [u8], fields: &[Field], i: usize) -> &'a [u8] {
    fields.get(i).map_or(&[], |f| field(line, scratch, *f))
}

fn is_blank(line: &[u8], sep: Option<u8>) -> bool {
    line.iter()
        .all(|&b| b.is_ascii_whitespace() || Some(b) == sep || b == b'"')
}

/// Normalises a header cell for comparison: trimmed, case-folded.
fn header_key(s: &str) -> String {
    s.trim().trim_matches('"').trim().to_lowercase()
}

/// Opens and reads one extract file. A large file is read in parallel, in
/// byte ranges split at line ends, one importer per range, merged in order.
pub fn read_extract_file(
    path: &Path,
    imp: &mut Importer,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), InputError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| {
        InputError::new(
            &name,
            match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                _ => format!("cannot read: {e}"),
            },
        )
    })?;
    let meta = file
        .metadata()
        .map_err(|e| InputError::new(&name, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(InputError::new(&name, "is a directory, not a file"));
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if meta.is_file() && meta.len() >= PARALLEL_FROM_BYTES && threads > 1 {
        return parallel::read(path, &name, file, meta.len(), threads, imp, progress);
    }
    read_extract(&name, file, meta.len(), imp, progress)
}

/// Files from this size on are read in parallel.
pub const PARALLEL_FROM_BYTES: u64 = 8 * 1024 * 1024;

/// Where the columns are, once the header is read.
#[derive(Clone)]
struct Layout {
    slot_cols: Vec<usize>,
    amount_col: usize,
    sep: u8,
}

/// The state of reading one file (or one range of it).
struct Reading<'n> {
    name: &'n str,
    decoder: TextDecoder,
    summary: FileSummary,
    line_no: u64,
    read_bytes: u64,
    buf: Vec<u8>,
    fields: Vec<Field>,
    scratch: Vec<u8>,
}

enum Line {
    /// A line (without its end) is in `buf`.
    Text,
    /// Longer than MAX_LINE_BYTES; skipped to its end.
    TooLong,
    End,
}

impl<'n> Reading<'n> {
    fn new(name: &'n str, charset: Charset) -> Reading<'n> {
        Reading {
            name,
            decoder: TextDecoder::new(charset),
            summary: FileSummary {
                name: name.to_string(),
                ..FileSummary::default()
            },
            line_no: 0,
            read_bytes: 0,
            buf: Vec::with_capacity(4096),
            fields: Vec::new(),
            scratch: Vec::new(),
        }
    }

    fn io(&self, e: std::io::Error) -> InputError {
        InputError::new(self.name, format!("cannot read: {e}"))
    }

    /// Reads the next line into `buf`, without its line end.
    fn next_line<R: BufRead>(&mut self, reader: &mut R) -> Result<Line, InputError> {
        self.buf.clear();
        let n = reader
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| self.io(e))?;
        if n == 0 {
            return Ok(Line::End);
        }
        self.read_bytes += n as u64;
        self.line_no += 1;
        if self.buf.len() > MAX_LINE_BYTES && self.buf.last() != Some(&b'\n') {
            let mut rest = Vec::new();
            loop {
                rest.clear();
                let m = reader
                    .take(MAX_LINE_BYTES as u64)
                    .read_until(b'\n', &mut rest)
                    .map_err(|e| self.io(e))?;
                self.read_bytes += m as u64;
                if m == 0 || rest.last() == Some(&b'\n') {
                    break;
                }
            }
            return Ok(Line::TooLong);
        }
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        Ok(Line::Text)
    }

    /// Reads up to and including the header line.
    fn header<R: BufRead>(
        &mut self,
        reader: &mut R,
        mapping: &Mapping,
    ) -> Result<Layout, InputError> {
        let mut first_error: Option<String> = None;
        loop {
            match self.next_line(reader)? {
                Line::End => break,
                Line::TooLong => {
                    return Err(InputError::new(
                        self.name,
                        format!("line longer than {MAX_LINE_BYTES} bytes before the header: is this an extract?"),
                    )
                    .at(Some(self.line_no as usize), None))
                }
                Line::Text => {}
            }
            if self.line_no == 1 {
                if self.buf.starts_with(&[0xFF, 0xFE]) || self.buf.starts_with(&[0xFE, 0xFF]) {
                    return Err(InputError::new(
                        self.name,
                        "UTF-16 text; export the extract as UTF-8 or windows-1252",
                    ));
                }
                if self.buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    self.buf.drain(..3);
                    self.decoder = TextDecoder::new(Charset::Utf8);
                }
            }
            if is_blank(&self.buf, None) {
                self.summary.preamble += 1;
                continue;
            }
            match find_header(
                &self.buf,
                mapping,
                &mut self.decoder,
                &mut self.fields,
                &mut self.scratch,
            ) {
                Ok((slot_cols, amount_col, sep)) => {
                    self.summary.header_line = self.line_no;
                    return Ok(Layout {
                        slot_cols,
                        amount_col,
                        sep,
                    });
                }
                Err(missing) => {
                    first_error.get_or_insert(missing);
                    self.summary.preamble += 1;
                    if self.line_no >= MAX_PREAMBLE_LINES {
                        break;
                    }
                }
            }
        }
        let why = first_error.unwrap_or_else(|| "the file is empty".to_string());
        Err(InputError::new(
            self.name,
            format!("no header with the mapping's columns in the first {MAX_PREAMBLE_LINES} lines: {why}"),
        )
        .at(Some(1), None))
    }

    /// Reads data lines to the end of `reader`; line numbers are `line_no`
    /// plus the lines read here.
    fn data<R: BufRead>(
        &mut self,
        reader: &mut R,
        layout: &Layout,
        imp: &mut Importer,
        mapping: &Mapping,
        progress: &mut dyn FnMut(u64),
    ) -> Result<(), InputError> {
        loop {
            match self.next_line(reader)? {
                Line::End => return Ok(()),
                Line::TooLong => {
                    imp.line_error(
                        self.name,
                        self.line_no,
                        None,
                        format!("line longer than {MAX_LINE_BYTES} bytes"),
                    );
                    continue;
                }
                Line::Text => {}
            }
            if self.line_no & 0xFFFF == 0 {
                progress(self.read_bytes);
            }
            let line: &[u8] = &self.buf;
            if is_blank(line, Some(layout.sep)) {
                self.summary.blank += 1;
                continue;
            }
            if let Err(e) = split_line(line, layout.sep, &mut self.fields, &mut self.scratch) {
                imp.line_error(self.name, self.line_no, None, e);
                continue;
            }
            let need = layout
                .slot_cols
                .iter()
                .copied()
                .chain([layout.amount_col])
                .max()
                .unwrap_or(0);
            let fields = &self.fields;
            if fields.len() <= need {
                imp.line_error(
                    self.name,
                    self.line_no,
                    None,
                    format!(
                        "{} field{}, but the header's column {} is needed (a different separator? a broken line?)",
                        fields.len(),
                        if fields.len() == 1 { "" } else { "s" },
                        need + 1
                    ),
                );
                continue;
            }
            let scratch = &self.scratch;
            // The key columns' bytes, without allocating for the usual few.
            let mut small: [&[u8]; 8] = [&[]; 8];
            let many: Vec<&[u8]>;
            let raw: &[&[u8]] = if layout.slot_cols.len() <= small.len() {
                for (dst, &c) in small.iter_mut().zip(&layout.slot_cols) {
                    *dst = field_at(line, scratch, fields, c);
                }
                &small[..layout.slot_cols.len()]
            } else {
                many = layout
                    .slot_cols
                    .iter()
                    .map(|&c| field_at(line, scratch, fields, c))
                    .collect();
                &many
            };
            let amount_raw = field_at(line, scratch, fields, layout.amount_col);
            let amount = self
                .decoder
                .decode(amount_raw)
                .and_then(|t| parse_extract_amount(&t, mapping.unit));
            imp.record(self.name, self.line_no, raw, amount, &mut self.decoder)
                .map_err(|e| InputError::new(self.name, e.to_string()))?;
        }
    }
}

/// Reads one extract from any reader; `name` names it in messages.
pub fn read_extract<R: Read>(
    name: &str,
    reader: R,
    size: u64,
    imp: &mut Importer,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), InputError> {
    let mapping = imp.mapping().clone();
    imp.begin_file();
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut r = Reading::new(name, mapping.charset);
    let layout = r.header(&mut reader, &mapping)?;
    r.data(&mut reader, &layout, imp, &mapping, &mut |b| {
        progress(b, size)
    })?;
    progress(r.read_bytes, size);
    r.summary.lines = r.line_no;
    r.summary.charset = r.decoder.name().to_string();
    imp.end_file(r.summary);
    Ok(())
}

/// Reading a large file in parallel ranges.
mod parallel {
    use std::fs::File;
    use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
    use std::path::Path;
    use std::sync::atomic::{AtomicU64, Ordering};

    use super::{Layout, Reading};
    use crate::error::InputError;
    use crate::input::import::mapping::Charset;
    use crate::input::import::Importer;

    /// The offset of the first byte after the line end at or after `at`.
    fn line_start_after(file: &mut File, at: u64, size: u64) -> std::io::Result<u64> {
        file.seek(SeekFrom::Start(at))?;
        let mut r = BufReader::with_capacity(64 * 1024, file);
        let mut skipped = Vec::new();
        let n = r.read_until(b'\n', &mut skipped)?;
        Ok((at + n as u64).min(size))
    }

    pub(super) fn read(
        path: &Path,
        name: &str,
        file: File,
        size: u64,
        threads: usize,
        imp: &mut Importer,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), InputError> {
        let io = |e: std::io::Error| InputError::new(name, format!("cannot read: {e}"));
        let mapping = imp.mapping().clone();
        imp.begin_file();
        // The header, read in order.
        let mut head = BufReader::with_capacity(64 * 1024, file);
        let mut first = Reading::new(name, mapping.charset);
        let layout: Layout = first.header(&mut head, &mapping)?;
        let data_start = first.read_bytes;
        let mut file = head.into_inner();
        // Ranges of about equal size, each starting at a line.
        let mut bounds = vec![data_start];
        for k in 1..threads as u64 {
            let at = data_start + (size - data_start) * k / threads as u64;
            let b = line_start_after(&mut file, at.max(1) - 1, size).map_err(io)?;
            if b > *bounds.last().unwrap_or(&0) && b < size {
                bounds.push(b);
            }
        }
        bounds.push(size);
        let charset = match first.decoder.name() {
            "UTF-8" => Charset::Utf8,
            "windows-1252" => Charset::Windows1252,
            _ => mapping.charset,
        };
        let done = AtomicU64::new(data_start);
        let parts: Vec<Importer> = bounds.windows(2).map(|_| imp.fork()).collect();
        let results = std::thread::scope(|scope| {
            let handles: Vec<_> = bounds
                .windows(2)
                .zip(parts)
                .map(|(w, mut part)| {
                    let (from, to) = (w[0], w[1]);
                    let (mapping, layout, done) = (&mapping, &layout, &done);
                    scope.spawn(move || {
                        let mut r = Reading::new(name, charset);
                        let mut f = File::open(path).map_err(io)?;
                        f.seek(SeekFrom::Start(from)).map_err(io)?;
                        let mut reader = BufReader::with_capacity(1 << 20, f.take(to - from));
                        let mut last = 0u64;
                        r.data(&mut reader, layout, &mut part, mapping, &mut |b| {
                            done.fetch_add(b - last, Ordering::Relaxed);
                            last = b;
                        })?;
                        Ok::<_, InputError>((part, r))
                    })
                })
                .collect();
            while !handles.iter().all(|h| h.is_finished()) {
                progress(done.load(Ordering::Relaxed), size);
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(InputError::new(name, "a reading thread failed")))
                })
                .collect::<Vec<_>>()
        });
        progress(size, size);
        let mut lines = first.line_no;
        let mut summary = first.summary;
        let mut charsets = vec![first.decoder.name()];
        for res in results {
            let (part, r) = res?;
            imp.merge(part, lines)
                .map_err(|e| InputError::new(name, e.to_string()))?;
            lines += r.line_no;
            summary.blank += r.summary.blank;
            charsets.push(r.decoder.name());
        }
        let named: Vec<&str> = charsets.iter().copied().filter(|c| *c != "ASCII").collect();
        if named.windows(2).any(|w| w[0] != w[1]) {
            return Err(InputError::new(
                name,
                "the extract's text is UTF-8 in one part and windows-1252 in another; set `tegnsæt` in the mapping",
            ));
        }
        summary.lines = lines;
        summary.charset = named.first().copied().unwrap_or("ASCII").to_string();
        imp.end_file(summary);
        Ok(())
    }
}

/// The columns of a header line: each slot's index, the amount's, and the
/// separator; or what is missing.
fn find_header(
    line: &[u8],
    mapping: &super::mapping::Mapping,
    decoder: &mut TextDecoder,
    fields: &mut Vec<Field>,
    scratch: &mut Vec<u8>,
) -> Result<(Vec<usize>, usize, u8), String> {
    let seps: Vec<u8> = match mapping.separator {
        Some(s) => vec![s],
        None => vec![b';', b'\t'],
    };
    let mut best_missing: Option<String> = None;
    for sep in seps {
        if split_line(line, sep, fields, scratch).is_err() {
            continue;
        }
        let mut names: Vec<String> = Vec::with_capacity(fields.len());
        for f in fields.iter() {
            let text = decoder.decode(field(line, scratch, *f))?;
            names.push(header_key(&text));
        }
        let find = |h: &str| names.iter().position(|n| *n == header_key(h));
        let mut slot_cols = Vec::new();
        let mut missing = Vec::new();
        for s in &mapping.slots {
            match find(&s.header) {
                Some(i) => slot_cols.push(i),
                None => missing.push(format!("{:?} ({})", s.header, s.name)),
            }
        }
        let amount = find(&mapping.amount_header);
        if amount.is_none() {
            missing.push(format!("{:?} (beløb)", mapping.amount_header));
        }
        match amount {
            Some(a) if missing.is_empty() => return Ok((slot_cols, a, sep)),
            _ => {
                if best_missing.is_none() || fields.len() > 1 {
                    let shown: Vec<String> = names.iter().take(20).cloned().collect();
                    best_missing = Some(format!(
                        "missing {}; the first line's columns: {}",
                        missing.join(", "),
                        shown.join(" | ")
                    ));
                }
            }
        }
    }
    Err(best_missing.unwrap_or_else(|| "no columns".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn danish_amounts() {
        let kr = Unit::Kr;
        assert_eq!(
            parse_extract_amount("-1.234.567,89", kr).unwrap(),
            d("-1234567.89")
        );
        assert_eq!(
            parse_extract_amount("1.234,00-", kr).unwrap(),
            d("-1234.00")
        );
        assert_eq!(parse_extract_amount("1234,5", kr).unwrap(), d("1234.5"));
        assert_eq!(parse_extract_amount(" 0,00- ", kr).unwrap(), d("0"));
        assert!(parse_extract_amount("0,00-", kr)
            .unwrap()
            .is_sign_positive());
        assert_eq!(parse_extract_amount("325.000", kr).unwrap(), d("325000"));
        for bad in [
            "", "12,3,4", "1234.56", "-1,00-", "12 kr", "1,234", "5%", "abc",
        ] {
            assert!(parse_extract_amount(bad, kr).is_err(), "{bad:?}");
        }
        assert_eq!(
            parse_extract_amount("1,234", kr).unwrap_err(),
            "\"1,234\" has 3 decimals, more than kr. allows (whole øre)"
        );
        assert_eq!(
            parse_extract_amount("1,234", Unit::TKr).unwrap(),
            d("1.234")
        );
    }

    #[test]
    fn splits_quoted_fields() {
        let (mut f, mut s) = (Vec::new(), Vec::new());
        let line = b"a;\"b;c\";\"d\"\"e\";f";
        split_line(line, b';', &mut f, &mut s).unwrap();
        let got: Vec<&[u8]> = f.iter().map(|x| field(line, &s, *x)).collect();
        assert_eq!(got, vec![&b"a"[..], b"b;c", b"d\"e", b"f"]);
        assert!(split_line(b"a;\"b", b';', &mut f, &mut s).is_err());
    }

    #[test]
    fn decoder_locks_on_first_non_ascii() {
        let mut d = TextDecoder::new(Charset::Auto);
        assert_eq!(d.decode(b"abc").unwrap(), "abc");
        assert_eq!(d.decode(b"\xd8st").unwrap(), "Øst");
        assert_eq!(d.name(), "windows-1252");
        let mut u = TextDecoder::new(Charset::Auto);
        assert_eq!(u.decode("Øst".as_bytes()).unwrap(), "Øst");
        assert!(u.decode(b"\xd8st").is_err());
    }
}
