//! Which columns a change column relates, and how firmly (`engine::Operands`):
//! the years its header names are its operands even where every row fails;
//! the only two amount columns left of it are taken unless the figures
//! contradict them (Den Store Danske's `Stemmer | Pladser | Ændring`, where
//! the change is in seats since an election the table does not print:
//! seventeen false errors at heldout18's first run); a `+/-` header names
//! no operands at all, so the figures choose (Rudersdal's seats, and the
//! margin of error a survey heads so too).

use crate::common;
use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

fn change_checks<'c>(c: &'c [Check], column: &str) -> Vec<&'c Check> {
    c.iter()
        .filter(|c| c.column.as_deref() == Some(column) && c.relation.contains("change"))
        .collect()
}

/// Den Store Danske's European election 2024: votes, seats, the change in
/// seats, per cent, the change in per cent. Neither change can be taken
/// from the table (the 2019 figures are not in it): both columns are said
/// not understood, and no figure is called wrong.
#[test]
fn a_change_beside_columns_of_other_things_is_not_understood() {
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout18",
        "denstoredanske-europaparlamentsvalg-2024-moderaterne-5-9-pct-fejl",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let changes: Vec<&Check> = c
        .iter()
        .filter(|c| c.column.as_deref() == Some("Ændring") && c.detail.contains("not understood"))
        .collect();
    assert_eq!(changes.len(), 2, "{c:#?}");
    for k in changes {
        assert_eq!(k.verdict, Verdict::Skipped);
        assert!(k.detail.contains("not understood"), "{}", k.detail);
        assert!(k.detail.contains("Pladser - Stemmer"), "{}", k.detail);
    }
    let total = c
        .iter()
        .find(|c| c.row.as_deref() == Some("I alt") && c.column.as_deref() == Some("Stemmer"))
        .expect("I alt [Stemmer]");
    assert_eq!(total.verdict, Verdict::Exact);
}

const BUDGET: &str = "Mio. kr.\tOprindeligt budget\tKorrigeret budget\tÆndring\n\
    Skoler\t100,0\t104,0\t4,0\n\
    Dagtilbud\t80,0\t78,5\t-1,5\n\
    Ældre\t120,0\t126,0\t6,0\n\
    Veje\t40,0\t41,0\t1,0\n\
    Kultur\t20,0\t20,5\t0,5\n";

/// The two budgets left of `Ændring`, which nothing names, are still its
/// operands where the figures bear them out in most rows: two misprinted
/// changes are each an error, with the change the budgets give.
#[test]
fn a_change_by_position_finds_its_wrong_rows() {
    let doc = BUDGET
        .replace("\t4,0\n", "\t3,0\n")
        .replace("\t1,0\n", "\t2,0\n");
    let c = common::checks_of_tsv(&doc);
    let mut f = common::findings(&c);
    f.sort();
    assert_eq!(
        f,
        vec![
            (
                "Skoler".into(),
                "Ændring".into(),
                "2:4".into(),
                "4,0".into()
            ),
            ("Veje".into(), "Ændring".into(), "5:4".into(), "1,0".into()),
        ],
        "{c:#?}"
    );
    let correct = common::checks_of_tsv(BUDGET);
    let changes = change_checks(&correct, "Ændring");
    assert_eq!(changes.len(), 5, "{correct:#?}");
    assert!(changes.iter().all(|c| c.verdict == Verdict::Exact));
}

/// Where the two columns give no row's change and are far off in all, the
/// reading is wrong, not every figure: not understood.
#[test]
fn a_change_by_position_that_holds_nowhere_is_not_understood() {
    let doc = "Område\tBorgere\tUdgift, mio. kr.\tÆndring\n\
        Nord\t1.200\t14,5\t0,8\n\
        Syd\t950\t11,0\t-0,3\n\
        Øst\t700\t8,2\t0,1\n";
    let c = common::checks_of_tsv(doc);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let said: Vec<&Check> = c
        .iter()
        .filter(|c| c.column.as_deref() == Some("Ændring"))
        .collect();
    assert!(!said.is_empty(), "{c:#?}");
    assert!(
        said.iter().all(|c| c.verdict == Verdict::Skipped),
        "{said:#?}"
    );
}

/// Rudersdal's seats 2017 and 2021 with `+/-`: every printed change judged
/// (a party with no seat in 2017 printed blank, read as none), no error.
#[test]
fn plus_minus_heads_the_change_of_seats() {
    let c = common::checks_of_tsv(&common::data_tsv(
        "heldout18",
        "rudersdal-kv21-mandatfordeling-2017-2021-plus-minus-tomme-celler",
    ));
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    let changes = change_checks(&c, "+/-");
    let rows: Vec<&str> = changes.iter().filter_map(|c| c.row.as_deref()).collect();
    assert_eq!(
        rows,
        vec![
            "A. Socialdemokratiet",
            "C. Det Konservative Folkeparti",
            "F. SF – Socialistisk Folkeparti",
            "I. Liberal Alliance",
            "L. Lokallisten",
            "V. Venstre, Danmarks Liberale Parti"
        ]
    );
    assert!(changes.iter().all(|c| c.verdict == Verdict::Exact));
}

/// A survey's margin of error under `+/-` beside each year: no change fits,
/// so nothing is judged and nothing called wrong.
#[test]
fn plus_minus_as_a_margin_of_error_is_not_judged() {
    let doc = "Andel\t2022\t+/-\t2023\t+/-\n\
        Enig\t52\t3\t55\t3\n\
        Uenig\t30\t2\t28\t3\n\
        Ved ikke\t18\t2\t17\t2\n\
        I alt\t100\t\t100\t\n";
    let c = common::checks_of_tsv(doc);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert!(
        change_checks(&c, "+/-")
            .iter()
            .all(|c| c.verdict == Verdict::Skipped),
        "{c:#?}"
    );
}

