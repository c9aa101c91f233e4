//! Claims whose operands the sentence names rather than places next to
//! each other: a whole `fordelt med` its parts, a level `hvilket er P pct.
//! eller D mere end i 2024`, a change whose percentage stands in the next
//! sentence (`Det svarer til et fald på P pct.`), a result named by the
//! words of its operands (`indtægter` − `udgifter` = `overskud`; `budget`,
//! `tillægsbevillinger`, `regnskab` and the `merforbrug`), and `P pct. af
//! nettodriftsudgifterne` where the whole is named once in the paragraph.
//!
//! Conservative like the other patterns: an operand is taken only when the
//! words name exactly one figure of the right unit; a part list hedged
//! (`bl.a.`, `primært`) or a name stated twice is never guessed at.

use super::patterns::{abs, difference, direction, is_level, neg, same_unit, signed_sum};
use super::prose::{Fig, Sentence, Unit};
use super::{Ctx, Kind};
use crate::money::Decimal;
use crate::numfmt::PrintedNumber;
use crate::verify::judge::{judge, Quotient, Relation, Term, Verdict};

/// Words that say a list of parts is not all of the whole, or not exact.
const HEDGES: &[&str] = &[
    "bl.a.",
    "blandt",
    "primært",
    "hovedsageligt",
    "især",
    "herunder",
    "eksempelvis",
    "fx",
    "f.eks.",
    "bla.",
    "resten",
    "øvrige",
    "mv.",
    "m.v.",
    "ca.",
    "cirka",
    "omkring",
    "godt",
    "knap",
];

/// Why a sum with a part larger than its whole is not judged.
pub(super) const NET_WHOLE: &str =
    "a part is larger than the whole: the whole is a net of parts the text does not all list";

/// Runs every shape over every sentence no pattern has read.
pub fn read_all(ctx: &mut Ctx) {
    for pi in 0..ctx.paras.len() {
        let n = ctx.paras.get(pi).map_or(0, |p| p.sents.len());
        for si in 0..n {
            if sentence(ctx, pi, si).is_none_or(|s| s.figs.len() > 60) {
                continue;
            }
            for shape in [
                split_with as fn(&mut Ctx, usize, usize),
                compared_with_level,
                rise_after_level,
                change_then_percent,
                balance,
                budget_deviation,
                share_of_named,
                total_of_named,
                improvement,
                compared_with_earlier,
                parts_in_next,
            ] {
                if ctx.used.contains(&(pi, si)) {
                    break;
                }
                shape(ctx, pi, si);
            }
        }
    }
}

/// Sentences (of a paragraph of `n`) whose figures an operand of sentence
/// `si` may be: the nearest ten on each side (bounded time on a long
/// paragraph).
fn near(si: usize, n: usize) -> std::ops::Range<usize> {
    si.saturating_sub(NEAR)..n.min(si + NEAR + 1)
}

/// How far an operand may stand from its claim: sentences within a
/// paragraph, paragraphs within a document.
const NEAR: usize = 10;

fn sentence<'a>(ctx: &'a Ctx, pi: usize, si: usize) -> Option<&'a Sentence> {
    ctx.paras.get(pi).and_then(|p| p.sents.get(si))
}

pub(super) fn hedged(s: &Sentence) -> bool {
    s.has_word(|w| HEDGES.contains(&w))
}

/// Amounts and counts (not percentages, years, references).
fn levels(s: &Sentence) -> impl Iterator<Item = &Fig> {
    s.figs
        .iter()
        .filter(|f| matches!(f.unit, Unit::Money(_) | Unit::Count(_) | Unit::Bare))
}

/// `(i alt) T … fordelt med A til X og B til Y`: the parts after the word
/// make up the one amount before it. A list short of the whole is listed as
/// not understood (a part may be unnamed), one over it is an error.
fn split_with(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(fw) = s.find_word(0, |w| matches!(w, "fordelt" | "fordeles" | "fordeler")) else {
        return;
    };
    let w1 = s.word(fw + 1);
    let after_word = match w1 {
        Some("med" | "på") => fw + 2,
        Some("sig") if matches!(s.word(fw + 2), Some("med" | "på")) => fw + 3,
        _ => return,
    };
    if hedged(s) {
        return;
    }
    let before: Vec<&Fig> = levels(s).filter(|f| f.token < fw).collect();
    let [total] = before[..] else { return };
    if total.approx || !matches!(total.unit, Unit::Money(_) | Unit::Count(_)) {
        return;
    }
    // Every quantity after the word is a part in the total's unit.
    let after: Vec<&Fig> = s.quantities().filter(|f| f.token >= after_word).collect();
    if after.len() < 2 || after.iter().any(|f| f.approx || !same_unit(f, total)) {
        return;
    }
    // An enumeration: `A …, B … og C …`.
    let joined = after.windows(2).enumerate().all(|(k, w)| {
        let last = k + 2 == after.len();
        (w[0].token + 1..w[1].token).any(|i| {
            if last {
                s.word(i) == Some("og")
            } else {
                s.word(i) == Some("og") || s.punct(i) == Some(',')
            }
        })
    });
    if !joined {
        return;
    }
    let nums: Vec<PrintedNumber> = after.iter().map(|f| f.num).collect();
    let rel = signed_sum(&nums, total.num);
    let off = total.start;
    if part_exceeds_whole(&rel) {
        ctx.not_understood(pi, si, off, NET_WHOLE);
        return;
    }
    if short_of_whole(&rel) {
        ctx.not_understood(
            pi,
            si,
            off,
            "the parts after fordelt add up to less than the whole; they may not be all of it",
        );
        return;
    }
    ctx.claim(pi, si, off, Kind::Sum, rel);
}

/// A sum of parts of one sign one of which is larger than the whole
/// (`i alt 14,4, heraf 136,7 …`): the whole is a net of parts the text
/// does not all list, so the sum is not judged.
pub(super) fn part_exceeds_whole(rel: &Relation) -> bool {
    let Relation::Sum { terms, total } = rel else {
        return false;
    };
    let one_sign = terms.iter().all(|t| !t.negative)
        && (terms.iter().all(|t| !t.figure.value.is_sign_negative())
            || terms.iter().all(|t| t.figure.value.is_sign_negative()));
    one_sign
        && terms
            .iter()
            .any(|t| t.figure.value.abs() > total.value.abs())
}

/// A sum judged an error whose parts fall short of the total.
fn short_of_whole(rel: &Relation) -> bool {
    let Relation::Sum { terms, total } = rel else {
        return false;
    };
    if judge(rel, false).verdict != Verdict::Error {
        return false;
    }
    let mut sum = Decimal::ZERO;
    for t in terms {
        let v = if t.negative {
            -t.figure.value
        } else {
            t.figure.value
        };
        match crate::money::Exact::exact_add(sum, v) {
            Some(x) => sum = x,
            None => return false,
        }
    }
    sum.abs() < total.value.abs()
}

