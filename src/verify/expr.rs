//! Relations written out with literal figures, as in a checks file:
//! `7,5 + 2,3 = 9,8`, `8,6 - 7,5 = 1,1`, `3,5 / 6,1 = 57,4%`,
//! `(110 - 100) / 100 = 10,0%`. Operators stand between spaces, so that
//! `-6,1` is a negative figure and `- 6,1` a subtraction.

use super::judge::{Relation, Term};
use crate::numfmt::{parse_number, NumberStyle, PrintedNumber};

fn number(token: &str) -> Result<PrintedNumber, String> {
    parse_number(token, NumberStyle::DANISH)
        .map_err(|_| format!("{token:?} is not a Danish number such as -6,1 or 57,4%"))
}

/// A figure of the document named in a relation instead of retyped: a
/// quoted phrase of its running text (`"7,5 mio. kr. på indsats"`, the
/// phrase's first figure), or its place (`@110` for the one figure on line
/// 110, `@110:73` for the figure at that column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FigureRef {
    Phrase(String),
    At { line: usize, column: Option<usize> },
}

/// Parses a relation whose figures may be named in the document
/// ([`FigureRef`]): each is replaced by the figure `resolve` finds, then the
/// relation is read as [`parse`] reads it.
pub fn parse_in(
    text: &str,
    resolve: impl Fn(&FigureRef) -> Result<PrintedNumber, String>,
) -> Result<Relation, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' | '\u{201c}' | '\u{201d}' => {
                let rest = &text[i + c.len_utf8()..];
                let Some(end) = rest.find(['"', '\u{201c}', '\u{201d}']) else {
                    return Err(format!("{text:?}: a quoted phrase is not closed"));
                };
                let phrase = &rest[..end];
                let fig = resolve(&FigureRef::Phrase(phrase.to_string()))?;
                out.push_str(&super::explain::show(&fig, NumberStyle::DANISH));
                let skip_to = i + c.len_utf8() + end;
                while chars.peek().is_some_and(|&(j, _)| j <= skip_to) {
                    chars.next();
                }
            }
            '@' => {
                let mut place = String::new();
                while let Some(&(_, d)) = chars.peek() {
                    if d.is_ascii_digit() || d == ':' {
                        place.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                let bad = || format!("{text:?}: @{place} is not a place such as @110 or @110:73");
                let (line, column) = match place.split_once(':') {
                    Some((l, c)) => (
                        l.parse().map_err(|_| bad())?,
                        Some(c.parse().map_err(|_| bad())?),
                    ),
                    None => (place.parse().map_err(|_| bad())?, None),
                };
                let fig = resolve(&FigureRef::At { line, column })?;
                out.push_str(&super::explain::show(&fig, NumberStyle::DANISH));
            }
            c => out.push(c),
        }
    }
    parse(&out)
}