/// Seats won and lost: `seats` (2017, 2021) per party, the change printed
/// signed under `+/-` (blank where none), `wrong`: a party whose change is
/// printed off by the amount given.
fn seats(parties: &[(u8, u8)], wrong: Option<(usize, i32)>) -> String {
    let mut t = String::from("Parti\tMandater 2017\tMandater 2021\t+/-\n");
    let (mut a, mut b) = (0u32, 0u32);
    for (i, &(x, y)) in parties.iter().enumerate() {
        let mut d = i32::from(y) - i32::from(x);
        if let Some((w, off)) = wrong {
            if w == i {
                d += off;
            }
        }
        let shown = match d {
            0 => String::new(),
            d if d > 0 => format!("+{d}"),
            d => d.to_string(),
        };
        t += &format!("Parti {}\t{x}\t{y}\t{shown}\n", i + 1);
        a += u32::from(x);
        b += u32::from(y);
    }
    t += &format!("I alt\t{a}\t{b}\t\n");
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Seats are counted: a change of seats printed right is never an
    /// error; one printed off by any whole number of seats is the one
    /// finding, with the change the seats give.
    #[test]
    fn seat_changes_are_sound_and_a_wrong_one_is_found(
        parties in prop::collection::vec((1u8..20, 1u8..20), 4..9)
            .prop_filter("three changes at least", |p| p.iter().filter(|(x, y)| x != y).count() >= 3),
        pick in 0usize..8,
        off in prop_oneof![-3i32..0, 1i32..4],
    ) {
        let c = common::checks_of_tsv(&seats(&parties, None));
        prop_assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
        let printed = parties.iter().filter(|(x, y)| x != y).count();
        prop_assert_eq!(change_checks(&c, "+/-").len(), printed);

        let w = pick % parties.len();
        let (x, y) = parties[w];
        let true_change = i32::from(y) - i32::from(x);
        let doc = seats(&parties, Some((w, off)));
        let f = common::findings(&common::checks_of_tsv(&doc));
        if true_change + off == 0 {
            // Printed blank: no figure to judge (a change left out is no
            // figure printed wrong).
            prop_assert!(f.is_empty(), "{doc}\n{f:#?}");
        } else {
            // A change printed where there is none (`+1` for the same seats)
            // is judged as well: it should read 0.
            prop_assert_eq!(f.len(), 1, "{}\n{:#?}", doc, f);
            prop_assert_eq!(&f[0].0, &format!("Parti {}", w + 1));
            prop_assert_eq!(&f[0].3, &true_change.to_string());
        }
    }
}

/// The review's cases (helper-88): where only one change is printed, the
/// budgets beside it are its operands, and a wrong one is found; where a
/// new row's change from `-` is the only row that fits two columns of other
/// things, the column is not understood, not every row wrong.
#[test]
fn one_printed_change_is_judged_and_a_lone_fit_is_no_reading() {
    let one = "Mio. kr.\tOprindeligt budget\tKorrigeret budget\tÆndring\n\
        Skoler\t100,0\t100,0\t\n\
        Dagtilbud\t80,0\t80,0\t\n\
        Ældre\t120,0\t126,0\t9,0\n\
        Veje\t40,0\t40,0\t\n";
    let f = common::findings(&common::checks_of_tsv(one));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].0.as_str(), f[0].3.as_str()), ("Ældre", "6,0"));

    let lone = "Område\tAntal pladser\tUdgift (1.000 kr.)\tÆndring\n\
        Vuggestuer\t420\t61.300\t+1.200\n\
        Børnehaver\t980\t88.100\t-2.300\n\
        Dagpleje\t150\t19.800\t-600\n\
        Nyt tilbud: Naturbørnehave\t-\t4.500\t+4.500\n";
    let c = common::checks_of_tsv(lone);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    assert!(
        c.iter().any(|c| c.column.as_deref() == Some("Ændring")
            && c.verdict == Verdict::Skipped
            && c.detail.contains("fails in more rows than it holds")),
        "{c:#?}"
    );
}

/// Votes are exact counts, but not where the header says thousands or per
/// cent (the review's `Stemmer (1.000)` and `Stemmer i procent`, both
/// rounded: no error).
#[test]
fn votes_in_thousands_or_per_cent_are_rounded() {
    for doc in [
        "Parti\tStemmer (1.000)\nA\t334\nB\t333\nC\t334\nI alt\t1.000\n",
        "Parti\tStemmer i 1000\nA\t334\nB\t333\nC\t334\nI alt\t1.000\n",
    ] {
        let c = common::checks_of_tsv(doc);
        assert!(
            common::errors(&c).is_empty(),
            "{doc}\n{:#?}",
            common::errors(&c)
        );
        assert!(
            c.iter().any(|c| c.verdict == Verdict::Rounding),
            "{doc}\n{c:#?}"
        );
    }
    // Per cents of a column alone: not counted votes, no error.
    let pct = "Parti\tStemmer i procent\nA\t33\nB\t33\nC\t33\nI alt\t100\n";
    let c = common::checks_of_tsv(pct);
    assert!(common::errors(&c).is_empty(), "{:#?}", common::errors(&c));
    // Counted votes: one off is an error.
    let exact = "Parti\tStemmer\nA\t334\nB\t333\nC\t334\nI alt\t1.000\n";
    let f = common::findings(&common::checks_of_tsv(exact));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].3, "1.001");
}
