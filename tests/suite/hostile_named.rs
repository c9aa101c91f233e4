//! Named hostile cases for scenario files (the rest are in scenario_errors.rs
//! and check_cli.rs): each gives its message and exit code, bounded in time.

/// Runs sparekrav on a scenario under `ulimit -t 2` (two CPU seconds: the
/// work done, not the wall clock, so a loaded machine does not fail it); a
/// run stopped there exits -1, which every caller's exit-code check catches.
fn timed(args: &[&str], yaml: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.yaml");
    std::fs::write(&path, yaml).expect("write");
    let shown = path.display().to_string();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&shown);
    let (code, out, err) = crate::common::run_cpu_bounded(&all, 2);
    (
        code,
        out.replace(&shown, "s.yaml"),
        err.replace(&shown, "s.yaml"),
    )
}

#[test]
fn billion_laughs_alias_bomb_is_refused_quickly() {
    // 9^9 "lol"s if expanded. serde_yaml points at the anchored node the alias would expand.
    let mut yaml = String::from("titel: x\nenhed: kr.\ndimensioner:\n  c0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        yaml.push_str(&format!("  c{i}: &a{i} [{refs}]\n"));
    }
    let (code, out, err) = timed(&["report"], yaml.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err.trim_end(),
        "s.yaml:4:7: dimensioner.c1[0]: invalid type: sequence, expected a string"
    );
}

#[test]
fn alias_bomb_where_any_value_is_accepted_hits_the_repetition_limit() {
    // Even a reader that takes any YAML value stops: serde_yaml limits alias repetition.
    let mut yaml = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    // Bounded by the work done, not the clock (a 2 s bound failed under
    // load): every node the reader hands out is counted. Expanded, the bomb
    // is 9^10 (about 3,5 billion) strings; serde_yaml stops after 100 alias
    // jumps per event of the document, a few hundred thousand nodes at most.
    NODES.with(|n| n.set(0));
    let r: Result<Counted, _> = serde_yaml::from_str(&yaml);
    assert!(r
        .unwrap_err()
        .to_string()
        .contains("repetition limit exceeded"));
    let visited = NODES.with(|n| n.get());
    assert!(
        (1_000..1_000_000).contains(&visited),
        "{visited} nodes read before the refusal"
    );
    // The same file one level smaller (9^9 strings if expanded) is refused
    // as well: the limit is on the work, not on a size that happens to fit.
    let smaller = yaml.lines().take(9).collect::<Vec<_>>().join("\n");
    NODES.with(|n| n.set(0));
    let r: Result<Counted, _> = serde_yaml::from_str(&smaller);
    assert!(r.is_err());
    assert!(NODES.with(|n| n.get()) < 1_000_000);
}

