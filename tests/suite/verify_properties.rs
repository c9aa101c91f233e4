//! Property tests for `verify`: sound (rounded printing of exact values is
//! never an error), complete (a figure moved past its relation's slack is
//! always an error), and indifferent to row order and thousands separators.

use crate::common::verify_text;
use proptest::prelude::*;
use sparekrav::money::{round_half_away, Decimal};
use sparekrav::numfmt::{format_number, format_percent, NumberStyle};
use sparekrav::verify::{Check, Options, Verdict};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

fn checks_of(doc: &str) -> Vec<Check> {
    let mut out = Vec::new();
    verify_text(
        "t.txt",
        doc,
        "text",
        NumberStyle::DANISH,
        &Options::default(),
        |t| out.extend(t.checks),
    )
    .unwrap();
    out
}

/// Exact amounts with up to four decimals, none zero.
fn exact_values() -> impl Strategy<Value = Vec<Decimal>> {
    proptest::collection::vec(
        (1i64..100_000_000, any::<bool>())
            .prop_map(|(v, neg)| Decimal::new(if neg { -v } else { v }, 4)),
        1..8,
    )
}

/// A table printed from exact values: items with amounts for two years, the
/// total row, a change column, a percentage change and a share column.
fn table(
    old: &[Decimal],
    new: &[Decimal],
    decimals: u32,
    grouped: bool,
    order: &[usize],
) -> String {
    let style = if grouped {
        NumberStyle::DANISH
    } else {
        NumberStyle::DANISH_UNGROUPED
    };
    let num = |d: Decimal| format_number(d, decimals, style);
    let pct = |d: Decimal| format_percent(d, 1, style);
    let total_old: Decimal = old.iter().sum();
    let total_new: Decimal = new.iter().sum();
    let mut s = String::from(
        "Overskrift over tabellen\nMio. kr.\t2025\t2026\tÆndring\tÆndring i pct.\tAndel\n",
    );
    let row = |label: &str, o: Decimal, n: Decimal| {
        let change_pct = if o.is_zero() {
            "-".to_string()
        } else {
            pct((n - o) / o * Decimal::ONE_HUNDRED)
        };
        let share = if total_new.is_zero() {
            "-".to_string()
        } else {
            pct(n / total_new * Decimal::ONE_HUNDRED)
        };
        format!(
            "{label}\t{}\t{}\t{}\t{change_pct}\t{share}\n",
            num(o),
            num(n),
            num(n - o)
        )
    };
    for &i in order {
        s.push_str(&row(&format!("Post {i}"), old[i], new[i]));
    }
    s.push_str(&row("I alt", total_old, total_new));
    s.push_str("Tekst efter tabellen.\n");
    s
}

fn two_years() -> impl Strategy<Value = (Vec<Decimal>, Vec<Decimal>)> {
    exact_values().prop_flat_map(|old| {
        let n = old.len();
        (
            Just(old),
            proptest::collection::vec((1i64..100_000_000).prop_map(|v| Decimal::new(v, 4)), n),
        )
    })
}