/// `L …, hvilket er P pct. eller D mere end i 2024` (also `Det er …` in the
/// next sentence, and `D (P pct.) mere`): L is the new level, so the old is
/// L − D (L + D for `mindre`), and P = D / (L ∓ D).
fn compared_with_level(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    // The comparative, followed by `end`.
    let Some(c) = (0..s.tokens.len()).find(|&i| {
        s.word(i + 1) == Some("end")
            && s.word(i).is_some_and(|w| {
                matches!(
                    w,
                    "mere" | "mindre" | "flere" | "færre" | "højere" | "lavere"
                )
            })
    }) else {
        return;
    };
    let Some(rise) = s.word(c).and_then(direction) else {
        return;
    };
    // Where the comparison starts: `hvilket er`, `som er`, or a sentence
    // `Det er …` about the previous sentence's level.
    let start = (0..c).rev().find(|&i| {
        matches!(s.word(i), Some("hvilket" | "hvad" | "som"))
            && matches!(s.word(i + 1), Some("er" | "var" | "svarer"))
    });
    let opens = matches!(s.word(0), Some("det" | "dette"))
        && matches!(s.word(1), Some("er" | "var" | "svarer"));
    let from = match (start, opens) {
        (Some(i), _) => i,
        (None, true) => 0,
        _ => return,
    };
    let q: Vec<&Fig> = s
        .quantities()
        .filter(|f| f.token > from && f.token < c)
        .collect();
    let (p, d) = match q[..] {
        [a, b] => {
            let (p, d) = match (a.is_percent(), b.is_percent()) {
                (true, false) => (a, b),
                (false, true) => (b, a),
                _ => return,
            };
            // The two figures are one change: `P pct. eller D`, `D (P pct.)`.
            let one = (a.token + 1..b.token)
                .any(|i| s.word(i) == Some("eller") || s.punct(i) == Some('('));
            if !one {
                return;
            }
            (p, d)
        }
        // `D flere end i december året før, svarende til en stigning på P
        // pct.`: the percentage the change is said to correspond to.
        [d] => match percent_of_change(s, c, rise) {
            Some(p) => (p, d),
            None => return,
        },
        _ => return,
    };
    if p.approx || d.approx || !is_level(d) || s.word(s.after_unit(p)) == Some("af") {
        return;
    }
    // The level: the one level of the clause before, in D's unit.
    let level: Vec<&Fig> = if opens && start.is_none() {
        let Some(prev) = si.checked_sub(1).and_then(|k| sentence(ctx, pi, k)) else {
            return;
        };
        levels(prev).collect()
    } else {
        levels(s).filter(|f| f.token < from).collect()
    };
    let [l] = level[..] else { return };
    if l.approx || !same_unit(l, d) || l.num.value.is_sign_negative() {
        return;
    }
    let figures = vec![abs(d.num), abs(l.num)];
    let rel = Relation::Quotient(Quotient {
        figures,
        num: vec![(0, false)],
        den: vec![(1, false), (0, rise)],
        result: abs(p.num),
        change: false,
    });
    let off = p.start;
    if opens && start.is_none() {
        ctx.used.insert((pi, si - 1));
    }
    ctx.claim(pi, si, off, Kind::Change, rel);
}

/// `L elever.` then `Det er … en stigning (fremgang) på D elever eller P
/// procent` (or `… på D elever i forhold til sidste år svarende til en
/// stigning … på P %`): L is the new level, the old L ∓ D, so P = D / (L ∓
/// D). The sentence opens on the one before (`Det er`), which states one
/// level in D's unit and no percentage; P is the sentence's one percentage.
fn rise_after_level(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    if !matches!(s.word(0), Some("det" | "dette")) || !matches!(s.word(1), Some("er" | "var")) {
        return;
    }
    // `en stigning på D`, `en fremgang på D`: the change's noun, then `på`.
    let Some(c) = (2..s.tokens.len()).find(|&i| {
        s.word(i + 1) == Some("på") && s.word(i).is_some_and(|w| change_noun(w).is_some())
    }) else {
        return;
    };
    let Some(rise) = s.word(c).and_then(change_noun) else {
        return;
    };
    let q: Vec<&Fig> = s.quantities().collect();
    let [d, p] = q[..] else { return };
    if d.token != c + 2 || !is_level(d) || !p.is_percent() || p.approx || d.approx {
        return;
    }
    // D and P are one change: `D eller P`, or `D … svarende til (en
    // stigning …) på P` with only words between and no other direction.
    let mut between: Vec<&str> = (s.after_unit(d)..p.token)
        .filter_map(|i| s.word(i))
        .collect();
    // D's own noun (`1.076 elever`) is no word between.
    if let (Unit::Count(noun), Some(first)) = (&d.unit, between.first()) {
        if first == noun {
            between.remove(0);
        }
    }
    let or = between == ["eller"];
    let via = between.first().is_some_and(|w| *w != "eller")
        && between.iter().any(|w| matches!(*w, "svarende" | "svarer"))
        && between.last() == Some(&"på")
        && between
            .iter()
            .filter_map(|w| change_noun(w).or(direction(w)))
            .all(|r| r == rise);
    if !(or || via) || s.word(s.after_unit(p)) == Some("af") {
        return;
    }
    let Some(prev) = si.checked_sub(1).and_then(|k| sentence(ctx, pi, k)) else {
        return;
    };
    if prev.figs.iter().any(Fig::is_percent) {
        return;
    }
    let level: Vec<&Fig> = levels(prev).collect();
    let [l] = level[..] else { return };
    if l.approx || !same_unit(l, d) || l.num.value.is_sign_negative() {
        return;
    }
    let rel = Relation::Quotient(Quotient {
        figures: vec![abs(d.num), abs(l.num)],
        num: vec![(0, false)],
        den: vec![(1, false), (0, rise)],
        result: abs(p.num),
        change: false,
    });
    let off = p.start;
    ctx.used.insert((pi, si - 1));
    ctx.claim(pi, si, off, Kind::Change, rel);
}

/// A noun for a change and its direction: `stigning`, `fremgang`,
/// `forøgelse` a rise, `fald`, `tilbagegang`, `nedgang` a fall.
fn change_noun(w: &str) -> Option<bool> {
    match w {
        "stigning" | "fremgang" | "forøgelse" => Some(true),
        "fald" | "tilbagegang" | "nedgang" => Some(false),
        _ => None,
    }
}

/// The percentage after a comparison (`… end i december året før`) that
/// the change is said to correspond to: `svarende til (en stigning/et fald
/// på) P pct.`, with only words and years between, its direction (if it
/// names one) the comparison's, and nothing after it but punctuation.
fn percent_of_change(s: &Sentence, c: usize, rise: bool) -> Option<&Fig> {
    let p = s
        .figs
        .iter()
        .find(|f| f.token > c && !matches!(f.unit, Unit::Year | Unit::Other))?;
    if !p.is_percent() {
        return None;
    }
    let words: Vec<&str> = (c + 1..p.token).filter_map(|i| s.word(i)).collect();
    let via = words
        .iter()
        .position(|w| matches!(*w, "svarende" | "svarer"))?;
    let tail = words.get(via + 1..).unwrap_or(&[]);
    let plain = tail.first() == Some(&"til")
        && tail.iter().skip(1).all(|w| {
            matches!(*w, "en" | "et" | "på") || direction(w).is_some() || w.starts_with("ændring")
        });
    if !plain || tail.iter().filter_map(|w| direction(w)).any(|d| d != rise) {
        return None;
    }
    let after = s.after_unit(p);
    (after..s.tokens.len())
        .all(|i| s.punct(i).is_some())
        .then_some(p)
}

/// `… steg/faldt med D til Y.` followed by `Det svarer til en stigning/et
/// fald på P pct.`: P = D / (Y ∓ D).
fn change_then_percent(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    if !matches!(s.word(0), Some("det" | "dette"))
        || !matches!(s.word(1), Some("svarer" | "er" | "var"))
    {
        return;
    }
    let q: Vec<&Fig> = s.quantities().collect();
    let [p] = q[..] else { return };
    if !p.is_percent() || p.approx {
        return;
    }
    // Only `Det svarer til (en stigning/et fald på) P pct.`, ending there:
    // `P pct. af …` is a share, `P pct. lavere end i 2020` another base.
    let plain = (2..p.token).all(|i| {
        s.word(i).is_some_and(|w| {
            matches!(
                w,
                "til" | "en" | "et" | "på" | "stigning" | "fald" | "vækst" | "nedgang"
            )
        })
    });
    let after = s.after_unit(p);
    let ends = (after..s.tokens.len()).all(|i| s.punct(i).is_some());
    if !plain || !ends {
        return;
    }
    let Some(prev) = si.checked_sub(1).and_then(|k| sentence(ctx, pi, k)) else {
        return;
    };
    if prev.word(0) == Some("fra") || prev.find_word(0, |w| w == "fra").is_some() {
        return;
    }
    // `med D til Y` with a direction word before `med`.
    let Some(med) = (0..prev.tokens.len()).find(|&i| {
        prev.word(i) == Some("med")
            && prev.fig_at(i + 1).is_some_and(is_level)
            && (i.saturating_sub(8)..i)
                .filter_map(|k| prev.word(k))
                .any(|w| direction(w).is_some())
    }) else {
        return;
    };
    let Some(rise) = (med.saturating_sub(8)..med)
        .filter_map(|k| prev.word(k))
        .find_map(direction)
    else {
        return;
    };
    let Some(d) = prev.fig_at(med + 1) else {
        return;
    };
    let Some(til) = prev.find_word(d.token + 1, |w| w == "til") else {
        return;
    };
    if til > prev.after_unit(d) + 1 {
        return;
    }
    let Some(y) = prev
        .fig_at(til + 1)
        .filter(|y| same_unit(d, y) && !y.approx)
    else {
        return;
    };
    if d.approx || levels(prev).count() != 2 {
        return;
    }
    // The percentage names the same direction, if it names one.
    let pdir = s.words().find_map(direction);
    if pdir.is_some_and(|x| x != rise) {
        return;
    }
    let rel = Relation::Quotient(Quotient {
        figures: vec![abs(d.num), abs(y.num)],
        num: vec![(0, false)],
        den: vec![(1, false), (0, rise)],
        result: abs(p.num),
        change: false,
    });
    let off = p.start;
    ctx.used.insert((pi, si - 1));
    ctx.claim(pi, si, off, Kind::Change, rel);
}

