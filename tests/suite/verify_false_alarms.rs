//! An adversarial run of `verify` as a finance officer would use it: correct
//! tables of the shapes Danish budget documents have, and small
//! perturbations of the real corpus, hunting for false errors (an error on a
//! correct table) and silent passes (a wrong labelled total with no line at
//! all). Each case found is reduced to a small table here with its exact
//! verdicts; figures computed by hand (the sums are written beside them).

use crate::common::{dk_int, dk_ore, errors, verdicts};
use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

fn checks(tsv: &str) -> Vec<Check> {
    crate::common::checks_of_tsv(tsv)
}

fn v(row: &str, col: &str, verdict: Verdict) -> (String, String, Verdict) {
    (row.to_string(), col.to_string(), verdict)
}

/// What the skipped checks say, in order.
fn skipped_details(c: &[Check]) -> Vec<&str> {
    c.iter()
        .filter(|c| c.verdict == Verdict::Skipped)
        .map(|c| c.detail.as_str())
        .collect()
}

/// DST's Konjunkturstatistik tabel 16 with its top header row (`15-66 årige
/// mænd | … | 15-66 årige kvinder`) lost in copying, cut down: the headers
/// of the women's columns repeat the men's. The women's `I arbejdsstyrken`
/// = `Beskæftigede` + `Arbejdsløse` (1.259 + 66 = 1.325, 1.278 + 63 =
/// 1.341) was found from the figures, but then taken for the reading worded
/// alike over the men's columns (`Beskæftigede` = `I arbejdsstyrken` −
/// `Arbejdsløse`: 1.504 − 71 = 1.433 against the women's 1.259): an error on
/// every row of a correct table.
const REPEATED_HEADERS: &str = "\tArbejdsløse\tI arbejdsstyrken\tUdenfor arbejdsstyrken\tI alt\tBeskæftigelsesfrekvens\tLedighedspct.\tBeskæftigede\tArbejdsløse\tI arbejdsstyrken\n\
\t\t\t\t\tpct.\t\t1.000 personer (1 000 persons)\t\t\n\
1. kvartal\t71\t1 504\t346\t1 850\t77,4\t4,7\t1 259\t66\t1 325\n\
2. kvartal\t67\t1 517\t333\t1 850\t78,4\t4,4\t1 278\t63\t1 341\n";

#[test]
fn a_reading_found_under_repeated_headers_keeps_its_own_columns() {
    let c = checks(REPEATED_HEADERS);
    assert_eq!(errors(&c), Vec::<String>::new());
    // The unit row's `1.000 personer` spans the women's three count
    // columns (`header_spans.rs`): their headers carry it.
    let women = "I arbejdsstyrken / 1.000 personer (1 000 persons)";
    let found: Vec<_> = c
        .iter()
        .filter(|c| c.column.as_deref() == Some(women) && c.relation.contains("Arbejdsløse"))
        .map(|c| {
            (
                c.row.clone().unwrap_or_default(),
                c.verdict,
                c.cells.clone(),
            )
        })
        .collect();
    // Judged on the women's own columns (8, 9, 10 of the row), both exact.
    assert_eq!(found.len(), 2, "{:#?}", verdicts(&c));
    for (_, verdict, cells) in &found {
        assert_eq!(*verdict, Verdict::Exact);
        let cols: Vec<&str> = cells.iter().filter_map(|s| s.split(':').nth(1)).collect();
        assert_eq!(cols, ["8", "9", "10"], "{cells:?}");
    }
}

/// Figures that could be years (`1.990`, `2.004`) in a row under the header
/// made it a header row (at the top) or a header repeated inside the table
/// (below), its figures dropped: the correct table below had both totals
/// skipped, and a wrong `I alt` printed `2.014 | 2.010` (true 2.004) had
/// no line at all. 1.990 + 500 = 2.490, 2.004 + 600 = 2.604.
const YEARLIKE_FIRST_ROW: &str = "Antal\t2024\t2025\n\
Kontanthjælp\t1.990\t2.004\n\
Dagpenge\t500\t600\n\
I alt\t2.490\t2.604\n";

#[test]
fn figures_that_look_like_years_are_figures() {
    assert_eq!(
        verdicts(&checks(YEARLIKE_FIRST_ROW)),
        [
            v("I alt", "2024", Verdict::Exact),
            v("I alt", "2025", Verdict::Exact)
        ]
    );
    // The same with bare figures (no thousands separator): not the years
    // of the header above them.
    let bare = YEARLIKE_FIRST_ROW
        .replace("1.990", "1990")
        .replace("2.004", "2004");
    let bare = bare.replace("2.490", "2490").replace("2.604", "2604");
    assert_eq!(
        verdicts(&checks(&bare)),
        [
            v("I alt", "2024", Verdict::Exact),
            v("I alt", "2025", Verdict::Exact)
        ]
    );
}

#[test]
fn a_wrong_total_that_looks_like_a_year_is_found() {
    // 1.204 + 800 = 2.004, printed 2.014; 1.190 + 820 = 2.010.
    let wrong = "Mio. kr.\t2024\t2025\nLøn\t1.204\t1.190\nDrift\t800\t820\nI alt\t2.014\t2.010\n";
    let c = checks(wrong);
    assert_eq!(
        verdicts(&c),
        [
            v("I alt", "2024", Verdict::Error),
            v("I alt", "2025", Verdict::Exact)
        ]
    );
    assert_eq!(
        crate::common::findings(&c)
            .into_iter()
            .map(|f| f.3)
            .collect::<Vec<_>>(),
        ["2.004"]
    );
    // Printed right: both exact (before, nothing at all was said).
    let right = wrong.replace("2.014", "2.004");
    assert_eq!(
        verdicts(&checks(&right)),
        [
            v("I alt", "2024", Verdict::Exact),
            v("I alt", "2025", Verdict::Exact)
        ]
    );
}

#[test]
fn a_header_repeated_inside_the_table_still_starts_a_section() {
    let t = "Antal\t2016\t2017\n\
Bachelor\t100\t110\n\
Kandidat\t50\t60\n\
I alt\t150\t170\n\
Ph.d.-studerende\t2016\t2017\n\
Danske\t20\t25\n\
Udenlandske\t10\t12\n\
I alt\t30\t37\n";
    assert_eq!(
        verdicts(&checks(t)),
        [
            v("I alt", "2016", Verdict::Exact),
            v("I alt", "2017", Verdict::Exact),
            v("I alt", "2016", Verdict::Exact),
            v("I alt", "2017", Verdict::Exact)
        ]
    );
}

/// An index column (`2015=100`) under an `I alt`: 80 and 110 are no parts of
/// 90 (135,0 / 150,0). It was summed: an error on a correct table. Its
/// header names its two years, so each row's index is judged as 100 × the
/// 2025 figure / the 2015 figure (`period_columns.rs`): 80,0 / 100,0 = 80,
/// 55,0 / 50,0 = 110, 135,0 / 150,0 = 90.
const INDEX: &str = "\t2015\t2020\t2025\tIndeks 2025 (2015=100)\n\
Kontanthjælp\t100,0\t90,0\t80,0\t80\n\
Dagpenge\t50,0\t60,0\t55,0\t110\n\
I alt\t150,0\t150,0\t135,0\t90\n";

#[test]
fn an_index_column_is_not_summed_into_an_error() {
    assert_eq!(
        verdicts(&checks(INDEX)),
        [
            v("Kontanthjælp", "Indeks 2025 (2015=100)", Verdict::Exact),
            v("Dagpenge", "Indeks 2025 (2015=100)", Verdict::Exact),
            v("I alt", "2015", Verdict::Exact),
            v("I alt", "2020", Verdict::Exact),
            v("I alt", "2025", Verdict::Exact),
            v("I alt", "Indeks 2025 (2015=100)", Verdict::Skipped),
            v("I alt", "Indeks 2025 (2015=100)", Verdict::Exact),
        ]
    );
    // The amounts are still judged: 80,0 + 55,0 = 135,0, not 136,0; the
    // index is never summed.
    let planted = INDEX.replace("135,0", "136,0");
    let c = checks(&planted);
    let at = |row: &str, col: &str| -> Vec<Verdict> {
        c.iter()
            .filter(|c| c.row.as_deref() == Some(row) && c.column.as_deref() == Some(col))
            .map(|c| c.verdict)
            .collect()
    };
    assert!(
        at("I alt", "2025").contains(&Verdict::Error),
        "{:#?}",
        verdicts(&c)
    );
    assert!(c
        .iter()
        .filter(|c| c.relation.contains("sum of")
            && c.column.as_deref() == Some("Indeks 2025 (2015=100)"))
        .all(|c| c.verdict == Verdict::Skipped));
}

#[test]
fn a_figure_per_unit_is_not_summed_into_an_error() {
    // 32,0 mio. kr. / 400 = 80.000 kr., 45,0 / 600 = 75.000, 77,0 / 1.000 =
    // 77.000: a quotient of the totals, not 80.000 + 75.000.
    let labelled = "\tAntal elever\tUdgift, mio. kr.\tUdgift pr. elev, kr.\n\
Skole A\t400\t32,0\t80.000\n\
Skole B\t600\t45,0\t75.000\n\
I alt\t1.000\t77,0\t77.000\n";
    assert_eq!(
        verdicts(&checks(labelled)),
        [
            v("I alt", "Antal elever", Verdict::Exact),
            v("I alt", "Udgift, mio. kr.", Verdict::Exact),
            v("I alt", "Udgift pr. elev, kr.", Verdict::Skipped),
        ]
    );
    // A total found by the figures (no total word) in two columns: the
    // third, per pupil, was an error.
    let structural = "\tAntal elever\tUdgift, mio. kr.\tUdgift pr. elev, kr.\n\
Skole A\t400\t32,0\t80.000\n\
Skole B\t600\t45,0\t75.000\n\
Skole C\t500\t35,0\t70.000\n\
Kommunen\t1.500\t112,0\t74.667\n";
    assert_eq!(
        verdicts(&checks(structural)),
        [
            v("Kommunen", "Antal elever", Verdict::Exact),
            v("Kommunen", "Udgift, mio. kr.", Verdict::Exact),
            v("Kommunen", "Udgift pr. elev, kr.", Verdict::Skipped),
        ]
    );
}

#[test]
fn shares_of_different_wholes_are_not_summed_into_an_error() {
    // Each sex's share of its own population; `I alt` the share of all.
    let t = "\tAntal på kontanthjælp\tAndel af befolkningen 16-66 år\n\
Kvinder\t25.620\t1,7\n\
Mænd\t30.830\t2,0\n\
I alt\t56.450\t1,9\n";
    let c = checks(t);
    assert_eq!(errors(&c), Vec::<String>::new());
    assert_eq!(
        verdicts(&c),
        [
            v(
                "Kvinder",
                "Andel af befolkningen 16-66 år",
                Verdict::Skipped
            ),
            v("I alt", "Antal på kontanthjælp", Verdict::Exact),
            v("I alt", "Andel af befolkningen 16-66 år", Verdict::Skipped),
        ]
    );
    // Shares of the column's total (1,0 / 3,0 = 33,3%) with a wrong `I alt`
    // share are still an error: 99,9% cannot be 101,0%.
    let shares =
        "\tMio. kr.\tAndel\nA\t1,0\t33,3%\nB\t1,0\t33,3%\nC\t1,0\t33,3%\nI alt\t3,0\t101,0%\n";
    assert!(!errors(&checks(shares)).is_empty());
}

/// Ft's answer on kontanthjælp by origin and sex, its two header rows lost:
/// the last three columns are per cent of the population, the `I alt` row
/// the share of all (1,9 between 1,7 and 2,0). With no header to say so,
/// they were summed: three errors on a correct table.
const HEADERLESS_RATES: &str = "Kvinder\t25.620\t14.040\t1.460\t1,7\t7,3\t3,2\n\
Mænd\t30.830\t9.320\t2.220\t2,0\t5,4\t4,6\n\
I alt\t56.440\t23.360\t3.680\t1,9\t6,4\t3,9\n";

#[test]
fn a_headerless_total_between_its_parts_is_not_understood() {
    let c = checks(HEADERLESS_RATES);
    assert_eq!(errors(&c), Vec::<String>::new());
    let skipped: Vec<String> = c
        .iter()
        .filter(|c| c.verdict == Verdict::Skipped)
        .map(|c| c.column.clone().unwrap_or_default())
        .collect();
    assert_eq!(skipped, ["column 5", "column 6", "column 7"]);
    // A headerless total above its parts' sum is still an error.
    let wrong = HEADERLESS_RATES.replace("23.360", "23.460");
    assert_eq!(errors(&checks(&wrong)).len(), 1);
}

/// A budget follow-up pasted out of a PDF one cell per line, under its
/// title line: the title was taken for the stub heading, every heading moved
/// a column left and `%` became a section row, so the `%` column was summed
/// as `Afvigelse` (3,0 − 2,1 + 0,9 = 1,8 against 0,1): a false error.
const PASTED_WITH_TITLE: &str = "Tabel 1. Serviceudgifter\nMio. kr.\nOprindeligt budget\nKorrigeret budget\nForventet regnskab\nAfvigelse\n%\n\
Beskæftigelse\n120,5\n125,0\n121,3\n3,7\n3,0\n\
Ældre\n310,2\n318,4\n325,0\n-6,6\n-2,1\n\
Skole\n402,0\n399,6\n396,1\n3,5\n0,9\n\
I alt\n832,7\n843,0\n842,4\n0,6\n0,1\n";

