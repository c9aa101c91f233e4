//! The claims sentences state, pattern by pattern. Each pattern reads only
//! what its words pin down; a sentence it half-recognises is left for the
//! not-understood list.
//!
//! Signs: a saving is a saving however it is signed (`besparelser på -15,9`
//! and `besparelser på 15,9`), so the figures of a claim are compared without
//! their signs unless the parts themselves carry different signs
//! (`-5,0 … og 5,0 …, samlet 0`), where the signs are the point.

use super::facts::{self, Fact, Subject};
use super::prose::{Fig, Scale, Sentence, Unit};
use super::{Ctx, Kind};
use crate::numfmt::PrintedNumber;
use crate::verify::judge::{Quotient, Relation, Term};

/// Figures in one sentence read, at most (bounded time on hostile input).
pub(super) const MAX_FIGURES: usize = 60;

/// How far before `med D til Y` its verb (`steg`, `faldt`) may stand.
const MED_REACH: usize = 16;

/// Runs every pattern over every sentence.
pub fn read_all(ctx: &mut Ctx) {
    for pi in 0..ctx.paras.len() {
        let n = ctx.paras.get(pi).map_or(0, |p| p.sents.len());
        for si in 0..n {
            let figs = sentence(ctx, pi, si).map_or(0, |s| s.figs.len());
            if figs > MAX_FIGURES {
                let off = sentence(ctx, pi, si).map_or(0, |s| s.start);
                ctx.not_understood(
                    pi,
                    si,
                    off,
                    format!("a sentence of {figs} figures is too long to read"),
                );
                continue;
            }
            split(ctx, pi, si);
            difference_in_paragraph(ctx, pi, si);
            further_since(ctx, pi, si);
            result_with_carryover(ctx, pi, si);
            total_of_previous(ctx, pi, si);
            change(ctx, pi, si);
            share_of(ctx, pi, si);
            total_with_parts(ctx, pi, si);
            difference_in_sentence(ctx, pi, si);
        }
    }
}

fn sentence<'a>(ctx: &'a Ctx, pi: usize, si: usize) -> Option<&'a Sentence> {
    ctx.paras.get(pi).and_then(|p| p.sents.get(si))
}

/// Parts and total with the signs the claim is judged with.
pub fn signed_sum(parts: &[PrintedNumber], total: PrintedNumber) -> Relation {
    let nonzero = |p: &&PrintedNumber| !p.value.is_zero();
    let neg = parts
        .iter()
        .filter(nonzero)
        .filter(|p| p.value.is_sign_negative())
        .count();
    let pos = parts
        .iter()
        .filter(nonzero)
        .filter(|p| !p.value.is_sign_negative())
        .count();
    let abs = |p: &PrintedNumber| PrintedNumber {
        value: p.value.abs(),
        ..*p
    };
    if neg > 0 && pos > 0 {
        Relation::Sum {
            terms: parts
                .iter()
                .map(|&figure| Term {
                    negative: false,
                    figure,
                })
                .collect(),
            total,
        }
    } else {
        Relation::Sum {
            terms: parts
                .iter()
                .map(|p| Term {
                    negative: false,
                    figure: abs(p),
                })
                .collect(),
            total: abs(&total),
        }
    }
}

pub(super) fn abs(p: PrintedNumber) -> PrintedNumber {
    PrintedNumber {
        value: p.value.abs(),
        ..p
    }
}

/// `a - b = d` on the figures without their signs.
pub(super) fn difference(a: PrintedNumber, b: PrintedNumber, d: PrintedNumber) -> Relation {
    Relation::Sum {
        terms: vec![
            Term {
                negative: false,
                figure: abs(a),
            },
            Term {
                negative: true,
                figure: abs(b),
            },
        ],
        total: abs(d),
    }
}

fn scale(f: &Fig) -> Option<Scale> {
    match f.unit {
        Unit::Money(s) => Some(s),
        _ => None,
    }
}

/// Same kind of quantity: amounts of one scale, or counts, or bare numbers.
pub(super) fn same_unit(a: &Fig, b: &Fig) -> bool {
    match (&a.unit, &b.unit) {
        (Unit::Money(x), Unit::Money(y)) => x == y,
        (Unit::Count(_), Unit::Count(_) | Unit::Bare) | (Unit::Bare, Unit::Count(_)) => true,
        (Unit::Bare, Unit::Bare) => a.num.decimals == 0 && b.num.decimals == 0,
        _ => false,
    }
}

pub(super) fn is_level(f: &Fig) -> bool {
    !f.approx && matches!(f.unit, Unit::Money(_) | Unit::Count(_) | Unit::Bare)
}

