//! The mapping file (YAML): which extract columns hold what, and which lines
//! go to which konto and center. Its serde structs also generate the JSON
//! Schema (`sparekrav schema --mapping`).
//!
//! ```yaml
//! kolonner: {funktion: Funktion, art: Art, sted: Omkostningssted, år: År, beløb: Beløb}
//! regler:                      # first match wins; a glob per column
//!   - {funktion: "6.45.53", konto: service}
//!   - {funktion: "5.68.9*", konto: indsats}
//!   - {funktion: "5.57.*", dranst: "2", udelad: statsrefusion}
//! centre:
//!   - {sted: "41*", center: Center for Job og Kompetencer}
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::error::{InputError, InputErrors};
use crate::input::amount::YearKey;
use crate::input::locate::Locator;
use crate::input::scenario::UnitName;
use crate::input::unique_map::UniqueMap;
use crate::model::Year;
use crate::money::Unit;

/// The largest mapping file read (a mapping is a few kB).
pub const MAX_MAPPING_BYTES: u64 = 4 * 1024 * 1024;

/// A mapping from an extract's lines to a scenario's konti, centers and years.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MappingFile {
    /// Column names in the extract's header, by role: `funktion` (or
    /// `kontostreng`), `år` and `beløb` are required; `dranst`, `art`, `sted`
    /// and any other name may be given and then used in `regler` and `centre`.
    pub kolonner: UniqueMap<String, String>,
    /// Unit of the extract's amounts (default kr.).
    #[serde(default)]
    pub enhed: Option<UnitName>,
    /// The scenario section the figures fill: `realiserede_besparelser`
    /// (default), `besparelseskrav` or `budgetter`.
    #[serde(default)]
    pub afsnit: Option<Section>,
    /// The dimension that `centre` fills (default `center`).
    #[serde(default)]
    pub dimension: Option<String>,
    /// Only these years are mapped; lines of other years are counted as not mapped.
    #[serde(default, rename = "år")]
    pub years: Vec<YearKey>,
    /// Field separator: `;` or a tab (`"\t"`); default: guessed from the header.
    #[serde(default)]
    pub skilletegn: Option<String>,
    /// Character set: `utf-8`, `windows-1252` or `auto` (default: a byte-order
    /// mark or the first non-ASCII byte decides).
    #[serde(default, rename = "tegnsæt")]
    pub tegnsæt: Option<Charset>,
    /// Sheet of a workbook (.xlsx, .ods); default the first.
    #[serde(default)]
    pub ark: Option<String>,
    /// Rules, first match wins: column -> glob (`*` any run, `?` one
    /// character), then `konto: KEY` or `udelad: REASON` (not mapped, for that reason).
    pub regler: Vec<RuleFile>,
    /// Centers, first match wins: column -> glob, then `center: NAME`. Without
    /// centres the figures are per konto and year only.
    #[serde(default)]
    pub centre: Vec<CentreFile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Section {
    #[serde(rename = "realiserede_besparelser")]
    Realiserede,
    #[serde(rename = "besparelseskrav")]
    Besparelseskrav,
    #[serde(rename = "budgetter")]
    Budgetter,
}

impl Section {
    pub fn key(self) -> &'static str {
        match self {
            Section::Realiserede => "realiserede_besparelser",
            Section::Besparelseskrav => "besparelseskrav",
            Section::Budgetter => "budgetter",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Charset {
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = "utf-8", alias = "utf8", alias = "UTF-8")]
    Utf8,
    #[serde(
        rename = "windows-1252",
        alias = "cp1252",
        alias = "latin-1",
        alias = "latin1",
        alias = "iso-8859-1"
    )]
    Windows1252,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RuleFile {
    /// The konto (a key of the scenario's `konti`) that matching lines go to.
    #[serde(default)]
    pub konto: Option<String>,
    /// Matching lines are not mapped, for this reason (e.g. `statsrefusion`).
    #[serde(default)]
    pub udelad: Option<String>,
    /// Column -> glob; all must match.
    #[serde(flatten)]
    pub globs: BTreeMap<String, GlobText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CentreFile {
    /// The center (a member of the scenario's dimension) that matching lines go to.
    pub center: String,
    /// Column -> glob; all must match.
    #[serde(flatten)]
    pub globs: BTreeMap<String, GlobText>,
}

/// A glob as written: a YAML scalar of any kind, taken as its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobText(pub String);

struct GlobVisitor;

impl Visitor<'_> for GlobVisitor {
    type Value = GlobText;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a glob such as \"5.68.9*\"")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<GlobText, E> {
        Ok(GlobText(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<GlobText, E> {
        Ok(GlobText(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<GlobText, E> {
        Ok(GlobText(v.to_string()))
    }
}

impl<'de> Deserialize<'de> for GlobText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<GlobText, D::Error> {
        d.deserialize_str(GlobVisitor)
    }
}

impl JsonSchema for GlobText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Glob".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A glob over the column's text: `*` any run of characters, `?` one character. Function numbers are written h.hh.ff (5.68.90), art h.a (4.0).",
            "type": ["string", "integer"]
        })
    }
}

