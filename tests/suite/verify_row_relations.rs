//! Issue 9, row relations no label names, found by the figures
//! (`src/verify/row_relations.rs`): formula rows (a roll-forward, an earlier
//! row ± the rows between), ratio rows (nøgletal), chains across the year
//! columns and opening balances carried from the year before. Each with the
//! exact verdict, on small tables of our own (figures computed by hand) and
//! on the held-out real tables.

use sparekrav::verify::{Check, Verdict};

fn checks(tsv: &str) -> Vec<Check> {
    crate::common::checks_of_tsv(tsv)
}

fn heldout(slug: &str) -> String {
    crate::common::data_tsv("heldout", slug)
}

/// The judged (not skipped) checks of a row: (column, verdict).
fn of_row<'a>(c: &'a [Check], row: &str) -> Vec<(&'a str, Verdict)> {
    c.iter()
        .filter(|c| c.row.as_deref() == Some(row) && c.verdict != Verdict::Skipped)
        .map(|c| (c.column.as_deref().unwrap_or(""), c.verdict))
        .collect()
}

/// Findings: errors that are no consequence of another: (row, column,
/// the cell named, what it should read).
fn findings(c: &[Check]) -> Vec<(String, String, String, String)> {
    crate::common::findings(c)
}

fn errors(c: &[Check]) -> usize {
    c.iter().filter(|c| c.verdict == Verdict::Error).count()
}

const RATIO: &str = "1.000 kr.\t2019\t2020\t2021\t2022\t2023\n\
Omsætningsaktiver\t1.250\t1.480\t1.610\t1.902\t2.044\n\
Kortfristet gæld\t2.731\t2.960\t2.415\t2.536\t2.920\n\
Likviditetsgrad (%)\t45,8\t50,0\t66,7\t75,0\t70,0\n";

#[test]
fn a_ratio_row_is_found_by_its_figures_and_judged_in_every_column() {
    // 1.250 / 2.731 = 45,77 %, 1.480 / 2.960 = 50,00 %, 1.610 / 2.415 =
    // 66,67 %, 1.902 / 2.536 = 75,00 %, 2.044 / 2.920 = 70,00 %.
    let c = checks(RATIO);
    assert_eq!(errors(&c), 0);
    let row = of_row(&c, "Likviditetsgrad (%)");
    // Exact where the quotient is the printed figure, within rounding
    // where it is 45,77 and 66,67.
    assert_eq!(
        row,
        [
            ("2019", Verdict::Rounding),
            ("2020", Verdict::Exact),
            ("2021", Verdict::Rounding),
            ("2022", Verdict::Exact),
            ("2023", Verdict::Exact)
        ]
    );
    assert!(c
        .iter()
        .filter(|c| c.row.as_deref() == Some("Likviditetsgrad (%)"))
        .all(|c| c.relation.contains("Omsætningsaktiver / Kortfristet gæld")));
}

#[test]
fn a_ratio_row_wrong_in_one_column_is_an_error_in_that_cell() {
    let doc = RATIO.replace("75,0\t70,0", "57,0\t70,0");
    let c = checks(&doc);
    assert_eq!(
        findings(&c),
        [(
            "Likviditetsgrad (%)".to_string(),
            "2022".to_string(),
            "4:5".to_string(),
            "75,0".to_string()
        )]
    );
    assert_eq!(errors(&c), 1);
}

#[test]
fn a_ratio_row_wrong_in_two_of_five_columns_is_not_established() {
    // Three holding, two failing, under a label that names no rows: which
    // rows it relates is not established by the figures (five holding are
    // needed beside two failing), so nothing is judged and nothing is an
    // error. (Named `Likviditetsgrad`, the label names its rows and the
    // figures establish it: `verify_key_figures.rs`.)
    let doc = RATIO
        .replace("66,7\t75,0", "76,6\t57,0")
        .replace("Likviditetsgrad (%)", "Nøgletal (%)");
    let c = checks(&doc);
    assert_eq!(errors(&c), 0);
    assert!(of_row(&c, "Nøgletal (%)").is_empty());
}

