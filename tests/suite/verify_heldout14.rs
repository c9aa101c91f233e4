//! What the fourteenth held-out set's first run showed
//! (`tests/data/heldout14/SOURCES.md`): no false error, but most of its
//! benefit-rate rows (`82% - dimittendsats`, `Ungesats (50% sats)`,
//! `Efterløn (91 %) …, fuldtid`) unread, their base a row of another label.
//! A row whose label names a percentage is, in each column, that
//! percentage of the row the figures choose there — a confirmation only.

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::Verdict;

/// The row, column and verdict of every check of a row whose label names
/// a rate (`… % of …`).
fn rates(c: &[sparekrav::verify::Check]) -> Vec<(String, String, Verdict)> {
    c.iter()
        .filter(|c| c.relation.contains("% of "))
        .map(|c| {
            (
                c.row.clone().unwrap_or_default(),
                c.column.clone().unwrap_or_default(),
                c.verdict,
            )
        })
        .collect()
}

#[test]
fn the_rates_of_a_maximum_are_judged_against_the_row_the_figures_choose() {
    // Det Faglige Hus 2022: `Ungesats (50% sats)`, `Uddannelsesløft (80%
    // sats)` and `91% sats` of `Maksimal dagpengesats`, in both columns
    // (9.676 = 50 % of 19.351 = 9.675,5 rounded; 6.451 = 50 % of 12.901).
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout14",
        "det-faglige-hus-satser-2022-fuldtid-deltid-en-celle-pr-linje",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let got = rates(&c);
    let mut want = Vec::new();
    for row in [
        "Ungesats (50% sats)",
        "Uddannelsesløft (80% sats)",
        "91% sats",
    ] {
        for col in ["Fuldtid (kr.)", "Deltid (kr.)"] {
            want.push((row.to_string(), col.to_string(), Verdict::Rounding));
        }
    }
    assert_eq!(got, want);
    assert!(c
        .iter()
        .filter(|c| c.relation.contains("% of "))
        .all(|c| c.relation.contains("of Maksimal dagpengesats")));
}

#[test]
fn a_rate_written_with_a_space_before_its_sign_is_read() {
    // ASE 2024: `62,11 % dimittendsats (…)` and `Dagpenge 118,86 % (…)`
    // of `Dagpenge (100%)` per month (0,6211 × 20.359 = 12.644,97 ->
    // 12.645); the yearly column is twelve rounded months, judged by its
    // own relation, and `82%` of the yearly maximum (200.332,56) fits no
    // row there: never an error, and not said again where `12 × Pr.
    // måned` judges the cell.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout14",
        "ase-dagpengesatser-2024-procent-af-maksimum-i-etiketter",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let monthly: Vec<String> = rates(&c)
        .into_iter()
        .filter(|(_, col, _)| col == "Pr. måned")
        .map(|(row, _, _)| row.split_whitespace().next().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        monthly,
        vec!["Dagpenge", "82%", "71,5%", "62,11", "49,17", "50%"],
        "{c:#?}"
    );
    // The yearly cell is judged by its own relation, not said again.
    let yearly: Vec<Verdict> = c
        .iter()
        .filter(|c| c.relation.starts_with("82%") && c.column.as_deref() == Some("Pr. år"))
        .map(|c| c.verdict)
        .collect();
    assert_eq!(yearly, vec![Verdict::Exact], "{c:#?}");
}

/// 0,91 × 19.351 as printed: to the krone, half away from zero.
fn rate_of(pct_hundredths: i64, base: i64) -> i64 {
    let x = pct_hundredths * base; // in 1/10 000 kroner
    (x + 5_000) / 10_000
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A benefit table: two maxima (full and part time) and rows naming
    /// different percentages of them (two rows of 50 % would also be the
    /// maximum's parts, a reading of their own). Each rate row is judged, against a row
    /// of its base's figure, in each column; one misprinted rate row
    /// (moved by 2 to 40 kroner) is never judged as holding and never an
    /// error (the labels name the rate, not its base), and nothing else
    /// changes.
    #[test]
    fn a_rate_of_a_row_the_figures_choose_is_a_confirmation_never_an_error(
        full in 15_000i64..25_000,
        part_of_full in 60i64..70,
        pcts in prop::sample::subsequence(vec![5000i64, 8000, 8200, 7150, 9100, 11000, 6211, 4917], 2..5),
        planted in prop::option::of((0usize..5, 2i64..40)),
    ) {
        let part = full * part_of_full / 100;
        let mut t = String::from("Satser pr. måned\tFuldtid (kr.)\tDeltid (kr.)\n");
        t.push_str(&format!("Maksimal dagpengesats\t{}\t{}\n", common::dk_int(full), common::dk_int(part)));
        let mut labels = Vec::new();
        for (i, &p) in pcts.iter().enumerate() {
            let pct = if p % 100 == 0 { (p / 100).to_string() } else { format!("{},{}", p / 100, p % 100) };
            let label = format!("Sats {} ({pct}% sats)", i + 1);
            let mut f = rate_of(p, full);
            let d = rate_of(p, part);
            if let Some((at, by)) = planted {
                if at == i {
                    f += by;
                }
            }
            t.push_str(&format!("{label}\t{}\t{}\n", common::dk_int(f), common::dk_int(d)));
            labels.push(label);
        }
        let c = common::checks_of_tsv(&t);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), t);
        for (i, label) in labels.iter().enumerate() {
            for col in ["Fuldtid (kr.)", "Deltid (kr.)"] {
                let judged = c.iter().any(|c| {
                    c.row.as_deref() == Some(label.as_str())
                        && c.column.as_deref() == Some(col)
                        && c.relation.contains("% of Maksimal dagpengesats")
                        && matches!(c.verdict, Verdict::Exact | Verdict::Rounding)
                });
                let misprinted = planted.is_some_and(|(at, _)| at == i) && col == "Fuldtid (kr.)";
                prop_assert_eq!(judged, !misprinted, "{} [{}]\n{:#?}\n{}", label, col, c, t);
            }
        }
    }
}