/// `… fordeler sig mellem A og B med a på A … og b på B`, `samlede
/// besparelser på T i 2026 … fordelt på service (konto 6) og indsats
/// (konto 5)`: the parts' amounts add up to the whole in each year; figures
/// not in the sentence are taken from the document when every statement of
/// them agrees. `fordeler sig mellem A x (P%) og B y (Q%)`: each share is its
/// part over the parts' sum.
fn split(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(para) = ctx.paras.get(pi) else {
        return;
    };
    let Some(s) = para.sents.get(si) else { return };
    let Some(fw) = s.find_word(0, |w| w.starts_with("fordel")) else {
        return;
    };
    let measure = facts::measure_of(para, si).unwrap_or("");
    // Shares of the parts: every amount after the word followed by `(P%)`.
    let after: Vec<&Fig> = s.figs.iter().filter(|f| f.token > fw).collect();
    let with_share: Vec<(&Fig, &Fig)> = after
        .iter()
        .filter(|f| f.is_amount() && !f.approx)
        .filter_map(|f| {
            let p = s.fig_at(f.token + 4).or_else(|| s.fig_at(f.token + 3))?;
            let open = s.punct(p.token - 1) == Some('(');
            (p.is_percent() && open && !p.approx).then_some((*f, p))
        })
        .collect();
    let amounts_after: Vec<&Fig> = after.iter().copied().filter(|f| f.is_amount()).collect();
    if with_share.len() >= 2
        && with_share.len() == amounts_after.len()
        && after.iter().filter(|f| f.is_percent()).count() == with_share.len()
        && amounts_after.windows(2).all(|w| same_unit(w[0], w[1]))
    {
        let figures: Vec<PrintedNumber> = with_share.iter().map(|(a, _)| abs(a.num)).collect();
        let den: Vec<(usize, bool)> = (0..figures.len()).map(|i| (i, false)).collect();
        let claims: Vec<(usize, Relation)> = with_share
            .iter()
            .enumerate()
            .map(|(i, (_, p))| {
                (
                    p.start,
                    Relation::Quotient(Quotient {
                        figures: figures.clone(),
                        num: vec![(i, false)],
                        den: den.clone(),
                        result: p.num,
                        change: false,
                    }),
                )
            })
            .collect();
        for (off, r) in claims {
            ctx.claim(pi, si, off, Kind::Share, r);
        }
        return;
    }
    // Parts named after the word: accounts, else the words after `mellem` up to `med`.
    let mut parts: Vec<Subject> = Vec::new();
    let mut i = fw + 1;
    while i < s.tokens.len() {
        if s.word(i) == Some("konto") {
            if let Some(n) = s.fig_at(i + 1) {
                parts.push(Subject {
                    konto: Some(n.num.value.to_string()),
                    area: None,
                });
            }
        }
        i += 1;
    }
    if parts.is_empty() {
        if let Some(m) = s.find_word(fw, |w| w == "mellem") {
            let mut names = Vec::new();
            let mut j = m + 1;
            while let Some(w) = s.word(j) {
                if w == "med" {
                    break;
                }
                if w != "og" {
                    names.push(w.to_string());
                }
                j += 1;
            }
            if s.word(j) == Some("med") && (2..=4).contains(&names.len()) {
                parts = names
                    .into_iter()
                    .map(|a| Subject {
                        konto: None,
                        area: Some(a),
                    })
                    .collect();
            }
        }
    }
    if parts.len() < 2 {
        return;
    }
    // The whole: amounts before the word (by year), or the sentence's subject.
    let mut whole_by_year: Vec<(u32, PrintedNumber, usize)> = Vec::new();
    for f in s.figs.iter().filter(|f| f.token < fw && f.is_amount()) {
        if f.approx {
            return;
        }
        match facts::year_of(s, f) {
            Some(y) => whole_by_year.push((y, f.num, f.start)),
            None => return,
        }
    }
    let whole_subject = facts::sentence_subject(s);
    // Parts in the sentence, by subject and year.
    let in_sentence: Vec<&Fact> = ctx
        .facts
        .of_sentence(pi, si)
        .iter()
        .filter(|f| !f.delta)
        .collect();
    let mut years: Vec<u32> = whole_by_year.iter().map(|w| w.0).collect();
    years.extend(in_sentence.iter().filter_map(|f| f.year));
    years.sort_unstable();
    years.dedup();
    let matches = |f: &Fact, p: &Subject| match (&p.konto, &p.area) {
        (Some(k), _) => f.konto.as_deref() == Some(k),
        (None, Some(a)) => f.area.as_deref() == Some(a),
        _ => false,
    };
    let mut claims = Vec::new();
    for y in years {
        let mut vals = Vec::new();
        for p in &parts {
            let here: Vec<&Fact> = in_sentence
                .iter()
                .copied()
                .filter(|f| f.year == Some(y) && matches(f, p))
                .collect();
            let found = match here.len() {
                1 => here.first().copied(),
                0 => match (&p.konto, &p.area) {
                    (Some(k), _) => ctx.facts.konto(k, y, measure),
                    (None, Some(a)) => ctx.facts.area(a, y, measure),
                    _ => None,
                },
                _ => None,
            };
            match found {
                Some(f) => vals.push(f.value),
                None => break,
            }
        }
        if vals.len() != parts.len() {
            continue;
        }
        let whole = whole_by_year
            .iter()
            .find(|w| w.0 == y)
            .map(|w| (w.1, Some(w.2)))
            .or_else(|| {
                let f = match (&whole_subject.konto, &whole_subject.area) {
                    (Some(k), _) => ctx.facts.konto(k, y, measure),
                    (None, Some(a)) => ctx.facts.area(a, y, measure),
                    _ => None,
                }?;
                Some((f.value, None))
            });
        if let Some((total, off)) = whole {
            let off = off
                .or_else(|| {
                    in_sentence
                        .iter()
                        .find(|f| f.year == Some(y))
                        .map(|f| f.offset)
                })
                .unwrap_or(s.start);
            claims.push((off, signed_sum(&vals, total)));
        }
    }
    for (off, r) in claims {
        ctx.claim(pi, si, off, Kind::Sum, r);
    }
}

