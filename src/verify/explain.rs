//! Words for a judgment: the relation as a formula of its printed figures,
//! what they sum to, the intervals, and what the figure should read — in the
//! document's number style (`--lang en` words use English numbers). The one
//! place a judgment becomes text; JSON gets the same judgment as data
//! ([`EvidenceJson`]).

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::judge::{Evidence, Interval, Judgment, Quotient, Relation, Term, Unjudged, Verdict};
use crate::money::{round_half_away, Decimal};
use crate::numfmt::{push_number, NumberStyle, PrintedNumber};

/// Appends a figure as printed (with its own decimals and `%`).
fn push_fig(out: &mut String, p: &PrintedNumber, style: NumberStyle) {
    push_number(out, p.value, p.decimals, style);
    if p.percent {
        out.push('%');
    }
}

/// A figure as printed (with its own decimals and `%`).
pub fn show(p: &PrintedNumber, style: NumberStyle) -> String {
    let mut s = String::with_capacity(12);
    push_fig(&mut s, p, style);
    s
}

fn show_at(d: Decimal, decimals: u32, style: NumberStyle) -> String {
    let mut s = String::with_capacity(12);
    push_number(&mut s, d, decimals, style);
    s
}

fn show_interval(i: Interval, decimals: u32, style: NumberStyle) -> String {
    let mut s = String::with_capacity(24);
    s.push('[');
    push_number(&mut s, i.lo, decimals, style);
    s.push_str("; ");
    push_number(&mut s, i.hi, decimals, style);
    s.push(']');
    s
}

/// `a + b - c` as printed.
pub fn show_terms(terms: &[Term], style: NumberStyle) -> String {
    let mut s = String::with_capacity(terms.len() * 8);
    for (i, t) in terms.iter().enumerate() {
        let negative = t.negative != t.figure.value.is_sign_negative() && !t.figure.value.is_zero();
        let abs = PrintedNumber {
            value: t.figure.value.abs(),
            ..t.figure
        };
        s.push_str(match (i, negative) {
            (0, false) => "",
            (0, true) => "-",
            (_, false) => " + ",
            (_, true) => " - ",
        });
        push_fig(&mut s, &abs, style);
    }
    s
}

/// The left side of a share or change: `a / b` or `(a - b) / b`.
fn ratio_side(a: &PrintedNumber, b: &PrintedNumber, change: bool, style: NumberStyle) -> String {
    if change {
        let b = show(b, style);
        format!("({} - {b}) / {b}", show(a, style))
    } else {
        format!("{} / {}", show(a, style), show(b, style))
    }
}

/// A quotient's left side: `3,5 / (3,5 + 2,6)`, with ` - 100%` for a change.
fn quotient_side(q: &Quotient, style: NumberStyle) -> String {
    let side = |terms: &[(usize, bool)]| {
        let ts: Vec<Term> = terms
            .iter()
            .filter_map(|&(i, negative)| q.figures.get(i).map(|&figure| Term { negative, figure }))
            .collect();
        let s = show_terms(&ts, style);
        if ts.len() > 1 {
            format!("({s})")
        } else {
            s
        }
    };
    let minus = if q.change { " - 100%" } else { "" };
    format!("{} / {}{minus}", side(&q.num), side(&q.den))
}

/// `a / p% = b / q%`.
fn same_whole_side(
    a: &PrintedNumber,
    p: &PrintedNumber,
    b: &PrintedNumber,
    q: &PrintedNumber,
    style: NumberStyle,
) -> String {
    format!(
        "{} / {} = {} / {}",
        show(a, style),
        show(p, style),
        show(b, style),
        show(q, style)
    )
}

/// The relation as a formula of printed figures (`19,1 + 36,4 = 55,4`).
pub fn formula(relation: &Relation, style: NumberStyle) -> String {
    match relation {
        Relation::Sum { terms, total } | Relation::ShareSum { terms, total } => {
            format!("{} = {}", show_terms(terms, style), show(total, style))
        }
        Relation::Share {
            part, whole, share, ..
        } => format!(
            "{} = {}",
            ratio_side(part, whole, false, style),
            show(share, style)
        ),
        Relation::PercentChange { new, old, pct } => format!(
            "{} = {}",
            ratio_side(new, old, true, style),
            show(pct, style)
        ),
        Relation::Quotient(q) => {
            format!("{} = {}", quotient_side(q, style), show(&q.result, style))
        }
        Relation::SameWhole { a, p, b, q } => same_whole_side(a, p, b, q, style),
    }
}

