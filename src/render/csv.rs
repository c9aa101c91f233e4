//! CSV via the csv crate.

use super::{CsvStyle, RenderError, ReportMeta};
use crate::table::DisplayTable;

pub fn render(
    _meta: &ReportMeta,
    _tables: &[DisplayTable],
    _style: CsvStyle,
) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::Format {
        format: "csv",
        message: "not built yet (issue 4)".into(),
    })
}
