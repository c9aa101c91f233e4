//! Labelled totals never passed over in silence, and three readings the
//! tables' own labels and figures establish (each on the real table, a
//! variant with one figure wrong, and a variant whose words or figures do
//! not establish it; a property per invariant):
//!
//! - `src/verify/silent_totals.rs`: a figure of a row whose label carries a
//!   total word anywhere (`Vandpris i alt pr. m3`), or printed with words
//!   around it (`Fra 544 kr.`), gets a line, skipped when not judged;
//! - `src/verify/heraf_sections.rs`: rows of a block = their namesakes in
//!   the `Heraf …` sections below it;
//! - `src/verify/count_labels.rs`: `… 2 pladser` = `… 1 plads` + `… ekstra
//!   plads`, where another such set in the table holds;
//! - `src/verify/subtotal_chain.rs`: a labelled total = the subtotal above
//!   it and the rows after the subtotal.

use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

use crate::common::{data_tsv, errors, findings};

use Verdict::{Error, Exact, Rounding, Skipped};

fn checks(tsv: &str) -> Vec<Check> {
    crate::common::checks_of_tsv(tsv)
}

/// (row, column, verdict) of every check, in order.
fn lines(c: &[Check]) -> Vec<(String, String, Verdict)> {
    crate::common::verdicts(c)
}

/// The verdicts of the checks on rows labelled `row`, in order.
fn verdicts(c: &[Check], row: &str) -> Vec<Verdict> {
    c.iter()
        .filter(|c| c.row.as_deref() == Some(row))
        .map(|c| c.verdict)
        .collect()
}

fn with_cell(tsv: &str, line: usize, cell: usize, text: &str) -> String {
    let mut rows: Vec<String> = tsv.lines().map(str::to_string).collect();
    let mut cells: Vec<String> = rows[line].split('\t').map(str::to_string).collect();
    cells[cell] = text.to_string();
    rows[line] = cells.join("\t");
    rows.join("\n") + "\n"
}

fn kr(ore: i64) -> String {
    let s = (ore / 100).to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    format!("{out},{:02}", ore % 100)
}

fn count(n: i64) -> String {
    kr(n * 100).trim_end_matches(",00").to_string()
}

// Silent labelled totals (`silent_totals.rs`).

#[test]
fn totals_with_words_around_their_figures_are_each_said() {
    // heldout8, f-f.dk: `Fra 544 kr.`, `Stiger 7 kr.` in the two `i alt`
    // rows: read by nothing, so said as skipped (never judged, never an
    // error); `A-kassen i alt`'s price is judged as before.
    let c = checks(&data_tsv(
        "heldout8",
        "f-f-dk-kontingent-2018-sammensaetning-aendring",
    ));
    assert_eq!(verdicts(&c, "A-kassen i alt"), [Exact, Skipped]);
    assert_eq!(
        verdicts(&c, "Fagforening og a-kasse i alt"),
        [Skipped, Skipped]
    );
    assert!(c
        .iter()
        .filter(|c| c.verdict == Skipped)
        .all(|c| c.detail.contains("printed with words around it")));
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
}

