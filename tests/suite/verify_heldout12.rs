//! The three false errors of the twelfth held-out set's first run
//! (`tests/data/heldout12/SOURCES.md`), each as a test with its verdicts:
//! a total over a part printed so that it is no figure (`1.959.48 kr.`),
//! and a `Beløb i alt` column after `Antal` and `Takst` (their product, no
//! sum).

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

fn checks(doc: &str) -> Vec<Check> {
    common::checks_of_text(doc)
}

fn verdicts(c: &[Check]) -> Vec<(u32, Verdict)> {
    c.iter()
        .map(|c| (c.line() as u32, c.verdict))
        .collect::<Vec<_>>()
}

fn errors(c: &[Check]) -> Vec<String> {
    c.iter()
        .filter(|c| c.verdict == Verdict::Error)
        .map(|c| format!("{}: {}", c.relation, c.detail))
        .collect()
}

#[test]
fn a_total_over_a_part_that_is_no_figure_is_unknown() {
    let tsv = common::data_tsv("heldout12", "antenneforeningen-vejen-priser-2019-tv-pakker");
    let c = common::checks_of_tsv(&tsv);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    assert_eq!(
        verdicts(&c),
        vec![
            (7, Verdict::Exact),
            (13, Verdict::Skipped),
            (19, Verdict::Exact)
        ],
        "{c:#?}"
    );
    let skipped = c.iter().find(|c| c.verdict == Verdict::Skipped).unwrap();
    assert!(
        skipped
            .detail
            .contains("\"Programafgifter\", is printed \"1.959.48 kr.\", which is no figure"),
        "{}",
        skipped.detail
    );
    // Read as the page surely meant it (1.959,48), the total is the error
    // the collector found: 1.959,48 + 540,00 + 624,78 + 545,22 = 3.669,48.
    let meant = common::checks_of_tsv(&tsv.replace("1.959.48 kr.", "1.959,48 kr."));
    let e = errors(&meant);
    assert_eq!(e.len(), 1, "{meant:#?}");
    assert!(
        e[0].contains("1.959,48 + 540,00 + 624,78 + 545,22 = 3.669,48, not 3.669,75"),
        "{e:?}"
    );
}

#[test]
fn beloeb_after_antal_and_takst_is_no_sum_of_them() {
    let tsv = common::data_tsv(
        "heldout12",
        "thy-forsyning-priseksempler-2024-drikkevand-antal-takst-beloeb",
    );
    let c = common::checks_of_tsv(&tsv);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    let column: Vec<&Check> = c
        .iter()
        .filter(|c| c.relation.starts_with("[Beløb i alt]"))
        .collect();
    assert_eq!(column.len(), 1, "{c:#?}");
    assert_eq!(column[0].verdict, Verdict::Skipped);
    assert!(
        column[0]
            .detail
            .contains("a quantity (\"Antal\") and a price (\"Takst\")"),
        "{}",
        column[0].detail
    );
    // The total of the amounts is judged as before.
    assert!(
        c.iter().any(|c| c.verdict == Verdict::Exact
            && c.detail == "1.968 + 1.211,25 + 125 = 3.304,25"),
        "{c:#?}"
    );
}

#[test]
fn a_total_column_over_counts_is_still_cross_cast() {
    // Two columns of the same quantity are parts of their total: `Antal`
    // is a quantity beside a price only. (A bare `Antal` is rounded: the
    // README's granularity rule.)
    let doc = "Sager\tAntal 2024\tAntal 2025\tAntal i alt\n\
Nord\t12\t15\t27\n\
Syd\t8\t9\t18\n";
    let c = checks(doc);
    assert_eq!(
        verdicts(&c),
        vec![(2, Verdict::Exact), (3, Verdict::Rounding)],
        "{c:#?}"
    );
    assert!(
        c[1].relation
            .starts_with("Syd [Antal i alt]: sum of 2 columns"),
        "{c:#?}"
    );
}

/// `v` hundredths printed the Danish way (`1.959,48`), or with the decimal
/// comma typed as a point (`1.959.48`) when `garble`.
fn money(v: i64, garble: bool) -> String {
    let whole = v / 100;
    let mut digits = whole.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(".{tail}{grouped}");
    }
    let sep = if garble { '.' } else { ',' };
    format!("{digits}{grouped}{sep}{:02} kr.", v % 100)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Price blocks under section rows, each closed by `I alt pr. år`: all
    /// exact; one part printed with a point for its decimal comma makes its
    /// block's total unknown (skipped), never an error, and leaves the
    /// other blocks' totals exact.
    #[test]
    fn a_garbled_part_makes_its_total_unknown_never_wrong(
        blocks in prop::collection::vec(prop::collection::vec(100_000i64..900_000, 2..5), 2..4),
        pick in any::<prop::sample::Index>(),
    ) {
        let g = pick.index(blocks.len());
        let mut doc = String::from("Priser\t\n");
        for (b, parts) in blocks.iter().enumerate() {
            doc.push_str(&format!("Pakke {}\t\n", b + 1));
            for (k, p) in parts.iter().enumerate() {
                doc.push_str(&format!("Post {}\t{}\n", k + 1, money(*p, b == g && k == 0)));
            }
            doc.push_str(&format!("I alt pr. år\t{}\n", money(parts.iter().sum(), false)));
        }
        let c = checks(&doc);
        prop_assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
        let totals: Vec<Verdict> = c.iter().map(|c| c.verdict).collect();
        let want: Vec<Verdict> = (0..blocks.len())
            .map(|b| if b == g { Verdict::Skipped } else { Verdict::Exact })
            .collect();
        prop_assert_eq!(totals, want, "{}", doc);
    }
}
