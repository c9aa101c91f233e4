//! More claims whose operands the words name (after `shapes`): a change in
//! per cent against a year whose level a `hvor` clause states, a net
//! stated with its gross amounts (`N, eller en bruttoudgift på U og
//! indtægter på I`), and a level `et tal der var vokset til Y – en stigning
//! på P`. Each reads only what its words pin down.

use super::patterns::{abs, direction, is_level, neg, same_unit};
use super::prose::{Fig, Sentence, Unit};
use super::shapes::{hedged, named_by, same_name};
use super::{Ctx, Kind};
use crate::verify::judge::{Relation, Term};

fn sentence<'a>(ctx: &'a Ctx, pi: usize, si: usize) -> Option<&'a Sentence> {
    ctx.paras.get(pi).and_then(|p| p.sents.get(si))
}

/// Runs every reading over every sentence no pattern or shape has read.
pub fn read_all(ctx: &mut Ctx) {
    for pi in 0..ctx.paras.len() {
        let n = ctx.paras.get(pi).map_or(0, |p| p.sents.len());
        for si in 0..n {
            if sentence(ctx, pi, si).is_none_or(|s| s.figs.len() > 60) {
                continue;
            }
            for reading in [
                change_against_year_where as fn(&mut Ctx, usize, usize),
                net_of_gross,
                grown_to,
                share_of_phrase,
                share_of_change,
                net_result,
                remainder,
                difference_so_named,
                that_figure_now,
            ] {
                if ctx.used.contains(&(pi, si)) {
                    break;
                }
                reading(ctx, pi, si);
            }
        }
    }
}

/// Amounts and counts of a sentence (not percentages, years, references).
fn levels(s: &Sentence) -> impl Iterator<Item = &Fig> {
    s.figs
        .iter()
        .filter(|f| matches!(f.unit, Unit::Money(_) | Unit::Count(_) | Unit::Bare))
}

/// Index of the token after `ift.`, `i forhold til` or `sammenlignet med`
/// at `i`, if one stands there.
fn compared_to(s: &Sentence, i: usize) -> Option<usize> {
    match s.word(i) {
        Some("ift." | "iht.") => Some(i + 1),
        Some("i") if s.word(i + 1) == Some("forhold") && s.word(i + 2) == Some("til") => {
            Some(i + 3)
        }
        Some("sammenlignet") if s.word(i + 1) == Some("med") => Some(i + 2),
        _ => None,
    }
}

/// `L (of year Y1).` then `Det svarer til en stigning på P pct. ift. Y0,
/// hvor … udgjorde M` (or `… er dermed steget P pct. ift. Y0, hvor …`): M
/// is the level of Y0 and L the new one, so P = (L − M) / M. L is the one
/// level of the sentence before, of one other year; M the one level after
/// `hvor`, in L's unit.
fn change_against_year_where(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let pcts: Vec<&Fig> = s.figs.iter().filter(|f| f.is_percent()).collect();
    let [p] = pcts[..] else { return };
    if p.approx {
        return;
    }
    // The direction just before P (`steget 4,0 pct.`, `en stigning på 7,0`).
    let Some(rise) = (p.token.saturating_sub(3)..p.token)
        .filter_map(|i| s.word(i))
        .find_map(direction)
    else {
        return;
    };
    let Some(y) = compared_to(s, s.after_unit(p)) else {
        return;
    };
    let Some(y0) = s.fig_at(y).and_then(Fig::year) else {
        return;
    };
    let hvor = if s.punct(y + 1) == Some(',') {
        y + 2
    } else {
        y + 1
    };
    if s.word(hvor) != Some("hvor") {
        return;
    }
    // The sentence's levels: M alone, after `hvor`.
    let here: Vec<&Fig> = levels(s).collect();
    let [m] = here[..] else { return };
    if m.token < hvor || m.approx || !is_level(m) || m.unit == Unit::Bare {
        return;
    }
    // Linked to the sentence before: `Det svarer til`, `… er dermed steget`.
    let opens = matches!(s.word(0), Some("det" | "dette"))
        && matches!(s.word(1), Some("svarer" | "er" | "var"));
    let linked = s.has_word(|w| matches!(w, "dermed" | "hermed" | "derved" | "således"));
    if !opens && !linked {
        return;
    }
    let Some(prev) = si.checked_sub(1).and_then(|k| sentence(ctx, pi, k)) else {
        return;
    };
    let before: Vec<&Fig> = levels(prev).collect();
    let [l] = before[..] else { return };
    if l.approx || !same_unit(l, m) || prev.figs.iter().any(Fig::is_percent) {
        return;
    }
    let years = prev.years();
    if years.len() != 1 || years.contains(&y0) {
        return;
    }
    if l.num.value.is_sign_negative() || m.num.value.is_sign_negative() {
        return;
    }
    let pct = if rise { abs(p.num) } else { neg(abs(p.num)) };
    let rel = Relation::PercentChange {
        new: l.num,
        old: m.num,
        pct,
    };
    let off = p.start;
    ctx.used.insert((pi, si - 1));
    ctx.claim(pi, si, off, Kind::Change, rel);
}

