//! Property tests for the calculator's promises (issue 2).

use std::collections::BTreeMap;
use std::str::FromStr;

use proptest::prelude::*;
use sparekrav::calc;
use sparekrav::check::{run_all, Status};
use sparekrav::model::{Breakdown, Dimension, Initiative, Konto, Realiseret, Scenario, YearValues};
use sparekrav::money::{round_half_away, Decimal, Exact, Figure};
use sparekrav::numfmt::{format_number, parse_number, NumberStyle};
use sparekrav::report;
use sparekrav::table::{largest_remainder, Cell, Lang, RowKind};

const YEARS: [i32; 4] = [2026, 2027, 2028, 2029];
const CENTERS: [&str; 3] = ["Nord", "Midt", "Syd"];
const KATEGORIER: [&str; 2] = ["Medarbejdere", "Reducerede udgifter"];

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

/// An amount in kr. with øre, up to ±10 mia. kr.
fn amount() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000_000i64..1_000_000_000_000i64).prop_map(|ore| Decimal::new(ore, 2))
}

/// Amounts per year, some years missing (unknown).
fn year_values() -> impl Strategy<Value = YearValues> {
    proptest::collection::vec(proptest::option::weighted(0.8, amount()), 4).prop_map(|v| {
        YearValues(
            YEARS
                .iter()
                .zip(v)
                .filter_map(|(y, a)| a.map(|a| (*y, a)))
                .collect(),
        )
    })
}

fn full_year_values() -> impl Strategy<Value = YearValues> {
    proptest::collection::vec(amount(), 4)
        .prop_map(|v| YearValues(YEARS.iter().copied().zip(v).collect()))
}

fn base_scenario() -> Scenario {
    Scenario {
        title: "t".into(),
        years: YEARS.to_vec(),
        konti: vec![
            Konto {
                id: "service".into(),
                name: "Konto 6 (service)".into(),
                short: "konto 6".into(),
                hovedkonto: Some(6),
            },
            Konto {
                id: "indsats".into(),
                name: "Konto 5 (indsats)".into(),
                short: "konto 5".into(),
                hovedkonto: Some(5),
            },
        ],
        dimensions: vec![
            Dimension {
                name: "center".into(),
                members: CENTERS.iter().map(|s| s.to_string()).collect(),
            },
            Dimension {
                name: "kategori".into(),
                members: KATEGORIER.iter().map(|s| s.to_string()).collect(),
            },
        ],
        ..Scenario::default()
    }
}

/// Initiatives tagged with a center and a kategori, all years known.
fn initiatives() -> impl Strategy<Value = Vec<Initiative>> {
    proptest::collection::vec((0..3usize, 0..2usize, full_year_values()), 1..12).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (c, k, amounts))| Initiative {
                name: format!("i{i}"),
                tags: BTreeMap::from([
                    ("center".to_string(), CENTERS[c].to_string()),
                    ("kategori".to_string(), KATEGORIER[k].to_string()),
                ]),
                amounts,
            })
            .collect()
    })
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

