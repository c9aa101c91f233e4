//! Figures from where they live: ERP extracts (CSV or text, `;` or tab,
//! Windows-1252 or UTF-8) and workbooks (.xlsx, .ods) in long form, one line
//! per posting or budget line, mapped to konto × center × year and summed
//! exactly.
//!
//! - [`mapping`]: the mapping file and the chart of accounts' forms.
//! - [`extract`]: the streaming reader of text extracts.
//! - [`workbook`]: the workbook reader (calamine; the one float edge).
//! - [`Importer`]: applies the mapping line by line. Memory grows with the
//!   number of groups and of distinct kontostrenge, never with the number of
//!   lines: a line's decision is cached by its key columns' raw bytes.
//! - [`scenario`]: a scenario's `data: {udtræk, mapping}`.
//!
//! Every line is accounted for: the grand total of the readable lines equals
//! the mapped total plus the unmapped amount (per reason); a line that cannot
//! be read is an error with its line number, and its amount is in no total.

pub mod extract;
pub mod mapping;
pub mod output;
pub mod scenario;
pub mod workbook;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::error::InputError;
use crate::model::Year;
use crate::money::{Decimal, Exact, Overflow, Unit};
use mapping::{Mapping, Role, Target};

/// Errors kept for display; the rest are counted.
pub const MAX_ERRORS_KEPT: usize = 100;
/// Distinct kontostrenge whose decision is cached; past this, lines are
/// decided afresh (slower, but memory stays bounded).
pub const MAX_CACHED_KEYS: usize = 1 << 16;

/// Turns a column's raw bytes into text (the extract's character set).
pub trait Decode {
    fn decode<'a>(&mut self, bytes: &'a [u8]) -> Result<Cow<'a, str>, String>;
}

/// What happens to every line with the same key columns.
#[derive(Debug, Clone, Copy)]
enum Decision {
    /// Index into the groups.
    Group(usize),
    /// Index into the unmapped entries.
    Unmapped(usize),
    /// The line cannot be read: index into the problems (column header, message).
    Error(usize),
}

/// FxHash (as in rustc): a fast hash for the decision cache, whose keys are
/// the bytes of a few short columns. The cache is bounded
/// ([`MAX_CACHED_KEYS`]), so even colliding keys cost bounded time.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// Key bytes up to this length are cached inline (one memory access per
/// lookup instead of two); longer keys in a map of boxed keys.
const INLINE_KEY: usize = 46;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct InlineKey {
    len: u8,
    bytes: [u8; INLINE_KEY],
}

impl InlineKey {
    fn new(key: &[u8]) -> Option<InlineKey> {
        let mut bytes = [0u8; INLINE_KEY];
        bytes.get_mut(..key.len())?.copy_from_slice(key);
        Some(InlineKey {
            len: key.len() as u8,
            bytes,
        })
    }
}

/// One konto × center × year sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupKey {
    /// Index into [`Aggregate::konti`].
    pub konto: usize,
    /// Index into [`Aggregate::centres`]; `None` without centres.
    pub centre: Option<usize>,
    pub year: Year,
}

/// Amount not mapped, by reason and function number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmapped {
    pub reason: String,
    pub funktion: String,
    pub lines: u64,
    pub amount: Decimal,
}

/// How each file was read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSummary {
    pub name: String,
    /// All lines (or rows) in the file.
    pub lines: u64,
    /// Line of the header.
    pub header_line: u64,
    /// Lines before the header (a title, an export date).
    pub preamble: u64,
    /// Empty lines after the header.
    pub blank: u64,
    /// Character set used (`UTF-8`, `windows-1252`, `workbook`).
    pub charset: String,
}

