//! A budget follow-up's `Korrigeret budget` = `Oprindeligt budget` + the
//! appropriation changes printed between them
//! (src/verify/corrected_budget.rs), and a relation's failure in a total row
//! that carries a part's failure (attribute.rs, `carried_into_totals`).
//! Review S1 of the tenth session: a misprinted corrected budget in a
//! follow-up of three or four areas, from which the total and the afvigelse
//! were computed, gave no line at all.

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

fn checks(doc: &str) -> Vec<Check> {
    common::checks_of_text(doc)
}

fn of<'a>(c: &'a [Check], relation_has: &str) -> Vec<(&'a str, Verdict)> {
    c.iter()
        .filter(|c| c.relation.contains(relation_has))
        .map(|c| (c.row.as_deref().unwrap_or(""), c.verdict))
        .collect()
}

/// The review's file (`S1_korrigeret_budget_silent.txt`): Skoler's
/// corrected budget reads 505.500 for 498.300 + 6.750 = 505.050, and `I
/// alt` and the afvigelse were computed from the wrong figure.
const S1: &str = "Budgetopfølgning pr. 31. oktober 2026 (1.000 kr.)

Bevillingsområde\tOprindeligt budget\tTillægsbevillinger\tKorrigeret budget\tForventet regnskab\tMer-/mindreforbrug
Dagtilbud\t312.450\t-4.200\t308.250\t305.118\t-3.132
Skoler\t498.300\t6.750\t505.500\t511.402\t5.902
Social\t221.780\t-1.120\t220.660\t219.990\t-670
I alt\t1.032.530\t1.430\t1.034.410\t1.036.510\t2.100
";

/// The one error that is no consequence of another.
fn one_finding(c: &[Check]) -> &Check {
    let f: Vec<&Check> = c
        .iter()
        .filter(|c| c.verdict == Verdict::Error && c.consequence_of.is_none())
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", common::errors(c));
    f[0]
}

const NAMED: &str = "Oprindeligt budget + Tillægsbevillinger";

#[test]
fn a_misprinted_corrected_budget_in_a_small_follow_up_is_one_finding() {
    let c = checks(S1);
    // No one figure's correction mends every relation (the total and the
    // afvigelse agree with the printed 505.500): the relation is the
    // finding, in Skoler's row, and its words say what the sum is.
    let f = one_finding(&c);
    assert_eq!(
        (f.row.as_deref(), f.column.as_deref()),
        (Some("Skoler"), Some("Korrigeret budget"))
    );
    assert!(f.correction.is_none());
    assert!(f.detail.ends_with("it should read 505.050"), "{}", f.detail);
    assert_eq!(
        of(&c, NAMED),
        vec![
            ("Dagtilbud", Verdict::Exact),
            ("Skoler", Verdict::Error),
            ("Social", Verdict::Exact),
            ("I alt", Verdict::Error),
        ]
    );
    // The total carries Skoler's 450: a consequence, not a second finding.
    let total = c
        .iter()
        .find(|c| c.row.as_deref() == Some("I alt") && c.relation.contains(NAMED))
        .expect("the total row's relation");
    assert_eq!(
        total.consequence_of.as_deref(),
        Some("Skoler [Korrigeret budget]: Oprindeligt budget + Tillægsbevillinger")
    );
    assert!(
        total.detail.ends_with("carried into \"I alt\" by its sums"),
        "{}",
        total.detail
    );
    // Printed right (and the total and afvigelse with it), all holds.
    let right = S1
        .replace("505.500\t511.402\t5.902", "505.050\t511.402\t6.352")
        .replace("1.034.410\t1.036.510\t2.100", "1.033.960\t1.036.510\t2.550");
    let c = checks(&right);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert_eq!(
        of(&c, NAMED)
            .iter()
            .filter(|x| x.1 == Verdict::Exact)
            .count(),
        4
    );
}

