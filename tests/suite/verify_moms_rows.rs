//! Moms rows in price lists (`src/verify/moms_rows.rs`): a row labelled
//! moms under the price it is charged on is 25 % of it, judged where the
//! table's own moms rows establish it, reported not understood otherwise.
//! Found on the held-out price lists of Frederikssund Kommune, Radius Elnet
//! and Glej Vandværk (heldout11, heldout12), whose moms rows were not judged.

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

/// (row, column, verdict) of the checks of the moms rows' relation.
fn moms_checks(c: &[Check]) -> Vec<(String, String, Verdict)> {
    c.iter()
        .filter(|c| {
            c.relation.contains(": moms, 25 % of ")
                || c.relation.contains(": moms of the rows above")
        })
        .map(|c| {
            (
                c.row.clone().unwrap_or_default(),
                c.column.clone().unwrap_or_default(),
                c.verdict,
            )
        })
        .collect()
}

fn v(rows: &[(&str, &str, Verdict)]) -> Vec<(String, String, Verdict)> {
    rows.iter()
        .map(|(r, c, v)| (r.to_string(), c.to_string(), *v))
        .collect()
}

#[test]
fn frederikssunds_moms_rows_are_each_a_quarter_of_the_price_above() {
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout12",
        "frederikssund-kommune-takster-vand-2008-hele-kroner",
    ));
    let col = "column 2";
    assert_eq!(
        moms_checks(&c),
        v(&[
            ("Moms kr. pr. måler", col, Verdict::Exact),
            ("Moms kr. pr. kbm.", col, Verdict::Exact),
            ("Moms kr. pr. kbm.", col, Verdict::Exact),
            // 25 % of 25.266 = 6.316,5, printed in whole kroner.
            ("Moms kr. pr.stik", col, Verdict::Rounding),
            ("Moms kr. pr. kbm", col, Verdict::Rounding),
        ]),
        "{c:#?}"
    );
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
}

/// Radius Elnet's tariff, three columns of one moms row.
fn radius(moms: &str) -> String {
    format!(
        "Aktuelle Priser (Øre/kWh)\tSkabelon\tTimetarif Lavlast\tTimetarif Spidslast\n\
Transport af el (nettarif)*\t29,35\t25,23\t66,14\n\
Elafgift**\t88,40\t88,40\t88,40\n\
Pris/kWh uden moms\t117,75\t113,63\t154,54\n\
Moms 25%\t{moms}\n\
Pris/kWh med moms\t147,19\t142,04\t193,18\n"
    )
}

#[test]
fn a_moms_row_holding_in_every_column_is_judged_rounding() {
    let c = common::checks_of_tsv(&radius("29,44\t28,41\t38,64"));
    let row = "Moms 25%";
    assert_eq!(
        moms_checks(&c),
        v(&[
            (row, "Skabelon", Verdict::Rounding),
            (row, "Timetarif Lavlast", Verdict::Rounding),
            (row, "Timetarif Spidslast", Verdict::Rounding),
        ])
    );
    assert!(common::errors(&c).is_empty());
}

#[test]
fn a_wrong_moms_is_the_one_finding_and_the_total_under_it_a_consequence() {
    // 28,41 printed as 28,14: the moms and the price with moms both fail.
    let c = common::checks_of_tsv(&radius("29,44\t28,14\t38,64"));
    assert_eq!(
        common::findings(&c),
        vec![(
            "Moms 25%".to_string(),
            "Timetarif Lavlast".to_string(),
            "5:3".to_string(),
            "28,41".to_string()
        )],
        "{c:#?}"
    );
    let errors = common::errors(&c);
    assert_eq!(errors.len(), 2, "{errors:#?}");
}

