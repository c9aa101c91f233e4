//! An adversarial run of `verify` as a finance officer would use it: correct
//! tables of the shapes Danish budget documents have, and small
//! perturbations of the real corpus, hunting for false errors (an error on a
//! correct table) and silent passes (a wrong labelled total with no line at
//! all). Each case found is reduced to a small table here with its exact
//! verdicts; figures computed by hand (the sums are written beside them).

use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

fn checks(tsv: &str) -> Vec<Check> {
    crate::common::checks_of_tsv(tsv)
}

/// (row, column, verdict) of every check.
fn verdicts(c: &[Check]) -> Vec<(String, String, Verdict)> {
    c.iter()
        .map(|c| {
            (
                c.row.clone().unwrap_or_default(),
                c.column.clone().unwrap_or_default(),
                c.verdict,
            )
        })
        .collect()
}

fn v(row: &str, col: &str, verdict: Verdict) -> (String, String, Verdict) {
    (row.to_string(), col.to_string(), verdict)
}

fn errors(c: &[Check]) -> Vec<String> {
    c.iter()
        .filter(|c| c.verdict == Verdict::Error)
        .map(|c| format!("{}: {}", c.relation, c.detail))
        .collect()
}

/// DST's Konjunkturstatistik tabel 16 with its top header row (`15-66 årige
/// mænd | … | 15-66 årige kvinder`) lost in copying, cut down: the headers
/// of the women's columns repeat the men's. The women's `I arbejdsstyrken`
/// = `Beskæftigede` + `Arbejdsløse` (1.259 + 66 = 1.325, 1.278 + 63 =
/// 1.341) was found from the figures, but then taken for the reading worded
/// alike over the men's columns (`Beskæftigede` = `I arbejdsstyrken` −
/// `Arbejdsløse`: 1.504 − 71 = 1.433 against the women's 1.259): an error on
/// every row of a correct table.
const REPEATED_HEADERS: &str = "\tArbejdsløse\tI arbejdsstyrken\tUdenfor arbejdsstyrken\tI alt\tBeskæftigelsesfrekvens\tLedighedspct.\tBeskæftigede\tArbejdsløse\tI arbejdsstyrken\n\
\t\t\t\t\tpct.\t\t1.000 personer (1 000 persons)\t\t\n\
1. kvartal\t71\t1 504\t346\t1 850\t77,4\t4,7\t1 259\t66\t1 325\n\
2. kvartal\t67\t1 517\t333\t1 850\t78,4\t4,4\t1 278\t63\t1 341\n";

#[test]
fn a_reading_found_under_repeated_headers_keeps_its_own_columns() {
    let c = checks(REPEATED_HEADERS);
    assert_eq!(errors(&c), Vec::<String>::new());
    let women = "I arbejdsstyrken";
    let found: Vec<_> = c
        .iter()
        .filter(|c| c.column.as_deref() == Some(women) && c.relation.contains("Arbejdsløse"))
        .map(|c| {
            (
                c.row.clone().unwrap_or_default(),
                c.verdict,
                c.cells.clone(),
            )
        })
        .collect();
    // Judged on the women's own columns (8, 9, 10 of the row), both exact.
    assert_eq!(found.len(), 2, "{:#?}", verdicts(&c));
    for (_, verdict, cells) in &found {
        assert_eq!(*verdict, Verdict::Exact);
        let cols: Vec<&str> = cells.iter().filter_map(|s| s.split(':').nth(1)).collect();
        assert_eq!(cols, ["8", "9", "10"], "{cells:?}");
    }
}
