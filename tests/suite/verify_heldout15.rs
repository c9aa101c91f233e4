//! The six false errors of the fifteenth held-out set's first run
//! (`tests/data/heldout15/SOURCES.md`), each a test with its verdicts: a
//! result row whose third operand is 0 in all years but one, and the
//! Faroese finance acts' deduction sign and a block begun on an earlier
//! page.

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::Verdict;

/// The (column, verdict) of every check of a row.
fn of_row(c: &[sparekrav::verify::Check], row: &str) -> Vec<(String, Verdict)> {
    c.iter()
        .filter(|c| c.row.as_deref() == Some(row))
        .map(|c| (c.column.clone().unwrap_or_default(), c.verdict))
        .collect()
}

#[test]
fn a_result_whose_third_operand_is_zero_in_four_years_of_five_is_no_error() {
    // `DAU-overskud` = `Drifts- og anlægsoverskud` − `Udlån og aktier` −
    // `Ekstraordinære poster`: the last 0 except in 1996 (26), where the
    // pair alone said 502 "should read 528".
    for (slug, row) in [
        (
            "kamikposten-raadgivende-udvalg-1998-tabel-iv1-hjemmestyrets-oekonomi-udgifter-positive",
            "DAU-overskud",
        ),
        (
            "kamikposten-raadgivende-udvalg-1999-tabel-a1-hjemmestyrets-oekonomi-minus-med-mellemrum",
            "DAU-resultat (minus angiver underskud)",
        ),
        (
            "kamikposten-raadgivende-udvalg-2000-tabel-a1-hjemmestyrets-oekonomi-1995-2000",
            "DAU-resultat (minus angiver underskud)",
        ),
    ] {
        let c = common::checks_of_tsv(&common::data_tsv("heldout15", slug));
        assert!(common::errors(&c).is_empty(), "{slug}: {:#?}", common::errors(&c));
        let got = of_row(&c, row);
        assert_eq!(got.len(), 6 - usize::from(slug.contains("1998")), "{slug}: {got:#?}");
        assert!(
            got.iter().all(|(_, v)| matches!(v, Verdict::Exact | Verdict::Rounding)),
            "{slug}: {got:#?}"
        );
        let named = c
            .iter()
            .filter(|c| c.row.as_deref() == Some(row))
            .all(|c| c.relation.ends_with("Ekstraordinære poster"));
        assert!(named, "{slug}: {c:#?}");
    }
}

#[test]
fn the_deduction_sign_as_the_ocr_reads_it_is_taken_away() {
    // 1953: `5. -f- skolepenge` 20.000 is taken away (84.500); the first
    // block (items 6-8 under the page number, items 1-5 on the previous
    // page) is said not understood, not judged 5.770.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout15",
        "timarit-foeroya-kunngerdasavn-1953-finanslov-kultur-og-fiskeri-nul-i-alt",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let exact: Vec<&str> = c
        .iter()
        .filter(|c| c.verdict == Verdict::Exact && c.relation.contains("beside them"))
        .map(|c| c.detail.as_str())
        .collect();
    assert_eq!(
        exact,
        vec![
            "1.800 + 4.000 + 3.400 = 9.200",
            "600 + 1.500 + 1.000 + 8.000 + 5.000 + 3.000 + 900 = 20.000",
            "7.200 + 2.000 + 1.500 + 3.000 + 0 = 13.700",
            "90.000 + 2.000 + 10.500 + 2.000 - 20.000 = 84.500",
        ]
    );
    let first = of_row(&c, "8. Varmeanlæg i Bátahøllini ....");
    assert_eq!(first, vec![("column 3".to_string(), Verdict::Skipped)]);
    // 1958: `10. —t— lejeindtægt` 763 taken away (65.199).
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout15",
        "timarit-foeroya-kunngerdasavn-1958-finanslov-landsadministrationen-underposter",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert!(
        c.iter()
            .any(|c| c.verdict == Verdict::Exact && c.detail.ends_with("- 763 = 65.199")),
        "{c:#?}"
    );
}

// --- The adversarial review of these rules (tables written by the
// --- reviewer, kept in the shapes it found them in) --------------------