/// Whether the word just before a figure (past `på`, `en`, `et`, `af`)
/// satisfies `pred`: `en bruttoudgift på 310.831.000`, `indtægt på I`.
fn called(s: &Sentence, f: &Fig, pred: &dyn Fn(&str) -> bool) -> bool {
    (f.token.saturating_sub(4)..f.token)
        .rev()
        .find_map(|i| match s.word(i) {
            Some("på" | "en" | "et" | "af" | "kr." | "samlet") => None,
            Some(w) => Some(pred(w)),
            None => Some(false),
        })
        .unwrap_or(false)
}

/// `… på N, eller en bruttoudgift på U og indtægt(er) på I.`: the amount
/// restated (`eller`) as its gross spending less its income, N = U − I.
/// Exactly these three amounts, in one unit, and nothing after I.
fn net_of_gross(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let q: Vec<&Fig> = s.quantities().collect();
    let [n, u, i] = q[..] else { return };
    if [n, u, i]
        .iter()
        .any(|f| f.approx || !f.is_amount() || !same_unit(f, n))
    {
        return;
    }
    let after_n = s.after_unit(n);
    let restated = s.punct(after_n) == Some(',') && s.word(after_n + 1) == Some("eller");
    let gross = called(s, u, &|w| w.starts_with("bruttoudgift"));
    let income = called(s, i, &|w| {
        w.starts_with("indtægt") || w.starts_with("bruttoindtægt")
    });
    let joined = (s.after_unit(u)..i.token).any(|k| s.word(k) == Some("og"));
    let ends = (s.after_unit(i)..s.tokens.len()).all(|k| s.punct(k).is_some());
    if !(restated && gross && income && joined && ends) || u.token <= after_n {
        return;
    }
    let rel = Relation::Sum {
        terms: vec![
            Term {
                negative: false,
                figure: abs(u.num),
            },
            Term {
                negative: true,
                figure: abs(i.num),
            },
        ],
        total: abs(n.num),
    };
    let off = n.start;
    ctx.claim(pi, si, off, Kind::Difference, rel);
}

/// The change printed after the new level `y`: the next quantity, `en
/// stigning` / `et fald på C` (its direction `rise`), within ten tokens,
/// not approximate.
fn change_after<'a>(s: &'a Sentence, y: &Fig, rise: bool) -> Option<&'a Fig> {
    let c = s
        .figs
        .iter()
        .find(|f| f.token > y.token && !matches!(f.unit, Unit::Year | Unit::Other))?;
    let stated = c.token >= 3
        && s.word(c.token - 1) == Some("på")
        && matches!(s.word(c.token - 3), Some("en" | "et"))
        && s.word(c.token - 2).and_then(direction) == Some(rise);
    (stated && !c.approx && c.token <= y.token + 10).then_some(c)
}

/// Verbs of a level that changed (`vokset til`, `faldet til`).
fn moved(w: &str) -> Option<bool> {
    match w {
        "vokset" | "steget" | "øget" | "forøget" => Some(true),
        "faldet" | "reduceret" | "mindsket" | "dalet" => Some(false),
        _ => None,
    }
}

