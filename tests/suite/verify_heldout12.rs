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
    common::errors(c)
}

#[test]
fn a_total_over_a_part_that_is_no_figure_is_unknown() {
    let tsv = common::data_tsv("heldout12", "antenneforeningen-vejen-priser-2019-tv-pakker");
    let c = common::checks_of_tsv(&tsv);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    assert_eq!(
        verdicts(&c),
        vec![
            // The moms rows, each 25 % of the two rows above (moms_rows.rs);
            // the second, under the garbled price, is not judged.
            (5, Verdict::Exact),
            (7, Verdict::Exact),
            (13, Verdict::Skipped),
            (17, Verdict::Exact),
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
    // And so is the moms under it, its last two digits swapped (the .rel
    // says so): 25 % of (1.959,48 + 540,00) = 624,87, printed 624,78. No
    // one figure mends both: two findings.
    let e = errors(&meant);
    assert_eq!(e.len(), 2, "{meant:#?}");
    assert!(
        e[0].contains("25 % of (1.959,48 + 540,00) = 624,87, not 624,78"),
        "{e:?}"
    );
    assert!(
        e[1].contains("1.959,48 + 540,00 + 624,78 + 545,22 = 3.669,48, not 3.669,75"),
        "{e:?}"
    );
    assert_eq!(common::findings(&meant).len(), 2);
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

/// Each cell says whether its price is with moms or without (`62.716,38
/// ekskl. moms | 78.395,48 inkl. moms`, Vestforsyning's spildevand, no
/// header): the column with moms is 125 % of the one without.
#[test]
fn moms_said_in_every_cell_relates_the_columns() {
    let tsv = common::data_tsv("heldout12", "vmr-spildevand-priser-2024-ekskl-inkl-moms");
    let c = common::checks_of_tsv(&tsv);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    let moms: Vec<&Check> = c
        .iter()
        .filter(|c| c.relation.contains("[column 3]: 125 % of column 2"))
        .collect();
    assert_eq!(moms.len(), 18, "{c:#?}");
    assert!(moms
        .iter()
        .all(|c| matches!(c.verdict, Verdict::Exact | Verdict::Rounding)));
    // One price with moms printed wrong is the one error.
    let wrong = tsv.replace("745,30 inkl. moms", "754,30 inkl. moms");
    let e = errors(&common::checks_of_tsv(&wrong));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(
        e[0].starts_with("Fast årligt bidrag pr. stikledning [column 3]: 125 % of column 2"),
        "{e:?}"
    );
    // A column whose cells disagree says nothing of moms: not read so.
    let mixed = tsv.replace("38,70 inkl. moms", "38,70 ekskl. moms");
    let c = common::checks_of_tsv(&mixed);
    assert!(!c.iter().any(|c| c.relation.contains("125 % of")), "{c:#?}");
}

/// Hundredths printed the Danish way with a word after them.
fn price(v: i64, words: &str) -> String {
    format!("{},{:02} {words}", v / 100, v % 100)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Prices whose cells say `ekskl. moms` and `inkl. moms`, the latter
    /// 125 % of the former rounded half away from zero: never an error; one
    /// moved by two øre or more is the one error, in its row.
    #[test]
    fn one_price_with_moms_moved_is_the_one_error(
        prices in prop::collection::vec(100i64..99_999, 3..8),
        pick in any::<prop::sample::Index>(),
        by in 2i64..500,
    ) {
        let with: Vec<i64> = prices.iter().map(|p| (p * 125 + 50) / 100).collect();
        let doc = |with: &[i64]| {
            let mut d = String::from("Takster\t\t\n");
            for (k, (p, w)) in prices.iter().zip(with).enumerate() {
                d.push_str(&format!("Ydelse {}\t{}\t{}\n", k + 1, price(*p, "ekskl. moms"), price(*w, "inkl. moms")));
            }
            d
        };
        let right = checks(&doc(&with));
        prop_assert!(errors(&right).is_empty(), "{:#?}", errors(&right));
        prop_assert_eq!(
            right.iter().filter(|c| c.relation.contains("125 % of")).count(),
            prices.len()
        );
        let k = pick.index(prices.len());
        let mut moved = with.clone();
        moved[k] += by;
        let e = errors(&checks(&doc(&moved)));
        prop_assert_eq!(e.len(), 1, "{:#?}", e);
        let want = format!("Ydelse {} [", k + 1);
        prop_assert!(e[0].starts_with(&want), "{:?}", e);
    }
}

/// `heraf moms` beside the price with moms (Taulov Net's fees): a fifth of
/// it.
#[test]
fn heraf_moms_is_a_fifth_of_the_price() {
    let tsv = common::data_tsv(
        "heldout12",
        "taulovnet-priser-2019-tilslutning-pris-heraf-moms",
    );
    let c = common::checks_of_tsv(&tsv);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    let exact = c
        .iter()
        .filter(|c| {
            c.verdict == Verdict::Exact && c.relation.contains("[heraf moms]: 20 % of Pris")
        })
        .count();
    assert_eq!(exact, 7, "{c:#?}");
    let wrong = tsv.replace("179,00\t35,80", "179,00\t38,50");
    let e = errors(&common::checks_of_tsv(&wrong));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(
        e[0].starts_with("Genåbning net v. restance [heraf moms]"),
        "{e:?}"
    );
    // A column headed `Moms` alone may be 25 % of a price without moms or
    // a fifth of one with: not read as either.
    let c = common::checks_of_tsv(&tsv.replace("heraf moms", "Moms"));
    assert!(!c.iter().any(|c| c.relation.contains("20 % of")), "{c:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A `heraf moms` column a fifth of its prices, rounded half away from
    /// zero: never an error; one moved by two øre or more is the one error.
    #[test]
    fn one_moms_part_moved_is_the_one_error(
        prices in prop::collection::vec(100i64..99_999, 3..8),
        pick in any::<prop::sample::Index>(),
        by in 2i64..500,
    ) {
        let moms: Vec<i64> = prices.iter().map(|p| (p * 2 + 5) / 10).collect();
        let doc = |moms: &[i64]| {
            let mut d = String::from("Gebyr\tPris\theraf moms\n");
            for (k, (p, m)) in prices.iter().zip(moms).enumerate() {
                d.push_str(&format!("Ydelse {}\t{}\t{}\n", k + 1, price(*p, ""), price(*m, "")));
            }
            d
        };
        let right = checks(&doc(&moms));
        prop_assert!(errors(&right).is_empty(), "{:#?}", errors(&right));
        let k = pick.index(prices.len());
        let mut moved = moms.clone();
        moved[k] += by;
        let e = errors(&checks(&doc(&moved)));
        prop_assert_eq!(e.len(), 1, "{:#?}", e);
        let want = format!("Ydelse {} [heraf moms]", k + 1);
        prop_assert!(e[0].starts_with(&want), "{:?}", e);
    }
}

/// Thorsted Høj's heat account prints its labels in the fourth column,
/// among the figures: read as the rows' labels, the table's total and its
/// shares are judged.
#[test]
fn labels_among_the_figure_columns_name_the_rows() {
    let tsv = common::data_tsv(
        "heldout12",
        "thorsted-hoej-varmeregnskab-2022-fordeling-pct-enhedspris-bolig",
    );
    let c = common::checks_of_tsv(&tsv);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    let got: Vec<(&str, Verdict)> = c
        .iter()
        .filter(|c| c.verdict != Verdict::Skipped)
        .map(|c| (c.relation.split(':').next().unwrap_or(""), c.verdict))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Varme kWh [%]", Verdict::Rounding),
            ("Varme m2 [%]", Verdict::Rounding),
            ("Varmt vand m3 [%]", Verdict::Rounding),
            ("Varmt vand haneandele [%]", Verdict::Rounding),
            (
                "I ALT [1. Ejendom, fordelingsbeløb (kr.)]",
                Verdict::Rounding
            ),
            ("I ALT [6. Bolig, beløb (kr.)]", Verdict::Rounding),
            ("I ALT [%]", Verdict::Exact),
        ],
        "{c:#?}"
    );
    // A second column of words: which one labels the rows is not said.
    let two = tsv.replace("\t8,32**\t", "\tca. 8\t");
    let c = common::checks_of_tsv(&two);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    assert!(
        !c.iter()
            .any(|c| c.relation.starts_with("I ALT [1. Ejendom")),
        "{c:#?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A column of labels placed at any position among figure columns: the
    /// total row sums its parts exactly in every figure column, and one part
    /// moved is the one error, in its column.
    #[test]
    fn a_label_column_anywhere_names_the_rows(
        rows in prop::collection::vec(prop::collection::vec(1i64..90_000, 3), 3..6),
        at in 1usize..4,
        pick in any::<prop::sample::Index>(),
        // Beyond the rounding of whole kroner over six figures (± 3).
        by in 10i64..500,
    ) {
        let headers = ["Beløb 2023", "Beløb 2024", "Beløb 2025"];
        let line = |label: &str, figs: &[String]| {
            let mut cells: Vec<String> = figs.to_vec();
            cells.insert(at.min(cells.len()), label.to_string());
            cells.join("\t")
        };
        // The totals are always those of the rows as drawn.
        let totals: Vec<String> = (0..3).map(|c| thousands(rows.iter().map(|r| r[c]).sum())).collect();
        let doc = |rows: &[Vec<i64>]| {
            let mut d = line("Art", &headers.iter().map(|h| h.to_string()).collect::<Vec<_>>());
            d.push('\n');
            for (k, r) in rows.iter().enumerate() {
                d.push_str(&line(&format!("Post {}", k + 1), &r.iter().map(|v| thousands(*v)).collect::<Vec<_>>()));
                d.push('\n');
            }
            d.push_str(&line("I alt", &totals));
            d.push('\n');
            d
        };
        let c = checks(&doc(&rows));
        prop_assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
        let exact = c.iter().filter(|c| c.verdict == Verdict::Exact && c.relation.starts_with("I alt [Beløb")).count();
        prop_assert_eq!(exact, 3, "{:#?}", c);
        let k = pick.index(rows.len());
        let mut moved = rows.clone();
        moved[k][1] += by;
        let e = errors(&checks(&doc(&moved)));
        prop_assert!(!e.is_empty(), "{}", doc(&moved));
        prop_assert!(e.iter().all(|e| e.contains("[Beløb 2024]")), "{:#?}", e);
    }
}

/// A whole count with its thousands separator (`117.038`).
fn thousands(v: i64) -> String {
    if v >= 1000 {
        format!("{}.{:03}", v / 1000, v % 1000)
    } else {
        v.to_string()
    }
}
