//! Hostile input for the scenario reader: random bytes and mutated reference
//! scenarios give a clean result or a clean error, never a panic, and within a
//! time bound. Whatever reads cleanly must also report, check and render.

use std::time::Duration;

use proptest::prelude::*;
use sparekrav::check::run_all;
use sparekrav::input::read_scenario_str;
use sparekrav::render::{render, CsvStyle, Format, ReportMeta};
use sparekrav::report;
use sparekrav::table::{DisplayOptions, Lang};

const REFERENCE: &str = include_str!("../../scenarios/randers-2025-12-02.yaml");
const EXAMPLE: &str = include_str!("../../scenarios/eksempel-initiativer.yaml");
const FOLLOWUP: &str = include_str!("../../scenarios/randers-opfoelgning-2025-09-30.yaml");
const BOUND: Duration = Duration::from_secs(2);

/// Reads `text` and, when it reads, runs everything downstream of it.
fn exercise(text: &str) {
    let start = crate::common::thread_cpu_time();
    match read_scenario_str("fuzz.yaml", text) {
        Err(errors) => {
            let msg = errors.to_string();
            assert!(!msg.is_empty());
            for line in msg.lines() {
                assert!(
                    line.starts_with("fuzz.yaml"),
                    "every error names the file: {line}"
                );
            }
        }
        Ok(loaded) => {
            let _ = run_all(&loaded.scenario);
            for lang in [Lang::Da, Lang::En] {
                if let Ok(tables) = report::build(&loaded.scenario, lang) {
                    // Compared with itself, side by side with itself.
                    let _ = sparekrav::diff::diff(&tables, &tables);
                    let _ = sparekrav::side::side_by_side(
                        &["a".to_string(), "b".to_string()],
                        &[tables.clone(), tables.clone()],
                        lang,
                    );
                    let options = DisplayOptions {
                        lang,
                        ..DisplayOptions::default()
                    };
                    let shown: Vec<_> = tables
                        .iter()
                        .filter_map(|t| t.display(&options).ok())
                        .collect();
                    for f in [Format::Text, Format::Markdown, Format::Csv, Format::Json] {
                        let _ = render(&ReportMeta::default(), &shown, f, CsvStyle::Danish);
                    }
                }
            }
        }
    }
    let took = crate::common::thread_cpu_time() - start;
    assert!(took < BOUND, "took {took:?} of CPU time");
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
    ReplaceDigit { nth: usize, with: char },
    Indent { line: usize, by: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippets = prop::sample::select(vec![
        ":",
        "- ",
        "{",
        "}",
        "[",
        "]",
        "&a ",
        "*a",
        "~",
        "\"",
        "'",
        "#",
        "\t",
        "\n",
        "  ",
        "1e400",
        ".nan",
        "-0",
        "999999999999999999999999999999",
        "2031",
        "æøå",
        "\u{0}",
        "\r\n",
        "!!binary ",
        "<<: *a",
        "? ",
    ]);
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), snippets).prop_map(|(at, s)| Mutation::Insert {
            at,
            text: s.to_string()
        }),
        (any::<usize>(), "[ -~]{1,8}").prop_map(|(at, text)| Mutation::Insert { at, text }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        (any::<usize>(), prop::char::range('0', '9'))
            .prop_map(|(nth, with)| Mutation::ReplaceDigit { nth, with }),
        (any::<usize>(), 1usize..6).prop_map(|(line, by)| Mutation::Indent { line, by }),
    ]
}

/// A char boundary at or before `at` (modulo the length).
fn boundary(s: &str, at: usize) -> usize {
    let mut i = at % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len().max(1);
    match m {
        Mutation::Delete { at, len } => {
            let a = boundary(text, *at);
            let b = boundary(text, (a + len).min(text.len()));
            format!("{}{}", &text[..a], &text[b.max(a)..])
        }
        Mutation::Insert { at, text: ins } => {
            let a = boundary(text, *at);
            format!("{}{}{}", &text[..a], ins, &text[a..])
        }
        Mutation::DuplicateLine { line } => {
            let l = lines.get(line % n).cloned().unwrap_or_default();
            lines.insert(line % n, l);
            lines.join("\n")
        }
        Mutation::SwapLines { a, b } => {
            if !lines.is_empty() {
                lines.swap(a % n, b % n);
            }
            lines.join("\n")
        }
        Mutation::ReplaceDigit { nth, with } => {
            let digits: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if digits.is_empty() {
                return text.to_string();
            }
            let i = digits[nth % digits.len()];
            format!("{}{}{}", &text[..i], with, &text[i + 1..])
        }
        Mutation::Indent { line, by } => {
            if let Some(l) = lines.get_mut(line % n) {
                *l = format!("{}{l}", " ".repeat(*by));
            }
            lines.join("\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        exercise(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_yaml_like_text_never_panics(text in "[a-zæøå0-9:{}\\[\\], \\-\\n.~&*\"']{0,400}") {
        exercise(&text);
    }

    #[test]
    fn mutated_reference_scenarios_never_panic(
        which in 0..3usize,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let mut text = [REFERENCE, EXAMPLE, FOLLOWUP][which].to_string();
        for m in &mutations {
            text = apply(&text, m);
        }
        exercise(&text);
    }
}

#[test]
fn the_unmutated_scenarios_read() {
    assert!(read_scenario_str("r.yaml", REFERENCE).is_ok());
    assert!(read_scenario_str("e.yaml", EXAMPLE).is_ok());
    assert!(read_scenario_str("f.yaml", FOLLOWUP).is_ok());
}
