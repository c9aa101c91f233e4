//! `sparekrav report` on the reference case (Randers, 2. december 2025): every
//! figure of the published tables, read from the command's real output.

use crate::common::{cells, run, text_table, REFERENCE};

fn report(extra: &[&str]) -> String {
    let mut args = vec!["report", REFERENCE];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "stderr: {err}");
    assert_eq!(err, "");
    out
}

#[test]
fn konto_6_gap_table_matches_the_published_table() {
    let out = report(&[]);
    let t = text_table(
        &out,
        "Konto 6 (service): besparelseskrav og realiserede besparelser",
    );
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "2026", "2027", "2028", "2029"],
            vec!["Konto 6 (service)", "", "", "", ""],
            vec!["Besparelseskrav", "6,1", "15,9", "18,5", "19,1"],
            vec!["Realiserede besparelser", "-6,1", "-6,1", "-6,1", "-6,1"],
            vec!["I alt konto 6", "0,0", "9,8", "12,4", "13,0"],
        ]
    );
}

#[test]
fn category_shares_match_the_published_table() {
    let out = report(&[]);
    let t = text_table(
        &out,
        "Konto 6 (service): realiserede besparelser 2026 fordelt på kategori",
    );
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "Realiserede besparelser 2026", "Andel"],
            vec!["Konto 6 (service)", "", ""],
            vec!["Medarbejdere", "-3,5", "57,4%"],
            vec!["Reducerede udgifter", "-2,6", "42,6%"],
            vec!["I alt konto 6", "-6,1", "100,0%"],
        ]
    );
}

#[test]
fn center_shares_match_the_published_table() {
    let out = report(&[]);
    let t = text_table(
        &out,
        "Konto 6 (service): realiserede besparelser 2026 fordelt på center",
    );
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "Realiserede besparelser 2026", "Andel"],
            vec!["Konto 6 (service)", "", ""],
            vec!["Center for Job og Kompetencer", "-1,4", "23,0%"],
            vec!["Center for Job og Udvikling", "-4,2", "68,9%"],
            vec![
                "Center for Virksomhedsservice og Rekruttering",
                "-0,5",
                "8,2%"
            ],
            vec!["I alt konto 6", "-6,1", "100,0%"],
        ]
    );
}

#[test]
fn largest_remainder_shares_add_up_to_exactly_100() {
    let out = report(&["--shares", "largest-remainder"]);
    let t = text_table(
        &out,
        "Konto 6 (service): realiserede besparelser 2026 fordelt på center",
    );
    let shares: Vec<&str> = t[2..].iter().map(|r| r[2].as_str()).collect();
    // 22,95 / 68,85 / 8,197: floors 22,9 + 68,8 + 8,1 = 99,8; the two largest
    // remainders (8,197 and 68,852) get the missing tenths.
    assert_eq!(shares, vec!["22,9%", "68,9%", "8,2%", "100,0%"]);
}

#[test]
fn konto_5_requirements_with_unknown_out_years() {
    let out = report(&[]);
    let t = text_table(&out, "Konto 5: besparelseskrav");
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "2026", "2027", "2028", "2029"],
            vec!["Besparelseskrav", "", "", "", ""],
            vec!["Konto 5 (indsats)", "7,5", "-", "-", "18,2"],
            vec!["Konto 5 (overførsler)", "2,3", "-", "-", "18,2"],
            vec!["I alt konto 5", "9,8", "-", "-", "36,4"],
        ]
    );
    let t = text_table(
        &out,
        "Konto 5 (overførsler): besparelseskrav og realiserede besparelser",
    );
    // Realized savings on overførsler are not given: unknown, so is the gap.
    assert_eq!(
        cells(&t)[3],
        vec!["Realiserede besparelser", "-", "-", "-", "-"]
    );
    assert_eq!(
        cells(&t)[4],
        vec!["I alt konto 5 (overførsler)", "-", "-", "-", "-"]
    );
}

#[test]
fn reform_total_is_computed_from_exact_inputs() {
    let out = report(&[]);
    let t = text_table(&out, "Reformens besparelseskrav i alt");
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "2026", "2027", "2028", "2029"],
            vec!["Besparelseskrav", "", "", "", ""],
            vec!["Konto 6 (service)", "6,1", "15,9", "18,5", "19,1"],
            vec!["Konto 5", "9,8", "-", "-", "36,4"],
            // The document's text says 55,4 (a rounding difference of its own
            // figures); from the printed inputs the exact sum is 55,5.
            vec!["I alt", "15,9", "-", "-", "55,5"],
        ]
    );
}

#[test]
fn sigtelinje_buffer_and_further_savings() {
    let out = report(&[]);
    let t = text_table(&out, "Sigtelinje mod besparelseskrav og buffer");
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "Sigtelinje", "Besparelseskrav", "Buffer"],
            vec!["Konto 5 (indsats) 2026", "8,6", "7,5", "1,1"],
        ]
    );
    let t = text_table(&out, "Yderligere besparelser i forhold til 2026");
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "2027", "2028", "2029"],
            vec!["Udestående ved realiseret niveau fra 2026", "", "", ""],
            vec!["Konto 6 (service)", "9,8", "12,4", "13,0"],
            vec!["Konto 5 (indsats)", "-", "-", "9,6"],
            vec!["I alt", "-", "-", "22,6"],
        ]
    );
}

