//! OpenDocument spreadsheets (`.ods`). TODO
use super::Source;
use crate::document::Document;
use crate::error::InputError;
pub fn read(source: &Source) -> Result<Document, InputError> {
    Err(InputError::new(source.name, "pasted: not yet"))
}
