//! sparekrav: compute and verify the budget tables of the Danish 2026-2029
//! employment reform, exact to the øre.
//!
//! Layers, from the inside out:
//! - [`money`], [`numfmt`]: exact amounts, units, the one rounding rule, Danish numbers.
//! - [`model`]: the scenario (besparelseskrav, realiserede besparelser,
//!   bevillingsansøgninger, budgets); no I/O.
//! - [`calc`], [`check`], [`report`]: computations, reconciliation passes, and
//!   the tables of a case write-up, all over exact values; [`followup`]: the
//!   budget follow-up's derivations and tables (its check pass is in
//!   [`check`]); [`pl`]: price levels.
//! - [`diff`], [`side`]: two versions compared cell by cell; several
//!   scenarios side by side (over the tables [`report`] builds).
//! - [`table`]: one table model; [`table::Table::display`] rounds once, at the edge.
//! - [`totals`]: the one rule for which rows a total covers.
//! - [`input`] (scenario files, and ERP extracts and workbooks through a
//!   mapping file: [`input::import`]), [`render`] (text, Markdown, CSV, JSON, xlsx),
//!   [`read`] (documents: one reader per format, chosen by one detection
//!   function): the formats at the edges.
//! - [`document`]: the one model of a read document (paragraphs and tables,
//!   every cell with its place) that the readers produce.
//! - [`verify`]: judging a document, format-blind: structure → relations →
//!   judge → explain.
//! - [`cli`]: the command line, one module per subcommand; it parses,
//!   dispatches and prints. Nothing below it imports it.

pub mod calc;
pub mod check;
pub mod cli;
pub mod diff;
pub mod document;
pub mod error;
pub mod followup;
pub mod input;
pub mod model;
pub mod money;
pub mod numfmt;
pub mod output;
pub mod pl;
pub mod read;
pub mod render;
pub mod report;
pub mod side;
pub mod table;
pub mod totals;
pub mod verify;