thread_local! {
    static NODES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Any YAML value, read only to count its nodes (in [`NODES`]).
#[derive(Debug)]
struct Counted;

impl<'de> serde::Deserialize<'de> for Counted {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Counted, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Counted;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E>(self, _: &str) -> Result<Counted, E> {
                NODES.with(|n| n.set(n.get() + 1));
                Ok(Counted)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Counted, A::Error> {
                NODES.with(|n| n.set(n.get() + 1));
                while a.next_element::<Counted>()?.is_some() {}
                Ok(Counted)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Counted, A::Error> {
                NODES.with(|n| n.set(n.get() + 1));
                while a.next_entry::<Counted, Counted>()?.is_some() {}
                Ok(Counted)
            }
        }
        d.deserialize_any(V)
    }
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_before_parsing() {
    let yaml = format!(
        "titel: x\nenhed: kr.\ndimensioner:\n  c: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (code, _, err) = timed(&["report"], yaml.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:4:261: nested more than 64 levels deep; a scenario file nests about six"
    );
    // Block nesting too.
    let mut yaml = String::from("titel: x\nenhed: kr.\nkonti:\n");
    for i in 1..100 {
        yaml.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
    }
    let (code, _, err) = timed(&["report"], yaml.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:67:68: nested more than 64 levels deep; a scenario file nests about six"
    );
}

#[test]
fn minus_zero_is_zero() {
    let yaml = "titel: x\nenhed: mio. kr.\når: [2026]\nkonti: {a: {navn: A, kort: a}}\n\
                besparelseskrav:\n  a: {2026: -0}\nrealiserede_besparelser:\n  a: {i_alt: {2026: -0.0}}\n";
    let (code, out, err) = timed(&["report"], yaml.as_bytes());
    assert_eq!((code, err.as_str()), (0, ""));
    let t = crate::common::text_table(&out, "A: besparelseskrav og realiserede besparelser");
    assert_eq!(
        crate::common::cells(&t)[2..],
        vec![
            vec!["Besparelseskrav", "0,0"],
            vec!["Realiserede besparelser", "0,0"],
            vec!["I alt a", "0,0"]
        ]
    );
    // "-0,0" in a scenario file is a decimal comma, refused with a hint.
    let yaml = "titel: x\nenhed: mio. kr.\når: [2026]\nkonti: {a: {navn: A}}\nbesparelseskrav:\n  a: {2026: \"-0,0\"}\n";
    let (code, _, err) = timed(&["report"], yaml.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:6:13: besparelseskrav.a.2026: \"-0,0\": use a decimal point in scenario files (-0.0), not a decimal comma"
    );
}

#[test]
fn a_total_that_overflows_is_a_clear_error() {
    // Placed by the key path of the figures that overflow.
    let mut yaml = String::from("titel: x\nenhed: kr.\når: [2026]\nkonti: {a: {navn: A}}\nrealiserede_besparelser:\n  a:\n    initiativer:\n");
    for i in 0..10 {
        yaml.push_str(&format!(
            "      - navn: i{i}\n        beløb: {{2026: 9999999999999999999999999999}}\n"
        ));
    }
    let (code, out, err) = timed(&["report"], yaml.as_bytes());
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err.trim_end(),
        "s.yaml:7:5: realiserede_besparelser.a.initiativer: initiativer cannot be computed exactly: it would \
         exceed about 7,9·10^28 or need more than 28 significant digits"
    );
    let (code, _, err) = timed(&["check"], yaml.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:7:5: realiserede_besparelser.a.initiativer: initiativer cannot be computed exactly: it would \
         exceed about 7,9·10^28 or need more than 28 significant digits"
    );
    // An amount too large for its unit's conversion to kr.
    let yaml = "titel: x\nenhed: mio. kr.\når: [2026]\nkonti: {a: {navn: A}}\nbesparelseskrav:\n  a: {2026: 99999999999999999999999}\n";
    let (code, _, err) = timed(&["report"], yaml.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:6:7: besparelseskrav.a.2026: 99999999999999999999999 mio. kr. is too large to convert to kr. exactly"
    );
}

/// Issue 8 item 2: rust_decimal rounds a sum that needs more than 28 digits.
/// Initiatives of −10²⁷ kr. and −0,01 kr. against an i_alt of −10²⁷ kr. used
/// to "hold"; now the sum is an error (exit 2) in `check` and `report`.
#[test]
fn a_sum_that_would_lose_a_digit_is_an_error_not_a_pass() {
    let yaml = "titel: x\nenhed: kr.\når: [2026]\nkonti: {a: {navn: A}}\nrealiserede_besparelser:\n  a:\n    \
                i_alt: {2026: -1000000000000000000000000000}\n    initiativer:\n      \
                - {navn: i, beløb: {2026: -1000000000000000000000000000}}\n      \
                - {navn: j, beløb: {2026: -0.01}}\n";
    let message = "s.yaml:8:5: realiserede_besparelser.a.initiativer: initiativer cannot be computed exactly: \
                   it would exceed about 7,9·10^28 or need more than 28 significant digits";
    for cmd in ["check", "report"] {
        let (code, out, err) = timed(&[cmd], yaml.as_bytes());
        assert_eq!(code, 2, "{cmd}: {out}{err}");
        assert_eq!(err.lines().next(), Some(message), "{cmd}");
    }
}

/// Issue 8 item 2, verify's side: `1.000.000.000 + 0,00000000000000000001 =
/// 1.000.000.000` was judged exact; now it is skipped, and said so.
#[test]
fn a_check_relation_beyond_28_digits_is_skipped_not_exact() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("c.yaml");
    std::fs::write(
        &checks,
        "kontroller:\n  - relation: \"1.000.000.000 + 0,00000000000000000001 = 1.000.000.000\"\n",
    )
    .unwrap();
    let doc = dir.path().join("d.md");
    std::fs::write(&doc, "Ingen tabeller.\n").unwrap();
    let (code, out, _) = crate::common::run(&[
        "verify",
        doc.to_str().unwrap(),
        "--checks",
        checks.to_str().unwrap(),
        "--allow-empty",
    ]);
    let shown = checks.display().to_string();
    let out = out.replace(&shown, "c.yaml");
    assert!(
        out.contains(
            "c.yaml:2: skipped  checks: 1.000.000.000 + 0,00000000000000000001 = 1.000.000.000: \
             the figures have too many digits for exact arithmetic"
        ),
        "{out}"
    );
    assert!(
        out.contains("0 exact, 0 rounding, 0 errors, 1 skipped"),
        "{out}"
    );
    assert_eq!(code, 0);
}

/// Issue 8 item 3: nine konti of 28 nines each: `report` overflowed on the
/// total across konti while `check` exited 0. `check` computes every total
/// `report` shows, so both refuse it alike.
#[test]
fn check_refuses_what_report_cannot_compute() {
    let nines = "9".repeat(28);
    let mut yaml = String::from("titel: x\nenhed: kr.\når: [2026]\nkonti:\n");
    for i in 0..9 {
        yaml.push_str(&format!("  k{i}: {{navn: K{i}}}\n"));
    }
    yaml.push_str("besparelseskrav:\n");
    for i in 0..9 {
        yaml.push_str(&format!("  k{i}: {{2026: {nines}}}\n"));
    }
    let message = "s.yaml: I alt cannot be computed exactly: it would exceed about 7,9·10^28 or need more than 28 significant digits";
    for cmd in ["report", "check"] {
        let (code, _, err) = timed(&[cmd], yaml.as_bytes());
        assert_eq!(code, 2, "{cmd}");
        assert_eq!(err.lines().next(), Some(message), "{cmd}");
    }
}