#[test]
fn a_heraf_row_is_never_the_third_operand() {
    // `heraf engangsudgifter` is a part of `Udgifter i alt`: with it as a
    // third operand the misprinted 75 (12.615 − 12.230 = 385) passed.
    let t = "Tkr.\tRegnskab 2021\tRegnskab 2022\tRegnskab 2023\tBudget 2024\n\
             Indtægter i alt\t11.870\t12.105\t12.615\t12.400\n\
             Udgifter i alt\t11.420\t11.766\t12.230\t11.900\n\
             heraf engangsudgifter\t-\t-\t310\t-\n\
             Årets resultat\t450\t339\t75\t500\n";
    let f = common::findings(&common::checks_of_tsv(t));
    assert_eq!(
        f,
        vec![(
            "Årets resultat".to_string(),
            "Regnskab 2023".to_string(),
            // Row 5, the fourth cell (`Regnskab 2023`).
            "5:4".to_string(),
            "385".to_string()
        )]
    );
}

#[test]
fn two_rows_that_would_each_be_the_third_operand_leave_the_result_not_understood() {
    // `Ekstraordinære poster` and `Overførsler til kommuner` are both 25 in
    // 2021 and 0 elsewhere: which one the result leaves out is not said,
    // and the pair's failure in 2021 is no error (it was: "should read 154").
    let t = "Mio. kr.\t2019\t2020\t2021\t2022\t2023\n\
             Indtægter\t4.423\t4.396\t4.394\t4.390\t4.500\n\
             Drifts- og anlægsudgifter\t4.300\t4.250\t4.200\t4.280\t4.400\n\
             Drifts- og anlægsoverskud\t123\t146\t194\t110\t100\n\
             Udlån og aktier\t20\t30\t40\t50\t60\n\
             Ekstraordinære poster\t0\t0\t25\t0\t0\n\
             Overførsler til kommuner\t0\t0\t25\t0\t0\n\
             DAU-overskud\t103\t116\t129\t60\t40\n";
    let c = common::checks_of_tsv(t);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let dau: Vec<Verdict> = of_row(&c, "DAU-overskud")
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    assert_eq!(dau, vec![Verdict::Skipped], "{c:#?}");
}

#[test]
fn a_netto_row_named_after_af_is_still_a_result() {
    // `Køb og salg af værdipapirer, netto` = Salg − Køb; 2021 printed 310
    // for 130. Read as no result row, `Salg af værdipapirer` was taken for
    // the total of the rows under it and called wrong ("should read 695").
    let t = "Mio. kr.\t2019\t2020\t2021\t2022\t2023\n\
             Pengestrømme fra driftsaktivitet\t1.200\t1.150\t1.310\t1.260\t1.405\n\
             Salg af værdipapirer\t420\t380\t515\t460\t530\n\
             Køb af værdipapirer\t300\t410\t385\t520\t445\n\
             Køb og salg af værdipapirer, netto\t120\t-30\t310\t-60\t85\n";
    let f = common::findings(&common::checks_of_tsv(t));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_str()),
        ("Køb og salg af værdipapirer, netto", "2021", "130")
    );
}

/// The reviewer's specification of a small finance act: three blocks, the
/// last one's second detail `label` with `figure`, its subtotal `total`.
fn act(label: &str, figure: &str, total: &str) -> String {
    format!(
        "Konto\tkr.\tkr.\n\
         1. Løn og pension\t\t\n\
         1. Lønninger\t485.000\t\n\
         2. Dagpenge\t15.000\t\n\
         3. Rejseudgifter\t5.000\t505.000\n\
         2. Bygningen\t\t\n\
         1. Varme og lys\t10.000\t\n\
         2. Vedligeholdelse\t25.000\t\n\
         3. Andre udgifter\t6.000\t41.000\n\
         3. Tidende\t\t\n\
         1. Trykning\t50.000\t\n\
         2. {label}\t{figure}\t{total}\n"
    )
}

#[test]
fn a_deduction_printed_with_its_sign_is_not_taken_away_twice() {
    for figure in ["-6.000", "(6.000)", "\u{2212}6.000"] {
        let c = common::checks_of_tsv(&act("÷ Indtægter ved salg", figure, "44.000"));
        assert!(
            common::errors(&c).is_empty(),
            "{figure}: {:#?}",
            common::errors(&c)
        );
        let exact = c.iter().filter(|c| c.verdict == Verdict::Exact).count();
        assert_eq!(exact, 3, "{figure}: {c:#?}");
    }
    // Printed without a sign, it is taken away; a misprinted subtotal is
    // corrected to 44.000, not 56.000.
    let c = common::checks_of_tsv(&act("-f- Indtægter ved salg", "6.000", "45.000"));
    let f = common::findings(&c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].3, "44.000");
    // A letter between dashes that is not known as the sign: added.
    let c = common::checks_of_tsv(&act("-i- Kontorartikler", "6.000", "56.000"));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
}

