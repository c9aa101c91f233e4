//! Price levels (PL): `report --prisniveau` converts exactly (rounding only at
//! display), every table says its price level, and converting to a level and
//! back gives the original amounts: exactly from a later level, to the øre
//! from an earlier one (the precision rule of `sparekrav::pl`).

use crate::common::{cells, run_on_yaml, text_table};
use proptest::prelude::*;
use sparekrav::money::{round_half_away, Decimal};
use sparekrav::pl::{convert, convert_tables, factor, inverse, PlSkøn};
use sparekrav::table::{Cell, Column, ColumnKind, Row, RowKind, Table};

const PL: &str = "titel: PL
enhed: mio. kr.
år: [2026, 2027]
prisniveau: 2026
pl_skøn:
  2027: {løn: 3.2, priser: 2.0, samlet: 2.8}
  2028: {samlet: 2.5}
konti: {service: {navn: Konto 6 (service), kort: konto 6}}
besparelseskrav: {service: {2026: 6.1, 2027: 15.9}}
";

#[test]
fn report_converts_and_says_the_price_level() {
    let title = |y: i32| {
        format!("Konto 6 (service): besparelseskrav og realiserede besparelser ({y}-priser)")
    };
    let (code, out, err) = run_on_yaml(&["report"], PL.as_bytes());
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        cells(&text_table(&out, &title(2026)))[2],
        vec!["Besparelseskrav", "6,1", "15,9"]
    );
    // × 1,028 × 1,025 = × 1,0537: 6,1 → 6,42757; 15,9 → 16,75383.
    let (code, out, _) = run_on_yaml(
        &["report", "--prisniveau", "2028", "--unit", "kr"],
        PL.as_bytes(),
    );
    assert_eq!(code, 0);
    assert_eq!(
        cells(&text_table(&out, &title(2028)))[2],
        vec!["Besparelseskrav", "6.427.570", "16.753.830"]
    );
    let (code, out, _) = run_on_yaml(
        &["report", "--prisniveau", "2028", "--format", "json"],
        PL.as_bytes(),
    );
    assert_eq!(code, 0);
    assert!(out.contains("Omregnet fra 2026- til 2028-priser med pris- og lønskønnet (samlet)"));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cell = &v["tables"][0]["rows"][1]["cells"][0];
    assert_eq!(cell["exact"], "6.42757");
    assert_eq!(cell["shown"], "6.4");
}

#[test]
fn an_earlier_level_says_how_exact_it_is() {
    let in_2027 = PL.replace("prisniveau: 2026", "prisniveau: 2027");
    let (code, out, _) = run_on_yaml(&["report", "--prisniveau", "2026"], in_2027.as_bytes());
    assert_eq!(code, 0);
    // 6,1 / 1,028 = 5,93385...; 15,9 / 1,028 = 15,46692...
    assert_eq!(
        cells(&text_table(
            &out,
            "Konto 6 (service): besparelseskrav og realiserede besparelser (2026-priser)"
        ))[2],
        vec!["Besparelseskrav", "5,9", "15,5"]
    );
    assert!(out.contains("2027-priser omregnet til 2026-priser: division med pris- og lønskønnet, regnet med 28 betydende cifre"));
    // A division that terminates is exact and needs no note.
    let exact = in_2027.replace("samlet: 2.8", "samlet: 25");
    let (_, out, _) = run_on_yaml(&["report", "--prisniveau", "2026"], exact.as_bytes());
    assert!(!out.contains("omregnet"), "{out}");
    assert!(out.contains("|  4,9 | 12,7 |"), "{out}");
}