/// `… en besparelse på 8,6 mio. kr. på indsats i 2026 hvor differencen på
/// 1,1 mio. kr. …`: the difference between the sentence's amount and the
/// other amount the paragraph states for the same subject and year.
fn difference_in_paragraph(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(dw) = s.find_word(0, |w| w.starts_with("differen") || w.starts_with("forskel")) else {
        return;
    };
    if s.word(dw + 1) != Some("på") {
        return;
    }
    let Some(d) = s.fig_at(dw + 2).filter(|f| f.is_amount() && !f.approx) else {
        return;
    };
    let others: Vec<&Fact> = ctx
        .facts
        .of_sentence(pi, si)
        .iter()
        .filter(|f| f.offset != d.start && !f.delta)
        .collect();
    let [x] = others[..] else { return };
    if x.scale != scale(d).unwrap_or(Scale::Kr) || x.area.is_none() && x.konto.is_none() {
        return;
    }
    let ys: Vec<&Fact> = ctx
        .facts
        .of_para(pi)
        .iter()
        .filter(|f| {
            f.sent != si
                && !f.delta
                && f.year == x.year
                && f.area == x.area
                && f.konto == x.konto
                && f.scale == x.scale
                && f.value.value.abs() != x.value.value.abs()
        })
        .collect();
    let Some(y) = facts::agreed(ys.into_iter()) else {
        return;
    };
    let (big, small) = if x.value.value.abs() >= y.value.value.abs() {
        (x.value, y.value)
    } else {
        (y.value, x.value)
    };
    let (off, dv) = (d.start, d.num);
    ctx.claim(pi, si, off, Kind::Difference, difference(big, small, dv));
}

/// `Sammenlignet med 2026 skal der spares yderligere 9,6 mio. kr. frem mod
/// 2029`: the level in 2029 less the paragraph's level in 2026.
fn further_since(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(sm) = s.find_word(0, |w| w == "sammenlignet") else {
        return;
    };
    if s.word(sm + 1) != Some("med") {
        return;
    }
    let Some(y0) = s.fig_at(sm + 2).and_then(Fig::year) else {
        return;
    };
    let Some(yw) = s.find_word(0, |w| w == "yderligere") else {
        return;
    };
    let Some(d) = s.fig_at(yw + 1).filter(|f| f.is_amount() && !f.approx) else {
        return;
    };
    let y1 = (d.token..s.tokens.len()).find_map(|i| {
        let y = s.fig_at(i).and_then(Fig::year)?;
        matches!(s.word(i - 1), Some("mod" | "i" | "til")).then_some(y)
    });
    let Some(y1) = y1 else { return };
    let bases: Vec<&Fact> = ctx
        .facts
        .of_para(pi)
        .iter()
        .filter(|f| f.year == Some(y0) && !f.delta)
        .collect();
    let Some(base) = facts::agreed(bases.into_iter()) else {
        return;
    };
    let measure = base.measure.unwrap_or("");
    let end = match (&base.area, &base.konto) {
        (Some(a), _) => ctx.facts.area(a, y1, measure),
        (None, Some(k)) => ctx.facts.konto(k, y1, measure),
        _ => None,
    };
    let Some(end) = end else { return };
    if end.scale != base.scale || scale(d) != Some(base.scale) {
        return;
    }
    let r = difference(end.value, base.value, d.num);
    let off = d.start;
    ctx.claim(pi, si, off, Kind::Change, r);
}