/// What a column is, and so how its text is read and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A function number `h.hh.ff`.
    Funktion,
    /// A whole kontostreng: its first five digits are the function number.
    Kontostreng,
    /// One digit.
    Dranst,
    /// Hovedart and art, `4.0` (also written `40`); underart digits allowed.
    Art,
    /// Year or period (`2026`, `2026-03`, `202603`, `03.2026`).
    Year,
    /// Any other text (omkostningssted, a free column).
    Text,
}

/// A column the key of a line is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The role name in `kolonner` (`funktion`, `sted` ...).
    pub name: String,
    /// The header text in the extract.
    pub header: String,
    pub role: Role,
}

/// A compiled glob: literal runs, `*` and `?`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    text: String,
}

impl Glob {
    pub fn new(text: &str) -> Glob {
        Glob {
            text: text.trim().to_string(),
        }
    }

    /// Whether the whole of `s` matches (characters, not bytes).
    pub fn matches(&self, s: &str) -> bool {
        if self.text.is_ascii() && s.is_ascii() {
            return glob_match(self.text.as_bytes(), s.as_bytes());
        }
        let p: Vec<char> = self.text.chars().collect();
        let t: Vec<char> = s.chars().collect();
        glob_match(&p, &t)
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Glob matching with one backtrack point for the last `*` (linear in
/// practice, at most |p|·|t|).
fn glob_match<T: Copy + PartialEq + From<u8>>(p: &[T], t: &[T]) -> bool {
    let (star, any) = (T::from(b'*'), T::from(b'?'));
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut back: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some(&c) if c == star => {
                back = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == any || Some(&c) == t.get(ti) => {
                pi += 1;
                ti += 1;
            }
            _ => match back {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    back = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..).unwrap_or(&[]).iter().all(|&c| c == star)
}

/// Where a line goes when it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Index into [`Mapping::konti`].
    Konto(usize),
    /// Not mapped, for this reason.
    Excluded(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// (slot index, glob)
    pub globs: Vec<(usize, Glob)>,
    pub target: Target,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CentreRule {
    pub globs: Vec<(usize, Glob)>,
    /// Index into [`Mapping::centres`].
    pub centre: usize,
}

/// A checked mapping, ready to apply.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// Where it was read from (for messages).
    pub file: String,
    /// The columns a line's key is made of: the function first, the year last.
    pub slots: Vec<Slot>,
    /// Header of the amount column.
    pub amount_header: String,
    pub unit: Unit,
    pub section: Section,
    pub dimension: String,
    /// Empty: every year.
    pub years: Vec<Year>,
    pub separator: Option<u8>,
    pub charset: Charset,
    pub sheet: Option<String>,
    /// Konto keys, in the order the rules name them.
    pub konti: Vec<String>,
    /// Center names, in the order `centre` names them.
    pub centres: Vec<String>,
    pub rules: Vec<Rule>,
    pub centre_rules: Vec<CentreRule>,
}

impl Mapping {
    /// Index of the slot that holds the function number.
    pub fn funktion_slot(&self) -> usize {
        0
    }

    /// Index of the year slot.
    pub fn year_slot(&self) -> usize {
        self.slots.len() - 1
    }
}

/// Reads and checks a mapping file.
pub fn read_mapping_file(path: &Path) -> Result<Mapping, InputErrors> {
    let text = crate::input::read_text(path, MAX_MAPPING_BYTES)?;
    read_mapping_str(&path.display().to_string(), &text)
}

/// Reads and checks a mapping from text; `file` names it in errors.
pub fn read_mapping_str(file: &str, source: &str) -> Result<Mapping, InputErrors> {
    if source.trim().is_empty() {
        return Err(InputError::new(
            file,
            "empty file: a mapping needs at least `kolonner` and `regler`",
        )
        .into());
    }
    let locator = Locator::new(source);
    if let Some((line, column)) = locator.too_deep_at {
        return Err(InputError::new(file, "nested too deeply to be a mapping")
            .at(Some(line), Some(column))
            .into());
    }
    if let Some((path, (line, col))) = locator.duplicates.first() {
        let key = path.rsplit('.').next().unwrap_or(path);
        return Err(InputError::new(file, format!("duplicate key {key:?}"))
            .at(Some(*line), Some(*col))
            .with_path(path.as_str())
            .into());
    }
    let parsed: MappingFile =
        serde_yaml::from_str(source).map_err(|e| crate::input::yaml_error(file, &e))?;
    compile(file, &parsed).map_err(|errors| {
        InputErrors(
            errors
                .into_iter()
                .map(|(path, message)| {
                    let pos = locator.locate(&path);
                    InputError::new(file, message)
                        .at(pos.map(|p| p.0), pos.map(|p| p.1))
                        .with_path(path)
                })
                .collect(),
        )
    })
}

fn role_of(name: &str) -> Role {
    match name {
        "funktion" => Role::Funktion,
        "kontostreng" => Role::Kontostreng,
        "dranst" => Role::Dranst,
        "art" => Role::Art,
        "år" => Role::Year,
        _ => Role::Text,
    }
}

/// Checks a glob against the written form of its column: a function number
/// pattern must fit `h.hh.ff`, a dranst pattern one digit, an art pattern `h.a`.
fn check_glob_form(role: Role, glob: &str) -> Result<(), String> {
    let template: &str = match role {
        Role::Funktion | Role::Kontostreng => "d.dd.dd",
        Role::Dranst => "d",
        Role::Art => "d.d",
        Role::Year | Role::Text => return Ok(()),
    };
    let what = match role {
        Role::Dranst => "a dranst is one digit (0-9)",
        Role::Art => "an art is written h.a (4.0), with optional underart digits (4.01)",
        _ => "a function number is written h.hh.ff (hovedkonto 0-9, e.g. 5.68.90)",
    };
    let t: Vec<char> = template.chars().collect();
    let mut i = 0;
    for c in glob.chars() {
        if c == '*' {
            return Ok(());
        }
        // Underart digits after the template, for art only.
        let expected = match t.get(i) {
            Some(&e) => e,
            None if role == Role::Art && (c.is_ascii_digit() || c == '?') => 'd',
            None => return Err(format!("{glob:?} is longer than the form: {what}")),
        };
        let ok = match expected {
            'd' => c.is_ascii_digit() || c == '?',
            _ => c == expected,
        };
        if !ok {
            return Err(format!("{glob:?} does not fit the chart's form: {what}"));
        }
        i += 1;
    }
    if i < t.len() {
        return Err(format!(
            "{glob:?} is shorter than the form (end it with `*` to match a prefix): {what}"
        ));
    }
    Ok(())
}

fn compile(file: &str, m: &MappingFile) -> Result<Mapping, Vec<(String, String)>> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let columns: Vec<(String, String)> = m.kolonner.iter().cloned().collect();
    let header_of = |name: &str| {
        columns
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, h)| h.trim().to_string())
    };
    for (name, header) in &columns {
        if header.trim().is_empty() {
            errors.push((
                format!("kolonner.{name}"),
                "the column's header text is empty".to_string(),
            ));
        }
    }
    let funktion = match (header_of("funktion"), header_of("kontostreng")) {
        (Some(h), None) => Some(("funktion", h, Role::Funktion)),
        (None, Some(h)) => Some(("kontostreng", h, Role::Kontostreng)),
        (Some(_), Some(_)) => {
            errors.push(("kolonner.kontostreng".into(), "give `funktion` or `kontostreng`, not both: the function number is read from one of them".into()));
            None
        }
        (None, None) => {
            errors.push((
                "kolonner".into(),
                "no `funktion` column (nor `kontostreng`): every line needs its function number"
                    .into(),
            ));
            None
        }
    };
    let year = header_of("år");
    if year.is_none() {
        errors.push((
            "kolonner".into(),
            "no `år` column: every line needs its year (or period)".into(),
        ));
    }
    let amount = header_of("beløb");
    if amount.is_none() {
        errors.push((
            "kolonner".into(),
            "no `beløb` column: every line needs its amount".into(),
        ));
    }

    // The slots: the function first, the year last; dranst and art when
    // given (they are checked on every line); other columns when a rule or a
    // centre uses them.
    let mut slots: Vec<Slot> = Vec::new();
    if let Some((name, header, role)) = &funktion {
        slots.push(Slot {
            name: name.to_string(),
            header: header.clone(),
            role: *role,
        });
    }
    for name in ["dranst", "art"] {
        if let Some(h) = header_of(name) {
            slots.push(Slot {
                name: name.into(),
                header: h,
                role: role_of(name),
            });
        }
    }
    let used: Vec<&String> = m
        .regler
        .iter()
        .flat_map(|r| r.globs.keys())
        .chain(m.centre.iter().flat_map(|c| c.globs.keys()))
        .collect();
    for (name, header) in &columns {
        let fixed = ["funktion", "kontostreng", "dranst", "art", "år", "beløb"];
        if !fixed.contains(&name.as_str()) && used.contains(&name) {
            slots.push(Slot {
                name: name.clone(),
                header: header.trim().to_string(),
                role: Role::Text,
            });
        }
    }
    if let Some(h) = &year {
        slots.push(Slot {
            name: "år".into(),
            header: h.clone(),
            role: Role::Year,
        });
    }

    let slot_of = |name: &str| slots.iter().position(|s| s.name == name);
    let compile_globs = |globs: &BTreeMap<String, GlobText>,
                         path: &str,
                         errors: &mut Vec<(String, String)>|
     -> Vec<(usize, Glob)> {
        let mut out = Vec::new();
        for (col, GlobText(g)) in globs {
            let p = format!("{path}.{col}");
            let Some(i) = slot_of(col) else {
                let known: Vec<&str> = columns
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .filter(|n| *n != "beløb")
                    .collect();
                errors.push((
                    p,
                    format!(
                        "unknown column {col:?}: name it under `kolonner` first (named: {})",
                        known.join(", ")
                    ),
                ));
                continue;
            };
            if let Err(e) = check_glob_form(slots[i].role, g.trim()) {
                errors.push((p, e));
                continue;
            }
            out.push((i, Glob::new(g)));
        }
        out
    };

    let mut konti: Vec<String> = Vec::new();
    let mut rules = Vec::new();
    if m.regler.is_empty() {
        errors.push((
            "regler".into(),
            "no rules: at least one `{funktion: ..., konto: ...}`".into(),
        ));
    }
    for (i, r) in m.regler.iter().enumerate() {
        let path = format!("regler[{i}]");
        let globs = compile_globs(&r.globs, &path, &mut errors);
        if r.globs.is_empty() {
            errors.push((path.clone(), "a rule needs at least one column to match (`funktion: \"5.68.*\"`; `funktion: \"*\"` for every line)".into()));
        }
        let target = match (&r.konto, &r.udelad) {
            (Some(k), None) if !k.trim().is_empty() => {
                let k = k.trim().to_string();
                let idx = konti.iter().position(|x| *x == k).unwrap_or_else(|| {
                    konti.push(k);
                    konti.len() - 1
                });
                Target::Konto(idx)
            }
            (None, Some(reason)) if !reason.trim().is_empty() => {
                Target::Excluded(reason.trim().to_string())
            }
            _ => {
                errors.push((
                    path,
                    "a rule needs `konto: KEY` or `udelad: REASON`, one of them".into(),
                ));
                continue;
            }
        };
        rules.push(Rule { globs, target });
    }
    let mut centres: Vec<String> = Vec::new();
    let mut centre_rules = Vec::new();
    for (i, c) in m.centre.iter().enumerate() {
        let path = format!("centre[{i}]");
        let globs = compile_globs(&c.globs, &path, &mut errors);
        if c.globs.is_empty() {
            errors.push((
                path.clone(),
                "a centre needs at least one column to match (`sted: \"41*\"`)".into(),
            ));
        }
        let name = c.center.trim().to_string();
        if name.is_empty() {
            errors.push((format!("{path}.center"), "empty center name".into()));
            continue;
        }
        let idx = centres.iter().position(|x| *x == name).unwrap_or_else(|| {
            centres.push(name);
            centres.len() - 1
        });
        centre_rules.push(CentreRule { globs, centre: idx });
    }
    let separator = match m.skilletegn.as_deref() {
        None => None,
        Some(";") => Some(b';'),
        Some("\t") | Some("\\t") | Some("tab") | Some("tabulator") => Some(b'\t'),
        Some(other) => {
            errors.push((
                "skilletegn".into(),
                format!("{other:?}: the separator is `;` or a tab (\"\\t\")"),
            ));
            None
        }
    };
    let mut years: Vec<Year> = m.years.iter().map(|y| y.0).collect();
    years.sort_unstable();
    years.dedup();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Mapping {
        file: file.to_string(),
        slots,
        amount_header: amount.unwrap_or_default(),
        unit: m.enhed.map_or(Unit::Kr, |u| u.0),
        section: m.afsnit.unwrap_or(Section::Realiserede),
        dimension: m.dimension.clone().unwrap_or_else(|| "center".to_string()),
        years,
        separator,
        charset: m.tegnsæt.unwrap_or(Charset::Auto),
        sheet: m.ark.clone(),
        konti,
        centres,
        rules,
        centre_rules,
    })
}

