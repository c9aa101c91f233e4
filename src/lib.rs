//! sparekrav: compute and verify the budget tables of the Danish 2026-2029
//! employment reform, exact to the øre.
//!
//! Layers, from the inside out:
//! - [`money`], [`numfmt`]: exact amounts, units, the one rounding rule, Danish numbers.
//! - [`model`]: the scenario (besparelseskrav, realiserede besparelser,
//!   bevillingsansøgninger, budgets); no I/O.
//! - [`calc`], [`check`], [`report`]: computations, reconciliation passes, and
//!   the tables of a case write-up, all over exact values; [`followup`] does
//!   all three for the budget follow-up (budgetopfølgning).
//! - [`table`]: one table model; [`table::Table::display`] rounds once, at the edge.
//! - [`input`] (scenario files), [`render`] (text, Markdown, CSV, JSON, xlsx),
//!   [`verify`] (tables read back from documents): the formats at the edges.
//! - [`read`]: one reader per document format, all producing [`document`].
//! - [`document`]: the one model of a read document (paragraphs and tables,
//!   every cell with its place) that verify's readers produce.
//! - [`cli`]: the command line, one module per subcommand.

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
pub mod verify;
