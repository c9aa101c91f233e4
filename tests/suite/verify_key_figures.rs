//! Issue 9, key figures (nøgletal) whose label names their ratio
//! (`src/verify/key_figures.rs`): margins, `Soliditetsgrad`,
//! `Likviditetsgrad`, `Afkastningsgrad`, `Afkast på investeret kapital`,
//! `Finansiel gearing`, a growth rate against the year before and a figure
//! per employee, each with its exact verdicts on the held-out real tables
//! (heldout7's IC Group and PwC, heldout4's paqle summary) and on small
//! tables of our own (figures computed by hand); a key figure that cannot
//! be judged is reported, never silent; properties: a key-figure table
//! printed from exact values is never an error, and one margin moved past
//! its rounding is the one error.

use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

use crate::common::{errors, findings, verdicts};

fn checks(tsv: &str) -> Vec<Check> {
    crate::common::checks_of_tsv(tsv)
}

/// (column, verdict) of every check of a row, skipped ones included.
fn row(c: &[Check], label: &str) -> Vec<(String, Verdict)> {
    verdicts(c)
        .into_iter()
        .filter(|(r, _, _)| r == label)
        .map(|(_, col, v)| (col, v))
        .collect()
}

fn cols(v: &[(&str, Verdict)]) -> Vec<(String, Verdict)> {
    v.iter().map(|(c, v)| (c.to_string(), *v)).collect()
}

/// A row reported once, not judged (a row-level line: its place is the
/// row's first column).
fn said_only(c: &[Check], label: &str) {
    let lines = row(c, label);
    assert_eq!(lines.len(), 1, "{label}: {lines:?}");
    assert!(
        lines.iter().all(|(_, v)| *v == Skipped),
        "{label}: {lines:?}"
    );
}

/// The detail of a row's skipped line (a row said, not judged).
fn skipped_detail(c: &[Check], label: &str) -> String {
    c.iter()
        .find(|c| c.row.as_deref() == Some(label) && c.verdict == Verdict::Skipped)
        .map(|c| c.detail.clone())
        .unwrap_or_else(|| panic!("no skipped line for {label}"))
}

const IC: &str = "icgroup-noegletal-2011-12-2015-16-fortsaettende-aktiviteter";
const PWC: &str = "pwc-hoved-og-noegletal-2008-09-2012-13";
const PAQLE: &str = "paqle-p-conradsen-as-regnskab-2020-2024";

use Verdict::{Error, Exact, Rounding, Skipped};

#[test]
fn ic_groups_margins_are_judged_by_their_labels_with_the_published_errors() {
    // heldout7: the margins are Bruttoresultat, EBITDA and EBIT over
    // Nettoomsætning, rows far above them. The 2014/15 margins do not fit
    // the 2014/15 figures (carried over from before a restatement), and
    // the 2013/14 EBITDA-margin 11,0 misses 284 / 2.563 = 11,08
    // (expect.py). EBITDA-margin holds in three years and fails in two:
    // the label names its rows, so the two are errors.
    let c = checks(&crate::common::data_tsv("heldout7", IC));
    let years = ["2015/16", "2014/15", "2013/14", "2012/13", "2011/12"];
    let with = |v: [Verdict; 5]| -> Vec<(String, Verdict)> {
        years
            .iter()
            .zip(v)
            .map(|(y, v)| (y.to_string(), v))
            .collect()
    };
    assert_eq!(
        row(&c, "Bruttomargin (%)"),
        with([Rounding, Error, Rounding, Rounding, Rounding])
    );
    assert_eq!(
        row(&c, "EBITDA-margin (%)"),
        with([Rounding, Error, Error, Rounding, Rounding])
    );
    assert_eq!(
        row(&c, "EBIT-margin (%)"),
        with([Rounding, Error, Rounding, Rounding, Rounding])
    );
    assert_eq!(
        row(&c, "Afkast på investeret kapital (%)**"),
        with([Rounding; 5])
    );
    assert_eq!(row(&c, "Finansiel gearing (%)"), with([Rounding; 5]));
    // The three 2014/15 margins fail through one figure: the revenue, which
    // all three divide by (2.538 where they fit 2.639); the 2013/14
    // EBITDA-margin on its own.
    let f = findings(&c);
    assert_eq!(
        f,
        [
            (
                "Bruttomargin (%)".to_string(),
                "2014/15".to_string(),
                "3:3".to_string(),
                "2.639".to_string()
            ),
            (
                "EBITDA-margin (%)".to_string(),
                "2013/14".to_string(),
                "24:4".to_string(),
                "11,1".to_string()
            ),
        ]
    );
    assert!(c
        .iter()
        .filter(|c| c.row.as_deref() == Some("EBITDA-margin (%)") && c.verdict != Skipped)
        .all(|c| c
            .relation
            .contains("Resultat af primær drift før afskrivninger (EBITDA) / Nettoomsætning")));
    // Not judged, and said: the balance sum is not printed, and a return
    // on equity needs an average of two years.
    said_only(&c, "Soliditetsgrad (%)");
    assert!(skipped_detail(&c, "Soliditetsgrad (%)").contains("no row of the balance sum"));
    said_only(&c, "Egenkapitalforrentning (%)");
    assert!(skipped_detail(&c, "Egenkapitalforrentning (%)").contains("average equity"));
}

