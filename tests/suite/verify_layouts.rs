//! Labels standing in the second column, after last year's figures
//! (`src/verify/label_column.rs`): Grundejerforeningen Ny Søndergård's
//! driftsregnskaber (heldout4) print `Regnskab 2002 | | Regnskab 2003`
//! over `63.937,08 | Indtægter i alt | 63.151,08`. Each with its exact
//! verdicts; a code column before the label is left as it is.

use sparekrav::verify::{Check, Verdict};

fn checks(tsv: &str) -> Vec<Check> {
    crate::common::checks_of_tsv(tsv)
}

/// The judged checks of a row: (column, verdict).
fn of_row<'a>(c: &'a [Check], row: &str) -> Vec<(&'a str, Verdict)> {
    c.iter()
        .filter(|c| c.row.as_deref() == Some(row) && c.verdict != Verdict::Skipped)
        .map(|c| (c.column.as_deref().unwrap_or(""), c.verdict))
        .collect()
}

#[test]
fn ny_soendergaards_accounts_are_read_with_their_labels_in_the_second_column() {
    let tsv = crate::common::data_tsv(
        "heldout4",
        "nysoendergaard-grundejerforening-driftsregnskab-2003",
    );
    let c = checks(&tsv);
    assert!(c.iter().all(|c| c.verdict != Verdict::Error));
    let both = [
        ("Regnskab 2002", Verdict::Exact),
        ("Regnskab 2003", Verdict::Exact),
    ];
    for row in [
        "Indtægter i alt",
        "Udgifter i alt",
        "Ordinært resultat",
        "Årets resultat ( Underskud i parentes )",
    ] {
        assert_eq!(of_row(&c, row), both, "{row}");
    }
    let udgifter = c
        .iter()
        .find(|c| {
            c.row.as_deref() == Some("Ordinært resultat")
                && c.column.as_deref() == Some("Regnskab 2003")
        })
        .unwrap();
    assert_eq!(udgifter.detail, "63.151,08 - 79.409,87 = -16.258,79");
    // Two header rows (`Regnskab` over `2000`) too.
    let c = checks(&crate::common::data_tsv(
        "heldout4",
        "nysoendergaard-grundejerforening-driftsregnskab-2001",
    ));
    assert_eq!(
        of_row(&c, "Indtægter i alt"),
        [
            ("Regnskab / 2000", Verdict::Exact),
            ("Regnskab / 2001", Verdict::Exact)
        ]
    );
}

#[test]
fn a_figure_planted_beside_the_labels_is_named_at_its_cell() {
    // Indtægter i alt 2003 printed 63.151,53 instead of 63.151,08: the rows
    // read 0 as a whole figure (63.151,08 within its rounding), and
    // Ordinært resultat = Indtægter i alt - Udgifter i alt names it.
    let tsv = crate::common::data_tsv(
        "heldout4",
        "nysoendergaard-grundejerforening-driftsregnskab-2003",
    );
    let c = checks(&tsv.replace("63.151,08\t\n", "63.151,53\t\n"));
    let f = crate::common::findings(&c);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].0, "Ordinært resultat");
    assert_eq!(f[0].2, "10:3");
    assert_eq!(f[0].3, "63.151,08");
}

#[test]
fn a_code_column_before_the_label_stays_the_label() {
    // No header over the codes alike a figure column's: read as printed.
    let doc = "Kommunekode\tKommune\tAntal\n\
101\tKøbenhavn\t1.234\n\
147\tFrederiksberg\t321\n\
151\tBallerup\t99\n\
I alt\t\t1.654\n";
    let c = checks(doc);
    assert!(c.iter().all(|c| c.row.as_deref() != Some("København")));
}

#[test]
fn a_rows_unit_in_its_label_converts_its_figures() {
    // Finansudvalget's L 210 bilag 1 (heldout4): `Delloft på FL20 (mia.
    // kr.)` 209,4 + `Administrative korrektioner (mio.kr.)` -2.838 +
    // `Korrektioner ved lovforslag (mio.kr.)` 14.726 = 221,288 mia. kr.,
    // printed 221,2 (rounding); every block in every year.
    let tsv = crate::common::data_tsv(
        "heldout4",
        "ft-fiu-2019-20-l210-bilag1-korrektioner-udgiftslofter-ffl21",
    );
    let c = crate::common::checks_of_text(&tsv);
    let years = [
        ("2021", Verdict::Rounding),
        ("2022", Verdict::Rounding),
        ("2023", Verdict::Rounding),
    ];
    for row in [
        "Statsligt delloft for driftsudgifter på FFL21 (mia. kr.)",
        "Statsligt delloft for indkomstoverførsler på FFL21 (mia. kr.)",
        "Nyt kommunalt udgiftsloft på FFL21 (mia. kr.)",
        "Regionalt delloft for sundhedsområdet på FFL21 (mia. kr.)",
    ] {
        assert_eq!(of_row(&c, row), years, "{row}");
    }
    let first = c
        .iter()
        .find(|c| c.column.as_deref() == Some("2021"))
        .unwrap();
    assert!(
        first.detail.starts_with("209,4 - 2,838 + 14,726 = 221,288"),
        "{}",
        first.detail
    );
    // 221,2 printed 228,2: an error named at its cell, reading 221,2 or
    // within rounding of 221,288.
    let c = crate::common::checks_of_text(&tsv.replacen("221,2", "228,2", 1));
    let f = crate::common::findings(&c);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
        (
            "Statsligt delloft for driftsudgifter på FFL21 (mia. kr.)",
            "2021",
            "221,3"
        )
    );
}

