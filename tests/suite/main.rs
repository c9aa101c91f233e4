//! The integration tests, as one test binary (one link, one process to
//! start; ripgrep's `tests/tests.rs`): one module per suite, shared helpers
//! in [`common`] and [`scenario_gen`]. TESTING.md maps each suite to what it
//! promises.

mod bounded_resources;
mod check_cli;
mod cli_guards;
mod cli_misc;
mod common;
mod diff;
mod followup;
mod fuzz_readers;
mod hostile_named;
mod hostile_scenario;
mod import;
mod layers;
mod no_float;
mod output_atomic;
mod output_safety;
mod output_streams;
mod pl;
mod properties;
mod readers;
mod readers_props;
mod reconciliation;
mod render_formats;
mod render_props;
mod render_safety;
mod report_examples;
mod report_formats;
mod report_reference;
mod scenario_errors;
mod scenario_gen;
mod schema;
mod side_by_side;
mod verify_cell_forms;
mod verify_documents;
mod verify_hostile;
mod verify_properties;
mod verify_real;
mod verify_reference;
mod verify_tables;
mod verify_text;
mod yaml_exact;