/// `… var X ledige, et tal der var vokset til Y 16. maj – en stigning på
/// P procent`: the level X of the clause before `et tal`, the new level Y
/// after `til`, and the change that follows (in per cent, P = (Y − X) / X,
/// or in the levels' unit, D = Y − X), its direction the verb's.
fn grown_to(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(t) = (1..s.tokens.len()).find(|&i| {
        s.word(i) == Some("tal")
            && s.word(i - 1) == Some("et")
            && s.punct(i.wrapping_sub(2)) == Some(',')
    }) else {
        return;
    };
    // `et tal der/som (var/er/nu er) vokset til`
    let mut k = t + 1;
    if !matches!(s.word(k), Some("der" | "som")) {
        return;
    }
    k += 1;
    while matches!(s.word(k), Some("var" | "er" | "nu" | "siden" | "så")) {
        k += 1;
    }
    let Some(rise) = s.word(k).and_then(moved) else {
        return;
    };
    if s.word(k + 1) != Some("til") {
        return;
    }
    let Some(y) = s.fig_at(k + 2) else { return };
    let before: Vec<&Fig> = levels(s).filter(|f| f.token < t).collect();
    let [x] = before[..] else { return };
    if x.approx || y.approx || !is_level(x) || !same_unit(x, y) {
        return;
    }
    let Some(c) = change_after(s, y, rise) else {
        return;
    };
    if levels(s).count() != 2 + usize::from(!c.is_percent()) {
        return;
    }
    let rel = if c.is_percent() {
        Relation::PercentChange {
            new: abs(y.num),
            old: abs(x.num),
            pct: if rise { abs(c.num) } else { neg(abs(c.num)) },
        }
    } else if same_unit(c, x) {
        let (a, b) = if rise { (y, x) } else { (x, y) };
        super::patterns::difference(a.num, b.num, c.num)
    } else {
        return;
    };
    let off = c.start;
    ctx.claim(pi, si, off, Kind::Change, rel);
}

/// `A … svarende til P pct. af de samlede kommunale udgifter`: the whole
/// named by a phrase (modifiers and a noun) is the document's one amount
/// the noun names without narrowing it (`udgifterne til undervisning` is
/// a part), in a sentence that has the modifiers and the share's year:
/// `Den kommunale sektor afholdt i 2020 udgifter for 6.023 mio. kr.`.
fn share_of_phrase(ctx: &mut Ctx, pi: usize, si: usize) {
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
    let mut k = af + 1;
    while s
        .word(k)
        .is_some_and(|w| matches!(w, "de" | "den" | "det" | "samlede" | "samlet" | "hele"))
    {
        k += 1;
    }
    // The phrase: words to the end of the sentence (at most three).
    let mut phrase: Vec<&str> = Vec::new();
    while let Some(w) = s.word(k) {
        phrase.push(w);
        k += 1;
    }
    if !(k..s.tokens.len()).all(|i| s.punct(i).is_some()) || !(2..=3).contains(&phrase.len()) {
        return;
    }
    let Some((noun, mods)) = phrase.split_last() else {
        return;
    };
    if noun.chars().count() < 6 || mods.iter().any(|m| m.chars().count() < 5) {
        return;
    }
    // The part: the one level of the sentence, before the percentage.
    let parts: Vec<&Fig> = levels(s).collect();
    let [a] = parts[..] else { return };
    if a.approx || !a.is_amount() || a.token > p.token {
        return;
    }
    let years = s.years();
    if years.len() != 1 {
        return;
    }
    let named = |x: &str| same_name(x, noun);
    let key = format!(
        "{}|{}",
        phrase.join(" "),
        years.first().copied().unwrap_or(0)
    );
    let cached = ctx.named.borrow().get(&key).cloned();
    let hits = match cached {
        Some(h) => h,
        None => {
            let mut h = Vec::new();
            'all: for (q, para) in ctx.paras.iter().enumerate() {
                for (j, x) in para.sents.iter().enumerate() {
                    if x.years() != years
                        || !mods
                            .iter()
                            .all(|m| x.has_word(|w| w == *m || same_name(w, m)))
                    {
                        continue;
                    }
                    for (fi, f) in x.figs.iter().enumerate() {
                        if f.is_amount() && named_by(x, f, &named) {
                            h.push((q, j, fi));
                            if h.len() > 1 {
                                break 'all;
                            }
                        }
                    }
                }
            }
            ctx.named.borrow_mut().insert(key, h.clone());
            h
        }
    };
    let [(q, j, fi)] = hits[..] else { return };
    if (q, j) == (pi, si) {
        return;
    }
    let Some(w) = sentence(ctx, q, j).and_then(|x| x.figs.get(fi)) else {
        return;
    };
    if w.approx || !same_unit(a, w) || sentence(ctx, q, j).is_some_and(hedged) {
        return;
    }
    let (rel, off) = (share_of(a, w, p), p.start);
    ctx.claim(pi, si, off, Kind::Share, rel);
}

