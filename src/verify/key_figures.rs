//! Key figures (nøgletal) whose label names their ratio (issue 9): a
//! `Bruttomargin`, `EBITDA-margin`, `Soliditetsgrad`, `Afkast på investeret
//! kapital`, `Omsætningsvækst` or `Nettoomsætning pr. medarbejder` row is
//! computed from other rows of the same table, often far above it, by a
//! definition the label names. The figures found by `row_relations.rs`
//! need two failing columns to be outweighed by five holding; a label that
//! names the rows is better evidence, so here:
//!
//! - The label names the kind of its operands ([`named`]): a margin divides
//!   the result it names (`Bruttoresultat`, the row marked `(EBITDA)` or
//!   `(EBIT)`) by the revenue (`Nettoomsætning`); `Soliditetsgrad` the
//!   equity by the balance sum (`Balancesum`, `Aktiver i alt`, `Passiver i
//!   alt`); `Likviditetsgrad` the current assets by the current debt;
//!   `Afkastningsgrad` the operating result by the balance sum; `Afkast på
//!   investeret kapital` the operating result by the invested capital;
//!   `Finansiel gearing` the interest-bearing debt by the equity; `X-vækst`
//!   is the per-cent change of the row ending in `X` against the year
//!   before (the neighbouring year column, whichever side it stands on);
//!   `X pr. medarbejder` (`pr. ansat`, `pr. årsværk`, `pr. partner`) is the
//!   row `X` over a row counting them (other `pr.` rows — `pr. måned`,
//!   `pr. m3`, `pr. aktie` — are left alone).
//! - The rows are those whose whole label names that kind (never the key
//!   figure rows themselves, never a per-cent row); where several fit
//!   (`Aktiver i alt` and `Passiver i alt`; a head count at year end and
//!   its average) and per cent or a multiple, the figures choose: the
//!   reading holding in most columns. A rival holding where it fails, or
//!   one as good that disagrees anywhere, leaves it not understood.
//! - Established where it holds in at least two columns, in more columns
//!   than it fails, and the chance of holding by coincidence times the
//!   readings tried is below 1 %: then a failing column is an error (IC
//!   Group's `EBITDA-margin` holds in three years and fails in two). A
//!   reading holding in one column only, failing in none, confirms; one
//!   that holds in one column and fails in another is never an error.
//!   Otherwise the row is reported not understood, with the reason.
//! - A key-figure row no reading explains (its operands not printed:
//!   `Soliditetsgrad` without a balance sum; `Egenkapitalforrentning`,
//!   which divides by an average of two years) is reported not understood
//!   after every other pass has had its say ([`report_unjudged`]): never
//!   silent.
//!
//! Cheap where there is no key figure: a label look-up (remembered, see
//! `memo.rs`) per row, and nothing else.

use super::engine::{has_figs, push, Budget, State};
use super::establish::{tally, Candidate, Expr, Instance, Kind};
use super::figure::Cell;
use super::grid::{ColKind, Grid, Role};
use super::judge::Verdict;
use crate::money::Decimal;

/// The kind of row a key figure's label names as an operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Concept {
    Revenue,
    Gross,
    Ebitda,
    Ebit,
    /// The result before tax (EBT).
    Ebt,
    NetResult,
    Equity,
    Balance,
    CurrentAssets,
    CurrentDebt,
    InvestedCapital,
    InterestDebt,
}

impl Concept {
    fn words(self) -> &'static str {
        match self {
            Concept::Revenue => "the revenue (Nettoomsætning)",
            Concept::Gross => "the gross profit (Bruttoresultat)",
            Concept::Ebitda => "the result before depreciation (EBITDA)",
            Concept::Ebit => "the operating result (EBIT, Resultat af primær drift)",
            Concept::Ebt => "the result before tax (EBT, Resultat før skat)",
            Concept::NetResult => "the year's result (Årets resultat)",
            Concept::Equity => "the equity (Egenkapital)",
            Concept::Balance => "the balance sum (Balancesum, Aktiver i alt)",
            Concept::CurrentAssets => "the current assets (Omsætningsaktiver)",
            Concept::CurrentDebt => "the current debt (Kortfristet gæld)",
            Concept::InvestedCapital => "the invested capital",
            Concept::InterestDebt => "the interest-bearing debt",
        }
    }
}

