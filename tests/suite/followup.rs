//! The budget follow-up (punkt 116, budgetopfølgning pr. 30. september 2025):
//! the figures from `report`'s real output, `check`'s reconciliations with
//! their exit codes and differences, and the report verifying with no error.

use crate::common::{cells, run, run_on_yaml, text_table};

const FOLLOWUP: &str = "scenarios/randers-opfoelgning-2025-09-30.yaml";
const TITLE: &str =
    "Budgetopfølgning pr. 30. september 2025: Beskæftigelse, integration og ydelser (budgetår 2025)";

fn report(extra: &[&str]) -> String {
    let mut args = vec!["report", FOLLOWUP];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!((code, err.as_str()), (0, ""));
    out
}

#[test]
fn item_116_figures_come_out_of_report() {
    let out = report(&[]);
    let t = text_table(&out, TITLE);
    assert_eq!(
        cells(&t),
        vec![
            vec![
                "Mio. kr.",
                "Oprindeligt budget",
                "Tillægsbevillinger",
                "Korrigeret budget",
                "Forventet regnskab",
                "Afvigelse",
                "Overført fra sidste år",
                "Resultat inkl. overførsler"
            ],
            vec!["Servicerammen", "", "", "", "", "", "", ""],
            vec!["Sprogcenteret", "-", "-", "-", "-", "-", "-", "-"],
            // Korrigeret 137,8 = 137,7 + 0,1 (derived); the result is the sum of
            // the printed figures, -0,1 + -7,2 = -7,3 (the text says 7,2).
            vec![
                "I alt Servicerammen",
                "-",
                "-",
                "137,8",
                "137,7",
                "-0,1",
                "-7,2",
                "-7,3"
            ],
            // Reduced by 9,9 to 74,9, result 0: the original 84,8 is derived.
            vec![
                "Tilbudsviften",
                "84,8",
                "-9,9",
                "74,9",
                "74,9",
                "0,0",
                "-",
                "-"
            ],
            vec!["Indkomstoverførsler", "", "", "", "", "", "", ""],
            vec![
                "Kontanthjælp og ledighedsydelse",
                "-",
                "-",
                "-",
                "-",
                "-4,0",
                "-",
                "-"
            ],
            vec!["Førtidspension", "-", "-", "-", "-", "4,0", "-", "-"],
            // The A-dagpenge change since the previous follow-up is not an afvigelse.
            vec!["A-dagpenge", "-", "-", "-", "-", "-", "-", "-"],
            vec![
                "I alt Indkomstoverførsler",
                "-",
                "-",
                "-",
                "-",
                "-3,5",
                "-",
                "-"
            ],
        ]
    );
    // The words, as the documents write them.
    for line in [
        "Servicerammen: forventet mindreforbrug på 0,1 mio. kr.; resultat inkl. overførsler: overskud på 7,3 mio. kr.",
        "Sprogcenteret: forventer at bruge opsparede midler på 1,5 mio. kr.",
        "Kontanthjælp og ledighedsydelse: forventet mindreudgift på 4,0 mio. kr.",
        "Førtidspension: forventet merudgift på 4,0 mio. kr.",
        "Indkomstoverførsler: forventet mindreudgift på 3,5 mio. kr.",
        "Tilbudsviften: budget i balance.",
        "Servicerammen: afledt, ikke oplyst: korrigeret budget (afvigelse = forventet − korrigeret), resultat inkl. overførsler (resultat = afvigelse + overført).",
        "Tilbudsviften: afledt, ikke oplyst: oprindeligt budget (oprindeligt + tillæg = korrigeret), forventet regnskab (afvigelse = forventet − korrigeret).",
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line:?} in\n{out}");
    }
}

#[test]
fn service_and_transfer_totals_and_the_change_since_the_last_follow_up() {
    let out = report(&[]);
    let t = text_table(
        &out,
        "Budgetopfølgning pr. 30. september 2025: Beskæftigelse, integration og ydelser: service og overførsler i alt",
    );
    let rows = cells(&t);
    assert_eq!(
        rows[1],
        vec!["Service", "-", "-", "137,8", "137,7", "-0,1", "-7,2", "-7,3"]
    );
    assert_eq!(
        rows[3],
        vec!["Indkomstoverførsler", "-", "-", "-", "-", "-3,5", "-", "-"]
    );
    // -0,1 + 0,0 + -3,5; every other column has an unknown part.
    assert_eq!(rows[4], vec!["I alt", "-", "-", "-", "-", "-3,6", "-", "-"]);
    let t = text_table(&out, "Forventet regnskab: ændring siden 31. maj 2025");
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "Ændring i forventet regnskab"],
            vec!["A-dagpenge", "-5,0"],
        ]
    );
}