#[test]
fn where_most_appropriation_changes_are_nil_the_one_that_is_not_tells() {
    // Review set `kset`, file 0: only Ungdomsskole has a tillægsbevilling,
    // and its corrected budget is 1.000 off (115.134 printed 116.134).
    let doc = "Budgetopfølgning 3, 2026 (1.000 kr.)

Bevillingsområde\tOprindeligt budget\tTillægsbevillinger\tKorrigeret budget\tForventet regnskab\tAfvigelse\tAfvigelse i pct.
Sygedagpenge\t59.372\t0\t59.372\t60.072\t700\t1,2
Vej og park\t169.470\t0\t169.470\t168.536\t-934\t-0,6
Ungdomsskole\t123.705\t-8.571\t116.134\t110.900\t-5.234\t-4,5
Børn og familie\t394.853\t0\t394.853\t413.503\t18.650\t4,7
Dagtilbud\t496.854\t0\t496.854\t472.276\t-24.578\t-4,9
Socialpsykiatri\t263.550\t0\t263.550\t270.760\t7.210\t2,7
Kontanthjælp\t404.253\t0\t404.253\t422.853\t18.600\t4,6
I alt\t1.912.057\t-8.571\t1.904.486\t1.918.900\t14.414\t0,8
";
    let c = checks(doc);
    let f = one_finding(&c);
    assert_eq!(
        (f.row.as_deref(), f.column.as_deref()),
        (Some("Ungdomsskole"), Some("Korrigeret budget"))
    );
    assert!(f.detail.ends_with("it should read 115.134"), "{}", f.detail);
    assert_eq!(
        common::errors(&c).len(),
        2,
        "the finding and I alt's consequence"
    );
}

#[test]
fn a_corrected_budget_that_holds_more_than_the_table_shows_is_not_judged() {
    // Carry-overs from last year are in the corrected budget of every area
    // but not in a column: the headers' relation fails in three rows of
    // three, and nothing is judged by it (no error on a correct table).
    let doc = "Bevillingsområde\tOprindeligt budget\tTillægsbevillinger\tKorrigeret budget\tForventet regnskab
Dagtilbud\t312.450\t-4.200\t310.112\t305.118
Skoler\t498.300\t6.750\t507.913\t511.402
Social\t221.780\t-1.120\t221.004\t219.990
I alt\t1.032.530\t1.430\t1.039.029\t1.036.510
";
    let c = checks(doc);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert!(of(&c, NAMED).is_empty(), "{:#?}", of(&c, NAMED));
    // Shown as a column between them, the carry-overs complete it.
    let shown = "Bevillingsområde\tOprindeligt budget\tTillægsbevillinger\tOverførsler fra 2025\tKorrigeret budget
Dagtilbud\t312.450\t-4.200\t1.862\t310.112
Skoler\t498.300\t6.750\t2.863\t507.913
Social\t221.780\t-1.120\t344\t221.004
I alt\t1.032.530\t1.430\t5.069\t1.039.029
";
    let c = checks(shown);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert_eq!(
        of(
            &c,
            "Oprindeligt budget + Tillægsbevillinger + Overførsler fra 2025"
        )
        .iter()
        .filter(|x| x.1 == Verdict::Exact)
        .count(),
        4
    );
}

#[test]
fn a_column_between_that_is_no_appropriation_change_is_no_part() {
    // `Forbrug` between the two budgets: the headers name nothing, and
    // the figures of three rows are no relation.
    let doc = "Område\tOprindeligt budget\tForbrug\tKorrigeret budget
Dagtilbud\t312.450\t150.000\t308.250
Skoler\t498.300\t250.100\t505.050
Social\t221.780\t110.000\t220.660
I alt\t1.032.530\t510.100\t1.033.960
";
    let c = checks(doc);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert!(of(&c, "Oprindeligt budget + Forbrug").is_empty());
}

