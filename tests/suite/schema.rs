//! `sparekrav schema`: generated from the reading types; the committed copy is
//! current; every bundled scenario validates; a typo does not.

use crate::common::{root, run};

fn schema() -> serde_json::Value {
    let (code, out, err) = run(&["schema"]);
    assert_eq!((code, err.as_str()), (0, ""));
    serde_json::from_str(&out).expect("schema is JSON")
}

fn yaml_to_json(text: &str) -> serde_json::Value {
    serde_yaml::from_str(text).expect("YAML")
}

#[test]
fn committed_schema_is_current() {
    let (_, out, _) = run(&["schema"]);
    let committed = std::fs::read_to_string(root().join("sparekrav.schema.json")).unwrap();
    assert_eq!(
        committed, out,
        "run `cargo run -- schema > sparekrav.schema.json`"
    );
}

#[test]
fn every_bundled_scenario_validates() {
    let validator = jsonschema::validator_for(&schema()).expect("valid schema");
    let mut n = 0;
    for entry in std::fs::read_dir(root().join("scenarios")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".yaml") || name.ends_with(".checks.yaml") {
            continue;
        }
        let doc = yaml_to_json(&std::fs::read_to_string(&path).unwrap());
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        n += 1;
    }
    assert!(n >= 1);
}

#[test]
fn unknown_key_and_wrong_types_do_not_validate() {
    let validator = jsonschema::validator_for(&schema()).expect("valid schema");
    let ok = yaml_to_json("titel: x\nenhed: mio. kr.\når: [2026]\nkonti: {s: {navn: S}}\nbesparelseskrav: {s: {2026: 6.1}}\n");
    assert!(validator.is_valid(&ok));
    for bad in [
        "titel: x\nenhed: mio. kr.\nbesparelseskrv: {}\n",
        "titel: x\nenhed: mio. kr.\nkonti: {s: {navn: S, farve: rød}}\n",
        "titel: x\nenhed: euro\n",
        "enhed: kr.\n",
        "titel: x\nenhed: kr.\nbesparelseskrav: {s: {toogtyve: 1}}\n",
        "titel: x\nenhed: kr.\nbesparelseskrav: {s: {2026: [1]}}\n",
    ] {
        assert!(
            !validator.is_valid(&yaml_to_json(bad)),
            "should not validate: {bad}"
        );
    }
}

/// Issue 8: the schema's unit enum said `kr.`, `t. kr.`, `mio. kr.`, `kr`,
/// `tkr`, `mio`; the reader took `tkr.`, `T. kr.`, `1.000 kr.`, `mio.kr.`
/// too; verify's header reading had a third list. Now one list
/// (`money::UNIT_SPELLINGS`): every spelling is read by the scenario reader,
/// valid in the schema, and names the same unit in a document's header.
#[test]
fn every_unit_spelling_is_read_alike_by_scenario_schema_and_documents() {
    use sparekrav::money::{Unit, UNIT_SPELLINGS};
    use sparekrav::verify::figure::{unit_in, Unit as DocUnit};
    let validator = jsonschema::validator_for(&schema()).expect("valid schema");
    for spelling in [
        "tkr.",
        "T. kr.",
        "1.000 kr.",
        "mio.kr.",
        "Mio. kr.",
        "t.kr.",
    ] {
        assert!(
            UNIT_SPELLINGS.iter().any(|(s, _)| *s == spelling),
            "{spelling}"
        );
    }
    for (spelling, unit) in UNIT_SPELLINGS {
        let q = serde_json::to_string(spelling).unwrap();
        let yaml = format!(
            "titel: x\nenhed: {q}\når: [2026]\nkonti: {{s: {{navn: S}}}}\nbesparelseskrav: {{s: {{2026: 6.1}}}}\n"
        );
        assert!(
            validator.is_valid(&yaml_to_json(&yaml)),
            "schema refuses {spelling:?}"
        );
        let loaded = sparekrav::input::read_scenario_str("s.yaml", &yaml)
            .unwrap_or_else(|e| panic!("{spelling:?}: {e}"));
        assert_eq!(loaded.scenario.unit, unit, "{spelling:?}");
        let power = match unit {
            Unit::Kr => 0,
            Unit::TKr => 3,
            Unit::Mio => 6,
        };
        assert_eq!(
            unit_in(spelling),
            Some(DocUnit::Money(power)),
            "{spelling:?}"
        );
        assert_eq!(
            unit_in(&format!("Beløb i {spelling}")),
            Some(DocUnit::Money(power)),
            "{spelling:?}"
        );
    }
    // Not units, on both sides.
    for other in ["euro", "mia. kr.", "t", "kr.kr", "pct."] {
        let yaml = format!("titel: x\nenhed: {other:?}\n");
        assert!(sparekrav::money::Unit::parse(other).is_none(), "{other}");
        assert!(!validator.is_valid(&yaml_to_json(&yaml)), "{other}");
    }
}