#[test]
fn follow_up_report_verifies_with_no_error() {
    let dir = tempfile::tempdir().unwrap();
    for (format, file) in [("text", "r.txt"), ("markdown", "r.md"), ("csv", "r.csv")] {
        let path = dir.path().join(file);
        let p = path.to_str().unwrap();
        let (code, _, _) = run(&["report", FOLLOWUP, "--format", format, "-o", p]);
        assert_eq!(code, 0);
        let (code, out, err) = run(&["verify", p]);
        assert_eq!((code, err.as_str()), (0, ""), "{format}: {out}");
        assert!(out.contains(" 0 errors"), "{format}: {out}");
    }
}

#[test]
fn the_reference_follow_up_reconciles_what_it_can() {
    let (code, out, err) = run(&["check", FOLLOWUP]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "scenarios/randers-opfoelgning-2025-09-30.yaml:47:7: budgetopfølgning.dele[2].afvigelse: \
         Indkomstoverførsler afvigelse: stated -3,5 mio. kr., but the afvigelse of A-dagpenge is not \
         given, so the lines cannot be added up (skipped)\n\
         check: 1 file, 0 reconciliations hold, 0 failed, 1 skipped\n"
    );
}

const STATED: &str = "titel: x
enhed: mio. kr.
budgetopfølgning:
  år: 2025
  dele:
    - navn: Tilbudsviften
      art: indsats
      oprindeligt: 84.8
      tillæg: [{tekst: maj, beløb: -9.9}]
      korrigeret: KORR
      forventet: 74.9
      afvigelse: AFV
      overført: -1.5
      resultat: RES
    - navn: Indkomstoverførsler
      art: indkomstoverførsler
      afvigelse: SUM
      linjer:
        - {navn: Kontanthjælp, afvigelse: -4.0}
        - {navn: Førtidspension, afvigelse: 4.0}
";

fn stated(korr: &str, afv: &str, res: &str, sum: &str) -> String {
    STATED
        .replace("KORR", korr)
        .replace("AFV", afv)
        .replace("RES", res)
        .replace("SUM", sum)
}

#[test]
fn check_holds_when_every_stated_figure_reconciles() {
    let (code, out, err) = run_on_yaml(
        &["check", "--verbose"],
        stated("74.9", "0", "-1.5", "0").as_bytes(),
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "s.yaml:10:7: budgetopfølgning.dele[0].korrigeret: Tilbudsviften: korrigeret budget 74,9 mio. kr. = oprindeligt 84,8 mio. kr. − 9,9 mio. kr. (holds)\n\
         s.yaml:12:7: budgetopfølgning.dele[0].afvigelse: Tilbudsviften: afvigelse 0,0 mio. kr. = forventet 74,9 mio. kr. − korrigeret 74,9 mio. kr. (holds)\n\
         s.yaml:14:7: budgetopfølgning.dele[0].resultat: Tilbudsviften: resultat inkl. overførsler -1,5 mio. kr. = afvigelse 0,0 mio. kr. − 1,5 mio. kr. overført (holds)\n\
         s.yaml:17:7: budgetopfølgning.dele[1].afvigelse: Indkomstoverførsler afvigelse: 0,0 mio. kr. is the sum of its 2 lines (holds)\n\
         check: 1 file, 4 reconciliations hold, 0 failed, 0 skipped\n"
    );
}

#[test]
fn check_fails_with_the_difference() {
    let (code, out, err) =
        run_on_yaml(&["check"], stated("75.0", "0.2", "-1.2", "-3.5").as_bytes());
    assert_eq!((code, err.as_str()), (1, ""));
    assert_eq!(
        out,
        "s.yaml:10:7: budgetopfølgning.dele[0].korrigeret: Tilbudsviften: korrigeret budget is 75,0 mio. kr. but oprindeligt 84,8 mio. kr. − 9,9 mio. kr. = 74,9 mio. kr.: off by 0,1 mio. kr.\n\
         s.yaml:12:7: budgetopfølgning.dele[0].afvigelse: Tilbudsviften: afvigelse is 0,2 mio. kr. but forventet 74,9 mio. kr. − korrigeret 75,0 mio. kr. = -0,1 mio. kr.: off by 0,3 mio. kr.\n\
         s.yaml:14:7: budgetopfølgning.dele[0].resultat: Tilbudsviften: resultat inkl. overførsler is -1,2 mio. kr. but afvigelse 0,2 mio. kr. − 1,5 mio. kr. overført = -1,3 mio. kr.: off by 0,1 mio. kr.\n\
         s.yaml:17:7: budgetopfølgning.dele[1].afvigelse: Indkomstoverførsler afvigelse: stated -3,5 mio. kr. but its 2 lines add up to 0,0 mio. kr.: off by -3,5 mio. kr.\n\
         check: 1 file, 0 reconciliations hold, 4 failed, 0 skipped\n"
    );
    // report prints the tables but fails too.
    let (code, _, err) = run_on_yaml(&["report"], stated("75.0", "0", "-1.5", "0").as_bytes());
    assert_eq!(code, 1);
    assert!(err.contains("off by 0,1 mio. kr."), "{err}");
}

