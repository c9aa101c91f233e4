//! Sums by structure the labels rule out, whatever the figures: costs
//! added into an income row (or income into a cost row), and a result
//! added together with its own operands. The adversarial review of the
//! eighth session built the table where both fitted two years of three,
//! and the third was reported wrong.

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::Verdict;

const REVIEWED: &str = "Mio. kr.\t2021\t2022\t2023
Driftsindtægter\t500\t520\t540
Driftsudgifter\t450\t470\t480
Renteindtægter\t10\t12\t14
Renteudgifter\t40\t38\t35
Renter af lån, netto\t-30\t-26\t-21
Resultat\t20\t24\t39
";

#[test]
fn an_income_row_is_no_sum_of_costs_and_a_result_no_sum_with_its_own_operands() {
    // 500 = 450 + 10 + 40 and 520 = 470 + 12 + 38 by chance; 540 was
    // called wrong ("should read 529"). Once that was ruled out, `Resultat`
    // was read as `Renteindtægter` + `Renteudgifter` + `Renter af lån,
    // netto` (twice the interest income: 20, 24) and 39 called wrong.
    let c = common::checks_of_tsv(REVIEWED);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let netto = "Renter af lån, netto".to_string();
    assert_eq!(
        common::verdicts(&c),
        vec![
            (netto.clone(), "2021".into(), Verdict::Exact),
            (netto.clone(), "2022".into(), Verdict::Exact),
            (netto, "2023".into(), Verdict::Exact),
            ("Resultat".into(), "2021".into(), Verdict::Skipped),
        ]
    );
    assert!(c[3].detail.contains("not understood"), "{:#?}", c[3]);
}

#[test]
fn the_surplus_of_greenlands_home_rule_is_read_as_income_less_costs() {
    // Before, `Indtægter` was read as the sum of the two cost rows and the
    // lending under it (it holds where the result is 0, by the accounts'
    // identity); now the surplus row is the difference the table means.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout15",
        "kamikposten-raadgivende-udvalg-1998-tabel-iv1-hjemmestyrets-oekonomi-udgifter-positive",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert!(
        !c.iter().any(|c| c.row.as_deref() == Some("Indtægter")),
        "{c:#?}"
    );
    let surplus: Vec<(&str, &str)> = c
        .iter()
        .filter(|c| c.row.as_deref() == Some("Drifts- og anlægsoverskud"))
        .map(|c| (c.relation.as_str(), c.detail.as_str()))
        .collect();
    assert_eq!(surplus.len(), 5, "{surplus:#?}");
    assert!(
        surplus[0]
            .0
            .ends_with("formula Indtægter - Driftsudgifter - Anlægsudgifter"),
        "{surplus:#?}"
    );
    assert_eq!(surplus[0].1, "4.016 - 3.242 - 594 = 180");
}

#[test]
fn income_rows_under_an_income_row_still_add_up() {
    // The guard looks at the kind of flow only: income parts of an income
    // row are read as before, and a misprint found.
    let t = "Mio. kr.\t2021\t2022\t2023
Driftsindtægter\t500\t520\t545
Skatteindtægter\t300\t310\t320
Renteindtægter\t150\t160\t170
Øvrige indtægter\t50\t50\t50
";
    let c = common::checks_of_tsv(t);
    let f = common::findings(&c);
    assert_eq!(f.len(), 1, "{c:#?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str()),
        ("Driftsindtægter", "2023")
    );
    assert_eq!(f[0].3, "540");
}