/// Parses a relation; the error says what is wrong.
pub fn parse(text: &str) -> Result<Relation, String> {
    let (left, right) = match text.split('=').collect::<Vec<_>>()[..] {
        [l, r] => (l.trim(), r.trim()),
        _ => return Err(format!("{text:?}: a relation has exactly one `=`")),
    };
    let result = number(right)?;
    let tokens: Vec<&str> = left.split_whitespace().collect();
    if tokens.is_empty() {
        return Err(format!("{text:?}: nothing before `=`"));
    }
    // (new - old) / old = pct%
    if let [open, "-", close, "/", old2] = tokens[..] {
        if let (Some(new), Some(old)) = (open.strip_prefix('('), close.strip_suffix(')')) {
            let (new, old) = (number(new)?, number(old)?);
            if number(old2)?.value != old.value {
                return Err(format!(
                    "{text:?}: a percentage change divides by the old figure: (new - old) / old"
                ));
            }
            return Ok(Relation::PercentChange {
                new,
                old,
                pct: result,
            });
        }
    }
    // part / whole = share%
    if let [part, "/", whole] = tokens[..] {
        if !result.percent {
            return Err(format!("{text:?}: a share is written with % ({} %)", right));
        }
        return Ok(Relation::Share {
            part: number(part)?,
            whole: number(whole)?,
            share: result,
            allocated: false,
        });
    }
    // a ± b ± c = total
    let mut terms = Vec::new();
    let mut negative = false;
    let mut expect_number = true;
    for tok in tokens {
        match (expect_number, tok) {
            (false, "+") => {
                negative = false;
                expect_number = true;
            }
            (false, "-" | "\u{2212}" | "\u{2013}") => {
                negative = true;
                expect_number = true;
            }
            (true, t) => {
                terms.push(Term {
                    negative,
                    figure: number(t)?,
                });
                expect_number = false;
            }
            (false, t) => {
                return Err(format!(
                    "{text:?}: expected + or - between figures, found {t:?}"
                ))
            }
        }
    }
    if expect_number {
        return Err(format!("{text:?}: ends with an operator"));
    }
    Ok(Relation::Sum {
        terms,
        total: result,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::explain::InWords;
    use crate::verify::judge::Verdict;

    #[test]
    fn sums_and_differences() {
        assert_eq!(
            parse("7,5 + 2,3 = 9,8").unwrap().judge(),
            (Verdict::Exact, "7,5 + 2,3 = 9,8".to_string())
        );
        assert_eq!(
            parse("8,6 - 7,5 = 1,1").unwrap().judge(),
            (Verdict::Exact, "8,6 - 7,5 = 1,1".to_string())
        );
        assert_eq!(
            parse("-1,4 + -4,2 = -5,6").unwrap().judge().0,
            Verdict::Exact
        );
        assert_eq!(
            parse("33.071 - 30.000 = 3.071").unwrap().judge().0,
            Verdict::Exact
        );
    }

    #[test]
    fn shares_and_percentage_changes() {
        assert_eq!(
            parse("3,5 / 6,1 = 57,4%").unwrap().judge().0,
            Verdict::Rounding
        );
        assert_eq!(
            parse("(110 - 100) / 100 = 10,0%").unwrap().judge().0,
            Verdict::Exact
        );
    }

    #[test]
    fn figures_named_in_the_document() {
        let resolve = |r: &FigureRef| match r {
            FigureRef::Phrase(p) if p == "7,5 mio. kr. på indsats" => Ok(number("7,5")?),
            FigureRef::At {
                line: 110,
                column: None,
            } => Ok(number("2,3")?),
            FigureRef::At {
                line: 102,
                column: Some(130),
            } => Ok(number("9,8")?),
            other => Err(format!("{other:?} is not in the document")),
        };
        assert_eq!(
            crate::verify::explain::formula(
                &parse_in("\"7,5 mio. kr. på indsats\" + @110 = @102:130", resolve).unwrap(),
                NumberStyle::DANISH
            ),
            "7,5 + 2,3 = 9,8"
        );
        assert_eq!(
            parse_in("\"nowhere\" = 1", resolve).unwrap_err(),
            "Phrase(\"nowhere\") is not in the document"
        );
        assert_eq!(
            parse_in("\"open = 1", resolve).unwrap_err(),
            "\"\\\"open = 1\": a quoted phrase is not closed"
        );
        assert_eq!(
            parse_in("@x = 1", resolve).unwrap_err(),
            "\"@x = 1\": @ is not a place such as @110 or @110:73"
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(
            parse("1 + 2").unwrap_err(),
            "\"1 + 2\": a relation has exactly one `=`"
        );
        assert_eq!(
            parse("1 + = 2").unwrap_err(),
            "\"1 + = 2\": ends with an operator"
        );
        assert_eq!(
            parse("1 2 = 3").unwrap_err(),
            "\"1 2 = 3\": expected + or - between figures, found \"2\""
        );
        assert_eq!(
            parse("3 / 6 = 50").unwrap_err(),
            "\"3 / 6 = 50\": a share is written with % (50 %)"
        );
        assert_eq!(
            parse("1,5 + x = 2").unwrap_err(),
            "\"x\" is not a Danish number such as -6,1 or 57,4%"
        );
    }
}
