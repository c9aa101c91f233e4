//! Account specifications: rows labelled by an account or grouping code
//! (`569200 NYT SYSTEM`, `001 Højeste og mellemste førtidspension …`,
//! `71 Sygedagpenge`) with each account's amount printed ABOVE its
//! groupings and no total word anywhere (Silkeborg Kommune's detailed
//! budget 2013, heldout5). A careful reader reads the amount on a coded line
//! as the total of the coded lines directly under it, as far as they add up
//! to it; the codes do not say how far (a grouping `001` and its
//! sub-groupings `200`, `210` have codes of the same length), the figures
//! do.
//!
//! Found by the figures alone, innermost first (from the bottom up): a
//! block is a run of the coded rows right under the line, rows already
//! found to be parts of an inner block skipped, that adds up in every
//! column where the line and its run have figures and holds in at least
//! one, unlikely by chance; of the runs that do, the one that holds in the
//! most columns, then the shortest. A one-line block (an account with one
//! grouping, printed with the same figures) only in a table where a block
//! of two or more parts was found. Only runs that hold are taken, so the
//! reading is never an error of its own; a line no run fits is left to the
//! other readings (as any structure the figures alone establish). Blocks
//! nest: a run skips the lines of inner blocks and ends at a line that is a
//! part of a block begun above it; a line that is itself a part is never
//! read as the total of one line that is an account of its own.
//!
//! One misprinted account total: a line whose run adds up in every column
//! but one, where the run's sum X differs from it, while the line above it
//! adds up over its own run exactly when this line reads X: two relations
//! of the specification agree that the line should read X, so both are
//! taken and judged, and the failure is that line's (one mistake, one
//! finding: [`super::attribute`] names it). Exact sums only, the lines of
//! both blocks in rising code order (as accounts are listed), and only
//! where every reading the figures allow agrees on X.

use rust_decimal::Decimal;

use super::engine::{has_figs, push, State, BLOCK};
use super::establish::{row_sum, sum_name, summable, tally, Candidate, Kind, QuickSum};
use super::figure::Cell;
use super::grid::{Grid, Role};
use crate::money::Exact;

/// The code a label starts with: two or more digits, a space, then a
/// word (`569200 NYT SYSTEM`, `001 Højeste …`, `71 Sygedagpenge`). A year
/// (`2025 Budget`) is no code.
pub(super) fn code(label: &str) -> Option<&str> {
    let t = crate::document::trim_start_text(label);
    let end = t
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_digit())
        .map(|(i, _)| i)?;
    let (digits, rest) = t.split_at(end);
    let word = rest
        .strip_prefix(' ')?
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_alphabetic);
    let year = digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    (digits.len() >= 2 && word && !year).then_some(digits)
}

/// A specification by codes: at least four rows with figures are coded,
/// and two thirds of all rows with figures are.
fn coded_table(g: &Grid) -> bool {
    // Most tables have no coded row: then nothing is counted.
    if !g.rows.iter().any(|r| r.cues.coded) {
        return false;
    }
    let with_figs = (0..g.rows.len()).filter(|&r| has_figs(g, r)).count();
    let coded = (0..g.rows.len())
        .filter(|&r| has_figs(g, r) && g.rows[r].cues.coded)
        .count();
    coded >= 4 && coded * 3 >= with_figs * 2
}

/// At most this chance, times the runs tried, that a run adds up to the
/// line by accident: the codes are a cue, as a total word that the figures
/// must confirm is (`establish::pick_figures` with a cue).
fn limit() -> Decimal {
    Decimal::new(5, 2)
}

pub(super) fn find(g: &Grid, s: &mut State) {
    if !coded_table(g) {
        return;
    }
    let mut found_multi = false;
    for one_line in [false, true] {
        if one_line && !found_multi {
            return;
        }
        for r in (0..g.rows.len()).rev() {
            if let Some(parts) = block(g, s, r, one_line) {
                found_multi |= parts.len() >= 2;
            }
        }
    }
    if found_multi {
        misprinted(g, s);
    }
}