#[test]
fn bad_follow_up_input_is_refused_with_its_place() {
    let (code, _, err) = run_on_yaml(
        &["check"],
        b"titel: x\nenhed: mio. kr.\nbudgetopf\xc3\xb8lgning:\n  \xc3\xa5r: 2025\n  dele:\n    - {navn: S, art: drift}\n",
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with("s.yaml:6:22: budgetopfølgning.dele[0].art: unknown variant `drift`, expected one of `service`, `indsats`, `indkomstoverførsler`, `anlæg`"),
        "{err}"
    );
    let (code, _, err) = run_on_yaml(
        &["check"],
        "titel: x\nenhed: kr.\nbudgetopfølgning:\n  år: 2025\n  dele:\n    - {navn: S, art: service, forventet: 1.234}\n".as_bytes(),
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("budgetopfølgning.dele[0].forventet: 1.234 is ambiguous: a dot before exactly three digits reads as a thousands separator"),
        "{err}"
    );
}

#[test]
fn an_overflowing_figure_is_placed_in_the_file() {
    // korrigeret = oprindeligt + tillæg beyond the largest exact amount: an
    // error at the part (or line) it happens in, never a bare file name.
    let max = "79228162514264337593543";
    let part = format!(
        "titel: x\nenhed: mio. kr.\nbudgetopfølgning:\n  år: 2025\n  dele:\n    - navn: S\n      art: service\n      oprindeligt: {max}\n      tillæg: [{{tekst: t, beløb: {max}}}]\n"
    );
    let (code, out, err) = run_on_yaml(&["report"], part.as_bytes());
    assert_eq!((code, out.as_str()), (2, ""));
    // (The column is the locator's: the part's line is what this test is about.)
    assert!(err.starts_with("s.yaml:6:"), "{err}");
    assert!(
        err.ends_with(": budgetopfølgning.dele[0]: korrigeret budget cannot be computed exactly: it would exceed about 7,9·10^28 or need more than 28 significant digits\n"),
        "{err}"
    );
    let line = format!(
        "titel: x\nenhed: mio. kr.\nbudgetopfølgning:\n  år: 2025\n  dele:\n    - navn: S\n      art: service\n      linjer:\n        - {{navn: L, afvigelse: 1}}\n        - {{navn: M, forventet: {max}, korrigeret: -{max}}}\n"
    );
    let (code, _, err) = run_on_yaml(&["report"], line.as_bytes());
    assert_eq!(code, 2);
    assert!(
        err.starts_with("s.yaml:10:")
            && err.contains(
                ": budgetopfølgning.dele[0].linjer[1]: afvigelse cannot be computed exactly"
            ),
        "{err}"
    );
    // Lines that add up beyond it: at the part.
    let sum = format!(
        "titel: x\nenhed: mio. kr.\nbudgetopfølgning:\n  år: 2025\n  dele:\n    - navn: S\n      art: service\n      linjer:\n        - {{navn: L, afvigelse: {max}}}\n        - {{navn: M, afvigelse: {max}}}\n"
    );
    let (code, _, err) = run_on_yaml(&["report"], sum.as_bytes());
    assert_eq!(code, 2);
    assert!(
        err.starts_with("s.yaml:6:")
            && err.contains(": budgetopfølgning.dele[0]: afvigelse cannot be computed exactly"),
        "{err}"
    );
}

mod properties {
    use proptest::prelude::*;
    use sparekrav::check::Status;
    use sparekrav::followup::{self, Source};
    use sparekrav::model::{
        Art, BudgetChange, Opfølgning, OpfølgningDel, OpfølgningLinje, Scenario,
    };
    use sparekrav::money::{Decimal, Figure, Unit};

    fn ore() -> impl Strategy<Value = Decimal> {
        (-10_000_000_000i64..10_000_000_000).prop_map(|o| Decimal::new(o, 2))
    }