#[test]
fn opsparing_covers_the_first_gap() {
    let out = report(&[]);
    let t = text_table(
        &out,
        "Konto 6 (service): udestående dækket af opsparing ultimo 2026",
    );
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "2027", "2028", "2029"],
            vec!["Konto 6 (service)", "", "", ""],
            vec![
                "Udestående konto 6 ved årets realiserede besparelser",
                "9,8",
                "12,4",
                "13,0"
            ],
            vec!["Dækket af opsparing ultimo 2026", "-5,5", "0,0", "0,0"],
            vec!["Udækket i alt", "4,3", "12,4", "13,0"],
            vec!["Opsparing tilbage", "0,0", "0,0", "0,0"],
        ]
    );
}

#[test]
fn bevillingsansoegninger_match_the_published_table() {
    let out = report(&[]);
    let t = text_table(&out, "Bevillingsansøgninger");
    assert_eq!(
        cells(&t),
        vec![
            vec![
                "Bevillingsansøgninger (mio. kr.)",
                "2025",
                "2026",
                "2027",
                "2028",
                "Anlægsbevillinger"
            ],
            vec!["Servicerammen", "-0,3", "0,0", "0,0", "0,0", "-"],
            vec!["Indkomstoverførsler", "0,0", "0,0", "0,0", "0,0", "-"],
            vec!["I alt", "-0,3", "0,0", "0,0", "0,0", "-"],
        ]
    );
    let t = text_table(&out, "Bevillingsansøgninger: specifikation");
    let rows = cells(&t);
    assert_eq!(rows[4], vec!["Indkomstoverførsler", "", "", "", ""]);
    assert_eq!(
        rows[5],
        vec![
            "Kontanthjælp og ledighedsydelse",
            "-5,0",
            "0,0",
            "0,0",
            "0,0"
        ]
    );
    assert_eq!(rows[6], vec!["Integration", "5,0", "0,0", "0,0", "0,0"]);
    assert_eq!(
        rows[7],
        vec!["I alt Indkomstoverførsler", "0,0", "0,0", "0,0", "0,0"]
    );
}

#[test]
fn korrigeret_budget_of_the_tilbudsvifte() {
    let out = report(&[]);
    let t = text_table(&out, "Tilbudsviften 2025: korrigeret budget");
    assert_eq!(cells(&t)[2], vec!["Oprindeligt budget (afledt)", "84,8"]);
    assert_eq!(
        cells(&t)[3],
        vec![
            "Bevillingsansøgning ved budgetopfølgningen pr. 31. maj 2025",
            "-9,9"
        ]
    );
    assert_eq!(cells(&t)[4], vec!["Korrigeret budget i alt", "74,9"]);
}

#[test]
fn unit_and_decimals_change_the_display_only() {
    let out = report(&["--unit", "kr", "--decimals", "0"]);
    let t = text_table(&out, "Bevillingsansøgninger");
    assert_eq!(cells(&t)[0][0], "Bevillingsansøgninger (kr.)");
    assert_eq!(
        cells(&t)[1],
        vec!["Servicerammen", "-325.000", "0", "0", "0", "-"]
    );
    let t = text_table(
        &out,
        "Konto 6 (service): besparelseskrav og realiserede besparelser",
    );
    assert_eq!(cells(&t)[0][0], "Kr.");
    assert_eq!(
        cells(&t)[4],
        vec![
            "I alt konto 6",
            "0",
            "9.800.000",
            "12.400.000",
            "13.000.000"
        ]
    );

    // -0,325 mio. kr. with two decimals: half away from zero gives -0,33
    // (banker's rounding would give -0,32).
    let out = report(&["--decimals", "2"]);
    let t = text_table(&out, "Bevillingsansøgninger");
    assert_eq!(cells(&t)[1][1], "-0,33");

    // kr. and t. kr. print whole units unless told otherwise, as documents do.
    let out = report(&["--unit", "tkr"]);
    let t = text_table(&out, "Bevillingsansøgninger");
    assert_eq!(cells(&t)[0][0], "Bevillingsansøgninger (t. kr.)");
    assert_eq!(cells(&t)[1][1], "-325");
    let out = report(&["--unit", "kr"]);
    let t = text_table(&out, "Bevillingsansøgninger");
    assert_eq!(cells(&t)[1][1], "-325.000");
    let out = report(&["--unit", "tkr", "--decimals", "1"]);
    let t = text_table(&out, "Bevillingsansøgninger");
    assert_eq!(cells(&t)[1][1], "-325,0");
}

#[test]
fn english_labels_and_numbers() {
    let out = report(&["--lang", "en"]);
    let t = text_table(
        &out,
        "Konto 6 (service): savings requirement and realized savings",
    );
    assert_eq!(
        cells(&t),
        vec![
            vec!["DKK million", "2026", "2027", "2028", "2029"],
            vec!["Konto 6 (service)", "", "", "", ""],
            vec!["Savings requirement", "6.1", "15.9", "18.5", "19.1"],
            vec!["Realized savings", "-6.1", "-6.1", "-6.1", "-6.1"],
            vec!["Total konto 6", "0.0", "9.8", "12.4", "13.0"],
        ]
    );
}

/// The whole report, byte for byte (hledger-style functional test). To accept
/// an intended change: `cargo run -- report scenarios/randers-2025-12-02.yaml > tests/golden/report-randers.txt`.
#[test]
fn whole_report_matches_the_golden_file() {
    let out = report(&[]);
    let golden =
        std::fs::read_to_string(crate::common::root().join("tests/golden/report-randers.txt"))
            .expect("golden file");
    assert_eq!(out, golden);
}
