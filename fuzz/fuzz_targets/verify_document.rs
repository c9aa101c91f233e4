//! The document readers of `verify` (text with tab-separated, Markdown and
//! grid tables; both CSV dialects) and the judging of what they find.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sparekrav::verify::{verify_document, DocumentKind, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for kind in [DocumentKind::Text, DocumentKind::Csv { delimiter: b';' }, DocumentKind::Csv { delimiter: b',' }] {
        let _ = verify_document("fuzz", text, kind, &Options::default(), |_| {});
    }
});