/// Reads a function number in the chart's form: `5.68.90`, `56890`,
/// `5 68 90`; from a kontostreng, its first five digits.
pub fn parse_funktion(text: &str, whole_kontostreng: bool) -> Result<String, String> {
    let t = text.trim();
    let digits: Vec<u8> = t.bytes().filter(u8::is_ascii_digit).collect();
    let form_ok = if whole_kontostreng {
        digits.len() >= 5
            && t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b' ' | b'-'))
    } else {
        let groups: Vec<&str> = t.split(['.', ' ', '-']).collect();
        match groups.as_slice() {
            [one] => one.len() == 5 && one.bytes().all(|b| b.is_ascii_digit()),
            [h, hh, ff] => {
                h.len() == 1
                    && hh.len() == 2
                    && ff.len() == 2
                    && [h, hh, ff]
                        .iter()
                        .all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            }
            _ => false,
        }
    };
    match digits.as_slice() {
        [h, a, b, c, d, ..] if form_ok => Ok(format!(
            "{}.{}{}.{}{}",
            *h as char, *a as char, *b as char, *c as char, *d as char
        )),
        _ if t.is_empty() => Err("no function number".to_string()),
        _ => Err(format!(
            "{t:?} is not a function number of the authorised chart (h.hh.ff, e.g. 5.68.90)"
        )),
    }
}