const PLUS_WORDS: &[&str] = &[
    "mindreforbrug",
    "mindreudgift",
    "overskud",
    "overførsler",
    "overført",
];
const MINUS_WORDS: &[&str] = &["merforbrug", "merudgift", "underskud"];

/// The nearest sign word before a figure within its clause.
fn side(s: &Sentence, f: &Fig) -> Option<bool> {
    let mut i = f.token;
    while i > 0 {
        i -= 1;
        if s.fig_at(i).is_some_and(|g| g.is_amount()) || s.punct(i) == Some(',') {
            return None;
        }
        if let Some(w) = s.word(i) {
            if MINUS_WORDS.iter().any(|m| w.starts_with(m)) {
                return Some(false);
            }
            if PLUS_WORDS.iter().any(|m| w.starts_with(m)) {
                return Some(true);
            }
        }
    }
    None
}

/// `Årets forventede resultat inkl. overførsler bliver 5,0 mio. kr. som
/// følge overførsler på 1,5 mio. kr.` after a sentence with the result
/// before carry-over (`ekskl. overførsler … 0,1`, or a `Samlet …` sentence
/// of the year's results): those plus the carry-over make the total.
fn result_with_carryover(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(r) = s.find_word(0, |w| w == "resultat") else {
        return;
    };
    let Some(inkl) = s.find_word(r, |w| w == "inkl." || w == "inklusive") else {
        return;
    };
    if s.word(inkl + 1) != Some("overførsler") {
        return;
    }
    let amounts: Vec<&Fig> = s
        .figs
        .iter()
        .filter(|f| f.token > inkl && f.is_amount())
        .collect();
    let [total, carry] = amounts[..] else { return };
    let carry_ok = (total.token..carry.token)
        .filter_map(|i| s.word(i))
        .any(|w| w == "følge" || w == "idet")
        && (carry.token.saturating_sub(4)..carry.token)
            .filter_map(|i| s.word(i))
            .any(|w| w.starts_with("overfør"));
    if !carry_ok || total.approx || carry.approx || !same_unit(total, carry) {
        return;
    }
    let Some(prev) = si.checked_sub(1).and_then(|p| sentence(ctx, pi, p)) else {
        return;
    };
    let before: Vec<&Fig> =
        if let Some(e) = prev.find_word(0, |w| w == "ekskl." || w == "eksklusive") {
            prev.figs
                .iter()
                .filter(|f| f.token > e && f.is_amount())
                .take(1)
                .collect()
        } else if prev.word(0) == Some("samlet") {
            prev.figs.iter().filter(|f| f.is_amount()).collect()
        } else {
            return;
        };
    if before.is_empty()
        || before
            .iter()
            .any(|f| f.approx || !same_unit(f, total) || side(prev, f) != Some(true))
    {
        return;
    }
    let mut parts: Vec<PrintedNumber> = before.iter().map(|f| f.num).collect();
    parts.push(carry.num);
    let rel = signed_sum(&parts, total.num);
    let off = total.start;
    ctx.used.insert((pi, si - 1));
    ctx.claim(pi, si, off, Kind::Sum, rel);
}

