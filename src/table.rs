//! One table model for every output, and the one place where figures are
//! rounded for display.
//!
//! A [`Table`] holds exact values: amounts in kroner, shares in percent. The
//! renderers never see those; they get a [`DisplayTable`] made by
//! [`Table::display`], which converts to the display unit and rounds half away
//! from zero exactly once. Every format (text, Markdown, CSV, JSON, xlsx) prints
//! the same `shown` figures.

use crate::money::{round_half_away, Decimal, Exact, Overflow, Unit};
use crate::numfmt::{format_number, format_percent, NumberStyle};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// Amounts (a year, `Realiserede besparelser 2026`, `Anlægsbevillinger`).
    Amount,
    /// Shares in percent of the table's total (`Andel`).
    Share,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub label: String,
    pub kind: ColumnKind,
}

/// What a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A heading without figures (`Konto 6 (service)`).
    Section,
    /// An ordinary row.
    Item,
    /// A total (`I alt konto 6`): the plain sum of the item rows since the
    /// previous section or total row.
    Total,
    /// A figure computed from rows above that is not their sum (a buffer, a
    /// remaining gap after opsparing); renderers show it like an item.
    Derived,
}

/// An exact cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// An amount in kroner.
    Amount(Decimal),
    /// A share in percent (57,377... for 3,5 of 6,1).
    Share(Decimal),
    /// A figure that depends on something unknown. Shown as `-`.
    Unknown,
    /// Nothing / not applicable. Also shown as `-`, but not the same thing.
    NotApplicable,
    /// No cell (section rows).
    Blank,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn section(label: impl Into<String>, width: usize) -> Row {
        Row {
            label: label.into(),
            kind: RowKind::Section,
            cells: vec![Cell::Blank; width],
        }
    }
}

/// A table of exact figures, as the report builds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Stable machine name (`konto6-service`, `andele-center-2026`).
    pub id: String,
    /// Caption shown above the table.
    pub title: String,
    /// Label of the stub column, shown with the unit (`Bevillingsansøgninger
    /// (mio. kr.)`); `None` shows the unit alone (`Mio. kr.`).
    pub stub: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Lines shown under the table (a buffer explained, a move that nets to zero).
    pub notes: Vec<String>,
}

/// Language of labels and number style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn number_style(self) -> NumberStyle {
        match self {
            Lang::Da => NumberStyle::DANISH,
            Lang::En => NumberStyle::ENGLISH,
        }
    }

    /// Picks the Danish or the English text.
    pub fn pick<'a>(self, da: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    /// A unit inside a sentence or a parenthesis (`mio. kr.` / `DKK million`).
    pub fn unit_name(self, unit: Unit) -> &'static str {
        match self {
            Lang::Da => unit.name(),
            Lang::En => self.unit_header(unit),
        }
    }

    /// Stub-column header for a unit (`Mio. kr.` / `DKK million`).
    pub fn unit_header(self, unit: Unit) -> &'static str {
        match self {
            Lang::Da => unit.header(),
            Lang::En => match unit {
                Unit::Kr => "DKK",
                Unit::TKr => "DKK 1,000",
                Unit::Mio => "DKK million",
            },
        }
    }
}

/// How shares are rounded for display.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ShareMethod {
    /// Each share rounded on its own; the I alt row shows the true 100,0 (as
    /// the published tables do), so the printed shares may add to 100,1.
    #[default]
    Independent,
    /// Largest remainder: the printed shares of a block add up to exactly the
    /// printed total, each within one last unit of its exact value.
    LargestRemainder,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DisplayOptions {
    pub unit: Unit,
    /// Decimals of amounts.
    pub decimals: u32,
    /// Decimals of shares.
    pub share_decimals: u32,
    pub lang: Lang,
    pub shares: ShareMethod,
}

impl Default for DisplayOptions {
    fn default() -> Self {
        DisplayOptions {
            unit: Unit::Mio,
            decimals: 1,
            share_decimals: 1,
            lang: Lang::Da,
            shares: ShareMethod::Independent,
        }
    }
}

/// A cell ready to print: exact value in the display unit and the rounded
/// figure that every format shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayCell {
    Amount {
        /// Exact amount in kroner.
        kroner: Decimal,
        /// Exact amount in the display unit.
        exact: Decimal,
        /// Rounded to the display decimals, half away from zero.
        shown: Decimal,
    },
    Share {
        /// Exact share in percent.
        exact: Decimal,
        /// Rounded (or allocated by largest remainder).
        shown: Decimal,
    },
    Unknown,
    NotApplicable,
    Blank,
}