#[test]
fn pwcs_growth_is_against_the_column_to_its_right_and_revenue_per_head_by_the_average() {
    // heldout7: newest year first, so the year before is the column to the
    // right; the oldest year's growth cannot be judged and is said so.
    // Nettoomsætning pr. medarbejder divides by the average head count (the
    // year-end count gives 1.150,5 for 1.146): the figures choose.
    let c = checks(&crate::common::data_tsv("heldout7", PWC));
    assert_eq!(
        row(&c, "Omsætningsvækst"),
        cols(&[
            ("2009/10", Rounding),
            ("2010/11", Rounding),
            ("2011/12", Rounding),
            ("2012/13", Rounding),
            ("2008/09", Skipped),
        ])
    );
    let growth = c
        .iter()
        .find(|c| c.row.as_deref() == Some("Omsætningsvækst") && c.verdict == Rounding)
        .unwrap();
    assert!(growth
        .detail
        .starts_with("(1.505.660 - 1.617.802) / 1.617.802 = -6,932%"));
    assert_eq!(
        row(&c, "Nettoomsætning pr. medarbejder"),
        cols(&[
            ("2012/13", Rounding),
            ("2011/12", Rounding),
            ("2010/11", Rounding),
            ("2009/10", Rounding),
            ("2008/09", Rounding),
        ])
    );
    assert!(c
        .iter()
        .filter(|c| c.row.as_deref() == Some("Nettoomsætning pr. medarbejder"))
        .all(|c| c.relation.contains("Gennemsnitligt antal fuldtidsansatte")));
    assert_eq!(
        row(&c, "Soliditetsgrad, inkl. ansvarlige lån"),
        cols(&[
            ("2012/13", Rounding),
            ("2011/12", Rounding),
            ("2010/11", Rounding),
            ("2009/10", Rounding),
            ("2008/09", Rounding),
        ])
    );
    assert_eq!(errors(&c), Vec::<String>::new());
}

#[test]
fn paqles_key_figures_above_their_operands_are_judged() {
    // heldout4: the key figures stand in the table's first block, their
    // operands in the blocks below, whole per cents.
    let c = checks(&crate::common::data_tsv("heldout4", PAQLE));
    let years = ["2024", "2023", "2022", "2021", "2020"];
    for label in ["Likviditetsgrad", "Afkastningsgrad", "Soliditetsgrad"] {
        let judged: Vec<(String, Verdict)> = row(&c, label)
            .into_iter()
            .filter(|(_, v)| *v != Skipped)
            .collect();
        assert_eq!(judged.len(), 5, "{label}: {judged:?}");
        for ((col, v), y) in judged.iter().zip(years) {
            assert_eq!(col, y);
            assert!(matches!(v, Exact | Rounding), "{label} {col}: {v:?}");
        }
    }
    let by = |label: &str| -> String {
        c.iter()
            .find(|c| c.row.as_deref() == Some(label))
            .map(|c| c.relation.clone())
            .unwrap_or_default()
    };
    assert!(by("Likviditetsgrad").contains("Omsætningsaktiver / Kortfristet gæld"));
    assert!(by("Afkastningsgrad").contains("Primært resultat / "));
    assert!(by("Soliditetsgrad").contains("Egenkapital / "));
}