/// Words that name a known kind of amount (a figure's name is the nearest
/// of them before it).
fn is_name(w: &str) -> bool {
    [
        "merforbrug",
        "merudgift",
        "mindreforbrug",
        "mindreudgift",
        "overskud",
        "underskud",
        "indtægt",
        "udgift",
        "tillægsbevilling",
        "regnskab",
    ]
    .iter()
    .any(|p| w.starts_with(p))
        || is_budget(w)
        || matches!(w, "forbrug" | "forbruget")
}

fn is_budget(w: &str) -> bool {
    matches!(w, "budget" | "budgettet" | "budgettets" | "budgetteret")
}

/// Whether the figure is named by a word `pred` accepts: the nearest
/// naming word before it within its clause (no figure, comma, `og`, `af`,
/// `til` between: `forbrug af kassebeholdningen på 80` is no forbrug).
pub(super) fn named_by(s: &Sentence, f: &Fig, pred: &dyn Fn(&str) -> bool) -> bool {
    let mut i = f.token;
    let mut n = 0;
    while i > 0 && n < 7 {
        i -= 1;
        n += 1;
        if s.fig_at(i).is_some_and(|g| g.unit != Unit::Year) {
            return false;
        }
        if matches!(s.punct(i), Some(',' | ';' | ':' | '(' | ')')) {
            return false;
        }
        if let Some(w) = s.word(i) {
            if pred(w) {
                return true;
            }
            if is_name(w) {
                return false;
            }
            // `udgifterne til kontanthjælp`, `forbrug af kassen`: another
            // subject; but `skønnes til 132,1` (just before the figure) and
            // `overførsler til 2008` (a year) are not.
            let qualifier = matches!(w, "af" | "til" | "fra" | "mod" | "med")
                && i + 1 != f.token
                && s.fig_at(i + 1).is_none_or(|g| g.unit != Unit::Year);
            if qualifier
                || matches!(
                    w,
                    "og" | "mens" | "samt" | "heraf" | "hvoraf" | "eller" | "end"
                )
            {
                return false;
            }
        }
    }
    false
}

/// Whether every amount of the sentence is named by a known name (none is
/// the second of an enumeration `budgettet var 20,0 og 22,0`, which would
/// leave a name with two figures).
fn all_named(s: &Sentence, pred: &dyn Fn(&str) -> bool) -> bool {
    s.figs
        .iter()
        .filter(|f| f.is_amount())
        .all(|f| named_by(s, f, &|w| is_name(w) || pred(w)))
}

/// Verbs and fillers between a name and its figure that do not narrow it.
const FILLERS: &[&str] = &[
    "udgør",
    "udgjorde",
    "bliver",
    "forventes",
    "forventet",
    "skønnes",
    "opgjort",
    "endte",
    "landede",
    "lyder",
    "hermed",
    "dermed",
    "derved",
    "således",
    "herefter",
    "samlet",
    "samlede",
    "netto",
    "brutto",
    "årets",
    "oprindelige",
    "oprindeligt",
    "korrigerede",
    "korrigeret",
    "vedtagne",
    "vedtaget",
    "forventede",
    "endelige",
    "foreløbige",
    "fastlagt",
    "fastsat",
    "meddelt",
    "afsat",
];

