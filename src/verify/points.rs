//! A change in percentage points (`Ændring i pct.-point`, `Ændring,
//! procentpoint`, `Udvikling i %-point`) is the later rate minus the
//! earlier, not a percentage change: 3,1% to 3,3% is 0,2 points, not 6,5%.
//! Its header has a per-cent word, so it was read as a percentage change:
//! an error on every row of a correct table.

/// Whether a header names percentage points.
pub fn in_points(header: &str) -> bool {
    let h: String = header
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect();
    [
        "procentpoint",
        "pctpoint",
        "%point",
        "procentenhed",
        "pctenhed",
        "%enhed",
    ]
    .iter()
    .any(|w| h.contains(w))
}

#[cfg(test)]
mod tests {
    use super::in_points;

    #[test]
    fn points_and_per_cents() {
        for h in [
            "Ændring i pct.-point",
            "Ændring, procentpoint",
            "Udvikling i %-point",
            "Ændring (pct. point)",
            "Ændring i procentenheder",
        ] {
            assert!(in_points(h), "{h}");
        }
        for h in [
            "Ændring i pct.",
            "Ændring i %",
            "Realvækst i pct.",
            "Afvigelse",
            "Pct.",
        ] {
            assert!(!in_points(h), "{h}");
        }
    }
}
