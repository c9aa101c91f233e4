//! `sparekrav report SCENARIO.yaml`: the tables of a scenario.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{emit, CliError, CsvStyleArg, DisplayArgs, FormatArg, Outcome};
use crate::check::{run_all, Status};
use crate::error::InputError;
use crate::input::read_scenario_file;
use crate::render::{render, ReportMeta};
use crate::report;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The scenario file (YAML); several with --side-by-side
    #[arg(required = true, value_name = "SCENARIO")]
    pub scenarios: Vec<PathBuf>,
    /// Print several scenarios side by side: per table, one block of columns
    /// per scenario (alternatives a committee chooses between)
    #[arg(long)]
    pub side_by_side: bool,
    #[command(flatten)]
    pub display: DisplayArgs,
    /// Output format (default: from the ending of -o FILE — .md, .csv, .json,
    /// .xlsx — else text)
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<FormatArg>,
    /// CSV dialect (with --format csv)
    #[arg(long, value_enum, default_value_t = CsvStyleArg::Danish)]
    pub csv_style: CsvStyleArg,
    /// Write to FILE (atomically: a failed run leaves the previous file intact)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Warnings (a sign flip, an initiative without a dimension the others
    /// give) fail the run: exit 1, the tables still written
    #[arg(long)]
    pub strict: bool,
    /// Convert every amount to this year's price level (YEAR-priser) with the
    /// scenario's pris- og lønskøn (`pl_skøn`, the `samlet` index); the
    /// scenario must state its own `prisniveau`
    #[arg(long, value_name = "YEAR")]
    pub prisniveau: Option<i32>,
    /// The index --prisniveau converts with
    #[arg(long, value_enum, default_value_t = PlIndeksArg::Samlet)]
    pub pl_indeks: PlIndeksArg,
    /// Print only the table with this id (repeatable; `--format json` lists the ids)
    #[arg(long = "table", value_name = "ID")]
    pub tables: Vec<String>,
}

/// The format asked for, else the one the output file's ending names.
fn format_of(args: &ReportArgs) -> Result<FormatArg, CliError> {
    format_for(args.format, args.output.as_deref())
}

/// `format`, else the one the ending of `output` names, else text. A format
/// that contradicts the ending (`-f csv -o r.xlsx`), or a spreadsheet ending
/// sparekrav does not write (`-o r.xls`), is refused rather than written into
/// a file that its ending misnames.
pub fn format_for(
    format: Option<FormatArg>,
    output: Option<&std::path::Path>,
) -> Result<FormatArg, CliError> {
    let ext = output
        .and_then(|o| o.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let by_ending = match ext.as_str() {
        "md" | "markdown" => Some(FormatArg::Markdown),
        "csv" => Some(FormatArg::Csv),
        "json" => Some(FormatArg::Json),
        "xlsx" => Some(FormatArg::Xlsx),
        _ => None,
    };
    let name = || output.map(|o| o.display().to_string()).unwrap_or_default();
    match (format, by_ending) {
        (Some(f), Some(e)) if f != e => Err(CliError::Usage(format!(
            "--format {} contradicts the ending of {} (.{ext}): drop --format, or name the file for the format",
            f.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default(),
            name()
        ))),
        (None, None) if matches!(ext.as_str(), "xls" | "xlsm" | "xlsb" | "ods") => {
            Err(CliError::Usage(format!(
                "{}: sparekrav writes .xlsx spreadsheets, not .{ext}; name the file .xlsx (or give --format)",
                name()
            )))
        }
        (f, e) => Ok(f.or(e).unwrap_or(FormatArg::Text)),
    }
}

/// KL's index to convert price levels with.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlIndeksArg {
    /// Wages
    #[value(name = "løn", alias = "loen", alias = "lon")]
    Løn,
    /// Prices
    Priser,
    /// Wages and prices weighted together (KL's samlet P/L)
    Samlet,
}