/// The review of the first version of the rule: net rows and rows that
/// name both flows combine income and costs, and their misprints are still
/// found (the first version said them not understood, or nothing).
#[test]
fn net_rows_and_rows_naming_both_flows_still_find_their_misprint() {
    let cases = [
        (
            "1.000 kr.\tRegnskab 2023\tBudget 2024\tRegnskab 2024
Børn og unge\t\t\t
Udgifter\t512.300\t520.100\t524.800
Indtægter\t-98.200\t-95.000\t-101.300
Nettoudgifter\t414.100\t425.100\t423.500
Ældre\t\t\t
Udgifter\t1.020.800\t1.050.000\t1.061.200
Indtægter\t-210.300\t-205.000\t-214.900
Nettoudgifter\t810.500\t845.000\t864.300
Nettoudgifter i alt\t1.224.600\t1.270.100\t1.287.800
",
            ("Nettoudgifter", "Regnskab 2024", "846.300"),
        ),
        (
            "1.000 kr.\t2024\t2025\t2026
Brugerbetaling\t-400\t-410\t-420
Refusion af udgifter\t-500\t-540\t-560
Salg af ydelser\t-300\t-310\t-320
Indtægter\t-1.200\t-1.620\t-1.300
",
            ("Indtægter", "2025", "-1.260"),
        ),
        (
            "Mio. kr.\t2023\t2024\t2025
Renteindtægter\t-18,2\t-15,0\t-21,4
Renteudgifter\t9,7\t11,0\t10,3
Renteindtægter og -udgifter\t-8,5\t-4,0\t-11,4
",
            ("Renteindtægter og -udgifter", "2025", "-11,1"),
        ),
    ];
    for (t, (row, col, should)) in cases {
        let c = common::checks_of_tsv(t);
        let f = common::findings(&c);
        assert_eq!(f.len(), 1, "{t}\n{c:#?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
            (row, col, should),
            "{t}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// An income row over cost rows whose sum it equals in every year
    /// but one: never an error, whatever the figures.
    #[test]
    fn costs_are_never_added_into_an_income_row(
        costs in prop::collection::vec(prop::collection::vec(10i64..900, 3), 2..5),
        odd in 0usize..3,
        off in 1i64..200,
    ) {
        let mut income: Vec<i64> = (0..3).map(|y| costs.iter().map(|c| c[y]).sum()).collect();
        income[odd] += off;
        let mut t = String::from("Mio. kr.\t2021\t2022\t2023\n");
        let row = |label: String, v: &[i64]| {
            let cells: Vec<String> = v.iter().map(|x| x.to_string()).collect();
            format!("{label}\t{}\n", cells.join("\t"))
        };
        t.push_str(&row("Driftsindtægter".into(), &income));
        for (i, c) in costs.iter().enumerate() {
            t.push_str(&row(format!("Udgifter til område {i} udgifter"), c));
        }
        let c = common::checks_of_tsv(&t);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), t);
        prop_assert!(!c.iter().any(|c| c.row.as_deref() == Some("Driftsindtægter")), "{:#?}\n{}", c, t);
    }

    /// Two rows, their difference, and a result that equals the three
    /// added (twice the first row) in every year but one: never an error.
    #[test]
    fn a_result_is_never_its_operands_added_to_their_own_difference(
        years in prop::collection::vec((1i64..500, 1i64..500), 3),
        odd in 0usize..3,
        off in 1i64..200,
    ) {
        // Income and costs apart by more than the rounding of three whole
        // figures: else the pair alone, `Renteindtægter` + `Renteudgifter`,
        // is twice the income within rounding, a reading of its own.
        prop_assume!(years.iter().all(|&(a, b)| (a - b).abs() >= 3));
        let netto: Vec<i64> = years.iter().map(|&(a, b)| a - b).collect();
        let mut result: Vec<i64> = years.iter().map(|&(a, _)| 2 * a).collect();
        result[odd] += off;
        let row = |label: &str, v: Vec<i64>| {
            let cells: Vec<String> = v.iter().map(|x| x.to_string()).collect();
            format!("{label}\t{}\n", cells.join("\t"))
        };
        let t = [
            "Mio. kr.\t2021\t2022\t2023\n".to_string(),
            row("Renteindtægter", years.iter().map(|y| y.0).collect()),
            row("Renteudgifter", years.iter().map(|y| y.1).collect()),
            row("Renter, netto", netto),
            row("Resultat", result),
        ]
        .concat();
        let c = common::checks_of_tsv(&t);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), t);
    }
}
