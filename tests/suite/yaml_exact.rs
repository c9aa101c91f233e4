//! Amounts arrive from YAML without binary floating point.

use std::str::FromStr;

use serde::Deserialize;
use sparekrav::calc;
use sparekrav::input::amount::Amount;
use sparekrav::input::read_scenario_str;
use sparekrav::money::{Decimal, Figure};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn yaml_0_1_plus_0_2_is_exactly_0_3() {
    let yaml = "titel: x\nenhed: kr.\når: [2026]\nkonti: {a: {navn: A}, b: {navn: B}}\n\
                besparelseskrav:\n  a: {2026: 0.1}\n  b: {2026: 0.2}\n";
    let s = read_scenario_str("t.yaml", yaml).unwrap().scenario;
    let sum = calc::krav(&s, "a", 2026)
        .checked_add(calc::krav(&s, "b", 2026), "sum")
        .unwrap();
    assert_eq!(sum, Figure::Known(d("0.3")));
    // The same sum in binary floating point is not 0.3: the test can tell.
    assert_ne!(0.1_f64 + 0.2_f64, 0.3_f64);
}

#[test]
fn yaml_6_10_keeps_its_value_and_its_scale() {
    let a: Amount = serde_yaml::from_str("6.10").unwrap();
    assert_eq!(a.value, d("6.10"));
    assert_eq!(
        a.value.scale(),
        2,
        "a float would have lost the trailing zero"
    );
    assert_eq!(a.decimals, 2);
    let a: Amount = serde_yaml::from_str("0.1").unwrap();
    assert_eq!(a.value.to_string(), "0.1");
    // What 0.1 becomes when it passes through f64:
    assert_ne!(Some(a.value), Decimal::from_f64_retain(0.1_f64));
}

#[test]
fn a_deserializer_that_offers_a_float_is_refused() {
    use serde::de::value::{Error, F64Deserializer};
    let err = Amount::deserialize(F64Deserializer::<Error>::new(0.1)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "amount 0.1 arrived as a binary floating-point number; write it as a plain decimal"
    );
    // serde_json numbers are not taken as text either.
    assert!(serde_json::from_str::<Amount>("6.1").is_err());
}

#[test]
fn many_small_amounts_sum_exactly() {
    // 0.01 kr. one thousand times, as scenario lines, is exactly 10 kr.
    let mut yaml = String::from("titel: x\nenhed: kr.\når: [2026]\nkonti: {a: {navn: A}}\nrealiserede_besparelser:\n  a:\n    initiativer:\n");
    for i in 0..1000 {
        yaml.push_str(&format!(
            "      - navn: i{i}\n        beløb: {{2026: 0.01}}\n"
        ));
    }
    let s = read_scenario_str("t.yaml", &yaml).unwrap().scenario;
    assert_eq!(
        calc::realiseret(&s, "a", 2026).unwrap(),
        Figure::Known(d("10.00"))
    );
}
