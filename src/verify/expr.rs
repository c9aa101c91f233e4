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
