//! A total whose label says it is netted against another total: `Udgifter i
//! alt (sammenholdt med indtægter)` under the expenses, with `Indtægter i
//! alt` above them (Ishøj's joint fire service: budget 0, accounts −540 and
//! 530). The row is the difference of the block's rows and the total its
//! label names, in the direction the figures show: the label names both
//! operands, not the sign, so where neither direction holds anywhere the
//! row is said, never an error.
//!
//! Cheap: one byte search per label for `sammenholdt med`.

use super::engine::{has_figs, push, State};
use super::establish::{pick_labelled, row_sum, Instance, Kind};
use super::grid::{total_label, Grid, Role};

/// `udgifter i alt (sammenholdt med indtægter)` -> `indtægter`.
fn netted_with(label: &str) -> Option<String> {
    if !label.contains("sammenholdt med") {
        return None;
    }
    let l = label.to_lowercase();
    let (head, rest) = l.split_once("(sammenholdt med ")?;
    let other = rest.strip_suffix(')')?.trim();
    (total_label(head.trim()) == Some(true) && !other.is_empty() && !other.contains(' '))
        .then(|| other.to_string())
}

/// Whether a label nets its block against a total ([`netted_with`]), asked
/// once per row when the grid is read (`LabelCues::netted`).
pub(super) fn nets(label: &str) -> bool {
    netted_with(label).is_some()
}

pub(super) fn find(g: &Grid, s: &mut State) {
    for t in 0..g.rows.len() {
        if !g.rows[t].cues.netted {
            continue;
        }
        let Some(other) = netted_with(&g.rows[t].label) else {
            continue;
        };
        if s.explained[t] || !has_figs(g, t) {
            continue;
        }
        // The block: the rows since the last row without figures.
        let start = (0..t).rev().find(|&i| !has_figs(g, i)).map_or(0, |i| i + 1);
        let parts: Vec<usize> = (start..t)
            .filter(|&i| {
                !matches!(g.rows[i].role, Role::Section | Role::HerafMarker)
                    && s.parent[i].is_none()
                    && g.rows[i].total_word.is_none()
            })
            .collect();
        // The total it names, above the block.
        let named = (0..start).rev().find(|&i| {
            has_figs(g, i)
                && g.rows[i].total_word == Some(true)
                && g.rows[i].label.to_lowercase().starts_with(other.as_str())
        });
        let (Some(named), false) = (named, parts.is_empty()) else {
            s.out.push(Instance {
                kind: Kind::Difference,
                name: format!("{}: netted total", g.rows[t].label).into(),
                at: (t, 0),
                what: Err(format!(
                    "not understood: the label nets the block against {other:?}, and no such \
                     total stands above it"
                )),
            });
            s.explained[t] = true;
            continue;
        };
        let terms = |negate_parts: bool| -> Vec<(bool, usize)> {
            std::iter::once((!negate_parts, named))
                .chain(parts.iter().map(|&p| (negate_parts, p)))
                .collect()
        };
        let what = |first: &str| format!("{first} − {} rows", parts.len());
        let cands = vec![
            row_sum(
                g,
                t,
                &terms(true),
                Kind::Difference,
                what(&g.rows[named].label),
            ),
            row_sum(
                g,
                t,
                &terms(false),
                Kind::Difference,
                format!("{} rows − {}", parts.len(), g.rows[named].label),
            ),
        ];
        s.explained[t] = true;
        match pick_labelled(g, cands, false) {
            Ok(cand) => push(s, cand),
            Err(why) => s.out.push(Instance {
                kind: Kind::Difference,
                name: format!("{}: netted total", g.rows[t].label).into(),
                at: (t, 0),
                what: Err(format!("not understood: {why}")),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_net_a_total_against_another() {
        assert_eq!(
            netted_with("Udgifter i alt (sammenholdt med indtægter)").as_deref(),
            Some("indtægter")
        );
        assert_eq!(netted_with("Udgifter i alt"), None);
        assert_eq!(netted_with("Noget (sammenholdt med indtægter)"), None);
    }
}