/// Why a relation was not judged, in words; `relation` when there is one.
pub fn unjudged(why: &Unjudged, relation: Option<&Relation>, style: NumberStyle) -> String {
    let ratio = relation.and_then(|r| match r {
        Relation::Share {
            part, whole, share, ..
        } => Some((part, whole, share, false)),
        Relation::PercentChange { new, old, pct } => Some((new, old, pct, true)),
        Relation::Sum { .. }
        | Relation::ShareSum { .. }
        | Relation::Quotient(_)
        | Relation::SameWhole { .. } => None,
    });
    match why {
        Unjudged::NotAFigure { label, text } => format!("{label:?} has {text:?}, not a figure"),
        Unjudged::NoFigure { label } => format!("{label:?} has no figure (-)"),
        Unjudged::NoFigures => "no figures to add (-)".to_string(),
        Unjudged::DivisionByZero => match ratio {
            Some((a, b, _, change)) => {
                format!("{}: division by zero", ratio_side(a, b, change, style))
            }
            None => match relation {
                Some(r) => format!("{}: division by zero", formula(r, style)),
                None => "division by zero".to_string(),
            },
        },
        Unjudged::MayBeZero => match ratio {
            Some((a, b, r, change)) => format!(
                "{} = {}: the denominator {} may be zero within its rounding",
                ratio_side(a, b, change, style),
                show(r, style),
                show(b, style)
            ),
            None => match relation {
                Some(r) => format!(
                    "{}: a figure may be zero within its rounding",
                    formula(r, style)
                ),
                None => "the denominator may be zero within its rounding".to_string(),
            },
        },
        Unjudged::Reason(why) => why.clone(),
        Unjudged::TooManyDigits => match relation {
            Some(r) => format!(
                "{}: the figures have too many digits for exact arithmetic",
                formula(r, style)
            ),
            None => "the figures have too many digits for exact arithmetic".to_string(),
        },
    }
}

/// A judgment in words. Empty when only the verdict was worked out.
pub fn words(relation: Option<&Relation>, judgment: &Judgment, style: NumberStyle) -> String {
    let range = match (&judgment.evidence, relation) {
        (Evidence::Unjudged(why), _) => return unjudged(why, relation, style),
        (_, None) => return String::new(),
        (
            Evidence::Range {
                value,
                range,
                expected,
            },
            _,
        ) => Some((*value, *range, *expected)),
        (Evidence::Verdict, _) => None,
    };
    let Some(relation) = relation else {
        return String::new();
    };
    match relation {
        Relation::Sum { terms, total } | Relation::ShareSum { terms, total } => {
            let share_sum = matches!(relation, Relation::ShareSum { .. });
            sum_words(terms, total, share_sum, judgment.verdict, range, style)
        }
        Relation::Share {
            part,
            whole,
            share,
            allocated,
        } => ratio_words(
            ratio_side(part, whole, false, style),
            share,
            *allocated,
            judgment.verdict,
            range,
            style,
        ),
        Relation::PercentChange { new, old, pct } => ratio_words(
            ratio_side(new, old, true, style),
            pct,
            false,
            judgment.verdict,
            range,
            style,
        ),
        Relation::Quotient(q) => ratio_words(
            quotient_side(q, style),
            &q.result,
            false,
            judgment.verdict,
            range,
            style,
        ),
        Relation::SameWhole { a, p, b, q } => {
            let side = same_whole_side(a, p, b, q, style);
            let Some((_, first, second)) = range else {
                return side;
            };
            let words = format!(
                "{side}: {} of a whole in {} and {} of a whole in {}",
                show(p, style),
                show_interval(first, 1, style),
                show(q, style),
                show_interval(second, 1, style)
            );
            if judgment.verdict == Verdict::Error {
                format!("{words}, which cannot be the same whole: one of the figures is wrong")
            } else {
                format!("{words}, which meet")
            }
        }
    }
}

