//! Shares of a whole that is not printed (`412 personer, svarende til 0,9%
//! af arbejdsstyrken`): each claim allows an interval for the whole;
//! claims about the same whole (the same words after `af`, the same years,
//! in one paragraph) must be able to share one. The claim that cannot, when the others can,
//! is the odd one out.

use std::collections::BTreeMap;

use super::prose::{Sentence, Unit};
use super::{Ctx, Kind};
use crate::numfmt::PrintedNumber;
use crate::verify::judge::{self, Relation, Verdict};

/// Claims of one whole compared pairwise, at most (bounded time).
const MAX_GROUP: usize = 64;

struct Stated {
    pi: usize,
    si: usize,
    part: PrintedNumber,
    share: PrintedNumber,
    offset: usize,
}

/// The words after `af` (up to punctuation, a figure or six words).
fn whole_words(s: &Sentence, af: usize) -> Option<String> {
    let mut words = Vec::new();
    let mut i = af + 1;
    while let Some(w) = s.word(i) {
        if words.len() == 6 || matches!(w, "svarende" | "og" | "mens" | "hvilket") {
            break;
        }
        words.push(w);
        i += 1;
    }
    if words.is_empty() || s.fig_at(i).is_some_and(|f| f.unit != Unit::Year) {
        return None;
    }
    Some(words.join(" "))
}

fn stated(s: &Sentence) -> Vec<(usize, PrintedNumber, PrintedNumber, String)> {
    let mut out = Vec::new();
    for p in s.figs.iter().filter(|f| f.is_percent() && !f.approx) {
        let af = s.after_unit(p);
        if s.word(af) != Some("af") {
            continue;
        }
        let Some(whole) = whole_words(s, af) else {
            continue;
        };
        // The part: the one amount or count within a few words, joined by
        // `svarende til` or a parenthesis.
        let near: Vec<_> = s
            .figs
            .iter()
            .filter(|f| matches!(f.unit, Unit::Money(_) | Unit::Count(_)))
            .filter(|f| f.token.abs_diff(p.token) <= 8)
            .collect();
        let [a] = near[..] else { continue };
        if a.approx {
            continue;
        }
        let (lo, hi) = (a.token.min(p.token), a.token.max(p.token));
        let joined = (lo..hi)
            .filter_map(|i| s.word(i))
            .any(|w| w == "svarende" || w == "svarer")
            || (a.token < p.token && s.punct(p.token - 1) == Some('('));
        if !joined {
            continue;
        }
        let years: Vec<String> = s.years().iter().map(u32::to_string).collect();
        let kind = if a.is_amount() { "amount" } else { "count" };
        let key = format!("{whole} [{}] {kind}", years.join(","));
        out.push((p.start, a.num, p.num, key));
    }
    out
}

pub fn judge(ctx: &mut Ctx) {
    let mut groups: BTreeMap<(usize, String), Vec<Stated>> = BTreeMap::new();
    for (pi, para) in ctx.paras.iter().enumerate() {
        for (si, s) in para.sents.iter().enumerate() {
            for (offset, part, share, key) in stated(s) {
                // One paragraph: the same words may name another whole
                // (another place, another group) elsewhere in a document.
                groups.entry((pi, key)).or_default().push(Stated {
                    pi,
                    si,
                    part,
                    share,
                    offset,
                });
            }
        }
    }
    for ((_, key), list) in groups {
        if list.len() < 2 || list.len() > MAX_GROUP {
            continue;
        }
        let fits = |x: &Stated, y: &Stated| {
            let r = Relation::SameWhole {
                a: x.part,
                p: x.share,
                b: y.part,
                q: y.share,
            };
            judge::judge(&r, false).verdict != Verdict::Error
        };
        // The reference: the claim that fits the most others.
        let score = |i: usize| {
            list.iter()
                .enumerate()
                .filter(|(j, y)| *j != i && list.get(i).is_some_and(|x| fits(x, y)))
                .count()
        };
        let Some(r) = (0..list.len()).max_by_key(|&i| (score(i), usize::MAX - i)) else {
            continue;
        };
        let Some(reference) = list.get(r) else {
            continue;
        };
        ctx.used.insert((reference.pi, reference.si));
        let whole = key.split(" [").next().unwrap_or("").to_string();
        let others_fit = score(r) + 1 >= list.len().saturating_sub(1);
        for (i, x) in list.iter().enumerate() {
            if i == r {
                continue;
            }
            let rel = Relation::SameWhole {
                a: reference.part,
                p: reference.share,
                b: x.part,
                q: x.share,
            };
            let bad = !fits(reference, x);
            let note = if !bad {
                format!("shares of {whole}")
            } else if list.len() >= 3 && others_fit {
                format!("shares of {whole}: this claim is the odd one out")
            } else {
                format!("shares of {whole}: the claims cannot share a whole; one of them is wrong")
            };
            ctx.claim_noted(x.pi, x.si, x.offset, Kind::Denominator, rel, &note);
        }
    }
}