/// Nettoomsætning 2019-2023 and EBITDA; the margin 100 · EBITDA /
/// Nettoomsætning: 10,00 %, 12,50 %, 9,09 %, 14,00 %, 11,11 %.
const MARGIN: &str = "Mio. kr.\t2019\t2020\t2021\t2022\t2023\n\
Nettoomsætning\t1.000\t1.200\t1.100\t1.500\t1.350\n\
Bruttoresultat\t400\t480\t420\t610\t530\n\
Andre driftsindtægter\t12\t14\t9\t11\t10\n\
EBITDA\t100\t150\t100\t210\t150\n\
Afskrivninger\t-40\t-45\t-50\t-55\t-60\n\
Nøgletal\n\
EBITDA-margin (%)\t10,0\t12,5\t9,1\t14,0\t11,1\n";

#[test]
fn a_margin_is_its_named_result_over_the_revenue_in_every_column() {
    let c = checks(MARGIN);
    assert_eq!(
        row(&c, "EBITDA-margin (%)"),
        cols(&[
            ("2019", Exact),
            ("2020", Exact),
            ("2021", Rounding),
            ("2022", Exact),
            ("2023", Rounding),
        ])
    );
    assert_eq!(errors(&c), Vec::<String>::new());
}

#[test]
fn a_margin_holding_in_three_columns_and_failing_in_two_is_two_errors() {
    // 12,5 -> 15,2 and 14,0 -> 4,1: wrong in two of five.
    let doc = MARGIN.replace("12,5\t9,1\t14,0", "15,2\t9,1\t4,1");
    let c = checks(&doc);
    assert_eq!(
        row(&c, "EBITDA-margin (%)"),
        cols(&[
            ("2019", Exact),
            ("2020", Error),
            ("2021", Rounding),
            ("2022", Error),
            ("2023", Rounding),
        ])
    );
    let f = findings(&c);
    let wrong: Vec<(&str, &str)> = f.iter().map(|x| (x.1.as_str(), x.3.as_str())).collect();
    assert_eq!(wrong, [("2020", "12,5"), ("2022", "14,0")]);
}

#[test]
fn a_margin_holding_no_more_often_than_it_fails_is_not_understood() {
    // Two holding, two failing, one column without a figure: the figures do
    // not establish the label's reading, so nothing is an error, and the
    // row is said.
    let doc = MARGIN.replace("12,5\t9,1\t14,0\t11,1", "15,2\t9,1\t4,1\t");
    let c = checks(&doc);
    assert_eq!(errors(&c), Vec::<String>::new());
    said_only(&c, "EBITDA-margin (%)");
    assert!(skipped_detail(&c, "EBITDA-margin (%)").contains("holds in 2 column(s) and fails in 2"));
}

#[test]
fn a_margin_seen_in_one_column_confirms_and_is_never_an_error() {
    let one = "Mio. kr.\t2023\nNettoomsætning\t1.350\nEBITDA\t150\nEBITDA-margin (%)\t11,1\n";
    assert_eq!(
        row(&checks(one), "EBITDA-margin (%)"),
        cols(&[("2023", Rounding)])
    );
    let wrong = one.replace("11,1", "13,1");
    let c = checks(&wrong);
    assert_eq!(errors(&c), Vec::<String>::new());
    said_only(&c, "EBITDA-margin (%)");
}

