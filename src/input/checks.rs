//! The checks file of `verify --checks`: relations stated in a document's
//! running text, written out with their literal figures.
//!
//! ```yaml
//! indstillinger:
//!   antal: afrundede   # this document rounds its counts (default: eksakte)
//! kontroller:
//!   - relation: "19,1 + 36,4 = 55,4"
//!     tekst: Samlede besparelser 2029 (punkt 116)
//! ```
//!
//! A checks file belongs to one document: its `indstillinger` say how that
//! document's figures are to be read, and both parts are optional.

use std::path::Path;

use serde::Deserialize;

use super::locate::Locator;
use super::{read_text, MAX_SCENARIO_BYTES};
use crate::error::{InputError, InputErrors};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecksFile {
    #[serde(default)]
    indstillinger: Settings,
    #[serde(default)]
    kontroller: Vec<CheckEntry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(default)]
    antal: Option<CountsSetting>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum CountsSetting {
    /// Whole counts (`sager`, `personer`) are exact: no rounding interval.
    Eksakte,
    /// The document rounds its counts: read them as rounded like amounts.
    Afrundede,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckEntry {
    relation: String,
    #[serde(default)]
    tekst: Option<String>,
}

/// One stated relation and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckSpec {
    pub file: String,
    /// Line of the relation in the checks file.
    pub line: usize,
    pub relation: String,
    pub text: Option<String>,
}

/// How a document's whole counts are to be read, as its checks file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountsSaid {
    /// `true`: exact counts; `false`: rounded like amounts.
    pub exact: bool,
    /// Where it is said, to name it in a disagreement.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl CountsSaid {
    /// `file:line:column`.
    pub fn at(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            _ => self.file.clone(),
        }
    }
}

/// A checks file: its relations and how its document is to be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checks {
    pub relations: Vec<CheckSpec>,
    /// `indstillinger.antal`, when given.
    pub counts: Option<CountsSaid>,
}

/// Reads a checks file's relations.
pub fn read_checks_file(path: &Path) -> Result<Vec<CheckSpec>, InputErrors> {
    read_checks(path).map(|c| c.relations)
}

/// Reads a checks file: its relations and its settings.
pub fn read_checks(path: &Path) -> Result<Checks, InputErrors> {
    let text = read_text(path, MAX_SCENARIO_BYTES)?;
    read_checks_with_settings(&path.display().to_string(), &text)
}

pub fn read_checks_str(file: &str, source: &str) -> Result<Vec<CheckSpec>, InputErrors> {
    read_checks_with_settings(file, source).map(|c| c.relations)
}

pub fn read_checks_with_settings(file: &str, source: &str) -> Result<Checks, InputErrors> {
    let locator = Locator::new(source);
    if let Some((line, column)) = locator.too_deep_at {
        return Err(
            InputError::new(file, "nested too deeply to be a checks file")
                .at(Some(line), Some(column))
                .into(),
        );
    }
    let parsed: ChecksFile = serde_yaml::from_str(source)
        .map_err(|e| super::tab_hint(super::yaml_error(file, &e), source))?;
    let counts = parsed.indstillinger.antal.map(|a| {
        let at = locator.locate("indstillinger.antal");
        CountsSaid {
            exact: a == CountsSetting::Eksakte,
            file: file.to_string(),
            line: at.map(|p| p.0),
            column: at.map(|p| p.1),
        }
    });
    let relations = parsed
        .kontroller
        .into_iter()
        .enumerate()
        .map(|(i, c)| CheckSpec {
            file: file.to_string(),
            line: locator
                .locate(&format!("kontroller[{i}].relation"))
                .map_or(0, |p| p.0),
            relation: c.relation,
            text: c.tekst,
        })
        .collect();
    Ok(Checks { relations, counts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_relations_with_their_lines() {
        let c = read_checks_str("c.yaml", "kontroller:\n  - relation: \"7,5 + 2,3 = 9,8\"\n    tekst: konto 5\n  - relation: \"1 = 1\"\n").unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[0].line, c[0].relation.as_str(), c[0].text.as_deref()),
            (2, "7,5 + 2,3 = 9,8", Some("konto 5"))
        );
        assert_eq!(c[1].line, 4);
        let e = read_checks_str("c.yaml", "kontroller:\n  - relaton: x\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.yaml:2:5: kontroller[0]: unknown field `relaton`, expected `relation` or `tekst`"
        );
    }

    #[test]
    fn reads_how_the_document_counts() {
        let c =
            read_checks_with_settings("c.yaml", "indstillinger:\n  antal: afrundede\n").unwrap();
        let said = c.counts.unwrap();
        assert_eq!((said.exact, said.at()), (false, "c.yaml:2:3".to_string()));
        assert!(c.relations.is_empty());
        let c = read_checks_with_settings(
            "c.yaml",
            "indstillinger:\n  antal: eksakte\nkontroller: []\n",
        )
        .unwrap();
        assert_eq!(c.counts.map(|s| s.exact), Some(true));
        let none =
            read_checks_with_settings("c.yaml", "kontroller:\n  - relation: \"1 = 1\"\n").unwrap();
        assert_eq!(none.counts, None);
        let e = read_checks_with_settings("c.yaml", "indstillinger:\n  antal: ca\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.yaml:2:10: indstillinger.antal: unknown variant `ca`, expected `eksakte` or `afrundede`"
        );
    }
}
