//! JSON via serde_json, through the `#[derive(Serialize)]` model below so the
//! layout is stable.
//!
//! Every number is a string, so no consumer loses precision to a binary
//! float: `shown` is the printed figure in plain style (`"-6.1"`, `"57.4"`,
//! always with the display decimals, no `%`), `exact` the exact value in the
//! display unit (amounts) or in percent (shares), `kroner` the exact amount in
//! kroner. Exact values are written without trailing zeros (`"6.1"`, `"6100000"`).
//!
//! Each cell has a `kind`: `amount`, `share`, `unknown` (depends on an unknown
//! figure), `not_applicable` (nothing / not applicable) or `blank` (no cell, as
//! in section rows). The text formats print both `unknown` and
//! `not_applicable` as `-`; here they stay apart.
//!
//! ```json
//! {
//!   "version": 1,
//!   "meta": { "title": "…", "source": null },
//!   "tables": [{
//!     "id": "konto6-service", "title": "…", "unit": "mio",
//!     "stub_header": "Mio. kr.", "decimals": 1, "share_decimals": 1,
//!     "columns": [{ "label": "2026", "kind": "amount" }],
//!     "rows": [
//!       { "label": "Konto 6 (service)", "kind": "section", "cells": [{ "kind": "blank" }] },
//!       { "label": "Besparelseskrav", "kind": "item",
//!         "cells": [{ "kind": "amount", "shown": "6.1", "exact": "6.1", "kroner": "6100000" }] }
//!     ],
//!     "notes": []
//!   }]
//! }
//! ```

use serde::Serialize;

use super::{RenderError, ReportMeta};
use crate::money::Decimal;
use crate::numfmt::{format_number, NumberStyle};
use crate::table::{ColumnKind, DisplayCell, DisplayTable, Lang, RowKind};

/// Version of this layout; raised when a field changes meaning or disappears.
pub const JSON_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub meta: JsonMeta<'a>,
    pub tables: Vec<JsonTable<'a>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonMeta<'a> {
    pub title: &'a str,
    pub source: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonTable<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// `kr`, `tkr` or `mio` (as `--unit`).
    pub unit: &'static str,
    /// `da` or `en`: the language of the labels.
    pub lang: &'static str,
    pub stub_header: &'a str,
    /// Decimals of amounts.
    pub decimals: u32,
    /// Decimals of shares.
    pub share_decimals: u32,
    pub columns: Vec<JsonColumn<'a>>,
    pub rows: Vec<JsonRow<'a>>,
    pub notes: &'a [String],
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonColumn<'a> {
    pub label: &'a str,
    pub kind: JsonColumnKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JsonColumnKind {
    Amount,
    Share,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonRow<'a> {
    pub label: &'a str,
    pub kind: JsonRowKind,
    pub cells: Vec<JsonCell>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JsonRowKind {
    Section,
    Item,
    Total,
    Derived,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JsonCell {
    Amount {
        shown: String,
        exact: String,
        kroner: String,
    },
    Share {
        shown: String,
        exact: String,
    },
    Unknown,
    NotApplicable,
    Blank,
}

/// The serde model of `tables`.
pub fn model<'a>(meta: &'a ReportMeta, tables: &'a [DisplayTable]) -> JsonReport<'a> {
    JsonReport {
        version: JSON_VERSION,
        meta: JsonMeta {
            title: &meta.title,
            source: meta.source.as_deref(),
        },
        tables: tables.iter().map(table_model).collect(),
    }
}

fn table_model(table: &DisplayTable) -> JsonTable<'_> {
    let o = &table.options;
    JsonTable {
        id: &table.id,
        title: &table.title,
        unit: o.unit.flag(),
        lang: match o.lang {
            Lang::Da => "da",
            Lang::En => "en",
        },
        stub_header: &table.stub_header,
        decimals: o.decimals,
        share_decimals: o.share_decimals,
        columns: table
            .columns
            .iter()
            .map(|c| JsonColumn {
                label: &c.label,
                kind: match c.kind {
                    ColumnKind::Amount => JsonColumnKind::Amount,
                    ColumnKind::Share => JsonColumnKind::Share,
                },
            })
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|r| JsonRow {
                label: &r.label,
                kind: match r.kind {
                    RowKind::Section => JsonRowKind::Section,
                    RowKind::Item => JsonRowKind::Item,
                    RowKind::Total => JsonRowKind::Total,
                    RowKind::Derived => JsonRowKind::Derived,
                },
                cells: r.cells.iter().map(|c| cell_model(table, c)).collect(),
            })
            .collect(),
        notes: &table.notes,
    }
}

fn cell_model(table: &DisplayTable, cell: &DisplayCell) -> JsonCell {
    let o = &table.options;
    match *cell {
        DisplayCell::Amount {
            kroner,
            exact,
            shown,
        } => JsonCell::Amount {
            shown: format_number(shown, o.decimals, NumberStyle::PLAIN),
            exact: exact_string(exact),
            kroner: exact_string(kroner),
        },
        DisplayCell::Share { exact, shown } => JsonCell::Share {
            shown: format_number(shown, o.share_decimals, NumberStyle::PLAIN),
            exact: exact_string(exact),
        },
        DisplayCell::Unknown => JsonCell::Unknown,
        DisplayCell::NotApplicable => JsonCell::NotApplicable,
        DisplayCell::Blank => JsonCell::Blank,
    }
}

/// An exact value as a string, without trailing zeros and never `-0`.
fn exact_string(value: Decimal) -> String {
    let mut v = value.normalize();
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    v.to_string()
}

/// The tables as pretty-printed JSON, ending in a newline.
pub fn render(meta: &ReportMeta, tables: &[DisplayTable]) -> Result<String, RenderError> {
    let mut s =
        serde_json::to_string_pretty(&model(meta, tables)).map_err(|e| RenderError::Format {
            format: "json",
            message: e.to_string(),
        })?;
    s.push('\n');
    Ok(s)
}