/// The result of an import: exact sums per konto × center × year, and every
/// line accounted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aggregate {
    pub unit: Unit,
    pub konti: Vec<String>,
    pub centres: Vec<String>,
    /// In kroner.
    pub groups: BTreeMap<GroupKey, Decimal>,
    pub unmapped: Vec<Unmapped>,
    pub files: Vec<FileSummary>,
    /// Data lines read (after the header, not blank).
    pub lines_read: u64,
    pub lines_mapped: u64,
    pub lines_unmapped: u64,
    /// Lines that could not be read (errors); their amounts are in no total.
    pub lines_failed: u64,
    /// Sum of every readable line, in kroner.
    pub total: Decimal,
    pub mapped_total: Decimal,
    /// Sum of the unmapped entries, in kroner.
    pub unmapped_total: Decimal,
    /// Years any readable line belongs to.
    pub years_seen: BTreeSet<Year>,
    /// The first [`MAX_ERRORS_KEPT`] errors, with file and line.
    pub errors: Vec<InputError>,
}

impl Aggregate {
    /// Unmapped amounts per reason, in order: (reason, lines, amount).
    pub fn unmapped_by_reason(&self) -> Result<Vec<(String, u64, Decimal)>, Overflow> {
        let mut out: Vec<(String, u64, Decimal)> = Vec::new();
        for u in &self.unmapped {
            match out.iter_mut().find(|(r, _, _)| *r == u.reason) {
                Some(e) => {
                    e.1 += u.lines;
                    e.2 =
                        e.2.exact_add(u.amount)
                            .ok_or_else(|| Overflow::new("an unmapped sum"))?;
                }
                None => out.push((u.reason.clone(), u.lines, u.amount)),
            }
        }
        Ok(out)
    }

    /// Sum per konto and year over the centers.
    pub fn by_konto(&self) -> Result<BTreeMap<(usize, Year), Decimal>, Overflow> {
        let mut out: BTreeMap<(usize, Year), Decimal> = BTreeMap::new();
        for (k, v) in &self.groups {
            let e = out.entry((k.konto, k.year)).or_insert(Decimal::ZERO);
            *e = e
                .exact_add(*v)
                .ok_or_else(|| Overflow::new("a konto's sum"))?;
        }
        Ok(out)
    }

    /// Whether mapped + not mapped = the total of the readable lines (the
    /// three are summed independently, line by line).
    pub fn reconciles(&self) -> bool {
        self.mapped_total.exact_add(self.unmapped_total) == Some(self.total)
    }

    /// Years any readable line belongs to.
    pub fn years(&self) -> Vec<Year> {
        self.years_seen.iter().copied().collect()
    }
}

/// Applies a mapping to lines, one at a time.
pub struct Importer<'m> {
    mapping: &'m Mapping,
    /// Extra year filter (a scenario's years), on top of the mapping's.
    years_filter: Vec<Year>,
    cache: HashMap<InlineKey, Decision, FxBuild>,
    long_cache: HashMap<Box<[u8]>, Decision, FxBuild>,
    problems: Vec<(String, String)>,
    key: Vec<u8>,
    group_index: HashMap<GroupKey, usize>,
    groups: Vec<(GroupKey, Decimal)>,
    unmapped_index: HashMap<(String, String), usize>,
    unmapped: Vec<Unmapped>,
    agg_files: Vec<FileSummary>,
    lines_read: u64,
    lines_mapped: u64,
    lines_unmapped: u64,
    lines_failed: u64,
    total: Decimal,
    years_seen: BTreeSet<Year>,
    errors: Vec<InputError>,
}

impl<'m> Importer<'m> {
    pub fn new(mapping: &'m Mapping) -> Importer<'m> {
        Importer {
            mapping,
            years_filter: Vec::new(),
            cache: HashMap::default(),
            long_cache: HashMap::default(),
            problems: Vec::new(),
            key: Vec::with_capacity(128),
            group_index: HashMap::new(),
            groups: Vec::new(),
            unmapped_index: HashMap::new(),
            unmapped: Vec::new(),
            agg_files: Vec::new(),
            lines_read: 0,
            lines_mapped: 0,
            lines_unmapped: 0,
            lines_failed: 0,
            total: Decimal::ZERO,
            years_seen: BTreeSet::new(),
            errors: Vec::new(),
        }
    }

    /// Maps only these years (a scenario's); other years are counted as not mapped.
    pub fn with_years(mut self, years: Vec<Year>) -> Importer<'m> {
        self.years_filter = years;
        self
    }