/// `Den samlede bevillingsansøgning på indkomstoverførsler er derved 0.`
/// after a sentence that names the same thing with its amounts.
fn total_of_previous(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(sa) = s.find_word(0, |w| w == "samlede" || w == "samlet") else {
        return;
    };
    let Some(noun) = s.word(sa + 1).filter(|w| w.chars().count() >= 6) else {
        return;
    };
    if !s.has_word(|w| matches!(w, "derved" | "dermed" | "hermed" | "herefter" | "således")) {
        return;
    }
    let q: Vec<&Fig> = s.quantities().collect();
    let [total] = q[..] else { return };
    if total.approx || total.token < sa {
        return;
    }
    let stem: String = noun.chars().take(noun.chars().count().min(12)).collect();
    let Some(prev) = si.checked_sub(1).and_then(|p| sentence(ctx, pi, p)) else {
        return;
    };
    if !prev.has_word(|w| w.starts_with(&stem)) {
        return;
    }
    let parts: Vec<&Fig> = prev.quantities().collect();
    if parts.len() < 2 || parts.iter().any(|f| f.approx || !f.is_amount()) {
        return;
    }
    if !parts.windows(2).all(|w| same_unit(w[0], w[1])) {
        return;
    }
    // A bare total is in the parts' unit only when it is 0.
    if !(same_unit(total, parts[0]) || total.unit == Unit::Bare && total.num.value.is_zero()) {
        return;
    }
    let nums: Vec<PrintedNumber> = parts.iter().map(|f| f.num).collect();
    let rel = signed_sum(&nums, total.num);
    let off = total.start;
    // Amounts each stated with its own verb (`I februar var udgifterne
    // 3,1 …, og i første halvår var udgifterne 9,9`) may overlap: a sum of
    // them that fails is not understood; an enumeration's is an error.
    let enumeration = parts.windows(2).all(|w| {
        !(w[0].token + 1..w[1].token)
            .filter_map(|i| prev.word(i))
            .any(|x| {
                x.starts_with(&stem)
                    || matches!(x, "var" | "er" | "blev" | "bliver" | "udgjorde" | "udgør")
            })
    });
    ctx.used.insert((pi, si - 1));
    if !enumeration
        && crate::verify::judge::judge(&rel, false).verdict == crate::verify::judge::Verdict::Error
    {
        ctx.not_understood(
            pi,
            si,
            off,
            "the amounts of the sentence before, each stated on its own, do not add up to the total; they may not be its parts",
        );
        return;
    }
    ctx.claim(pi, si, off, Kind::Sum, rel);
}

/// Words of a rise and of a fall.
pub(super) fn direction(w: &str) -> Option<bool> {
    if w.starts_with("stign")
        || w.starts_with("steg")
        || w.starts_with("forøg")
        || w.starts_with("øg")
        || w.starts_with("vækst")
        || w == "flere"
        || w == "mere"
        || w == "højere"
    {
        Some(true)
    } else if w.starts_with("fald")
        || w.starts_with("reduk")
        || w.starts_with("nedgang")
        || w == "færre"
        || w == "mindre"
        || w == "lavere"
        || w.starts_with("reducer")
    {
        Some(false)
    } else {
        None
    }
}

/// The percentage that qualifies a change figure: `(P%)` just after it, or
/// `svarende til (en stigning på) P%`.
fn pct_after<'a>(s: &'a Sentence, f: &Fig) -> Option<&'a Fig> {
    let mut i = f.token + 1;
    while i < s.tokens.len() && i <= f.token + 14 {
        if let Some(g) = s.fig_at(i) {
            if g.is_percent() {
                let paren = s.punct(i - 1) == Some('(');
                let via = (f.token + 1..i)
                    .filter_map(|k| s.word(k))
                    .any(|w| w == "svarende" || w == "svarer");
                return (paren || via).then_some(g);
            }
            if g.unit != Unit::Year {
                return None;
            }
        }
        i += 1;
    }
    None
}