#[test]
fn the_wage_index_on_request() {
    // 6,1 × 1,032 = 6,2952; 15,9 × 1,032 = 16,4088.
    let (code, out, err) = run_on_yaml(
        &[
            "report",
            "--prisniveau",
            "2027",
            "--pl-indeks",
            "løn",
            "--unit",
            "kr",
        ],
        PL.as_bytes(),
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        cells(&text_table(
            &out,
            "Konto 6 (service): besparelseskrav og realiserede besparelser (2027-priser)"
        ))[2],
        vec!["Besparelseskrav", "6.295.200", "16.408.800"]
    );
    assert!(out.contains("Omregnet fra 2026- til 2027-priser med pris- og lønskønnet (løn)\n"));
    let (code, _, err) = run_on_yaml(
        &["report", "--prisniveau", "2028", "--pl-indeks", "løn"],
        PL.as_bytes(),
    );
    assert_eq!(code, 2);
    assert!(err.contains("no pris- og lønskøn (løn) for 2028"), "{err}");
}

#[test]
fn missing_skøn_or_price_level_is_bad_input() {
    let (code, _, err) = run_on_yaml(&["report", "--prisniveau", "2029"], PL.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "s.yaml:5:1: pl_skøn: no pris- og lønskøn (samlet) for 2029: add it under `pl_skøn` to convert between 2026- and 2029-priser\n"
    );
    let no_level = PL.replace("prisniveau: 2026\n", "");
    let (code, _, err) = run_on_yaml(&["report", "--prisniveau", "2027"], no_level.as_bytes());
    assert_eq!(code, 2);
    assert!(
        err.contains("the scenario does not state the price level"),
        "{err}"
    );
    let bad = PL.replace("samlet: 2.5", "samlet: -100");
    let (code, _, err) = run_on_yaml(&["report"], bad.as_bytes());
    assert_eq!(code, 2);
    assert!(
        err.contains("pl_skøn.2028.samlet: -100 % is not a growth rate"),
        "{err}"
    );
}

#[test]
fn a_zero_amount_converts_to_zero() {
    // 6,1 − 6,1 = 0,0 in I alt konto 6: zero at any price level, not an error.
    let zero = format!(
        "{PL}realiserede_besparelser: {{service: {{i_alt: {{2026: -6.1, 2027: -6.1}}}}}}\n"
    );
    for level in ["2028", "2025"] {
        let zero = zero.replace(
            "2028: {samlet: 2.5}",
            "2028: {samlet: 2.5}\n  2026: {samlet: 2.0}",
        );
        let (code, out, err) = run_on_yaml(
            &["report", "--prisniveau", level, "--unit", "kr"],
            zero.as_bytes(),
        );
        assert_eq!((code, err.as_str()), (0, ""), "{level}");
        let rows = text_table(
            &out,
            &format!(
                "Konto 6 (service): besparelseskrav og realiserede besparelser ({level}-priser)"
            ),
        );
        assert_eq!(
            cells(&rows)[4][..2],
            ["I alt konto 6", "0"],
            "{level}: {out}"
        );
    }
    assert_eq!(
        convert(
            Decimal::ZERO,
            factor(
                &[PlSkøn {
                    year: 2027,
                    løn: None,
                    priser: None,
                    samlet: Some(Decimal::new(28, 1))
                }],
                2026,
                2027
            )
            .unwrap()
        ),
        Ok(Decimal::ZERO)
    );
}

#[test]
fn follow_up_words_say_the_price_level_of_their_amounts() {
    // The table is converted to 2026-priser; the words under it give the
    // scenario's own amounts, and must say in which prices.
    let yaml = "titel: FU
enhed: mio. kr.
prisniveau: 2025
pl_skøn:
  2026: {samlet: 10}
budgetopfølgning:
  år: 2025
  dele:
    - {navn: Service, art: service, korrigeret: 100, forventet: 90, brug_af_opsparing: 5}
";
    let (code, out, err) = run_on_yaml(&["report", "--prisniveau", "2026"], yaml.as_bytes());
    assert_eq!((code, err.as_str()), (0, ""));
    let t = text_table(&out, "Budgetopfølgning (budgetår 2025) (2026-priser)");
    assert_eq!(
        cells(&t)[1],
        ["Service", "110,0", "99,0", "-11,0", "-", "-"]
    );
    assert!(
        out.lines().any(|l| l
            == "Service: forventet mindreforbrug på 10,0 mio. kr. (2025-priser); forventer at bruge opsparede midler på 5,0 mio. kr. (2025-priser)."),
        "{out}"
    );
}

