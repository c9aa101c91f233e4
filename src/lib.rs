//! sparekrav: compute and verify the budget tables of the Danish 2026-2029
//! employment reform, exact to the øre.
//!
//! Layers, from the inside out:
//! - [`money`], [`numfmt`]: exact amounts, units, the one rounding rule, Danish numbers.
//! - [`model`]: the scenario (besparelseskrav, realiserede besparelser,
//!   bevillingsansøgninger, budgets); no I/O.
//! - [`calc`], [`check`], [`report`]: computations, reconciliation passes, and
//!   the tables of a case write-up, all over exact values.
//! - [`table`]: one table model; [`table::Table::display`] rounds once, at the edge.
//! - [`input`] (scenario files), [`render`] (text, Markdown, CSV, JSON, xlsx),
//!   [`verify`] (tables read back from documents): the formats at the edges.
//! - [`read`]: one reader per document format, all producing [`document`].
//! - [`document`]: the one model of a read document (paragraphs and tables,
//!   every cell with its place) that verify's readers produce.
//! - [`import`]: figures from ERP extracts and workbooks, through a mapping
//!   file, into a scenario's sections.
//! - [`cli`]: the command line, one module per subcommand.

pub mod calc;
pub mod check;
pub mod cli;
pub mod document;
pub mod error;
pub mod import;
pub mod input;
pub mod model;
pub mod money;
pub mod numfmt;
pub mod output;
pub mod read;
pub mod render;
pub mod report;
pub mod table;
pub mod verify;