#[test]
fn a_title_above_a_pasted_table_is_no_heading() {
    let c = crate::common::checks_of_text(PASTED_WITH_TITLE);
    assert_eq!(errors(&c), Vec::<String>::new());
    let total: Vec<(String, Verdict)> = c
        .iter()
        .filter(|c| c.row.as_deref() == Some("I alt") && c.relation.contains("sum of 3 rows"))
        .map(|c| (c.column.clone().unwrap_or_default(), c.verdict))
        .collect();
    assert_eq!(
        total,
        [
            ("Oprindeligt budget".to_string(), Verdict::Exact),
            ("Korrigeret budget".to_string(), Verdict::Exact),
            ("Forventet regnskab".to_string(), Verdict::Exact),
            ("Afvigelse".to_string(), Verdict::Exact),
        ]
    );
    // The `%` column is read as a per-cent column of its row.
    assert!(c
        .iter()
        .any(|c| c.row.as_deref() == Some("I alt") && c.column.as_deref() == Some("%")));
}

/// A change in percentage points: 3,1% to 3,3% is 0,2 points. The header's
/// `pct.` made it a percentage change (6,5%): an error on every row.
const POINTS: &str = "Ledighed, pct.\t2024\t2025\tÆndring i pct.-point\n\
Randers\t3,1\t3,3\t0,2\n\
Aarhus\t3,4\t3,2\t-0,2\n";

#[test]
fn a_change_in_percentage_points_is_the_later_rate_less_the_earlier() {
    let c = checks(POINTS);
    assert_eq!(
        verdicts(&c),
        [
            v("Randers", "Ændring i pct.-point", Verdict::Exact),
            v("Aarhus", "Ændring i pct.-point", Verdict::Exact),
        ]
    );
    let planted = POINTS.replace("\t0,2\n", "\t0,5\n");
    let c = checks(&planted);
    assert_eq!(
        verdicts(&c),
        [
            v("Randers", "Ændring i pct.-point", Verdict::Error),
            v("Aarhus", "Ændring i pct.-point", Verdict::Exact),
        ]
    );
}

/// A total label with a footnote marker, as official tables print them
/// (Økonomisk Redegørelse's B.25: `Udgifter i alt 2)`): it was only a total
/// word inside a label, so with a row left out the wrong total had no line
/// at all. 500,0 + 340,0 = 840,0; 510,0 + 350,0 = 860,0, printed 870,0.
#[test]
fn a_total_with_a_footnote_marker_is_a_total() {
    let t = "Mia. kr.\t2013\t2014\nForbrug\t500,0\t510,0\nOverførsler\t340,0\t350,0\nUdgifter i alt 2)\t840,0\t870,0\n";
    assert_eq!(
        verdicts(&checks(t)),
        [
            v("Udgifter i alt 2)", "2013", Verdict::Exact),
            v("Udgifter i alt 2)", "2014", Verdict::Error),
        ]
    );
    // Wrong in every column (a row left out): said, not passed over.
    let short = "Mia. kr.\t2013\t2014\nForbrug\t500,0\t510,0\nOverførsler\t340,0\t350,0\nUdgifter i alt 2)\t900,0\t880,0\n";
    let c = checks(short);
    assert!(!c.is_empty());
    assert!(
        c.iter()
            .all(|c| c.verdict == Verdict::Skipped && c.row.as_deref() == Some("Udgifter i alt 2)")),
        "{:#?}",
        verdicts(&c)
    );
}

/// A budget follow-up whose afvigelse is printed korrigeret − forventet (the
/// reverse of the usual sign): no error, every afvigelse judged as that
/// change, and a wrong `%` figure found at its cell with what it should
/// read. Its `%` is the afvigelse in per cent of the korrigeret budget
/// (3,7 / 125,0 = 2,96%); it was read as of the first budget that fitted
/// (`Oprindeligt budget`, 3,07%).
const OPF_REVERSED: &str =
    "Mio. kr.\tOprindeligt budget\tKorrigeret budget\tForventet regnskab\tAfvigelse\t%\n\
Beskæftigelse\t120,5\t125,0\t121,3\t3,7\t3,0\n\
Ældre\t310,2\t318,4\t325,0\t-6,6\t-2,1\n\
Skole\t402,0\t399,6\t396,1\t3,5\t0,9\n\
I alt\t832,7\t843,0\t842,4\t0,6\t0,1\n";

#[test]
fn a_reversed_afvigelse_gives_no_false_error() {
    let c = checks(OPF_REVERSED);
    assert_eq!(errors(&c), Vec::<String>::new());
    let afvigelse: Vec<&str> = c
        .iter()
        .filter(|c| c.column.as_deref() == Some("Afvigelse") && c.relation.contains("change"))
        .map(|c| c.relation.as_str())
        .collect();
    assert_eq!(afvigelse.len(), 4, "{afvigelse:?}");
    assert!(afvigelse
        .iter()
        .all(|r| r.contains("Korrigeret budget - Forventet regnskab")));
    // Its `%` is the afvigelse in per cent of the korrigeret budget.
    let pct: Vec<&Check> = c
        .iter()
        .filter(|c| c.column.as_deref() == Some("%"))
        .collect();
    assert_eq!(pct.len(), 4);
    for p in &pct {
        assert!(
            p.relation.contains("Afvigelse / Korrigeret budget"),
            "{}",
            p.relation
        );
    }
    // A wrong `%` figure: both budgets then hold in three rows and fail in
    // this one, a tie the domain breaks: the afvigelse was taken from the
    // korrigeret budget, so the figure should read 3,7 / 125,0 = 2,96% ->
    // 3,0% (of `Oprindeligt budget`, 3,07% -> 3,1%, it once was said).
    let planted = OPF_REVERSED.replace("\t3,7\t3,0\n", "\t3,7\t2,0\n");
    let c = checks(&planted);
    let f = crate::common::findings(&c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
        ("Beskæftigelse", "%", "3,0%")
    );
    let judged: Vec<&str> = c
        .iter()
        .filter(|c| c.column.as_deref() == Some("%"))
        .map(|c| c.relation.as_str())
        .collect();
    assert_eq!(judged.len(), 4);
    assert!(
        judged
            .iter()
            .all(|r| r.contains("Afvigelse / Korrigeret budget")),
        "{judged:?}"
    );
}

/// Tenths as a Danish figure: 123 -> `12,3`.
fn dk_tenths(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{},{}", dk_int(n.abs() / 10), n.abs() % 10)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A correct table whose parts (and totals) may all look like years
    /// (1950-2100, with or without a separator) is judged: every `I alt`
    /// exact, nothing skipped, no error; its total moved off by 3-9 in one
    /// column (past the slack of five rounded whole figures) is an error
    /// there.
    #[test]
    fn rows_of_yearlike_figures_are_judged(
        parts in proptest::collection::vec(proptest::collection::vec(1950i64..2100, 2), 2..4),
        small in proptest::collection::vec(0i64..60, 2),
        dotted in any::<bool>(),
        off in 3i64..10,
        col in 0usize..2,
    ) {
        // Not a table where one part is another plus `Øvrige` within the
        // rounding in both columns (2061 = 2005 + 55, 2085 = 2069 + 15):
        // that reading competes with `I alt` once the total is moved.
        let coincide = |i: usize, j: usize| {
            i != j && (0..2).all(|c| (parts[i][c] - parts[j][c] - small[c]).abs() <= 2)
        };
        prop_assume!(!(0..parts.len()).any(|i| (0..parts.len()).any(|j| coincide(i, j))));
        let fmt = |n: i64| if dotted { dk_int(n) } else { n.to_string() };
        let mut t = String::from("Antal\t2024\t2025\n");
        for (i, p) in parts.iter().enumerate() {
            t.push_str(&format!("Ydelse {}\t{}\t{}\n", i + 1, fmt(p[0]), fmt(p[1])));
        }
        t.push_str(&format!("Øvrige\t{}\t{}\n", small[0], small[1]));
        let sums: Vec<i64> = (0..2).map(|c| parts.iter().map(|p| p[c]).sum::<i64>() + small[c]).collect();
        let right = format!("{t}I alt\t{}\t{}\n", fmt(sums[0]), fmt(sums[1]));
        prop_assert_eq!(
            verdicts(&checks(&right)),
            vec![v("I alt", "2024", Verdict::Exact), v("I alt", "2025", Verdict::Exact)]
        );
        let mut wrong_sums = sums.clone();
        wrong_sums[col] += off;
        let wrong = format!("{t}I alt\t{}\t{}\n", fmt(wrong_sums[0]), fmt(wrong_sums[1]));
        let c = checks(&wrong);
        prop_assert_eq!(c.len(), 2, "{:?}", verdicts(&c));
        prop_assert_eq!(c[col].verdict, Verdict::Error);
        prop_assert_eq!(c[1 - col].verdict, Verdict::Exact);
    }

    /// Whatever an index, per-unit or average column holds under an `I alt`
    /// (or a share column of shares of different wholes), it is never an
    /// error there; the amount column beside it is judged exactly.
    #[test]
    fn columns_that_do_not_add_are_never_an_error(
        amounts in proptest::collection::vec(1i64..5000, 2..5),
        others in proptest::collection::vec(1i64..2000, 5),
        header in prop_oneof![
            Just("Indeks (2015=100)"),
            Just("Kr. pr. indbygger"),
            Just("Udgift pr. elev, kr."),
            Just("Gennemsnit"),
            Just("Gns. pr. måned"),
            Just("Andel af befolkningen"),
        ],
    ) {
        let n = amounts.len();
        let mut t = format!("Mio. kr.\tBudget\t{header}\n");
        for (i, a) in amounts.iter().enumerate() {
            t.push_str(&format!("Område {}\t{}\t{}\n", i + 1, dk_tenths(*a), dk_tenths(others[i])));
        }
        let total: i64 = amounts.iter().sum();
        t.push_str(&format!("I alt\t{}\t{}\n", dk_tenths(total), dk_tenths(others[n])));
        let c = checks(&t);
        prop_assert_eq!(errors(&c), Vec::<String>::new());
        prop_assert!(
            c.iter().any(|c| c.row.as_deref() == Some("I alt")
                && c.column.as_deref() == Some("Budget")
                && c.verdict == Verdict::Exact),
            "{:?}", verdicts(&c)
        );
    }

    /// A column of changes in percentage points (later rate less the
    /// earlier) printed right is never an error; one moved by 0,2 points
    /// or more is.
    #[test]
    fn changes_in_points_are_judged_as_differences(
        rates in proptest::collection::vec((0i64..300, 0i64..300), 2..5),
        which in 0usize..5,
        off in prop_oneof![-9i64..-1, 2i64..10],
    ) {
        let mut t = String::from("Andel i pct.\t2024\t2025\tÆndring, procentpoint\n");
        let row = |i: usize, a: i64, b: i64, d: i64| {
            format!("Gruppe {}\t{}\t{}\t{}\n", i + 1, dk_tenths(a), dk_tenths(b), dk_tenths(d))
        };
        for (i, (a, b)) in rates.iter().enumerate() {
            t.push_str(&row(i, *a, *b, b - a));
        }
        prop_assert_eq!(errors(&checks(&t)), Vec::<String>::new());
        let k = which % rates.len();
        let mut w = String::from("Andel i pct.\t2024\t2025\tÆndring, procentpoint\n");
        for (i, (a, b)) in rates.iter().enumerate() {
            let d = if i == k { b - a + off } else { b - a };
            w.push_str(&row(i, *a, *b, d));
        }
        let c = checks(&w);
        let failing: Vec<String> = c
            .iter()
            .filter(|c| c.verdict == Verdict::Error)
            .map(|c| c.row.clone().unwrap_or_default())
            .collect();
        prop_assert!(failing.contains(&format!("Gruppe {}", k + 1)), "{:?}", verdicts(&c));
    }

    /// A total's label with a footnote marker (`I alt 2)`, `I alt*`,
    /// `I alt¹`) is judged as the same label without it.
    #[test]
    fn a_footnote_marker_changes_no_verdict(
        parts in proptest::collection::vec(proptest::collection::vec(-500i64..5000, 2), 2..5),
        off in prop_oneof![Just(0i64), 2i64..50],
        marker in prop_oneof![Just(" 2)"), Just(" 11)"), Just("*"), Just("¹")],
        label in prop_oneof![Just("I alt"), Just("Udgifter i alt"), Just("Total")],
    ) {
        let mut t = String::from("Mio. kr.\t2025\t2026\n");
        for (i, p) in parts.iter().enumerate() {
            t.push_str(&format!("Post {}\t{}\t{}\n", i + 1, dk_tenths(p[0]), dk_tenths(p[1])));
        }
        let s0: i64 = parts.iter().map(|p| p[0]).sum();
        let s1: i64 = parts.iter().map(|p| p[1]).sum::<i64>() + off;
        let plain = format!("{t}{label}\t{}\t{}\n", dk_tenths(s0), dk_tenths(s1));
        let marked = format!("{t}{label}{marker}\t{}\t{}\n", dk_tenths(s0), dk_tenths(s1));
        let strip = |c: Vec<Check>| -> Vec<(String, Verdict)> {
            c.iter().map(|c| (c.column.clone().unwrap_or_default(), c.verdict)).collect()
        };
        prop_assert_eq!(strip(checks(&marked)), strip(checks(&plain)));
    }

    /// A budget follow-up pasted one cell per line under a title line gives
    /// the verdicts of its tab-separated form, relation by relation.
    #[test]
    fn a_pasted_table_under_a_title_reads_as_its_tab_separated_form(
        rows in proptest::collection::vec((100i64..5000, -300i64..300), 2..5),
        title in prop_oneof![Just("Tabel 2. Drift"), Just("Serviceudgifter i 2026")],
    ) {
        let heads = ["Mio. kr.", "Korrigeret budget", "Forventet regnskab", "Afvigelse", "%"];
        let mut table: Vec<Vec<String>> = vec![heads.iter().map(|s| s.to_string()).collect()];
        let (mut kt, mut ft) = (0i64, 0i64);
        for (i, (k, d)) in rows.iter().enumerate() {
            let f = k - d;
            kt += k;
            ft += f;
            // Afvigelse in per cent of the budget, rounded half away from zero.
            let pct = (d * 1000 * 2 / k + (d * 1000 * 2 / k).signum()) / 2;
            table.push(vec![
                format!("Område {}", i + 1),
                dk_tenths(*k),
                dk_tenths(f),
                dk_tenths(*d),
                dk_tenths(pct),
            ]);
        }
        let dt = kt - ft;
        let pct = (dt * 1000 * 2 / kt + (dt * 1000 * 2 / kt).signum()) / 2;
        table.push(vec!["I alt".into(), dk_tenths(kt), dk_tenths(ft), dk_tenths(dt), dk_tenths(pct)]);
        let tsv: String = table.iter().map(|r| r.join("\t") + "\n").collect();
        let pasted: String = std::iter::once(title.to_string())
            .chain(table.iter().flatten().cloned())
            .map(|l| l + "\n")
            .collect();
        let by_tab = verdicts(&checks(&tsv));
        let by_paste = verdicts(&crate::common::checks_of_text(&pasted));
        prop_assert_eq!(by_paste, by_tab.clone());
        prop_assert!(by_tab.iter().all(|c| c.2 != Verdict::Error), "{:?}", by_tab);
    }
}