/// Line `r` may be read as a block's total.
fn candidate_line(g: &Grid, s: &State, r: usize) -> bool {
    code(&g.rows[r].label).is_some()
        && has_figs(g, r)
        && !s.explained[r]
        && matches!(g.rows[r].role, Role::Item | Role::Total { strong: false })
}

/// The coded rows right under `r`, parts of inner blocks (and the rows
/// `inner`, a block about to be taken) skipped, up to a part of a block
/// begun above `r`.
fn run_of(g: &Grid, s: &State, r: usize, inner: &[usize]) -> Vec<usize> {
    let mut run = Vec::new();
    for i in r + 1..g.rows.len() {
        if run.len() >= BLOCK {
            break;
        }
        if inner.contains(&i) {
            continue;
        }
        match s.parent[i] {
            Some(p) if p > r => continue,
            Some(_) => break,
            None => {}
        }
        let next = &g.rows[i];
        if code(&next.label).is_none()
            || !has_figs(g, i)
            || !matches!(next.role, Role::Item | Role::Total { strong: false })
        {
            break;
        }
        run.push(i);
    }
    run
}

/// A figure's printed value, if the cell holds one.
fn value(g: &Grid, r: usize, c: usize) -> Option<Decimal> {
    match g.rows[r].cells.get(c) {
        Some(Cell::Fig(f)) => Some(f.value),
        _ => None,
    }
}

/// The exact sum of rows' figures in column `c` (blank cells add nothing),
/// with row `r` read as `x` in column `k` (`swap`: (r, k, x)); `None` when
/// no row has a figure there.
fn sum_in(
    g: &Grid,
    rows: &[usize],
    c: usize,
    swap: Option<(usize, usize, Decimal)>,
) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    let mut any = false;
    for &i in rows {
        let v = match swap {
            Some((r, k, x)) if r == i && k == c => Some(x),
            _ => value(g, i, c),
        };
        if let Some(v) = v {
            sum = sum.exact_add(v)?;
            any = true;
        }
    }
    any.then_some(sum)
}

/// Whether `total` = the rows' sum exactly in every column where the total
/// has a figure (row `swap` read as its value), save column `skip`.
fn holds_exactly(
    g: &Grid,
    total: usize,
    rows: &[usize],
    swap: Option<(usize, usize, Decimal)>,
    skip: Option<usize>,
) -> bool {
    let mut judged = 0;
    for c in 0..g.cols.len() {
        if Some(c) == skip {
            continue;
        }
        let Some(t) = value(g, total, c) else {
            continue;
        };
        match sum_in(g, rows, c, swap) {
            Some(sum) if sum == t => judged += 1,
            _ => return false,
        }
    }
    judged > 0 || skip.is_some()
}

/// Whether the lines' codes rise, as accounts are listed within a level
/// (`200`, `210`, `230`; `001`, `002`, `800`).
fn rising(g: &Grid, rows: &[usize]) -> bool {
    let codes: Vec<u64> = rows
        .iter()
        .filter_map(|&i| code(&g.rows[i].label).and_then(|c| c.parse().ok()))
        .collect();
    codes.len() == rows.len() && codes.windows(2).all(|w| w[0] < w[1])
}