fn sum_words(
    terms: &[Term],
    total: &PrintedNumber,
    share_sum: bool,
    verdict: Verdict,
    range: Option<(Decimal, Interval, Interval)>,
    style: NumberStyle,
) -> String {
    let expr = show_terms(terms, style);
    let t = show(total, style);
    if verdict == Verdict::Exact {
        return format!("{expr} = {t}");
    }
    let Some((sum, range, allows)) = range else {
        return String::new();
    };
    let decimals = terms
        .iter()
        .map(|t| t.figure.decimals)
        .fold(total.decimals, u32::max);
    let d = decimals + 1;
    let pct = if total.percent { "%" } else { "" };
    let value = show_at(sum, decimals, style);
    let range = show_interval(range, d, style);
    let allows = show_interval(allows, d, style);
    match verdict {
        Verdict::Rounding => format!("{expr} = {value}{pct} lies in {range}, {t} allows {allows}"),
        _ if share_sum => format!(
            "{expr} = {value}{pct}, not {t}: the true sum lies in {range}, which {t} (allowing {allows}) \
             cannot reach; the rows' shares should add up to {t}: one of them is wrong"
        ),
        _ => format!(
            "{expr} = {value}{pct}, not {t}: the true sum lies in {range}, which {t} (allowing {allows}) \
             cannot reach; it should read {}{pct}",
            show_at(
                round_half_away(sum, total.decimals),
                total.decimals,
                style
            )
        ),
    }
}

fn ratio_words(
    side: String,
    result: &PrintedNumber,
    allocated: bool,
    verdict: Verdict,
    range: Option<(Decimal, Interval, Interval)>,
    style: NumberStyle,
) -> String {
    let r = show(result, style);
    if verdict == Verdict::Exact {
        return format!("{side} = {r}");
    }
    let Some((value, range, allows)) = range else {
        return String::new();
    };
    let d = result.decimals + 1;
    let r = if allocated {
        format!("{r} (largest remainder)")
    } else {
        r
    };
    let at = show_at(value, result.decimals + 2, style);
    let range = show_interval(range, d + 1, style);
    let allows = show_interval(allows, d, style);
    if verdict == Verdict::Rounding {
        return format!("{side} = {at}% lies in {range}, {r} allows {allows}");
    }
    format!(
        "{side} = {at}%, not {r}: the true value lies in {range}, which {r} (allowing {allows}) \
         cannot reach; it should read {}%",
        show_at(
            round_half_away(value, result.decimals),
            result.decimals,
            style
        )
    )
}

/// A decimal as a JSON string (exact), written without an intermediate value.
struct Exact(Decimal);

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// An interval as `["lo", "hi"]`.
struct IntervalJson(Interval);

impl Serialize for IntervalJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (Exact(self.0.lo), Exact(self.0.hi)).serialize(s)
    }
}

/// A figure as JSON: its role, its printed text, its value and the interval
/// it stands for (`null` when that is beyond exact arithmetic).
struct FigureJson<'a> {
    role: &'static str,
    figure: &'a PrintedNumber,
    style: NumberStyle,
}

impl Serialize for FigureJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("role", self.role)?;
        m.serialize_entry("text", &show(self.figure, self.style))?;
        m.serialize_entry("value", &Exact(self.figure.value))?;
        m.serialize_entry(
            "interval",
            &Interval::of(self.figure).ok().map(IntervalJson),
        )?;
        m.end()
    }
}

/// A judgment's evidence as JSON: the relation's `kind`, its `figures`
/// (printed text, value, interval), the `value` and `range` they give, and
/// the interval the stated result allows (`expected`); or why it was not
/// judged (`unjudged`). Decimals are strings, to stay exact. Written
/// straight to the output, from the same data the words come from.
pub struct EvidenceJson<'a> {
    pub relation: Option<&'a Relation>,
    pub evidence: &'a Evidence,
    pub style: NumberStyle,
}

impl EvidenceJson<'_> {
    fn figures(&self) -> Vec<FigureJson<'_>> {
        let style = self.style;
        let f = |role, figure| FigureJson {
            role,
            figure,
            style,
        };
        match self.relation {
            None => Vec::new(),
            Some(Relation::Sum { terms, total } | Relation::ShareSum { terms, total }) => terms
                .iter()
                .map(|t| f(if t.negative { "minus" } else { "plus" }, &t.figure))
                .chain(std::iter::once(f("total", total)))
                .collect(),
            Some(Relation::Share {
                part, whole, share, ..
            }) => vec![f("part", part), f("whole", whole), f("share", share)],
            Some(Relation::PercentChange { new, old, pct }) => {
                vec![f("new", new), f("old", old), f("percent", pct)]
            }
            Some(Relation::Quotient(q)) => q
                .figures
                .iter()
                .map(|x| f("figure", x))
                .chain(std::iter::once(f("result", &q.result)))
                .collect(),
            Some(Relation::SameWhole { a, p, b, q }) => {
                vec![f("part", a), f("share", p), f("part", b), f("share", q)]
            }
        }
    }
}