fn skøn() -> impl Strategy<Value = Vec<PlSkøn>> {
    proptest::collection::vec(-50i64..150, 5).prop_map(|rates| {
        rates
            .iter()
            .enumerate()
            .map(|(i, r)| PlSkøn {
                year: 2026 + i as i32,
                løn: None,
                priser: None,
                samlet: Some(Decimal::new(*r, 1)),
            })
            .collect()
    })
}

fn kroner() -> impl Strategy<Value = Decimal> {
    // Zero (a total that nets out) on purpose: it is exact at every level.
    prop_oneof![
        1 => Just(Decimal::ZERO),
        9 => (-100_000_000_000_000i64..100_000_000_000_000).prop_map(|o| Decimal::new(o, 2)),
    ]
}

proptest! {
    /// To a later level and back: the exact original.
    #[test]
    fn later_level_and_back_is_exact(s in skøn(), a in kroner(), from in 2026..2031i32, to in 2026..2031i32) {
        let (lo, hi) = (from.min(to), from.max(to));
        let f = factor(&s, lo, hi).unwrap();
        let there = convert(a, f).unwrap();
        prop_assert_eq!(convert(there, inverse(f)).unwrap(), a);
    }

    /// To an earlier level: the quotient carries 28 significant digits, so
    /// multiplied back it is the original within 10^-12 kr. (to the øre).
    #[test]
    fn earlier_level_is_within_the_precision_rule(s in skøn(), a in kroner(), from in 2026..2031i32, to in 2026..2031i32) {
        let (lo, hi) = (from.min(to), from.max(to));
        prop_assume!(lo < hi);
        let f = factor(&s, hi, lo).unwrap();
        let there = convert(a, f).unwrap();
        let sparekrav::pl::Factor::Divide(x) = f else { panic!("to an earlier level divides") };
        // Back by the rounding product on purpose: the precision rule is the point.
        #[allow(clippy::disallowed_methods)]
        let back = there.checked_mul(x).unwrap();
        prop_assert_eq!(round_half_away(back, 2), a);
        prop_assert!((back - a).abs() < Decimal::new(1, 12), "{} vs {}", back, a);
    }

    /// Whole tables: amounts converted, shares untouched, and back exactly.
    #[test]
    fn tables_round_trip_exactly(s in skøn(), amounts in proptest::collection::vec(kroner(), 1..8), share in 0i64..1000) {
        let table = Table {
            id: "t".into(),
            title: "t".into(),
            stub: None,
            columns: vec![Column { label: "2026".into(), kind: ColumnKind::Amount }],
            rows: amounts
                .iter()
                .map(|a| Row { label: "r".into(), kind: RowKind::Item, cells: vec![Cell::Amount(*a), Cell::Share(Decimal::new(share, 1)), Cell::Unknown] })
                .collect(),
            notes: vec![],
        };
        let f = factor(&s, 2026, 2030).unwrap();
        let mut t = vec![table.clone()];
        convert_tables(&mut t, f).unwrap();
        for (r, a) in t[0].rows.iter().zip(&amounts) {
            prop_assert_eq!(r.cells[0], Cell::Amount(convert(*a, f).unwrap()));
            prop_assert_eq!(r.cells[1], Cell::Share(Decimal::new(share, 1)));
            prop_assert_eq!(r.cells[2], Cell::Unknown);
        }
        convert_tables(&mut t, inverse(f)).unwrap();
        prop_assert_eq!(&t[0], &table);
    }
}