/// One misprinted account total, found by two relations that agree on it
/// (the lines of each block in rising code order); where the figures allow
/// readings that disagree on what it should read, none is taken.
fn misprinted(g: &Grid, s: &mut State) {
    for r in (0..g.rows.len()).rev() {
        if !candidate_line(g, s, r) {
            continue;
        }
        let run = run_of(g, s, r, &[]);
        // A line that is a part of a block is no account over others.
        let Some(q) = (0..r)
            .rev()
            .find(|&q| candidate_line(g, s, q) && s.parent[q].is_none())
        else {
            continue;
        };
        // (x, r's parts, q's parts)
        let mut found: Vec<(Decimal, Vec<usize>, Vec<usize>)> = Vec::new();
        for len in 2..=run.len() {
            let parts = &run[..len];
            if !rising(g, parts) {
                continue;
            }
            for c in 0..g.cols.len() {
                let (Some(printed), Some(x)) = (value(g, r, c), sum_in(g, parts, c, None)) else {
                    continue;
                };
                if printed == x || !holds_exactly(g, r, parts, None, Some(c)) {
                    continue;
                }
                // The line above, over a run that holds r, adding up with r
                // read as x.
                let above = run_of(g, s, q, parts);
                let Some(at) = above.iter().position(|&i| i == r) else {
                    continue;
                };
                for qlen in (at + 1).max(2)..=above.len() {
                    let qparts = &above[..qlen];
                    if rising(g, qparts) && holds_exactly(g, q, qparts, Some((r, c, x)), None) {
                        found.push((x, parts.to_vec(), qparts.to_vec()));
                    }
                }
            }
        }
        let Some((x, parts, qparts)) = found.first().cloned() else {
            continue;
        };
        if found.iter().any(|(y, _, _)| *y != x) {
            continue;
        }
        take(g, s, r, &parts);
        take(g, s, q, &qparts);
    }
}

/// Line `r` as the sum of the coded lines `parts`.
fn coded_sum(g: &Grid, r: usize, parts: &[usize]) -> Candidate {
    let terms: Vec<(bool, usize)> = parts.iter().map(|&i| (false, i)).collect();
    let what = format!("{} (the coded lines under it)", sum_name(parts.len()));
    row_sum(g, r, &terms, Kind::Sum, what)
}

/// Records line `r`'s block `parts` and pushes its relation `cand`.
fn record(s: &mut State, r: usize, parts: &[usize], cand: Candidate) {
    for &p in parts {
        s.parent[p] = Some(r);
        if s.total_of[p].is_none() {
            s.total_of[p] = Some(r);
        }
    }
    s.total_of[r].get_or_insert(r);
    s.explained[r] = true;
    push(s, cand);
}

/// Records a block and pushes its relation.
fn take(g: &Grid, s: &mut State, r: usize, parts: &[usize]) {
    record(s, r, parts, coded_sum(g, r, parts));
}

/// The lines of `run` whose codes extend line `r`'s code one level down
/// (`0311` over `031101`, `031103`, `031105`, `031106`; not `03110510`,
/// which extends `031105`): a chart of accounts printed with its full
/// codes (the Finanslov's budget database) says where each block ends, so
/// the one block its codes give is weighed as the only reading (a single
/// line of 6,5 over one line of 6,5 is then no coincidence among a run's
/// lengths). Taken only where it holds, as every block here; `None` where
/// the codes do not nest or the block does not hold (the figures' search
/// then goes on as for codes that do not nest).
fn nested_block(
    g: &Grid,
    s: &mut State,
    r: usize,
    run: &[usize],
    one_line: bool,
) -> Option<Vec<usize>> {
    let own = code(&g.rows[r].label)?;
    let mut parts: Vec<usize> = Vec::new();
    let mut codes: Vec<&str> = Vec::new();
    for &i in run {
        let Some(c) = code(&g.rows[i].label) else {
            break;
        };
        if c.len() <= own.len() || !c.starts_with(own) {
            break;
        }
        if codes.iter().any(|k| c.starts_with(k)) {
            continue;
        }
        codes.push(c);
        parts.push(i);
    }
    if parts.is_empty() || (parts.len() == 1) != one_line {
        return None;
    }
    let cand = coded_sum(g, r, &parts);
    let (holds, fails, chance) = tally(g, &cand);
    if holds == 0 || fails > 0 || chance > limit() {
        return None;
    }
    record(s, r, &parts, cand);
    Some(parts)
}