/// `fra X til Y` with `en stigning/et fald på D` and/or `P%`; `steg med D
/// til Y, svarende til P%`; `D flere/færre … end X`.
fn change(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let mut claims: Vec<(usize, Relation)> = Vec::new();
    let mut unread: Option<(usize, &str)> = None;
    // fra X til Y
    let fra = (0..s.tokens.len()).find(|&i| {
        s.word(i) == Some("fra")
            && s.fig_at(i + 1)
                .is_some_and(|f| is_level(f) || f.is_percent())
    });
    if let Some(fra) = fra {
        let (Some(x), Some(til)) = (s.fig_at(fra + 1), s.find_word(fra + 2, |w| w == "til")) else {
            return;
        };
        let Some(y) = s
            .fig_at(til + 1)
            .filter(|y| y.unit.clone() == x.unit || same_unit(x, y))
        else {
            return;
        };
        if x.approx || y.approx {
            unread = Some((
                x.start,
                "an approximate figure (ca., knap, over …) is not judged",
            ));
        } else {
            let dir = (0..s.tokens.len())
                .filter_map(|i| s.word(i))
                .find_map(direction);
            // The change's own figures after Y.
            // The change's own figures: after Y, in its clause, each named
            // as a change (`en stigning på D`, `svarende til P%`, `(P%)`,
            // `eller P%`, `D flere`); another amount in the sentence is not.
            let clause_end = (y.token..s.tokens.len())
                .find(|&i| {
                    s.word(i).is_some_and(|w| {
                        matches!(
                            w,
                            "mens" | "hvor" | "samt" | "hvilket" | "idet" | "men" | "da"
                        )
                    }) || s.punct(i) == Some(';')
                })
                .unwrap_or(s.tokens.len());
            let named = |f: &&Fig| {
                let before = (f.token.saturating_sub(4)..f.token).any(|i| {
                    s.word(i).is_some_and(|w| {
                        direction(w).is_some()
                            || w.starts_with("ændring")
                            || w.starts_with("forskel")
                            || matches!(w, "svarende" | "svarer" | "eller" | "altså")
                    })
                }) || s.punct(f.token - 1) == Some('(');
                let after = (f.token + 1..f.token + 4)
                    .filter_map(|i| s.word(i))
                    .any(|w| matches!(w, "flere" | "færre" | "mere" | "mindre"));
                before || after
            };
            // `faldet med D fra X til Y`: the change before the levels.
            let before = (fra.saturating_sub(4)..fra)
                .filter_map(|i| s.fig_at(i))
                .find(|d| d.token > 0 && s.word(d.token - 1) == Some("med"))
                .filter(|d| {
                    (d.token.saturating_sub(6)..d.token)
                        .any(|i| s.word(i).is_some_and(|w| direction(w).is_some()))
                });
            let rest: Vec<&Fig> = s
                .figs
                .iter()
                .filter(|f| f.token > y.token && f.token < clause_end)
                .filter(|f| f.unit != Unit::Year && f.unit != Unit::Other)
                .filter(named)
                .chain(before)
                .collect();
            let rise = match dir {
                Some(d) => d,
                None => y.num.value.abs() >= x.num.value.abs(),
            };
            let (xv, yv) = (x.num, y.num);
            let level_pct = x.is_percent();
            for f in rest {
                if f.approx {
                    unread = Some((
                        f.start,
                        "an approximate figure (ca., knap, over …) is not judged",
                    ));
                    continue;
                }
                if (same_unit(f, x) && !level_pct) || (level_pct && f.unit == Unit::Points) {
                    // D = Y − X (rise) or X − Y (fall).
                    let r = if rise {
                        difference(yv, xv, f.num)
                    } else {
                        difference(xv, yv, f.num)
                    };
                    claims.push((f.start, r));
                } else if f.is_percent() && !level_pct {
                    let pct = if rise { abs(f.num) } else { neg(abs(f.num)) };
                    claims.push((
                        f.start,
                        Relation::PercentChange {
                            new: abs(yv),
                            old: abs(xv),
                            pct,
                        },
                    ));
                } else if f.is_percent() && level_pct {
                    unread = Some((
                        f.start,
                        "a change of a percentage given in % (relative or in points?) is not judged",
                    ));
                }
            }
        }
    } else {
        // med D til Y (, svarende til P%). The verb may stand further
        // back, past what it counts (`faldt antallet af ledige, der ikke
        // var i aktivering (nettoledige), med D til Y`, `faldt antallet af
        // personer ansat med løntilskud med D til Y`), with no figure
        // between.
        let verb_before = |i: usize| {
            (i.saturating_sub(MED_REACH)..i)
                .rev()
                .take_while(|&k| s.fig_at(k).is_none())
                .filter_map(|k| s.word(k))
                .find_map(direction)
        };
        let med = (0..s.tokens.len()).find(|&i| {
            s.word(i) == Some("med")
                && s.fig_at(i + 1).is_some_and(is_level)
                && i > 0
                && verb_before(i).is_some()
        });
        if let Some(med) = med {
            let Some(d) = s.fig_at(med + 1) else { return };
            // `til` right after D and its unit or noun (`med 1.700 personer
            // til i alt 88.600`); `med 1.ooo personer til` is no D.
            let til = s
                .find_word(d.token + 1, |w| w == "til")
                .filter(|&t| t <= s.after_unit(d) + 1);
            let y = til
                .map(|t| {
                    if s.word(t + 1) == Some("i") && s.word(t + 2) == Some("alt") {
                        t + 3
                    } else {
                        t + 1
                    }
                })
                .and_then(|t| s.fig_at(t))
                .filter(|y| same_unit(d, y) && !y.approx);
            let rise = verb_before(med);
            if let (Some(y), Some(rise), Some(p)) = (y, rise, y.and_then(|y| pct_after(s, y))) {
                if !d.approx && !p.approx {
                    // P = D / X with X = Y − D (rise) or Y + D (fall).
                    let figures = vec![abs(d.num), abs(y.num)];
                    let den = vec![(1, false), (0, rise)];
                    claims.push((
                        p.start,
                        Relation::Quotient(Quotient {
                            figures,
                            num: vec![(0, false)],
                            den,
                            result: abs(p.num),
                            change: false,
                        }),
                    ));
                }
            }
        }
    }
    // `fra X til Y` with nothing more states two levels: nothing to judge.
    if fra.is_some() && claims.is_empty() && unread.is_none() {
        ctx.used.insert((pi, si));
    }
    let any = !claims.is_empty();
    for (off, r) in claims {
        ctx.claim(pi, si, off, Kind::Change, r);
    }
    if !any {
        if let Some((off, why)) = unread {
            ctx.not_understood(pi, si, off, why);
        }
    }
}

