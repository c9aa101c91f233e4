//! The document readers of `verify` (every reader in `read::READERS`: text
//! with tab-separated, Markdown and grid tables; both CSV dialects) and the
//! judging of what they find, in the tables and in the running text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sparekrav::numfmt::NumberStyle;
use sparekrav::read::{Source, READERS};
use sparekrav::verify::{verify_source, verify_text, Options};

fuzz_target!(|data: &[u8]| {
    for reader in READERS {
        let source = Source {
            name: "fuzz",
            bytes: data,
            style: NumberStyle::DANISH,
        };
        let _ = verify_source(&source, Some(reader), &Options::default(), |_| {});
        if let Ok(document) = sparekrav::read::read(&source, Some(reader)) {
            let _ = verify_text(&document, &Options::default());
        }
    }
});