#[test]
fn the_friskolen_noegletal_are_found_with_their_four_published_errors() {
    // tests/data/heldout/friskolen-oesterlund-oekonomi-2004-2011: the four
    // nøgletal rows by their standard definitions, 28 cells fitting; the
    // page's four errors (Likviditetsgrad 2005 and 2009, Finansieringsgrad
    // 2008 and 2009) found, and no other figure called wrong.
    let c = checks(&heldout("friskolen-oesterlund-oekonomi-2004-2011"));
    let mut f: Vec<(String, String)> = findings(&c)
        .into_iter()
        .map(|(r, col, _, _)| (r, col))
        .collect();
    f.sort();
    let want = [
        ("Finansieringsgrad [%]", "2008"),
        ("Finansieringsgrad [%]", "2009"),
        ("Likviditetsgrad [%]", "2005"),
        ("Likviditetsgrad [%]", "2009"),
    ];
    assert_eq!(
        f,
        want.map(|(r, c)| (r.to_string(), c.to_string())).to_vec()
    );
    assert_eq!(errors(&c), 4);
    for row in [
        "Likviditetsgrad [%]",
        "Soliditetsgrad [%]",
        "Finansieringsgrad [%]",
        "Overskudsgrad [%]",
    ] {
        assert_eq!(of_row(&c, row).len(), 8, "{row}");
    }
    // Egenkapital = last year's Egenkapital + Årets resultat, 2005-2011.
    let chain: Vec<&Check> = c
        .iter()
        .filter(|c| {
            c.row.as_deref() == Some("Egenkapital") && c.relation.contains("Egenkapital [2")
        })
        .collect();
    assert_eq!(chain.len(), 7);
    assert!(chain.iter().all(|c| c.verdict != Verdict::Error));
    // `Langfristet gæld` moves with `Finansieringens likviditetsvirkning` in
    // five of seven years: economics, not arithmetic; no chain is read.
    assert!(!c
        .iter()
        .any(|c| c.row.as_deref() == Some("Langfristet gæld")
            && c.relation.contains("[20")
            && c.relation.contains("Finansieringens")));
}

const ROLL: &str = "t. kr.\tBygninger\tInventar\tIT\tMaskiner\tI alt\n\
Kostpris 1. januar\t5.610\t933\t175\t455\t7.173\n\
Tilgang\t240\t70\t23\t40\t373\n\
Afgang\t15\t37\t19\t25\t96\n\
Kostpris 31. december\t5.835\t966\t179\t470\t7.450\n";

#[test]
fn a_roll_forward_row_is_an_earlier_row_plus_and_minus_the_rows_between() {
    // 5.610 + 240 - 15 = 5.835, 933 + 70 - 37 = 966, 175 + 23 - 19 = 179,
    // 455 + 40 - 25 = 470, 7.173 + 373 - 96 = 7.450 (Afgang printed
    // positive: no sum of the rows fits, the formula does).
    let c = checks(ROLL);
    assert_eq!(errors(&c), 0);
    let row: Vec<&Check> = c
        .iter()
        .filter(|c| {
            c.row.as_deref() == Some("Kostpris 31. december") && c.relation.contains("formula")
        })
        .collect();
    assert_eq!(row.len(), 5);
    assert!(row.iter().all(|c| c.verdict == Verdict::Exact));
    assert!(row[0]
        .relation
        .contains("formula Kostpris 1. januar + Tilgang - Afgang"));
}

#[test]
fn a_roll_forward_wrong_in_one_column_names_that_figure() {
    let doc = ROLL.replace("5.835\t966", "5.835\t996");
    let c = checks(&doc);
    let f = findings(&c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].2.as_str(), f[0].3.as_str()), ("5:3", "966"));
}

