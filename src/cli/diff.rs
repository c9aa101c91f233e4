//! `sparekrav diff OLD NEW`: two versions of a scenario, table by table and
//! cell by cell (old, new, change). `-` reads one of them from standard input
//! (`git show HEAD~1:s.yaml | sparekrav diff - s.yaml`). Exit 0 when the two
//! could be compared, 2 on bad input.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{emit, CliError, CsvStyleArg, DisplayArgs, FormatArg, Outcome};
use crate::error::{InputError, InputErrors};
use crate::input::{decode_text, read_scenario_file, read_scenario_str, LoadedScenario};
use crate::render::{render, ReportMeta};
use crate::{diff, report};

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The old version (a scenario file, or - for standard input)
    pub old: PathBuf,
    /// The new version (a scenario file, or - for standard input)
    pub new: PathBuf,
    /// Show every cell of every table, not only what changed
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub display: DisplayArgs,
    /// Output format (default: from the ending of -o FILE, else text)
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<FormatArg>,
    /// CSV dialect (with --format csv)
    #[arg(long, value_enum, default_value_t = CsvStyleArg::Danish)]
    pub csv_style: CsvStyleArg,
    /// Write to FILE (atomically)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Compare at this year's price level (YEAR-priser); by default the new
    /// version's, when the two state different ones
    #[arg(long, value_name = "YEAR")]
    pub prisniveau: Option<i32>,
    /// The index --prisniveau converts with
    #[arg(long, value_enum, default_value_t = super::report::PlIndeksArg::Samlet)]
    pub pl_indeks: super::report::PlIndeksArg,
}

/// Reads a scenario from a file, or from standard input for `-`.
pub fn load(path: &Path) -> Result<LoadedScenario, InputErrors> {
    if path != Path::new("-") {
        return read_scenario_file(path);
    }
    let name = "<stdin>";
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(crate::input::MAX_SCENARIO_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(name, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > crate::input::MAX_SCENARIO_BYTES {
        return Err(InputError::new(
            name,
            format!(
                "more than {} bytes; the limit is {}",
                crate::input::MAX_SCENARIO_BYTES,
                crate::input::MAX_SCENARIO_BYTES
            ),
        )
        .into());
    }
    let text = decode_text(name, bytes)?;
    read_scenario_str(name, &text)
}

pub fn run(args: &DiffArgs) -> Result<Outcome, CliError> {
    if args.old == Path::new("-") && args.new == Path::new("-") {
        return Err(CliError::Usage(
            "only one of OLD and NEW can be read from standard input (-)".to_string(),
        ));
    }
    let format = super::report::format_for(args.format, args.output.as_deref())?;
    // Both are read before either is judged, so every input error is reported.
    let (old, new) = (load(&args.old), load(&args.new));
    let (old, new) = match (old, new) {
        (Ok(o), Ok(n)) => (o, n),
        (o, n) => {
            let mut all = Vec::new();
            for r in [o.err(), n.err()].into_iter().flatten() {
                all.extend(r.0);
            }
            return Err(InputErrors(all).into());
        }
    };
    let options = args.display.options();
    fn in_file(loaded: &LoadedScenario) -> impl Fn(crate::money::Overflow) -> CliError + '_ {
        move |e| super::overflow_in(loaded, &e).into()
    }
    let mut old_tables = report::build(&old.scenario, options.lang).map_err(in_file(&old))?;
    let mut new_tables = report::build(&new.scenario, options.lang).map_err(in_file(&new))?;
    // Amounts in different price levels are not comparable as they stand:
    // both are compared at the level asked for, else at the new version's.
    let level = match (old.scenario.prisniveau, new.scenario.prisniveau) {
        (Some(a), Some(b)) if a != b => args.prisniveau.or(Some(b)),
        _ => args.prisniveau,
    };
    let (old_res, new_res) = (
        super::report::price_level(
            &old,
            level,
            args.pl_indeks.into(),
            options.lang,
            &mut old_tables,
        ),
        super::report::price_level(
            &new,
            level,
            args.pl_indeks.into(),
            options.lang,
            &mut new_tables,
        ),
    );
    old_res?;
    new_res?;
    let diffs = diff::diff(&old_tables, &new_tables).map_err(in_file(&new))?;
    let tables = diff::to_tables(&diffs, args.all, options.lang);
    let shown = tables
        .iter()
        .map(|t| t.display(&options))
        .collect::<Result<Vec<_>, _>>()
        .map_err(in_file(&new))?;
    let changed: usize = diffs.iter().map(|d| d.changed().count()).sum();
    let tables_changed = diffs.iter().filter(|d| d.has_changes()).count();
    let lang = options.lang;
    let summary = if tables_changed == 0 {
        lang.pick("Ingen ændringer", "No changes").to_string()
    } else {
        format!(
            "{changed} {} {tables_changed} {}",
            lang.pick(
                if changed == 1 {
                    "ændret celle i"
                } else {
                    "ændrede celler i"
                },
                if changed == 1 {
                    "changed cell in"
                } else {
                    "changed cells in"
                }
            ),
            lang.pick(
                if tables_changed == 1 {
                    "tabel"
                } else {
                    "tabeller"
                },
                if tables_changed == 1 {
                    "table"
                } else {
                    "tables"
                }
            ),
        )
    };
    // A price level stated in one version only: the amounts are compared as
    // they stand, and the summary says the statement changed.
    let summary = match (old.scenario.prisniveau, new.scenario.prisniveau) {
        (a, b) if a.is_some() != b.is_some() && level.is_none() => {
            let said = |y: Option<i32>| {
                y.map_or_else(
                    || lang.pick("ikke angivet", "not stated").to_string(),
                    |y| format!("{y}-{}", lang.pick("priser", "prices")),
                )
            };
            format!(
                "{summary}; {}: {} → {}",
                lang.pick("prisniveau", "price level"),
                said(a),
                said(b)
            )
        }
        _ => summary,
    };
    let meta = ReportMeta {
        title: format!(
            "{}: {} → {}",
            lang.pick("Ændringer", "Changes"),
            old.file,
            new.file
        ),
        source: Some(summary),
    };
    let bytes = render(&meta, &shown, format.into(), args.csv_style.into())?;
    emit(args.output.as_deref(), &bytes)?;
    Ok(Outcome::Ok)
}