#[test]
fn a_key_figure_whose_rows_are_not_printed_is_said() {
    // No balance sum: Soliditetsgrad cannot be judged, and is reported.
    let doc =
        "Mio. kr.\t2022\t2023\nEgenkapital\t400\t450\nGæld\t600\t610\nSoliditetsgrad\t40\t42\n";
    let c = checks(doc);
    assert_eq!(errors(&c), Vec::<String>::new());
    said_only(&c, "Soliditetsgrad");
    assert!(skipped_detail(&c, "Soliditetsgrad").contains("no row of the balance sum"));
    // With `Passiver i alt` it is judged: 400 / 1.000 = 40 %, 450 / 1.060
    // = 42,45 %.
    let with = doc.replace(
        "Soliditetsgrad",
        "Passiver i alt\t1.000\t1.060\nSoliditetsgrad",
    );
    assert_eq!(
        row(&checks(&with), "Soliditetsgrad"),
        cols(&[("2022", Exact), ("2023", Rounding)])
    );
}

#[test]
fn a_growth_rate_oldest_first_is_against_the_column_to_its_left() {
    // 1.200 / 1.000 = +20,0 %, 1.100 / 1.200 = -8,33 %.
    let doc = "Mio. kr.\t2021\t2022\t2023\nOmsætning\t1.000\t1.200\t1.100\nOmsætningsvækst (%)\t5,0\t20,0\t-8,3\n";
    let c = checks(doc);
    assert_eq!(
        row(&c, "Omsætningsvækst (%)"),
        cols(&[("2022", Exact), ("2023", Rounding), ("2021", Skipped)])
    );
    // Wrong sign in 2023 with only one other year: never an error.
    let c = checks(&doc.replace("-8,3", "8,3"));
    assert_eq!(errors(&c), Vec::<String>::new());
}

/// Figures of a whole number of mio. kr. with Danish separators.
fn amount(v: i64) -> String {
    crate::common::dk_int(v)
}

/// 100 · num / den rounded half away from zero to one decimal, printed
/// with a decimal comma (num, den > 0 or any sign for num).
fn pct(num: i64, den: i64) -> String {
    let (n, d) = (i128::from(num) * 2000, i128::from(den) * 2);
    let t = if n >= 0 {
        (n + i128::from(den)) / d
    } else {
        -((-n + i128::from(den)) / d)
    };
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{},{}", t.abs() / 10, t.abs() % 10)
}

