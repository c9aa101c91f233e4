//! The one rule for which rows a total covers, used wherever a total is made
//! or checked: the share allocation of [`crate::table`], the `SUM` formulas
//! of the xlsx renderer, and `verify`'s relations.
//!
//! A total covers the item rows of its block when it ends the block (the
//! items since the previous section or total); the item rows after it when it
//! opens a block (`I alt` first, items below); the subtotals above it when it
//! is a grand total with no rows of its own. `Heraf` rows (a part of the row
//! above) are never added and never end a block.

/// What a row is, as far as totals are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A heading: ends a block.
    Section,
    /// A row that a total adds up.
    Item,
    Total,
    /// A part of the row above (`Heraf ...`): not added, not a boundary.
    Part,
}

/// How a total covers its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Covers {
    /// The item rows above it, back to the previous section or total.
    Above,
    /// The item rows below it, up to the next section or total.
    Below,
    /// The totals of the blocks above it (a grand total).
    Subtotals,
}

/// The rows one total covers (indices into the rows given to [`covers`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cover {
    pub total: usize,
    pub rows: Vec<usize>,
    pub how: Covers,
}

/// Which rows each total covers, in the order the totals close; totals that
/// cover nothing are left out.
pub fn covers(roles: &[Role]) -> Vec<Cover> {
    let mut out = Vec::new();
    let mut block: Vec<usize> = Vec::new();
    let mut subtotals: Vec<usize> = Vec::new();
    let mut first: Option<(usize, Vec<usize>)> = None;
    let next_role = |i: usize| {
        roles
            .get(i + 1..)
            .unwrap_or_default()
            .iter()
            .copied()
            .find(|k| *k != Role::Part)
    };
    let close_first = |first: &mut Option<(usize, Vec<usize>)>,
                       subtotals: &mut Vec<usize>,
                       out: &mut Vec<Cover>| {
        if let Some((total, rows)) = first.take() {
            subtotals.push(total);
            out.push(Cover {
                total,
                rows,
                how: Covers::Below,
            });
        }
    };
    for (i, role) in roles.iter().enumerate() {
        match role {
            Role::Part => {}
            Role::Section => {
                close_first(&mut first, &mut subtotals, &mut out);
                block.clear();
            }
            Role::Item => match &mut first {
                Some((_, rows)) => rows.push(i),
                None => block.push(i),
            },
            Role::Total => {
                close_first(&mut first, &mut subtotals, &mut out);
                if !block.is_empty() {
                    out.push(Cover {
                        total: i,
                        rows: std::mem::take(&mut block),
                        how: Covers::Above,
                    });
                    subtotals.push(i);
                } else if next_role(i) == Some(Role::Item) {
                    first = Some((i, Vec::new()));
                } else if subtotals.len() >= 2 {
                    out.push(Cover {
                        total: i,
                        rows: std::mem::take(&mut subtotals),
                        how: Covers::Subtotals,
                    });
                }
            }
        }
    }
    if let Some((total, rows)) = first.take() {
        out.push(Cover {
            total,
            rows,
            how: Covers::Below,
        });
    }
    out.retain(|c| !c.rows.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::Role::{Item, Part, Section, Total};
    use super::*;
    use proptest::prelude::*;

    fn rows(roles: &[Role]) -> Vec<(usize, Vec<usize>, Covers)> {
        covers(roles)
            .into_iter()
            .map(|c| (c.total, c.rows, c.how))
            .collect()
    }

    #[test]
    fn a_total_covers_its_block_the_rows_below_or_the_subtotals() {
        assert_eq!(
            rows(&[Item, Item, Total]),
            vec![(2, vec![0, 1], Covers::Above)]
        );
        assert_eq!(
            rows(&[Total, Item, Item]),
            vec![(0, vec![1, 2], Covers::Below)]
        );
        assert_eq!(
            rows(&[Section, Item, Total, Section, Item, Item, Total, Total]),
            vec![
                (2, vec![1], Covers::Above),
                (6, vec![4, 5], Covers::Above),
                (7, vec![2, 6], Covers::Subtotals)
            ]
        );
        // A Heraf row is neither added nor a boundary.
        assert_eq!(
            rows(&[Item, Part, Item, Total]),
            vec![(3, vec![0, 2], Covers::Above)]
        );
        // A section ends a block: the total after it covers nothing.
        assert_eq!(rows(&[Item, Section, Total]), vec![]);
        // One subtotal is no grand total.
        assert_eq!(
            rows(&[Item, Total, Total]),
            vec![(1, vec![0], Covers::Above)]
        );
    }

    fn role() -> impl Strategy<Value = Role> {
        prop_oneof![Just(Section), Just(Item), Just(Total), Just(Part)]
    }

    proptest! {
        /// A total that ends its block covers exactly the items since the
        /// previous section or total (the rule the report builds totals by);
        /// no row is covered twice by block totals; covered rows are items,
        /// or totals for a grand total.
        #[test]
        fn covers_agree_with_the_block_rule(roles in proptest::collection::vec(role(), 0..40)) {
            let mut seen = std::collections::HashSet::new();
            for c in covers(&roles) {
                prop_assert_eq!(roles[c.total], Total);
                prop_assert!(!c.rows.is_empty());
                match c.how {
                    Covers::Above => {
                        let start = roles[..c.total]
                            .iter()
                            .rposition(|r| matches!(r, Section | Total))
                            .map_or(0, |i| i + 1);
                        let items: Vec<usize> =
                            (start..c.total).filter(|&i| roles[i] == Item).collect();
                        prop_assert_eq!(&c.rows, &items);
                    }
                    Covers::Below => prop_assert!(c.rows.iter().all(|&i| i > c.total && roles[i] == Item)),
                    Covers::Subtotals => prop_assert!(c.rows.iter().all(|&i| i < c.total && roles[i] == Total)),
                }
                if c.how != Covers::Subtotals {
                    for r in c.rows {
                        prop_assert!(seen.insert(r), "row {} covered twice", r);
                    }
                }
            }
        }
    }
}