/// The words that narrow a named figure to part of its name's scope: the
/// content words between the name and the figure (`forbruget på
/// ældreområdet blev 410,0`), and a sentence opening `På X`, `For X`.
fn qualifiers(s: &Sentence, f: &Fig, pred: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = f.token;
    while i > 0 {
        i -= 1;
        let Some(w) = s.word(i) else { continue };
        if pred(w) {
            break;
        }
        if w.chars().count() >= 5
            && w.chars().all(char::is_alphabetic)
            && !FILLERS.contains(&w)
            && !NOT_SUBJECTS.contains(&w)
        {
            out.push(w.to_string());
        }
    }
    if matches!(s.word(0), Some("på" | "for" | "vedrørende")) {
        if let Some(w) = s.word(1) {
            out.push(format!("@{w}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The area a sentence opens with as its subject (`Skoleområdet har et
/// merforbrug`, `Hjemmeplejen forventer et regnskab`), as a qualifier
/// `@skoleområdet`: a word of five letters or more, not a filler, not one
/// of the words naming the operands (`named`).
fn subject(s: &Sentence, named: &dyn Fn(&str) -> bool) -> Option<String> {
    let w = s.word(0)?;
    (w.chars().count() >= 5
        && w.chars().all(char::is_alphabetic)
        && !FILLERS.contains(&w)
        && !NOT_SUBJECTS.contains(&w)
        && !named(w))
    .then(|| format!("@{w}"))
}

/// Whether operands (in the order the text states them, with their
/// qualifiers) are of one scope: the first sets it; a later one may repeat
/// it or leave it unsaid, never narrow it (`budget … 100,0`, then
/// `forbruget på ældreområdet … 41,0` is another thing).
fn one_scope(mut ops: Vec<((usize, usize), Vec<String>)>) -> bool {
    ops.sort_by_key(|o| o.0);
    let Some((_, first)) = ops.first() else {
        return true;
    };
    ops.iter().skip(1).all(|(_, q)| {
        q.iter()
            .all(|w| first.iter().any(|x| x == w || same_name(x, w)))
    })
}

/// The one amount of the paragraph (in sentences `range`) named by `pred`,
/// with the sentence it stands in; `None` when none or several.
fn the_named<'a>(
    ctx: &'a Ctx,
    pi: usize,
    range: std::ops::Range<usize>,
    pred: &dyn Fn(&str) -> bool,
) -> Option<(usize, &'a Fig)> {
    let para = ctx.paras.get(pi)?;
    let mut found = None;
    for si in range {
        let Some(s) = para.sents.get(si) else {
            continue;
        };
        for f in s.figs.iter().filter(|f| f.is_amount()) {
            if named_by(s, f, pred) {
                if found.is_some() || !all_named(s, pred) {
                    return None;
                }
                found = Some((si, f));
            }
        }
    }
    found
}

/// `indtægter på I og udgifter på U, … et overskud på D`: D = I − U (an
/// `underskud` is U − I). The operands are named by those words in the
/// sentence or the one before it, each exactly once.
fn balance(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let result: Vec<(&Fig, bool)> = s
        .figs
        .iter()
        .filter(|f| f.is_amount())
        .filter_map(|f| {
            if named_by(s, f, &|w| w.starts_with("overskud")) {
                Some((f, true))
            } else if named_by(s, f, &|w| w.starts_with("underskud")) {
                Some((f, false))
            } else {
                None
            }
        })
        .collect();
    let [(d, surplus)] = result[..] else { return };
    if d.approx || hedged(s) {
        return;
    }
    let from = si.saturating_sub(1);
    let income = |w: &str| w.starts_with("indtægt");
    let spending = |w: &str| w.starts_with("udgift");
    let (Some((_, i)), Some((_, u))) = (
        the_named(ctx, pi, from..si + 1, &income),
        the_named(ctx, pi, from..si + 1, &spending),
    ) else {
        return;
    };
    if i.approx || u.approx || !same_unit(i, d) || !same_unit(u, d) {
        return;
    }
    // Income and spending of the same scope, in this sentence or linked
    // to it (`Det giver …`, `… dermed et overskud`).
    let (is_, us_) = (
        the_named(ctx, pi, from..si + 1, &income),
        the_named(ctx, pi, from..si + 1, &spending),
    );
    let (Some((isi, _)), Some((usi, _))) = (is_, us_) else {
        return;
    };
    let linked = s.has_word(|w| {
        matches!(
            w,
            "dermed" | "derved" | "hermed" | "således" | "giver" | "gav" | "betyder" | "hvilket"
        )
    });
    if (isi != si || usi != si) && !linked {
        return;
    }
    let (Some(qi), Some(qu)) = (
        sentence(ctx, pi, isi).map(|x| qualifiers(x, i, &income)),
        sentence(ctx, pi, usi).map(|x| qualifiers(x, u, &spending)),
    ) else {
        return;
    };
    // Income and spending of one scope: both unqualified or alike.
    if qi != qu {
        return;
    }
    let off = d.start;
    let (i, u, d) = (i.num, u.num, d.num);
    let rel = if surplus {
        difference(i, u, d)
    } else {
        difference(u, i, d)
    };
    ctx.claim(pi, si, off, Kind::Difference, rel);
}

/// A `merforbrug`/`mindreforbrug` against a budget: the budget, the
/// accounts (`regnskab`, `forbrug`) and, when the paragraph states them,
/// the year's `tillægsbevillinger`, each named once in the paragraph:
/// budget + tillæg + merforbrug = regnskab (− mindreforbrug).
fn budget_deviation(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let result: Vec<(&Fig, bool)> = s
        .figs
        .iter()
        .filter(|f| f.is_amount())
        .filter_map(|f| {
            if named_by(s, f, &|w| {
                w.starts_with("merforbrug") || w.starts_with("merudgift")
            }) {
                Some((f, true))
            } else if named_by(s, f, &|w| {
                w.starts_with("mindreforbrug") || w.starts_with("mindreudgift")
            }) {
                Some((f, false))
            } else {
                None
            }
        })
        .collect();
    let [(d, over)] = result[..] else { return };
    if d.approx || hedged(s) {
        return;
    }
    let n = ctx.paras.get(pi).map_or(0, |p| p.sents.len());
    let is_accounts = |w: &str| {
        w.starts_with("regnskab") || w == "forbrug" || w == "forbruget" || w == "forbruges"
    };
    let is_extra = |w: &str| w.starts_with("tillægsbevilling");
    let Some((bs, b)) = the_named(ctx, pi, near(si, n), &|w| is_budget(w)) else {
        return;
    };
    let Some((_, r)) = the_named(ctx, pi, near(si, n), &is_accounts) else {
        return;
    };
    let extra = the_named(ctx, pi, near(si, n), &is_extra);
    // Several budget-like words (oprindeligt and korrigeret) or another
    // result of the same kind: not read.
    let corrected =
        sentence(ctx, pi, bs).is_some_and(|x| x.has_word(|w| w.starts_with("korriger")));
    if extra.is_some() && corrected {
        return;
    }
    // None of the operands narrowed to a part (`forbruget på ældreområdet`).
    let (Some((rs, _)), Some(bsent)) = (
        the_named(ctx, pi, near(si, n), &is_accounts),
        sentence(ctx, pi, bs),
    ) else {
        return;
    };
    let Some(rsent) = sentence(ctx, pi, rs) else {
        return;
    };
    // The deviation's own scope too (`På skoleområdet forventes et
    // mindreforbrug`, `et merforbrug på hjemmeplejen` against the whole
    // area's budget); and a `samlet` deviation is the whole's, not that of
    // an area whose figures another sentence gives (`Merforbruget skyldes
    // primært dagtilbud, hvor …`).
    let is_deviation = |w: &str| {
        ["merforbrug", "merudgift", "mindreforbrug", "mindreudgift"]
            .iter()
            .any(|x| w.starts_with(x))
    };
    if (bs != si || rs != si) && s.has_word(|w| w == "samlet" || w == "samlede") {
        return;
    }
    // The deviation, too, is the one the paragraph names: beside another
    // area's merforbrug, the budget and accounts may be either's.
    let deviations = ctx.paras.get(pi).map_or(0, |p| {
        near(si, n)
            .filter_map(|k| p.sents.get(k))
            .map(|x| {
                x.figs
                    .iter()
                    .filter(|f| f.is_amount() && named_by(x, f, &is_deviation))
                    .count()
            })
            .sum::<usize>()
    });
    if deviations > 1 {
        return;
    }
    // A subject that is itself a figure's name (`Nettobevillingen var …
    // fastlagt til`) narrows nothing.
    let named = |w: &str| {
        is_budget(w)
            || is_accounts(w)
            || is_deviation(w)
            || [
                "budget",
                "bevilling",
                "regnskab",
                "forbrug",
                "resultat",
                "udgift",
                "indtægt",
            ]
            .iter()
            .any(|x| w.contains(x))
    };
    let with_subject = |x: &Sentence, mut q: Vec<String>| {
        q.extend(subject(x, &named));
        q
    };
    let mut ops = vec![
        (
            (bs, b.token),
            with_subject(bsent, qualifiers(bsent, b, &|w| is_budget(w))),
        ),
        (
            (rs, r.token),
            with_subject(rsent, qualifiers(rsent, r, &is_accounts)),
        ),
        (
            (si, d.token),
            with_subject(s, qualifiers(s, d, &is_deviation)),
        ),
    ];
    if let Some((es, e)) = extra {
        let Some(x) = sentence(ctx, pi, es) else {
            return;
        };
        ops.push(((es, e.token), qualifiers(x, e, &is_extra)));
    }
    if !one_scope(ops) {
        return;
    }
    let figs: Vec<&Fig> = [b, r, d].into_iter().chain(extra.map(|e| e.1)).collect();
    if figs.iter().any(|f| f.approx || !same_unit(f, d)) {
        return;
    }
    if b.num.value.is_sign_negative() || r.num.value.is_sign_negative() {
        return;
    }
    let mut terms = vec![Term {
        negative: false,
        figure: b.num,
    }];
    if let Some((_, e)) = extra {
        terms.push(Term {
            negative: false,
            figure: e.num,
        });
    }
    terms.push(Term {
        negative: !over,
        figure: abs(d.num),
    });
    let rel = Relation::Sum {
        terms,
        total: r.num,
    };
    let off = d.start;
    ctx.claim(pi, si, off, Kind::Difference, rel);
}

/// Whether two words name the same thing: one is the other with a definite
/// or plural ending (`nettodriftsudgifter`, `nettodriftsudgifterne`).
pub(super) fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = |x: &str| {
        x.chars().count() >= 6
            && long.starts_with(x)
            && long.chars().count().saturating_sub(short.chars().count()) <= 3
    };
    // A noun in -el, -en, -er loses its e before an ending
    // (`overførsel`, `overførsler`; `middel`, `midler` is too short).
    let syncopated = ["el", "en", "er"]
        .iter()
        .find_map(|e| short.strip_suffix(e))
        .map(|stem| format!("{stem}{}", &short[short.len() - 1..]));
    prefix(short) || syncopated.is_some_and(|x| long.len() > short.len() && prefix(&x))
}

/// `A … P pct. af NAVN`: the whole is the one amount the paragraph names
/// with that word; the part the one other amount of the sentence.
fn share_of_named(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let pcts: Vec<&Fig> = s.figs.iter().filter(|f| f.is_percent()).collect();
    let [p] = pcts[..] else { return };
    if p.approx || hedged(s) {
        return;
    }
    let af = s.after_unit(p);
    if s.word(af) != Some("af") {
        return;
    }
    // The name: the next word, past `de`, `den`, `det`, `kommunens`, `samlede`.
    let mut k = af + 1;
    while s
        .word(k)
        .is_some_and(|w| matches!(w, "de" | "den" | "det" | "samlede" | "samlet"))
    {
        k += 1;
    }
    let Some(name) = s.word(k).map(str::to_string) else {
        return;
    };
    if name.chars().count() < 6
        || s.punct(k + 1) == Some('(')
        || s.word(k + 1)
            .is_some_and(|w| matches!(w, "på" | "til" | "for" | "inden" | "under" | "vedrørende"))
    {
        return;
    }
    let parts: Vec<&Fig> = levels(s).filter(|f| f.token != p.token).collect();
    let [a] = parts[..] else { return };
    if a.approx || !a.is_amount() || named_by(s, a, &|w| same_name(w, &name)) {
        return;
    }
    // The whole: named once in the paragraph, else once in the document.
    let named = |x: &str| same_name(x, &name);
    let n = ctx.paras.get(pi).map_or(0, |p| p.sents.len());
    let (wp, ws, w) = match the_named(ctx, pi, near(si, n), &named) {
        Some((ws, w)) => (pi, ws, w),
        None => {
            let cached = ctx.named.borrow().get(&name).cloned();
            let hits = match cached {
                Some(h) => h,
                None => {
                    let mut h = Vec::new();
                    'all: for (q, para) in ctx.paras.iter().enumerate() {
                        for (k, x) in para.sents.iter().enumerate() {
                            for (fi, f) in x.figs.iter().enumerate() {
                                if f.is_amount() && named_by(x, f, &named) {
                                    h.push((q, k, fi));
                                    if h.len() > 1 {
                                        break 'all;
                                    }
                                }
                            }
                        }
                    }
                    ctx.named.borrow_mut().insert(name.clone(), h.clone());
                    h
                }
            };
            let [(q, k, fi)] = hits[..] else { return };
            let Some(x) = sentence(ctx, q, k) else { return };
            let Some(f) = x.figs.get(fi) else { return };
            if !all_named(x, &named) {
                return;
            }
            (q, k, f)
        }
    };
    if (wp, ws) == (pi, si) || w.approx || !same_unit(a, w) {
        return;
    }
    // The same year, where both sentences name one.
    let year = |x: &Sentence| x.years();
    if let Some(other) = sentence(ctx, wp, ws) {
        let (y1, y2) = (year(s), year(other));
        if !y1.is_empty() && !y2.is_empty() && y1 != y2 {
            return;
        }
    }
    let rel = Relation::Share {
        part: abs(a.num),
        whole: abs(w.num),
        share: abs(p.num),
        allocated: false,
    };
    let off = p.start;
    ctx.claim(pi, si, off, Kind::Share, rel);
}

/// A paragraph whose whole counts all end in 00 (at least three, each of
/// at least 1.000, one of at least 10.000) is rounded to hundreds, as
/// Danmarks Statistik rounds persons: its counts get that interval and are
/// no exact counts (`5.200 færre` against 156.500 and 151.200). Likewise
/// tens for counts all ending in 0; thousands only with six counts all
/// ending in 000 (three are a plan's round figures as often: `fra 10.000
/// til 12.000 pladser`).
pub fn coarse_counts(text: &str, sents: &mut [Sentence]) {
    let all: Vec<Decimal> = sents.iter().flat_map(|s| whole_counts(text, s)).collect();
    let thousand = Decimal::from(1000);
    if all.iter().any(|v| *v < thousand) {
        return;
    }
    if let Some(coarse) = coarse_level(&all, false) {
        make_coarse(text, sents, coarse);
    }
}

/// A paragraph whose own counts are too few or too small to show their
/// rounding (`med 600 til 2.100`) takes the document's: where every whole
/// count of the document of at least 100 ends in 00 (at least three, one
/// of at least 10.000) and so do all the paragraph's own counts, they are
/// rounded to hundreds too (Danmarks Statistik's release, `med 1.500 til
/// 8.200, svarende til en stigning på 23 pct.`: 1.500 / 6.700 = 22,4 %,
/// from unrounded counts 23). A count below 100 shows no rounding to
/// hundreds for the document, but keeps its own paragraph exact (`steg med
/// 50 til 1.200 personer`); ages, ranks and ranges are no counts at all
/// ([`not_a_count`]). Only in a statistics release, not a plan's few round
/// figures (`fra 1.200 til 1.500 pladser`): the document has at least six
/// such counts, or names its counts as derived ones (`fuldtidsledige`,
/// `omregnet til fuldtidsmodtagere`, `helårspersoner`), which are rounded
/// however few (two will do).
pub fn coarse_document(paras: &mut [super::Para]) {
    // Each paragraph's own whole counts, looked for once.
    let owns: Vec<Vec<Decimal>> = paras
        .iter()
        .map(|p| {
            p.sents
                .iter()
                .flat_map(|s| whole_counts(&p.p.text, s))
                .collect()
        })
        .collect();
    let hundred = Decimal::ONE_HUNDRED;
    let all: Vec<Decimal> = owns
        .iter()
        .flatten()
        .copied()
        .filter(|v| *v >= hundred)
        .collect();
    let coarse = match paras.iter().find_map(|p| stated_rounding(&p.p.text)) {
        // The document says how it rounds (`Tallene er afrundet til
        // nærmeste tusinde`).
        Some(level) => level,
        None => {
            // Fewer counts than a release prints: only where it names them
            // derived.
            let few = all.len() < DOCUMENT_COUNTS;
            if few && !paras.iter().any(|p| names_derived_counts(&p.p.text)) {
                return;
            }
            let Some(level) = coarse_level(&all, few) else {
                return;
            };
            level
        }
    };
    for (p, own) in paras.iter_mut().zip(&owns) {
        let already = p
            .sents
            .iter()
            .flat_map(|s| &s.figs)
            .any(|f| f.num.coarse >= coarse);
        if !own.is_empty() && !already && ends_in(own, 10i64.pow(coarse)) {
            make_coarse(&p.p.text, &mut p.sents, coarse);
        }
    }
}

/// Whether a text says how its counts are made: rounded (`afrundet til
/// nærmeste`) or derived ([`names_derived_counts`]). A byte look first:
/// most paragraphs say neither.
pub fn notes_counts(text: &str) -> bool {
    // The searchers built once (`memmem::find` built one for each word of
    // each paragraph, most of a look at a short paragraph).
    static WORDS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        ["afrundet", "uldtid", "elårs"].map(|w| memchr::memmem::Finder::new(w.as_bytes()))
    });
    let b = text.as_bytes();
    words.iter().any(|w| w.find(b).is_some())
        && (stated_rounding(text).is_some() || names_derived_counts(text))
}