    fn scenario(line: OpfølgningLinje, lines: Vec<OpfølgningLinje>) -> Scenario {
        Scenario {
            unit: Unit::Kr,
            opfølgning: Some(Opfølgning {
                title: None,
                area: None,
                year: 2025,
                date: None,
                previous: None,
                parts: vec![OpfølgningDel {
                    art: Art::Service,
                    total: line,
                    lines,
                }],
            }),
            ..Scenario::default()
        }
    }

    proptest! {
        /// Stated figures that satisfy the three relations hold; moving one
        /// stated figure by d makes exactly its relation fail, by d.
        #[test]
        fn relations_hold_exactly_and_fail_by_the_difference(
            o in ore(), t in ore(), fo in ore(), ov in ore(), d in ore(), which in 0..3usize,
        ) {
            let k = o + t;
            let a = fo - k;
            let r = a + ov;
            let mut l = OpfølgningLinje {
                name: "L".into(),
                original: Some(o),
                tillæg: Some(vec![BudgetChange { text: "t".into(), amount: t }]),
                corrected: Some(k),
                forventet: Some(fo),
                afvigelse: Some(a),
                overført: Some(ov),
                resultat: Some(r),
                ..OpfølgningLinje::default()
            };
            let findings = sparekrav::check::followup_reconciles(&scenario(l.clone(), vec![])).unwrap();
            prop_assert_eq!(findings.len(), 3);
            prop_assert!(findings.iter().all(|f| f.status == Status::Holds));
            let key = ["korrigeret", "afvigelse", "resultat"][which];
            match which {
                0 => l.corrected = Some(k + d),
                1 => l.afvigelse = Some(a + d),
                _ => l.resultat = Some(r + d),
            }
            let findings = sparekrav::check::followup_reconciles(&scenario(l, vec![])).unwrap();
            for f in &findings {
                let moved = f.path.ends_with(key);
                // korrigeret is a term of afvigelse's relation, afvigelse of resultat's.
                let also = (which == 0 && f.path.ends_with("afvigelse"))
                    || (which == 1 && f.path.ends_with("resultat"));
                if d.is_zero() || !(moved || also) {
                    prop_assert_eq!(f.status, Status::Holds, "{}", f.message);
                } else {
                    prop_assert_eq!(f.status, Status::Fails, "{}", f.message);
                }
            }
            if !d.is_zero() && which != 0 {
                let f = findings.iter().find(|f| f.path.ends_with(key)).unwrap();
                prop_assert!(f.message.ends_with(&format!("off by {}", sparekrav::check::kr(d))), "{}", f.message);
            }
        }

        /// Unknown stays unknown: from forventet and afvigelse alone only
        /// korrigeret follows (marked derived); oprindeligt and the result do not.
        #[test]
        fn only_what_follows_exactly_is_derived(fo in ore(), a in ore()) {
            let l = OpfølgningLinje {
                name: "L".into(),
                forventet: Some(fo),
                afvigelse: Some(a),
                ..OpfølgningLinje::default()
            };
            let f = followup::linje_figures(&l, &[]).unwrap();
            prop_assert_eq!(f.corrected.figure, Figure::Known(fo - a));
            prop_assert_eq!(f.corrected.source, Some(Source::Derived(followup::Relation::Afvigelse)));
            prop_assert_eq!(f.original.figure, Figure::Unknown);
            prop_assert_eq!(f.tillæg.figure, Figure::Unknown);
            prop_assert_eq!(f.resultat.figure, Figure::Unknown);
            prop_assert_eq!(f.overført.figure, Figure::Unknown);
        }

        /// A part's stated afvigelse against its lines: holds exactly at the
        /// sum, fails otherwise, is skipped when a line is unknown.
        #[test]
        fn part_totals_reconcile_with_their_lines(
            parts in proptest::collection::vec(ore(), 1..6), d in ore(), hole in proptest::option::of(0..6usize),
        ) {
            let sum: Decimal = parts.iter().copied().sum();
            let lines: Vec<OpfølgningLinje> = parts.iter().enumerate().map(|(i, a)| OpfølgningLinje {
                name: format!("L{i}"),
                afvigelse: if hole == Some(i) { None } else { Some(*a) },
                ..OpfølgningLinje::default()
            }).collect();
            let total = OpfølgningLinje { name: "T".into(), afvigelse: Some(sum + d), ..OpfølgningLinje::default() };
            let findings = sparekrav::check::followup_reconciles(&scenario(total, lines)).unwrap();
            let f: Vec<_> = findings.iter().filter(|f| f.path.ends_with("dele[0].afvigelse")).collect();
            let has_hole = hole.is_some_and(|h| h < parts.len());
            if has_hole && parts.len() == 1 {
                prop_assert!(f.is_empty());
            } else {
                prop_assert_eq!(f.len(), 1);
                let want = if has_hole { Status::Skipped } else if d.is_zero() { Status::Holds } else { Status::Fails };
                prop_assert_eq!(f[0].status, want, "{}", f[0].message);
            }
        }
    }
}