proptest! {
    #![proptest_config(config())]

    /// Figures rounded half away from zero from exact values are never an error.
    #[test]
    fn soundness((old, new) in two_years(), decimals in 0u32..3) {
        let order: Vec<usize> = (0..old.len()).collect();
        let doc = table(&old, &new, decimals, true, &order);
        let checks = checks_of(&doc);
        prop_assert!(!checks.is_empty());
        let errors: Vec<&Check> = checks.iter().filter(|c| c.verdict == Verdict::Error).collect();
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, doc);
        // Judging without words (`--quiet`) gives the same verdicts.
        let mut quiet = Vec::new();
        let options = Options { describe_exact: false, describe_rounding: false, ..Options::default() };
        verify_text("t.txt", &doc, "text", NumberStyle::DANISH, &options, |t| quiet.extend(t.checks)).unwrap();
        let verdicts = |c: &[Check]| c.iter().map(|c| c.verdict).collect::<Vec<_>>();
        prop_assert_eq!(verdicts(&quiet), verdicts(&checks));
    }

    /// A sum of n printed figures has slack (n + 1)·½·10^-d; a total moved by
    /// more than that is always an error, and so is a moved part.
    #[test]
    fn completeness(
        parts in proptest::collection::vec(-1_000_000i64..1_000_000, 1..8),
        decimals in 0u32..3,
        beyond in 1i64..1000,
        move_total in any::<bool>(),
        which in any::<usize>(),
        up in any::<bool>(),
    ) {
        let n = parts.len() as i64;
        // Printed units of 10^-d; slack in those units is (n + 1) / 2.
        let shift = (n + 1) / 2 + beyond;
        let shift = if up { shift } else { -shift };
        let mut printed: Vec<i64> = parts.clone();
        let mut total: i64 = parts.iter().sum();
        if move_total {
            total += shift;
        } else {
            printed[which % parts.len()] += shift;
        }
        let num = |u: i64| format_number(Decimal::new(u, decimals), decimals, NumberStyle::DANISH);
        let mut doc = String::from("Mio. kr.\t2026\n");
        for (i, p) in printed.iter().enumerate() {
            doc.push_str(&format!("Post {i}\t{}\n", num(*p)));
        }
        doc.push_str(&format!("I alt\t{}\n", num(total)));
        let checks = checks_of(&doc);
        prop_assert_eq!(checks.len(), 1);
        prop_assert_eq!(checks[0].verdict, Verdict::Error, "{}\n{}", checks[0].detail, doc);
        // And exactly at the edge of the slack it is still rounding (or exact).
        let edge = if up { (n + 1) / 2 } else { -((n + 1) / 2) };
        let mut doc = String::from("Mio. kr.\t2026\n");
        for (i, p) in parts.iter().enumerate() {
            doc.push_str(&format!("Post {i}\t{}\n", num(*p)));
        }
        doc.push_str(&format!("I alt\t{}\n", num(parts.iter().sum::<i64>() + edge)));
        prop_assert_ne!(checks_of(&doc)[0].verdict, Verdict::Error);
    }

    /// A change column moved past its slack (3·½·10^-d) is an error.
    #[test]
    fn completeness_of_changes(old in -1_000_000i64..1_000_000, new in -1_000_000i64..1_000_000, beyond in 2i64..1000, decimals in 0u32..3) {
        let num = |u: i64| format_number(Decimal::new(u, decimals), decimals, NumberStyle::DANISH);
        let doc = format!("Sager\t2025\t2026\tÆndring\nPost\t{}\t{}\t{}\n", num(old), num(new), num(new - old + beyond));
        let checks = checks_of(&doc);
        prop_assert_eq!(checks.len(), 1);
        prop_assert_eq!(checks[0].verdict, Verdict::Error);
    }

    /// Verdicts do not depend on row order or on the thousands separator.
    #[test]
    fn invariant_under_row_order_and_grouping(
        (old, new) in two_years(),
        decimals in 0u32..3,
        seed in any::<u64>(),
    ) {
        let n = old.len();
        let order: Vec<usize> = (0..n).collect();
        let mut shuffled = order.clone();
        // A deterministic shuffle from the seed.
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let verdicts = |doc: &str| {
            let mut v: Vec<(String, Verdict)> = checks_of(doc).into_iter().map(|c| (c.relation, c.verdict)).collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        };
        let base = verdicts(&table(&old, &new, decimals, true, &order));
        prop_assert_eq!(&verdicts(&table(&old, &new, decimals, true, &shuffled)), &base);
        prop_assert_eq!(&verdicts(&table(&old, &new, decimals, false, &order)), &base);
    }
}

#[test]
fn rounding_is_recognised_at_the_published_example() {
    // The generator's premise: half away from zero, then judged rounding.
    assert_eq!(
        round_half_away(Decimal::new(229508, 4), 1),
        Decimal::new(230, 1)
    );
    let doc = "Mio. kr.\tBeløb\tAndel\nA\t-1,4\t23,0%\nB\t-4,2\t68,9%\nC\t-0,5\t8,2%\nI alt\t-6,1\t100,0%\n";
    let checks = checks_of(doc);
    let sum_of_shares = checks
        .iter()
        .find(|c| c.relation == "I alt [Andel]: sum of 3 rows")
        .unwrap();
    assert_eq!(sum_of_shares.verdict, Verdict::Rounding);
}