/// A key-figure table: revenue and EBITDA over `years` columns (newest
/// first when `newest_first`), the margin and the growth rate printed
/// rounded from the exact values.
fn table(revenue: &[i64], ebitda: &[i64], newest_first: bool) -> String {
    let n = revenue.len();
    let order: Vec<usize> = if newest_first {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let mut doc = String::from("Mio. kr.");
    for &i in &order {
        doc.push_str(&format!("\t{}", 2015 + i));
    }
    doc.push_str("\nNettoomsætning");
    for &i in &order {
        doc.push_str(&format!("\t{}", amount(revenue[i])));
    }
    doc.push_str("\nResultat før afskrivninger (EBITDA)");
    for &i in &order {
        doc.push_str(&format!("\t{}", amount(ebitda[i])));
    }
    doc.push_str("\nNøgletal\nEBITDA-margin (%)");
    for &i in &order {
        doc.push_str(&format!("\t{}", pct(ebitda[i], revenue[i])));
    }
    doc.push_str("\nOmsætningsvækst (%)");
    for &i in &order {
        if i == 0 {
            doc.push('\t');
        } else {
            doc.push_str(&format!(
                "\t{}",
                pct(revenue[i] - revenue[i - 1], revenue[i - 1])
            ));
        }
    }
    doc.push('\n');
    doc
}

fn years_and_figures() -> impl Strategy<Value = (Vec<i64>, Vec<i64>)> {
    (3usize..=6).prop_flat_map(|n| {
        (
            prop::collection::vec(2_000i64..5_000_000, n),
            prop::collection::vec(20u32..400, n),
        )
            .prop_map(|(rev, permille)| {
                let e = rev
                    .iter()
                    .zip(&permille)
                    .map(|(r, p)| r * i64::from(*p) / 1000)
                    .collect();
                (rev, e)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Margins and growth rates printed rounded from the exact figures are
    /// never an error and are judged in every column they can be, newest
    /// year first or last.
    #[test]
    fn key_figures_printed_from_their_rows_are_never_an_error(
        (rev, e) in years_and_figures(),
        newest_first in any::<bool>(),
    ) {
        let doc = table(&rev, &e, newest_first);
        let c = checks(&doc);
        prop_assert!(errors(&c).is_empty(), "{doc}\n{:#?}", errors(&c));
        let judged = |label: &str| row(&c, label).iter().filter(|(_, v)| *v != Skipped).count();
        prop_assert_eq!(judged("EBITDA-margin (%)"), rev.len(), "{}", doc);
        prop_assert_eq!(judged("Omsætningsvækst (%)"), rev.len() - 1, "{}", doc);
    }

    /// One margin moved by at least 0,3 percentage points (far past its
    /// rounding) is an error in that column and nowhere else.
    #[test]
    fn one_margin_moved_is_the_one_error(
        (rev, e) in years_and_figures(),
        pick in 0usize..6,
        tenths in 3i64..200,
        up in any::<bool>(),
    ) {
        let k = pick % rev.len();
        let doc = table(&rev, &e, true);
        let good = pct(e[k], rev[k]);
        let t: i64 = good.replace(',', "").parse().unwrap();
        let moved = t + if up { tenths } else { -tenths };
        let sign = if moved < 0 { "-" } else { "" };
        let bad = format!("{sign}{},{}", moved.abs() / 10, moved.abs() % 10);
        let mut lines: Vec<String> = doc.lines().map(str::to_string).collect();
        let at = lines.iter().position(|l| l.starts_with("EBITDA-margin")).unwrap();
        let mut cells: Vec<String> = lines[at].split('\t').map(str::to_string).collect();
        // Newest first: year 2015 + k stands in column n - k.
        let col = rev.len() - k;
        cells[col] = bad;
        lines[at] = cells.join("\t");
        let doc = lines.join("\n") + "\n";
        let c = checks(&doc);
        let wrong: Vec<(String, String)> = c
            .iter()
            .filter(|c| c.verdict == Verdict::Error)
            .map(|c| (c.row.clone().unwrap_or_default(), c.column.clone().unwrap_or_default()))
            .collect();
        prop_assert_eq!(
            wrong,
            vec![("EBITDA-margin (%)".to_string(), (2015 + k).to_string())],
            "{}", doc
        );
    }
}

/// The property's draw that failed (`one_margin_moved_is_the_one_error`,
/// seen once on a random seed): 2016's margin 9,5 printed 0,1 under three
/// years of 2,0. Read as a multiple, 190 / 2.000 = 0,095 "fit" 0,1 in that
/// one year, so the per-cent reading (holding in the other three) was
/// said not understood; a row labelled `(%)` is no multiple.
#[test]
fn a_margin_labelled_in_per_cent_is_never_read_as_a_multiple() {
    let doc = table(&[2_000, 2_000, 2_000, 2_000], &[40, 190, 40, 40], true)
        .replace("\t9,5\t", "\t0,1\t");
    let c = checks(&doc);
    let wrong: Vec<(String, String)> = c
        .iter()
        .filter(|c| c.verdict == Verdict::Error)
        .map(|c| {
            (
                c.row.clone().unwrap_or_default(),
                c.column.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        wrong,
        vec![("EBITDA-margin (%)".to_string(), "2016".to_string())],
        "{doc}\n{c:#?}"
    );
}

// Rates a label names (`src/verify/label_rates.rs`).

const ISSUU: &str = "issuu-vandvaerk-takstblad-2019-drifts-og-anlaegsbidrag";
const SATSER: &str = "serviceforbundet-satser-2022-dagpenge-efterloen-folkepension";

#[test]
fn a_tariffs_volume_bands_are_the_multiple_of_the_base_band_their_labels_name() {
    // heldout7: `(1,5 x bidrag)` … `(4 x bidrag)` of `0 – 250 m3 /år`
    // (3.205,00), judged in `Excl. moms` only (`Incl. moms` is 125 % of
    // it); 1,5 × 3.205,00 = 4.807,50, printed 4.807,00 (expect.py).
    let c = checks(&crate::common::data_tsv("heldout7", ISSUU));
    let band = |label: &str| -> Vec<(String, Verdict)> {
        c.iter()
            .filter(|c| c.row.as_deref() == Some(label) && c.relation.contains("% of 0 – 250"))
            .map(|c| (c.column.clone().unwrap_or_default(), c.verdict))
            .collect()
    };
    assert_eq!(
        band("251 – 500 m3 / år (1,5 x bidrag)"),
        cols(&[("Excl. moms", Error)])
    );
    for label in [
        "501 – 1.000 m3 / år (2 x bidrag)",
        "1.001 – 5.000 m3 / år (3 x bidrag)",
        "5.001 – 10.000 m3 / år (4 x bidrag)",
    ] {
        assert_eq!(band(label), cols(&[("Excl. moms", Exact)]), "{label}");
    }
    assert_eq!(
        findings(&c),
        [(
            "251 – 500 m3 / år (1,5 x bidrag)".to_string(),
            "Excl. moms".to_string(),
            // No one figure to correct: its `Incl. moms` 6.008,75 is 1,25
            // × 4.807,00 as printed, so the mistake stands in both.
            String::new(),
            String::new()
        )]
    );
    assert_eq!(errors(&c).len(), 1);
}

#[test]
fn a_percentage_rate_is_that_share_of_its_100_percent_row() {
    // heldout7: 0,91 × 19.351 = 17.609,41 (printed 17.609: rounding); 0,91
    // × 232.176 = 211.280,16, printed 211.284: the published error.
    let c = checks(&crate::common::data_tsv("heldout7", SATSER));
    assert_eq!(
        row(&c, "Fuldtidsforsikret (91%-sats)"),
        cols(&[("column 2", Rounding)])
    );
    assert_eq!(row(&c, "Flexydelse 91%"), cols(&[("column 2", Error)]));
    assert_eq!(
        findings(&c),
        [(
            "Flexydelse 91%".to_string(),
            "column 2".to_string(),
            "15:2".to_string(),
            "211.280".to_string()
        )]
    );
    // The 100 % rows are no result.
    assert!(row(&c, "Flexydelse 100%").is_empty());
}

#[test]
fn percentage_rows_that_fit_nowhere_are_said_and_never_an_error() {
    // Budget lines named by a refund rate: not the rate of each other.
    let doc = "Mio. kr.\t2024\t2025\t2026\nRefusion 100%\t12,4\t13,1\t13,5\nRefusion 50%\t8,2\t8,0\t7,7\n";
    let c = checks(doc);
    assert_eq!(errors(&c), Vec::<String>::new());
    said_only(&c, "Refusion 50%");
    // Holding in one column, failing in two: not established either.
    let c = checks(&doc.replace("8,2\t8,0", "6,2\t8,0"));
    assert_eq!(errors(&c), Vec::<String>::new());
    said_only(&c, "Refusion 50%");
    // Holding everywhere: judged.
    let c = checks(&doc.replace("8,2\t8,0\t7,7", "6,2\t6,6\t6,8"));
    assert_eq!(
        row(&c, "Refusion 50%"),
        cols(&[("2024", Exact), ("2025", Rounding), ("2026", Rounding)])
    );
}

#[test]
fn a_multiple_whose_base_the_figures_do_not_choose_is_said() {
    // Two rows without a multiplier, each fitting one band.
    let doc = "Kr.\tPris\nGrundbidrag\t1.000,00\nTillæg\t1.500,00\n(2 x bidrag)\t2.000,00\n(3 x bidrag)\t4.500,00\n";
    let c = checks(doc);
    assert_eq!(errors(&c), Vec::<String>::new());
    said_only(&c, "(2 x bidrag)");
    said_only(&c, "(3 x bidrag)");
}

/// A price list of bands `k x bidrag` of a base in øre, with moms.
fn bands(base: i64, ks: &[i64]) -> String {
    let kr = |ore: i64| format!("{},{:02}", amount(ore / 100), ore % 100);
    let mut doc = format!(
        "Anlægsbidrag\tExcl. moms\tIncl. moms\nGrundbidrag\t{}\t{}\n",
        kr(base),
        kr(base * 5 / 4)
    );
    for (i, k) in ks.iter().enumerate() {
        // k in halves: 3 is 1,5.
        let label = if k % 2 == 0 {
            format!("Zone {} ({} x bidrag)", i + 1, k / 2)
        } else {
            format!("Zone {} ({},5 x bidrag)", i + 1, k / 2)
        };
        let v = base * k / 2;
        doc.push_str(&format!("{label}\t{}\t{}\n", kr(v), kr(v * 5 / 4)));
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Bands printed as their multiple of the base are never an error and
    /// are judged; one band of three or more moved by at least a krone is
    /// the one finding, on that band.
    #[test]
    fn bands_printed_from_their_base_are_never_an_error_and_one_moved_is_found(
        base in 100_000i64..5_000_000,
        ks in prop::collection::btree_set(3i64..=10, 3..=5),
        pick in 0usize..5,
        kroner in 1i64..500,
    ) {
        // Whole øre after the moms (× 5/4): a base divisible by 4 · 2.
        let base = base / 8 * 8;
        let ks: Vec<i64> = ks.into_iter().collect();
        let doc = bands(base, &ks);
        let c = checks(&doc);
        prop_assert!(errors(&c).is_empty(), "{doc}\n{:#?}", errors(&c));
        let judged = c.iter().filter(|c| c.relation.contains("% of Grundbidrag") && c.verdict != Skipped).count();
        prop_assert_eq!(judged, ks.len(), "{}", doc);
        // One band moved in the column without moms, its moms column as
        // printed from it: the band is the one finding.
        let k = pick % ks.len();
        let moved = base * ks[k] / 2 + kroner * 100;
        let kr = |ore: i64| format!("{},{:02}", amount(ore / 100), ore % 100);
        let mut lines: Vec<String> = doc.lines().map(str::to_string).collect();
        let mut cells: Vec<String> = lines[k + 2].split('\t').map(str::to_string).collect();
        cells[1] = kr(moved);
        cells[2] = kr(moved * 5 / 4 + (moved * 5 % 4 != 0) as i64);
        // Keep the moms column exact to the øre where it can be.
        prop_assume!(moved * 5 % 4 == 0);
        lines[k + 2] = cells.join("\t");
        let doc = lines.join("\n") + "\n";
        let c = checks(&doc);
        let f: Vec<(String, String)> = findings(&c).into_iter().map(|x| (x.0, x.1)).collect();
        prop_assert_eq!(f, vec![(cells[0].clone(), "Excl. moms".to_string())], "{}", doc);
    }
}

// A difference row under two years (`src/verify/year_difference.rs`).

#[test]
fn a_forskel_row_under_two_years_is_the_change_of_the_row_it_names_or_fits() {
    // heldout7 (a blog's tables): `forskæl` printed under 2010 is `I alt`
    // 2011 − 2010 (found by the figures: the one row whose change fits);
    // `forskæl i folkeskole` names `Folkeskoler`.
    let c = checks(&crate::common::data_tsv(
        "heldout7",
        "emilkirkegaard-2011-elever-i-grundskolen-2010-2011-forskael",
    ));
    assert_eq!(row(&c, "forskæl"), cols(&[("2010", Exact)]));
    assert_eq!(row(&c, "forskæl i folkeskole"), cols(&[("2010", Exact)]));
    let named = c
        .iter()
        .find(|c| c.row.as_deref() == Some("forskæl i folkeskole"))
        .unwrap();
    assert_eq!(named.detail, "567.564 - 574.351 = -6.787");
    // Planted: the named row is judged and wrong; the bare one fits no row
    // and is said, never an error.
    let doc = "År\t2010\t2011\nSkoler\t600\t640\nAndre\t400\t460\nI alt\t1.000\t1.100\nforskel\t90\t\nforskel i skoler\t50\t\n";
    let c = checks(doc);
    assert_eq!(row(&c, "forskel i skoler"), cols(&[("2010", Error)]));
    said_only(&c, "forskel");
    assert_eq!(errors(&c).len(), 1);
    // The other way round only: the direction is not understood.
    let c = checks(&doc.replace("forskel i skoler\t50", "forskel i skoler\t-40"));
    said_only(&c, "forskel i skoler");
    assert!(skipped_detail(&c, "forskel i skoler").contains("other way round"));
}