/// A follow-up of `areas` (original budget, tillægsbevilling, carry-over,
/// forventet − korrigeret), the carry-overs in a column when `shown`; with
/// `wrong` = (area, off) that area's corrected budget printed `off` from its
/// true value, and, when `derived`, the total and the afvigelse computed
/// from the printed figure (a spreadsheet's formulas), else from the true
/// one.
fn follow_up(
    areas: &[(i64, i64, i64, i64)],
    shown: bool,
    wrong: Option<(usize, i64, bool)>,
) -> String {
    let carry = if shown { "\tOverførsler fra 2025" } else { "" };
    let mut doc = format!(
        "Budgetopfølgning (1.000 kr.)\n\nBevillingsområde\tOprindeligt budget\tTillægsbevillinger{carry}\tKorrigeret budget\tForventet regnskab\tAfvigelse\n"
    );
    let mut sums = [0i64; 6];
    for (i, &(o, t, k, d)) in areas.iter().enumerate() {
        let k = if shown { k } else { 0 };
        let korr = o + t + k;
        let printed = match wrong {
            Some((w, off, _)) if w == i => korr + off,
            _ => korr,
        };
        let derived = matches!(wrong, Some((w, _, true)) if w == i);
        let base = if derived { printed } else { korr };
        let forv = korr + d;
        let afv = forv - base;
        let row = [o, t, k, printed, forv, afv];
        let summed = [o, t, k, base, forv, afv];
        for (s, v) in sums.iter_mut().zip(summed) {
            *s += v;
        }
        doc.push_str(&format!("Område {}", i + 1));
        for (j, v) in row.iter().enumerate() {
            if j == 2 && !shown {
                continue;
            }
            doc.push('\t');
            doc.push_str(&common::dk_int(*v));
        }
        doc.push('\n');
    }
    doc.push_str("I alt");
    for (j, v) in sums.iter().enumerate() {
        if j == 2 && !shown {
            continue;
        }
        doc.push('\t');
        doc.push_str(&common::dk_int(*v));
    }
    doc.push('\n');
    doc
}

fn areas() -> impl Strategy<Value = Vec<(i64, i64, i64, i64)>> {
    proptest::collection::vec(
        (
            10_000i64..900_000,
            prop_oneof![Just(0i64), -9_000i64..-1, 1i64..9_000],
            prop_oneof![Just(0i64), 1i64..5_000],
            prop_oneof![-30_000i64..-1, 1i64..30_000],
        ),
        3..9,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A follow-up printed right is never an error, its corrected budget
    /// judged exact in every row; one corrected budget printed wrong is
    /// the one finding, at that figure, with its true value, whether the
    /// total and the afvigelse were computed from it or not.
    #[test]
    fn a_corrected_budget_is_sound_and_names_its_wrong_figure(
        a in areas(),
        shown in any::<bool>(),
        pick in 0usize..100,
        // Beyond any rounding: the sums of a few rows in whole thousands
        // allow ±2, and a column of round budgets is read as rounded to
        // hundreds (±50).
        off in prop_oneof![-50_000i64..-200, 200i64..50_000],
        derived in any::<bool>(),
    ) {
        let doc = follow_up(&a, shown, None);
        let c = checks(&doc);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), doc);
        // Every row's corrected budget judged exact (with the carry-overs
        // all 0, the figures also relate it without them: a second,
        // equal reading).
        let judged: std::collections::BTreeSet<&str> = c
            .iter()
            .filter(|c| c.column.as_deref() == Some("Korrigeret budget")
                && c.relation.contains("Oprindeligt budget + Tillægsbevillinger")
                && c.verdict == Verdict::Exact)
            .filter_map(|c| c.row.as_deref())
            .collect();
        prop_assert_eq!(judged.len(), a.len() + 1, "{}", doc);
        let w = pick % a.len();
        let doc = follow_up(&a, shown, Some((w, off, derived)));
        let c = checks(&doc);
        let (o, t, k, _) = a[w];
        let truth = common::dk_int(o + t + if shown { k } else { 0 });
        let f: Vec<&Check> = c
            .iter()
            .filter(|c| c.verdict == Verdict::Error && c.consequence_of.is_none())
            .collect();
        prop_assert_eq!(f.len(), 1, "{:#?}\n{}", common::errors(&c), doc);
        let area = format!("Område {}", w + 1);
        prop_assert_eq!(
            (f[0].row.as_deref(), f[0].column.as_deref()),
            (Some(area.as_str()), Some("Korrigeret budget"))
        );
        if derived {
            // The total and the afvigelse agree with the printed figure:
            // no one figure mends every relation, and the relation's own
            // words say what the sum is.
            let said = format!("it should read {truth}");
            prop_assert!(f[0].detail.ends_with(&said), "{}", f[0].detail);
        } else {
            // The printed figure alone is wrong: correcting it mends every
            // relation, and it is named, on its line (title, blank line,
            // header, then the areas).
            let fixed = f[0].correction.as_ref().map(|k| {
                (k.at.split(':').next().unwrap_or("").to_string(), k.should_read.clone())
            });
            prop_assert_eq!(fixed, Some(((w + 4).to_string(), truth)));
        }
    }
}
