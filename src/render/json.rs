//! JSON via serde_json.

use super::{RenderError, ReportMeta};
use crate::table::DisplayTable;

pub fn render(_meta: &ReportMeta, _tables: &[DisplayTable]) -> Result<String, RenderError> {
    Err(RenderError::Format {
        format: "json",
        message: "not built yet (issue 4)".into(),
    })
}