#[test]
fn a_total_word_inside_the_label_gets_a_line() {
    // heldout11, Frederiksberg Forsyning: the total first, labelled by a
    // sentence with `Samlet` inside; its parts below `Prisen består af:`
    // are not established as its rows (the meter rows follow): skipped.
    let c = checks(&data_tsv(
        "heldout11",
        "frederiksberg-forsyning-vand-spildevand-pris-pr-m3-2024",
    ));
    // (The moms row above the total is 25 % of the three prices above it:
    // moms_rows.rs.)
    assert_eq!(
        lines(&c),
        [
            ("Moms 25%".to_string(), "column 2".to_string(), Exact),
            (
                "Pr. 1. januar 2024: Samlet pris pr. m³ - inkl. moms".to_string(),
                "column 2".to_string(),
                Skipped
            )
        ]
    );
    // A row without a total word gets no such line.
    let plain = "Pris pr. m3\t53,70 kr.\nVandpris\t15,30 kr.\nAfgift\t6,37 kr.\n";
    assert!(checks(plain).is_empty(), "{:#?}", lines(&checks(plain)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A row whose label carries a total word inside (`Vandpris i alt pr.
    /// m3`) among rows of random figures always gets a line for its figure,
    /// and that line is no error unless a reading holds elsewhere.
    #[test]
    fn a_figure_of_a_labelled_total_is_never_passed_over(
        items in prop::collection::vec(1i64..100_000, 1..6),
        total in 1i64..1_000_000,
        at in 0usize..6,
        word in 0usize..3,
    ) {
        let label = ["Vandpris i alt pr. m3", "Årets samlede pris pr. måned", "Pris i alt inkl. moms"][word];
        let at = at % (items.len() + 1);
        let mut doc = String::from("Takster\t\n");
        for (i, v) in items.iter().enumerate() {
            if i == at {
                doc.push_str(&format!("{label}\t{} kr.\n", kr(total)));
            }
            doc.push_str(&format!("Post {i}\t{} kr.\n", kr(*v)));
        }
        if at == items.len() {
            doc.push_str(&format!("{label}\t{} kr.\n", kr(total)));
        }
        let c = checks(&doc);
        prop_assert!(c.iter().any(|c| c.row.as_deref() == Some(label)), "{doc}\n{:#?}", lines(&c));
        prop_assert!(errors(&c).is_empty(), "{doc}\n{:#?}", errors(&c));
    }
}

// Heraf sections (`heraf_sections.rs`).

const AU: &str = "au-i-tal-2016-studerende-b2-bestand";

#[test]
fn a_faculty_that_is_not_its_bachelor_and_kandidat_rows_is_an_error() {
    // real, AU i tal 2016: Science and Technology and Aarhus BSS are their
    // bachelor + kandidat rows in every year; Arts in 2015-2016 only (2013:
    // 5.581 + 7.140 = 12.721, printed 12.749), Health with `Heraf andet` in
    // 2015-2016 only (2013: 2.242 + 1.851 + 28 = 4.121, printed 4.093).
    let c = checks(&data_tsv("real", AU));
    let by = |row: &str| -> Vec<Verdict> {
        c.iter()
            .filter(|k| k.row.as_deref() == Some(row) && k.relation.contains("Heraf sections"))
            .map(|k| k.verdict)
            .collect()
    };
    assert_eq!(by("Arts"), [Error, Error, Exact, Exact]);
    assert_eq!(by("Health"), [Error, Error, Exact, Exact]);
    let wrong: Vec<(String, String)> = c
        .iter()
        .filter(|k| k.verdict == Error)
        .map(|k| {
            (
                k.row.clone().unwrap_or_default(),
                k.column.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        wrong,
        [
            ("Arts".to_string(), "2013".to_string()),
            ("Arts".to_string(), "2014".to_string()),
            ("Health".to_string(), "2013".to_string()),
            ("Health".to_string(), "2014".to_string())
        ]
    );
}

#[test]
fn heraf_sections_established_find_one_more_wrong_figure_and_words_that_do_not_establish_them_do_not(
) {
    let real = data_tsv("real", AU);
    // Arts 2016 printed 10.719 (5.627 + 4.992 = 10.619): a third error on
    // Arts, and the university total (now 34.597) fails with it.
    let c = checks(&with_cell(&real, 1, 4, "10.719"));
    let arts: Vec<Verdict> = c
        .iter()
        .filter(|k| k.row.as_deref() == Some("Arts") && k.relation.contains("Heraf sections"))
        .map(|k| k.verdict)
        .collect();
    assert_eq!(arts, [Error, Error, Exact, Error]);
    // The sections headed without `Heraf` (`Bachelorstuderende`): nothing
    // says they are parts, so Arts and Health are not judged by them.
    let plain = real
        .replace("Heraf bachelorstuderende", "Bachelorstuderende")
        .replace("Heraf kandidatstuderende", "Kandidatstuderende")
        .replace("Heraf andet", "Andet");
    let c = checks(&plain);
    assert!(
        !c.iter().any(|k| k.relation.contains("Heraf sections")),
        "{:#?}",
        lines(&c)
    );
    assert!(
        !c.iter()
            .any(|k| k.verdict == Error && matches!(k.row.as_deref(), Some("Arts" | "Health"))),
        "{:#?}",
        errors(&c)
    );
}

/// Faculties with their bachelor and kandidat rows under `Heraf` headings,
/// over `years` columns.
fn heraf_table(bach: &[Vec<i64>], kand: &[Vec<i64>]) -> String {
    let years = bach[0].len();
    let mut doc = String::from("Studerende");
    for y in 0..years {
        doc.push_str(&format!("\t{}", 2013 + y));
    }
    doc.push('\n');
    let names = ["Arts", "Science", "Health", "BSS", "Teologi"];
    let row = |name: &str, v: &[i64]| {
        let mut s = name.to_string();
        for x in v {
            s.push('\t');
            s.push_str(&count(*x));
        }
        s + "\n"
    };
    for (i, (b, k)) in bach.iter().zip(kand).enumerate() {
        let whole: Vec<i64> = b.iter().zip(k).map(|(x, y)| x + y).collect();
        doc.push_str(&row(names[i], &whole));
    }
    for (head, part) in [("Heraf bachelor", bach), ("Heraf kandidat", kand)] {
        doc.push_str(head);
        doc.push_str(&"\t".repeat(years));
        doc.push('\n');
        for (i, v) in part.iter().enumerate() {
            doc.push_str(&row(names[i], v));
        }
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Faculties printed as the sum of their `Heraf` rows are never an
    /// error; one faculty moved by 2 or more in one year (1 is within the
    /// rounding of whole counts) is the one error,
    /// on that faculty and year.
    #[test]
    fn faculties_are_their_heraf_rows(
        rows in 3usize..=5,
        years in 2usize..=4,
        seed in prop::collection::vec(100i64..20_000, 40),
        pick in 0usize..5,
        year in 0usize..4,
        by in 2i64..500,
    ) {
        let bach: Vec<Vec<i64>> = (0..rows).map(|r| (0..years).map(|y| seed[r * 4 + y]).collect()).collect();
        let kand: Vec<Vec<i64>> = (0..rows).map(|r| (0..years).map(|y| seed[20 + r * 4 + y]).collect()).collect();
        let doc = heraf_table(&bach, &kand);
        let c = checks(&doc);
        prop_assert!(errors(&c).is_empty(), "{doc}\n{:#?}", errors(&c));
        let (r, y) = (pick % rows, year % years);
        let moved = bach[r][y] + kand[r][y] + by;
        let doc = with_cell(&doc, 1 + r, 1 + y, &count(moved));
        let c = checks(&doc);
        let name = doc.lines().nth(1 + r).unwrap_or("").split('\t').next().unwrap_or("").to_string();
        // The one finding: that faculty (its total or a namesake part, the
        // figures cannot tell which is wrong) in that year.
        let wrong: Vec<(String, String)> = findings(&c).into_iter().map(|f| (f.0, f.1)).collect();
        prop_assert_eq!(wrong, vec![(name, (2013 + y).to_string())], "{}", doc);
    }
}

// Counts in the labels (`count_labels.rs`).

const VRAA: &str = "vraa-valgmenighed-kirkegaard-priser-haek-erhvervelse";
const TWO: &str = "Erhvervelse af 2 kistepladser, 20 år (ikke momsbelagt)";

#[test]
fn two_places_are_one_and_an_extra_one_where_another_set_shows_it() {
    // heldout11, Vrå Valgmenighed: the hedge rows hold (138,40 + 80,38 =
    // 218,78), so the acquisition rows are judged: 9.463,20 + 9.463,20 =
    // 18.926,40, printed 18.926,60.
    let real = data_tsv("heldout11", VRAA);
    let c = checks(&real);
    assert_eq!(verdicts(&c, TWO), [Error]);
    assert_eq!(errors(&c).len(), 1, "{:#?}", errors(&c));
    // Printed right: judged exact (by the figures, on one of the three
    // rows, as the hedge set is), never an error.
    let right = real.replace("18.926,60", "18.926,40");
    let c = checks(&right);
    let erhvervelse: Vec<Verdict> = c
        .iter()
        .filter(|k| {
            k.row
                .as_deref()
                .is_some_and(|r| r.starts_with("Erhvervelse af"))
        })
        .map(|k| k.verdict)
        .collect();
    assert_eq!(erhvervelse, [Exact]);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    // The hedge set broken (218,88): no set holds, so nothing establishes
    // the rule and the acquisition rows are not judged by it.
    let unshown = real.replace("218,78", "218,88");
    let c = checks(&unshown);
    assert!(verdicts(&c, TWO).is_empty(), "{:#?}", lines(&c));
    assert!(
        !c.iter()
            .any(|k| k.relation.contains("counts in the labels")),
        "{:#?}",
        lines(&c)
    );
}

/// Found by the property below (seed 188): four sets of grave prices, the
/// last set's `2` row 655,14 kr. off, and `Takst 3 for 1 plads` was read
/// as seven prices of the sets above added and taken away, 19.140,30
/// "within rounding" of 19.140,26; the set was then explained and its
/// misprint went unsaid. A signed reading of three rows or more seen in
/// one place confirms only where it holds exactly.
#[test]
fn seven_prices_near_an_eighth_are_no_formula_and_the_misprint_is_found() {
    let doc = "Priser\tPris\n\
        Takst 0 for 1 gravplads\t18.742,05 kr.\n\
        Takst 0 for 2 gravpladser\t33.189,99 kr.\n\
        Takst 0 for ekstra gravplads\t14.447,94 kr.\n\
        Takst 1 for 1 kisteplads\t14.912,54 kr.\n\
        Takst 1 for 2 kistepladser\t29.319,90 kr.\n\
        Takst 1 for ekstra kisteplads\t14.407,36 kr.\n\
        Takst 2 for 1 urneplads\t12.061,18 kr.\n\
        Takst 2 for 2 urnepladser\t23.425,85 kr.\n\
        Takst 2 for ekstra urneplads\t11.364,67 kr.\n\
        Takst 3 for 1 plads\t19.140,26 kr.\n\
        Takst 3 for 2 pladser\t25.549,26 kr.\n\
        Takst 3 for ekstra plads\t5.753,86 kr.\n";
    let c = checks(doc);
    assert!(
        c.iter()
            .all(|k| !k.relation.starts_with("Takst 3 for 1 plads")),
        "{:#?}",
        lines(&c)
    );
    assert_eq!(verdicts(&c, "Takst 3 for 2 pladser"), [Error]);
    let f = findings(&c);
    assert_eq!(f.len(), 1, "{:#?}", lines(&c));
    assert_eq!(f[0].3, "24.894,12");
}

fn count_sets(prices: &[(i64, i64)]) -> String {
    let mut doc = String::from("Priser\tPris\n");
    let nouns = ["gravplads", "kisteplads", "urneplads", "plads"];
    for (k, (one, extra)) in prices.iter().enumerate() {
        let n = nouns[k % nouns.len()];
        let head = format!("Takst {k} for");
        doc.push_str(&format!("{head} 1 {n}\t{} kr.\n", kr(*one)));
        doc.push_str(&format!("{head} 2 {n}er\t{} kr.\n", kr(one + extra)));
        doc.push_str(&format!("{head} ekstra {n}\t{} kr.\n", kr(*extra)));
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Sets of one, two and an extra place printed consistently are never an
    /// error; one `2` row moved (with another set holding) is the one error,
    /// on that row.
    #[test]
    fn two_places_are_one_plus_extra(
        prices in prop::collection::vec((1_000i64..2_000_000, 1_000i64..2_000_000), 2..=4),
        pick in 0usize..4,
        // Two øre at least: one øre is within the rounding of three
        // figures printed to the øre (a true sum ± 0,01, the total ± 0,005).
        ore in 2i64..100_000,
    ) {
        let doc = count_sets(&prices);
        let c = checks(&doc);
        prop_assert!(errors(&c).is_empty(), "{doc}\n{:#?}", errors(&c));
        let k = pick % prices.len();
        let line = 2 + 3 * k;
        let (one, extra) = prices[k];
        let doc = with_cell(&doc, line, 1, &format!("{} kr.", kr(one + extra + ore)));
        let c = checks(&doc);
        let label = doc.lines().nth(line).unwrap_or("").split('\t').next().unwrap_or("").to_string();
        let wrong: Vec<String> = c
            .iter()
            .filter(|k| k.verdict == Error)
            .map(|k| k.row.clone().unwrap_or_default())
            .collect();
        prop_assert_eq!(wrong, vec![label], "{}", doc);
    }
}

// A labelled total over a subtotal (`subtotal_chain.rs`).

const GLEJ: &str = "glej-vandvaerk-takstblad-2024-moms-og-i-alt";
const VANDPRIS: &str = "Vandpris i alt pr. m3";

#[test]
fn a_total_is_its_subtotal_and_the_rows_after_it() {
    // heldout11, Glej Vandværk: 3,80 + 6,37 = 10,17 and 10,17 + 2,54 =
    // 12,71; 2,80 + 6,37 = 9,17 and 9,17 + 2,29 = 11,46.
    let real = data_tsv("heldout11", GLEJ);
    let c = checks(&real);
    assert_eq!(verdicts(&c, VANDPRIS), [Exact, Exact]);
    assert_eq!(verdicts(&c, "Pris pr. m3 ex. moms"), [Exact, Exact]);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    // The second block's total printed 11,56: the first block shows the
    // build-up, so it is an error.
    let wrong = with_cell(&real, 17, 1, "11,56 kr.");
    let c = checks(&wrong);
    assert_eq!(verdicts(&c, VANDPRIS), [Exact, Error]);
    assert_eq!(errors(&c).len(), 1, "{:#?}", errors(&c));
    // Both totals wrong: no block shows the build-up, so neither is judged
    // by it (each said as skipped, never an error).
    let both = with_cell(&wrong, 11, 1, "12,81 kr.");
    let c = checks(&both);
    assert_eq!(verdicts(&c, VANDPRIS), [Skipped, Skipped]);
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
}

/// A wrong `Vandpris i alt` that happens to equal `Pris pr. m3 ex. moms`
/// plus `Grundpris pr. m3` (1.248,68 + 319,13 = 1.567,81): that reading
/// adds a row to its own total and is taken back; the build-up the next
/// block shows then judges it, an error (seed 57 of the property test
/// below).
#[test]
fn a_wrong_total_that_fits_a_row_counted_twice_is_judged_by_the_build_up() {
    let doc = "Takstblad\t\n\
Forbrug 0:\t\n\
Grundpris pr. m3\t319,13 kr.\n\
Vandskat\t929,55 kr.\n\
Pris pr. m3 ex. moms\t1.248,68 kr.\n\
25% moms\t312,17 kr.\n\
Vandpris i alt pr. m3\t1.567,81 kr.\n\
Forbrug 1:\t\n\
Grundpris pr. m3\t31,42 kr.\n\
Vandskat\t412,86 kr.\n\
Pris pr. m3 ex. moms\t444,28 kr.\n\
25% moms\t111,07 kr.\n\
Vandpris i alt pr. m3\t555,35 kr.\n";
    let c = checks(doc);
    assert_eq!(verdicts(&c, VANDPRIS), [Error, Exact]);
    let f = findings(&c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].3, "1.560,85");
}

fn build_ups(blocks: &[(i64, i64)]) -> String {
    let mut doc = String::from("Takstblad\t\n");
    for (k, (base, tax)) in blocks.iter().enumerate() {
        let ex = base + tax;
        let moms = (ex + 2) / 4;
        doc.push_str(&format!("Forbrug {k}:\t\n"));
        doc.push_str(&format!("Grundpris pr. m3\t{} kr.\n", kr(*base)));
        doc.push_str(&format!("Vandskat\t{} kr.\n", kr(*tax)));
        doc.push_str(&format!("Pris pr. m3 ex. moms\t{} kr.\n", kr(ex)));
        doc.push_str(&format!("25% moms\t{} kr.\n", kr(moms)));
        doc.push_str(&format!("Vandpris i alt pr. m3\t{} kr.\n", kr(ex + moms)));
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Prices built up block by block are never an error and every total is
    /// judged; one total moved by an øre or more (another block holding) is
    /// the one error, on that block's total.
    #[test]
    fn built_up_prices_are_never_an_error(
        blocks in prop::collection::vec((1i64..100_000, 1i64..100_000), 2..=4),
        pick in 0usize..4,
        ore in 2i64..10_000,
    ) {
        let doc = build_ups(&blocks);
        let c = checks(&doc);
        prop_assert!(errors(&c).is_empty(), "{doc}\n{:#?}", errors(&c));
        let judged = c.iter().filter(|k| k.row.as_deref() == Some(VANDPRIS) && k.verdict != Skipped).count();
        prop_assert_eq!(judged, blocks.len(), "{}", doc);
        let k = pick % blocks.len();
        let line = 1 + 6 * k + 5;
        let (base, tax) = blocks[k];
        let ex = base + tax;
        let moved = ex + (ex + 2) / 4 + ore;
        let doc = with_cell(&doc, line, 1, &format!("{} kr.", kr(moved)));
        let c = checks(&doc);
        let wrong: Vec<(usize, String)> = c
            .iter()
            .filter(|k| k.verdict == Error)
            .map(|k| (k.line(), k.row.clone().unwrap_or_default()))
            .collect();
        prop_assert_eq!(wrong, vec![(line + 1, VANDPRIS.to_string())], "{}", doc);
    }
}

// A total column group over period columns (`grouped_cross.rs`).

const RM: &str = "region-midtjylland-sammendrag-aarsrapport-2010-resultatopgoerelse";

/// (row, column, verdict) of the checks adding columns.
fn crosses(c: &[Check]) -> Vec<(String, String, Verdict)> {
    lines(
        &c.iter()
            .filter(|k| k.relation.contains("sum of 3 columns"))
            .cloned()
            .collect::<Vec<_>>(),
    )
}

#[test]
fn a_total_group_adds_the_same_period_of_every_other_group() {
    // heldout9, Region Midtjylland: `Region Midtjylland i alt / R 2010` =
    // Sundhed + Social og specialundervisning + Regional Udvikling, R 2010
    // (-20.692,3 - 63,6 - 557,5 = -21.313,4); the result row within the
    // tenth's rounding (356,4 + 25,7 - 11,5 = 370,6, printed 370,7).
    let real = data_tsv("heldout9", RM);
    let c = checks(&real);
    let v: Vec<Verdict> = crosses(&c).into_iter().map(|x| x.2).collect();
    assert_eq!(
        v,
        [Exact, Exact, Exact, Exact, Exact, Exact, Exact, Exact, Rounding, Rounding]
    );
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
    // `D. Finansieringsindtægter`'s total for R 2010 printed -21.323,4:
    // its cross-sum fails.
    let c = checks(&real.replace("-21.313,4", "-21.323,4"));
    assert!(crosses(&c).contains(&(
        "D. Finansieringsindtægter".to_string(),
        "Region Midtjylland i alt / R 2010".to_string(),
        Error
    )));
    // The last group without a total word: nothing says it adds the others.
    let c = checks(&real.replace("Region Midtjylland i alt", "Region Midtjylland"));
    assert!(crosses(&c).is_empty(), "{:#?}", crosses(&c));
    assert!(errors(&c).is_empty(), "{:#?}", errors(&c));
}

/// Groups over two periods and a total group, rows of amounts in øre.
fn grouped(rows: &[Vec<i64>]) -> String {
    let groups = rows[0].len() / 2;
    let names = ["Sundhed", "Social", "Kultur", "Miljø"];
    let mut doc = String::from("Mio. kr.");
    for name in names.iter().take(groups) {
        doc.push_str(&format!("\t{name}\t"));
    }
    doc.push_str("\tI alt\t\n");
    for _ in 0..=groups {
        doc.push_str("\tR 2010\tR 2009");
    }
    doc.push('\n');
    for (i, r) in rows.iter().enumerate() {
        doc.push_str(&format!("Post {i}"));
        for v in r {
            doc.push_str(&format!("\t{}", kr(*v)));
        }
        for p in 0..2 {
            let total: i64 = (0..groups).map(|k| r[2 * k + p]).sum();
            doc.push_str(&format!("\t{}", kr(total)));
        }
        doc.push('\n');
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A total group printed as the sum of the same period of the other
    /// groups is never an error and is judged in every row; one total moved
    /// is the one finding, on that cell.
    #[test]
    fn a_total_group_is_the_sum_of_its_period(
        groups in 2usize..=4,
        n in 3usize..=6,
        seed in prop::collection::vec(1i64..10_000_000, 48),
        pick in 0usize..6,
        period in 0usize..2,
        ore in 1i64..1_000_000,
    ) {
        let rows: Vec<Vec<i64>> = (0..n).map(|i| (0..2 * groups).map(|k| seed[i * 8 + k]).collect()).collect();
        let doc = grouped(&rows);
        let c = checks(&doc);
        prop_assert!(errors(&c).is_empty(), "{doc}\n{:#?}", errors(&c));
        let judged = c.iter().filter(|k| k.relation.contains("columns") && k.verdict != Skipped).count();
        prop_assert_eq!(judged, 2 * n, "{}", doc);
        let i = pick % n;
        let total: i64 = (0..groups).map(|k| rows[i][2 * k + period]).sum();
        let doc = with_cell(&doc, 2 + i, 1 + 2 * groups + period, &kr(total + ore));
        let c = checks(&doc);
        let f: Vec<(String, String)> = findings(&c).into_iter().map(|x| (x.0, x.1)).collect();
        let col = format!("I alt / R {}", 2010 - period);
        prop_assert_eq!(f, vec![(format!("Post {i}"), col)], "{}", doc);
    }
}