/// A column that is another column plus a fixed amount (`Samlet bidrag` =
/// `Adm.-bidrag` + 4.260, the state's part only in the text: STAR's
/// a-kasse fees, heldout13) or times a fixed factor (`Pr. år` = 12 × `Pr.
/// måned`) is no second place for a relation among its rows: whatever
/// holds in one holds in the other. Seven a-kasser related by alternating
/// signs (`FOA*` = `Børne- og Ungdomspædagogernes` − `CA A-kasse` + …), a
/// coincidence in the fees that the totals repeated, were judged as a
/// formula established in two places; now nothing is.
#[test]
fn a_column_that_is_another_plus_a_fixed_amount_is_no_second_place() {
    let c = checks(&crate::common::data_tsv(
        "heldout13",
        "star-a-kassernes-administrationsbidrag-2019-samlet-bidrag-konstant-i-teksten",
    ));
    let formulas: Vec<&str> = c
        .iter()
        .filter(|c| c.relation.contains("formula") && c.verdict != Verdict::Skipped)
        .map(|c| c.relation.as_str())
        .collect();
    assert!(formulas.is_empty(), "{formulas:#?}");
    // The roll-forward above in two columns that are affine images of
    // each other (the second twice the first plus 100) is a formula of one
    // place: a confirmation, judged where it holds (in both, as one holds
    // wherever the other does), and never an error.
    let doc = "1.000 kr.\t2024\t2025\n\
               Kostpris 1. januar\t5.610\t11.320\n\
               Tilgang\t240\t580\n\
               Afgang\t15\t130\n\
               Kostpris 31. december\t5.835\t11.770\n";
    let c = checks(doc);
    assert_eq!(errors(&c), 0, "{c:#?}");
    assert_eq!(
        of_row(&c, "Kostpris 31. december"),
        [("2024", Verdict::Exact), ("2025", Verdict::Exact)]
    );
    // One figure off the line: two places, one failing, establish nothing.
    let c = checks(&doc.replace("11.770", "11.790"));
    assert_eq!(errors(&c), 0, "{c:#?}");
    assert!(of_row(&c, "Kostpris 31. december").is_empty());
    // Independent columns still establish it in two places, and the one
    // wrong figure is named (as `a_roll_forward_wrong_in_one_column_names_that_figure`).
    let c = checks(&ROLL.replace("5.835\t966", "5.835\t996"));
    assert_eq!(findings(&c).len(), 1);
}

/// A reading that fails somewhere keeps its copies as places: where the
/// parent company holds every asset, `Moderselskab` prints `Koncern`'s
/// figures, and its 2023 column holding beside `Koncern 2023` failing is
/// what shows that `12.490` is the wrong figure (the review of 3d40385:
/// copies dropped from the count left it unsaid).
#[test]
fn a_copy_of_a_column_beside_a_failing_one_still_names_the_wrong_figure() {
    let doc = "t.kr.\tKoncern 2024\tKoncern 2023\tModerselskab 2024\tModerselskab 2023\n\
               Kostpris 1. januar\t12.480\t11.905\t12.480\t11.905\n\
               Tilgang\t1.310\t842\t1.310\t842\n\
               Afgang\t220\t267\t220\t267\n\
               Kostpris 31. december\t13.570\t12.490\t13.570\t12.480\n";
    let f = findings(&checks(doc));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
        ("Kostpris 31. december", "Koncern 2023", "12.480")
    );
}

const NOTE: &str = "\t2015\t2014\n\
Kostpris 1. januar\t97.131\t\n\
Tilgang\t45.608\t\n\
Afgang\t18.918\t\n\
Kostpris 31. december\t123.821\t\n";

