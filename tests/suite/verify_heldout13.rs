//! The two false errors the thirteenth held-out set's first run found
//! (`tests/data/heldout13/SOURCES.md`), each a test with its verdicts.

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::Verdict;

#[test]
fn a_year_in_parentheses_after_a_figure_is_no_second_figure() {
    // `6.694 kroner (2023)`: read as two figures a cell, the years made a
    // column of their own, and `I alt op til` = 2.023 + 2.023 was wrong.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout13",
        "fagligsenior-folkepension-2023-enlig-gift-i-alt-op-til",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    // The labelled total is not read (its figure has words around it), and
    // says so in each column.
    let totals: Vec<Verdict> = c
        .iter()
        .filter(|c| c.relation.starts_with("I alt op til"))
        .map(|c| c.verdict)
        .collect();
    assert_eq!(totals, vec![Verdict::Skipped, Verdict::Skipped], "{c:#?}");
}

#[test]
fn a_row_added_to_its_own_total_is_no_reading() {
    // `Årets resultat` fitted `Finansielle poster` + `Resultat før skat` in
    // four years of five (a small row, a result close to the total before
    // tax), and 2012 was called wrong; `Finansielle poster` is one of the
    // three rows `Resultat før skat` adds up.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout13",
        "hoejgaard-holding-hoved-og-noegletal-2012-2016-pengestroemme-uden-placering",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let result: Vec<(Verdict, &str)> = c
        .iter()
        .filter(|c| c.relation.starts_with("Årets resultat"))
        .map(|c| (c.verdict, c.detail.as_str()))
        .collect();
    assert_eq!(result.len(), 1, "{result:#?}");
    assert_eq!(result[0].0, Verdict::Skipped);
    assert!(
        result[0].1.contains("adds a row to its own total"),
        "{}",
        result[0].1
    );
    // Its total before tax is still judged in every year.
    let before_tax = c
        .iter()
        .filter(|c| c.relation.starts_with("Resultat før skat [") && c.verdict == Verdict::Exact)
        .count();
    assert_eq!(before_tax, 5);
}

#[test]
fn soliditet_i_procent_is_the_equity_over_the_balance_and_finds_the_published_error() {
    // Danish Agro's five years: 2017 prints 31,3 where 4.895 / 15.568 =
    // 31,44 % (the collector's published error).
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout13",
        "landbrugnet-danish-agro-i-tal-2015-2019-soliditet",
    ));
    let got: Vec<(String, Verdict)> = c
        .iter()
        .filter(|c| c.relation.starts_with("Soliditet i procent ["))
        .map(|c| (c.column.clone().unwrap_or_default(), c.verdict))
        .collect();
    let want: Vec<(String, Verdict)> = [
        ("2015", Verdict::Rounding),
        ("2016", Verdict::Rounding),
        ("2017", Verdict::Error),
        ("2018", Verdict::Rounding),
        ("2019", Verdict::Rounding),
    ]
    .iter()
    .map(|(y, v)| (y.to_string(), *v))
    .collect();
    assert_eq!(got, want, "{c:#?}");
    let f = common::findings(&c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].3, "31,4");
}

#[test]
fn an_ebt_margin_is_the_result_before_tax_over_the_revenue() {
    // Royal Greenland's `Før-skat margin (EBT-margin)`, five years.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout13",
        "royal-greenland-noegletal-2011-12-2015-16-ebit-margin-parenteser",
    ));
    let got: Vec<Verdict> = c
        .iter()
        .filter(|c| c.relation.starts_with("Før-skat margin (EBT-margin) ["))
        .map(|c| c.verdict)
        .collect();
    assert_eq!(got, vec![Verdict::Rounding; 5], "{c:#?}");
    assert!(common::errors(&c).is_empty());
}

#[test]
fn the_tax_of_the_result_is_no_result_row() {
    // TDC's five years: `Skat af årets resultat` named a result and was
    // said not understood as a difference in both of its sections; it is
    // an item taken of the result.
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout13",
        "tdc-aarsrapport-2011-5-aarsoversigt-resultatopgoerelse-ekskl-saerlige-poster",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let tax: Vec<&str> = c
        .iter()
        .filter(|c| c.relation.starts_with("Skat af"))
        .map(|c| c.relation.as_str())
        .collect();
    assert!(tax.is_empty(), "{tax:#?}");
    // Its sums and results still hold in every year (the same as before).
    assert_eq!(
        c.iter().filter(|c| c.verdict == Verdict::Exact).count(),
        48,
        "{c:#?}"
    );
}

