//! xlsx via rust_xlsxwriter.

use super::{RenderError, ReportMeta};
use crate::table::DisplayTable;

pub fn render(_meta: &ReportMeta, _tables: &[DisplayTable]) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::Format {
        format: "xlsx",
        message: "not built yet (issue 4)".into(),
    })
}