/// The change figure of a sentence, and its direction: `steg/faldt … med
/// D`, `en stigning/et fald på D`, `D mere/mindre end`. `None` when none or
/// several.
fn change_figure(s: &Sentence) -> Option<(&Fig, bool)> {
    let mut found = None;
    for f in levels(s).filter(|f| f.is_amount()) {
        let before = f.token.checked_sub(1).and_then(|i| s.word(i));
        let dir = match before {
            Some("med") => (f.token.saturating_sub(8)..f.token)
                .filter_map(|i| s.word(i))
                .find_map(direction),
            Some("på") => f
                .token
                .checked_sub(2)
                .and_then(|i| s.word(i))
                .and_then(direction)
                .filter(|_| {
                    f.token
                        .checked_sub(3)
                        .and_then(|i| s.word(i))
                        .is_some_and(|w| matches!(w, "en" | "et"))
                }),
            _ => None,
        }
        .or_else(|| {
            let a = s.after_unit(f);
            (s.word(a + 1) == Some("end"))
                .then(|| s.word(a).and_then(direction))
                .flatten()
        });
        if let Some(d) = dir {
            if found.is_some() {
                return None;
            }
            found = Some((f, d));
        }
    }
    found
}

/// `Stigningen svarer til P pct. af stigningen i kommunernes samlede
/// nettodriftsudgifter`: the part is the change of the sentence before
/// (`steg … med D`), the whole the change of the document's one sentence
/// that has every word of the phrase (`Kommunernes samlede
/// nettodriftsudgifter var 368,3 …, hvilket er 4,8 pct. eller 16,8 mia.
/// kr. mere end i 2019`), both in the direction the words name.
fn share_of_change(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some(own) = s.word(0).and_then(direction) else {
        return;
    };
    if !matches!(s.word(0), Some("stigningen" | "faldet" | "væksten"))
        || !matches!(s.word(1), Some("svarer" | "udgør" | "udgjorde" | "svarede"))
    {
        return;
    }
    let q: Vec<&Fig> = s.quantities().collect();
    let [p] = q[..] else { return };
    if !p.is_percent() || p.approx || hedged(s) {
        return;
    }
    let af = s.after_unit(p);
    if s.word(af) != Some("af") || s.word(af + 1).and_then(direction) != Some(own) {
        return;
    }
    if s.word(af + 2) != Some("i") {
        return;
    }
    let phrase: Vec<&str> = (af + 3..s.tokens.len()).filter_map(|i| s.word(i)).collect();
    let ends = (af + 3 + phrase.len()..s.tokens.len()).all(|i| s.punct(i).is_some());
    if phrase.is_empty() || phrase.len() > 4 || !ends {
        return;
    }
    let content: Vec<&str> = phrase
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= 6)
        .collect();
    if content.is_empty() {
        return;
    }
    // The part: the change of the sentence before.
    let Some(prev) = si.checked_sub(1).and_then(|k| sentence(ctx, pi, k)) else {
        return;
    };
    let Some((d, dd)) = change_figure(prev) else {
        return;
    };
    if dd != own || d.approx {
        return;
    }
    // The whole: the one other sentence of the document with the phrase.
    let mut whole = None;
    let near = pi.saturating_sub(NEAR)..pi + NEAR + 1;
    for (q, para) in ctx.paras.iter().enumerate().take(near.end).skip(near.start) {
        for (j, x) in para.sents.iter().enumerate() {
            if (q, j) == (pi, si) || (q, j) == (pi, si - 1) {
                continue;
            }
            let has = content
                .iter()
                .all(|c| x.has_word(|w| w == *c || same_name(w, c)));
            if !has {
                continue;
            }
            if whole.is_some() {
                return;
            }
            whole = Some(x);
        }
    }
    let Some(x) = whole else { return };
    let Some((w, wd)) = change_figure(x) else {
        return;
    };
    if wd != own || w.approx || hedged(x) || !same_unit(d, w) {
        return;
    }
    let (rel, off) = (share_of(d, w, p), p.start);
    ctx.claim(pi, si, off, Kind::Share, rel);
}

/// `p` per cent of `whole` is `part` (all three as printed, without their
/// signs).
fn share_of(part: &Fig, whole: &Fig, p: &Fig) -> Relation {
    Relation::Share {
        part: abs(part.num),
        whole: abs(whole.num),
        share: abs(p.num),
        allocated: false,
    }
}

