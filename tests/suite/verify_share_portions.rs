//! Columns worded as shares that are portions of the row's total column in
//! its unit (src/verify/share_portions.rs): the ATP contribution tables,
//! `Lønmodtagers andel (1/3)` + `Arbejdsgivers andel (2/3)` = `Samlet
//! bidrag`, which were read as per cents and left not understood.

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

fn checks_of_tsv(folder: &str, slug: &str) -> Vec<Check> {
    common::checks_of_tsv(&common::data_tsv(folder, slug))
}

/// Bilag 1 of the order on ATP contributions (heldout13): every row's
/// `Samlet bidrag` judged across the two `andel` columns, nothing left
/// not understood.
#[test]
fn the_atp_table_casts_its_total_across_the_two_portions() {
    let c = checks_of_tsv(
        "heldout13",
        "elov-bekendtgoerelse-atp-bidrag-bilag-1-a-sats-fodnoter-i-overskrift",
    );
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let skipped: Vec<&str> = c
        .iter()
        .filter(|c| c.verdict == Verdict::Skipped)
        .map(|c| c.relation.as_str())
        .collect();
    assert!(skipped.is_empty(), "{skipped:#?}");
    let cross: Vec<&str> = c
        .iter()
        .filter(|c| {
            c.verdict == Verdict::Exact
                && c.column.as_deref() == Some("Samlet bidrag")
                && c.relation.ends_with("sum of 2 columns")
        })
        .filter_map(|c| c.row.as_deref())
        .collect();
    // Every row with a contribution but `Under 39`, `Under 18`, `Under 9`
    // (0,00 = 0,00 + 0,00, which proves nothing) and the rows the column
    // sums of rows judge first.
    assert!(cross.contains(&"Løsarbejdere: Pr. time"), "{cross:#?}");
    assert!(cross.len() >= 9, "{cross:#?}");
}

/// Bilag 5: `Mindst 54` of the fortnightly band prints `15,20` for 38,40 +
/// 76,80 = 115,20 (the published error); it is the one finding, with its
/// true value, and the cross total that fails through it its consequence.
#[test]
fn the_atp_tables_misprinted_total_is_the_one_finding() {
    let c = checks_of_tsv(
        "heldout13",
        "elov-bekendtgoerelse-atp-bidrag-bilag-5-e-sats-kolonnevis",
    );
    let f = common::findings(&c);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
        ("Mindst 54", "Samlet bidrag", "115,20")
    );
    let cross: Vec<&Check> = c
        .iter()
        .filter(|c| {
            c.row.as_deref() == Some("Mindst 54") && c.relation.ends_with("sum of 2 columns")
        })
        .collect();
    assert_eq!(cross.len(), 1);
    assert_eq!(cross[0].verdict, Verdict::Error);
    assert!(cross[0].consequence_of.is_some());
    assert_eq!(
        c.iter().filter(|c| c.verdict == Verdict::Skipped).count(),
        0
    );
}

/// Per cents of each row's own whole, printed without `%`, add up to a
/// constant total by construction: no evidence of portions, so a row that
/// does not (an unprinted category, or a count in the total column) is no
/// error (the review of 2c696b2: `h.txt`, `c1_coinc_min.txt`).
#[test]
fn shares_of_each_rows_own_whole_are_no_portions() {
    for doc in [
        "Kommune\tAndel mænd\tAndel kvinder\tI alt\nA\t48\t52\t100\nB\t50\t50\t100\nC\t47\t51\t100\nD\t49\t51\t100\n",
        "Gruppe\tLønmodtagers andel\tArbejdsgivers andel\tI alt\nNord\t19\t81\t100\nSyd\t58\t42\t100\nØst\t58\t42\t100\nVest\t59\t41\t290\n",
    ] {
        let c = common::checks_of_tsv(doc);
        assert!(common::errors(&c).is_empty(), "{doc}\n{:#?}", common::errors(&c));
    }
}

/// A contribution table: each band's employee and employer portions, and
/// their sum, one sum (`wrong`: row, øre added) misprinted.
fn contributions(parts: &[(i64, i64)], wrong: Option<(usize, i64)>) -> String {
    let mut t = String::from("Bånd\tLønmodtagers andel\tArbejdsgivers andel\tSamlet bidrag\n");
    for (i, &(e, r)) in parts.iter().enumerate() {
        let off = match wrong {
            Some((w, off)) if w == i => off,
            _ => 0,
        };
        t += &format!(
            "Gruppe {}\t{}\t{}\t{}\n",
            i + 1,
            common::dk_ore(e),
            common::dk_ore(r),
            common::dk_ore(e + r + off)
        );
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A contribution table printed right is never an error, every row's
    /// `Samlet bidrag` exact across the two portions; one sum printed wrong
    /// is the one finding, at that figure, with its true value.
    #[test]
    fn portions_are_sound_and_name_a_wrong_total(
        parts in proptest::collection::vec((100i64..50_000, 100i64..100_000), 4..9),
        pick in 0usize..100,
        off in prop_oneof![-5_000i64..-10, 10i64..5_000],
    ) {
        let doc = contributions(&parts, None);
        let c = common::checks_of_tsv(&doc);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), doc);
        let cross = c
            .iter()
            .filter(|c| c.verdict == Verdict::Exact
                && c.column.as_deref() == Some("Samlet bidrag")
                && c.relation.ends_with("sum of 2 columns"))
            .count();
        prop_assert_eq!(cross, parts.len(), "{:#?}\n{}", c, doc);
        let w = pick % parts.len();
        let doc = contributions(&parts, Some((w, off)));
        let c = common::checks_of_tsv(&doc);
        let f = common::findings(&c);
        prop_assert_eq!(f.len(), 1, "{:#?}\n{}", common::errors(&c), doc);
        let (e, r) = parts[w];
        let row = format!("Gruppe {}", w + 1);
        let truth = common::dk_ore(e + r);
        prop_assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
            (row.as_str(), "Samlet bidrag", truth.as_str()),
            "{}", doc
        );
    }
}