impl DisplayCell {
    /// The printed figure, if there is one.
    pub fn shown(&self) -> Option<Decimal> {
        match *self {
            DisplayCell::Amount { shown, .. } | DisplayCell::Share { shown, .. } => Some(shown),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayRow {
    pub label: String,
    pub kind: RowKind,
    pub cells: Vec<DisplayCell>,
}

/// A table rounded for display. All renderers work from this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayTable {
    pub id: String,
    pub title: String,
    /// Header of the label column (`Mio. kr.`).
    pub stub_header: String,
    pub columns: Vec<Column>,
    pub rows: Vec<DisplayRow>,
    pub notes: Vec<String>,
    pub options: DisplayOptions,
}

impl DisplayTable {
    /// The cell as text in `style`: `-6,1`, `57,4%`, `-` for unknown or not
    /// applicable, empty for blank.
    pub fn cell_text(&self, cell: &DisplayCell, style: NumberStyle) -> String {
        match *cell {
            DisplayCell::Amount { shown, .. } => format_number(shown, self.options.decimals, style),
            DisplayCell::Share { shown, .. } => {
                format_percent(shown, self.options.share_decimals, style)
            }
            DisplayCell::Unknown | DisplayCell::NotApplicable => "-".to_string(),
            DisplayCell::Blank => String::new(),
        }
    }

    /// Header row: stub header, then the column labels.
    pub fn header(&self) -> Vec<String> {
        std::iter::once(self.stub_header.clone())
            .chain(self.columns.iter().map(|c| c.label.clone()))
            .collect()
    }

    /// Every row as text cells (label first), in the language's number style.
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        let style = self.options.lang.number_style();
        self.rows
            .iter()
            .map(|r| {
                std::iter::once(r.label.clone())
                    .chain(r.cells.iter().map(|c| self.cell_text(c, style)))
                    .collect()
            })
            .collect()
    }
}

impl Table {
    /// Converts to the display unit and rounds, once, half away from zero.
    pub fn display(&self, options: &DisplayOptions) -> Result<DisplayTable, Overflow> {
        let mut rows = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let mut cells = Vec::with_capacity(row.cells.len());
            for cell in &row.cells {
                cells.push(match *cell {
                    Cell::Amount(kroner) => {
                        let exact = options.unit.from_kroner(kroner)?;
                        DisplayCell::Amount {
                            kroner,
                            exact,
                            shown: round_half_away(exact, options.decimals),
                        }
                    }
                    Cell::Share(exact) => DisplayCell::Share {
                        exact,
                        shown: round_half_away(exact, options.share_decimals),
                    },
                    Cell::Unknown => DisplayCell::Unknown,
                    Cell::NotApplicable => DisplayCell::NotApplicable,
                    Cell::Blank => DisplayCell::Blank,
                });
            }
            rows.push(DisplayRow {
                label: row.label.clone(),
                kind: row.kind,
                cells,
            });
        }
        if options.shares == ShareMethod::LargestRemainder {
            for (col, column) in self.columns.iter().enumerate() {
                if column.kind == ColumnKind::Share {
                    allocate_share_column(&mut rows, col, options.share_decimals);
                }
            }
        }
        Ok(DisplayTable {
            id: self.id.clone(),
            title: self.title.clone(),
            stub_header: match &self.stub {
                Some(stub) => format!("{stub} ({})", options.lang.unit_name(options.unit)),
                None => options.lang.unit_header(options.unit).to_string(),
            },
            columns: self.columns.clone(),
            rows,
            notes: self.notes.clone(),
            options: *options,
        })
    }
}

/// What a report row is to the rule of which rows a total covers.
pub fn total_role(kind: RowKind) -> crate::totals::Role {
    use crate::totals::Role;
    match kind {
        RowKind::Section => Role::Section,
        RowKind::Item | RowKind::Derived => Role::Item,
        RowKind::Total => Role::Total,
    }
}

/// The rows above total row `total` that it adds up (by the one rule of
/// [`crate::totals`]); empty when it is not such a total.
pub fn rows_above_total(kinds: &[RowKind], total: usize) -> Vec<usize> {
    let roles: Vec<_> = kinds.iter().map(|&k| total_role(k)).collect();
    crate::totals::covers(&roles)
        .into_iter()
        .find(|c| c.total == total && c.how == crate::totals::Covers::Above)
        .map(|c| c.rows)
        .unwrap_or_default()
}

