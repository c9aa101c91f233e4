//! Document readers, one module per format, mirroring [`crate::render`]:
//! each turns the bytes of one file into the one [`Document`] model of
//! paragraphs and tables that `verify` judges. Nothing after this module
//! knows which format a document came in.
//!
//! Every reader has the same signature, `fn read(source: &Source) ->
//! Result<Document, InputError>`, is bounded in memory and time whatever its
//! input, and reports what it saw but could not read as a [`Notice`] in the
//! document rather than dropping it.
//!
//! [`Notice`]: crate::document::Notice

use crate::document::Document;
use crate::error::InputError;
use crate::numfmt::NumberStyle;

/// One input as a reader receives it.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The file's name as the user gave it (`-` for standard input); it goes
    /// into every message and into [`Document::name`].
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// How numbers are written where the format does not say (`--lang`).
    pub style: NumberStyle,
}

/// The signature every reader has.
pub type ReadFn = fn(&Source) -> Result<Document, InputError>;

pub mod decode;
pub mod docx;
pub mod grid;
pub mod html;
pub mod layout;
pub mod ods;
pub mod package;
pub mod pasted;
pub mod pdf;
pub mod xlsx;
pub mod xml;