#[test]
fn a_formula_row_of_one_column_confirms_and_is_never_an_error() {
    // 97.131 + 45.608 - 18.918 = 123.821: judged, in its one place.
    let c = checks(NOTE);
    assert_eq!(
        of_row(&c, "Kostpris 31. december"),
        [("2015", Verdict::Exact)]
    );
    // Printed 123.812: one place proves no reading, so nothing is said.
    let c = checks(&NOTE.replace("123.821", "123.812"));
    assert_eq!(errors(&c), 0);
    assert!(of_row(&c, "Kostpris 31. december").is_empty());
}

const CHAIN: &str = "1.000 kr.\t2019\t2020\t2021\t2022\n\
Årets resultat\t139\t602\t396\t595\n\
Egenkapital\t-16\t586\t982\t1.577\n";

#[test]
fn a_chain_across_the_years_confirms_and_one_failing_year_is_no_error() {
    // -16 + 602 = 586, 586 + 396 = 982, 982 + 595 = 1.577.
    let c = checks(CHAIN);
    assert_eq!(
        of_row(&c, "Egenkapital"),
        [
            ("2020", Verdict::Exact),
            ("2021", Verdict::Exact),
            ("2022", Verdict::Exact)
        ]
    );
    // 1.677 in 2022: the equity may have moved otherwise that year; a chain
    // only confirms, so neither it nor an error is reported.
    let c = checks(&CHAIN.replace("1.577", "1.677"));
    assert_eq!(errors(&c), 0);
    assert!(of_row(&c, "Egenkapital").is_empty());
}

const CARRY: &str = "\t2015\t2014\n\
Likvide beholdninger ved årets begyndelse\t372.462\t407.269\n\
Ændring i likvide beholdninger\t851.358\t-34.807\n\
Likvide beholdninger ved årets udgang\t1.223.820\t372.462\n";

#[test]
fn an_opening_balance_is_last_years_closing_balance() {
    let c = checks(CARRY);
    assert_eq!(errors(&c), 0);
    let carry: Vec<&Check> = c
        .iter()
        .filter(|c| c.relation.contains("carried over"))
        .collect();
    assert_eq!(carry.len(), 1);
    assert_eq!(carry[0].column.as_deref(), Some("2015"));
    assert_eq!(carry[0].verdict, Verdict::Exact);
    // Restated (372.426): no carry is read and nothing is an error.
    let c = checks(&CARRY.replacen("372.462", "372.426", 1));
    assert_eq!(errors(&c), 0);
    assert!(!c.iter().any(|c| c.relation.contains("carried over")));
}

#[test]
fn formula_rows_of_the_held_out_statements_are_judged() {
    // DST's Statistisk Årbog 2002, tabel 270: Resultat efter selskabsskat =
    // Ordinært resultat + Finansielle indtægter - Finansielle udgifter -
    // Ekstraordinære udgifter, netto - Selskabsskat, in all five columns.
    let c = checks(&heldout(
        "dst-aarbog-2002-tabel-270-regnskabsstatistik-firmaer",
    ));
    let row = of_row(&c, "Resultat efter selskabsskat");
    assert_eq!(row.len(), 5, "{row:?}");
    assert!(row.iter().all(|r| r.1 != Verdict::Error));
    assert_eq!(errors(&c), 0);
    // DTU 2015, note 6 (one column): the roll-forward and the book values
    // confirmed in their one place.
    let c = checks(&heldout(
        "dtu-aarsrapport-2015-noter-4-6-finansielle-poster-immaterielle",
    ));
    for row in [
        "Kostpris pr. 31. december 2015",
        "Af- og nedskrivninger pr. 31. december 2015",
        "Regnskabsmæssig værdi 31. december 2015",
        "Regnskabsmæssig værdi 31. december 2014",
    ] {
        assert_eq!(
            of_row(&c, row),
            [("2015 DKK 1.000", Verdict::Exact)],
            "{row}"
        );
    }
    // DTU 2015, pengestrømsopgørelse: the change in cash is the three
    // activities' sum, and 2015's opening cash 2014's closing.
    let c = checks(&heldout("dtu-aarsrapport-2015-pengestroemsopgoerelse"));
    assert_eq!(of_row(&c, "Ændring i likvide beholdninger").len(), 2);
    assert_eq!(
        of_row(&c, "Likvide beholdninger ved årets begyndelse"),
        [("2015 DKK 1.000", Verdict::Exact)]
    );
    assert_eq!(errors(&c), 0);
    // DTU 2015, note 7: the book value a year before is cost less
    // depreciation on 1 January, rows that are parts of their 31 December
    // rows and nine rows above it.
    let c = checks(&heldout(
        "dtu-aarsrapport-2015-note-7-materielle-anlaegsaktiver",
    ));
    // Six columns, and the row-total column's cross-cast.
    let row = of_row(&c, "Regnskabsmæssig værdi 31. december 2014");
    assert_eq!(row.len(), 7, "{row:?}");
    assert!(row.iter().all(|r| r.1 == Verdict::Exact));
    assert_eq!(errors(&c), 0);
}

