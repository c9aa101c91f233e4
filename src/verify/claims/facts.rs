//! What an amount in a sentence is about: its year (`i 2026`), its subject
//! (`på konto 6 (service)`, `på indsats`), its measure (`besparelser`,
//! `besparelseskrav`) and whether it is a level or a change (`yderligere`,
//! `en stigning på`). Claims whose figures stand in other sentences look them
//! up here, and only when every statement of that key agrees.

use std::collections::HashMap;

use super::prose::{Fig, Scale, Sentence, Tok, Unit};
use super::Para;
use crate::numfmt::PrintedNumber;

/// An amount stated as a level of something, with what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub para: usize,
    pub sent: usize,
    /// Index of the figure in its sentence.
    pub fig: usize,
    pub value: PrintedNumber,
    pub offset: usize,
    pub scale: Scale,
    pub year: Option<u32>,
    pub konto: Option<String>,
    pub area: Option<String>,
    pub measure: Option<&'static str>,
    /// A change (`yderligere 9,8`, `en stigning på 2,0`), not a level.
    pub delta: bool,
}

/// Measures, longest prefix first: a word starting with the prefix names it.
const MEASURES: &[(&str, &str)] = &[
    ("besparelseskr", "besparelseskrav"),
    ("besparelse", "besparelse"),
    ("bevillingsansøgning", "bevillingsansøgning"),
    ("tillægsbevilling", "tillægsbevilling"),
    ("mindreforbrug", "mindreforbrug"),
    ("merforbrug", "merforbrug"),
    ("mindreudgift", "mindreudgift"),
    ("merudgift", "merudgift"),
    ("forbrug", "forbrug"),
    ("budget", "budget"),
    ("udgift", "udgift"),
    ("indtægt", "indtægt"),
    ("overskud", "overskud"),
    ("underskud", "underskud"),
];

pub fn measure_word(w: &str) -> Option<&'static str> {
    MEASURES
        .iter()
        .find(|(p, _)| w.starts_with(p))
        .map(|(_, m)| *m)
}

