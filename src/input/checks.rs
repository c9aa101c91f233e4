//! The checks file of `verify --checks`: relations stated in a document's
//! running text, written out with their literal figures.
//!
//! ```yaml
//! kontroller:
//!   - relation: "19,1 + 36,4 = 55,4"
//!     tekst: Samlede besparelser 2029 (punkt 116)
//! ```

use std::path::Path;

use serde::Deserialize;

use super::locate::Locator;
use super::{read_text, MAX_SCENARIO_BYTES};
use crate::error::{InputError, InputErrors};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecksFile {
    kontroller: Vec<CheckEntry>,
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

/// Reads a checks file.
pub fn read_checks_file(path: &Path) -> Result<Vec<CheckSpec>, InputErrors> {
    let text = read_text(path, MAX_SCENARIO_BYTES)?;
    read_checks_str(&path.display().to_string(), &text)
}

pub fn read_checks_str(file: &str, source: &str) -> Result<Vec<CheckSpec>, InputErrors> {
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
    Ok(parsed
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
        .collect())
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
}