impl Serialize for EvidenceJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", &self.relation.map(Relation::kind))?;
        m.serialize_entry("figures", &self.figures())?;
        match self.evidence {
            Evidence::Range {
                value,
                range,
                expected,
            } => {
                m.serialize_entry("value", &Exact(*value))?;
                m.serialize_entry("range", &IntervalJson(*range))?;
                m.serialize_entry("expected", &IntervalJson(*expected))?;
            }
            Evidence::Unjudged(why) => {
                m.serialize_entry("unjudged", &unjudged(why, self.relation, self.style))?
            }
            Evidence::Verdict => {}
        }
        m.end()
    }
}

/// For tests: a relation judged and worded in Danish, as `(verdict, words)`.
#[cfg(test)]
pub(crate) trait InWords {
    fn judge(&self) -> (Verdict, String);
    /// Only the verdict when `describe` is unset.
    fn judge_with(&self, describe: bool) -> (Verdict, String);
}

#[cfg(test)]
impl InWords for Relation {
    fn judge(&self) -> (Verdict, String) {
        self.judge_with(true)
    }

    fn judge_with(&self, describe: bool) -> (Verdict, String) {
        let j = super::judge::judge(self, describe);
        let words = if describe {
            words(Some(self), &j, NumberStyle::DANISH)
        } else {
            String::new()
        };
        (j.verdict, words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::parse_number;
    use crate::verify::judge::judge;

    fn sum(parts: &[&str], total: &str, style: NumberStyle) -> (Verdict, String) {
        let p = |s: &str| parse_number(s, style).unwrap();
        let r = Relation::Sum {
            terms: parts
                .iter()
                .map(|s| Term {
                    negative: false,
                    figure: p(s),
                })
                .collect(),
            total: p(total),
        };
        let j = judge(&r, true);
        (j.verdict, words(Some(&r), &j, style))
    }

    #[test]
    fn english_words_use_english_numbers() {
        assert_eq!(
            sum(&["1.5", "2.5"], "4.1", NumberStyle::ENGLISH),
            (
                Verdict::Rounding,
                "1.5 + 2.5 = 4.0 lies in [3.90; 4.10], 4.1 allows [4.05; 4.15]".to_string()
            )
        );
        assert_eq!(
            sum(&["1,5", "2,5"], "4,1", NumberStyle::DANISH).1,
            "1,5 + 2,5 = 4,0 lies in [3,90; 4,10], 4,1 allows [4,05; 4,15]"
        );
        assert_eq!(
            sum(&["1,234.5", "2.5"], "1,240.0", NumberStyle::ENGLISH).1,
            "1,234.5 + 2.5 = 1,237.0, not 1,240.0: the true sum lies in [1,236.90; 1,237.10], which \
             1,240.0 (allowing [1,239.95; 1,240.05]) cannot reach; it should read 1,237.0"
        );
    }

    #[test]
    fn evidence_as_json() {
        let p = |s: &str| parse_number(s, NumberStyle::DANISH).unwrap();
        let r = Relation::Sum {
            terms: vec![
                Term {
                    negative: false,
                    figure: p("19,1"),
                },
                Term {
                    negative: false,
                    figure: p("36,4"),
                },
            ],
            total: p("55,4"),
        };
        let j = judge(&r, true);
        let evidence = EvidenceJson {
            relation: Some(&r),
            evidence: &j.evidence,
            style: NumberStyle::DANISH,
        };
        assert_eq!(
            serde_json::to_value(&evidence).unwrap(),
            serde_json::json!({
                "kind": "sum",
                "figures": [
                    {"role": "plus", "text": "19,1", "value": "19.1", "interval": ["19.05", "19.15"]},
                    {"role": "plus", "text": "36,4", "value": "36.4", "interval": ["36.35", "36.45"]},
                    {"role": "total", "text": "55,4", "value": "55.4", "interval": ["55.35", "55.45"]},
                ],
                "value": "55.5",
                "range": ["55.40", "55.60"],
                "expected": ["55.35", "55.45"],
            })
        );
    }
}