#[test]
fn moms_charged_on_the_rows_above_is_a_quarter_of_their_sum() {
    // Stærkende Vandværk: the first moms is 25 % of vandafgift +
    // statsafgift (rounded to øre), the second 25 % of the row above.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout11",
        "staerkende-vandvaerk-takstblad-2020-2024",
    ));
    let row = "Moms 25%";
    assert_eq!(
        moms_checks(&c),
        v(&[
            (row, "2020", Verdict::Rounding),
            (row, "2021", Verdict::Rounding),
            (row, "2022/23/24", Verdict::Rounding),
            (row, "2020", Verdict::Exact),
            (row, "2021", Verdict::Exact),
            (row, "2022/23/24", Verdict::Exact),
        ]),
        "{c:#?}"
    );
    let first = c
        .iter()
        .find(|c| c.relation.starts_with("Moms 25% [2020]"))
        .unwrap();
    assert_eq!(
        first.detail,
        "25 % of (12,00 + 6,37) = 4,5925, which 4,59 allows as rounded"
    );
    assert!(common::errors(&c).is_empty());
}

#[test]
fn a_garbled_price_above_a_moms_row_leaves_it_unjudged() {
    // Antenneforeningen Vejen: `1.959.48 kr.` above the second moms; the
    // other two are each 25 % of the two rows above them.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout12",
        "antenneforeningen-vejen-priser-2019-tv-pakker",
    ));
    assert_eq!(
        moms_checks(&c),
        v(&[
            ("Moms", "column 2", Verdict::Exact),
            ("Moms", "column 2", Verdict::Exact),
        ]),
        "{c:#?}"
    );
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
}

#[test]
fn a_moms_row_of_the_other_way_fails_as_the_table_charges_moms() {
    // Two moms rows charged on the two rows above; the third is wrong: it
    // is told against the table's way, not the row above.
    let c = common::checks_of_tsv(
        "Priser\tKr.\n\
Programafgifter\t192,00\n\
Kontingent\t540,00\n\
Moms\t183,00\n\
\t\n\
Programafgifter\t400,00\n\
Kontingent\t540,00\n\
Moms\t235,00\n\
\t\n\
Programafgifter\t800,00\n\
Kontingent\t540,00\n\
Moms\t300,00\n",
    );
    let f = common::findings(&c);
    assert_eq!(f.len(), 1, "{c:#?}");
    assert_eq!(f[0].0, "Moms");
    // 25 % of (800,00 + 540,00).
    assert_eq!(f[0].3, "335,00");
}

#[test]
fn a_budgets_moms_line_is_no_moms_row() {
    // A budget's `Moms` (refunds netted) is no 25 % of the line above.
    let c = common::checks_of_tsv(
        "Mio. kr.\t2025\t2026\n\
Anlæg\t10,0\t12,0\n\
Moms\t-1,1\t0,4\n\
I alt\t8,9\t12,4\n",
    );
    // Holding nowhere, the reading is not the table's: nothing said.
    assert_eq!(moms_checks(&c), v(&[]), "{c:#?}");
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
}

#[test]
fn one_moms_row_that_fails_alone_is_never_an_error() {
    // Nothing else in the table establishes the reading, and it holds
    // nowhere (25 % of 545,00 is 136,25): never an error, and, as its
    // label names the rate, said not understood rather than passed over.
    let c = common::checks_of_tsv(
        "Takstblad 2024\t\n\
Grundpris\t545,00 kr.\n\
25% moms\t146,25 kr.\n",
    );
    assert_eq!(
        moms_checks(&c),
        v(&[("25% moms", "column 2", Verdict::Skipped)]),
        "{c:#?}"
    );
    let said = c
        .iter()
        .find(|c| c.relation.starts_with("25% moms"))
        .unwrap();
    assert_eq!(
        said.detail,
        "not understood: the label says moms at 25 %, and 25 % of neither the row above nor the rows above it holds in any column"
    );
    assert!(common::errors(&c).is_empty());
}

