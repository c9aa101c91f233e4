//! The checks file of `verify --checks` and the relations written in it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(specs) = sparekrav::input::checks::read_checks_str("fuzz.yaml", text) {
        let _ = sparekrav::verify::verify_checks(&specs);
    }
    // Every line as a relation too.
    for line in text.lines().take(64) {
        if let Ok(r) = sparekrav::verify::expr::parse(line) {
            let j = sparekrav::verify::judge::judge(&r, true);
            let _ = sparekrav::verify::explain::words(Some(&r), &j, sparekrav::numfmt::NumberStyle::DANISH);
        }
    }
});