impl From<PlIndeksArg> for crate::pl::Index {
    fn from(a: PlIndeksArg) -> crate::pl::Index {
        match a {
            PlIndeksArg::Løn => crate::pl::Index::Løn,
            PlIndeksArg::Priser => crate::pl::Index::Priser,
            PlIndeksArg::Samlet => crate::pl::Index::Samlet,
        }
    }
}

/// Names for the scenarios' column blocks: the file names without their
/// folder and ending (`alternativ-a`), or the whole path where those repeat.
fn short_names(all: &[crate::input::LoadedScenario]) -> Vec<String> {
    let stem = |f: &str| {
        std::path::Path::new(f)
            .file_stem()
            .map_or_else(|| f.to_string(), |s| s.to_string_lossy().into_owned())
    };
    let stems: Vec<String> = all.iter().map(|l| stem(&l.file)).collect();
    let unique = stems
        .iter()
        .enumerate()
        .all(|(i, s)| !stems[..i].contains(s));
    if unique {
        stems
    } else {
        all.iter().map(|l| l.file.clone()).collect()
    }
}

/// Converts the tables to the price level asked for, and marks each with
/// its price level, when the scenario states one.
pub fn price_level(
    loaded: &crate::input::LoadedScenario,
    to: Option<i32>,
    index: crate::pl::Index,
    lang: crate::table::Lang,
    tables: &mut [crate::table::Table],
) -> Result<(), CliError> {
    let s = &loaded.scenario;
    match (s.prisniveau, to) {
        (None, None) => Ok(()),
        (None, Some(_)) => Err(InputError::new(
            &loaded.file,
            "--prisniveau: the scenario does not state the price level of its amounts (add `prisniveau: 2026` for 2026-priser)",
        )
        .into()),
        (Some(from), to) => {
            let to = to.unwrap_or(from);
            if to != from {
                let f = crate::pl::factor_by(&s.pl_skøn, from, to, index)
                    .map_err(|e| loaded.error_at("pl_skøn", e.to_string()))?;
                let exact = crate::pl::convert_tables(tables, f)
                    .map_err(|e| InputError::new(&loaded.file, e.to_string()))?;
                for t in tables.iter_mut() {
                    t.notes.push(format!(
                        "{} {from}- {} {to}-{} ({})",
                        lang.pick("Omregnet fra", "Converted from"),
                        lang.pick("til", "to"),
                        lang.pick(
                            "priser med pris- og lønskønnet",
                            "prices with the price and wage index"
                        ),
                        index.key()
                    ));
                }
                if !exact {
                    for t in tables.iter_mut() {
                        t.notes.push(format!(
                            "{from}-priser {} {to}-priser: {}",
                            lang.pick("omregnet til", "converted to"),
                            lang.pick(
                                "division med pris- og lønskønnet, regnet med 28 betydende cifre (under 10^-15 kr. fra det eksakte)",
                                "divided by the price and wage factor, to 28 significant digits (within 10^-15 kr. of exact)"
                            )
                        ));
                    }
                }
            }
            crate::pl::label_tables(tables, to, lang);
            Ok(())
        }
    }
}

/// The tables named by `--table` (all when none is named), in report order.
pub fn choose(
    file: &str,
    tables: Vec<crate::table::Table>,
    ids: &[String],
) -> Result<Vec<crate::table::Table>, CliError> {
    if ids.is_empty() {
        return Ok(tables);
    }
    let unknown: Vec<&String> = ids
        .iter()
        .filter(|id| !tables.iter().any(|t| &t.id == *id))
        .collect();
    if !unknown.is_empty() {
        let known: Vec<&str> = tables.iter().map(|t| t.id.as_str()).collect();
        return Err(CliError::Usage(format!(
            "{file}: no table {}; its tables are: {}",
            unknown
                .iter()
                .map(|u| format!("{u:?}"))
                .collect::<Vec<_>>()
                .join(", "),
            known.join(", ")
        )));
    }
    Ok(tables.into_iter().filter(|t| ids.contains(&t.id)).collect())
}