pub(super) fn neg(p: PrintedNumber) -> PrintedNumber {
    PrintedNumber {
        value: -p.value,
        ..p
    }
}

/// `A af (de) W (P%)`, `A ud af W, svarende til P%`, `P% af W, svarende til
/// A`, `A, svarende til P% af W`: shares whose denominator is printed.
fn share_of(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let mut claims = Vec::new();
    for (k, p) in s.figs.iter().enumerate() {
        if !p.is_percent() || p.approx {
            continue;
        }
        // P% af W … A  /  A … P% af W
        let af = s.after_unit(p);
        let af_w = (s.word(af) == Some("af"))
            .then(|| s.fig_at(af + 1))
            .flatten()
            .filter(|w| is_level(w));
        let levels: Vec<&Fig> = s
            .figs
            .iter()
            .enumerate()
            .filter(|(j, f)| *j != k && is_level(f) && f.unit != Unit::Bare)
            .map(|(_, f)| f)
            .collect();
        if let Some(w) = af_w {
            let others: Vec<&&Fig> = levels.iter().filter(|f| f.token != w.token).collect();
            if let [a] = others[..] {
                let near = a.token.abs_diff(p.token) <= 8;
                if near && same_unit(a, w) {
                    claims.push((p.start, share(a.num, w.num, p.num)));
                }
            }
            continue;
        }
        // A af (de/i alt) W (P%) / A ud af W, svarende til P%
        for (ai, a) in levels.iter().enumerate() {
            let Some(w) = levels.get(ai + 1) else {
                continue;
            };
            if !(a.token < w.token && w.token < p.token && p.token - w.token <= 6) {
                continue;
            }
            let between: Vec<&str> = (a.token + 1..w.token).filter_map(|i| s.word(i)).collect();
            let af = between
                .last()
                .is_some_and(|x| matches!(*x, "af" | "de" | "alt"))
                && between.contains(&"af")
                && between.len() <= 5;
            let via = s.punct(p.token - 1) == Some('(')
                || (w.token + 1..p.token)
                    .filter_map(|i| s.word(i))
                    .any(|x| x == "svarende" || x == "svarer");
            if af && via && same_unit(a, w) {
                claims.push((p.start, share(a.num, w.num, p.num)));
            }
        }
    }
    for (off, r) in claims {
        ctx.claim(pi, si, off, Kind::Share, r);
    }
}

fn share(a: PrintedNumber, w: PrintedNumber, p: PrintedNumber) -> Relation {
    Relation::Share {
        part: abs(a),
        whole: abs(w),
        share: abs(p),
        allocated: false,
    }
}