/// What a key figure's label names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Named {
    /// num / den, in per cent (or as a multiple: the figures choose).
    Ratio { num: Concept, den: Concept },
    /// The per-cent change against the year before of the row whose label
    /// ends with this stem (`omsætning`).
    Growth { stem: String },
    /// The row labelled `of` over a row counting `per` (`medarbejder`).
    PerHead { of: String, per: String },
    /// A key figure whose operands a table of this kind does not print.
    Unjudgeable(&'static str),
}

/// A label without footnote marks and bracketed notes, lower case, single
/// spaces: `Årets resultat*` -> `årets resultat`, `Resultat af primær
/// drift (EBIT)` -> `resultat af primær drift`.
fn base(label: &str) -> String {
    let l = label.to_lowercase();
    let cut = l.find('(').map_or(l.as_str(), |i| &l[..i]);
    let t = cut
        .trim()
        .trim_end_matches(['*', '¹', '²', '³', ':'])
        .trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The label's words, lower case (letters and digits).
fn words(label: &str) -> Vec<String> {
    label
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a row's label names the concept (the whole label, bar notes).
fn names(label: &str, c: Concept) -> bool {
    let b = base(label);
    let b = b.as_str();
    let one_of = |set: &[&str]| set.contains(&b);
    let w = || words(label);
    match c {
        Concept::Revenue => one_of(&[
            "nettoomsætning",
            "omsætning",
            "nettoomsætning i alt",
            "omsætning i alt",
            "indtægter",
            "indtægter i alt",
            "samlede indtægter",
        ]),
        Concept::Gross => one_of(&[
            "bruttoresultat",
            "bruttofortjeneste",
            "bruttoavance",
            "dækningsbidrag",
            "bruttoresultat i alt",
        ]),
        Concept::Ebitda => {
            w().iter().any(|x| x == "ebitda")
                || one_of(&[
                    "resultat før afskrivninger",
                    "resultat af primær drift før afskrivninger",
                    "driftsresultat før afskrivninger",
                    "resultat før af- og nedskrivninger",
                ])
        }
        Concept::Ebit => {
            w().iter().any(|x| x == "ebit")
                || one_of(&[
                    "resultat af primær drift",
                    "primært resultat",
                    "driftsresultat",
                    "resultat før finansielle poster",
                    "resultat af ordinær primær drift",
                ])
        }
        Concept::Ebt => {
            w().iter().any(|x| x == "ebt")
                || one_of(&[
                    "resultat før skat",
                    "koncernresultat før skat",
                    "ordinært resultat før skat",
                    "resultat før skat i alt",
                ])
        }
        Concept::NetResult => one_of(&[
            "årets resultat",
            "resultat efter skat",
            "koncernresultat efter skat",
            "periodens resultat",
            "nettoresultat",
        ]),
        Concept::Equity => b.strip_prefix("egenkapital").is_some_and(|rest| {
            rest.is_empty()
                || rest == " i alt"
                || rest.starts_with(',')
                || rest.starts_with(" inkl")
                || rest == " ultimo"
                || rest == " i alt ultimo"
        }),
        Concept::Balance => one_of(&[
            "balancesum",
            "balance",
            "balance i alt",
            "aktiver i alt",
            "aktiver, i alt",
            "aktiver",
            "passiver i alt",
            "passiver, i alt",
            "passiver",
            "samlede aktiver",
            "samlede passiver",
        ]),
        Concept::CurrentAssets => one_of(&[
            "omsætningsaktiver",
            "omsætningsaktiver i alt",
            "kortfristede aktiver",
            "kortfristede aktiver i alt",
        ]),
        Concept::CurrentDebt => one_of(&[
            "kortfristet gæld",
            "kortfristet gæld i alt",
            "kortfristede gældsforpligtelser",
            "kortfristede gældsforpligtelser i alt",
            "kortfristede forpligtelser",
            "kortfristede forpligtelser i alt",
        ]),
        Concept::InvestedCapital => b.contains("investeret kapital"),
        Concept::InterestDebt => {
            b.starts_with("rentebærende gæld")
                || b.starts_with("nettorentebærende gæld")
                || b.starts_with("netto rentebærende gæld")
        }
    }
}

/// Whether a label names a key figure ([`named`]), asked once per row when
/// the grid is read (`LabelCues::key_figure`): most rows name none, and are then
/// not looked up again.
pub(super) fn names_key_figure(label: &str) -> bool {
    named_now(label).is_some()
}

/// What a row's label names as a key figure ([`named`], asked only of a row
/// whose label was found to name one when the grid was read).
fn row_named(g: &Grid, r: usize) -> Option<Named> {
    g.rows
        .get(r)
        .filter(|row| row.cues.key_figure)
        .and_then(|row| named(&row.label))
}

/// What a label names as a key figure, remembered per label.
fn named(label: &str) -> Option<Named> {
    thread_local! {
        static SEEN: super::memo::Memo<Option<Named>> = super::memo::Memo::new(1024);
    }
    SEEN.with(|m| m.get(label, named_now))
}

const HEADS: [&str; 5] = [
    "medarbejder",
    "ansat",
    "årsværk",
    "fuldtidsansat",
    "fuldtidsstilling",
];

fn named_now(label: &str) -> Option<Named> {
    let b = base(label);
    let has = |x: &str| b.contains(x);
    let ratio = |num, den| Some(Named::Ratio { num, den });
    if has("ebitda-margin") || has("ebitda margin") {
        return ratio(Concept::Ebitda, Concept::Revenue);
    }
    if has("ebit-margin") || has("ebit margin") || has("overskudsgrad") || has("overskudsmargin") {
        return ratio(Concept::Ebit, Concept::Revenue);
    }
    if has("bruttomargin") || has("dækningsgrad") || has("bruttoavanceprocent") {
        return ratio(Concept::Gross, Concept::Revenue);
    }
    if has("nettomargin") {
        return ratio(Concept::NetResult, Concept::Revenue);
    }
    // `Før-skat margin (EBT-margin)`: the result before tax over the
    // revenue.
    if has("ebt-margin") || has("ebt margin") || has("før-skat margin") || has("før skat-margin")
    {
        return ratio(Concept::Ebt, Concept::Revenue);
    }
    // `Soliditet i procent`, `Soliditet i pct.`: the same as `Soliditetsgrad`.
    let soliditet = b == "soliditet"
        || [
            "soliditet i procent",
            "soliditet i pct.",
            "soliditet i pct",
            "soliditet i %",
        ]
        .contains(&b.as_str());
    if has("soliditetsgrad") || soliditet || has("egenkapitalandel") {
        return ratio(Concept::Equity, Concept::Balance);
    }
    if has("likviditetsgrad") {
        return ratio(Concept::CurrentAssets, Concept::CurrentDebt);
    }
    if has("afkastningsgrad") {
        return ratio(Concept::Ebit, Concept::Balance);
    }
    if has("afkast på investeret kapital") || words(label).iter().any(|w| w == "roic") {
        return ratio(Concept::Ebit, Concept::InvestedCapital);
    }
    if has("finansiel gearing") {
        return ratio(Concept::InterestDebt, Concept::Equity);
    }
    if has("egenkapitalforrentning") || has("forrentning af egenkapital") {
        return Some(Named::Unjudgeable(
            "a return on equity divides by the average equity of two years, which the table does not print",
        ));
    }
    if let Some((of, per)) = b.split_once(" pr. ").or_else(|| b.split_once(" per ")) {
        let per = per.split_whitespace().next().unwrap_or("");
        let of = of.trim();
        // Per head only (`pr. måned`, `pr. m3`, `pr. aktie` name no row
        // counting them in such tables).
        let head = HEADS.iter().chain(&["partner"]).any(|h| per.starts_with(h));
        if !of.is_empty() && head {
            return Some(Named::PerHead {
                of: of.to_string(),
                per: per.to_string(),
            });
        }
        return None;
    }
    if let Some(stem) = growth_stem(&b) {
        return Some(Named::Growth { stem });
    }
    if b.split_whitespace().any(|w| w.ends_with("margin")) {
        return Some(Named::Unjudgeable(
            "a margin whose result row is not one this reader knows by name",
        ));
    }
    None
}

/// `omsætningsvækst` -> `omsætning`; `vækst i nettoomsætning` ->
/// `nettoomsætning`; `vækst` alone names no row.
fn growth_stem(b: &str) -> Option<String> {
    if let Some(rest) = b.strip_prefix("vækst i ") {
        let rest = rest.trim();
        return (rest.chars().count() >= 4).then(|| rest.to_string());
    }
    let ws: Vec<&str> = b.split_whitespace().collect();
    let [one] = ws.as_slice() else { return None };
    let stem = one.trim_end_matches('-').strip_suffix("vækst")?;
    let stem = stem.trim_end_matches('-');
    let stem = stem.strip_suffix('s').unwrap_or(stem);
    (stem.chars().count() >= 4).then(|| stem.to_string())
}

/// A row that may stand as an operand: figures, no section, no per-cent
/// row, no key figure of its own.
fn operand(g: &Grid, i: usize) -> bool {
    has_figs(g, i)
        && !matches!(g.rows[i].role, Role::Section | Role::HerafMarker)
        && !super::row_relations::percent_row(g, i)
        && !g.rows[i].cues.key_figure
}

fn key_role(role: &Role) -> bool {
    matches!(role, Role::Item | Role::Difference | Role::ChangeRow { .. })
}

/// The amount columns, each with the column of the year before where the
/// table has it: (the year, its column), sorted.
fn years(g: &Grid) -> Vec<(i32, usize)> {
    let mut ys: Vec<(i32, usize)> = (0..g.cols.len())
        .filter(|&c| g.cols[c].kind == ColKind::Amount)
        .filter_map(|c| {
            g.cols[c]
                .year
                .or_else(|| split_year(&g.cols[c].header))
                .map(|y| (y, c))
        })
        .collect();
    ys.sort_unstable();
    if ys.windows(2).any(|w| w[0].0 == w[1].0) {
        return Vec::new();
    }
    ys
}

/// A split year (`2012/13`, `2012/2013`, `2012-13`): its first year.
fn split_year(header: &str) -> Option<i32> {
    let t = header.trim();
    let (a, b) = t.split_once(['/', '-'])?;
    let y: i32 = a.trim().parse().ok()?;
    let b = b.trim();
    let next: i32 = b.parse().ok()?;
    let fits = match b.len() {
        2 => next == (y + 1) % 100,
        4 => next == y + 1,
        _ => false,
    };
    (a.trim().len() == 4 && (1950..=2100).contains(&y) && fits).then_some(y)
}

fn fig(g: &Grid, r: usize, c: usize) -> bool {
    matches!(
        g.rows.get(r).and_then(|x| x.cells.get(c)),
        Some(Cell::Fig(_))
    )
}

/// `r = num / den` in every amount column with the three figures, in per
/// cent or as a multiple (as the row relations build it).
fn quotient(g: &Grid, r: usize, num: usize, den: usize, multiple: bool) -> Candidate {
    super::row_relations::quotient_cand(g, r, num, den, g.amount_cols(), multiple)
}

/// `r` = the per-cent change of `of` against the year before, in every
/// year with the year before printed.
fn growth(g: &Grid, r: usize, of: usize, ys: &[(i32, usize)]) -> Candidate {
    let what = format!("the change of {} against the year before", g.rows[of].label);
    let instances = ys
        .windows(2)
        .filter(|w| w[1].0 == w[0].0 + 1)
        .map(|w| (w[0].1, w[1].1))
        .filter(|&(prev, cur)| fig(g, r, cur) && fig(g, of, cur) && fig(g, of, prev))
        .map(|(prev, cur)| Instance {
            kind: Kind::PctChange,
            name: format!(
                "{} [{}]: {} {} against {} in per cent",
                g.rows[r].label,
                g.cols[cur].header,
                g.rows[of].label,
                g.cols[cur].header,
                g.cols[prev].header
            )
            .into(),
            at: (r, cur),
            what: Ok(Expr::Ratio {
                num: (of, cur),
                den: (of, prev),
                result: (r, cur),
                change: true,
                abs: 0,
            }),
        })
        .collect();
    Candidate {
        instances,
        what,
        prefer: false,
    }
}

/// The readings a key figure's label allows on this table, and what they
/// need when there are none. Each is charged to `budget`: the rows looked
/// at, and the relations its readings hold (a reading for each pair of a
/// numerator row and a denominator row, two ways, in every column: 2 000
/// rows cycling `Nettoomsætning`, `Bruttoresultat`, `Bruttomargin (%)` and
/// a row of figures took more than a minute). Past it: why, to be said.
fn readings(g: &Grid, r: usize, n: &Named, budget: &mut Budget) -> Result<Vec<Candidate>, String> {
    if budget.spend(g.rows.len()) {
        return Err(Budget::too_long(g, "key figures"));
    }
    let held = |pairs: usize| pairs.saturating_mul(2).saturating_mul(g.cols.len());
    let rows = |ok: &dyn Fn(&str) -> bool| -> Vec<usize> {
        (0..g.rows.len())
            .filter(|&i| i != r && operand(g, i) && ok(&g.rows[i].label))
            .collect()
    };
    match n {
        Named::Ratio { num, den } => {
            let nums = rows(&|l| names(l, *num));
            let dens = rows(&|l| names(l, *den));
            let missing: Vec<&str> = [(nums.is_empty(), num), (dens.is_empty(), den)]
                .iter()
                .filter(|(e, _)| *e)
                .map(|(_, c)| c.words())
                .collect();
            if !missing.is_empty() {
                return Err(format!(
                    "a key figure of {} over {}, and the table prints no row of {}",
                    num.words(),
                    den.words(),
                    missing.join(" nor of ")
                ));
            }
            if budget.spend(held(nums.len().saturating_mul(dens.len()))) {
                return Err(Budget::too_long(g, "key figures"));
            }
            // A row its label or figures give in per cent (`EBITDA-margin
            // (%)`) is no multiple: 0,1 read as 190 / 2.000 would have
            // "fit" the one year whose margin is wrong.
            let per_cent = super::row_relations::percent_row(g, r);
            let mut out = Vec::new();
            for &a in &nums {
                for &b in &dens {
                    if a != b {
                        out.push(quotient(g, r, a, b, false));
                        if !per_cent {
                            out.push(quotient(g, r, a, b, true));
                        }
                    }
                }
            }
            Ok(out)
        }
        Named::Growth { stem } => {
            let ys = years(g);
            let of = rows(&|l| {
                let b = base(l);
                b.ends_with(stem.as_str()) || names(l, Concept::Revenue) && stem == "omsætning"
            });
            if of.is_empty() {
                return Err(format!(
                    "a growth rate of {stem}, and the table prints no row of it"
                ));
            }
            if !ys.windows(2).any(|w| w[1].0 == w[0].0 + 1) {
                return Err(format!(
                    "a growth rate of {stem}, and the table's columns are not consecutive years"
                ));
            }
            if budget.spend(held(of.len())) {
                return Err(Budget::too_long(g, "key figures"));
            }
            Ok(of.into_iter().map(|o| growth(g, r, o, &ys)).collect())
        }
        Named::PerHead { of, per } => {
            let nums = rows(&|l| base(l) == *of);
            let heads = HEADS.iter().any(|h| per.starts_with(h));
            let dens = rows(&|l| {
                let b = base(l);
                !b.contains(" pr. ")
                    && if heads {
                        HEADS.iter().any(|h| b.contains(h))
                    } else {
                        b.contains(per.as_str())
                    }
            });
            if nums.is_empty() || dens.is_empty() {
                return Err(format!(
                    "{of} per {per}, and the table prints no row {}",
                    if nums.is_empty() {
                        format!("labelled {of:?}")
                    } else {
                        format!("counting {per}")
                    }
                ));
            }
            if budget.spend(held(nums.len().saturating_mul(dens.len()))) {
                return Err(Budget::too_long(g, "key figures"));
            }
            let mut out = Vec::new();
            for &a in &nums {
                for &b in &dens {
                    if a != b {
                        out.push(quotient(g, r, a, b, true));
                    }
                }
            }
            Ok(out)
        }
        Named::Unjudgeable(why) => Err((*why).to_string()),
    }
}

/// Each place's verdict on the printed figures (trivial holds as holds).
fn verdicts(g: &Grid, c: &Candidate) -> Vec<((usize, usize), Verdict)> {
    c.instances
        .iter()
        .filter_map(|i| {
            let e = i.what.as_ref().ok()?;
            Some((
                e.result(),
                super::establish::verdict_with(g, e, &Default::default()),
            ))
        })
        .collect()
}

fn holding(v: Verdict) -> bool {
    matches!(v, Verdict::Exact | Verdict::Rounding)
}

/// The one reading among `cands` the figures establish (see the module),
/// or why none is.
fn choose(g: &Grid, cands: Vec<Candidate>) -> Result<Candidate, String> {
    let n = cands.len();
    let scored: Vec<(usize, usize, Decimal)> = cands.iter().map(|c| tally(g, c)).collect();
    let Some(best) = (0..n).max_by_key(|&i| (scored[i].0, std::cmp::Reverse(scored[i].1))) else {
        return Err("nothing to relate".to_string());
    };
    let (holds, fails, chance) = scored[best];
    if holds == 0 {
        return Err(format!(
            "{} fits in no column ({} readings tried)",
            cands[best].what, n
        ));
    }
    // Each reading's verdict by cell, looked up (a linear search for each
    // cell took candidates × columns², 5 s for 22 rows over 999 columns);
    // a cell's first verdict, as the search found it.
    let by_cell = |v: &[((usize, usize), Verdict)]| {
        let mut m: std::collections::HashMap<(usize, usize), Verdict> =
            std::collections::HashMap::with_capacity(v.len());
        for &(at, x) in v {
            m.entry(at).or_insert(x);
        }
        m
    };
    let mine = verdicts(g, &cands[best]);
    // Made only where another reading holds somewhere (most tables have
    // one reading that does).
    let mut mine_at = None;
    for (i, c) in cands.iter().enumerate() {
        if i == best || scored[i].0 == 0 {
            continue;
        }
        let mine_at = mine_at.get_or_insert_with(|| by_cell(&mine));
        let theirs = verdicts(g, c);
        let theirs_at = by_cell(&theirs);
        let holds_where_mine_fails = mine.iter().any(|&(at, v)| {
            v == Verdict::Error && theirs_at.get(&at).copied().is_some_and(holding)
        });
        let as_good = (scored[i].0, scored[i].1) == (holds, fails);
        let disagrees = theirs.iter().any(|&(at, v)| {
            mine_at
                .get(&at)
                .copied()
                .is_none_or(|m| holding(m) != holding(v))
        });
        if holds_where_mine_fails || (as_good && disagrees) {
            return Err(format!(
                "{} and {} both fit some columns",
                cands[best].what, c.what
            ));
        }
    }
    if fails == 0 {
        return cands
            .into_iter()
            .nth(best)
            .ok_or_else(|| "nothing to relate".to_string());
    }
    let limit = Decimal::new(1, 2)
        .checked_div(Decimal::from(n.max(1)))
        .unwrap_or(Decimal::ZERO);
    if holds >= 2 && holds > fails && chance <= limit {
        return cands
            .into_iter()
            .nth(best)
            .ok_or_else(|| "nothing to relate".to_string());
    }
    Err(format!(
        "{} holds in {holds} column(s) and fails in {fails}: the table's own figures do not establish it",
        cands[best].what
    ))
}

/// A row said, not judged.
fn not_understood(g: &Grid, s: &mut State, r: usize, kind: Kind, why: &str) {
    super::engine::said_not_understood(g, s, r, kind, "key figure", why);
}

fn kind_of(n: &Named) -> Kind {
    match n {
        Named::Growth { .. } => Kind::PctChange,
        _ => Kind::Ratio,
    }
}

/// Key-figure rows judged by what their labels name: see the module. A
/// row whose operands the table does not print is left to the other
/// passes and to [`report_unjudged`].
pub(super) fn find(g: &Grid, s: &mut State) {
    let keys: Vec<(usize, Named)> = (0..g.rows.len())
        .filter(|&r| !s.explained[r] && key_role(&g.rows[r].role) && has_figs(g, r))
        .filter_map(|r| row_named(g, r).map(|n| (r, n)))
        .collect();
    let mut budget = Budget::relations();
    for (r, n) in keys {
        let cands = match readings(g, r, &n, &mut budget) {
            Ok(cands) => cands,
            // Past the budget: said here; a row whose operands are not
            // printed is left to the other passes and [`report_unjudged`].
            Err(why) if budget.is_spent() => {
                not_understood(g, s, r, kind_of(&n), &why);
                continue;
            }
            Err(_) => continue,
        };
        match choose(g, cands) {
            Ok(c) => {
                s.explained[r] = true;
                let unjudged = unjudged_years(g, r, &n, &c);
                push(s, c);
                s.out.extend(unjudged);
            }
            Err(why) => not_understood(g, s, r, kind_of(&n), &why),
        }
    }
}

/// The figures of an established growth row whose year before is not in
/// the table (the oldest year): said, not judged.
fn unjudged_years(g: &Grid, r: usize, n: &Named, c: &Candidate) -> Vec<Instance> {
    if !matches!(n, Named::Growth { .. }) {
        return Vec::new();
    }
    g.amount_cols()
        .iter()
        .copied()
        .filter(|&col| fig(g, r, col) && !c.instances.iter().any(|i| i.at == (r, col)))
        .map(|col| Instance {
            kind: Kind::PctChange,
            name: format!("{} [{}]: key figure", g.rows[r].label, g.cols[col].header).into(),
            at: (r, col),
            what: Err(format!(
                "not understood: {}, and the figures it needs for {} are not all printed",
                c.what, g.cols[col].header
            )),
        })
        .collect()
}

/// After every pass: a key-figure row nothing was said about is reported
/// not understood, with what it would need.
pub(super) fn report_unjudged(g: &Grid, s: &mut State) {
    let mut said = vec![false; g.rows.len()];
    for i in &s.out {
        if let Some(x) = said.get_mut(i.at.0) {
            *x = true;
        }
    }
    let mut budget = Budget::relations();
    for (r, &done) in said.iter().enumerate() {
        if done || !has_figs(g, r) || !key_role(&g.rows[r].role) {
            continue;
        }
        let Some(n) = row_named(g, r) else {
            continue;
        };
        let why = match readings(g, r, &n, &mut budget) {
            Err(why) => why,
            Ok(cands) => match choose(g, cands) {
                Err(why) => why,
                Ok(c) => format!("{} was not judged", c.what),
            },
        };
        not_understood(g, s, r, kind_of(&n), &why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_their_key_figures() {
        let ratio = |num, den| Some(Named::Ratio { num, den });
        assert_eq!(
            named("EBITDA-margin (%)"),
            ratio(Concept::Ebitda, Concept::Revenue)
        );
        assert_eq!(
            named("EBIT-margin (%)"),
            ratio(Concept::Ebit, Concept::Revenue)
        );
        assert_eq!(
            named("Bruttomargin (%)"),
            ratio(Concept::Gross, Concept::Revenue)
        );
        assert_eq!(
            named("Soliditetsgrad, inkl. ansvarlige lån"),
            ratio(Concept::Equity, Concept::Balance)
        );
        assert_eq!(
            named("Afkast på investeret kapital (%)**"),
            ratio(Concept::Ebit, Concept::InvestedCapital)
        );
        assert_eq!(
            named("Omsætningsvækst"),
            Some(Named::Growth {
                stem: "omsætning".into()
            })
        );
        assert_eq!(
            named("Nettoomsætning pr. medarbejder"),
            Some(Named::PerHead {
                of: "nettoomsætning".into(),
                per: "medarbejder".into()
            })
        );
        assert!(matches!(
            named("Egenkapitalforrentning (%)"),
            Some(Named::Unjudgeable(_))
        ));
        for plain in [
            "Nettoomsætning",
            "Personaleomsætning",
            "Udgifter pr. 1.000 indbyggere",
            "Grundbeløb pr. måned før skat",
            "Fast årlig afgift pr. måler",
            "EBIT pr. aktie",
            "Vækst",
            "Egenkapital i alt",
            "I alt",
        ] {
            assert_eq!(named(plain), None, "{plain}");
        }
    }

    #[test]
    fn operand_labels_name_their_concepts() {
        assert!(names("Resultat af primær drift (EBIT)", Concept::Ebit));
        assert!(!names(
            "Resultat af primær drift før afskrivninger (EBITDA)",
            Concept::Ebit
        ));
        assert!(names(
            "Resultat af primær drift før afskrivninger (EBITDA)",
            Concept::Ebitda
        ));
        assert!(names("Egenkapital, inkl. ansvarlige lån", Concept::Equity));
        assert!(!names("Egenkapitalforrentning", Concept::Equity));
        assert!(names("Passiver i alt", Concept::Balance));
        assert!(!names("Langfristede aktiver i alt", Concept::Balance));
        assert!(names(
            "Rentebærende gæld ultimo, netto*",
            Concept::InterestDebt
        ));
    }

    #[test]
    fn split_years_are_read() {
        assert_eq!(split_year("2012/13"), Some(2012));
        assert_eq!(split_year("1999/00"), Some(1999));
        assert_eq!(split_year("2012/2013"), Some(2012));
        assert_eq!(split_year("2012/14"), None);
        assert_eq!(split_year("12/13"), None);
    }
}
