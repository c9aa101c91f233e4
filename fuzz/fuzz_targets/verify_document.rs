//! The document readers of `verify` (every reader in `read::READERS`: text
//! with tab-separated, Markdown and grid tables; both CSV dialects) and the
//! judging of what they find.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sparekrav::numfmt::NumberStyle;
use sparekrav::read::{Source, READERS};
use sparekrav::verify::{verify_source, Options};

fuzz_target!(|data: &[u8]| {
    for reader in READERS {
        let source = Source {
            name: "fuzz",
            bytes: data,
            style: NumberStyle::DANISH,
        };
        let _ = verify_source(&source, Some(reader), &Options::default(), |_| {});
    }
});