pub fn run(args: &ReportArgs) -> Result<Outcome, CliError> {
    let format = format_of(args)?;
    if format == FormatArg::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "xlsx is a binary file: give -o FILE.xlsx (or redirect standard output)".to_string(),
        ));
    }
    if args.scenarios.len() > 1 && !args.side_by_side {
        return Err(CliError::Usage(
            "several scenarios: give --side-by-side to print them side by side".to_string(),
        ));
    }
    if let Some(out) = &args.output {
        let inputs: Vec<&std::path::Path> = args.scenarios.iter().map(PathBuf::as_path).collect();
        crate::output::refuse_input(out, &inputs)?;
    }
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for path in &args.scenarios {
        match read_scenario_file(path) {
            Ok(l) => all.push(l),
            Err(e) => errors.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(crate::error::InputErrors(errors).into());
    }
    let options = args.display.options();
    fn in_file(
        loaded: &crate::input::LoadedScenario,
    ) -> impl Fn(crate::money::Overflow) -> CliError + '_ {
        move |e| super::overflow_in(loaded, &e).into()
    }
    let mut sets = Vec::new();
    for loaded in &all {
        let mut tables = report::build(&loaded.scenario, options.lang).map_err(in_file(loaded))?;
        price_level(
            loaded,
            args.prisniveau,
            args.pl_indeks.into(),
            options.lang,
            &mut tables,
        )?;
        sets.push(tables);
    }
    let (meta, tables, first_file) = match (all.as_slice(), sets.pop()) {
        ([loaded], Some(tables)) => (
            ReportMeta {
                title: loaded.scenario.title.clone(),
                source: loaded.scenario.source.clone(),
            },
            tables,
            loaded.file.clone(),
        ),
        (_, last) => {
            sets.extend(last);
            let names = short_names(&all);
            (
                ReportMeta {
                    title: format!(
                        "{}: {}",
                        options.lang.pick("Side om side", "Side by side"),
                        names.join(", ")
                    ),
                    source: Some(
                        all.iter()
                            .zip(&names)
                            .map(|(l, n)| format!("{n}: {}", l.scenario.title))
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                },
                crate::side::side_by_side(&names, &sets, options.lang),
                all.first().map(|l| l.file.clone()).unwrap_or_default(),
            )
        }
    };
    let tables = choose(&first_file, tables, &args.tables)?;
    let shown = tables
        .iter()
        .map(|t| t.display(&options))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| -> CliError {
            match all.first() {
                Some(l) => super::overflow_in(l, &e).into(),
                None => InputError::new(&first_file, e.to_string()).into(),
            }
        })?;
    let bytes = render(&meta, &shown, format.into(), args.csv_style.into())?;
    emit(args.output.as_deref(), &bytes)?;
    // The tables are printed either way, but a scenario whose breakdowns do
    // not reconcile must not pass unnoticed: say so, and exit 1.
    let mut failures = Vec::new();
    for loaded in &all {
        let found = run_all(&loaded.scenario).map_err(in_file(loaded))?;
        for f in found.into_iter().filter(|f| f.status == Status::Fails) {
            super::eprint_line(&loaded.error_at(&f.path, format!("warning: {}", f.message)));
            failures.push(f);
        }
    }
    let mut warnings = Vec::new();
    for loaded in &all {
        for w in crate::check::warnings(&loaded.scenario) {
            super::eprint_line(&loaded.error_at(&w.path, format!("warning: {}", w.message)));
            warnings.push(w);
        }
    }
    if failures.is_empty() && (warnings.is_empty() || !args.strict) {
        Ok(Outcome::Ok)
    } else if failures.is_empty() {
        super::eprint_line(&format!(
            "report: {} warning{} (--strict)",
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" }
        ));
        Ok(Outcome::CheckFailed)
    } else {
        super::eprint_line(&format!(
            "report: {} reconciliation{} fail{}: these tables do not agree with each other (see `sparekrav check`)",
            failures.len(),
            if failures.len() == 1 { "" } else { "s" },
            if failures.len() == 1 { "s" } else { "" },
        ));
        Ok(Outcome::CheckFailed)
    }
}