/// Found by the property below (seed 64): with small whole figures, the
/// 2012 column was `2013` - `2015` within the rounding in four rows of
/// five (`-57 + 198 = 141`, printed 140), and the fifth was called wrong.
/// A year of a series is no sum or difference of other years.
#[test]
fn a_year_column_is_no_formula_of_other_years() {
    let t = "Mio. DKK\t2016\t2015\t2014\t2013\t2012\n\
             Resultat af primær drift\t244\t57\t61\t198\t140\n\
             Finansielle poster\t-1\t1\t-1\t1\t-1\n\
             Andel af resultat i associerede virksomheder\t-95\t-27\t-104\t-156\t-126\n\
             Resultat før skat\t148\t31\t-44\t43\t13\n\
             Årets resultat\t147\t32\t-24\t44\t12\n";
    let c = common::checks_of_tsv(t);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert!(
        c.iter()
            .all(|k| !k.detail.contains("2015 + 2013") && !k.detail.contains("-2015")),
        "{c:#?}"
    );
    // The rows' own total still holds in every year.
    let before: Vec<Verdict> = c
        .iter()
        .filter(|k| k.relation.starts_with("Resultat før skat ["))
        .map(|k| k.verdict)
        .collect();
    assert_eq!(before, vec![Verdict::Rounding; 5], "{c:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Højgaard's shape: `Årets resultat` is `Resultat før skat` less a
    /// tax the table does not print, which in all years but one is about
    /// the financial items, so `Finansielle poster` + `Resultat før skat`
    /// fits there. `Finansielle poster` is a part of `Resultat før skat`:
    /// never an error, whatever the years. (Financial items of 5 or more:
    /// those of 1 are the next property's.)
    #[test]
    fn a_row_plus_its_own_total_is_never_an_error(
        years in prop::collection::vec((50i64..900, 5i64..60, any::<bool>(), 1i64..300), 5),
        odd in 0usize..5,
        off in 3i64..40,
    ) {
        let header: Vec<String> = (0..5).map(|y| (2016 - y as i64).to_string()).collect();
        let mut rows: Vec<(String, Vec<i64>)> = vec![
            ("Nettoomsætning".into(), vec![]),
            ("Resultat af primær drift".into(), vec![]),
            ("Finansielle poster".into(), vec![]),
            ("Andel af resultat i associerede virksomheder".into(), vec![]),
            ("Resultat før skat".into(), vec![]),
            ("Årets resultat".into(), vec![]),
        ];
        for (y, &(ebit, fin, neg, assoc)) in years.iter().enumerate() {
            let fin = if neg { -fin } else { fin };
            let before = ebit + fin - assoc;
            // The tax: minus the financial items (so the pair fits), but
            // `off` more in one year.
            let result = before + fin + if y == odd { off } else { 0 };
            for (r, v) in [ebit * 7, ebit, fin, -assoc, before, result].into_iter().enumerate() {
                rows[r].1.push(v);
            }
        }
        let mut t = format!("Mio. DKK\t{}\n", header.join("\t"));
        for (label, v) in &rows {
            let cells: Vec<String> = v.iter().map(|x| common::dk_int(*x)).collect();
            t.push_str(&format!("{label}\t{}\n", cells.join("\t")));
        }
        let c = common::checks_of_tsv(&t);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), t);
        // The total before tax is judged in every year.
        let before = c
            .iter()
            .filter(|c| c.relation.starts_with("Resultat før skat [") && c.verdict == Verdict::Exact)
            .count();
        prop_assert_eq!(before, 5, "{}", t);
    }

    /// The same shape with financial items of 1 (whole millions) in every
    /// year: `Resultat før skat` is then also read as its two other rows,
    /// within the rounding, leaving `Finansielle poster` out although it
    /// stands between them; `Årets resultat` = `Finansielle poster` +
    /// `Resultat før skat` fitted four years and called the fifth wrong (a
    /// reading that held only where the rounding hid the left-out row).
    /// A row inside the span of its total's reading is its part: never an
    /// error, and `Årets resultat` is said not understood. With
    /// `operand_too`, the tax happens to be the associates' share less the
    /// financial items in all years but one, and `Årets resultat` =
    /// `Andel af resultat …` + `Resultat før skat` fitted four years (the
    /// adversarial review of the seventh session): an operand of a total's
    /// own reading is its part as much as a row inside its span.
    #[test]
    fn a_row_left_out_within_the_rounding_is_still_a_part_of_its_total(
        years in prop::collection::vec((50i64..900, any::<bool>(), 1i64..300), 5),
        odd in 0usize..5,
        off in 3i64..40,
        operand_too in any::<bool>(),
    ) {
        let header: Vec<String> = (0..5).map(|y| (2016 - y as i64).to_string()).collect();
        let labels = [
            "Resultat af primær drift",
            "Finansielle poster",
            "Andel af resultat i associerede virksomheder",
            "Resultat før skat",
            "Årets resultat",
        ];
        let mut rows: Vec<Vec<i64>> = vec![Vec::new(); labels.len()];
        for (y, &(ebit, neg, assoc)) in years.iter().enumerate() {
            let fin = if neg { -1 } else { 1 };
            let before = ebit + fin - assoc;
            let again = if operand_too { -assoc } else { 0 };
            let result = before + fin + again + if y == odd { off } else { 0 };
            for (r, v) in [ebit, fin, -assoc, before, result].into_iter().enumerate() {
                rows[r].push(v);
            }
        }
        let mut t = format!("Mio. DKK\t{}\n", header.join("\t"));
        for (label, v) in labels.iter().zip(&rows) {
            let cells: Vec<String> = v.iter().map(|x| common::dk_int(*x)).collect();
            t.push_str(&format!("{label}\t{}\n", cells.join("\t")));
        }
        let c = common::checks_of_tsv(&t);
        prop_assert!(common::errors(&c).is_empty(), "{:#?}\n{}", common::errors(&c), t);
        let result: Vec<Verdict> = c
            .iter()
            .filter(|c| c.row.as_deref() == Some("Årets resultat"))
            .map(|c| c.verdict)
            .collect();
        prop_assert_eq!(result, vec![Verdict::Skipped], "{:#?}\n{}", c, t);
    }
}