/// The rounding a text states for its figures: `afrundet til nærmeste
/// tusinde` (3), `hundrede` (2), `10` (1).
fn stated_rounding(text: &str) -> Option<u32> {
    // Asked of every paragraph of a document: a look at the bytes first
    // (`frundet` in any ASCII case, found from its `u`; no other character
    // lowercases to one of its letters), the lowercased copy only where it
    // may say so.
    let b = text.as_bytes();
    if !memchr::memchr2_iter(b'u', b'U', b).any(|i| {
        i >= 2
            && b.get(i - 2..i + 5)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"frundet"))
    }) {
        return None;
    }
    let l = text.to_lowercase();
    let at = l.find("afrundet til nærmeste")? + "afrundet til nærmeste".len();
    let next: String = l[at..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    match next.trim_end_matches('.') {
        "tusinde" | "tusind" | "1.000" => Some(3),
        "hundrede" | "100" => Some(2),
        "ti" | "10" => Some(1),
        _ => None,
    }
}

/// How many whole counts a document needs to show its rounding
/// ([`coarse_document`]).
const DOCUMENT_COUNTS: usize = 6;

/// Whether a text names its counts as derived ones, which are rounded:
/// full-time and full-year persons (`fuldtidsledige`, `omregnet til
/// fuldtidspersoner`, `helårsmodtagere`), not full-time posts or homes
/// (`fuldtidsstillinger`, `helårsbolig`).
fn names_derived_counts(text: &str) -> bool {
    let l = text.to_lowercase();
    [
        "fuldtidsledig",
        "fuldtidsperson",
        "fuldtidsmodtager",
        "fuldtidsbeskæftig",
        "helårsperson",
        "helårsmodtager",
        "omregnet til fuldtid",
        "omregnet til helår",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// A sentence's whole counts (and bare whole figures), not 0, as absolute
/// values; not what is no count ([`not_a_count`]).
fn whole_counts(text: &str, s: &Sentence) -> Vec<Decimal> {
    s.figs
        .iter()
        .filter(|f| is_whole_count(text, f))
        .map(|f| f.num.value.abs())
        .collect()
}

fn is_whole_count(text: &str, f: &Fig) -> bool {
    matches!(f.unit, Unit::Count(_) | Unit::Bare)
        && f.num.decimals == 0
        && !f.num.value.is_zero()
        && !not_a_count(text, f)
}

/// A whole figure that counts nothing a release rounds: glued to a word by
/// a hyphen, part of a name (`COVID-19-krisen`); one end of a range
/// (`16-24-årige`, `2019-2020`); an age or a span of time (`under 25 år`,
/// `i 12 måneder`); a rank (`de 5 største kommuner`).
fn not_a_count(text: &str, f: &Fig) -> bool {
    let before = text.get(..f.start.min(text.len())).unwrap_or("");
    let after = text.get(f.end.min(text.len())..).unwrap_or("");
    let dash = |c: char| matches!(c, '-' | '\u{2013}');
    let mut back = before.chars().rev();
    let glued_before = back.next().is_some_and(dash)
        && back
            .next()
            .is_some_and(|c| c.is_alphabetic() || c.is_ascii_digit());
    let mut on = after.chars();
    let glued_after = on.next().is_some_and(dash)
        && on
            .next()
            .is_some_and(|c| c.is_alphabetic() || c.is_ascii_digit());
    if glued_before || glued_after {
        return true;
    }
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let time = [
        "år", "års", "årig", "årige", "måned", "måneder", "uge", "uger", "dage", "døgn",
    ];
    let rank = [
        "største",
        "mindste",
        "første",
        "sidste",
        "bedste",
        "højeste",
        "laveste",
        "vigtigste",
        "yngste",
        "ældste",
        "nyeste",
        "seneste",
    ];
    time.contains(&next.as_str()) || rank.contains(&next.as_str())
}

/// The rounding whole counts show (3: thousands, 2: hundreds, 1: tens): at
/// least three, one of at least 10.000, all ending in 00 (or in 0);
/// thousands only where there are six, all ending in 000. Counts named as
/// derived (`derived`) need only two, of any size.
fn coarse_level(all: &[Decimal], derived: bool) -> Option<u32> {
    if derived {
        if all.len() < 2 {
            return None;
        }
    } else if all.len() < 3 || !all.iter().any(|v| *v >= Decimal::from(10_000)) {
        return None;
    }
    if all.len() >= DOCUMENT_COUNTS && ends_in(all, 1000) {
        Some(3)
    } else if ends_in(all, 100) {
        Some(2)
    } else if ends_in(all, 10) {
        Some(1)
    } else {
        None
    }
}

/// Whether every one of the counts is a multiple of `k`.
fn ends_in(counts: &[Decimal], k: i64) -> bool {
    counts.iter().all(|v| (*v % Decimal::from(k)).is_zero())
}

/// Every whole count of the sentences read as rounded to 10^coarse.
fn make_coarse(text: &str, sents: &mut [Sentence], coarse: u32) {
    for s in sents.iter_mut() {
        for f in s.figs.iter_mut() {
            if is_whole_count(text, f) {
                f.num.coarse = coarse;
                f.num.exact = false;
            }
        }
    }
}

/// `De samlede NAVN … (herefter) T` after sentences that state amounts of
/// NAVN (`overførsler på drift på A`, `… på anlæg på B`, or one sentence
/// enumerating `NAVN på A til drift og B til anlæg`): T is their sum.
fn total_of_named(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(sa) = s.find_word(0, |w| matches!(w, "samlede" | "samlet")) else {
        return;
    };
    // The name: the last word of the run after `samlede` (`samlede
    // offentlige overskud i 2022` names overskud).
    let mut k = sa + 1;
    let mut name = None;
    while let Some(w) = s.word(k) {
        if k > sa + 3
            || matches!(
                w,
                "i" | "til"
                    | "på"
                    | "for"
                    | "er"
                    | "var"
                    | "blev"
                    | "bliver"
                    | "udgør"
                    | "af"
                    | "med"
                    | "fra"
                    | "skønnes"
                    | "forventes"
                    | "nu"
                    | "herefter"
                    | "dermed"
            )
        {
            break;
        }
        name = Some(w);
        k += 1;
    }
    let Some(name) = name.filter(|w| w.chars().count() >= 6) else {
        return;
    };
    let name = name.to_string();
    let totals: Vec<&Fig> = levels(s).filter(|f| f.token > sa).collect();
    let [t] = totals[..] else { return };
    if t.approx || !t.is_amount() || hedged(s) || !named_by(s, t, &|w| same_name(w, &name)) {
        return;
    }
    if levels(s).count() != 1 {
        return;
    }
    let Some(para) = ctx.paras.get(pi) else {
        return;
    };
    let years = s.years();
    let mut parts: Vec<PrintedNumber> = Vec::new();
    let mut from: Vec<usize> = Vec::new();
    let mut adjusted: Option<usize> = None;
    // `herefter`, `dermed`: the total is what the adjustment leaves.
    let after = s.has_word(|w| matches!(w, "herefter" | "dermed" | "derved" | "således"));
    for (k, p) in para
        .sents
        .iter()
        .enumerate()
        .take(si)
        .skip(si.saturating_sub(NEAR))
    {
        let amounts: Vec<&Fig> = levels(p).collect();
        let Some(first) = amounts
            .iter()
            .position(|f| named_by(p, f, &|w| same_name(w, &name)))
        else {
            // `Økonomiafdelingen har opjusteret dette skøn med D.` right
            // after a sentence of NAVN's amounts: D is added (`nedjusteret`:
            // taken off).
            if let Some((d, up)) = adjustment(p) {
                if from.last() == Some(&(k.wrapping_sub(1))) && adjusted.is_none() && after {
                    if d.approx || !same_unit(d, t) {
                        return;
                    }
                    parts.push(if up { abs(d.num) } else { neg(abs(d.num)) });
                    adjusted = Some(k);
                    continue;
                }
            }
            continue;
        };
        if hedged(p) || p.has_word(|w| matches!(w, "samlede" | "samlet" | "alt")) {
            return;
        }
        let py = p.years();
        if !py.is_empty() && !years.is_empty() && py != years {
            return;
        }
        // The named amount and the ones enumerated after it.
        let mut chain = vec![amounts[first]];
        for f in amounts.iter().skip(first + 1) {
            let Some(prev) = chain.last() else { break };
            let between = prev.token + 1..f.token;
            let enumerated = between
                .clone()
                .any(|i| p.word(i) == Some("og") || p.punct(i) == Some(','))
                && !between.clone().any(|i| p.word(i).is_some_and(is_name));
            if !enumerated && !named_by(p, f, &|w| same_name(w, &name)) {
                return;
            }
            chain.push(f);
        }
        if chain.iter().any(|f| f.approx || !same_unit(f, t)) {
            return;
        }
        parts.extend(chain.iter().map(|f| f.num));
        from.push(k);
    }
    if parts.len() < 2 {
        return;
    }
    let rel = signed_sum(&parts, t.num);
    let off = t.start;
    // An estimate and its adjustment, `herefter` T: the whole is stated.
    let complete = adjusted.is_some() && from.len() == 1;
    if !complete && part_exceeds_whole(&rel) {
        ctx.not_understood(pi, si, off, NET_WHOLE);
        return;
    }
    if !complete && short_of_whole(&rel) {
        ctx.not_understood(
            pi,
            si,
            off,
            "the amounts the paragraph names so add up to less than the total; they may not be all of it",
        );
        return;
    }
    // Parts gathered from several sentences may overlap (a half-year and
    // its quarters): a sum that fails is not understood, not an error.
    if from.len() > 1 && judge(&rel, false).verdict == Verdict::Error {
        ctx.not_understood(
            pi,
            si,
            off,
            "the amounts named so in several sentences do not add up to the total; they may not be its parts",
        );
        return;
    }
    for k in from.into_iter().chain(adjusted) {
        ctx.used.insert((pi, k));
    }
    ctx.claim(pi, si, off, Kind::Sum, rel);
}

/// `… har opjusteret dette skøn med D` (`nedjusteret`, `beløbet`): the one
/// amount of a sentence that adjusts the amount before, and whether up.
fn adjustment(p: &Sentence) -> Option<(&Fig, bool)> {
    let up = p.words().find_map(|w| {
        if w.starts_with("opjuster") {
            Some(true)
        } else if w.starts_with("nedjuster") {
            Some(false)
        } else {
            None
        }
    })?;
    let refers = (1..p.tokens.len()).any(|i| {
        matches!(p.word(i - 1), Some("dette" | "det" | "denne"))
            && p.word(i)
                .is_some_and(|w| w.starts_with("skøn") || w.starts_with("beløb"))
    });
    let q: Vec<&Fig> = p.quantities().collect();
    let [d] = q[..] else { return None };
    (refers && d.token > 0 && p.word(d.token - 1) == Some("med") && !hedged(p)).then_some((d, up))
}

/// `… et merforbrug på L, hvilket er en forbedring på D i forhold til …`
/// with the paragraph's one other merforbrug (the earlier estimate): for a
/// merforbrug or underskud an improvement is old − new, for a mindreforbrug
/// or overskud new − old; a `forværring` the other way.
fn improvement(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(iw) = s.find_word(0, |w| {
        w.starts_with("forbedring") || w.starts_with("forværring")
    }) else {
        return;
    };
    let better = s.word(iw).is_some_and(|w| w.starts_with("forbedring"));
    if s.word(iw + 1) != Some("på") || hedged(s) {
        return;
    }
    let Some(d) = s.fig_at(iw + 2).filter(|f| f.is_amount() && !f.approx) else {
        return;
    };
    // The level: the one amount before, named by a result word.
    const BAD: &[&str] = &["merforbrug", "underskud", "merudgift"];
    const GOOD: &[&str] = &["mindreforbrug", "overskud", "mindreudgift"];
    let kind_of = |f: &Fig, x: &Sentence| {
        BAD.iter()
            .chain(GOOD)
            .find(|k| named_by(x, f, &|w| w.starts_with(**k)))
            .copied()
    };
    let before: Vec<&Fig> = levels(s).filter(|f| f.token < iw).collect();
    let [l] = before[..] else { return };
    let Some(kind) = kind_of(l, s) else { return };
    if l.approx || !same_unit(l, d) {
        return;
    }
    // The old level: the paragraph's one other amount of that kind.
    let Some(para) = ctx.paras.get(pi) else {
        return;
    };
    let mut old = None;
    let window = near(si, para.sents.len());
    for (k, x) in para
        .sents
        .iter()
        .enumerate()
        .skip(window.start)
        .take(window.len())
    {
        for f in levels(x) {
            if (k == si && f.token <= iw + 2) || kind_of(f, x) != Some(kind) {
                continue;
            }
            if old.is_some() {
                return;
            }
            old = Some(f);
        }
    }
    let count = |x: &super::Para| {
        x.sents
            .iter()
            .flat_map(levels)
            .filter(|f| same_unit(f, d))
            .take(4)
            .count()
    };
    let old = match old {
        // No other amount in the paragraph that could be the earlier level.
        Some(old) if count(para) == 3 => old,
        Some(_) => return,
        // None in the paragraph (which has L and D only): the one amount of
        // a neighbouring paragraph, of that kind, which states nothing else
        // in the unit (`Det forventede merforbrug blev i foråret opgjort til
        // 47,7 mio. kr.` after the paragraph); never when both neighbours
        // could give it.
        None if count(para) == 2 => {
            let mut found = None;
            for q in [pi.checked_sub(1), Some(pi + 1)].into_iter().flatten() {
                let Some(next) = ctx.paras.get(q) else {
                    continue;
                };
                let (a, b) = if q < pi { (next, para) } else { (para, next) };
                if !adjacent(a.p, b.p) {
                    continue;
                }
                let of_kind: Vec<&Fig> = next
                    .sents
                    .iter()
                    .flat_map(|x| levels(x).filter(move |f| kind_of(f, x) == Some(kind)))
                    .take(2)
                    .collect();
                if let [f] = of_kind[..] {
                    if count(next) == 1 && !next.sents.iter().any(hedged) {
                        if found.is_some() {
                            return;
                        }
                        found = Some(f);
                    }
                }
            }
            match found {
                Some(f) => f,
                None => return,
            }
        }
        None => return,
    };
    if old.approx || !same_unit(old, d) {
        return;
    }
    let bad = BAD.contains(&kind);
    // Improvement of a bad level: old − new; of a good one: new − old.
    let old_first = bad == better;
    let rel = if old_first {
        difference(old.num, l.num, d.num)
    } else {
        difference(l.num, old.num, d.num)
    };
    let off = d.start;
    ctx.claim(pi, si, off, Kind::Change, rel);
}

/// Whether paragraph `b` follows `a` in the document with nothing but
/// blank lines (at most two) or, in Word and HTML, nothing between.
fn adjacent(a: &crate::document::Paragraph, b: &crate::document::Paragraph) -> bool {
    use crate::document::Loc;
    match (&a.loc, &b.loc) {
        (Loc::Line { line: x, .. }, Loc::Line { line: y, .. }) => {
            let end = x + a.text.lines().count();
            *y >= end && *y <= end + 2
        }
        (Loc::Paragraph { paragraph: x, .. }, Loc::Paragraph { paragraph: y, .. }) => *y == x + 1,
        _ => false,
    }
}

/// Words too general to name what a figure is about.
const NOT_SUBJECTS: &[&str] = &[
    "hvilket",
    "forventes",
    "forventet",
    "opgjort",
    "derfor",
    "samlet",
    "samlede",
    "første",
    "andet",
    "anden",
    "tredje",
    "fjerde",
    "kvartal",
    "kvartaler",
    "måned",
    "måneder",
    "endte",
    "blevet",
    "steget",
    "faldet",
    "udgjorde",
    "dermed",
    "således",
    "herefter",
    "sidste",
    "samme",
    "forhold",
    "nuværende",
    "efter",
    "siden",
    "omkring",
];

/// The content words of a figure's clause, before it (what it is about).
fn subject_words(s: &Sentence, f: &Fig) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = f.token;
    while i > 0 {
        i -= 1;
        if s.fig_at(i).is_some_and(|g| g.unit != Unit::Year)
            || matches!(s.punct(i), Some(',' | ';' | ':'))
        {
            break;
        }
        if let Some(w) = s.word(i) {
            if w.chars().count() >= 5
                && w.chars().all(char::is_alphabetic)
                && !NOT_SUBJECTS.contains(&w)
            {
                out.push(w.to_string());
            }
        }
    }
    out
}

/// `L …, hvilket er D lavere end i tredje kvartal` (or `Det er D …` after
/// L's sentence), where the paragraph's one other amount is stated for
/// that period about the same thing: D = |L − O| in the stated direction.
/// Only when the paragraph holds no other amount of the unit.
fn compared_with_earlier(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(c) = (0..s.tokens.len()).find(|&i| {
        s.word(i + 1) == Some("end")
            && s.word(i).is_some_and(|w| {
                matches!(
                    w,
                    "mere" | "mindre" | "flere" | "færre" | "højere" | "lavere"
                )
            })
    }) else {
        return;
    };
    let Some(more) = s.word(c).and_then(direction) else {
        return;
    };
    if s.word(c + 2) != Some("i") || hedged(s) {
        return;
    }
    // The period: a year, or the words up to the next punctuation (at most three).
    let mut period: Vec<String> = Vec::new();
    let mut k = c + 3;
    while k < s.tokens.len() && period.len() < 3 {
        if let Some(y) = s.fig_at(k).and_then(Fig::year) {
            period.push(y.to_string());
            k += 1;
            break;
        }
        match s.word(k) {
            Some(w) => period.push(w.to_string()),
            None => break,
        }
        k += 1;
    }
    if period.is_empty() || k < s.tokens.len() && s.punct(k).is_none() {
        return;
    }
    let start = (0..c).rev().find(|&i| {
        matches!(s.word(i), Some("hvilket" | "som")) && matches!(s.word(i + 1), Some("er" | "var"))
    });
    let opens =
        matches!(s.word(0), Some("det" | "dette")) && matches!(s.word(1), Some("er" | "var"));
    let from = match (start, opens) {
        (Some(i), _) => i,
        (None, true) => 0,
        _ => return,
    };
    let q: Vec<&Fig> = s
        .quantities()
        .filter(|f| f.token > from && f.token < c)
        .collect();
    let [d] = q[..] else { return };
    if d.approx || !d.is_amount() {
        return;
    }
    let ls = if start.is_some() {
        si
    } else {
        si.wrapping_sub(1)
    };
    let Some(lsent) = sentence(ctx, pi, ls) else {
        return;
    };
    let level: Vec<&Fig> = levels(lsent)
        .filter(|f| ls != si || f.token < from)
        .collect();
    let [l] = level[..] else { return };
    if l.approx || !same_unit(l, d) {
        return;
    }
    let Some(para) = ctx.paras.get(pi) else {
        return;
    };
    // The paragraph's amounts of the unit: L, D and one more.
    let others: Vec<(usize, &Fig)> = para
        .sents
        .iter()
        .enumerate()
        .flat_map(|(k, x)| levels(x).map(move |f| (k, f)))
        .filter(|(_, f)| same_unit(f, d))
        .filter(|(k, f)| !(*k == ls && f.start == l.start || *k == si && f.start == d.start))
        .take(2)
        .collect();
    let [(os, o)] = others[..] else { return };
    let Some(osent) = sentence(ctx, pi, os) else {
        return;
    };
    if o.approx || os == ls {
        return;
    }
    // O's sentence states the period; O and L are about the same thing.
    let text: Vec<String> = osent
        .tokens
        .iter()
        .enumerate()
        .filter_map(|(i, _)| {
            osent
                .word(i)
                .map(str::to_string)
                .or_else(|| osent.fig_at(i).and_then(Fig::year).map(|y| y.to_string()))
        })
        .collect();
    if !text.windows(period.len()).any(|w| w == period.as_slice()) {
        return;
    }
    let (sl, so) = (subject_words(lsent, l), subject_words(osent, o));
    if !sl
        .iter()
        .any(|a| so.iter().any(|b| a == b || same_name(a, b)))
    {
        return;
    }
    let rel = if more {
        difference(l.num, o.num, d.num)
    } else {
        difference(o.num, l.num, d.num)
    };
    let off = d.start;
    ctx.claim(pi, si, off, Kind::Change, rel);
}

/// `… i alt T.` followed by `Heraf A til … og B til …`: parts of the one
/// amount of the sentence before. Parts listed after `heraf` need not be
/// all of the whole: a sum short of it is not understood, one over it is
/// an error (as within one sentence).
fn parts_in_next(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    if !matches!(s.word(0), Some("heraf" | "hvoraf")) || hedged(s) {
        return;
    }
    let Some(prev) = si.checked_sub(1).and_then(|k| sentence(ctx, pi, k)) else {
        return;
    };
    let whole: Vec<&Fig> = levels(prev).collect();
    let [t] = whole[..] else { return };
    if t.approx || !t.is_amount() || hedged(prev) {
        return;
    }
    let parts: Vec<&Fig> = s.quantities().collect();
    if parts.len() < 2 || parts.iter().any(|f| f.approx || !same_unit(f, t)) {
        return;
    }
    let joined = parts.windows(2).all(|w| {
        (w[0].token + 1..w[1].token).any(|i| s.word(i) == Some("og") || s.punct(i) == Some(','))
    });
    let (py, sy) = (prev.years(), s.years());
    if !joined || !py.is_empty() && !sy.is_empty() && py != sy {
        return;
    }
    let nums: Vec<PrintedNumber> = parts.iter().map(|f| f.num).collect();
    let rel = signed_sum(&nums, t.num);
    let off = t.start;
    if part_exceeds_whole(&rel) {
        ctx.not_understood(pi, si, off, NET_WHOLE);
        return;
    }
    // Across sentences the whole may be a net, or the parts not all of it:
    // a sum that fails either way is not understood.
    if judge(&rel, false).verdict == Verdict::Error {
        ctx.not_understood(
            pi,
            si,
            off,
            "the parts after Heraf do not add up to the amount before; it may be a net, or they not all of it",
        );
        return;
    }
    ctx.used.insert((pi, si - 1));
    ctx.claim(pi, si, off, Kind::Sum, rel);
}

#[cfg(test)]
mod tests {
    //! Each shape over generated exact values, every figure printed rounded
    //! (half away from zero, once): always read, never an error. Moving a
    //! stated total or difference beyond every rounding: found.
    use super::super::testdoc::doc;
    use super::super::{read, Kind};
    use crate::money::{round_half_away, Decimal};
    use crate::numfmt::{format_number, NumberStyle};
    use crate::verify::judge::Verdict;
    use proptest::prelude::*;

    fn p1(d: Decimal) -> String {
        format_number(round_half_away(d, 1), 1, NumberStyle::DANISH)
    }

    fn int(n: i64) -> String {
        format_number(Decimal::from(n), 0, NumberStyle::DANISH)
    }

    fn pct(part: Decimal, whole: Decimal) -> String {
        p1(part * Decimal::ONE_HUNDRED / whole)
    }

    /// The paragraphs, with five stated totals and differences moved by
    /// `shift` tenths (a total down, so that its parts exceed it).
    fn paragraphs(v: &[i64; 6], shift: i64) -> Vec<String> {
        let m = |t: i64| Decimal::new(t, 3);
        let [a, b, x, d, n, k] = *v;
        let (a, b, x, d) = (m(a), m(b), m(x), m(d));
        let y = x + d;
        let s = Decimal::new(shift, 1);
        let (n, k) = (n, n + k);
        vec![
            format!("Der søges overført i alt {} mio. kr., fordelt med {} mio. kr. til drift og {} mio. kr. til anlæg.", p1(a + b - s), p1(a), p1(b)),
            format!("Udgifterne var {} mio. kr. i 2025, hvilket er {} pct. eller {} mio. kr. mere end i 2024.", p1(y), pct(d, x), p1(d)),
            format!("Antallet af modtagere faldt med {} til {}. Det svarer til et fald på {} pct.", int(k - n), int(n), pct(Decimal::from(k - n), Decimal::from(k))),
            format!("Indtægterne var {} mio. kr. og udgifterne {} mio. kr., hvilket giver et overskud på {} mio. kr.", p1(y), p1(x), p1(d + s)),
            format!("Budgettet er {} mio. kr. Forbruget blev {} mio. kr., et mindreforbrug på {} mio. kr.", p1(y), p1(x), p1(d + s)),
            format!("Nettodriftsudgifterne var {} mio. kr. i 2025. Udgifterne til kontanthjælp var {} mio. kr. i 2025 og udgjorde {} pct. af nettodriftsudgifterne.", p1(a + b), p1(a), pct(a, a + b)),
            format!("Bevillingen er i alt {} mio. kr. Heraf går {} mio. kr. til løn og {} mio. kr. til drift.", p1(a + b), p1(a), p1(b)),
            format!("Der overføres anlægsmidler på {} mio. kr. til skoler og {} mio. kr. til veje. De samlede anlægsmidler bliver dermed {} mio. kr.", p1(a), p1(b), p1(a + b - s)),
            // Parts from two sentences (a failing sum of them is not
            // understood, so it is not moved).
            format!("Overførslerne på drift udgør {} mio. kr. Overførslerne på anlæg udgør {} mio. kr. De samlede overførsler udgør herefter {} mio. kr.", p1(a), p1(b), p1(a + b)),
            format!("Ved halvåret var merforbruget {} mio. kr. Nu forventes et merforbrug på {} mio. kr., hvilket er en forbedring på {} mio. kr.", p1(y), p1(x), p1(d + s)),
            format!("Overskuddet på driften var {} mio. kr. i andet kvartal. I tredje kvartal var overskuddet på driften {} mio. kr., hvilket er {} mio. kr. lavere end i andet kvartal.", p1(y), p1(x), p1(d)),
        ]
    }

    fn values() -> impl Strategy<Value = [i64; 6]> {
        (
            1_000i64..90_000,
            1_000i64..90_000,
            5_000i64..400_000,
            1_000i64..90_000,
            1_000i64..90_000,
            100i64..5_000,
        )
            .prop_map(|(a, b, x, d, n, k)| [a, b, x, d, n, k])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn rounded_true_paragraphs_are_read_and_never_errors(v in values()) {
            let text = paragraphs(&v, 0).join("\n\n");
            let c = read(&doc(&text));
            prop_assert!(c.judged.iter().all(|j| j.verdict != Verdict::Error), "{}\n{:#?}", text, c.judged);
            // Every paragraph gives its claim.
            for (i, p) in paragraphs(&v, 0).iter().enumerate() {
                let one = read(&doc(p));
                prop_assert!(!one.judged.is_empty(), "paragraph {} not read: {}\n{:#?}", i, p, one);
            }
            prop_assert!(c.judged.iter().any(|j| j.kind == Kind::Share));
        }

        #[test]
        fn a_moved_total_or_difference_is_found(v in values(), shift in 3i64..=9) {
            let text = paragraphs(&v, shift).join("\n\n");
            let c = read(&doc(&text));
            let errors: Vec<&str> = c
                .judged
                .iter()
                .filter(|j| j.verdict == Verdict::Error)
                .map(|j| j.sentence.as_str())
                .collect();
            prop_assert_eq!(errors.len(), 5, "{}\n{:#?}", text, c.judged);
        }
    }
}