#[test]
fn a_total_under_a_result_row_adds_the_rows_after_it() {
    // Majsparken 2009-10 (heldout4): `Rente i alt` = Renter Vejkonto
    // 11.252,04 + Øvrige renter 20,12 = 11.272,16, under `Årets resultat
    // før renter og henlæggelse`.
    let tsv = crate::common::data_tsv(
        "heldout4",
        "majsparken-grundejerforening-resultatopgoerelse-2009-10",
    );
    let c = crate::common::checks_of_text(&tsv);
    let rente: Vec<&Check> = c
        .iter()
        .filter(|c| c.row.as_deref() == Some("Rente i alt"))
        .collect();
    assert_eq!(rente.len(), 1, "{rente:#?}");
    assert_eq!(rente[0].verdict, Verdict::Exact);
    assert_eq!(rente[0].detail, "11.252,04 + 20,12 = 11.272,16");
    // Planted 11.272,61: an error, named at the total.
    let c = crate::common::checks_of_text(&tsv.replace("11.272,16", "11.272,61"));
    let f = crate::common::findings(&c);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].3.as_str()),
        ("Rente i alt", "11.272,16")
    );
}

#[test]
fn a_result_row_only_offers_a_reading_the_figures_choose() {
    // The rows after the result row do not add up to the total, the whole
    // run does (in both years): the whole run is taken, no error.
    let doc = "Kr.\t2023\t2024\n\
Indtægter\t1.000,00\t1.200,00\n\
Udgifter\t-400,00\t-500,00\n\
Resultat\t600,00\t700,00\n\
Renter\t10,00\t20,00\n\
Gebyrer\t-5,00\t-5,00\n\
I alt\t1.205,00\t1.415,00\n";
    let c = checks(doc);
    assert!(c.iter().all(|c| c.verdict != Verdict::Error), "{c:#?}");
    assert_eq!(
        of_row(&c, "I alt"),
        [("2023", Verdict::Exact), ("2024", Verdict::Exact)]
    );
}

#[test]
fn block_totals_beside_their_last_row_are_judged() {
    // Ny Søndergård's garage specification (heldout4): Elektricitet's
    // 7.810,80 = 4.777,66 + 558,50 + 920,84 + 1.553,80, Diverse/afrunding's
    // 9.098,00 = 5.355 + 700 + 1.000 + 1.700 + 343.
    let tsv = crate::common::data_tsv(
        "heldout4",
        "nysoendergaard-garageanlaeg-19hk-regnskab-2002-budget-2003",
    );
    let c = checks(&tsv);
    let beside: Vec<(&str, &str, Verdict)> = c
        .iter()
        .filter(|c| c.relation.contains("beside them"))
        .map(|c| (c.row.as_deref().unwrap_or(""), c.detail.as_str(), c.verdict))
        .collect();
    assert_eq!(
        beside,
        [
            (
                "Elektricitet",
                "4.777,66 + 558,50 + 920,84 + 1.553,80 = 7.810,80",
                Verdict::Exact
            ),
            (
                "Diverse/afrunding",
                "5.355,00 + 700,00 + 1.000,00 + 1.700,00 + 343,00 = 9.098,00",
                Verdict::Exact
            ),
        ]
    );
    // 7.810,80 printed 7.810,15: the other block establishes the layout,
    // so this one is an error, named at its cell.
    let c = checks(&tsv.replace("\t7.810,80", "\t7.810,15"));
    let f = crate::common::findings(&c);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].2.as_str(), f[0].3.as_str()),
        ("Elektricitet", "12:3", "7.810,80")
    );
}

#[test]
fn a_figure_beside_a_block_that_adds_up_nowhere_says_nothing() {
    // Two figures in the outer column, neither the sum of its block: the
    // layout is not established, no relation and no error.
    let doc = "Udgifter\t\t\n\
Husleje\t1.000,00\t\n\
Varme\t250,00\t1.300,00\n\
Vedligehold\t400,00\t\n\
Rengøring\t100,00\t600,00\n";
    let c = checks(doc);
    assert!(c.iter().all(|c| c.verdict != Verdict::Error), "{c:#?}");
    assert!(
        c.iter().all(|c| !c.relation.contains("beside them")),
        "{c:#?}"
    );
}

#[test]
fn a_row_including_another_is_the_sum_of_the_two_it_names() {
    // Majsparken 2011-12 (heldout4): `Hensættelse til vej inkl. renter`
    // 36.143,05 = `Hensættelse til vej` 30.000,00 + `Hensættelse til vej –
    // renter` 6.143,05; with it, `Årets resultat` = 46.563,07 - 36.143,05 -
    // 10.000,00 = 420,02.
    let tsv = crate::common::data_tsv(
        "heldout4",
        "majsparken-grundejerforening-aarsregnskab-2011-12",
    );
    let c = crate::common::checks_of_text(&tsv);
    let incl: Vec<&Check> = c
        .iter()
        .filter(|c| c.row.as_deref() == Some("Hensættelse til vej inkl. renter"))
        .collect();
    assert_eq!(incl.len(), 1, "{incl:#?}");
    assert_eq!(incl[0].verdict, Verdict::Exact);
    assert_eq!(incl[0].detail, "30.000,00 + 6.143,05 = 36.143,05");
    assert!(incl[0]
        .relation
        .contains("Hensættelse til vej + Hensættelse til vej – renter"));
    assert!(c.iter().all(|c| c.verdict != Verdict::Error));
    // Printed 36.143,50: an error on the row (the figures above agree with
    // the result row below).
    let c = crate::common::checks_of_text(&tsv.replace("36.143,05", "36.143,50"));
    let f = crate::common::findings(&c);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].3.as_str()),
        ("Hensættelse til vej inkl. renter", "36.143,05")
    );
}
