//! A second price column with no header of its own, 125 % of the column
//! before it: the price with moms (`column_relations::claim`; Elnet Midt's
//! connection fees, heldout12, print `ART | KRONER |` over `630.000,00 |
//! 787.500,00`, the moms column unnamed).

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

/// Elnet Midt's table: every row's second price judged as 125 % of the
/// first, none left unsaid.
#[test]
fn an_unnamed_column_of_prices_with_moms_is_judged_by_its_figures() {
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout12",
        "elnet-midt-2023-tilslutningsbidrag-to-kolonner-uden-momsord",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let moms: Vec<&Check> = c
        .iter()
        .filter(|c| c.relation.contains("125 % of"))
        .collect();
    assert_eq!(moms.len(), 12, "{c:#?}");
    assert!(moms.iter().all(|c| c.verdict == Verdict::Exact));
}

/// What the figures do not establish is not read so: 125 % in two rows
/// only, or a column with a name of its own (a year: a rise of a quarter
/// is no moms). In three rows, with one failing, the failing one is the
/// error.
#[test]
fn prices_that_do_not_establish_moms_are_not_read_so() {
    let two = "A\t100,00\t125,00\nB\t80,00\t100,00\nC\t50,00\t70,00\nD\t40,00\t44,00\n";
    let named = "Ydelse\t2025\t2026\nA\t100,00\t125,00\nB\t80,00\t100,00\nC\t50,00\t62,50\nD\t40,00\t50,00\n";
    for doc in [two, named] {
        let c = common::checks_of_tsv(doc);
        assert!(
            common::errors(&c).is_empty(),
            "{doc}\n{:#?}",
            common::errors(&c)
        );
        assert!(
            c.iter().all(|c| !c.relation.contains("125 % of")),
            "{doc}\n{c:#?}"
        );
    }
    let three = two.replace("70,00", "62,50");
    let f = common::findings(&common::checks_of_tsv(&three));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].0.as_str(), f[0].3.as_str()), ("D", "50,00"));
}

/// A price list without a header row: each fee without moms and with
/// moms (125 %, rounded half up to the øre); one fee with moms (`wrong`:
/// row, øre added) misprinted.
fn prices(fees: &[i64], wrong: Option<(usize, i64)>) -> String {
    let mut t = String::new();
    for (i, &f) in fees.iter().enumerate() {
        let with = (f * 125 + 50) / 100;
        let off = match wrong {
            Some((w, off)) if w == i => off,
            _ => 0,
        };
        t += &format!(
            "Gebyr {}\t{}\t{}\n",
            i + 1,
            common::dk_ore(f),
            common::dk_ore(with + off)
        );
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A price list printed right is never an error, every price with moms
    /// judged; one printed wrong is the one finding, with its true value.
    #[test]
    fn unnamed_moms_is_sound_and_names_a_wrong_price(
        // Fees that differ (a list of one fee repeated is judged nowhere:
        // nothing is claimed of an unnamed column whose rows are alike).
        fees in proptest::collection::btree_set(1_000i64..10_000_000, 4..9)
            .prop_map(|s| s.into_iter().collect::<Vec<i64>>()),
        pick in 0usize..100,
        off in prop_oneof![-50_000i64..-10, 10i64..50_000],
    ) {
        let doc = prices(&fees, None);
        let c = common::checks_of_tsv(&doc);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), doc);
        let judged = c
            .iter()
            .filter(|c| c.relation.contains("125 % of")
                && matches!(c.verdict, Verdict::Exact | Verdict::Rounding))
            .count();
        prop_assert_eq!(judged, fees.len(), "{}", doc);
        let w = pick % fees.len();
        let doc = prices(&fees, Some((w, off)));
        let c = common::checks_of_tsv(&doc);
        let f = common::findings(&c);
        prop_assert_eq!(f.len(), 1, "{:#?}\n{}", common::errors(&c), doc);
        let row = format!("Gebyr {}", w + 1);
        let truth = common::dk_ore((fees[w] * 125 + 50) / 100);
        prop_assert_eq!((f[0].0.as_str(), f[0].3.as_str()), (row.as_str(), truth.as_str()), "{}", doc);
    }
}