    pub fn mapping(&self) -> &Mapping {
        self.mapping
    }

    /// A fresh importer with the same mapping and year filter (for one range
    /// of a file read in parallel; [`Importer::merge`] adds it back).
    pub(crate) fn fork(&self) -> Importer<'m> {
        Importer::new(self.mapping).with_years(self.years_filter.clone())
    }

    /// Adds a fork's lines, its errors' line numbers shifted by `line_offset`.
    pub(crate) fn merge(&mut self, other: Importer<'_>, line_offset: u64) -> Result<(), Overflow> {
        for (key, v) in other.groups {
            let i = match self.group_index.get(&key) {
                Some(&i) => i,
                None => {
                    self.groups.push((key, Decimal::ZERO));
                    self.group_index.insert(key, self.groups.len() - 1);
                    self.groups.len() - 1
                }
            };
            if let Some(g) = self.groups.get_mut(i) {
                g.1 =
                    g.1.exact_add(v)
                        .ok_or_else(|| Overflow::new("a group's sum"))?;
            }
        }
        for u in other.unmapped {
            let Decision::Unmapped(i) = self.unmapped_entry(u.reason, u.funktion) else {
                continue;
            };
            if let Some(mine) = self.unmapped.get_mut(i) {
                mine.lines += u.lines;
                mine.amount = mine
                    .amount
                    .exact_add(u.amount)
                    .ok_or_else(|| Overflow::new("an unmapped sum"))?;
            }
        }
        self.lines_read += other.lines_read;
        self.lines_mapped += other.lines_mapped;
        self.lines_unmapped += other.lines_unmapped;
        self.lines_failed += other.lines_failed;
        self.total = self
            .total
            .exact_add(other.total)
            .ok_or_else(|| Overflow::new("the extract's total"))?;
        self.years_seen.extend(other.years_seen);
        for mut e in other.errors {
            if self.errors.len() >= MAX_ERRORS_KEPT {
                break;
            }
            e.location.line = e.location.line.map(|l| l + line_offset as usize);
            self.errors.push(e);
        }
        Ok(())
    }

    /// Starts a new file: decisions are cached per file, since the raw
    /// bytes of a key mean different text in different character sets.
    pub(crate) fn begin_file(&mut self) {
        self.cache.clear();
        self.long_cache.clear();
    }

    pub(crate) fn end_file(&mut self, summary: FileSummary) {
        self.agg_files.push(summary);
    }

    /// A line that could not be read at all (too long, ragged, bad quoting).
    pub(crate) fn line_error(
        &mut self,
        file: &str,
        line: u64,
        column: Option<&str>,
        message: String,
    ) {
        self.lines_read += 1;
        self.lines_failed += 1;
        self.push_error(file, line, column, message);
    }

    fn push_error(&mut self, file: &str, line: u64, column: Option<&str>, message: String) {
        if self.errors.len() < MAX_ERRORS_KEPT {
            let mut e = InputError::new(file, message).at(Some(line as usize), None);
            if let Some(c) = column {
                e = e.with_path(c);
            }
            self.errors.push(e);
        }
    }

    /// One data line: the raw bytes of each slot's column (in the mapping's
    /// slot order) and the amount (already read, in the extract's unit).
    pub(crate) fn record(
        &mut self,
        file: &str,
        line: u64,
        fields: &[&[u8]],
        amount: Result<Decimal, String>,
        decode: &mut dyn Decode,
    ) -> Result<(), Overflow> {
        self.lines_read += 1;
        self.key.clear();
        for f in fields {
            self.key.extend_from_slice(f);
            self.key.push(0x1f);
        }
        let inline = InlineKey::new(&self.key);
        let cached = match &inline {
            Some(k) => self.cache.get(k).copied(),
            None => self.long_cache.get(&self.key[..]).copied(),
        };
        let decision = match cached {
            Some(d) => d,
            None => {
                let d = self.decide(fields, decode);
                if self.cache.len() + self.long_cache.len() < MAX_CACHED_KEYS {
                    match inline {
                        Some(k) => {
                            self.cache.insert(k, d);
                        }
                        None => {
                            self.long_cache
                                .insert(self.key.clone().into_boxed_slice(), d);
                        }
                    }
                }
                d
            }
        };
        let amount = match (decision, amount) {
            (Decision::Error(i), _) => {
                self.lines_failed += 1;
                if self.errors.len() < MAX_ERRORS_KEPT {
                    let (col, msg) = self.problems.get(i).cloned().unwrap_or_default();
                    self.push_error(file, line, Some(&col), msg);
                }
                return Ok(());
            }
            (_, Err(msg)) => {
                self.lines_failed += 1;
                let col = self.mapping.amount_header.clone();
                self.push_error(file, line, Some(&col), msg);
                return Ok(());
            }
            (_, Ok(a)) => a,
        };
        let kroner = if self.mapping.unit == Unit::Kr {
            amount
        } else {
            self.mapping
                .unit
                .to_kroner(amount)
                .map_err(|_| Overflow::new(format!("{file}:{line}: the amount in kr.")))?
        };
        self.total = self
            .total
            .exact_add(kroner)
            .ok_or_else(|| Overflow::new(format!("{file}:{line}: the extract's total")))?;
        match decision {
            Decision::Group(i) => {
                self.lines_mapped += 1;
                let g = &mut self.groups[i].1;
                *g = g
                    .exact_add(kroner)
                    .ok_or_else(|| Overflow::new(format!("{file}:{line}: a group's sum")))?;
            }
            Decision::Unmapped(i) => {
                self.lines_unmapped += 1;
                let u = &mut self.unmapped[i];
                u.lines += 1;
                u.amount = u
                    .amount
                    .exact_add(kroner)
                    .ok_or_else(|| Overflow::new(format!("{file}:{line}: an unmapped sum")))?;
            }
            Decision::Error(_) => {}
        }
        Ok(())
    }

    /// Decides a key: read and check each column, then the first rule and
    /// the first centre that match.
    fn decide(&mut self, fields: &[&[u8]], decode: &mut dyn Decode) -> Decision {
        let m = self.mapping;
        let mut texts: Vec<String> = Vec::with_capacity(fields.len());
        for (slot, raw) in m.slots.iter().zip(fields) {
            let text = match decode.decode(raw) {
                Ok(t) => t,
                Err(e) => return self.problem(slot.header.clone(), e),
            };
            let read = match slot.role {
                Role::Funktion => mapping::parse_funktion(&text, false),
                Role::Kontostreng => mapping::parse_funktion(&text, true),
                Role::Dranst => mapping::parse_dranst(&text),
                Role::Art => mapping::parse_art(&text),
                Role::Year => mapping::parse_period_year(&text).map(|y| y.to_string()),
                Role::Text => Ok(text.trim().to_string()),
            };
            match read {
                Ok(t) => texts.push(t),
                Err(mut e) => {
                    let lower = text.trim().to_lowercase();
                    if ["i alt", "total", "sum", "subtotal"]
                        .iter()
                        .any(|w| lower.starts_with(w))
                    {
                        e.push_str(
                            "; a total line? remove it from the extract (its amount would be counted twice)",
                        );
                    }
                    return self.problem(slot.header.clone(), e);
                }
            }
        }
        let year: Year = texts
            .last()
            .and_then(|y| y.parse().ok())
            .unwrap_or_default();
        let funktion = texts.first().cloned().unwrap_or_default();
        self.years_seen.insert(year);
        let not_listed = |years: &[Year]| !years.is_empty() && !years.contains(&year);
        if not_listed(&m.years) {
            return self.unmapped_entry("year not listed in the mapping".to_string(), funktion);
        }
        if not_listed(&self.years_filter) {
            return self.unmapped_entry("year not in the scenario".to_string(), funktion);
        }
        let matches = |globs: &[(usize, mapping::Glob)]| {
            globs
                .iter()
                .all(|(i, g)| texts.get(*i).is_some_and(|t| g.matches(t)))
        };
        let konto = match m
            .rules
            .iter()
            .find(|r| matches(&r.globs))
            .map(|r| &r.target)
        {
            None => return self.unmapped_entry("no rule matches".to_string(), funktion),
            Some(Target::Excluded(reason)) => {
                return self.unmapped_entry(format!("excluded: {reason}"), funktion)
            }
            Some(Target::Konto(k)) => *k,
        };
        let centre = if m.centre_rules.is_empty() {
            None
        } else {
            match m.centre_rules.iter().find(|c| matches(&c.globs)) {
                Some(c) => Some(c.centre),
                None => return self.unmapped_entry("no centre matches".to_string(), funktion),
            }
        };
        let key = GroupKey {
            konto,
            centre,
            year,
        };
        let i = match self.group_index.get(&key) {
            Some(&i) => i,
            None => {
                self.groups.push((key, Decimal::ZERO));
                self.group_index.insert(key, self.groups.len() - 1);
                self.groups.len() - 1
            }
        };
        Decision::Group(i)
    }

    fn problem(&mut self, column: String, message: String) -> Decision {
        // A problem is made while reading a line, which then reports it while
        // fewer than MAX_ERRORS_KEPT are kept; past that, none is shown, so
        // none need be kept (memory stays bounded past the cache's limit).
        if self.problems.len() >= MAX_ERRORS_KEPT {
            return Decision::Error(usize::MAX);
        }
        self.problems.push((column, message));
        Decision::Error(self.problems.len() - 1)
    }

    fn unmapped_entry(&mut self, reason: String, funktion: String) -> Decision {
        let k = (reason, funktion);
        let i = match self.unmapped_index.get(&k) {
            Some(&i) => i,
            None => {
                self.unmapped.push(Unmapped {
                    reason: k.0.clone(),
                    funktion: k.1.clone(),
                    lines: 0,
                    amount: Decimal::ZERO,
                });
                self.unmapped_index.insert(k, self.unmapped.len() - 1);
                self.unmapped.len() - 1
            }
        };
        Decision::Unmapped(i)
    }

    /// The sums and the account of every line.
    pub fn finish(self) -> Result<Aggregate, Overflow> {
        let mapped_total =
            crate::money::checked_sum(self.groups.iter().map(|(_, v)| *v), "the mapped total")?;
        let unmapped_total = crate::money::checked_sum(
            self.unmapped.iter().map(|u| u.amount),
            "the unmapped total",
        )?;
        let mut unmapped = self.unmapped;
        unmapped.retain(|u| u.lines > 0);
        unmapped.sort_by(|a, b| (&a.reason, &a.funktion).cmp(&(&b.reason, &b.funktion)));
        Ok(Aggregate {
            unit: self.mapping.unit,
            konti: self.mapping.konti.clone(),
            centres: self.mapping.centres.clone(),
            groups: self.groups.into_iter().collect(),
            unmapped,
            files: self.agg_files,
            lines_read: self.lines_read,
            lines_mapped: self.lines_mapped,
            lines_unmapped: self.lines_unmapped,
            lines_failed: self.lines_failed,
            total: self.total,
            mapped_total,
            unmapped_total,
            years_seen: self.years_seen,
            errors: self.errors,
        })
    }
}

/// Why an import could not be done at all (a file that cannot be opened,
/// no header), as opposed to lines that cannot be read.
pub type FileError = InputError;

/// Reads every extract or workbook with one mapping. `progress` is told the
/// bytes read so far of the current file and its size.
pub fn import_files(
    paths: &[&Path],
    mapping: &Mapping,
    years: Vec<Year>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Aggregate, FileError> {
    let mut imp = Importer::new(mapping).with_years(years);
    for path in paths {
        if workbook::is_workbook(path) {
            workbook::read_workbook(path, &mut imp)?;
        } else {
            extract::read_extract_file(path, &mut imp, progress)?;
        }
    }
    imp.finish()
        .map_err(|e| InputError::new(mapping.file.clone(), e.to_string()))
}
