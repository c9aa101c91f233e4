//! Errors in what the user gave, Beancount style: `file:line:column: key.path: message`.

use std::fmt;

/// Where in a file something is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// One problem with an input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub location: Location,
    /// Key path inside the file (`besparelseskrav.service.2026`), when there is one.
    pub path: Option<String>,
    pub message: String,
}

impl InputError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            location: Location {
                file: file.into(),
                line: None,
                column: None,
            },
            path: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> InputError {
        self.location.line = line;
        self.location.column = column;
        self
    }

    pub fn with_path(mut self, path: impl Into<String>) -> InputError {
        let p = path.into();
        self.path = if p.is_empty() { None } else { Some(p) };
        self
    }
}

/// One line, whatever the file held: line breaks and other control characters
/// in keys or values are shown escaped.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_control) {
        s.chars()
            .flat_map(|c| {
                if c.is_control() {
                    c.escape_default().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", one_line(&self.location.to_string()))?;
        if let Some(path) = &self.path {
            write!(f, "{}: ", one_line(path))?;
        }
        f.write_str(&one_line(&self.message))
    }
}

/// Several input problems, reported together (one per line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputErrors(pub Vec<InputError>);

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

impl From<InputError> for InputErrors {
    fn from(e: InputError) -> InputErrors {
        InputErrors(vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_beancount() {
        let e = InputError::new("s.yaml", "expected an amount, found \"abc\"")
            .at(Some(12), Some(9))
            .with_path("besparelseskrav.service.2026");
        assert_eq!(
            e.to_string(),
            "s.yaml:12:9: besparelseskrav.service.2026: expected an amount, found \"abc\""
        );
        assert_eq!(
            InputError::new("x", "empty file").to_string(),
            "x: empty file"
        );
    }
}