#[test]
fn table_chooses_tables_by_id() {
    let (code, out, err) = run(&[
        "report",
        FOLLOWUP,
        "--table",
        "budgetopfoelgning-2025-siden-forrige",
        "--table",
        "budgetopfoelgning-2025-art",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    let titles: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("Budgetopfølgning pr.") || l.starts_with("Forventet regnskab:"))
        .collect();
    assert_eq!(
        titles,
        vec![
            "Budgetopfølgning pr. 30. september 2025: Beskæftigelse, integration og ydelser: service og overførsler i alt",
            "Forventet regnskab: ændring siden 31. maj 2025",
        ]
    );
    let (code, _, err) = run(&["report", FOLLOWUP, "--table", "konto-6"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "sparekrav: error: scenarios/randers-opfoelgning-2025-09-30.yaml: no table \"konto-6\"; its tables are: \
         budgetopfoelgning-2025, budgetopfoelgning-2025-art, budgetopfoelgning-2025-siden-forrige\n"
    );
}

#[test]
fn verify_judges_the_texts_7_2_a_rounding_difference() {
    let (code, out, err) = run(&[
        "verify",
        "tests/data/randers-2025-12-02.md",
        "--checks",
        "scenarios/randers-opfoelgning-2025-09-30.checks.yaml",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains(
            "scenarios/randers-opfoelgning-2025-09-30.checks.yaml:8: rounding Punkt 116: servicerammens resultat \
             inkl. overførsler (mindreforbrug + overført overskud): 0,1 + 7,2 = 7,3 lies in [7,20; 7,40], 7,2 allows [7,15; 7,25]\n"
        ),
        "{out}"
    );
}

#[test]
fn forbrug_pr_dato_is_shown_when_given() {
    let yaml = "titel: x\nenhed: mio. kr.\nbudgetopfølgning:\n  år: 2025\n  dato: 31. august 2025\n  dele:\n    - {navn: Service, art: service, korrigeret: 100, forbrug: 61.3, forventet: 99.5}\n";
    let (code, out, err) = run_on_yaml(&["report"], yaml.as_bytes());
    assert_eq!((code, err.as_str()), (0, ""));
    let t = text_table(&out, "Budgetopfølgning pr. 31. august 2025 (budgetår 2025)");
    assert_eq!(
        cells(&t),
        vec![
            vec![
                "Mio. kr.",
                "Korrigeret budget",
                "Forbrug pr. dato",
                "Forventet regnskab",
                "Afvigelse",
                "Overført fra sidste år",
                "Resultat inkl. overførsler"
            ],
            vec!["Service", "100,0", "61,3", "99,5", "-0,5", "-", "-"],
        ]
    );
    assert!(out.contains(
        "Service: afledt, ikke oplyst: afvigelse (afvigelse = forventet − korrigeret).\n"
    ));
}

#[test]
fn follow_up_in_english() {
    let (code, out, err) = run(&["report", FOLLOWUP, "--lang", "en"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let t = text_table(
        &out,
        "Budget follow-up as of 30. september 2025: Beskæftigelse, integration og ydelser (budget year 2025)",
    );
    assert_eq!(
        cells(&t)[0],
        vec![
            "DKK million",
            "Original budget",
            "Supplementary appropriations",
            "Corrected budget",
            "Expected outturn",
            "Variance",
            "Carried over from last year",
            "Result incl. carry-overs"
        ]
    );
    assert_eq!(
        cells(&t)[3],
        vec![
            "Total Servicerammen",
            "-",
            "-",
            "137.8",
            "137.7",
            "-0.1",
            "-7.2",
            "-7.3"
        ]
    );
    assert!(out.contains(
        "Servicerammen: expected underspend of DKK 0.1 million; result incl. carry-overs: surplus of DKK 7.3 million.\n"
    ));
    // The words' numbers are English like the table's (they were "0,1 mio. kr.").
    assert!(
        out.contains("Sprogcenteret: expects to use savings of DKK 1.5 million.\n"),
        "{out}"
    );
    let (code, out, _) = run(&["report", FOLLOWUP, "--lang", "en", "--unit", "kr"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Førtidspension: expected overspend of DKK 4.0 million.\n"),
        "{out}"
    );
}