#[test]
fn a_formula_label_naming_rows_the_table_lacks_is_read_by_the_figures() {
    // Statistics Greenland 2011, tabel 14: `DAU-saldo (5-6)` names itself
    // and a row 6 the table lacks; its figures are row 3 - row 4 in all
    // nine columns (740 - 700 = 40, …, 603 - 557 = 46).
    let tsv = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/real/stat-gl-2011-tabel-14-selvstyrets-budgetter.tsv"),
    )
    .unwrap();
    let c = checks(&tsv);
    let row: Vec<&Check> = c
        .iter()
        .filter(|c| c.row.as_deref() == Some("DAU-saldo (5-6)"))
        .collect();
    assert_eq!(row.len(), 9, "{row:#?}");
    assert!(row.iter().all(|c| c.verdict != Verdict::Error
        && c.verdict != Verdict::Skipped
        && c.relation.contains("Driftsoverskud (1-2) - Anlægsbudget")));
}

const SECTIONS: &str = "t. kr.\t2015\t2014\n\
Afdeling A\t\t\n\
Indtægter\t1.200\t1.100\n\
Omkostninger\t-900\t-850\n\
Overhead\t-100\t-90\n\
Afdeling B\t\t\n\
Indtægter\t800\t750\n\
Omkostninger\t-700\t-640\n\
Overhead\t100\t90\n\
I alt\t\t\n\
Indtægter\t2.000\t1.850\n\
Omkostninger\t-1.600\t-1.490\n\
Overhead\t200\t180\n";

#[test]
fn a_total_section_row_that_adds_up_nowhere_is_an_error_when_its_other_rows_add_up() {
    // 1.200 + 800 = 2.000, 1.100 + 750 = 1.850; -900 - 700 = -1.600, -850 -
    // 640 = -1.490: the I alt section is the sum of the sections. Its
    // Overhead, -100 + 100 = 0 in both years, is printed 200 and 180.
    let c = checks(SECTIONS);
    let mut f: Vec<(String, String, String)> = findings(&c)
        .into_iter()
        .map(|(r, col, _, should)| (r, col, should))
        .collect();
    f.sort();
    assert_eq!(
        f,
        [
            ("Overhead".to_string(), "2014".to_string(), "0".to_string()),
            ("Overhead".to_string(), "2015".to_string(), "0".to_string())
        ]
    );
    // Printed 0 and 0: no error at all.
    let c = checks(&SECTIONS.replace("Overhead\t200\t180", "Overhead\t0\t0"));
    assert_eq!(errors(&c), 0);
    // With only one other row adding up, the section's reading is not
    // established: nothing is called wrong.
    let c = checks(&SECTIONS.replace(
        "Omkostninger\t-1.600\t-1.490",
        "Omkostninger\t-1.500\t-1.390",
    ));
    assert!(
        findings(&c).iter().all(|f| f.0 != "Overhead"),
        "{:?}",
        findings(&c)
    );
}