/// How far (in paragraphs) the whole of a share of a change may stand.
const NEAR: usize = 10;

/// `Der er G i uforbrugte midler (et mindreforbrug på G), mens der på
/// anlægskontoen er et merforbrug på B, så det samlede resultat bliver på
/// R`: R = G − B. Exactly these three amounts, in one unit; read only when
/// G is at least B (a result printed without its sign is a surplus).
fn net_result(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let q: Vec<&Fig> = s.quantities().collect();
    if q.len() != 3
        || q.iter()
            .any(|f| f.approx || !f.is_amount() || !same_unit(f, q[0]))
        || hedged(s)
    {
        return;
    }
    let good = |f: &Fig| {
        named_by(s, f, &|w| {
            w.starts_with("mindreforbrug") || w.starts_with("overskud")
        }) || {
            let a = s.after_unit(f);
            s.word(a) == Some("i")
                && s.word(a + 1) == Some("uforbrugte")
                && s.word(a + 2) == Some("midler")
        }
    };
    let bad = |f: &Fig| named_by(s, f, &|w| w.starts_with("merforbrug"));
    let result = |f: &Fig| {
        named_by(s, f, &|w| w == "resultat" || w == "nettoresultat")
            && (f.token.saturating_sub(6)..f.token)
                .any(|i| matches!(s.word(i), Some("samlede" | "samlet")))
    };
    let gs: Vec<&&Fig> = q.iter().filter(|f| good(f)).collect();
    let bs: Vec<&&Fig> = q.iter().filter(|f| bad(f)).collect();
    let rs: Vec<&&Fig> = q.iter().filter(|f| result(f)).collect();
    let ([g], [b], [r]) = (&gs[..], &bs[..], &rs[..]) else {
        return;
    };
    // The result after both, linked to them (`så`, `dermed`, `hvorved`).
    let linked = (b.token.max(g.token)..r.token).any(|i| {
        matches!(
            s.word(i),
            Some("så" | "dermed" | "hvorved" | "hvilket" | "herefter")
        )
    });
    if !linked || r.token < g.token || r.token < b.token {
        return;
    }
    if g.num.value.abs() < b.num.value.abs() || r.num.value.is_sign_negative() {
        return;
    }
    let rel = super::patterns::difference(g.num, b.num, r.num);
    let off = r.start;
    ctx.claim(pi, si, off, Kind::Difference, rel);
}

/// Exactly three amounts of a sentence, in one unit, none approximate, in
/// a sentence that does not hedge.
fn three_amounts(s: &Sentence) -> Option<[&Fig; 3]> {
    let q: Vec<&Fig> = s.quantities().collect();
    let [a, b, c] = q[..] else { return None };
    let plain = |f: &Fig| !f.approx && f.is_amount() && same_unit(f, a);
    ([a, b, c].into_iter().all(plain) && !hedged(s)).then_some([a, b, c])
}

/// `X af de Y videreføres …, mens det resterende (mindreforbrug på) Z
/// tilføres kassen`: what is left of Y when X is taken, Z = Y − X
/// (Gladsaxe Bladet, heldout15: 102 − 59,8 = 42,2, printed 43,2). X
/// stands right before `af (de|det|den)` and Y; Z is named `resterende`,
/// `resten` or `tilbageværende` in its own clause.
fn remainder(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some([x, y, z]) = three_amounts(s) else {
        return;
    };
    let between: Vec<Option<&str>> = (s.after_unit(x)..y.token).map(|i| s.word(i)).collect();
    let of_the = matches!(
        between[..],
        [Some("af")] | [Some("af"), Some("de" | "det" | "den")]
    );
    let rest =
        |w: &str| w.starts_with("resterende") || w == "resten" || w.starts_with("tilbageværende");
    // `det resterende mindreforbrug på Z`: within the four words before Z,
    // no figure or punctuation between.
    let named = (z.token.saturating_sub(4)..z.token)
        .rev()
        .take_while(|&i| s.word(i).is_some())
        .any(|i| s.word(i).is_some_and(rest));
    if !of_the || !named || z.token < s.after_unit(y) {
        return;
    }
    let rel = super::patterns::difference(y.num, x.num, z.num);
    let off = z.start;
    ctx.claim(pi, si, off, Kind::Difference, rel);
}

