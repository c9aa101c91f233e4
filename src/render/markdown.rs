//! Markdown pipe tables.

use super::ReportMeta;
use crate::table::DisplayTable;

pub fn render(_meta: &ReportMeta, _tables: &[DisplayTable]) -> String {
    String::from("markdown: not built yet (issue 4)\n")
}