#[test]
fn dtu_note_26_finds_its_two_wrong_total_rows() {
    // tests/data/heldout/dtu-aarsrapport-2015-note-26-saerskilt-regnskab:
    // under `I alt`, the overhead transfers are printed 503.652 / 476.069
    // and -503.652 / -476.069 where the four units' rows add up to 0.
    let c = checks(&heldout("dtu-aarsrapport-2015-note-26-saerskilt-regnskab"));
    let mut f: Vec<(String, String)> = findings(&c)
        .into_iter()
        .map(|(r, col, _, _)| (r, col))
        .collect();
    f.sort();
    assert_eq!(
        f,
        [
            ("Institutionsintern nettooverførsel", "2014 DKK 1.000"),
            ("Institutionsintern nettooverførsel", "2015 DKK 1.000"),
            ("Intern nettooverførsel af overhead", "2014 DKK 1.000"),
            ("Intern nettooverførsel af overhead", "2015 DKK 1.000"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

/// The reasons given for a row's skipped checks.
fn skipped_of(c: &[Check], row: &str) -> Vec<String> {
    c.iter()
        .filter(|c| c.row.as_deref() == Some(row) && c.verdict == Verdict::Skipped)
        .map(|c| c.detail.clone())
        .collect()
}

fn jeudan() -> String {
    crate::common::data_tsv("heldout3", "jeudan-hoved-og-noegletal-2018-2022")
}

const PBV: &str = "Kurs / indre værdi (P/BV)";
const PE: &str = "Price Earnings (PE)";

#[test]
fn jeudan_ratio_rows_named_by_abbreviations_and_by_figures_are_judged() {
    // tests/data/heldout3/jeudan-hoved-og-noegletal-2018-2022 (its .expect,
    // by an independent script): P/BV = 189 / 121 = 1,562, 252 / 134 =
    // 1,881, 248 / 142 = 1,746, 275 / 182 = 1,511, 240 / 240 = 1,000; the
    // unit `x`: a multiple, not a per cent. The operands are rounded to the
    // krone, so 1,56 is within rounding; 240 / 240 is 1 whatever.
    let c = checks(&jeudan());
    assert_eq!(errors(&c), 0);
    assert_eq!(
        of_row(&c, PBV),
        [
            ("2018", Verdict::Rounding),
            ("2019", Verdict::Rounding),
            ("2020", Verdict::Rounding),
            ("2021", Verdict::Rounding),
            ("2022", Verdict::Exact)
        ]
    );
    // PE = P / EPS, which the label does not name: the one pair of rows
    // whose quotient fits in all five columns. 189 / 10,8 = 17,50 printed
    // 17,6 and 248 / 8,1 = 30,62 printed 30,5 lie within the rounding of
    // EPS (±0,05); 16,58, 6,49 and 3,96 round to their figures.
    assert_eq!(
        of_row(&c, PE),
        [
            ("2018", Verdict::Rounding),
            ("2019", Verdict::Rounding),
            ("2020", Verdict::Rounding),
            ("2021", Verdict::Rounding),
            ("2022", Verdict::Rounding)
        ]
    );
    let pe = c
        .iter()
        .find(|c| c.row.as_deref() == Some(PE) && c.column.as_deref() == Some("2018"))
        .unwrap();
    assert!(
        pe.relation
            .contains("Aktiepris 31.12 (P) / Resultat pr. aktie (EPS) as a multiple"),
        "{}",
        pe.relation
    );
    assert!(
        pe.detail.starts_with("189 / 10,8 = 17,500"),
        "{}",
        pe.detail
    );
    // `Rentedækning` (x) has no operands in the table: said, not judged.
    let r = skipped_of(&c, "Rentedækning");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("not understood"), "{r:?}");
}

#[test]
fn a_wrong_multiple_named_by_its_label_is_an_error_with_its_correct_value() {
    // 1,56 printed 1,66: 189 / 121 = 1,562 lies far outside [1,655; 1,665].
    let t = jeudan().replace("(P/BV)\tx\t1,56\t", "(P/BV)\tx\t1,66\t");
    let c = checks(&t);
    assert_eq!(
        findings(&c),
        [(
            PBV.to_string(),
            "2018".to_string(),
            "30:3".to_string(),
            "1,56".to_string()
        )]
    );
    assert_eq!(errors(&c), 1);
}

#[test]
fn a_multiple_found_by_its_figures_only_confirms() {
    // PE 17,6 printed 19,6: P / EPS fits in four columns, not all five, so
    // the reading is not established: said not understood, never an error.
    let t = jeudan().replace("(PE)\tx\t17,6\t", "(PE)\tx\t19,6\t");
    let c = checks(&t);
    assert_eq!(errors(&c), 0);
    assert!(of_row(&c, PE).is_empty());
    let r = skipped_of(&c, PE);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("not understood"), "{r:?}");
    assert_eq!(of_row(&c, PBV).len(), 5);
}

#[test]
fn a_named_ratio_in_per_cent_is_100_times_the_quotient() {
    // Soliditet (E/A) in %: 100 · 250 / 1.000 = 25,0; 100 · 330 / 1.100 =
    // 30,0; 100 · 300 / 1.200 = 25,0 printed 52,0: an error, should read
    // 25,0.
    let t = "Mio. kr.\t\t2021\t2022\t2023\n\
Egenkapital (E)\tmio. kr.\t250\t330\t300\n\
Aktiver (A)\tmio. kr.\t1.000\t1.100\t1.200\n\
Soliditet (E/A)\t%\t25,0\t30,0\t52,0\n";
    let c = checks(t);
    assert_eq!(
        of_row(&c, "Soliditet (E/A)"),
        [
            ("2021", Verdict::Exact),
            ("2022", Verdict::Exact),
            ("2023", Verdict::Error)
        ]
    );
    assert_eq!(
        findings(&c),
        [(
            "Soliditet (E/A)".to_string(),
            "2023".to_string(),
            "4:5".to_string(),
            "25,0".to_string()
        )]
    );
    // The same label whose quotient fits in no column (an average, say):
    // not understood, no error.
    let t = t.replace("25,0\t30,0\t52,0", "27,0\t31,0\t28,0");
    let c = checks(&t);
    assert_eq!(errors(&c), 0);
    let r = skipped_of(&c, "Soliditet (E/A)");
    assert!(r.iter().any(|d| d.contains("fits in no column")), "{r:?}");
}

#[test]
fn a_multiple_two_pairs_fit_is_not_understood() {
    // 6.003 / 2.001 = 3 and 3.003 / 1.001 = 3; 8.404 / 2.101 = 4 and
    // 4.204 / 1.051 = 4: two pairs fit in both columns (each alone would
    // be established): which rows it relates is not.
    let t = "DKK\t\t2021\t2022\n\
Kurs (K)\tDKK\t6.003\t8.404\n\
Indtjening (I)\tDKK\t2.001\t2.101\n\
Andet (O)\tDKK\t3.003\t4.204\n\
Mere (M)\tDKK\t1.001\t1.051\n\
Multipel\tx\t3,00\t4,00\n";
    let c = checks(t);
    assert_eq!(errors(&c), 0);
    assert!(of_row(&c, "Multipel").is_empty());
    let r = skipped_of(&c, "Multipel");
    assert!(r.iter().any(|d| d.contains("2 pairs of rows")), "{r:?}");
    // Without the second pair, the one pair left is the reading.
    let one = t.replace("Mere (M)\tDKK\t1.001\t1.051\n", "");
    let c = checks(&one);
    assert_eq!(
        of_row(&c, "Multipel"),
        [("2021", Verdict::Exact), ("2022", Verdict::Exact)]
    );
}