/// `Budgettet var A, og regnskabet udgjorde B – altså et mindreforbrug på
/// D`: the difference the sentence draws from its two amounts, |A − B| =
/// D (the direction the words give is not judged). The difference is led
/// by `altså`, `dermed`, `dvs.` or `hvilket giver`, named `mindreforbrug`,
/// `merforbrug`, `forskel`, `difference` or `afvigelse`, and comes last.
fn difference_so_named(ctx: &mut Ctx, pi: usize, si: usize) {
    let Some(s) = sentence(ctx, pi, si) else {
        return;
    };
    let Some([a, b, d]) = three_amounts(s) else {
        return;
    };
    let named = |w: &str| {
        [
            "mindreforbrug",
            "merforbrug",
            "forskel",
            "differen",
            "afvigelse",
        ]
        .iter()
        .any(|k| w.starts_with(k))
    };
    // `… B – altså et mindreforbrug på D`: the leading word within the
    // four words before D, after B.
    let from = s.after_unit(b);
    let led = (from..d.token).rev().take(5).any(|i| {
        matches!(s.word(i), Some("altså" | "dermed" | "dvs." | "dvs"))
            || s.word(i) == Some("giver") && s.word(i.wrapping_sub(1)) == Some("hvilket")
    });
    let ends = (s.after_unit(d)..s.tokens.len()).all(|k| s.punct(k).is_some());
    if !led || !named_by(s, d, &named) || !ends || a.token >= b.token {
        return;
    }
    let (big, small) = if a.num.value.abs() >= b.num.value.abs() {
        (a.num, b.num)
    } else {
        (b.num, a.num)
    };
    let rel = super::patterns::difference(big, small, d.num);
    let off = d.start;
    ctx.claim(pi, si, off, Kind::Difference, rel);
}

/// `I 2014 modtog X personer offentlig hjælp. I 2021 var det tal nede på
/// Y - et fald på P procent.`: the figure (`det tal`, `tallet`, `antallet`)
/// of the sentence before, one level of one earlier year, now at Y, and
/// its change in per cent, P = (Y − X) / X (Sermitsiaq, heldout15: 7.887
/// to 3.749 is a fall of 52,5 %, printed 53). `nede på` falls, `oppe på`
/// rises (or `faldet til`, `steget til`); the change is `et fald` or `en
/// stigning på P procent` right after Y.
fn that_figure_now(ctx: &mut Ctx, pi: usize, si: usize) {
    if si == 0 {
        return;
    }
    let (Some(s), Some(before)) = (sentence(ctx, pi, si), sentence(ctx, pi, si - 1)) else {
        return;
    };
    // `det tal`, `tallet`, `antallet`, `det antal` before the level.
    let Some(t) = (0..s.tokens.len()).find(|&i| {
        matches!(s.word(i), Some("tallet" | "antallet"))
            || matches!(s.word(i), Some("tal" | "antal"))
                && s.word(i.wrapping_sub(1)) == Some("det")
    }) else {
        return;
    };
    // `nede på Y`, `oppe på Y`, `faldet til Y`, `steget til Y`, soon after.
    let Some((k, rise)) = (t + 1..(t + 4).min(s.tokens.len())).find_map(|k| {
        let w = s.word(k)?;
        let rise = match w {
            "nede" => Some(false),
            "oppe" => Some(true),
            w => moved(w),
        }?;
        matches!(s.word(k + 1), Some("på" | "til")).then_some((k, rise))
    }) else {
        return;
    };
    let Some(y) = s.fig_at(k + 2) else { return };
    let Some(c) = change_after(s, y, rise) else {
        return;
    };
    if !c.is_percent() || levels(s).count() != 1 || hedged(s) || hedged(before) {
        return;
    }
    // The one level, and the one year, of the sentence before: earlier
    // than this sentence's one year.
    let xs: Vec<&Fig> = levels(before).collect();
    let [x] = xs[..] else { return };
    let (then, now) = (before.years(), s.years());
    let ([y0], [y1]) = (&then[..], &now[..]) else {
        return;
    };
    if x.approx || y.approx || !is_level(x) || !same_unit(x, y) || y0 >= y1 {
        return;
    }
    let rel = Relation::PercentChange {
        new: abs(y.num),
        old: abs(x.num),
        pct: if rise { abs(c.num) } else { neg(abs(c.num)) },
    };
    let off = c.start;
    ctx.claim(pi, si, off, Kind::Change, rel);
}