/// Reads a dranst: one digit.
pub fn parse_dranst(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.len() == 1 && t.bytes().all(|b| b.is_ascii_digit()) {
        Ok(t.to_string())
    } else {
        Err(format!("{t:?} is not a dranst (one digit, 0-9)"))
    }
}

/// Reads an art: `4.0`, `40`, `4.01`, `401` -> `4.0`, `4.0`, `4.01`, `4.01`.
pub fn parse_art(text: &str) -> Result<String, String> {
    let t = text.trim();
    let err = || format!("{t:?} is not an art (hovedart and art, e.g. 4.0 or 40)");
    let digits: String = match t.split_once('.') {
        Some((h, rest)) if h.len() == 1 => format!("{h}{rest}"),
        Some(_) => return Err(err()),
        None => t.to_string(),
    };
    if !(2..=4).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    Ok(format!("{}.{}", &digits[..1], &digits[1..]))
}

/// Reads the year of a year or period: `2026`, `2026-03`, `2026/3`,
/// `202603`, `03.2026`, `3-2026`.
pub fn parse_period_year(text: &str) -> Result<Year, String> {
    let t = text.trim();
    let err = || format!("{t:?} is not a year or period (2026, 2026-03, 202603 or 03.2026)");
    let b = t.as_bytes();
    let all_digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let year_text = if (b.len() == 4 || b.len() == 6) && all_digits(b) {
        &t[..4]
    } else if let Some(i) = t.find(['-', '/', '.', ' ']) {
        let (a, rest) = (&t[..i], &t[i + 1..]);
        if a.len() == 4 && all_digits(a.as_bytes()) && (1..=2).contains(&rest.len()) {
            a
        } else if rest.len() == 4 && all_digits(rest.as_bytes()) && (1..=2).contains(&a.len()) {
            rest
        } else {
            return Err(err());
        }
    } else {
        return Err(err());
    };
    crate::input::amount::parse_year(year_text).map_err(|_| err())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        let g = Glob::new("5.68.9*");
        assert!(g.matches("5.68.90") && g.matches("5.68.91"));
        assert!(!g.matches("5.68.80") && !g.matches("5.68"));
        assert!(Glob::new("*").matches(""));
        assert!(Glob::new("4?").matches("41") && !Glob::new("4?").matches("4"));
        assert!(Glob::new("*Øst*").matches("Jobcenter Øst 2"));
        assert!(Glob::new("a*b*c").matches("aXbYbc") && !Glob::new("a*b*c").matches("aXbY"));
    }

    #[test]
    fn glob_forms_follow_the_chart() {
        assert!(check_glob_form(Role::Funktion, "5.68.90").is_ok());
        assert!(check_glob_form(Role::Funktion, "5.68.9*").is_ok());
        assert!(check_glob_form(Role::Funktion, "5.*").is_ok());
        assert!(check_glob_form(Role::Funktion, "*").is_ok());
        assert!(check_glob_form(Role::Funktion, "5.68.9?").is_ok());
        assert!(check_glob_form(Role::Funktion, "56890").is_err());
        assert!(check_glob_form(Role::Funktion, "5.68.9").is_err());
        assert!(check_glob_form(Role::Funktion, "5.68.900").is_err());
        assert!(check_glob_form(Role::Funktion, "56.8.90").is_err());
        assert!(check_glob_form(Role::Dranst, "1").is_ok());
        assert!(check_glob_form(Role::Dranst, "12").is_err());
        assert!(check_glob_form(Role::Art, "4.0").is_ok());
        assert!(check_glob_form(Role::Art, "4.01").is_ok());
        assert!(check_glob_form(Role::Art, "40").is_err());
    }

    #[test]
    fn chart_fields() {
        assert_eq!(parse_funktion("5.68.90", false).unwrap(), "5.68.90");
        assert_eq!(parse_funktion(" 56890 ", false).unwrap(), "5.68.90");
        assert_eq!(parse_funktion("6 45 53", false).unwrap(), "6.45.53");
        assert!(parse_funktion("5.6890", false).is_err());
        assert!(parse_funktion("5.68.9", false).is_err());
        assert!(parse_funktion("I alt", false).is_err());
        assert!(parse_funktion("", false).is_err());
        assert_eq!(
            parse_funktion("5.68.90.1.001.4.0", true).unwrap(),
            "5.68.90"
        );
        assert!(parse_funktion("5.68", true).is_err());
        assert_eq!(parse_dranst("1").unwrap(), "1");
        assert!(parse_dranst("12").is_err());
        assert_eq!(parse_art("4.0").unwrap(), "4.0");
        assert_eq!(parse_art("40").unwrap(), "4.0");
        assert_eq!(parse_art("401").unwrap(), "4.01");
        assert!(parse_art("4").is_err());
        assert!(parse_art("40.1").is_err());
        assert_eq!(parse_period_year("2026").unwrap(), 2026);
        assert_eq!(parse_period_year("2026-03").unwrap(), 2026);
        assert_eq!(parse_period_year("202603").unwrap(), 2026);
        assert_eq!(parse_period_year("03.2026").unwrap(), 2026);
        assert!(parse_period_year("26").is_err());
        assert!(parse_period_year("3000").is_err());
        assert!(parse_period_year("2026-13-01").is_err());
    }

    #[test]
    fn mapping_errors_name_their_place() {
        let err = read_mapping_str(
            "m.yaml",
            "kolonner: {funktion: Funktion, år: År, beløb: Beløb}\nregler:\n  - {funktion: \"5.6890\", konto: indsats}\n  - {sted: \"41*\", konto: x}\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("m.yaml:3:"), "{err}");
        assert!(
            err.contains("regler[0].funktion: \"5.6890\" does not fit the chart's form"),
            "{err}"
        );
        assert!(
            err.contains("regler[1].sted: unknown column \"sted\""),
            "{err}"
        );
    }
}
