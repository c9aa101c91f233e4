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
