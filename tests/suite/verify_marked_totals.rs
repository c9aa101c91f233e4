//! A total's figure with a note mark glued to it (`I alt mandater 175*`):
//! read where the rows above it add up to it exactly, so the shares of it
//! are judged; otherwise said as not read, never an error
//! (`src/verify/marked_totals.rs`).

use crate::common::{checks_of_tsv, data_tsv, errors, findings};
use proptest::prelude::*;
use sparekrav::verify::{Check, Verdict};

const LEX: &str = "lex-folketingsvalg-2022-stemmer-mandater-andele";
const EP: &str = "denstoredanske-europaparlamentsvalg-2024-moderaterne-5-9-pct-fejl";

fn at<'a>(c: &'a [Check], row: &str, col: &str) -> Vec<&'a Check> {
    c.iter()
        .filter(|k| k.row.as_deref() == Some(row) && k.relation.contains(&format!("[{col}]")))
        .collect()
}

/// lex.dk's Folketing election 2022 (heldout10): `I alt mandater 175*`
/// is the sum of the twelve parties' seats, so the seats' per cents are
/// judged as shares of it, and Alternativet's 3,5 (6 of 175 is 3,43) is
/// found; the votes' `I alt` still adds the fifteen rows of votes through
/// the seats' total.
#[test]
fn the_seats_per_cents_are_judged_against_a_marked_total() {
    let c = checks_of_tsv(&data_tsv("heldout10", LEX));
    let seats = at(&c, "I alt mandater", "Mandater");
    assert_eq!(seats.len(), 1);
    assert_eq!(seats[0].verdict, Verdict::Exact);
    let shares: Vec<&Check> = c
        .iter()
        .filter(|k| k.relation.contains("[% mandater]") && k.verdict != Verdict::Skipped)
        .collect();
    // Eleven parties (Radikale's `4.0`, a point for the comma, is no
    // Danish figure) and the total's own 100,0.
    assert_eq!(shares.len(), 12, "{shares:#?}");
    let f = findings(&c);
    assert_eq!(
        f.iter()
            .map(|x| (x.0.as_str(), x.1.as_str()))
            .collect::<Vec<_>>(),
        [
            ("O. Dansk Folkeparti", "% stemmer"),
            ("Å. Alternativet", "% mandater")
        ]
    );
    let votes = at(&c, "I alt", "Stemmer");
    assert_eq!(votes.len(), 1);
    assert_eq!(votes[0].verdict, Verdict::Exact);
    assert!(
        votes[0].relation.contains("sum of 15 rows"),
        "{}",
        votes[0].relation
    );
}

/// Den Store Danske's EP election 2024 (heldout18): `15*` and `+1*` add
/// up; the `%` column, shares of a sum the table does not print, is still
/// no share of the seats (a bare `Pladser` is a count): no error.
#[test]
fn marked_seat_totals_that_add_up_are_judged_and_give_no_false_error() {
    let c = checks_of_tsv(&data_tsv("heldout18", EP));
    assert_eq!(errors(&c), Vec::<String>::new());
    assert_eq!(
        at(&c, "I alt mandater", "Pladser")[0].verdict,
        Verdict::Exact
    );
    assert!(at(&c, "I alt mandater", "Ændring")
        .iter()
        .any(|k| k.verdict == Verdict::Exact));
    assert_eq!(at(&c, "I alt", "Stemmer")[0].verdict, Verdict::Exact);
}

fn seats_table(seats: &[i64], printed: i64) -> String {
    let total: i64 = seats.iter().sum();
    let mut t = String::from("Parti\tMandater\t% mandater\n");
    for (k, s) in seats.iter().enumerate() {
        // Per cents rounded half away from zero to one decimal.
        let tenths = (s * 1000 * 2 + total) / (2 * total);
        t.push_str(&format!(
            "Parti {k}\t{s}\t{},{}\n",
            tenths / 10,
            tenths % 10
        ));
    }
    t.push_str(&format!("I alt mandater\t{printed}*\t100,0\n"));
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A marked total that its rows add up to is read and every share of
    /// it judged, none an error; one they do not add up to is never an
    /// error on any row (said as not read).
    #[test]
    fn a_marked_total_is_read_only_where_it_adds_up(
        seats in proptest::collection::vec(1i64..60, 3..10),
        off in prop_oneof![Just(0i64), 1i64..20, -20i64..-1],
    ) {
        let total: i64 = seats.iter().sum();
        prop_assume!(total + off > 0);
        let doc = seats_table(&seats, total + off);
        let c = checks_of_tsv(&doc);
        prop_assert_eq!(errors(&c), Vec::<String>::new(), "{}", doc);
        let shares = c
            .iter()
            .filter(|k| k.relation.contains("[% mandater]") && k.verdict != Verdict::Skipped)
            .count();
        if off == 0 {
            prop_assert!(shares >= seats.len(), "{}\n{:#?}", doc, c);
            let total_row = at(&c, "I alt mandater", "Mandater");
            prop_assert_eq!(total_row.len(), 1);
            prop_assert_eq!(total_row[0].verdict, Verdict::Exact);
        } else {
            // Said, never passed over.
            prop_assert!(
                c.iter().any(|k| k.row.as_deref() == Some("I alt mandater") && k.verdict == Verdict::Skipped),
                "{}\n{:#?}", doc, c
            );
        }
    }
}