/// The total row that adds up row `r` (by the one rule of
/// [`crate::totals`]): `r` itself when it is a total, else the total its block
/// ends with. `None` for a row no total adds up.
pub fn total_of(kinds: &[RowKind], r: usize) -> Option<usize> {
    if kinds.get(r) == Some(&RowKind::Total) {
        return Some(r);
    }
    let roles: Vec<_> = kinds.iter().map(|&k| total_role(k)).collect();
    crate::totals::covers(&roles)
        .into_iter()
        .find(|c| c.how == crate::totals::Covers::Above && c.rows.contains(&r))
        .map(|c| c.total)
}

/// Re-rounds each block of item shares (the rows a total adds up, by the one
/// rule of [`crate::totals`]) so that they add up to exactly the total's
/// printed share.
///
/// Indexing: covers hold indices into `rows`, and a row index enters `block`
/// only after `cells.get(col)` was seen to be a share, so `rows[r].cells[col]`
/// exists.
fn allocate_share_column(rows: &mut [DisplayRow], col: usize, decimals: u32) {
    let roles: Vec<_> = rows.iter().map(|r| total_role(r.kind)).collect();
    for cover in crate::totals::covers(&roles) {
        if cover.how != crate::totals::Covers::Above {
            continue;
        }
        let Some(DisplayCell::Share { shown: target, .. }) = rows
            .get(cover.total)
            .and_then(|r| r.cells.get(col))
            .copied()
        else {
            continue;
        };
        let block: Vec<usize> = cover
            .rows
            .into_iter()
            .filter(|&r| matches!(rows[r].cells.get(col), Some(DisplayCell::Share { .. })))
            .collect();
        let exact: Vec<Decimal> = block
            .iter()
            .filter_map(|&r| match rows[r].cells[col] {
                DisplayCell::Share { exact, .. } => Some(exact),
                _ => None,
            })
            .collect();
        if let Some(shown) = largest_remainder(&exact, target, decimals) {
            for (&r, s) in block.iter().zip(shown) {
                if let DisplayCell::Share { shown, .. } = &mut rows[r].cells[col] {
                    *shown = s;
                }
            }
        }
    }
}

/// Largest-remainder rounding: values rounded to `decimals` whose sum is
/// exactly `target`, each within one unit of the last decimal of its exact
/// value. `None` when no such rounding exists (the exact values are too far
/// from the target, or the list is empty).
pub fn largest_remainder(
    exact: &[Decimal],
    target: Decimal,
    decimals: u32,
) -> Option<Vec<Decimal>> {
    if exact.is_empty() {
        return None;
    }
    let unit = Decimal::new(1, decimals);
    let floors: Vec<Decimal> = exact
        .iter()
        .map(|v| {
            v.round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::ToNegativeInfinity)
        })
        .collect();
    let floor_sum = floors
        .iter()
        .try_fold(Decimal::ZERO, |a, b| a.exact_add(*b))?;
    let missing = target.exact_sub(floor_sum)?.checked_div(unit)?;
    if missing.is_sign_negative()
        || missing.fract() != Decimal::ZERO
        || missing >= Decimal::from(exact.len()) + Decimal::ONE
    {
        return None;
    }
    let missing: usize = missing.to_string().parse().ok()?;
    if missing > exact.len() {
        return None;
    }
    let mut order: Vec<usize> = (0..exact.len()).collect();
    // Largest remainder first; ties by position so the result is deterministic.
    order.sort_by(|&a, &b| {
        (exact[b] - floors[b])
            .cmp(&(exact[a] - floors[a]))
            .then(a.cmp(&b))
    });
    let mut out = floors;
    // `order` is a permutation of `0..exact.len()`, the length of `out`.
    for &i in order.iter().take(missing) {
        out[i] += unit;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn largest_remainder_on_the_three_centers() {
        // 1,4 / 4,2 / 0,5 of 6,1
        let exact: Vec<Decimal> = ["1.4", "4.2", "0.5"]
            .iter()
            .map(|v| d(v) / d("6.1") * d("100"))
            .collect();
        let independent: Vec<Decimal> = exact.iter().map(|v| round_half_away(*v, 1)).collect();
        assert_eq!(independent, vec![d("23.0"), d("68.9"), d("8.2")]);
        let lr = largest_remainder(&exact, d("100.0"), 1).unwrap();
        assert_eq!(lr.iter().copied().sum::<Decimal>(), d("100.0"));
        // 22,95 has remainder ,05; 68,85 ,05; 8,196 ,096: 8,2 gets the unit first.
        assert_eq!(lr, vec![d("22.9"), d("68.9"), d("8.2")]);
    }

    #[test]
    fn largest_remainder_refuses_impossible_targets() {
        assert_eq!(largest_remainder(&[d("10"), d("20")], d("100"), 1), None);
        assert_eq!(largest_remainder(&[], d("100"), 1), None);
    }
}