#[test]
fn a_block_of_deductions_alone_is_added_as_printed() {
    let t = "Konto\tkr.\tkr.\n\
             1. Løn og pension\t\t\n\
             1. Lønninger\t485.300\t\n\
             2. Dagpenge\t15.120\t\n\
             3. Rejseudgifter\t5.075\t505.495\n\
             2. Bygningen\t\t\n\
             1. Varme og lys\t10.120\t\n\
             2. Vedligeholdelse\t25.340\t\n\
             3. Andre udgifter\t6.075\t41.535\n\
             3. Fradrag\t\t\n\
             1. ÷ Refusioner\t6.210\t\n\
             2. ÷ Salgsindtægter\t4.480\t10.690\n";
    let c = common::checks_of_tsv(t);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert_eq!(c.iter().filter(|c| c.verdict == Verdict::Exact).count(), 3);
}

#[test]
fn account_numbers_are_no_block_begun_on_an_earlier_page() {
    // Items `11.`, `12.`, `13.` under `10. Personale`: numbers that never
    // restart at 1. The misprint 505.945 (true 505.495) is found.
    let t = "Konto\tkr.\tkr.\n\
             10. Personale\t\t\n\
             11. Lønninger\t485.300\t\n\
             12. Pension\t15.120\t\n\
             13. Rejseudgifter\t5.075\t505.945\n\
             20. Bygninger\t\t\n\
             21. Varme og lys\t10.120\t\n\
             22. Vedligeholdelse\t25.340\t\n\
             23. Andre udgifter\t6.075\t41.535\n\
             30. Tryksager\t\t\n\
             31. Trykning\t50.210\t\n\
             32. Porto\t6.480\t56.690\n";
    let f = common::findings(&common::checks_of_tsv(t));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].3, "505.495");
}

/// A block of details with its subtotal beside the last one, `-f-` rows
/// taken away.
fn faroese(blocks: &[Vec<(bool, i64)>], totals: &[i64]) -> String {
    let mut t = String::from("25 § 16. LANDSADMINISTRATIONEN:\t\t\n");
    for (b, (items, total)) in blocks.iter().zip(totals).enumerate() {
        t.push_str(&format!("{}. Kontor nr. {b}.\t\t\n", b + 1));
        for (i, &(minus, v)) in items.iter().enumerate() {
            let mark = if minus { "-f- " } else { "" };
            let last = i + 1 == items.len();
            let beside = if last {
                common::dk_int(*total)
            } else {
                String::new()
            };
            t.push_str(&format!(
                "{}. {mark}post {i} .......\t{}\t{beside}\n",
                i + 1,
                common::dk_int(v)
            ));
        }
    }
    t
}