#[test]
fn a_moms_row_naming_its_rate_is_said_where_it_holds_nowhere() {
    // Radius Elnet's tariff with every moms figure wrong (true 29,44,
    // 28,41, 38,64): 25 % of neither the price above nor the two rows
    // above holds in any column. Said, not judged, and never silent.
    let c = common::checks_of_tsv(&radius("31,00\t30,00\t40,00"));
    assert_eq!(
        moms_checks(&c),
        v(&[("Moms 25%", "Skabelon", Verdict::Skipped)]),
        "{c:#?}"
    );
    // The same rows under a bare `Moms` (a budget's line) say nothing.
    let bare = radius("31,00\t30,00\t40,00").replace("Moms 25%", "Moms");
    let c = common::checks_of_tsv(&bare);
    assert_eq!(moms_checks(&c), v(&[]), "{c:#?}");
}

#[test]
fn a_moms_row_naming_its_rate_over_no_amount_is_said() {
    // The row above holds a text, not a price: nothing it can be 25 % of.
    let c = common::checks_of_tsv(
        "Takstblad 2024\tKr.\n\
Grundpris\tefter regning\n\
Tilslutning\t545,00\n\
\t\n\
Abonnement\t400,00\n\
Moms 25%\t100,00\n\
Serviceydelse\tefter regning\n\
Moms 25%\t12,00\n",
    );
    let said: Vec<(String, String)> = c
        .iter()
        .filter(|c| c.relation.contains(": moms of the rows above"))
        .map(|c| (c.row.clone().unwrap_or_default(), c.detail.clone()))
        .collect();
    assert_eq!(
        said,
        vec![(
            "Moms 25%".to_string(),
            "not understood: the label says moms at 25 %, and no column of amounts holds both it and a row of figures above it".to_string()
        )],
        "{c:#?}"
    );
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
}

/// Øre, printed with two decimals.
fn kr(ore: i64) -> String {
    let s = format!("{},{:02}", ore / 100, ore % 100);
    let (int, dec) = s.split_once(',').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("{grouped},{dec}")
}

/// 25 % of `ore`, rounded half away from zero to whole øre.
fn quarter(ore: i64) -> i64 {
    (ore + 2) / 4
}

/// A price list of `prices.len()` blocks (price, moms, price with moms) in
/// `cols` columns; `planted`: (block, column, øre added to that moms).
fn price_list(prices: &[Vec<i64>], planted: Option<(usize, usize, i64)>) -> String {
    let cols = prices[0].len();
    let mut t = String::from("Kr.");
    for c in 0..cols {
        t.push_str(&format!("\tTakst {}", 2020 + c));
    }
    t.push('\n');
    for (b, row) in prices.iter().enumerate() {
        let moms: Vec<i64> = row
            .iter()
            .enumerate()
            .map(|(c, p)| {
                quarter(*p)
                    + match planted {
                        Some((pb, pc, d)) if pb == b && pc == c => d,
                        _ => 0,
                    }
            })
            .collect();
        let line = |label: String, v: &[i64]| {
            let cells: Vec<String> = v.iter().map(|x| kr(*x)).collect();
            format!("{label}\t{}\n", cells.join("\t"))
        };
        t.push_str(&line(format!("Afgift nr. {}", b + 1), row));
        t.push_str(&line("Moms".to_string(), &moms));
        // The price with moms is printed from the correct moms.
        let with: Vec<i64> = row.iter().map(|p| p + quarter(*p)).collect();
        t.push_str(&line(format!("Pris nr. {} inkl. moms", b + 1), &with));
        t.push('\t');
        t.push_str(&"\t".repeat(cols - 1));
        t.push('\n');
    }
    t
}

