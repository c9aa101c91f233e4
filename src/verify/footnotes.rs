//! A footnote marker after a row's label (`Udgifter i alt 2)`, `I alt*`,
//! `Saldo¹`), as official tables print them, is no part of its words: with
//! it, `Udgifter i alt 2)` was no total by its label, only a total word
//! inside one, and a wrong `Udgifter i alt 2)` (Økonomisk Redegørelse's
//! B.25 with a row left out) had no line at all: a silent pass.

/// The label without a trailing footnote marker: ` 2)`, ` 12)`, `*`, `**`,
/// superscript digits. A bracketed qualifier (`Alle (18-65 år)`, `I alt
/// (I - III)`) and a formula (`BNP (3+4-5)`) have their opening bracket
/// and stay.
pub fn strip(label: &str) -> &str {
    let t = label.trim_end();
    let t = t.trim_end_matches(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰']);
    let t = t.trim_end_matches('*').trim_end();
    if let Some(head) = t.strip_suffix(')') {
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let before = &head[..head.len() - digits];
        if (1..=2).contains(&digits) && before.ends_with(' ') && !before.trim_end().is_empty() {
            return before.trim_end();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn footnote_markers_go() {
        assert_eq!(strip("Udgifter i alt 2)"), "Udgifter i alt");
        assert_eq!(strip("Indtægter i alt 12)"), "Indtægter i alt");
        assert_eq!(strip("I alt*"), "I alt");
        assert_eq!(strip("I alt **"), "I alt");
        assert_eq!(strip("Saldo¹"), "Saldo");
    }

    #[test]
    fn brackets_and_numbers_stay() {
        for l in [
            "Alle (18-65 år)",
            "I alt (I - III)",
            "BNP (3+4 -5)",
            "Konto 6",
            "2)",
            "I alt konto 5",
            "Afdeling 2",
        ] {
            assert_eq!(strip(l), l);
        }
    }
}