/// `i alt W, heraf A, B og C`; `A og B, i alt W`; `W, som er sammensat af
/// A, B og C`. Parts listed after `heraf` need not be all of the whole: a
/// sum short of it is not judged, one over it is an error.
fn total_with_parts(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    // A split (`fordelt med/på`, `fordeler sig mellem`) is read as one;
    // `fordeles som skat kr. A …` is no split.
    let split_word = (0..s.tokens.len()).any(|i| {
        s.word(i).is_some_and(|w| w.starts_with("fordel"))
            && matches!(s.word(i + 1), Some("sig" | "mellem" | "med" | "på"))
    });
    let plain_fordel = (0..s.tokens.len()).all(|i| {
        s.word(i)
            .is_none_or(|w| !w.starts_with("fordel") || matches!(w, "fordeles" | "fordelt"))
    });
    if split_word || !plain_fordel {
        return;
    }
    let amounts: Vec<&Fig> = s
        .figs
        .iter()
        .filter(|f| matches!(f.unit, Unit::Money(_) | Unit::Count(_)))
        .collect();
    if amounts.len() < 3 {
        return;
    }
    // Several years: only a closing `…, i alt W` over an enumeration that
    // states no change (`fra X til Y`, `steg`): amounts of several years
    // listed and added up (`for 2014 kr. A, for 2015 kr. B og for 2016
    // kr. C, i alt kr. W`).
    let several_years = s.years().len() > 1;
    if several_years
        && (s.has_word(|w| direction(w).is_some())
            || (0..s.tokens.len()).any(|i| {
                s.word(i) == Some("fra") && s.fig_at(i + 1).is_some_and(|f| f.unit != Unit::Year)
            }))
    {
        return;
    }
    if amounts.iter().any(|f| f.approx) {
        return;
    }
    if !amounts.windows(2).all(|w| same_unit(w[0], w[1])) {
        return;
    }
    let total_word = |i: usize| {
        matches!(s.word(i), Some("alt")) && s.word(i.wrapping_sub(1)) == Some("i")
            || matches!(s.word(i), Some("samlet" | "samlede" | "totalt" | "ialt"))
    };
    let heraf = s.find_word(0, |w| w == "heraf" || w == "hvoraf");
    let composed = s.find_word(0, |w| w == "sammensat" || w == "består");
    if several_years && (heraf.is_some() || composed.is_some()) {
        return;
    }
    let (total, parts, partial): (&Fig, Vec<&Fig>, bool) = if let Some(h) = heraf {
        let before: Vec<&Fig> = amounts.iter().copied().filter(|f| f.token < h).collect();
        let after: Vec<&Fig> = amounts.iter().copied().filter(|f| f.token > h).collect();
        let [t] = before[..] else { return };
        (t, after, true)
    } else if let Some(c) = composed {
        let before: Vec<&Fig> = amounts.iter().copied().filter(|f| f.token < c).collect();
        let after: Vec<&Fig> = amounts.iter().copied().filter(|f| f.token > c).collect();
        let [t] = before[..] else { return };
        (t, after, false)
    } else {
        // `…, i alt W` at the end: the last amount, right after the total word.
        let Some(last) = amounts.last() else { return };
        // `i alt W` (or `i alt på W`), the parts an enumeration with `og`.
        let tw = (last.token.saturating_sub(3)..last.token).any(total_word)
            && (last.token.saturating_sub(3)..last.token)
                .filter_map(|i| s.word(i))
                .all(|w| {
                    matches!(
                        w,
                        "i" | "alt" | "ialt" | "samlet" | "totalt" | "på" | "til" | "er" | "kr."
                    )
                });
        if !tw || last.token + 6 < s.tokens.len() && s.punct(last.token + 3) != Some('.') {
            return;
        }
        let parts = amounts[..amounts.len() - 1].to_vec();
        let enumerated = match parts[..] {
            [.., a, b] => (a.token..b.token).any(|i| matches!(s.word(i), Some("og" | "samt"))),
            _ => false,
        };
        if !enumerated {
            return;
        }
        (*last, parts, false)
    };
    if parts.len() < 2 {
        return;
    }
    let nums: Vec<PrintedNumber> = parts.iter().map(|f| f.num).collect();
    let rel = signed_sum(&nums, total.num);
    if partial {
        // heraf: a sum short of the whole may leave out a part.
        if let Relation::Sum { terms, total: t } = &rel {
            // Exact: a sum that would lose a digit is no evidence of a short sum.
            let sum: Option<crate::money::Decimal> = terms
                .iter()
                .try_fold(crate::money::Decimal::ZERO, |acc, x| {
                    crate::money::Exact::exact_add(acc, x.figure.value)
                });
            let v = crate::verify::judge::judge(&rel, false).verdict;
            if v == crate::verify::judge::Verdict::Error && sum.is_some_and(|x| x < t.value) {
                let off = total.start;
                ctx.not_understood(
                    pi,
                    si,
                    off,
                    "the parts after heraf add up to less than the whole; they may not be all of it",
                );
                return;
            }
        }
    }
    let off = total.start;
    if super::shapes::part_exceeds_whole(&rel) {
        ctx.not_understood(pi, si, off, super::shapes::NET_WHOLE);
        return;
    }
    ctx.claim(pi, si, off, Kind::Sum, rel);
}

/// `X, hvilket er D mere/mindre end Y`; `forskellen mellem X og Y er D`.
fn difference_in_sentence(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let q: Vec<&Fig> = s.quantities().filter(|f| f.unit != Unit::Bare).collect();
    let [x, d, y] = q[..] else { return };
    if [x, d, y].iter().any(|f| f.approx) || !same_unit(x, d) || !same_unit(d, y) {
        return;
    }
    let between: Vec<&str> = (s.after_unit(d)..y.token)
        .filter_map(|i| s.word(i))
        .collect();
    let comparative = between.first().and_then(|w| direction(w));
    if between.get(1) != Some(&"end") {
        return;
    }
    let Some(more) = comparative else { return };
    let r = if more {
        difference(x.num, y.num, d.num)
    } else {
        difference(y.num, x.num, d.num)
    };
    let off = d.start;
    ctx.claim(pi, si, off, Kind::Difference, r);
}
