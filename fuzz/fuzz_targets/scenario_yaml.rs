//! The scenario reader and everything downstream of it: any bytes give a
//! clean result or a clean error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sparekrav::render::{render, CsvStyle, Format, ReportMeta};
use sparekrav::table::{DisplayOptions, Lang};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(loaded) = sparekrav::input::read_scenario_str("fuzz.yaml", text) {
        let _ = sparekrav::check::run_all(&loaded.scenario);
        if let Ok(tables) = sparekrav::report::build(&loaded.scenario, Lang::Da) {
            let shown: Vec<_> = tables.iter().filter_map(|t| t.display(&DisplayOptions::default()).ok()).collect();
            for f in [Format::Text, Format::Markdown, Format::Csv, Format::Json, Format::Xlsx] {
                let _ = render(&ReportMeta::default(), &shown, f, CsvStyle::Danish);
            }
        }
    }
});
