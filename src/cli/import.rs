//! `sparekrav import EXTRACT... --map MAP.yaml`: an ERP extract's (or a
//! workbook's) figures, aggregated exactly by konto × center × year, and the
//! account of every line. Exit 0; 1 with `--strict` when an amount is not
//! mapped; 2 when a line cannot be read (its line number is given).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{emit, CliError, CsvStyleArg, LangArg, Outcome, UnitArg};
use crate::error::{InputError, InputErrors};
use crate::input::import::{import_files, mapping::read_mapping_file, output};
use crate::money::Unit;
use crate::render::{render, Format, ReportMeta};
use crate::table::{DisplayOptions, Lang, ShareMethod};

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Extracts: CSV or text (`;` or tab, Windows-1252 or UTF-8), or
    /// workbooks (.xlsx, .ods), all read with the same mapping
    #[arg(required = true, value_name = "EXTRACT")]
    pub extracts: Vec<PathBuf>,
    /// The mapping file (YAML): columns, rules, centres
    #[arg(long, short = 'm', value_name = "MAP.yaml")]
    pub map: PathBuf,
    /// Output format: a table (text, markdown, csv), exact JSON, or a
    /// scenario fragment (yaml) of the section the mapping names
    #[arg(long, short = 'f', value_enum, default_value_t = ImportFormat::Text)]
    pub format: ImportFormat,
    /// Unit of the printed amounts (the yaml fragment is exact in any unit)
    #[arg(long, value_enum, default_value_t = UnitArg::Kr)]
    pub unit: UnitArg,
    /// Decimals of the printed amounts, rounded half away from zero
    /// (default: 2 in kr., exact to the øre; 0 in t. kr.; 1 in mio. kr.)
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=8))]
    pub decimals: Option<u32>,
    /// Language of labels and numbers
    #[arg(long, value_enum, default_value_t = LangArg::Da)]
    pub lang: LangArg,
    /// CSV dialect (with --format csv)
    #[arg(long, value_enum, default_value_t = CsvStyleArg::Danish)]
    pub csv_style: CsvStyleArg,
    /// Fail (exit 1) when any amount of the extract is not mapped
    #[arg(long)]
    pub strict: bool,
    /// Write to FILE (atomically)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    Text,
    Markdown,
    Csv,
    Json,
    Yaml,
}

/// A progress bar on standard error, for long runs on a terminal only.
fn progress_bar(paths: &[&Path]) -> Option<indicatif::ProgressBar> {
    const WORTH_SHOWING: u64 = 32 * 1024 * 1024;
    let total: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    if total < WORTH_SHOWING || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "import {bar:40} {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

pub fn run(args: &ImportArgs) -> Result<Outcome, CliError> {
    let mapping = read_mapping_file(&args.map)?;
    let paths: Vec<&Path> = args.extracts.iter().map(PathBuf::as_path).collect();
    let bar = progress_bar(&paths);
    let mut base = 0u64;
    let mut on_progress = |read: u64, size: u64| {
        if let Some(b) = &bar {
            b.set_position(base + read);
            if read >= size {
                base += size;
            }
        }
    };
    let agg = import_files(&paths, &mapping, Vec::new(), &mut on_progress)?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let lang: Lang = args.lang.into();
    let style = lang.number_style();
    let in_map = |e: crate::money::Overflow| -> CliError {
        InputError::new(&mapping.file, e.to_string()).into()
    };
    let summary = output::summary(&agg, style).map_err(in_map)?;
    if agg.lines_failed > 0 {
        // No figures while a line is unreadable: a partial sum must not be pasted.
        super::eprint_text(&summary);
        let mut errors = agg.errors.clone();
        let shown = errors.len() as u64;
        if agg.lines_failed > shown {
            errors.push(InputError::new(
                "import",
                format!("... and {} more unreadable lines", agg.lines_failed - shown),
            ));
        }
        return Err(CliError::Input(InputErrors(errors)));
    }
    let unit: Unit = args.unit.into();
    let source = args
        .extracts
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let bytes = match args.format {
        ImportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&output::json(&agg))
                .map_err(|e| CliError::Usage(e.to_string()))?;
            s.push('\n');
            s.into_bytes()
        }
        ImportFormat::Yaml => {
            super::eprint_text(&summary);
            output::yaml_fragment(&agg, mapping.section, &mapping.dimension, unit, &source)
                .map_err(in_map)?
                .into_bytes()
        }
        ImportFormat::Text | ImportFormat::Markdown | ImportFormat::Csv => {
            let options = DisplayOptions {
                unit,
                decimals: args.decimals.unwrap_or(match unit {
                    Unit::Kr => 2,
                    Unit::TKr => 0,
                    Unit::Mio => 1,
                }),
                share_decimals: 1,
                lang,
                shares: ShareMethod::Independent,
            };
            let table = output::table(&agg, lang).map_err(in_map)?;
            let shown = table.display(&options).map_err(in_map)?;
            let meta = ReportMeta {
                title: format!("{}: {source}", lang.pick("Udtræk", "Extract")),
                source: Some(format!("mapping: {}", args.map.display())),
            };
            let format = match args.format {
                ImportFormat::Markdown => Format::Markdown,
                ImportFormat::Csv => Format::Csv,
                _ => Format::Text,
            };
            let mut bytes = render(&meta, &[shown], format, args.csv_style.into())?;
            match args.format {
                ImportFormat::Csv => super::eprint_text(&summary),
                ImportFormat::Markdown => {
                    bytes.extend_from_slice(format!("\n```\n{summary}```\n").as_bytes())
                }
                _ => bytes.extend_from_slice(format!("\n{summary}").as_bytes()),
            }
            bytes
        }
    };
    emit(args.output.as_deref(), &bytes)?;
    if args.strict && agg.lines_unmapped > 0 {
        super::eprint_line(&format!(
            "import: --strict: {} kr. in {} line{} not mapped",
            agg.unmapped_total,
            agg.lines_unmapped,
            if agg.lines_unmapped == 1 { "" } else { "s" }
        ));
        return Ok(Outcome::CheckFailed);
    }
    Ok(Outcome::Ok)
}