/// Issue 8: the schema did not say that a budget needs `oprindeligt` or
/// `korrigeret` (the reader refuses one with neither).
#[test]
fn a_budget_without_oprindeligt_or_korrigeret_does_not_validate() {
    let validator = jsonschema::validator_for(&schema()).expect("valid schema");
    let base = "titel: x\nenhed: mio. kr.\når: [2026]\nbudgetter:\n  - {område: Service, år: 2026";
    for (rest, ok) in [
        (", oprindeligt: 10}", true),
        (", korrigeret: 11}", true),
        (", oprindeligt: 10, korrigeret: 11}", true),
        ("}", false),
        (", oprindeligt: null}", false),
        (", ændringer: [{tekst: t, beløb: 1}]}", false),
    ] {
        let yaml = format!("{base}{rest}\n");
        assert_eq!(validator.is_valid(&yaml_to_json(&yaml)), ok, "{yaml}");
        assert_eq!(
            sparekrav::input::read_scenario_str("s.yaml", &yaml).is_ok(),
            ok,
            "the reader disagrees: {yaml}"
        );
    }
}

mod unit_agreement {
    use super::*;
    use proptest::prelude::*;

    /// A spelling as a person may vary it: case, spaces, points, NBSP.
    fn varied() -> impl Strategy<Value = String> {
        let spelling = proptest::sample::select(
            sparekrav::money::UNIT_SPELLINGS
                .iter()
                .map(|(s, _)| s.to_string())
                .collect::<Vec<_>>(),
        );
        (spelling, proptest::collection::vec(0u8..6, 0..24)).prop_map(|(s, edits)| {
            let mut chars: Vec<char> = s.chars().collect();
            for (i, e) in edits.iter().enumerate() {
                let at = i * 7 % (chars.len() + 1);
                match e {
                    0 => chars.insert(at, ' '),
                    1 => chars.insert(at, '.'),
                    2 => chars.insert(at, '\u{a0}'),
                    3 => {
                        if let Some(c) = chars.get_mut(at) {
                            *c = c.to_ascii_uppercase();
                        }
                    }
                    4 => {
                        if at < chars.len() {
                            chars.remove(at);
                        }
                    }
                    _ => chars.insert(at, 'x'),
                }
            }
            chars.into_iter().collect()
        })
    }

    #[test]
    fn the_schema_states_the_readers_pattern() {
        assert_eq!(
            schema()["$defs"]["Unit"]["pattern"].as_str(),
            Some(sparekrav::money::unit_pattern().as_str())
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// The schema's pattern accepts exactly what the reader accepts.
        #[test]
        fn schema_and_reader_agree_on_every_spelling(
            s in prop_oneof![varied(), "[kKrRtTmMiIoOnNeE. 10\u{a0}]{0,10}"]
        ) {
            let unit = serde_json::json!({"type": "string", "pattern": sparekrav::money::unit_pattern()});
            let validator = jsonschema::validator_for(&unit).unwrap();
            let valid = validator.is_valid(&serde_json::Value::String(s.clone()));
            prop_assert_eq!(valid, sparekrav::money::Unit::parse(&s).is_some(), "{:?}", s);
        }
    }
}
