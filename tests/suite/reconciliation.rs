//! The reconciliation suite: every promise of the tool as a property over
//! generated scenarios, written as YAML text and read by the real reader.
//!
//! - report totals equal the exact sums of their inputs;
//! - every breakdown reconciles (`check` finds no failure);
//! - shares add up as documented, in every format;
//! - kr. / t. kr. / mio. kr. never change a total, in the file or on display;
//! - rendering then verifying any report gives no error.

use std::str::FromStr;

use crate::common::verify_text;
use crate::scenario_gen::{hostile_names, scenario, GenScenario, YEARS};
use proptest::prelude::*;
use sparekrav::check::{run_all, Status};
use sparekrav::input::read_scenario_str;
use sparekrav::money::{round_half_away, Decimal, Unit};
use sparekrav::numfmt::{parse_number, NumberStyle};
use sparekrav::render::{render, CsvStyle, Format, ReportMeta};
use sparekrav::report;
use sparekrav::table::{
    Cell, ColumnKind, DisplayCell, DisplayOptions, Lang, RowKind, ShareMethod, Table,
};
use sparekrav::verify::{Options, Verdict};

fn tables_of(yaml: &str) -> Vec<Table> {
    let loaded = read_scenario_str("gen.yaml", yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    report::build(&loaded.scenario, Lang::Da).unwrap()
}

fn amount(c: &Cell) -> Option<Decimal> {
    match c {
        Cell::Amount(v) => Some(*v),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// The konto table's I alt is krav + realiseret; the realized row is the
    /// exact sum of the initiatives; the centre breakdown's I alt is the same sum.
    #[test]
    fn report_totals_equal_the_exact_sums_of_their_inputs(g in scenario()) {
        let tables = tables_of(&g.yaml(Unit::Kr));
        let konto = tables.iter().find(|t| t.id == "konto-a").unwrap();
        for (i, y) in YEARS.iter().enumerate() {
            let krav = g.krav[i];
            let real: Decimal = g.initiatives.iter().map(|x| x.amounts[i]).sum();
            prop_assert_eq!(amount(&konto.rows[1].cells[i]), Some(krav));
            prop_assert_eq!(amount(&konto.rows[2].cells[i]), Some(real));
            prop_assert_eq!(amount(&konto.rows[3].cells[i]), Some(krav + real));
            // One table with the years as columns, each followed by its share.
            let shares = tables.iter().find(|t| t.id == "andele-a-center").unwrap();
            prop_assert_eq!(&shares.columns[2 * i].label, &y.to_string());
            let total = shares.rows.iter().find(|r| r.kind == RowKind::Total).unwrap();
            prop_assert_eq!(amount(&total.cells[2 * i]), Some(real));
            let items: Decimal = shares.rows.iter().filter(|r| r.kind == RowKind::Item).filter_map(|r| amount(&r.cells[2 * i])).sum();
            prop_assert_eq!(items, real);
        }
    }

    /// The same figures as marginal breakdowns beside the initiatives: every
    /// reconciliation holds; off by one øre, it fails.
    #[test]
    fn every_breakdown_reconciles(g in scenario()) {
        let loaded = read_scenario_str("gen.yaml", &g.yaml_with_marginals(Unit::Kr, Decimal::ZERO)).unwrap();
        let findings = run_all(&loaded.scenario).unwrap();
        prop_assert!(findings.len() >= YEARS.len() * 2);
        prop_assert!(findings.iter().all(|f| f.status == Status::Holds), "{:?}", findings);
        let loaded = read_scenario_str("gen.yaml", &g.yaml_with_marginals(Unit::Kr, Decimal::new(1, 2))).unwrap();
        let findings = run_all(&loaded.scenario).unwrap();
        prop_assert!(findings.iter().any(|f| f.status == Status::Fails));
    }

    /// Independent shares print as each exact share rounded; largest-remainder
    /// shares of a block add up to exactly 100,0 — in text, Markdown, CSV and JSON alike.
    #[test]
    fn shares_add_up_as_documented_in_every_format(g in scenario(), lr in any::<bool>()) {
        let tables = tables_of(&g.yaml(Unit::Kr));
        let options = DisplayOptions {
            shares: if lr { ShareMethod::LargestRemainder } else { ShareMethod::Independent },
            ..DisplayOptions::default()
        };
        for t in tables.iter().filter(|t| t.columns.iter().any(|c| c.kind == ColumnKind::Share)) {
            let shown = t.display(&options).unwrap();
            // Every share of the item rows, row by row (a table with the years
            // as columns has one share column per year).
            let share_of = |c: &DisplayCell| match *c {
                DisplayCell::Share { exact, shown } => Some((exact, shown)),
                _ => None,
            };
            let items: Vec<(Decimal, Decimal)> = shown
                .rows
                .iter()
                .filter(|r| r.kind == RowKind::Item)
                .flat_map(|r| r.cells.iter().filter_map(share_of))
                .collect();
            if items.is_empty() {
                continue;
            }
            let share_columns: Vec<usize> = t.columns.iter().enumerate().filter(|(_, c)| c.kind == ColumnKind::Share).map(|(i, _)| i).collect();
            if lr {
                for &c in &share_columns {
                    let column: Decimal = shown.rows.iter().filter(|r| r.kind == RowKind::Item).filter_map(|r| share_of(&r.cells[c])).map(|(_, s)| s).sum();
                    prop_assert_eq!(column, Decimal::ONE_HUNDRED);
                }
            }
            for (exact, s) in &items {
                if lr {
                    prop_assert!((*s - *exact).abs() < Decimal::new(1, 1));
                } else {
                    prop_assert_eq!(*s, round_half_away(*exact, 1));
                }
            }
            // Every format prints those same share figures.
            let want: Vec<Decimal> = items.iter().map(|(_, s)| *s).collect();
            let meta = ReportMeta::default();
            let one = std::slice::from_ref(&shown);
            for (format, style, sep) in [
                (Format::Text, NumberStyle::DANISH, '|'),
                (Format::Markdown, NumberStyle::DANISH, '|'),
                (Format::Csv, NumberStyle::DANISH, ';'),
            ] {
                let bytes = render(&meta, one, format, CsvStyle::Danish).unwrap();
                let text = String::from_utf8(bytes).unwrap();
                let got: Vec<Decimal> = text
                    .lines()
                    .flat_map(|l| l.split(sep))
                    .filter_map(|c| parse_number(c.trim(), style).ok())
                    .filter(|p| p.percent)
                    .map(|p| p.value)
                    .collect();
                // Items first, then the total's 100,0.
                prop_assert_eq!(&got[..want.len()], &want[..], "{:?}", format);
            }
            let json: serde_json::Value = serde_json::from_slice(&render(&meta, one, Format::Json, CsvStyle::Danish).unwrap()).unwrap();
            let got: Vec<Decimal> = json["tables"][0]["rows"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["kind"] == "item")
                .flat_map(|r| r["cells"].as_array().unwrap().iter().filter(|c| c["kind"] == "share").map(|c| Decimal::from_str(c["shown"].as_str().unwrap()).unwrap()).collect::<Vec<_>>())
                .collect();
            prop_assert_eq!(got, want);
        }
    }

    /// Writing the file in kr., t. kr. or mio. kr. gives the same exact
    /// tables; displaying them in another unit only divides exactly.
    #[test]
    fn units_never_change_a_total(g in scenario()) {
        let in_kr = tables_of(&g.yaml(Unit::Kr));
        prop_assert_eq!(&tables_of(&g.yaml(Unit::TKr)), &in_kr);
        prop_assert_eq!(&tables_of(&g.yaml(Unit::Mio)), &in_kr);
        for t in &in_kr {
            for unit in Unit::ALL {
                let shown = t.display(&DisplayOptions { unit, decimals: 8, ..DisplayOptions::default() }).unwrap();
                for (row, srow) in t.rows.iter().zip(&shown.rows) {
                    for (c, s) in row.cells.iter().zip(&srow.cells) {
                        if let (Cell::Amount(k), DisplayCell::Amount { kroner, exact, .. }) = (c, s) {
                            prop_assert_eq!(kroner, k);
                            prop_assert_eq!(*exact * unit.kroner(), *k);
                        }
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Every report, in text, Markdown and CSV, in Danish and English, with
    /// either share method, verifies with no error.
    #[test]
    fn rendering_then_verifying_gives_no_error(g in scenario(), lr in any::<bool>(), english in any::<bool>(), decimals in 0u32..3) {
        let lang = if english { Lang::En } else { Lang::Da };
        let loaded = read_scenario_str("gen.yaml", &g.yaml(Unit::Kr)).unwrap();
        let tables = report::build(&loaded.scenario, lang).unwrap();
        let display = DisplayOptions {
            lang,
            decimals,
            shares: if lr { ShareMethod::LargestRemainder } else { ShareMethod::Independent },
            ..DisplayOptions::default()
        };
        let shown: Vec<_> = tables.iter().map(|t| t.display(&display).unwrap()).collect();
        let options = Options { allocated_shares: lr, ..Options::default() };
        for (format, kind) in [
            (Format::Text, "text"),
            (Format::Markdown, "text"),
            (Format::Csv, "csv"),
            (Format::Csv, "csv-plain"),
        ] {
            let style = if kind == "csv-plain" { CsvStyle::Plain } else { CsvStyle::Danish };
            let text = String::from_utf8(render(&ReportMeta::default(), &shown, format, style).unwrap()).unwrap();
            let mut judged = 0;
            let mut errors = Vec::new();
            verify_text("r", &text, kind, lang.number_style(), &options, |t| {
                judged += t.checks.len();
                errors.extend(t.checks.into_iter().filter(|c| c.verdict == Verdict::Error));
            })
            .unwrap();
            prop_assert!(judged > 0, "{:?}: nothing judged", format);
            prop_assert!(errors.is_empty(), "{:?} {:?}: {}\n{:#?}", format, kind, text, errors);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Issue 8 items 12, 13 and 15: whatever the labels — `|`, line breaks,
    /// tabs, NUL, terminal escapes, Markdown and HTML, spreadsheet formulas,
    /// a leading `-`, `+`, `@`, `=` — the tool's own text, Markdown and CSV
    /// verify with no error, judge something, and carry no raw control
    /// character; CSV text cells never start a formula.
    #[test]
    fn hostile_labels_render_safely_and_verify(
        (g, names) in scenario().prop_flat_map(|g| {
            let n = g.initiatives.len();
            (Just(g), hostile_names(n))
        }),
        english in any::<bool>(),
    ) {
        let lang = if english { Lang::En } else { Lang::Da };
        let yaml = g.yaml_named(Unit::Kr, &names);
        let loaded = read_scenario_str("gen.yaml", &yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
        let tables = report::build(&loaded.scenario, lang).unwrap();
        let display = DisplayOptions { lang, ..DisplayOptions::default() };
        let shown: Vec<_> = tables.iter().map(|t| t.display(&display).unwrap()).collect();
        let meta = ReportMeta { title: names.title.clone(), source: Some(names.konto.clone()) };
        let options = Options::default();
        for (format, kind, style) in [
            (Format::Text, "text", CsvStyle::Danish),
            (Format::Markdown, "text", CsvStyle::Danish),
            (Format::Csv, "csv", CsvStyle::Danish),
            (Format::Csv, "csv-plain", CsvStyle::Plain),
        ] {
            let text = String::from_utf8(render(&meta, &shown, format, style).unwrap()).unwrap();
            let raw = text.chars().find(|&c| c.is_control() && c != '\n' && c != '\r');
            prop_assert_eq!(raw, None, "{:?}: a raw control character", format);
            prop_assert!(!text.contains('\u{202e}'), "{:?}: a bidi override", format);
            if format == Format::Markdown {
                prop_assert!(!text.contains("<script") && !text.contains("x](javascript"));
            }
            if format == Format::Csv {
                let mut reader = ::csv::ReaderBuilder::new()
                    .delimiter(if style == CsvStyle::Plain { b',' } else { b';' })
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
                for record in reader.records() {
                    let record = record.unwrap();
                    if let Some(label) = record.get(0) {
                        prop_assert!(!label.starts_with(['=', '+', '-', '@']), "formula-like text cell {:?}", label);
                    }
                }
            }
            let mut judged = 0;
            let mut errors = Vec::new();
            verify_text("r", &text, kind, lang.number_style(), &options, |t| {
                judged += t.checks.len();
                errors.extend(t.checks.into_iter().filter(|c| c.verdict == Verdict::Error));
            })
            .unwrap();
            prop_assert!(judged > 0, "{:?}: nothing judged", format);
            prop_assert!(errors.is_empty(), "{:?} {:?}: {:#?}\n{}", format, kind, errors, text);
        }
    }
}

#[test]
fn the_generator_writes_readable_files() {
    let g = GenScenario::example();
    for unit in Unit::ALL {
        assert!(
            read_scenario_str("g.yaml", &g.yaml(unit)).is_ok(),
            "{}",
            g.yaml(unit)
        );
    }
}