proptest! {
    #![proptest_config(config())]

    /// gap = krav + realiseret, exactly, for any figures; unknown if either is.
    #[test]
    fn gap_is_krav_plus_realized(krav in year_values(), real in year_values()) {
        let mut s = base_scenario();
        s.besparelseskrav.insert("service".into(), krav.clone());
        s.realiseret.insert("service".into(), Realiseret { total: Some(real.clone()), ..Realiseret::default() });
        for y in YEARS {
            let want = match (krav.0.get(&y), real.0.get(&y)) {
                (Some(k), Some(r)) => Figure::Known(*k + *r),
                _ => Figure::Unknown,
            };
            prop_assert_eq!(calc::gap(&s, "service", y).unwrap(), want);
        }
    }

    /// Breakdowns of generated initiatives by every dimension reconcile exactly
    /// with their total, and marginal breakdowns derived from them pass `check`.
    #[test]
    fn breakdowns_of_initiatives_reconcile(inits in initiatives()) {
        let mut s = base_scenario();
        s.realiseret.insert("service".into(), Realiseret { initiatives: inits.clone(), ..Realiseret::default() });
        for y in YEARS {
            let total = calc::realiseret(&s, "service", y).unwrap();
            let want: Decimal = inits.iter().map(|i| i.amounts.0[&y]).sum();
            prop_assert_eq!(total, Figure::Known(want));
            for dim in ["center", "kategori"] {
                let parts = calc::breakdown(&s, "service", dim, y).unwrap().unwrap();
                let sum = Figure::sum(parts.iter().map(|(_, f)| *f), "t").unwrap();
                prop_assert_eq!(sum, total);
            }
        }
        // The same figures given as a stated total and marginal breakdowns.
        let mut marginal = Realiseret { initiatives: inits.clone(), ..Realiseret::default() };
        let mut totals = BTreeMap::new();
        for y in YEARS {
            totals.insert(y, calc::realiseret(&s, "service", y).unwrap().known().unwrap());
        }
        marginal.total = Some(YearValues(totals));
        for dim in ["center", "kategori"] {
            let members = s.dimension(dim).unwrap().members.clone();
            let mut parts = Vec::new();
            for m in members {
                let mut per_year = BTreeMap::new();
                for y in YEARS {
                    let v: Decimal = inits.iter().filter(|i| i.tags[dim] == m).map(|i| i.amounts.0[&y]).sum();
                    per_year.insert(y, v);
                }
                parts.push((m, YearValues(per_year)));
            }
            marginal.breakdowns.push(Breakdown { dimension: dim.to_string(), parts });
        }
        s.realiseret.insert("service".into(), marginal);
        let findings = run_all(&s).unwrap();
        prop_assert!(!findings.is_empty());
        prop_assert!(findings.iter().all(|f| f.status == Status::Holds), "{:?}", findings);
    }

    /// A breakdown that is off by any non-zero amount fails `check`, and the
    /// message gives the exact difference.
    #[test]
    fn a_breakdown_off_by_anything_fails(parts in proptest::collection::vec(amount(), 1..5), off in amount()) {
        prop_assume!(!off.is_zero());
        let mut s = base_scenario();
        let total: Decimal = parts.iter().sum();
        let stated = total + off;
        s.realiseret.insert("service".into(), Realiseret {
            total: Some(YearValues(BTreeMap::from([(2026, stated)]))),
            breakdowns: vec![Breakdown {
                dimension: "center".into(),
                parts: parts.iter().enumerate().map(|(i, a)| (format!("c{i}"), YearValues(BTreeMap::from([(2026, *a)])))).collect(),
            }],
            ..Realiseret::default()
        });
        let findings = run_all(&s).unwrap();
        prop_assert_eq!(findings.len(), 1);
        prop_assert_eq!(findings[0].status, Status::Fails);
        let expected_off = format!("off by {}", sparekrav::check::kr(-off));
        prop_assert!(findings[0].message.ends_with(&expected_off), "{}", findings[0].message);
    }

    /// Largest-remainder shares add up to exactly 100,0 and each differs from
    /// its exact share by less than 0,1.
    #[test]
    fn largest_remainder_shares(parts in proptest::collection::vec(1i64..10_000_000_000, 1..12)) {
        let total: i64 = parts.iter().sum();
        let exact: Vec<Decimal> = parts
            .iter()
            .map(|p| calc::share(Figure::Known(Decimal::from(*p)), Figure::Known(Decimal::from(total))).unwrap().known().unwrap())
            .collect();
        let shown = largest_remainder(&exact, d("100.0"), 1).unwrap();
        prop_assert_eq!(shown.iter().copied().sum::<Decimal>(), d("100.0"));
        for (s, e) in shown.iter().zip(&exact) {
            prop_assert!((*s - *e).abs() < d("0.1"), "{} vs {}", s, e);
            prop_assert!(s.scale() <= 1);
        }
    }

    /// Every midpoint rounds away from zero, at every number of decimals.
    #[test]
    fn half_away_from_zero_at_every_midpoint(n in 0i64..1_000_000_000_000, decimals in 0u32..8) {
        // (n + 0,5) · 10^-decimals
        let mid = Decimal::new(n * 10 + 5, decimals + 1);
        let up = Decimal::new(n + 1, decimals);
        prop_assert_eq!(round_half_away(mid, decimals), up);
        prop_assert_eq!(round_half_away(-mid, decimals), -up);
        // Just below the midpoint rounds down.
        let below = Decimal::new(n * 100 + 49, decimals + 2);
        prop_assert_eq!(round_half_away(below, decimals), Decimal::new(n, decimals));
    }

    /// Exact multiplication is exact: a product whose digits fit is returned
    /// and equals the integer product of the mantissas, zero factors
    /// included (`0,0 · 9.654,8` once came back refused as "too many digits",
    /// which skipped every 0,0% share of a table).
    #[test]
    fn exact_products_that_fit_are_given_and_right(
        a in -1_000_000_000_000i64..1_000_000_000_000, sa in 0u32..14,
        b in -1_000_000_000_000i64..1_000_000_000_000, sb in 0u32..14,
        zero in 0u8..4,
    ) {
        let a = if zero == 0 { 0 } else { a };
        let (x, y) = (Decimal::new(a, sa), Decimal::new(b, sb));
        let want = Decimal::from_i128_with_scale(i128::from(a) * i128::from(b), sa + sb);
        prop_assert_eq!(x.exact_mul(y), Some(want));
        prop_assert_eq!(y.exact_mul(x), Some(want));
        // A sum of two such figures fits too.
        let sum = Decimal::from_i128_with_scale(
            i128::from(a) * 10i128.pow(sb.max(sa) - sa) + i128::from(b) * 10i128.pow(sb.max(sa) - sb),
            sa.max(sb),
        );
        prop_assert_eq!(x.exact_add(y), Some(sum));
    }

    /// The exact sum is rust_decimal's own addition, scale and sign of zero
    /// included, wherever that addition loses nothing, and is refused only
    /// where it overflows or rounds.
    #[test]
    #[allow(clippy::disallowed_methods)]
    fn exact_sums_agree_with_rust_decimal(
        a in any::<i64>(), sa in 0u32..29,
        b in any::<i64>(), sb in 0u32..29,
        wide in 0u8..4, same in any::<bool>(),
    ) {
        // Now and then a mantissa beyond 2^63, or the other's negation.
        let a = if wide == 0 { i128::from(a) << 30 } else { i128::from(a) };
        let (b, sb) = if same { (-a, sa) } else { (i128::from(b), sb) };
        let (x, y) = (
            Decimal::try_from_i128_with_scale(a, sa).unwrap(),
            Decimal::try_from_i128_with_scale(b, sb).unwrap(),
        );
        let general = x.checked_add(y);
        match x.exact_add(y) {
            Some(r) => {
                let g = general.unwrap();
                prop_assert_eq!(r, g);
                prop_assert_eq!(r.scale(), g.scale());
                prop_assert_eq!(r.to_string(), g.to_string());
            }
            // Refused only where the general addition overflows or rounds.
            None => prop_assert!(general.is_none_or(|g| g.scale() < sa.max(sb))),
        }
    }

    /// Formatting then parsing a Danish (or English) number gives back the
    /// rounded value and the number of decimals printed.
    #[test]
    fn danish_format_parse_round_trip(x in amount(), decimals in 0u32..4, english in any::<bool>()) {
        let style = if english { NumberStyle::ENGLISH } else { NumberStyle::DANISH };
        let text = format_number(x, decimals, style);
        let parsed = parse_number(&text, style).unwrap();
        prop_assert_eq!(parsed.value, round_half_away(x, decimals));
        prop_assert_eq!(parsed.decimals, decimals);
        prop_assert!(!parsed.percent);
        // Ungrouped Danish (as in CSV cells) reads back the same.
        let plain = format_number(x, decimals, NumberStyle::DANISH_UNGROUPED);
        prop_assert_eq!(parse_number(&plain, NumberStyle::DANISH).unwrap().value, parsed.value);
    }

    /// Unknown figures make every total that depends on them unknown, and only those.
    #[test]
    fn unknown_propagates_to_every_dependent_total(
        k6 in year_values(), r6 in year_values(), k5 in year_values(),
    ) {
        let mut s = base_scenario();
        s.besparelseskrav.insert("service".into(), k6.clone());
        s.besparelseskrav.insert("indsats".into(), k5.clone());
        s.realiseret.insert("service".into(), Realiseret { total: Some(r6.clone()), ..Realiseret::default() });
        let tables = report::build(&s, Lang::Da).unwrap();
        let konto6 = tables.iter().find(|t| t.id == "konto-service").unwrap();
        let total6 = konto6.rows.iter().find(|r| r.kind == RowKind::Total).unwrap();
        let all = tables.iter().find(|t| t.id == "besparelseskrav-i-alt").unwrap();
        let grand = all.rows.iter().find(|r| r.kind == RowKind::Total).unwrap();
        for (i, y) in YEARS.iter().enumerate() {
            let gap_known = k6.0.contains_key(y) && r6.0.contains_key(y);
            prop_assert_eq!(matches!(total6.cells[i], Cell::Amount(_)), gap_known);
            prop_assert_eq!(matches!(total6.cells[i], Cell::Unknown), !gap_known);
            let sum_known = k6.0.contains_key(y) && k5.0.contains_key(y);
            match grand.cells[i] {
                Cell::Amount(v) => {
                    prop_assert!(sum_known);
                    prop_assert_eq!(v, k6.0[y] + k5.0[y]);
                }
                Cell::Unknown => prop_assert!(!sum_known),
                other => prop_assert!(false, "unexpected cell {:?}", other),
            }
        }
    }
}