/// Found by the property below (seed 9): the one year with an
/// `Ekstraordinære poster` figure prints a result of 0 (`-231 + 258 - 27 =
/// 0`). A zero result establishes nothing, so the three-row reading had
/// no place to show the third row, and the two-row reading called the 0
/// wrong (27). Three figures that cancel count for the reading with the
/// left-out row: exact in every year.
#[test]
fn a_third_operand_whose_year_prints_a_result_of_zero_is_read() {
    let t = "Mio. kr.\t1994\t1995\t1996\t1997\t1998\n\
             Indtægter\t3.296\t3.165\t3.094\t3.145\t3.098\n\
             Udgifter\t2.886\t3.273\t2.591\t3.211\t3.329\n\
             Drifts- og anlægsoverskud\t410\t-108\t503\t-66\t-231\n\
             Udlån og aktier\t-315\t-211\t-144\t-49\t-258\n\
             Ekstraordinære poster\t0\t0\t0\t0\t27\n\
             DAU-overskud\t725\t103\t647\t-17\t0\n";
    let c = common::checks_of_tsv(t);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let dau: Vec<(Verdict, &str)> = c
        .iter()
        .filter(|k| k.row.as_deref() == Some("DAU-overskud"))
        .map(|k| (k.verdict, k.detail.as_str()))
        .collect();
    assert_eq!(dau.len(), 5, "{c:#?}");
    assert!(dau.iter().all(|(v, _)| *v == Verdict::Exact), "{dau:#?}");
    assert!(dau[4].1.contains("-231 + 258 - 27 = 0"), "{}", dau[4].1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// DAU's shape: the result is the first row less the second less a
    /// third that is 0 in all years but one. Never an error; a misprint
    /// of the result in a year where the third is 0 is found, and named.
    #[test]
    fn a_third_operand_of_zero_but_once_is_read_and_a_misprint_still_found(
        years in prop::collection::vec((3_000i64..4_000, 2_500i64..3_500, 1i64..400), 5),
        odd in 0usize..5,
        extra in 5i64..60,
        plant in prop::option::of((0usize..5, 3i64..90)),
    ) {
        // As the advisory committee prints it: the surplus under the
        // income and costs that make it, so it is no total of the rows
        // under it.
        let labels = [
            "Indtægter",
            "Udgifter",
            "Drifts- og anlægsoverskud",
            "Udlån og aktier",
            "Ekstraordinære poster",
            "DAU-overskud",
        ];
        let mut rows: Vec<Vec<i64>> = vec![Vec::new(); labels.len()];
        for (y, &(income, costs, lend)) in years.iter().enumerate() {
            let ex = if y == odd { extra } else { 0 };
            let da = income - costs;
            for (r, v) in [income, costs, da, -lend, ex, da + lend - ex].into_iter().enumerate() {
                rows[r].push(v);
            }
        }
        // A planted misprint only where the third row is 0.
        let plant = plant.filter(|&(y, _)| y != odd);
        if let Some((y, off)) = plant {
            rows[5][y] += off;
        }
        let header: Vec<String> = (0..5).map(|y| (1994 + y as i64).to_string()).collect();
        let mut t = format!("Mio. kr.\t{}\n", header.join("\t"));
        for (label, v) in labels.iter().zip(&rows) {
            let cells: Vec<String> = v.iter().map(|x| common::dk_int(*x)).collect();
            t.push_str(&format!("{label}\t{}\n", cells.join("\t")));
        }
        let c = common::checks_of_tsv(&t);
        let f = common::findings(&c);
        match plant {
            None => prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), t),
            Some((y, off)) => {
                prop_assert_eq!(f.len(), 1, "{:#?}\n{}", c, t);
                prop_assert_eq!(&f[0].1, &header[y]);
                prop_assert_eq!(&f[0].3, &common::dk_int(rows[5][y] - off));
            }
        }
    }

    /// Blocks with `-f-` details taken away: never an error on correct
    /// subtotals; one misprinted subtotal found and named.
    #[test]
    fn deducted_details_are_taken_away_and_a_misprinted_subtotal_found(
        blocks in prop::collection::vec(
            prop::collection::vec((prop::bool::weighted(0.3), 1_000i64..90_000), 3..6),
            3..5,
        ),
        // Whole kroner are read as rounded: a misprint beyond the
        // rounding of six details.
        plant in prop::option::of((0usize..5, 10i64..500)),
    ) {
        // Figures that repeat prove little (three details of 100 making
        // 300 are too likely by chance for the layout to be taken: a
        // block must add up by chance at most 1 ‰, so details of four and
        // five digits).
        let mut all: Vec<i64> = blocks.iter().flatten().map(|&(_, v)| v).collect();
        all.sort_unstable();
        all.dedup();
        prop_assume!(all.len() == blocks.iter().map(Vec::len).sum::<usize>());
        // A block of deductions alone is added as printed (its subtotal's
        // sign is the page's convention): the next test's.
        prop_assume!(blocks.iter().all(|b| b.iter().any(|&(m, _)| !m)));
        let totals: Vec<i64> = blocks
            .iter()
            .map(|b| b.iter().map(|&(m, v)| if m { -v } else { v }).sum())
            .collect();
        let plant = plant.filter(|&(b, _)| b < blocks.len());
        let mut printed = totals.clone();
        if let Some((b, off)) = plant {
            printed[b] += off;
        }
        let t = faroese(&blocks, &printed);
        let c = common::checks_of_tsv(&t);
        let f = common::findings(&c);
        match plant {
            None => prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), t),
            Some((b, _)) => {
                prop_assert_eq!(f.len(), 1, "{:#?}\n{}", c, t);
                prop_assert_eq!(&f[0].3, &common::dk_int(totals[b]));
            }
        }
    }
}