/// [`family`] of a measure name.
pub fn family_static(m: &'static str) -> &'static str {
    if m.starts_with("besparelse") {
        "besparelse"
    } else {
        m
    }
}

/// The family a measure belongs to (a saving and a saving requirement are
/// both savings).
pub fn family(m: &str) -> &str {
    if m.starts_with("besparelse") {
        "besparelse"
    } else {
        m
    }
}

const UNIT_WORDS: &[&str] = &[
    "mio.",
    "mio",
    "mia.",
    "mia",
    "kr.",
    "kr",
    "t.",
    "kroner",
    "millioner",
    "milliarder",
    "dkk",
];

/// Words after which the figures that follow belong to another clause.
const CLAUSE_STOP: &[&str] = &[
    "fordelt", "fordeler", "heraf", "hvoraf", "mens", "hvor", "hvilket", "svarende", "idet", "da",
    "men", "samt", "således", "hvorfor", "dog",
];

const DELTA_BEFORE: &[&str] = &[
    "yderligere",
    "stigning",
    "stigningen",
    "fald",
    "faldet",
    "forskel",
    "forskellen",
    "difference",
    "differencen",
    "differences",
    "ændring",
    "ændringen",
    "reduceres",
    "reduceret",
    "nedsat",
    "øget",
    "forøget",
    "steget",
    "opjusteret",
    "nedjusteret",
    "reduktion",
];

const DELTA_AFTER: &[&str] = &[
    "flere",
    "færre",
    "mere",
    "mindre",
    "højere",
    "lavere",
    "bedre",
    "dårligere",
];

/// Gives a bare number (`stigende til -55,4 i 2029`) the scale of the
/// sentence's amounts when they all share one.
pub fn resolve_bare(s: &mut Sentence) {
    let mut scale = None;
    for f in &s.figs {
        if let Unit::Money(sc) = f.unit {
            if scale.is_some_and(|x| x != sc) {
                return;
            }
            scale = Some(sc);
        }
    }
    let Some(sc) = scale else { return };
    for k in 0..s.figs.len() {
        let Some(f) = s.figs.get(k) else { continue };
        if f.unit != Unit::Bare || f.num.decimals == 0 {
            continue;
        }
        // Only after `til`, `og`, `,`: a figure in a series of amounts.
        let before = f.token.checked_sub(1);
        let ok = before.is_some_and(|b| {
            matches!(s.word(b), Some("til" | "og" | "på" | "med")) || s.punct(b) == Some(',')
        });
        if ok {
            if let Some(f) = s.figs.get_mut(k) {
                f.unit = Unit::Money(sc);
            }
        }
    }
}

/// `i YEAR` after the figure (before the next quantity), else the nearest
/// before it (after the previous quantity).
pub fn year_of(s: &Sentence, fig: &Fig) -> Option<u32> {
    let is_quantity = |i: usize| {
        s.fig_at(i)
            .is_some_and(|f| matches!(f.unit, Unit::Money(_) | Unit::Percent | Unit::Count(_)))
    };
    let mut i = fig.token + 1;
    while i < s.tokens.len() && i <= fig.token + 8 {
        if is_quantity(i) {
            break;
        }
        if let Some(y) = s.fig_at(i).and_then(Fig::year) {
            if matches!(s.word(i - 1), Some("i" | "for")) {
                return Some(y);
            }
            return None;
        }
        if s.word(i)
            .is_some_and(|w| CLAUSE_STOP.contains(&w) || w == "og")
        {
            break;
        }
        i += 1;
    }
    let mut i = fig.token;
    while i > 0 {
        i -= 1;
        if is_quantity(i) {
            break;
        }
        if let Some(y) = s.fig_at(i).and_then(Fig::year) {
            if i > 0 && matches!(s.word(i - 1), Some("i" | "for")) {
                return Some(y);
            }
            return None;
        }
    }
    None
}

/// A subject: `konto 6`, with the area named in parentheses or by `på`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    pub konto: Option<String>,
    pub area: Option<String>,
}

impl Subject {
    pub fn is_empty(&self) -> bool {
        self.konto.is_none() && self.area.is_none()
    }
}

/// Reads `konto N (area)` or `area (konto N)` or `area` at token `i`
/// (just after `på`).
fn subject_at(s: &Sentence, i: usize) -> Subject {
    let mut sub = Subject::default();
    let konto_no = |k: usize| s.fig_at(k).map(|f| f.num.value.to_string());
    match s.word(i) {
        Some("konto") => {
            sub.konto = konto_no(i + 1);
            if s.punct(i + 2) == Some('(') && s.punct(i + 4) == Some(')') {
                sub.area = s.word(i + 3).map(str::to_string);
            }
        }
        Some(w) if is_area_word(w) => {
            sub.area = Some(w.to_string());
            if s.punct(i + 1) == Some('(') && s.word(i + 2) == Some("konto") {
                sub.konto = konto_no(i + 3);
            }
        }
        _ => {}
    }
    sub
}

fn is_area_word(w: &str) -> bool {
    w.chars().all(char::is_alphabetic)
        && w.chars().count() >= 4
        && !matches!(
            w,
            "baggrund"
                | "grund"
                | "området"
                | "trods"
                | "forhånd"
                | "landsplan"
                | "nuværende"
                | "sigt"
                | "tidspunkt"
                | "beløbet"
                | "disse"
                | "denne"
                | "dette"
                | "vegne"
        )
}

