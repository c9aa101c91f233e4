//! The budget an afvigelse is taken from, for the `%` column beside it. An
//! afvigelse is forventet − korrigeret budget, and some municipalities print
//! it the other way round (korrigeret − forventet): then the subtracted
//! column is the forecast, and the `%` column was read as the afvigelse in
//! per cent of the first column that fitted (`Oprindeligt budget`), not of
//! the budget it was computed from; a wrong `%` figure was then said to
//! "should read" a per cent of the wrong budget.

use super::grid::Grid;

/// Of the two operands of a change column (`(negated, (row, column))`), the
/// one that is the budget: the column whose header names a budget when only
/// one does, else the subtracted one.
pub fn base(g: &Grid, terms: &[(bool, (usize, usize))]) -> Option<usize> {
    let [(_, (_, a)), (_, (_, b))] = terms else {
        return terms.get(1).map(|t| t.1 .1);
    };
    let budget = |c: &usize| {
        g.cols
            .get(*c)
            .is_some_and(|col| col.header.to_lowercase().contains("budget"))
    };
    match (budget(a), budget(b)) {
        (true, false) => Some(*a),
        _ => Some(*b),
    }
}