/// Tenths of a per cent, `part / whole` rounded half away from zero (both in
/// tenths, `whole` > 0).
fn pct_tenths(part: i64, whole: i64) -> i64 {
    let q = (2 * part.abs() as i128 * 1000 + whole as i128) / (2 * whole as i128);
    let q = q as i64;
    if part < 0 {
        -q
    } else {
        q
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// A budget follow-up with afvigelse (either sign convention) and `%` =
    /// the afvigelse in per cent of the korrigeret budget: no error; one
    /// `%` figure printed far off is the one finding, and it should read
    /// the per cent of the korrigeret budget, the budget the afvigelse was
    /// taken from, whatever `Oprindeligt budget` scores.
    #[test]
    fn a_wrong_afvigelse_percent_is_corrected_from_the_korrigeret_budget(
        rows in proptest::collection::vec((1000i64..9999, -300i64..300, 10i64..500, any::<bool>()), 3..6),
        reversed in any::<bool>(),
        at in 0usize..6,
    ) {
        let names = ["Beskæftigelse", "Ældre", "Skole", "Dagtilbud", "Kultur", "Miljø"];
        let header =
            "Mio. kr.\tOprindeligt budget\tKorrigeret budget\tForventet regnskab\tAfvigelse\t%\n";
        let line = |label: &str, figures: [i64; 5]| {
            let cells: Vec<String> = figures.iter().map(|&f| dk_tenths(f)).collect();
            format!("{label}\t{}\n", cells.join("\t"))
        };
        let at = at % rows.len();
        let mut totals = [0i64; 4];
        let mut lines = Vec::new();
        let mut expected = String::new();
        let mut planted_line = String::new();
        for (i, &(korr, opr_off, diff, over)) in rows.iter().enumerate() {
            let opr = korr + opr_off;
            let forv = if over { korr + diff } else { korr - diff };
            let afv = if reversed { korr - forv } else { forv - korr };
            let pct = pct_tenths(afv, korr);
            for (t, x) in totals.iter_mut().zip([opr, korr, forv, afv]) {
                *t += x;
            }
            lines.push(line(names[i], [opr, korr, forv, afv, pct]));
            if i == at {
                expected = format!("{}%", dk_tenths(pct));
                // Far from any base: the sign turned and 11,1 points more.
                let wrong = -pct - if pct < 0 { -111 } else { 111 };
                planted_line = line(names[i], [opr, korr, forv, afv, wrong]);
            }
        }
        let pct_total = pct_tenths(totals[3], totals[1]);
        let [o, k, f, a] = totals;
        lines.push(line("I alt", [o, k, f, a, pct_total]));
        let correct = format!("{header}{}", lines.concat());
        lines[at] = planted_line;
        let planted = format!("{header}{}", lines.concat());
        let c = checks(&correct);
        prop_assert_eq!(errors(&c), Vec::<String>::new(), "{}", correct);
        let f = crate::common::findings(&checks(&planted));
        prop_assert_eq!(f.len(), 1, "{:?}\n{}", f, planted);
        prop_assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
            (names[at], "%", expected.as_str()),
            "{}",
            planted
        );
    }
}