fn prices() -> impl Strategy<Value = Vec<Vec<i64>>> {
    (1usize..=3, 1usize..=3)
        .prop_flat_map(|(cols, blocks)| {
            prop::collection::vec(prop::collection::vec(1_000i64..5_000_000, cols), blocks)
        })
        // At least two moms figures, so the table establishes the reading.
        .prop_filter("two places", |p| p.len() * p[0].len() >= 2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn correct_moms_rows_are_all_judged_and_never_wrong(p in prices()) {
        let c = common::checks_of_tsv(&price_list(&p, None));
        let moms = moms_checks(&c);
        prop_assert_eq!(moms.len(), p.len() * p[0].len(), "{:#?}", c);
        prop_assert!(moms.iter().all(|m| matches!(m.2, Verdict::Exact | Verdict::Rounding)), "{:#?}", c);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    }

    #[test]
    fn a_planted_moms_is_the_one_finding(
        p in prices().prop_filter("three places", |p| p.len() * p[0].len() >= 3),
        pick in any::<prop::sample::Index>(),
        off in prop_oneof![-500i64..=-2, 2i64..=500],
    ) {
        let cols = p[0].len();
        let at = pick.index(p.len() * cols);
        let (b, col) = (at / cols, at % cols);
        prop_assume!(quarter(p[b][col]) + off > 0);
        let c = common::checks_of_tsv(&price_list(&p, Some((b, col, off))));
        let found = common::findings(&c);
        prop_assert_eq!(found.len(), 1, "{:#?}", c);
        prop_assert_eq!(&found[0].0, "Moms");
        prop_assert_eq!(&found[0].1, &format!("Takst {}", 2020 + col));
        prop_assert!(found[0].3.contains(&kr(quarter(p[b][col]))), "{:?}", found);
    }
}

/// (row, verdict) of the prices with moms (`…: price with moms, …`).
fn with_moms_checks(c: &[Check]) -> Vec<(String, Verdict)> {
    c.iter()
        .filter(|c| c.relation.contains(": price with moms"))
        .map(|c| (c.row.clone().unwrap_or_default(), c.verdict))
        .collect()
}

#[test]
fn the_row_under_a_moms_row_is_the_price_with_moms() {
    // Frederikssund 2008: each `Forbrugerpris` / `… incl. moms` row is the
    // price above the moms plus the moms (435 = 348 + 87; 4,80 = 3,84 +
    // 0,96; 6,25 = 5,00 + 1,25; 31.583 = 25.266 + 6.317; 0,314 = 0,251 +
    // 0,063), all exact; four of them were silent before.
    let tsv = common::data_tsv(
        "heldout12",
        "frederikssund-kommune-takster-vand-2008-hele-kroner",
    );
    let c = common::checks_of_tsv(&tsv);
    let exact = |r: &str| (r.to_string(), Verdict::Exact);
    assert_eq!(
        with_moms_checks(&c),
        vec![
            exact("Forbrugerpris kr. pr. måler"),
            exact("Vandafgift incl. moms pr. kbm."),
            exact("Vandforbrugsafgift til staten incl. moms pr. kbm."),
            exact("Forbrugerpris kr. pr. stik"),
            exact("Forbrugerpris kr. pr. kbm"),
        ],
        "{c:#?}"
    );
    let first = c
        .iter()
        .find(|c| c.relation.starts_with("Forbrugerpris kr. pr. måler"))
        .unwrap();
    assert_eq!(
        first.relation,
        "Forbrugerpris kr. pr. måler [column 2]: price with moms, Fast afgift kr. pr. måler + Moms kr. pr. måler"
    );
    assert_eq!(first.detail, "348 + 87 = 435");
    // One consumer price printed 440: the one finding, should read 435
    // (436 would be rounding: whole kroner are read as rounded).
    let wrong = tsv.replace(
        "Forbrugerpris kr. pr. måler\t435 kr.",
        "Forbrugerpris kr. pr. måler\t440 kr.",
    );
    assert_ne!(wrong, tsv);
    let c = common::checks_of_tsv(&wrong);
    let f = common::findings(&c);
    assert_eq!(f.len(), 1, "{c:#?}");
    assert_eq!(f[0].0, "Forbrugerpris kr. pr. måler");
    assert_eq!(f[0].3, "435");
}

#[test]
fn a_row_under_a_moms_row_that_does_not_say_so_is_never_an_error() {
    // Two prices with moms hold; the row under the third moms row is a fee
    // of its own (its label says nothing of moms): nothing said of it.
    let c = common::checks_of_tsv(
        "Takster\tKr.\n\
Fast afgift\t348,00\n\
Moms\t87,00\n\
Pris inkl. moms\t435,00\n\
Vandafgift\t3,84\n\
Moms\t0,96\n\
Pris inkl. moms\t4,80\n\
Gebyr\t100,00\n\
Moms\t25,00\n\
Rykkergebyr\t100,00\n",
    );
    assert_eq!(
        with_moms_checks(&c),
        vec![
            ("Pris inkl. moms".to_string(), Verdict::Exact),
            ("Pris inkl. moms".to_string(), Verdict::Exact),
        ],
        "{c:#?}"
    );
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
}

#[test]
fn one_price_with_moms_that_fails_alone_is_said() {
    // The only price with moms misses by 1 kr.: the table establishes
    // nothing, so it is said, never an error.
    let c = common::checks_of_tsv(
        "Takster\tKr.\n\
Fast afgift\t348,00\n\
Moms\t87,00\n\
Forbrugerpris\t436,00\n",
    );
    assert_eq!(
        with_moms_checks(&c),
        vec![("Forbrugerpris".to_string(), Verdict::Skipped)],
        "{c:#?}"
    );
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every price with moms of a correct price list is judged, exact, and
    /// nothing is an error.
    #[test]
    fn correct_prices_with_moms_are_all_judged_exact(p in prices()) {
        let c = common::checks_of_tsv(&price_list(&p, None));
        let with = with_moms_checks(&c);
        prop_assert_eq!(with.len(), p.len() * p[0].len(), "{:#?}", c);
        prop_assert!(with.iter().all(|m| m.1 == Verdict::Exact), "{:#?}", c);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    }

    /// One price with moms moved (the moms above it right) is the one
    /// finding, with its value, where the table holds three such prices or
    /// more (the others establish the reading); with fewer it is said,
    /// never an error.
    #[test]
    fn a_moved_price_with_moms_is_the_one_finding(
        p in prices(),
        pick in any::<prop::sample::Index>(),
        off in prop_oneof![-500i64..=-2, 2i64..=500],
    ) {
        let cols = p[0].len();
        let at = pick.index(p.len() * cols);
        let (b, col) = (at / cols, at % cols);
        let right = p[b][col] + quarter(p[b][col]);
        prop_assume!(right + off > 0);
        let doc = price_list(&p, None);
        // The price list's line of block b, its cell in column col.
        let label = format!("Pris nr. {} inkl. moms", b + 1);
        let moved: String = doc
            .lines()
            .map(|l| {
                if l.starts_with(&format!("{label}\t")) {
                    let mut cells: Vec<String> = l.split('\t').map(str::to_string).collect();
                    cells[col + 1] = kr(right + off);
                    cells.join("\t")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n";
        let c = common::checks_of_tsv(&moved);
        let found = common::findings(&c);
        if p.len() * cols >= 3 {
            prop_assert_eq!(found.len(), 1, "{:#?}", c);
            prop_assert_eq!(&found[0].0, &label);
            prop_assert_eq!(&found[0].1, &format!("Takst {}", 2020 + col));
            prop_assert!(found[0].3.contains(&kr(right)), "{:?}", found);
        } else {
            // Holding in at most one place: not established, said.
            prop_assert!(common::errors(&c).is_empty(), "{:#?}", c);
            prop_assert!(
                with_moms_checks(&c).contains(&(label.clone(), Verdict::Skipped)),
                "{:#?}",
                c
            );
        }
    }
}
