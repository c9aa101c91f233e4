//! A scenario that takes its figures from an extract:
//! `data: {udtræk: udtræk.csv, mapping: map.yaml}`, paths relative to the
//! scenario file. The extract fills the section the mapping names
//! (`realiserede_besparelser`: the total per konto and the breakdown by
//! center; `besparelseskrav`: per konto), for the scenario's years; the file
//! may still give initiatives, which `check` reconciles with the extract.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use super::mapping::{read_mapping_file, Section};
use super::{import_files, Aggregate};
use crate::error::{InputError, InputErrors};
use crate::input::locate::Locator;
use crate::model::{Breakdown, Scenario, Year, YearValues};
use crate::money::Decimal;

/// Figures read from an ERP extract or workbook through a mapping file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// The extract (CSV or text; .xlsx or .ods), or a list of them, relative
    /// to the scenario file.
    #[serde(rename = "udtræk")]
    pub udtræk: OneOrMany,
    /// The mapping file (YAML), relative to the scenario file.
    pub mapping: String,
    /// Refuse the scenario when any amount of the extract is not mapped.
    #[serde(default)]
    pub streng: bool,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn items(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

fn relative(file: &str, p: &str) -> PathBuf {
    let p = Path::new(p);
    if p.is_absolute() {
        return p.to_path_buf();
    }
    Path::new(file)
        .parent()
        .map_or_else(|| p.to_path_buf(), |dir| dir.join(p))
}

/// Reads the extract a scenario names and puts its figures into the scenario.
pub fn apply(
    scenario: &mut Scenario,
    data: &DataFile,
    file: &str,
    locator: &Locator,
) -> Result<Aggregate, InputErrors> {
    let at = |path: &str, message: String| {
        let pos = locator.locate(path);
        InputError::new(file, message)
            .at(pos.map(|p| p.0), pos.map(|p| p.1))
            .with_path(path)
    };
    if scenario.years.is_empty() {
        return Err(at(
            "data",
            "a scenario that reads an extract needs its years (`år: [2026, 2027, ...]`)".into(),
        )
        .into());
    }
    let mapping = read_mapping_file(&relative(file, &data.mapping))?;
    let paths: Vec<PathBuf> = data
        .udtræk
        .items()
        .iter()
        .map(|p| relative(file, p))
        .collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let agg =
        import_files(&refs, &mapping, scenario.years.clone(), &mut |_, _| {}).map_err(|e| {
            InputErrors(vec![
                e,
                at(
                    "data.udtræk",
                    "the extract named here could not be read".into(),
                ),
            ])
        })?;
    if agg.lines_failed > 0 {
        let mut errors = agg.errors.clone();
        errors.push(at(
            "data.udtræk",
            format!(
                "{} unreadable line{} in the extract; no figures are taken from it until every line reads",
                agg.lines_failed,
                if agg.lines_failed == 1 { "" } else { "s" }
            ),
        ));
        return Err(InputErrors(errors));
    }
    if data.streng && agg.lines_unmapped > 0 {
        let reasons = agg
            .unmapped_by_reason()
            .map_err(|e| at("data", e.to_string()))?
            .iter()
            .map(|(r, n, a)| format!("{r}: {a} kr. in {n} line{}", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join("; ");
        return Err(at(
            "data.streng",
            format!(
                "{} kr. of the extract is not mapped ({reasons})",
                agg.unmapped_total
            ),
        )
        .into());
    }
    let mut errors = Vec::new();
    for k in &agg.konti {
        if scenario.konto(k).is_none() {
            let known: Vec<&str> = scenario.konti.iter().map(|k| k.id.as_str()).collect();
            errors.push(at(
                "data.mapping",
                format!(
                    "the mapping's konto {k:?} is not defined under `konti` (defined: {})",
                    known.join(", ")
                ),
            ));
        }
    }
    // Years the extract covers: a group with no lines there is zero; a year
    // with no lines at all is unknown.
    let covered: Vec<Year> = scenario
        .years
        .iter()
        .copied()
        .filter(|y| agg.years_seen.contains(y))
        .collect();
    let by_konto = agg.by_konto().map_err(|e| at("data", e.to_string()))?;
    let values = |f: &dyn Fn(Year) -> Decimal| {
        YearValues(
            covered
                .iter()
                .map(|&y| (y, f(y)))
                .collect::<BTreeMap<_, _>>(),
        )
    };
    match mapping.section {
        Section::Budgetter => errors.push(at(
            "data.mapping",
            "`afsnit: budgetter` is for `sparekrav import -f yaml`; a scenario's data fills realiserede_besparelser or besparelseskrav".into(),
        )),
        Section::Besparelseskrav => {
            for (ki, k) in agg.konti.iter().enumerate() {
                if scenario.besparelseskrav.contains_key(k) {
                    errors.push(at(
                        &format!("besparelseskrav.{k}"),
                        "given here and by the extract (data); give it once".into(),
                    ));
                    continue;
                }
                let v = values(&|y| by_konto.get(&(ki, y)).copied().unwrap_or_default());
                scenario.besparelseskrav.insert(k.clone(), v);
            }
        }
        Section::Realiserede => {
            let dim = scenario.dimension(&mapping.dimension).cloned();
            if !agg.centres.is_empty() {
                match &dim {
                    None => errors.push(at(
                        "dimensioner",
                        format!(
                            "the mapping's centres fill the dimension {:?}; define it under `dimensioner`",
                            mapping.dimension
                        ),
                    )),
                    Some(d) => {
                        for c in &agg.centres {
                            if !d.members.contains(c) {
                                errors.push(at(
                                    &format!("dimensioner.{}", d.name),
                                    format!("the mapping's center {c:?} is not listed here"),
                                ));
                            }
                        }
                    }
                }
            }
            if !errors.is_empty() {
                return Err(InputErrors(errors));
            }
            for (ki, k) in agg.konti.iter().enumerate() {
                let path = format!("realiserede_besparelser.{k}");
                let r = scenario
                    .realiseret
                    .entry(k.clone())
                    .or_default();
                if r.total.is_some() {
                    errors.push(at(
                        &format!("{path}.i_alt"),
                        "given here and by the extract (data); give it once".into(),
                    ));
                    continue;
                }
                r.total = Some(values(&|y| {
                    by_konto.get(&(ki, y)).copied().unwrap_or_default()
                }));
                if let (Some(d), false) = (&dim, agg.centres.is_empty()) {
                    if r.breakdowns.iter().any(|b| b.dimension == d.name) {
                        errors.push(at(
                            &format!("{path}.fordelinger.{}", d.name),
                            "given here and by the extract (data); give it once".into(),
                        ));
                        continue;
                    }
                    let mut parts = Vec::new();
                    for member in &d.members {
                        let Some(ci) = agg.centres.iter().position(|c| c == member) else {
                            continue;
                        };
                        let v = values(&|y| {
                            agg.groups
                                .get(&super::GroupKey {
                                    konto: ki,
                                    centre: Some(ci),
                                    year: y,
                                })
                                .copied()
                                .unwrap_or_default()
                        });
                        parts.push((member.clone(), v));
                    }
                    r.breakdowns.push(Breakdown {
                        dimension: d.name.clone(),
                        parts,
                    });
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(agg)
    } else {
        Err(InputErrors(errors))
    }
}