/// Brøndby IF's five-year summary (heldout7, its first run): `Årets
/// resultat` is `Resultat før skat` + `Skat`, and `Skat` is 0 in four of
/// the five years, so there it is also `Resultat før finansielle poster` +
/// `Finansielle poster, netto`. That reading failed in 2022 (-11.777 against
/// -11.878) and was reported as an error twice (`Årets resultat` and
/// `Totalindkomst`); the figures side with the reading that holds there.
#[test]
fn a_reading_that_holds_only_where_a_figure_is_zero_is_no_error() {
    let tsv = crate::common::data_tsv(
        "heldout7",
        "brondby-if-aarsrapport-2022-hoved-og-noegletal-2018-2022",
    );
    let c = checks(&tsv);
    assert_eq!(errors(&c), Vec::<String>::new());
    let aarets: Vec<(String, Verdict)> = c
        .iter()
        .filter(|c| c.row.as_deref() == Some("Årets resultat"))
        .map(|c| (c.relation.clone(), c.verdict))
        .collect();
    assert_eq!(aarets.len(), 5, "{aarets:?}");
    assert!(aarets
        .iter()
        .all(|(r, _)| r.contains("Resultat før skat + Skat")));
    assert_eq!(
        aarets
            .iter()
            .filter(|(_, v)| *v == Verdict::Rounding)
            .count(),
        1,
        "2022: -11.777 - 102 = -11.879 within the rounding of -11.878"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// An income statement whose tax is 0 in every year but one: `Årets
    /// resultat` = `Resultat før skat` + `Skat`, which in the other years
    /// also equals the rows that make `Resultat før skat`. Never an error;
    /// `Årets resultat` moved off in the tax year is an error there.
    #[test]
    fn a_result_under_a_mostly_zero_tax_is_never_a_false_error(
        years in proptest::collection::vec((-90_000i64..90_000, -9_000i64..9_000), 4..6),
        tax in -5_000i64..-1,
        tax_year in 0usize..6,
        off in 50i64..500,
    ) {
        // Rows of zeros establish nothing (0 + 0 = 0 is no evidence): a
        // table whose years are mostly zero cannot show which figure moved
        // (drawn once: EBIT 0 in every year, financial items in one).
        prop_assume!(years.iter().all(|&(e, f)| e != 0 && f != 0 && e + f != 0));
        let tax_year = tax_year % years.len();
        let header: Vec<String> = (0..years.len()).map(|y| (2022 - y as i64).to_string()).collect();
        let row = |label: &str, v: &dyn Fn(usize) -> i64| {
            let cells: Vec<String> = (0..years.len()).map(|y| dk_int(v(y))).collect();
            format!("{label}\t{}\n", cells.join("\t"))
        };
        let ebit = |y: usize| years[y].0;
        let fin = |y: usize| years[y].1;
        let before = |y: usize| ebit(y) + fin(y);
        let skat = |y: usize| if y == tax_year { tax } else { 0 };
        let result = |y: usize| before(y) + skat(y);
        let table = |moved: i64| {
            let mut t = format!("tDKK\t{}\n", header.join("\t"));
            t.push_str(&row("Resultat før finansielle poster", &ebit));
            t.push_str(&row("Finansielle poster, netto", &fin));
            t.push_str(&row("Resultat før skat", &before));
            t.push_str(&row("Skat", &skat));
            t.push_str(&row("Årets resultat", &|y| result(y) + if y == tax_year { moved } else { 0 }));
            t
        };
        let correct = table(0);
        let c = checks(&correct);
        prop_assert_eq!(errors(&c), Vec::<String>::new(), "{}", correct);
        let wrong = table(off);
        let f = crate::common::findings(&checks(&wrong));
        // Moved off by the tax, or by twice the tax, to within the rounding
        // of the figures (each in tDKK rounded by at most ½, four at most
        // in a reading), `Årets resultat` is `Resultat før skat` with the
        // tax left out or subtracted in every year: the figures may say so
        // (seeds 1, 24, 27 and 32 drew it), and then no figure is wrong by
        // them; an error, if any, is still the moved one.
        if (off + tax).abs() <= 2 || (off + 2 * tax).abs() <= 2 {
            prop_assert!(
                f.iter().all(|(row, col, _, _)| row == "Årets resultat" && col == &header[tax_year]),
                "{:?}\n{}", f, wrong
            );
            return Ok(());
        }
        prop_assert_eq!(f.len(), 1, "{:?}\n{}", f, wrong);
        prop_assert!(
            f.iter().all(|(row, col, _, _)| row == "Årets resultat" && col == &header[tax_year]),
            "{:?}\n{}", f, wrong
        );
    }
}

/// Gjeller Vandværk's balance (heldout7, its first run), cut down: the
/// columns `Post | Sum | Total`, `Ultimo` printed in the subtotal column
/// only, `Anden gæld` in the total column. `Passiver i alt` read back to
/// the nearest sub-heading is `Anden gæld` alone (66.989, not 900.539); read
/// over the whole `Passiver` section it fails only through `Ultimo`'s empty
/// total cell. The rows it covers are not established: not understood, not
/// an error. With `Ultimo` in the total column it adds up.
const GJELLER_PASSIVER: &str = "Kr.\tPost\tSum\tTotal\n\
Passiver\t\t\t\n\
Takstmæssig overdækning\t\t\t\n\
Primo\t819.464\t\t\n\
takstmæssig over-/underdækning\t14.086\t\t\n\
Ultimo\t833.550\t833.550\t\n\
Kortfristet gæld\t\t\t\n\
Anden gæld\t\t\t66.989\n\
Passiver i alt\t\t\t900.539\n";

#[test]
fn a_total_over_a_subtotal_printed_in_another_column_is_no_error() {
    let c = checks(GJELLER_PASSIVER);
    assert_eq!(errors(&c), Vec::<String>::new());
    let total: Vec<&Check> = c
        .iter()
        .filter(|c| c.row.as_deref() == Some("Passiver i alt"))
        .collect();
    assert!(
        total
            .iter()
            .any(|c| c.verdict == Verdict::Skipped && c.detail.contains("not understood")),
        "{:?}",
        total.iter().map(|c| &c.detail).collect::<Vec<_>>()
    );
    let moved = GJELLER_PASSIVER.replace("833.550\t833.550\t\n", "833.550\t\t833.550\n");
    let c = checks(&moved);
    assert_eq!(
        verdicts(&c)
            .into_iter()
            .filter(|(r, col, _)| r == "Passiver i alt" && col == "Total")
            .map(|(_, _, v)| v)
            .collect::<Vec<_>>(),
        vec![Verdict::Exact, Verdict::Skipped]
    );
    // Printed wrong there, it is said, not judged: `Primo` and the
    // regulering are printed empty in the total column (an empty part may
    // be a figure not known), and read back to the last sub-heading it is
    // `Anden gæld` alone.
    let wrong = moved.replace("900.539", "900.593");
    let c = checks(&wrong);
    assert_eq!(errors(&c), Vec::<String>::new());
    assert!(c.iter().any(|c| c.row.as_deref() == Some("Passiver i alt")
        && c.verdict == Verdict::Skipped
        && c.detail.contains("not understood")));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A balance whose first sub-section's subtotal stands in the subtotal
    /// column only, its last in the total column: `Passiver i alt` is never
    /// an error, whatever the figures.
    #[test]
    fn a_total_whose_parts_stand_in_other_columns_is_never_an_error(
        items in proptest::collection::vec(1i64..900_000, 2..4),
        debt in 1i64..900_000,
        off in -5_000i64..5_000,
    ) {
        let ultimo: i64 = items.iter().sum();
        let mut t = String::from("Kr.\tPost\tSum\tTotal\nPassiver\t\t\t\nEgenkapital\t\t\t\n");
        for (k, v) in items.iter().enumerate() {
            t.push_str(&format!("Post {}\t{}\t\t\n", k + 1, dk_int(*v)));
        }
        t.push_str(&format!("Ultimo\t{0}\t{0}\t\n", dk_int(ultimo)));
        t.push_str(&format!("Gæld\t\t\t\nAnden gæld\t\t\t{}\n", dk_int(debt)));
        t.push_str(&format!("Passiver i alt\t\t\t{}\n", dk_int(ultimo + debt + off)));
        let c = checks(&t);
        prop_assert_eq!(errors(&c), Vec::<String>::new(), "{}", t);
    }
}

/// Haunstrup Vandværk's tariffs (heldout7): a price with moms is 125 % of the
/// price without (Danish moms, 25 %), judged in every row; a wrong price
/// with moms is the one finding, with what it should read.
#[test]
fn a_price_with_moms_is_125_percent_of_the_price_without() {
    let tsv = crate::common::data_tsv("heldout7", "haunstrup-vandvaerk-takster-2019-uden-med-moms");
    let c = checks(&tsv);
    assert_eq!(errors(&c), Vec::<String>::new());
    let moms: Vec<(String, Verdict)> = c
        .iter()
        .filter(|c| c.column.as_deref() == Some("m/moms"))
        .map(|c| (c.relation.clone(), c.verdict))
        .collect();
    assert_eq!(moms.len(), 10, "{moms:?}");
    assert!(moms.iter().all(|(r, _)| r.contains("125 % of u/moms")));
    // 4,86 · 1,25 = 6,075 printed 6,08; 6,18 · 1,25 = 7,725 printed 7,73;
    // 0,53 · 1,25 = 0,6625 printed 0,66: rounding, the rest exact.
    assert_eq!(
        moms.iter().filter(|(_, v)| *v == Verdict::Rounding).count(),
        3
    );
    let wrong = tsv.replace("\t812,50", "\t821,50");
    let f = crate::common::findings(&checks(&wrong));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
        ("Abonnement pr. ejendom/bolig", "m/moms", "812,50")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A price list with and without moms (either header wording, prices in
    /// øre, the price with moms rounded half away from zero): never an
    /// error; one price with moms off by 2 øre or more is the one finding
    /// (three rows at least: the base column is taken where it holds in two).
    #[test]
    fn prices_with_and_without_moms_are_judged(
        prices in proptest::collection::vec(1i64..5_000_000, 3..7),
        words in 0usize..3,
        at in 0usize..7,
        off in 2i64..500,
    ) {
        let (without, with) = [("Uden moms", "Med moms"), ("u/moms", "m/moms"), ("Ekskl. moms", "Inkl. moms")][words];
        let at = at % prices.len();
        let table = |moved: i64| {
            let mut t = format!("Takster 2026\t{without}\t{with}\n");
            for (k, &p) in prices.iter().enumerate() {
                let moms = (p * 125 + 50) / 100 + if k == at { moved } else { 0 };
                t.push_str(&format!("Ydelse {}\t{}\t{}\n", k + 1, dk_ore(p), dk_ore(moms)));
            }
            t
        };
        let correct = table(0);
        prop_assert_eq!(errors(&checks(&correct)), Vec::<String>::new(), "{}", correct);
        let wrong = table(off);
        let f = crate::common::findings(&checks(&wrong));
        prop_assert_eq!(f.len(), 1, "{:?}\n{}", f, wrong);
        let row = format!("Ydelse {}", at + 1);
        prop_assert_eq!((f[0].0.as_str(), f[0].1.as_str()), (row.as_str(), with));
    }
}

/// Aarhus Universitet's nøgletal 2012, tabel E5, as its copy arrives
/// (`tests/data/real/au-noegletal-2012-tabel-e5-driftsomkostninger.pasted.txt`):
/// a Markdown table whose header row has no cell over the labels and an
/// empty one at its end (`| AR | ST | HE | BSS | FO | I alt | |`). Read as
/// printed, `I alt` sat over the FO column and every row total was an error
/// (14 false errors); its headings belong to the figure columns, and the
/// copy gives the tab-separated table's verdicts: its two published errors.
#[test]
fn a_header_without_a_stub_cell_names_the_figure_columns() {
    let slug = "au-noegletal-2012-tabel-e5-driftsomkostninger";
    let pasted = crate::common::checks_of_text(&crate::common::data_pasted("real", slug));
    let tsv = checks(&crate::common::data_tsv("real", slug));
    assert_eq!(verdicts(&pasted), verdicts(&tsv));
    assert_eq!(
        errors(&pasted),
        vec![
            "Ordinære driftsomkostninger i alt [HE]: sum of 2 rows (parts below it): 661,1 + 464,6 = 1.125,7, not 1.157,3: the true sum lies in [1.125,60; 1.125,80], which 1.157,3 (allowing [1.157,25; 1.157,35]) cannot reach; it should read 1.125,7".to_string(),
            "Ordinære driftsomkostninger i alt [I alt]: sum of 2 rows (parts below it): 3.581,7 + 2.206,5 = 5.788,2, not 5.819,7: the true sum lies in [5.788,10; 5.788,30], which 5.819,7 (allowing [5.819,65; 5.819,75]) cannot reach; it should read 5.788,2".to_string(),
        ]
    );
    // Years over the figure columns, none over the labels.
    let c = checks("2025\t2026\nSkatter\t1.200\t1.300\nTilskud\t800\t750\nI alt\t2.000\t2.150\n");
    assert_eq!(
        verdicts(&c),
        vec![
            v("I alt", "2025", Verdict::Exact),
            v("I alt", "2026", Verdict::Error)
        ]
    );
    // A stub that names the unit stays over the labels: the third figure
    // column has no heading.
    let c = checks("Mio. kr.\t2025\t2026\nSkatter\t1,2\t1,3\t2,5\nTilskud\t0,8\t0,7\t1,5\nI alt\t2,0\t2,0\t4,0\n");
    assert_eq!(
        verdicts(&c)[..2],
        [
            v("I alt", "2025", Verdict::Exact),
            v("I alt", "2026", Verdict::Exact)
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A table whose header row lacks its stub cell (`AR | ST | I alt` over
    /// a label and three figures, with or without an empty cell at the end,
    /// tab-separated or Markdown) gives the verdicts of the same table with
    /// the stub cell, relation by relation; a row total moved off is an
    /// error at that row in both.
    #[test]
    fn a_header_without_its_stub_cell_reads_as_with_it(
        rows in proptest::collection::vec((0i64..5000, 0i64..5000), 2..5),
        trailing in any::<bool>(),
        markdown in any::<bool>(),
        wrong in proptest::option::of((0usize..4, 3i64..50)),
    ) {
        let mut body: Vec<[String; 4]> = Vec::new();
        for (i, (a, b)) in rows.iter().enumerate() {
            let mut t = a + b;
            if let Some((r, off)) = wrong {
                if r == i {
                    t += off;
                }
            }
            body.push([format!("Enhed {}", i + 1), dk_tenths(*a), dk_tenths(*b), dk_tenths(t)]);
        }
        let line = |cells: &[String]| {
            if markdown {
                format!("| {} |\n", cells.join(" | "))
            } else {
                cells.join("\t") + "\n"
            }
        };
        let heads = ["AR", "ST", "I alt"].map(String::from);
        let mut stubless = heads.to_vec();
        if trailing {
            stubless.push(String::new());
        }
        let mut with_stub = vec![String::new()];
        with_stub.extend(heads.iter().cloned());
        let rule = if markdown { "|---|---|---|---|\n" } else { "" };
        let table = |head: &[String]| {
            let mut t = line(head) + rule;
            for r in &body {
                t.push_str(&line(r));
            }
            t
        };
        let read = |t: &str| verdicts(&crate::common::checks_of_text(t));
        let expected = read(&table(&with_stub));
        prop_assert_eq!(read(&table(&stubless)), expected.clone());
        let errors: Vec<&String> = expected.iter().filter(|c| c.2 == Verdict::Error).map(|c| &c.0).collect();
        match wrong {
            Some((r, _)) if r < rows.len() => prop_assert_eq!(errors, vec![&body[r][0]]),
            _ => prop_assert!(errors.is_empty(), "{:?}", expected),
        }
    }
}

/// Danmarks Statistik's quarterly table of public employees as its copy
/// arrives (`tests/data/heldout6/dst-nyt-2022k2-…sektorfordeling.pasted.txt`):
/// two heading rows (`1. kvt. | 2. kvt. | | 1. kvt. | 2. kvt.` over `antal |
/// udvikling i pct. i forhold til kvartalet før`) pasted one cell per line,
/// the empty cells lost. Which heading belongs to which column cannot be
/// told; taken as the nearest lines, `udvikling i pct.` headed the counts
/// and five correct rows were errors. Read without a heading, nothing is
/// established and nothing is an error. The same for the four other
/// quarters' tables of that kind in the set.
#[test]
fn a_pasted_heading_that_cannot_be_aligned_is_no_heading() {
    for slug in [
        "dst-nyt-2022k1-offentligt-beskaeftigede-formaal-udsnit",
        "dst-nyt-2022k2-offentligt-beskaeftigede-sektorfordeling",
        "dst-nyt-2022k4-offentligt-beskaeftigede-sektorfordeling",
        "dst-nyt-2023k2-offentligt-beskaeftigede-sektorfordeling",
        "finanz-2019k2-offentligt-beskaeftigede-sektorfordeling",
    ] {
        let c = crate::common::checks_of_text(&crate::common::data_pasted("heldout6", slug));
        assert_eq!(errors(&c), Vec::<String>::new(), "{slug}");
    }
    // A heading row whose cells repeat (its upper row lost) is no heading
    // either; under a heading of one row the same table is judged.
    let repeated = "Tabel 3\n\nMio. kr.\nBudget\nRegnskab\nBudget\nRegnskab\nSkatter\n1,0\n2,0\n3,0\n4,0\nTilskud\n1,0\n2,0\n3,0\n4,0\nI alt\n2,0\n4,0\n6,0\n8,0\n";
    let c = crate::common::checks_of_text(repeated);
    assert!(
        c.iter().all(|c| c.column.as_deref() != Some("Budget")),
        "{:?}",
        verdicts(&c)
    );
    let one_row =
        "Tabel 3\n\nMio. kr.\n2025\n2026\nSkatter\n1,0\n2,0\nTilskud\n1,0\n2,5\nI alt\n2,0\n4,0\n";
    assert_eq!(
        verdicts(&crate::common::checks_of_text(one_row)),
        vec![
            v("I alt", "2025", Verdict::Exact),
            v("I alt", "2026", Verdict::Error)
        ]
    );
}

/// A table without a header row whose last column is the afvigelse in per
/// cent of the budget, printed without `%` (a heading lost in copying): the
/// `I alt` of that column is no sum (-10,0 + 10,0 is not -3,3), and the
/// figures show what it is: in every row the afvigelse in per cent of the
/// budget. Not understood, no error; the amounts are judged.
#[test]
fn a_headerless_percent_column_is_not_summed_into_an_error() {
    let c = checks("Drift\t100,0\t90,0\t-10,0\t-10,0\nAnlæg\t50,0\t55,0\t5,0\t10,0\nI alt\t150,0\t145,0\t-5,0\t-3,3\n");
    assert_eq!(errors(&c), Vec::<String>::new());
    let skipped = skipped_details(&c);
    assert_eq!(
        skipped,
        vec!["not understood: the column has no heading, and in every row it is column 4 in per cent of column 2, not an amount"]
    );
    assert_eq!(
        c.iter().filter(|c| c.verdict == Verdict::Exact).count(),
        6,
        "{:?}",
        verdicts(&c)
    );
    // A budget column is 100 × the afvigelse / its own per cent as well
    // (78,8 = 100 × 1,5 / 1,9 within the rounding): its wrong total (148,8
    // for 98,8) is an error, not a quotient's, and the per cent's is still
    // not understood (a property found it on a seed of its own).
    let c = checks("Område 1\t78,8\t80,3\t1,5\t1,9\nOmråde 2\t10,0\t9,9\t-0,1\t-1,0\nOmråde 3\t10,0\t9,9\t-0,1\t-1,0\nI alt\t148,8\t100,1\t1,3\t1,3\n");
    let at = |col: &str| -> Vec<Verdict> {
        c.iter()
            .filter(|c| {
                c.row.as_deref() == Some("I alt")
                    && c.column.as_deref() == Some(col)
                    && c.relation.contains("sum of")
            })
            .map(|c| c.verdict)
            .collect()
    };
    assert_eq!(at("column 2"), [Verdict::Error]);
    assert_eq!(at("column 5"), [Verdict::Skipped]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A headerless budget follow-up (budget, forventet, afvigelse, and the
    /// afvigelse in per cent of the budget without `%`) is never an error in
    /// its per-cent column, whatever the figures; a wrong `I alt` in an
    /// amount column is still an error there.
    #[test]
    fn a_headerless_percent_column_is_never_an_error(
        rows in proptest::collection::vec((100i64..5000, -300i64..300), 3..6),
        wrong in proptest::option::of(500i64..2000),
    ) {
        let mut t = String::new();
        let (mut kt, mut ft) = (0i64, 0i64);
        for (i, (k, d)) in rows.iter().enumerate() {
            let f = k + d;
            kt += k;
            ft += f;
            let pct = (d * 1000 * 2 / k + (d * 1000 * 2 / k).signum()) / 2;
            t.push_str(&format!("Område {}\t{}\t{}\t{}\t{}\n", i + 1, dk_tenths(*k), dk_tenths(f), dk_tenths(*d), dk_tenths(pct)));
        }
        let dt = ft - kt;
        let pct = (dt * 1000 * 2 / kt + (dt * 1000 * 2 / kt).signum()) / 2;
        let shown_kt = kt + wrong.unwrap_or(0);
        t.push_str(&format!("I alt\t{}\t{}\t{}\t{}\n", dk_tenths(shown_kt), dk_tenths(ft), dk_tenths(dt), dk_tenths(pct)));
        let c = checks(&t);
        prop_assert!(
            c.iter().all(|c| c.verdict != Verdict::Error || c.column.as_deref() != Some("column 5")),
            "{:?}", verdicts(&c)
        );
        if wrong.is_some() {
            prop_assert!(
                c.iter().any(|c| c.verdict == Verdict::Error && c.row.as_deref() == Some("I alt") && c.column.as_deref() == Some("column 2")),
                "{:?}", verdicts(&c)
            );
        }
    }
}

/// The three false errors of heldout9's first run, each a labelled total
/// whose rows the table shows otherwise (the figures as published):
/// - Kalundborg's price list: `Samlet mad pr. dag` 119 kr. is the four `…
///   pr. dag` rows just above it (22 + 50 + 32 + 15), not all nine rows of
///   prices above it;
/// - Region Midtjylland's `Tillægsbevillinger:` 605 is the sum of the four
///   rows after it, and `I alt` 20.746 = 20.141 + 605;
/// - the region's pie-chart labels: `Driftsomkostninger i alt:` 25.346
///   stands among its areas (four above, two after).
///
/// Not understood, never an error; a total whose rows are its own block is
/// still judged, and a wrong one is still an error.
#[test]
fn a_total_whose_rows_the_table_shows_otherwise_is_not_understood() {
    let skipped = |t: &str| {
        let c = checks(t);
        assert_eq!(errors(&c), Vec::<String>::new(), "{t}");
        c.iter()
            .filter(|c| c.verdict == Verdict::Skipped && c.detail.contains("which rows it covers"))
            .map(|c| c.row.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let prices = "Hovedret, almindelig\t46 kr.\nHovedret, lille\t41 kr.\nBiret\t15 kr.\nHovedret + biret\t61 kr.\nTransport af mad pr. uge\t57 kr.\nMorgenmad - pr. dag\t22 kr.\nMiddagsmad - pr. dag\t50 kr.\nAftensmad - pr dag\t32 kr.\nMellemmåltider - pr dag\t15 kr.\nSamlet mad pr. dag\t119 kr.\n";
    assert_eq!(skipped(prices), vec!["Samlet mad pr. dag"]);
    let grants = "Mio.kr.\t\nOprindeligt driftsbudget\t20.141\nTillægsbevillinger:\t605\nDUT-reguleringer\t67\nOverførsler\t123\nBudgetteret driftsunderskud\t200\nDecember-regulering\t215\nI alt\t20.746\n";
    assert_eq!(skipped(grants), vec!["I alt"]);
    let areas = "Omkostninger i mio. kr.\t\nSociale tilbud\t1.471\nBehandlingspsykiatri\t1.596\nSygesikringsmedicin\t1.621\nPrimær sundhed i øvrigt\t3.173\nDriftsomkostninger i alt:\t25.346\nØkonomi og aktivitet\t\nRegional Udvikling\t585\nHospitaler m.v.\t16.900\n";
    assert_eq!(skipped(areas), vec!["Driftsomkostninger i alt:"]);
    // Its own block: judged, and wrong is an error.
    let own = "Mio. kr.\t2026\nDrift\t46\nAnlæg\t41\nRenter\t15\nI alt\t102\n";
    assert_eq!(
        verdicts(&checks(own)),
        vec![v("I alt", "2026", Verdict::Exact)]
    );
    let wrong = "Mio. kr.\t2026\nDrift\t46\nAnlæg\t41\nRenter\t15\nI alt\t110\n";
    assert_eq!(
        verdicts(&checks(wrong)),
        vec![v("I alt", "2026", Verdict::Error)]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A one-column price list whose total's label shares a word with its
    /// last rows only (`Samlet pr. dag` over `… pr. dag` rows under other
    /// prices) and is the sum of those rows is never an error (not
    /// understood); under plain rows (`Ydelse 1`, …) a total covers the
    /// whole run, so the same figure is never passed there, and a total of
    /// all rows is exact.
    #[test]
    fn a_total_of_the_rows_its_label_names_is_never_a_false_error(
        head in proptest::collection::vec(1i64..500, 2..6),
        tail in proptest::collection::vec(1i64..500, 2..5),
    ) {
        let last: i64 = tail.iter().sum();
        let all: i64 = head.iter().sum::<i64>() + last;
        prop_assume!(last != all);
        // No row the sum of a run of two or more rows just above it, to
        // within rounding: that is a subtotal, and a total over it and the
        // rows after it a build-up (`subtotal_chain`), not a false pass.
        let rows: Vec<i64> = head.iter().chain(&tail).copied().collect();
        prop_assume!((2..rows.len()).all(|r| (0..r - 1).all(|from| {
            (rows[from..r].iter().sum::<i64>() - rows[r]).abs() > 1
        })));
        let mut named = String::from("Takster\tKr.\n");
        let mut plain = String::from("Takster\tKr.\n");
        for (i, x) in head.iter().enumerate() {
            named.push_str(&format!("Ydelse {} pr. uge\t{x}\n", i + 1));
            plain.push_str(&format!("Ydelse {}\t{x}\n", i + 1));
        }
        for (i, x) in tail.iter().enumerate() {
            named.push_str(&format!("Måltid {} - pr. dag\t{x}\n", i + 1));
            plain.push_str(&format!("Ydelse {}\t{x}\n", head.len() + i + 1));
        }
        let c = checks(&format!("{named}Samlet pr. dag\t{last}\n"));
        prop_assert_eq!(errors(&c), Vec::<String>::new());
        // Under plain rows it is never passed: an error, or not understood
        // where several runs of the last rows fit (`engine::guard_block`).
        let c = checks(&format!("{plain}I alt\t{last}\n"));
        prop_assert!(!c.is_empty() && c.iter().all(|c| c.verdict == Verdict::Error || c.verdict == Verdict::Skipped), "{:?}", verdicts(&c));
        prop_assert_eq!(verdicts(&checks(&format!("{plain}I alt\t{all}\n"))), vec![v("I alt", "Kr.", Verdict::Exact)]);
    }
}

/// The draw of `a_total_of_the_rows_its_label_names_is_never_a_false_error`
/// the speed helper found: `Ydelse 5` is `Ydelse 3` + `Ydelse 4` only
/// within the rounding of whole kroner (59 + 295 = 354, printed 353), too
/// weak a subtotal to build `I alt` on as `Ydelse 5` + `Ydelse 6` with the
/// first two rows left out: `I alt` 647 is never passed under plain rows.
#[test]
fn a_subtotal_within_rounding_only_builds_no_total() {
    let t = "Takster\tKr.\nYdelse 1\t469\nYdelse 2\t216\nYdelse 3\t59\nYdelse 4\t295\nYdelse 5\t353\nYdelse 6\t294\nI alt\t647\n";
    assert_eq!(
        verdicts(&checks(t)),
        vec![v("I alt", "Kr.", Verdict::Skipped)]
    );
    // Exact, the build-up is read (a price list's `I alt, ekskl. moms`).
    let t = "Takster\tKr.\nYdelse 1\t469\nYdelse 2\t216\nYdelse 3\t59\nYdelse 4\t295\nYdelse 5\t354\nYdelse 6\t294\nI alt\t648\n";
    assert!(errors(&checks(t)).is_empty());
}

/// Two of the held-out tables as their copies arrive, rows flattened to
/// single spaces under a heading line of multi-word headings: Jobindsats'
/// `2017 2018` over `Antal personer Antal personer` (one phrase per
/// column; read as its last two words, the unit was lost and the persons
/// counted in several categories were summed into two false errors), and
/// the Økonomistyrelsen's `Udgifter Indtægter Saldo Akkumuleret saldo`
/// (read by its last four words, `saldo` headed the accumulated balance and
/// it was summed: a false error). Each now gives its tab-separated form's
/// verdicts, relation by relation.
#[test]
fn flattened_multi_word_headings_read_as_their_tables() {
    for (folder, slug) in [
        (
            "heldout",
            "jobindsats-kontanthjaelp-antal-personer-visitationskategori-2017-2018",
        ),
        (
            "heldout",
            "oes-regnskabstal-2023-kommunale-regionale-aaret-til-dato",
        ),
    ] {
        let pasted = crate::common::data_pasted(folder, slug);
        let tsv = crate::common::data_tsv(folder, slug);
        let by_paste = crate::common::checks_of_text(&pasted);
        assert_eq!(errors(&by_paste), Vec::<String>::new(), "{slug}");
        assert_eq!(verdicts(&by_paste), verdicts(&checks(&tsv)), "{slug}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A budget follow-up pasted with its rows flattened to single spaces
    /// under a heading line of multi-word headings (`Korrigeret budget
    /// Forventet regnskab Afvigelse`, with or without a stub) gives the
    /// verdicts of its tab-separated form, relation by relation.
    #[test]
    fn a_flattened_table_under_multi_word_headings_reads_as_its_tab_separated_form(
        rows in proptest::collection::vec((100i64..5000, -300i64..300), 2..5),
        stub in any::<bool>(),
        wrong in proptest::option::of(500i64..2000),
    ) {
        let heads = ["Korrigeret budget", "Forventet regnskab", "Afvigelse"];
        let mut body: Vec<Vec<String>> = Vec::new();
        let (mut kt, mut ft) = (0i64, 0i64);
        for (i, (k, d)) in rows.iter().enumerate() {
            kt += k;
            ft += k + d;
            // Letters, not numbers: `Område 1 10,0 …` flattened cannot say
            // whether the 1 is the label's.
            let name = ["Nord", "Syd", "Øst", "Vest", "Midt"][i];
            body.push(vec![format!("Område {name}"), dk_tenths(*k), dk_tenths(k + d), dk_tenths(*d)]);
        }
        body.push(vec!["I alt".into(), dk_tenths(kt + wrong.unwrap_or(0)), dk_tenths(ft), dk_tenths(ft - kt)]);
        let corner = if stub { "Mio. kr." } else { "" };
        let tsv: String = std::iter::once(format!("{corner}\t{}", heads.join("\t")))
            .chain(body.iter().map(|r| r.join("\t")))
            .map(|l| l + "\n")
            .collect();
        let flat: String = std::iter::once("Drift i alt, mio. kr.".to_string())
            .chain(std::iter::once(String::new()))
            .chain(std::iter::once(format!("{corner} {}", heads.join(" ")).trim().to_string()))
            .chain(body.iter().map(|r| r.join(" ")))
            .map(|l| l + "\n")
            .collect();
        let by_tab = verdicts(&checks(&tsv));
        prop_assert_eq!(verdicts(&crate::common::checks_of_text(&flat)), by_tab.clone());
        prop_assert_eq!(by_tab.iter().any(|c| c.2 == Verdict::Error), wrong.is_some(), "{:?}", by_tab);
    }
}

/// Den Gamle By's accounts 2015 and Gjeller Vandværk's tariff 2021 as their
/// copies arrive: rows laid out by runs of spaces, some of them with a
/// single space before the figure (`Hovedanlægsbidrag kr. 2.282,50` above
/// `Forsyningsledningsbidrag kr.   8.750,00`). Those rows were left out of
/// the table (one became its title), and `Indtægter i alt` and `I alt kr.`
/// were summed over the rest: two false errors. Each now gives the
/// tab-separated form's verdicts.
#[test]
fn single_spaced_rows_belong_to_the_laid_out_table() {
    for (folder, slug) in [
        ("heldout6", "dengamleby-2015-regnskab-resume-tusinder"),
        ("heldout7", "gjeller-vandvaerk-takstblad-2021-anlaegsbidrag"),
    ] {
        let pasted = crate::common::data_pasted(folder, slug);
        let tsv = crate::common::data_tsv(folder, slug);
        let by_paste = crate::common::checks_of_text(&pasted);
        assert_eq!(errors(&by_paste), Vec::<String>::new(), "{slug}");
        // The rows' labels differ where the copy keeps a unit with the
        // label (`I alt kr.` beside the tab form's `I alt | kr.`).
        let strip = |c: Vec<(String, String, Verdict)>| -> Vec<Verdict> {
            c.into_iter().map(|(_, _, v)| v).collect()
        };
        assert_eq!(
            strip(verdicts(&by_paste)),
            strip(verdicts(&checks(&tsv))),
            "{slug}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A list laid out by runs of spaces in which any rows have a single
    /// space before their figure gives the verdict of its tab-separated
    /// form: `I alt` exact over all its rows, or an error where it is off.
    #[test]
    fn single_spaced_rows_are_rows_of_their_table(
        rows in proptest::collection::vec((1i64..90_000, any::<bool>()), 3..7),
        wide in 0usize..7,
        off in proptest::option::of(10i64..500),
    ) {
        let names = ["Offentlige tilskud", "Entré", "Butiksdrift", "Restaurantdrift", "Projektindtægter", "Diverse", "Renter"];
        let total: i64 = rows.iter().map(|r| r.0).sum::<i64>() + off.unwrap_or(0);
        let mut text = String::from("Følgende resumé af regnskabet er angivet i tusinder:\n\n");
        let mut tsv = String::new();
        for (i, (v, single)) in rows.iter().enumerate() {
            // At least one row laid out by spaces.
            let gap = if *single && i != wide % rows.len() { " " } else { "    " };
            text.push_str(&format!("{}{gap}{}\n", names[i], dk_int(*v)));
            tsv.push_str(&format!("{}\t{}\n", names[i], dk_int(*v)));
        }
        text.push_str(&format!("Indtægter i alt  {}\n", dk_int(total)));
        tsv.push_str(&format!("Indtægter i alt\t{}\n", dk_int(total)));
        let by_paste: Vec<(String, Verdict)> = verdicts(&crate::common::checks_of_text(&text)).into_iter().map(|(r, _, v)| (r, v)).collect();
        let by_tab: Vec<(String, Verdict)> = verdicts(&checks(&tsv)).into_iter().map(|(r, _, v)| (r, v)).collect();
        prop_assert_eq!(&by_paste, &by_tab);
        let expected = if off.is_some() { Verdict::Error } else { Verdict::Exact };
        prop_assert_eq!(by_tab, vec![("Indtægter i alt".to_string(), expected)]);
    }
}

/// Grønlands Statistik's children in daycare 2022 as its stored copy
/// arrives: the page is cut off inside the table's last figure
/// (`270,0 2` where the page has `226,0`). A bare `2` at the very end, in a
/// column of figures with one decimal, is a figure cut short: not judged
/// (said), where read as 2 the row total beside it was a false error.
#[test]
fn a_last_figure_cut_short_is_not_judged() {
    let c = crate::common::checks_of_text(&crate::common::data_pasted(
        "heldout2",
        "stat-gl-gf-offentlige-finanser-2022-boern-i-dagtilbud-kommuner",
    ));
    assert_eq!(errors(&c), Vec::<String>::new());
    let skipped = skipped_details(&c);
    assert_eq!(skipped, vec!["\"Børn 3-5 år\" has \"2\", not a figure"]);
    // A whole figure in a column of whole figures is read as ever.
    let whole = checks("\tI alt\tA\tB\nX\t30\t10\t20\nY\t50\t20\t30\nZ\t12\t5\t7\n");
    assert!(
        whole
            .iter()
            .any(|c| c.row.as_deref() == Some("Z") && c.verdict == Verdict::Exact),
        "{:?}",
        verdicts(&whole)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// A table of one-decimal figures whose copy ends inside its last figure
    /// (the figure's first digits, bare) is never an error.
    #[test]
    fn a_table_cut_inside_its_last_figure_is_never_an_error(
        rows in proptest::collection::vec(proptest::collection::vec(100i64..99_999, 3), 3..6),
        keep in 1usize..3,
    ) {
        let mut t = String::from("\tI alt\tNord\tSyd\tØst\n");
        let n = rows.len();
        for (i, r) in rows.iter().enumerate() {
            let sum: i64 = r.iter().sum();
            let mut cells: Vec<String> = std::iter::once(sum).chain(r.iter().copied()).map(dk_tenths).collect();
            if i + 1 == n {
                let last = cells[3].chars().filter(char::is_ascii_digit).take(keep).collect::<String>();
                cells[3] = last;
            }
            t.push_str(&format!("Gruppe {}\t{}\n", ["a", "b", "c", "d", "e", "f"][i], cells.join("\t")));
        }
        let c = crate::common::checks_of_text(&t);
        prop_assert!(c.iter().all(|c| c.verdict != Verdict::Error), "{:?}", verdicts(&c));
    }
}

/// Found by the corrected-budget property test (verify_corrected_budget.rs):
/// a follow-up whose original budgets are round thousands. The column is
/// then read as rounded to hundreds (its figures all end in 00), and as a
/// total placed first it "held" as `Tillægsbevillinger` + `Overførsler` +
/// `Korrigeret budget` in two rows within ±50 (−3 + 0 + 9.997 = 9.994
/// against 10.000), failing in the third (0 + 26 + 30.026 = 30.052 against
/// 30.000): an error on a correct table. A relation the figures alone
/// establish must hold as the figures are printed, not only within a
/// rounding guessed from their trailing zeros.
#[test]
fn round_budgets_are_no_total_of_the_columns_after_them() {
    let doc = "Bevillingsområde\tOprindeligt budget\tTillægsbevillinger\tOverførsler fra 2025\tKorrigeret budget
Område 1\t10.000\t-3\t0\t9.997
Område 2\t20.000\t-5\t0\t19.995
Område 3\t30.000\t0\t26\t30.026
I alt\t60.000\t-8\t26\t60.018
";
    let c = checks(doc);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    assert!(
        !c.iter().any(|c| c.relation.contains("columns after it")),
        "{:#?}",
        verdicts(&c)
    );
    // Every corrected budget is judged by the headers' relation.
    assert_eq!(
        c.iter()
            .filter(|c| c.relation.contains(
                "[Korrigeret budget]: Oprindeligt budget + Tillægsbevillinger + Overførsler fra 2025"
            ) && c.verdict == Verdict::Exact)
            .count(),
        4
    );
}

/// A follow-up with a column that is 0 in most rows (`Andet`): the figures
/// relate `Korrigeret budget` to the three columns before it in every row,
/// and `Tillægsbevillinger` = `Korrigeret budget` − `Oprindeligt budget`
/// held in the two rows where `Andet` is 0 and failed in the third (base:
/// two errors on a correct table, 26 for 0 and 18 for −8). The narrower
/// reading is the wider one with a term left out: no structure of its own.
#[test]
fn a_reading_with_a_term_left_out_is_no_error_where_that_term_is_not_zero() {
    for header in ["Andet", "Overførsler fra 2025"] {
        let doc = format!(
            "Bevillingsområde\tOprindeligt budget\tTillægsbevillinger\t{header}\tKorrigeret budget
Område 1\t10.001\t-3\t0\t9.998
Område 2\t20.003\t-5\t0\t19.998
Område 3\t30.007\t0\t26\t30.033
I alt\t60.011\t-8\t26\t60.029
"
        );
        let c = checks(&doc);
        assert!(errors(&c).is_empty(), "{header}: {:#?}", errors(&c));
        // The wider relation is judged in every row (10.001 − 3 + 0 =
        // 9.998, 30.007 + 0 + 26 = 30.033, 60.011 − 8 + 26 = 60.029).
        assert_eq!(
            c.iter()
                .filter(|c| c.column.as_deref() == Some("Korrigeret budget")
                    && !c.relation.contains("rows")
                    && c.verdict == Verdict::Exact)
                .count(),
            4,
            "{header}: {:#?}",
            verdicts(&c)
        );
    }
}

/// The twelfth session's review of the corrected-budget relation
/// (`tests/data/review12`): five follow-ups whose columns all add up, with
/// `-` in change columns and carry-overs no column shows. Each gave a false
/// error (a figure-only reading let through by a quick look that left the
/// total rows out, or a total blamed for a `-` row's unknown); none may.
#[test]
fn the_twelfth_review_follow_ups_have_no_false_error() {
    for f in [
        "f1_dash_hidden",
        "f2_subset_reading",
        "f3_spurious_forv_reading",
        "f4_hidden_two_rows_dash",
        "f5_dash_row_blames_ialt",
    ] {
        let text = std::fs::read_to_string(
            crate::common::root().join(format!("tests/data/review12/{f}.md")),
        )
        .expect("review12 file");
        let c = crate::common::checks_of_text(&text);
        assert!(errors(&c).is_empty(), "{f}: {:#?}", errors(&c));
    }
    // f5: the total adds up a row whose relation is not judged (its `-`
    // may be a figure not known), so its own is not judged either.
    let text = std::fs::read_to_string(
        crate::common::root().join("tests/data/review12/f5_dash_row_blames_ialt.md"),
    )
    .expect("review12 file");
    let c = crate::common::checks_of_text(&text);
    let total = c
        .iter()
        .find(|c| c.row.as_deref() == Some("I alt") && c.relation.contains("Vedtaget budget +"))
        .expect("the total's relation");
    assert_eq!(total.verdict, Verdict::Skipped);
    assert!(
        total.detail.starts_with("\"I alt\" adds up \"Ældre\""),
        "{}",
        total.detail
    );
}

/// A follow-up of the twelfth review (`mio_hid_some__023`, generated):
/// carry-overs no column shows in three rows, two of which print `-` for
/// their tillæg. `Tillægsbevillinger` = `Korrigeret budget` − `Opr. budget`
/// held in the four other rows and failed in `Veje og parker` (46,8 + 1,3
/// against 51,2), so the figures seemed to establish it, and the correct
/// `Veje og parker` and `I alt` were errors. Read as nothing, the two `-`
/// fail it as well (342,9 + 0 against 344,6; 1.961,7 + 0 against 1.964,5):
/// three failures, no structure of the table.
const DASHES_AGAINST_A_READING: &str = "Område\tOpr. budget\tTillægsbevillinger\tKorrigeret budget\tForbrug\tForventet regnskab\tAfvigelse
Skoler\t342,9\t-\t344,6\t150,5\t346,4\t-1,8
Dagtilbud\t917,5\t6,2\t923,8\t354,5\t919,6\t4,2
Ældre\t1.440,0\t2,5\t1.442,5\t547,2\t1.439,8\t2,6
Handicap\t204,0\t6,3\t210,3\t80,0\t206,1\t4,2
Sundhed\t68,1\t-2,1\t66,0\t20,0\t66,7\t-0,6
Jobcenter\t1.961,7\t-\t1.964,5\t916,7\t1.965,0\t-0,5
Veje og parker\t46,8\t1,3\t51,2\t24,8\t47,0\t4,2
I alt\t4.981,0\t14,2\t5.002,8\t2.093,6\t4.990,5\t12,3
";

#[test]
fn dashes_that_fail_a_reading_count_against_it() {
    let c = checks(DASHES_AGAINST_A_READING);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    assert!(
        !c.iter()
            .any(|c| c.column.as_deref() == Some("Tillægsbevillinger")
                && c.row.as_deref() != Some("I alt")),
        "{:#?}",
        verdicts(&c)
    );
    // The rest of the table is judged: every column's `I alt` and every
    // row's afvigelse.
    let totals: Vec<(String, String, Verdict)> = verdicts(&c)
        .into_iter()
        .filter(|(r, _, _)| r == "I alt")
        .collect();
    assert_eq!(totals.len(), 7, "{totals:#?}");
    assert_eq!(
        c.iter()
            .filter(|c| c.column.as_deref() == Some("Afvigelse") && c.verdict != Verdict::Skipped)
            .count(),
        9,
        "{:#?}",
        verdicts(&c)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A follow-up with carry-overs no column shows in one row that prints
    /// its tillæg and in two that print `-` is never an error: the `-`
    /// rows, read as nothing, fail `Tillægsbevillinger` = `Korrigeret
    /// budget` − `Opr. budget` as the third row does. The column sums are
    /// judged exact.
    #[test]
    fn carry_overs_hidden_behind_dashes_are_never_an_error(
        budgets in proptest::collection::vec(100i64..20_000, 5..8),
        changes in proptest::collection::vec(prop_oneof![-90i64..-1, 1i64..90], 8),
        hidden in proptest::collection::vec(prop_oneof![-60i64..-5, 5i64..60], 3),
        spent in proptest::collection::vec(-80i64..80, 8),
        rotate in 0usize..8,
    ) {
        let n = budgets.len();
        // Rows 0 and 1 print `-` and hide a carry-over, row 2 hides one;
        // the order is rotated.
        let role = |i: usize| (i + rotate) % n;
        let mut t = String::from(
            "Område\tOpr. budget\tTillægsbevillinger\tKorrigeret budget\tForventet regnskab\tAfvigelse\n",
        );
        let mut sums = [0i64; 5];
        for i in 0..n {
            let r = role(i);
            let dash = r < 2;
            let till = if dash { 0 } else { changes[i] };
            let korr = budgets[i] + till + if r < 3 { hidden[r] } else { 0 };
            let forv = korr + spent[i];
            let afv = korr - forv;
            let till_text = if dash { "-".to_string() } else { dk_tenths(till) };
            t.push_str(&format!(
                "Område {}\t{}\t{}\t{}\t{}\t{}\n",
                i + 1,
                dk_tenths(budgets[i]),
                till_text,
                dk_tenths(korr),
                dk_tenths(forv),
                dk_tenths(afv)
            ));
            for (s, v) in sums.iter_mut().zip([budgets[i], till, korr, forv, afv]) {
                *s += v;
            }
        }
        t.push_str(&format!(
            "I alt\t{}\t{}\t{}\t{}\t{}\n",
            dk_tenths(sums[0]),
            dk_tenths(sums[1]),
            dk_tenths(sums[2]),
            dk_tenths(sums[3]),
            dk_tenths(sums[4])
        ));
        let c = checks(&t);
        prop_assert_eq!(errors(&c), Vec::<String>::new(), "{}", t);
        for col in ["Opr. budget", "Korrigeret budget", "Forventet regnskab"] {
            prop_assert!(
                c.iter().any(|c| c.row.as_deref() == Some("I alt")
                    && c.column.as_deref() == Some(col)
                    && c.relation.contains("rows")
                    && c.verdict == Verdict::Exact),
                "{}: {:?}", col, verdicts(&c)
            );
        }
    }
}

/// The tool's own summary table in whole mio. kr., found by the
/// reconciliation property test (`rendering_then_verifying_gives_no_error`):
/// `2026` = `2027` + `2028` held in the two rows above the total (81 + 15
/// = 96 within the rounding of 97; −17 − 24 = −41) and failed in the total
/// row (63 − 10 = 53 against 56), which was reported as an error although
/// every column's total adds up. Under headers that are no years
/// (`Nord | Midt | Syd | Vest`) the same figures give the same reading,
/// which the total row contradicts.
const A_YEAR_IS_NO_SUM_OF_YEARS: &str =
    "Konto 6 (service): besparelseskrav og realiserede besparelser
+---------------------+------+------+------+------+
| Mio. kr.            | 2026 | 2027 | 2028 | 2029 |
+=====================+======+======+======+======+
| Konto 6 (service)   |      |      |      |      |
| Besparelseskrav     |   97 |   81 |   15 |    0 |
| Realiserede         |  -41 |  -17 |  -24 |  -24 |
| I alt konto 6       |   56 |   63 |  -10 |  -24 |
+---------------------+------+------+------+------+
";

#[test]
fn a_first_column_is_no_sum_of_the_next_where_the_total_row_contradicts_it() {
    for text in [
        A_YEAR_IS_NO_SUM_OF_YEARS.to_string(),
        A_YEAR_IS_NO_SUM_OF_YEARS.replace(
            "| 2026 | 2027 | 2028 | 2029 |",
            "| Nord | Midt | Syd  | Vest |",
        ),
    ] {
        let c = crate::common::checks_of_text(&text);
        assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
        // The four column totals, and nothing else.
        let got: Vec<(String, Verdict)> =
            c.iter().map(|c| (c.relation.clone(), c.verdict)).collect();
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(
            got.iter()
                .all(|(r, _)| r.starts_with("I alt konto 6 [") && r.contains("sum of 2 rows")),
            "{got:#?}"
        );
        assert_eq!(
            got.iter().filter(|(_, v)| *v == Verdict::Exact).count(),
            2,
            "{got:#?}"
        );
    }
}

/// `Andel af befolkningen` beside the budget (found by
/// `columns_that_do_not_add_are_never_an_error`): shares of another whole,
/// whose `I alt` prints 0,1, not 100. The header's word alone made them
/// shares of the budget's total: four errors on a correct table. A share
/// column whose total row is no 100 % is judged by its figures, which fit
/// in one row of five here: not understood.
#[test]
fn shares_whose_total_is_no_hundred_percent_are_judged_by_their_figures() {
    let c = checks(
        "Mio. kr.\tBudget\tAndel af befolkningen
Område 1\t257,8\t0,1
Område 2\t24,4\t0,1
Område 3\t196,7\t23,0
Område 4\t374,2\t0,1
I alt\t853,1\t0,1
",
    );
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    assert_eq!(
        verdicts(&c),
        vec![
            v("Område 1", "Andel af befolkningen", Verdict::Skipped),
            v("I alt", "Budget", Verdict::Exact),
            v("I alt", "Andel af befolkningen", Verdict::Skipped),
        ]
    );
    assert!(skipped_details(&c)[0].starts_with("not understood: the figures fit none"));
    // Shares of the total whose own 100 % is misprinted: the figures
    // still establish them, and the misprint is the one error.
    let c = checks(
        "Mio. kr.\tBudget\tAndel
Område 1\t257,8\t30,2%
Område 2\t24,4\t2,9%
Område 3\t196,7\t23,1%
Område 4\t374,2\t43,9%
I alt\t853,1\t10,0%
",
    );
    let errs = errors(&c);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].contains("I alt [Andel]") && errs[0].contains("should read 100,0%"),
        "{errs:#?}"
    );
}

/// A headerless list whose first figures could be years (found by
/// `single_spaced_rows_are_rows_of_their_table`): `Offentlige tilskud |
/// 1.950` was read as the header row, and `Indtægter i alt` as the sum of
/// the rows after it alone (500 + 300 = 800, not 2.750): a false error. The
/// total adds up with the first row and not without it, so the first row
/// is a part. Under a real header the years stay a header.
#[test]
fn a_first_row_the_total_adds_up_is_no_header() {
    for (doc, sum) in [
        (
            "Offentlige tilskud\t1.950\nEntré\t500\nButiksdrift\t300\nIndtægter i alt\t2.750\n",
            "1.950 + 500 + 300 = 2.750",
        ),
        (
            "Offentlige tilskud\t2.010\nEntré\t2.000\nButiksdrift\t300\nIndtægter i alt\t4.310\n",
            "2.010 + 2.000 + 300 = 4.310",
        ),
    ] {
        let c = checks(doc);
        assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
        assert_eq!(c.len(), 1, "{:#?}", verdicts(&c));
        assert_eq!(c[0].verdict, Verdict::Exact);
        assert!(c[0].detail.ends_with(sum), "{}", c[0].detail);
    }
    let c = checks(
        "Mio. kr.\t2024\t2025\nEntré\t500\t510\nButiksdrift\t300\t320\nIndtægter i alt\t800\t830\n",
    );
    assert_eq!(
        verdicts(&c),
        vec![
            v("Indtægter i alt", "2024", Verdict::Exact),
            v("Indtægter i alt", "2025", Verdict::Exact)
        ]
    );
}

/// The review of the `-` rule (`/tmp/review13`, neutral_k1_11): a `-`
/// among a reading's terms is read as nothing and counted by the figures
/// already, as a failure where it makes the reading fail; counted once
/// more as a `-` failure, it dropped `Korrigeret budget` = `Opr. budget` +
/// `Vedtaget`, and the wrong `Husleje` (49 + `-` against 47) lost its line.
#[test]
fn a_dash_among_the_terms_is_counted_once() {
    let c = crate::common::checks_of_text(
        "| Område | Opr. budget | Vedtaget | Korrigeret budget |
|---|---|---|---|
| Drift | 374 | 7 | 381 |
| Anlæg | 304 | - | 304 |
| Løn | 666 | - | 666 |
| Husleje | 49 | - | 47 |
| I alt | 1.393 | 7 | 1.400 |
",
    );
    let husleje: Vec<(String, Verdict)> = c
        .iter()
        .filter(|c| c.row.as_deref() == Some("Husleje"))
        .map(|c| (c.relation.clone(), c.verdict))
        .collect();
    assert_eq!(
        husleje,
        vec![(
            "Husleje [Korrigeret budget]: Opr. budget + Vedtaget".to_string(),
            Verdict::Skipped
        )]
    );
    assert_eq!(
        c.iter()
            .filter(|c| c.column.as_deref() == Some("Korrigeret budget")
                && c.relation.contains("Opr. budget + Vedtaget")
                && c.verdict == Verdict::Exact)
            .count(),
        4,
        "{:#?}",
        verdicts(&c)
    );
}

/// A reviewer's tables (session 28): a row with no total word that the
/// counts show is the sum of the areas above it (`Kommunen`, a year) has
/// a rate beside them that lies between the areas' rates: an average,
/// not understood, never an error; the counts are still judged.
#[test]
fn a_rate_beside_counts_under_an_unworded_total_is_no_error() {
    let absence = "Område\tMedarbejdere\tFraværsdage\tSygefravær\n\
                   Skoler\t1.250\t15.100\t5,2\n\
                   Dagtilbud\t980\t13.900\t6,1\n\
                   Ældre\t1.420\t21.800\t6,6\n\
                   Kommunen\t3.650\t50.800\t6,0\n";
    let c = crate::common::checks_of_tsv(absence);
    assert_eq!(errors(&c), Vec::<String>::new());
    let v = verdicts(&c);
    assert!(
        v.contains(&("Kommunen".into(), "Medarbejdere".into(), Verdict::Exact)),
        "{v:#?}"
    );
    assert!(
        v.contains(&("Kommunen".into(), "Fraværsdage".into(), Verdict::Exact)),
        "{v:#?}"
    );
    let cases = "Kvartal\tModtagne sager\tAfgjorte sager\tSagsbehandlingstid\n\
                 K1\t310\t300\t42\nK2\t290\t280\t38\nK3\t260\t270\t45\nK4\t340\t330\t40\n\
                 2024\t1.200\t1.180\t41\n";
    assert_eq!(
        errors(&crate::common::checks_of_tsv(cases)),
        Vec::<String>::new()
    );
}

/// An account code column beside the amounts (`0322`, `032201`): codes
/// with a leading zero are no figures, so no sum of them is judged; the
/// amounts are.
#[test]
fn an_account_code_column_is_not_summed() {
    let doc = "Konto\tTekst\tR 2023\tB 2024\n\
               0322\tFolkeskoler\t600,2\t612,0\n\
               032201\tUndervisning\t590,0\t601,8\n\
               032202\tFællesudgifter\t10,2\t10,2\n";
    let c = crate::common::checks_of_tsv(doc);
    assert_eq!(errors(&c), Vec::<String>::new());
    assert!(
        !c.iter().any(|k| k.column.as_deref() == Some("Konto")),
        "{c:#?}"
    );
    assert_eq!(
        c.iter()
            .filter(|k| k.verdict == Verdict::Exact && k.column.as_deref() != Some("Konto"))
            .count(),
        2,
        "{c:#?}"
    );
}

/// A savings catalogue: each row a proposal, no total word anywhere, the
/// figures round (`-250`, `-500`). A proposal that happens to equal two
/// others in three years of four is no total of them (review of the
/// twenty-eighth session, F3): round figures meet by chance about once in
/// `size / step` tries, and the same proposal repeated across the years is
/// one coincidence, not three. Nothing is judged, so nothing is wrong.
/// (Still open: three DIFFERENT round places, `-100 - 400 = -500`, `-200 -
/// 400 = -600`, `-300 - 400 = -700`, then `-800`, are taken for a total:
/// the places of year columns are not independent, which this chance does
/// not yet count.)
#[test]
fn a_savings_catalogue_of_round_proposals_has_no_total() {
    let catalogues = [
        // -250 - 250 = -500, -500 - 250 = -750 (twice), then -1.000.
        "Besparelsesforslag (1.000 kr.)\t2026\t2027\t2028\t2029\n\
         Lukning af svømmehal om sommeren\t-250\t-500\t-500\t-500\n\
         Reduceret åbningstid på biblioteker\t-250\t-250\t-250\t-250\n\
         Sammenlægning af tandklinikker\t-500\t-750\t-750\t-1.000\n",
        // 10,0 + 5,0 = 15,0 three times (one place), then 16,0.
        "Mio. kr.\t2025\t2026\t2027\t2028\n\
         Skoler\t10,0\t10,0\t10,0\t10,0\n\
         Dagtilbud\t5,0\t5,0\t5,0\t5,0\n\
         Ældre\t15,0\t15,0\t15,0\t16,0\n",
        // Three DIFFERENT round places (review F3c): -100 - 400 = -500,
        // -200 - 400 = -600, -300 - 400 = -700, then -800. One proposal
        // stays, the other and the third grow by the same -100: once the
        // first year adds up, the next two do by themselves.
        "Forslag (1.000 kr.)\t2026\t2027\t2028\t2029\n\
         Færre licenser\t-100\t-200\t-300\t-300\n\
         Digital post\t-400\t-400\t-400\t-400\n\
         Nye indkøbsaftaler\t-500\t-600\t-700\t-800\n\
         Færre vikarer\t-250\t-250\t-250\t-250\n",
        // An investment list (review t105): `Byfornyelse` is the three
        // projects above in 2026-2028 (3,5, 20,0, 13,0), 2,0 over three
        // zeros in 2029; from 2027 to 2028 only one project changes.
        "Anlæg, mio. kr.\t2026\t2027\t2028\t2029\n\
         Ny daginstitution Vest\t2,0\t15,0\t8,0\t0,0\n\
         Renovering af Nørreskolen\t0,0\t5,0\t5,0\t0,0\n\
         Cykelsti Hovedvejen\t1,5\t0,0\t0,0\t0,0\n\
         Byfornyelse\t3,5\t20,0\t13,0\t2,0\n",
    ];
    for doc in catalogues {
        let c = checks(doc);
        assert_eq!(errors(&c), Vec::<String>::new(), "{doc}");
        assert!(c.is_empty(), "{doc}\n{c:#?}");
    }
}

/// The other side of the same rule: a row that is the sum of the two above
/// it in three years, with figures that are no round steps, is their total
/// by the figures, and the fourth year, 100 off, is the error in it
/// (-1.488 - 2.701 = -4.189, printed -4.289).
#[test]
fn a_row_of_unround_sums_failing_in_one_year_is_still_an_error() {
    let cases = [
        (
            "Forslag (1.000 kr.)\t2026\t2027\t2028\t2029\n\
             Drift\t-1.234\t-1.317\t-1.402\t-1.488\n\
             Anlæg\t-2.345\t-2.512\t-2.630\t-2.701\n\
             Område Nord\t-3.579\t-3.829\t-4.032\t-4.289\n",
            "should read -4.189",
        ),
        // One line that stays, as `Digital post` above, but figures that
        // are no round steps: each year is a place of its own, and 2029
        // (-3.935 printed -4.035) still the error.
        (
            "Forslag (1.000 kr.)\t2026\t2027\t2028\t2029\n\
             Drift\t-1.234\t-1.234\t-1.234\t-1.234\n\
             Anlæg\t-2.345\t-2.512\t-2.630\t-2.701\n\
             Område Nord\t-3.579\t-3.746\t-3.864\t-4.035\n",
            "should read -3.935",
        ),
    ];
    for (doc, should) in cases {
        let c = checks(doc);
        assert_eq!(
            verdicts(&c),
            vec![
                v("Område Nord", "2026", Verdict::Exact),
                v("Område Nord", "2027", Verdict::Exact),
                v("Område Nord", "2028", Verdict::Exact),
                v("Område Nord", "2029", Verdict::Error),
            ],
            "{doc}"
        );
        let wrong = c.iter().find(|k| k.verdict == Verdict::Error).unwrap();
        assert!(wrong.detail.contains(should), "{}", wrong.detail);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A catalogue of proposals in steps of 250 (each -250 to -750, the
    /// third at most -1.000) where the third equals the first two in every
    /// year but one: never an error, whatever the figures (each coincidence
    /// of round figures is at least one in four).
    #[test]
    fn round_proposals_that_add_up_in_most_years_are_no_total(
        years in proptest::collection::vec((1i64..=3, 1i64..=3, 1i64..=2), 3..=4),
        off_year in 0usize..4,
        up in any::<bool>(),
    ) {
        let off_year = off_year % years.len();
        let header: Vec<String> = (0..years.len()).map(|i| (2026 + i).to_string()).collect();
        let mut rows = [Vec::new(), Vec::new(), Vec::new()];
        for (i, &(a, b, d)) in years.iter().enumerate() {
            // The third within -250..=-1.000; 250 or 500 off in one year.
            let (a, b) = if a + b > 4 { (a, 4 - a) } else { (a, b) };
            let s = a + b;
            let c = match i == off_year {
                false => s,
                true if up && s + d <= 4 => s + d,
                true if s - d >= 1 => s - d,
                true => s + d,
            };
            rows[0].push(dk_int(-250 * a));
            rows[1].push(dk_int(-250 * b));
            rows[2].push(dk_int(-250 * c));
        }
        let labels = ["Lukning af svømmehal om sommeren", "Reduceret åbningstid", "Sammenlægning af klinikker"];
        let mut doc = format!("Besparelsesforslag (1.000 kr.)\t{}\n", header.join("\t"));
        for (l, r) in labels.iter().zip(&rows) {
            doc.push_str(&format!("{l}\t{}\n", r.join("\t")));
        }
        let c = checks(&doc);
        prop_assert_eq!(errors(&c), Vec::<String>::new(), "{}", doc);
    }

    /// A round proposal that grows by steps of 100 beside one that stays
    /// (review F3c), and a third that is the two in every year but the
    /// last, where it is 100 to 300 off: never an error, however many
    /// different places it holds in.
    #[test]
    fn a_round_proposal_growing_beside_a_steady_one_is_no_total(
        first in 1i64..=5,
        steps in proptest::collection::vec(0i64..=2, 2..=3),
        steady in 1i64..=6,
        off in prop_oneof![-3i64..=-1, 1i64..=3],
    ) {
        let mut grows = vec![first];
        for s in &steps {
            grows.push(grows[grows.len() - 1] + s);
        }
        let n = grows.len() + 1;
        grows.push(grows[grows.len() - 1]);
        let sums: Vec<i64> = grows
            .iter()
            .enumerate()
            .map(|(i, g)| g + steady + if i + 1 == n { off } else { 0 })
            .collect();
        prop_assume!(sums.iter().all(|&x| x > 0));
        let row = |v: &[i64]| v.iter().map(|x| dk_int(-100 * x)).collect::<Vec<_>>().join("\t");
        let header: Vec<String> = (0..n).map(|i| (2026 + i).to_string()).collect();
        let doc = format!(
            "Forslag (1.000 kr.)\t{}\nFærre licenser\t{}\nDigital post\t{}\nNye indkøbsaftaler\t{}\n",
            header.join("\t"),
            row(&grows),
            row(&vec![steady; n]),
            row(&sums),
        );
        let c = checks(&doc);
        prop_assert_eq!(errors(&c), Vec::<String>::new(), "{}", doc);
    }
}

/// A grand `I alt` under a subtotal whose two columns fit different
/// readings (review of the twenty-eighth session, F4/S1): `Budget` 40,0 =
/// 30,0 + 5,0 + 5,0 (the whole block), `Regnskab` 10,0 = 6,0 + 4,0 (the
/// rows after the subtotal only; the whole block gives 42,0). Which rows
/// the total covers is not established, and either figure may be the wrong
/// one: both are reported not understood, neither judged (before, the
/// correct 40,0 was an error and the wrong 10,0 exact). The same table
/// printed right is exact; with three columns, two of them decide.
#[test]
fn a_grand_total_whose_columns_fit_different_readings_is_not_understood() {
    let split = "Mio. kr.\tBudget\tRegnskab\n\
                 Skoler\t10,0\t11,0\n\
                 SFO\t20,0\t21,0\n\
                 I alt skole\t30,0\t32,0\n\
                 Dagpleje\t5,0\t6,0\n\
                 Vuggestuer\t5,0\t4,0\n\
                 I alt\t40,0\t10,0\n";
    let c = checks(split);
    assert_eq!(errors(&c), Vec::<String>::new());
    let grand: Vec<&Check> = c
        .iter()
        .filter(|k| k.row.as_deref() == Some("I alt"))
        .collect();
    assert!(!grand.is_empty(), "{c:#?}");
    assert!(
        grand.iter().all(|k| k.verdict == Verdict::Skipped),
        "{grand:#?}"
    );
    assert!(
        grand[0]
            .detail
            .contains("its columns fit different readings"),
        "{}",
        grand[0].detail
    );

    let right = split.replace("I alt\t40,0\t10,0", "I alt\t40,0\t42,0");
    let c = checks(&right);
    assert_eq!(
        verdicts(&c)
            .into_iter()
            .filter(|(r, _, _)| r == "I alt")
            .collect::<Vec<_>>(),
        vec![
            v("I alt", "Budget", Verdict::Exact),
            v("I alt", "Regnskab", Verdict::Exact)
        ]
    );

    let three = "Mio. kr.\tR 2023\tB 2024\tB 2025\n\
                 Skoler\t100,0\t101,0\t102,0\n\
                 SFO\t20,0\t21,0\t22,0\n\
                 I alt skole\t120,0\t122,0\t124,0\n\
                 Dagpleje\t30,0\t31,0\t32,0\n\
                 Vuggestuer\t40,0\t41,0\t42,0\n\
                 I alt\t190,0\t194,0\t74,0\n";
    let c = checks(three);
    assert_eq!(errors(&c).len(), 1, "{c:#?}");
    let wrong = c.iter().find(|k| k.verdict == Verdict::Error).unwrap();
    assert_eq!(wrong.column.as_deref(), Some("B 2025"));
    assert!(
        wrong.detail.contains("should read 198,0"),
        "{}",
        wrong.detail
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A grand `I alt` under a subtotal, one column the whole block and the
    /// other only the rows after the subtotal (figures 20,0-99,9): never an
    /// error, and its figures are reported not understood, whichever column
    /// holds which.
    #[test]
    fn a_grand_total_split_between_two_readings_is_never_an_error(
        f in proptest::collection::vec((200i64..1000, 200i64..1000), 4),
        whole_first in any::<bool>(),
    ) {
        let sub = (f[0].0 + f[1].0, f[0].1 + f[1].1);
        let whole = (sub.0 + f[2].0 + f[3].0, sub.1 + f[2].1 + f[3].1);
        let after = (f[2].0 + f[3].0, f[2].1 + f[3].1);
        let grand = if whole_first { (whole.0, after.1) } else { (after.0, whole.1) };
        let mut doc = String::from("Mio. kr.\tBudget\tRegnskab\n");
        for (label, (a, b)) in [("Skoler", f[0]), ("SFO", f[1]), ("I alt skole", sub), ("Dagpleje", f[2]), ("Vuggestuer", f[3]), ("I alt", grand)] {
            doc.push_str(&format!("{label}\t{}\t{}\n", dk_tenths(a), dk_tenths(b)));
        }
        let c = checks(&doc);
        prop_assert_eq!(errors(&c), Vec::<String>::new(), "{}", doc);
        let grand: Vec<&Check> = c.iter().filter(|k| k.row.as_deref() == Some("I alt")).collect();
        prop_assert!(
            !grand.is_empty() && grand.iter().all(|k| k.verdict == Verdict::Skipped),
            "{}\n{:#?}", doc, c
        );
    }
}

/// A part printed with a footnote mark after its unit (`124 mio. *`, the
/// Justice Ministry's Polsag table, heldout23), approximately (`ca. 124
/// mio.`) or as a mark of a figure missing (`n.a.`): the total's sum is
/// unknown. Before, the row was left out and the correct `I alt` 535 was an
/// error (`350 + 94 + 7 - 40 = 411`, the first run on heldout23). A
/// `Heraf` row printed so is no part of the sum and blocks nothing.
#[test]
fn a_part_that_is_no_readable_figure_leaves_its_total_unknown() {
    let polsag = crate::common::data_tsv(
        "heldout23",
        "computerworld-polsag-tab-535-mio-justitsministeriet-tabel-med-negativ-kompensation",
    );
    for doc in [
        polsag.clone(),
        polsag.replace("124 mio. *", "ca. 124 mio."),
        polsag.replace("124 mio. *", "n.a."),
    ] {
        let c = checks(&doc);
        assert_eq!(errors(&c), Vec::<String>::new(), "{doc}");
        let total: Vec<&Check> = c
            .iter()
            .filter(|k| k.row.as_deref() == Some("I alt"))
            .collect();
        assert_eq!(total.len(), 1, "{c:#?}");
        assert_eq!(total[0].verdict, Verdict::Skipped);
        assert!(
            total[0]
                .detail
                .contains("which is no figure: its sum is unknown"),
            "{}",
            total[0].detail
        );
    }
    let heraf = "Mio. kr.\tBeløb\nA\t350\nB\t94\nHeraf overhead\t11**\nC\t7\nI alt\t451\n";
    assert_eq!(
        verdicts(&checks(heraf)),
        vec![v("I alt", "Beløb", Verdict::Exact)]
    );
}

/// Review of the thirtieth session, F3: a one-column count whose total's
/// label says it counts each person once (`I alt (unikke borgere)` 903
/// under offers that add up to 1.165, a person in several offers) is not
/// understood, never an error; the same rows under a plain `I alt` are.
#[test]
fn a_total_of_unique_persons_is_no_sum_of_its_rows() {
    let rows = "Antal borgere i tilbud\t2025\n\
                Virksomhedspraktik\t412\n\
                Løntilskud\t188\n\
                Mentor\t260\n\
                Vejledning og opkvalificering\t305\n";
    for label in [
        "I alt (unikke borgere)",
        "I alt, unikke personer",
        "Borgere i alt (en borger kan indgå i flere tilbud)",
    ] {
        let doc = format!("{rows}{label}\t903\n");
        let c = checks(&doc);
        assert_eq!(errors(&c), Vec::<String>::new(), "{doc}");
        assert_eq!(
            verdicts(&c),
            vec![v(label, "2025", Verdict::Skipped)],
            "{c:#?}"
        );
        assert!(
            c[0].detail.contains("counts each one once"),
            "{}",
            c[0].detail
        );
    }
    let c = checks(&format!("{rows}I alt\t903\n"));
    assert_eq!(verdicts(&c), vec![v("I alt", "2025", Verdict::Error)]);
    // A word that only holds the letters is no such label.
    let c = checks(&format!("{rows}I alt kommunikation\t903\n"));
    assert_eq!(
        verdicts(&c),
        vec![v("I alt kommunikation", "2025", Verdict::Error)]
    );
}

/// Review of the thirtieth session, F1: months with their quarters in one
/// column, a quarter printed 10 off its months (152 for 38 + 44 + 60 =
/// 142). `Hele året` 625 is right, and was an error "should read 1.260"
/// (every case counted twice): the rows add up to near twice the total and
/// hold subtotals of their own, so it is not understood.
#[test]
fn a_year_over_months_and_a_wrong_quarter_is_no_double_count_error() {
    let months = [58, 61, 49, 52, 47, 55, 38, 44, 60, 63, 57, 41];
    let quarters = [168, 154, 152, 161];
    let mut doc = String::from("Modtagne ansøgninger om fleksjob\tAntal sager\n");
    for (q, &total) in quarters.iter().enumerate() {
        doc.push_str(&format!("{}. kvartal\t{total}\n", q + 1));
        for m in &months[3 * q..3 * q + 3] {
            doc.push_str(&format!("Måned\t{m}\n"));
        }
    }
    doc.push_str("Hele året\t625\n");
    let c = checks(&doc);
    assert!(
        !c.iter()
            .any(|k| k.verdict == Verdict::Error && k.relation.starts_with("Hele året")),
        "{c:#?}"
    );
    let year: Vec<&Check> = c
        .iter()
        .filter(|k| k.relation.starts_with("Hele året"))
        .collect();
    assert_eq!(year.len(), 1, "{c:#?}");
    assert_eq!(year[0].verdict, Verdict::Skipped);
    assert!(
        year[0].detail.contains("twice the total"),
        "{}",
        year[0].detail
    );
}

/// Review of the thirtieth session, F2: counts whose header states they
/// are rounded to the nearest 10 (as discretion rules print small counts)
/// take that interval, however small: `40 + 130 + 1.250 = 1.420` against a
/// printed 1.430 is rounding, not an error. Without the statement they
/// are exact counts, and it is.
#[test]
fn counts_stated_as_rounded_to_tens_take_that_rounding() {
    let body = "\t2024\t2025\n\
                Under 30 år\t40\t60\n\
                30-49 år\t130\t140\n\
                50 år og derover\t1.250\t1.170\n\
                I alt\t1.430\t1.360\n";
    let c = checks(&format!("Antal personer (afrundet til nærmeste 10){body}"));
    assert_eq!(
        verdicts(&c),
        vec![
            v("I alt", "2024", Verdict::Rounding),
            v("I alt", "2025", Verdict::Rounding)
        ]
    );
    let c = checks(&format!("Antal personer{body}"));
    assert_eq!(
        verdicts(&c),
        vec![
            v("I alt", "2024", Verdict::Error),
            v("I alt", "2025", Verdict::Error)
        ]
    );
}

/// Review of the thirtieth session, S1: an `I alt` that leaves out the row
/// just above it (a SUM range not extended to a new row) fits the rows
/// before it in every column, and was passed as exact (`Jobcenter +
/// Kontanthjælp`). It is not understood now, with the row it leaves out
/// named (visible, and a failure under `--fail-on skipped`); printed
/// right, it is exact as the sum of all three rows.
#[test]
fn a_total_that_leaves_out_a_row_of_its_run_is_not_passed() {
    let rows = "1.000 kr.\t2026\t2027\n\
                Jobcenter\t-1.400\t-2.800\n\
                Kontanthjælp\t-3.100\t-8.200\n\
                Sygedagpenge\t-2.050\t-4.100\n";
    let c = checks(&format!("{rows}I alt\t-4.500\t-11.000\n"));
    assert!(c.iter().all(|k| k.verdict == Verdict::Skipped), "{c:#?}");
    assert!(
        c.iter()
            .any(|k| k.detail.contains("without \"Sygedagpenge\"")),
        "{c:#?}"
    );
    let c = checks(&format!("{rows}I alt\t-6.550\t-15.100\n"));
    assert_eq!(
        verdicts(&c),
        vec![
            v("I alt", "2026", Verdict::Exact),
            v("I alt", "2027", Verdict::Exact)
        ]
    );
}