/// What the figure is about: `på X` just after it (past its unit and year),
/// else `På X` at the start of the sentence.
pub fn subject_of(s: &Sentence, fig: &Fig) -> Subject {
    let mut i = fig.token + 1;
    while i < s.tokens.len() && i <= fig.token + 6 {
        match &s.tokens.get(i).map(|t| &t.tok) {
            Some(Tok::Word(w)) if UNIT_WORDS.contains(&w.as_str()) => i += 1,
            Some(Tok::Word(w))
                if w == "i" && s.fig_at(i + 1).is_some_and(|f| f.unit == Unit::Year) =>
            {
                i += 2
            }
            Some(Tok::Word(w)) if w == "på" => {
                let sub = subject_at(s, i + 1);
                if !sub.is_empty() {
                    return sub;
                }
                break;
            }
            Some(Tok::Word(w)) if w == "konto" => return subject_at(s, i),
            _ => break,
        }
    }
    sentence_subject(s)
}

/// `På konto 6 …`, `På konto 5 (indsats) …` at the start of a sentence.
pub fn sentence_subject(s: &Sentence) -> Subject {
    if s.word(0) == Some("på") {
        subject_at(s, 1)
    } else {
        Subject::default()
    }
}

/// The sentence's measure, else the paragraph's first.
pub fn measure_of(para: &Para, si: usize) -> Option<&'static str> {
    let from = |s: &Sentence| s.words().find_map(measure_word);
    para.sents
        .get(si)
        .and_then(from)
        .or_else(|| para.sents.iter().find_map(from))
}

/// Whether the figure is a change, not a level.
pub fn is_delta(s: &Sentence, fig: &Fig) -> bool {
    let before = (fig.token.saturating_sub(4)..fig.token)
        .filter_map(|i| s.word(i))
        .any(|w| DELTA_BEFORE.contains(&w));
    let after = (fig.token + 1..fig.token + 5)
        .filter_map(|i| s.word(i))
        .any(|w| DELTA_AFTER.contains(&w));
    before || after
}

/// Figures linked by `stigende til` / `faldende til`: the same thing in
/// two years. Returns, for each figure index, the index of the chain's head.
pub fn chains(s: &Sentence) -> Vec<usize> {
    let mut head: Vec<usize> = (0..s.figs.len()).collect();
    let amounts: Vec<usize> = (0..s.figs.len())
        .filter(|&k| s.figs.get(k).is_some_and(Fig::is_amount))
        .collect();
    for w in amounts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (Some(fa), Some(fb)) = (s.figs.get(a), s.figs.get(b)) else {
            continue;
        };
        let linked = (fa.token + 1..fb.token).filter_map(|i| s.word(i)).any(|w| {
            matches!(
                w,
                "stigende" | "faldende" | "stiger" | "falder" | "voksende"
            )
        }) && s.word(fb.token - 1) == Some("til");
        if linked {
            head[b] = head.get(a).copied().unwrap_or(a);
        }
    }
    head
}

/// Every amount of the document with what it is about.
pub fn collect(paras: &[Para]) -> Facts {
    let mut out = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        for (si, s) in para.sents.iter().enumerate() {
            let measure = measure_of(para, si);
            let heads = chains(s);
            let stop = s.find_word(0, |w| CLAUSE_STOP.contains(&w) && w.starts_with("fordel"));
            let subjects: Vec<Subject> = s.figs.iter().map(|f| subject_of(s, f)).collect();
            for (k, f) in s.figs.iter().enumerate() {
                let Unit::Money(scale) = f.unit else { continue };
                if f.approx {
                    continue;
                }
                // Before `fordelt på …` a figure is the whole, not the parts named after it.
                let whole = stop.is_some_and(|st| f.token < st);
                let head = heads.get(k).copied().unwrap_or(k);
                let mut sub = subjects.get(k).cloned().unwrap_or_default();
                if sub == sentence_subject(s) {
                    // The chain's own `på X` (said once, after its last figure) wins.
                    if let Some(other) = (0..s.figs.len())
                        .filter(|&j| heads.get(j) == Some(&head))
                        .filter_map(|j| subjects.get(j))
                        .find(|x| !x.is_empty() && **x != sentence_subject(s))
                    {
                        sub = other.clone();
                    }
                }
                if whole {
                    sub = Subject::default();
                }
                out.push(Fact {
                    para: pi,
                    sent: si,
                    fig: k,
                    value: f.num,
                    offset: f.start,
                    scale,
                    year: year_of(s, f),
                    konto: sub.konto,
                    area: sub.area,
                    measure,
                    delta: is_delta(s, f) || s.figs.get(head).is_some_and(|h| is_delta(s, h)),
                });
            }
        }
    }
    Facts::new(out)
}