/// The block of coded line `r`, taken (parts recorded, relation pushed).
fn block(g: &Grid, s: &mut State, r: usize, one_line: bool) -> Option<Vec<usize>> {
    let row = &g.rows[r];
    // A line may itself be a part of an outer block (`800` of `569200`):
    // its own block is the lines under it.
    if code(&row.label).is_none()
        || !has_figs(g, r)
        || s.explained[r]
        || !matches!(row.role, Role::Item | Role::Total { strong: false })
    {
        return None;
    }
    // The coded rows right under it, parts of inner blocks skipped.
    let run = run_of(g, s, r, &[]);
    // Codes that extend the line's code say which lines are its accounts:
    // that block alone is weighed, as one reading.
    if let Some(taken) = nested_block(g, s, r, &run, one_line) {
        return Some(taken);
    }
    let least = if one_line { 1 } else { 2 };
    let lengths: Vec<usize> = (least..=run.len()).collect();
    let tried = Decimal::from(lengths.len().max(1));
    // (holds, places left unsettled, candidate, parts)
    let mut best: Option<(usize, usize, Candidate, Vec<usize>)> = None;
    // The run's sums in each column, one line longer each length (a quick
    // look: a run found failing is not built and weighed).
    let mut quick: Vec<QuickSum> = (0..g.cols.len())
        .filter(|&c| summable(g, c) && !g.cols[c].running_balance)
        .map(|c| QuickSum::new(g, (r, c)))
        .collect();
    let mut added = 0;
    for len in lengths {
        while added < len {
            let line = run[added];
            for q in &mut quick {
                let c = q.column();
                q.add(g, false, (line, c));
            }
            added += 1;
        }
        // A line that is itself a part (`800` of `569200`) over one line
        // that is an account of its own: two accounts that happen to be
        // equal, not one over the other.
        if len == 1 && s.parent[r].is_some() && s.explained[run[0]] {
            continue;
        }
        // Taken only where it fails nowhere and says something: a run the
        // quick look finds failing, or of zeros and missing figures alone,
        // is not built and weighed (20 000 lines of 20 columns took 12 s).
        if quick.iter().any(|q| q.verdict() == Some(false))
            || quick.iter().all(QuickSum::says_nothing)
        {
            continue;
        }
        let cand = coded_sum(g, r, &run[..len]);
        let (holds, fails, chance) = tally(g, &cand);
        // A chance is a score, not an amount: a product past 28 digits is
        // a certainty either way.
        #[allow(clippy::disallowed_methods)]
        let odds = chance.checked_mul(tried).unwrap_or(Decimal::ONE);
        if holds == 0 || fails > 0 || odds > limit() {
            continue;
        }
        // Places where the line has a figure but the run settles nothing
        // (`571010`'s indtægt with its `090` line left out).
        let open = cand.instances.len().saturating_sub(holds + fails);
        if best.as_ref().is_none_or(|(h, o, _, _)| {
            (holds, std::cmp::Reverse(open)) > (*h, std::cmp::Reverse(*o))
        }) {
            best = Some((holds, open, cand, run[..len].to_vec()));
        }
    }
    let (_, _, cand, parts) = best?;
    record(s, r, &parts, cand);
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_digits_a_space_and_a_word() {
        assert_eq!(code("569200 NYT SYSTEM"), Some("569200"));
        assert_eq!(code("001 Højeste og mellemste førtidspension"), Some("001"));
        assert_eq!(code("71 Sygedagpenge"), Some("71"));
        assert_eq!(code("  835 Før 1.1.2003"), Some("835"));
        assert_eq!(code("2025 Budget"), None);
        assert_eq!(code("1084 Region Hovedstaden"), Some("1084"));
        assert_eq!(code("1. Ishøj:"), None);
        assert_eq!(code("7 Sygedagpenge"), None);
        assert_eq!(code("65 år og derover"), Some("65"));
        assert_eq!(code("200"), None);
        assert_eq!(code("10 20"), None);
        assert_eq!(code("Sygedagpenge 71"), None);
    }
}