/// The one value every level statement of a key gives; `None` when there is
/// none or they disagree.
pub fn agreed<'a>(found: impl Iterator<Item = &'a Fact>) -> Option<&'a Fact> {
    let mut first: Option<&Fact> = None;
    for f in found {
        match first {
            None => first = Some(f),
            Some(x) if x.value.value.abs() == f.value.value.abs() && x.scale == f.scale => {}
            Some(_) => return None,
        }
    }
    first
}

/// Every fact, in document order, indexed for look-ups.
#[derive(Debug, Default)]
pub struct Facts {
    pub all: Vec<Fact>,
    by_konto: HashMap<(String, u32), Vec<usize>>,
    by_area: HashMap<(String, u32), Vec<usize>>,
}

/// More statements of one key than this are not looked through (bounded
/// time on hostile input); the key is then not understood.
const MAX_STATEMENTS: usize = 1000;

impl Facts {
    pub fn new(all: Vec<Fact>) -> Facts {
        let mut f = Facts {
            all,
            ..Facts::default()
        };
        for (i, x) in f.all.iter().enumerate() {
            let Some(y) = x.year else { continue };
            if let Some(k) = &x.konto {
                f.by_konto.entry((k.clone(), y)).or_default().push(i);
            }
            if let Some(a) = &x.area {
                f.by_area.entry((a.clone(), y)).or_default().push(i);
            }
        }
        f
    }

    /// The facts of one paragraph (they are in document order).
    pub fn of_para(&self, pi: usize) -> &[Fact] {
        let lo = self.all.partition_point(|f| f.para < pi);
        let hi = self.all.partition_point(|f| f.para <= pi);
        self.all.get(lo..hi).unwrap_or(&[])
    }

    /// The facts of one sentence.
    pub fn of_sentence(&self, pi: usize, si: usize) -> &[Fact] {
        let para = self.of_para(pi);
        let lo = para.partition_point(|f| f.sent < si);
        let hi = para.partition_point(|f| f.sent <= si);
        para.get(lo..hi).unwrap_or(&[])
    }

    fn listed<'a>(&'a self, list: Option<&'a Vec<usize>>) -> Option<Vec<&'a Fact>> {
        let list = list?;
        if list.len() > MAX_STATEMENTS {
            return None;
        }
        Some(
            list.iter()
                .filter_map(|&i| self.all.get(i))
                .filter(|f| !f.delta)
                .collect(),
        )
    }

    /// The level of an account in a year, for a measure.
    pub fn konto(&self, konto: &str, year: u32, measure: &str) -> Option<&Fact> {
        let c = self.listed(self.by_konto.get(&(konto.to_string(), year)))?;
        agreed(c.into_iter().filter(|f| f.measure == Some(measure)))
    }

    /// The level of an area in a year: the measure itself if stated, else
    /// its family.
    pub fn area(&self, area: &str, year: u32, measure: &str) -> Option<&Fact> {
        let c = self.listed(self.by_area.get(&(area.to_string(), year)))?;
        let exact: Vec<&Fact> = c
            .iter()
            .copied()
            .filter(|f| f.measure == Some(measure))
            .collect();
        if !exact.is_empty() {
            return agreed(exact.into_iter());
        }
        agreed(
            c.into_iter()
                .filter(|f| f.measure.is_some_and(|m| family(m) == family(measure))),
        )
    }
}
