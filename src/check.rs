//! Reconciliation, as small independent passes over a scenario. Each pass
//! returns findings with the key path they concern; the CLI turns paths into
//! file positions.

use crate::calc;
use crate::followup::{add, del_figures, sub, Col, LinjeFigures, Relation, Value};
use crate::model::{Realiseret, Scenario, Year};
use crate::money::{checked_sum, Decimal, Exact, Figure, Overflow, Unit};
pub use crate::numfmt::amount_text;
use crate::numfmt::signed_term;
use crate::numfmt::{format_number, NumberStyle};
use crate::table::{DisplayOptions, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The reconciliation holds exactly.
    Holds,
    /// It does not; the message says by how much.
    Fails,
    /// It cannot be judged (a figure is unknown); the message says why.
    Skipped,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// Which pass found it.
    pub pass: &'static str,
    /// Key path in the scenario file.
    pub path: String,
    pub status: Status,
    pub message: String,
}

/// A pass: one kind of reconciliation.
pub type Pass = fn(&Scenario) -> Result<Vec<Finding>, Overflow>;

/// Every pass, in order.
pub const PASSES: &[(&str, Pass)] = &[
    ("realiseret", realized_reconciles),
    ("flytning", moves_net_to_zero),
    ("budget", budgets_reconcile),
    ("budgetopfølgning", followup_reconciles),
];

/// Runs every pass. First computes every table `report` shows, in every
/// unit, so that `check` never passes a scenario whose tables cannot be
/// computed exactly (a total across konti that overflows, say).
pub fn run_all(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    report_computes(s)?;
    let mut out = Vec::new();
    for (_, pass) in PASSES {
        out.extend(pass(s)?);
    }
    Ok(out)
}

/// Computes every table of the report and shows it in every unit; the
/// first total that cannot be computed exactly is the error.
pub fn report_computes(s: &Scenario) -> Result<(), Overflow> {
    for table in crate::report::build(s, Lang::Da)? {
        for unit in Unit::ALL {
            table.display(&DisplayOptions {
                unit,
                ..DisplayOptions::default()
            })?;
        }
    }
    Ok(())
}

/// Something the scenario says that is allowed but probably not meant: a sign
/// flip, or an initiative that silently removes the tables by a dimension.
/// Reported on stderr; exit 1 only under `--strict`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// Key path in the scenario file.
    pub path: String,
    pub message: String,
}

/// Every warning for a scenario, in file order.
pub fn warnings(s: &Scenario) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut sign = |path: String, values: &crate::model::YearValues, want_positive: bool| {
        for (year, v) in &values.0 {
            let flipped = if want_positive {
                v.is_sign_negative() && !v.is_zero()
            } else {
                v.is_sign_positive() && !v.is_zero()
            };
            if flipped {
                let message = if want_positive {
                    format!(
                        "besparelseskrav is negative ({}); a savings requirement is written positive (the amount that must be found). A sign flip?",
                        kr(*v)
                    )
                } else {
                    format!(
                        "realized savings are positive ({}); realized savings are written negative (they reduce spending). A sign flip?",
                        kr(*v)
                    )
                };
                out.push(Warning {
                    path: format!("{path}.{year}"),
                    message,
                });
            }
        }
    };
    for (konto, values) in &s.besparelseskrav {
        sign(format!("besparelseskrav.{konto}"), values, true);
    }
    for (konto, r) in &s.realiseret {
        let base = format!("realiserede_besparelser.{konto}");
        if let Some(total) = &r.total {
            sign(format!("{base}.i_alt"), total, false);
        }
        for (i, init) in r.initiatives.iter().enumerate() {
            sign(
                format!("{base}.initiativer[{i}].beløb"),
                &init.amounts,
                false,
            );
        }
        for b in &r.breakdowns {
            for (member, values) in &b.parts {
                sign(
                    format!("{base}.fordelinger.{}.{member}", b.dimension),
                    values,
                    false,
                );
            }
        }
    }
    // A dimension some initiatives of a konto carry and others lack: the
    // tables by that dimension are left out (they could not add up).
    for (konto, r) in &s.realiseret {
        for d in &s.dimensions {
            let carry = r
                .initiatives
                .iter()
                .filter(|i| i.tags.contains_key(&d.name))
                .count();
            if carry == 0 || carry == r.initiatives.len() {
                continue;
            }
            for (i, init) in r.initiatives.iter().enumerate() {
                if !init.tags.contains_key(&d.name) {
                    out.push(Warning {
                        path: format!("realiserede_besparelser.{konto}.initiativer[{i}]"),
                        message: format!(
                            "initiative {:?} has no {} ({carry} of the {} initiatives give one), so the tables by {} are left out",
                            init.name,
                            d.name,
                            r.initiatives.len(),
                            d.name
                        ),
                    });
                }
            }
        }
    }
    out
}

/// An exact amount in kroner, Danish style, with øre only when there are any.
pub fn kr(d: Decimal) -> String {
    let decimals = if d.fract().is_zero() { 0 } else { 2 };
    format!("{} kr.", format_number(d, decimals, NumberStyle::DANISH))
}

/// One form of a konto's realized savings, summed for a year.
struct Form {
    path: String,
    name: String,
    value: Figure,
    /// Some, but not all, of the figures it sums are given for the year.
    partly_known: bool,
}

/// Whether some but not all of `figures` are known.
fn partly(figures: &[Figure]) -> bool {
    figures.iter().any(|f| f.is_known()) && !figures.iter().all(|f| f.is_known())
}

fn forms(konto: &str, r: &Realiseret, year: Year) -> Result<Vec<Form>, Overflow> {
    let base = format!("realiserede_besparelser.{konto}");
    let mut out = Vec::new();
    if let Some(total) = &r.total {
        out.push(Form {
            path: format!("{base}.i_alt"),
            name: "i_alt".to_string(),
            value: total.get(year),
            partly_known: false,
        });
    }
    if !r.initiatives.is_empty() {
        let figures: Vec<Figure> = r.initiatives.iter().map(|i| i.amounts.get(year)).collect();
        out.push(Form {
            path: format!("{base}.initiativer"),
            name: "the sum of the initiatives".to_string(),
            value: calc::initiatives_total(r, year)
                .map_err(|e| e.at(format!("{base}.initiativer")))?,
            partly_known: partly(&figures),
        });
    }
    for b in &r.breakdowns {
        let figures: Vec<Figure> = b.parts.iter().map(|(_, v)| v.get(year)).collect();
        out.push(Form {
            path: format!("{base}.fordelinger.{}", b.dimension),
            name: format!("the sum of the breakdown by {}", b.dimension),
            value: Figure::sum(figures.iter().copied(), "fordeling")
                .map_err(|e| e.at(format!("{base}.fordelinger.{}", b.dimension)))?,
            partly_known: partly(&figures),
        });
    }
    Ok(out)
}

/// Every form of a konto's realized savings (stated total, initiatives, each
/// breakdown) equals every other, year by year.
pub fn realized_reconciles(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    let mut out = Vec::new();
    for (konto, r) in &s.realiseret {
        for &year in &s.years {
            let forms = forms(konto, r, year)?;
            let Some(reference) = forms.iter().find(|f| f.value.is_known()) else {
                continue;
            };
            let Figure::Known(want) = reference.value else {
                continue;
            };
            for f in forms.iter().filter(|f| !std::ptr::eq(*f, reference)) {
                let finding = |status, message| Finding {
                    pass: "realiseret",
                    path: f.path.clone(),
                    status,
                    message,
                };
                match f.value {
                    Figure::Known(got) if got == want => out.push(finding(
                        Status::Holds,
                        format!(
                            "{year}: {} is {}, equal to {}",
                            f.name,
                            amount_text(got, s.unit),
                            reference.name
                        ),
                    )),
                    Figure::Known(got) => {
                        let diff = got
                            .exact_sub(want)
                            .ok_or_else(|| Overflow::new("difference"))?;
                        out.push(finding(
                            Status::Fails,
                            format!(
                                "{year}: {} is {} but {} is {}: off by {}",
                                f.name,
                                amount_text(got, s.unit),
                                reference.name,
                                amount_text(want, s.unit),
                                amount_text(diff, s.unit)
                            ),
                        ));
                    }
                    Figure::Unknown => {
                        // A form given for some years only is not a failure; one
                        // that is partly known for this year cannot be judged.
                        if f.partly_known {
                            out.push(finding(
                                Status::Skipped,
                                format!(
                                    "{year}: {} has unknown parts, so it cannot be reconciled",
                                    f.name
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

/// A move between areas (flytning) nets to zero.
pub fn moves_net_to_zero(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    let Some(b) = &s.bevillinger else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, r) in b
        .requests
        .iter()
        .enumerate()
        .filter(|(_, r)| r.move_nets_to_zero)
    {
        let net = r.amount()?;
        let path = format!("bevillingsansøgninger.ansøgninger[{i}].flytning");
        let parts: Vec<String> = r
            .lines
            .iter()
            .map(|l| format!("{} {}", l.label, amount_text(l.amount, b.unit)))
            .collect();
        out.push(Finding {
            pass: "flytning",
            path,
            status: if net.is_zero() {
                Status::Holds
            } else {
                Status::Fails
            },
            message: if net.is_zero() {
                format!("{} {}: {} net to 0", r.area, r.year, parts.join(" and "))
            } else {
                format!(
                    "{} {}: {} net to {}, not 0 kr.",
                    r.area,
                    r.year,
                    parts.join(" and "),
                    amount_text(net, b.unit)
                )
            },
        });
    }
    Ok(out)
}

/// A stated corrected budget equals the original plus the approved changes.
pub fn budgets_reconcile(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    let mut out = Vec::new();
    for (i, b) in s.budgets.iter().enumerate() {
        let (Some(original), Some(corrected)) = (b.original, b.corrected) else {
            continue;
        };
        let changes = checked_sum(b.changes.iter().map(|c| c.amount), "ændringer")?;
        let want = original
            .exact_add(changes)
            .ok_or_else(|| Overflow::new("korrigeret budget"))?;
        let path = format!("budgetter[{i}].korrigeret");
        out.push(if want == corrected {
            Finding {
                pass: "budget",
                path,
                status: Status::Holds,
                message: format!(
                    "{} {}: {} {} = {}",
                    b.area,
                    b.year,
                    amount_text(original, s.unit),
                    signed_term(changes, s.unit),
                    amount_text(corrected, s.unit)
                ),
            }
        } else {
            Finding {
                pass: "budget",
                path,
                status: Status::Fails,
                message: format!(
                    "{} {}: korrigeret is {} but oprindeligt {} {} (ændringer) = {}: off by {}",
                    b.area,
                    b.year,
                    amount_text(corrected, s.unit),
                    amount_text(original, s.unit),
                    signed_term(changes, s.unit),
                    amount_text(want, s.unit),
                    amount_text(
                        corrected
                            .exact_sub(want)
                            .ok_or_else(|| Overflow::new("difference"))?,
                        s.unit
                    )
                ),
            }
        });
    }
    Ok(out)
}

// The budget follow-up: see crate::followup for the relations.

fn followup_finding(path: String, status: Status, message: String) -> Finding {
    Finding {
        pass: "budgetopfølgning",
        path,
        status,
        message,
    }
}

/// The three relations of a line, where all terms are known and none was
/// derived from the relation itself.
fn followup_line(
    name: &str,
    path: &str,
    f: &LinjeFigures,
    unit: Unit,
    out: &mut Vec<Finding>,
) -> Result<(), Overflow> {
    let a = |d: Decimal| amount_text(d, unit);
    // korrigeret = oprindeligt + tillæg
    if let (Some(o), Some(t), Some(k)) = (f.original.known(), f.tillæg.known(), f.corrected.known())
    {
        let r = Relation::Korrigeret;
        if !f.original.derived_by(r) && !f.corrected.derived_by(r) {
            let want = add(o, t, "korrigeret budget")?;
            let sum = format!("oprindeligt {} {}", a(o), signed_term(t, unit));
            out.push(if want == k {
                followup_finding(
                    format!("{path}.korrigeret"),
                    Status::Holds,
                    format!("{name}: korrigeret budget {} = {sum}", a(k)),
                )
            } else {
                followup_finding(
                    format!("{path}.korrigeret"),
                    Status::Fails,
                    format!(
                        "{name}: korrigeret budget is {} but {sum} = {}: off by {}",
                        a(k),
                        a(want),
                        a(sub(k, want, "difference")?)
                    ),
                )
            });
        }
    }
    // afvigelse = forventet − korrigeret
    if let (Some(fo), Some(k), Some(av)) = (
        f.forventet.known(),
        f.corrected.known(),
        f.afvigelse.known(),
    ) {
        let r = Relation::Afvigelse;
        if !f.forventet.derived_by(r) && !f.corrected.derived_by(r) && !f.afvigelse.derived_by(r) {
            let want = sub(fo, k, "afvigelse")?;
            let diff = format!("forventet {} − korrigeret {}", a(fo), a(k));
            out.push(if want == av {
                followup_finding(
                    format!("{path}.afvigelse"),
                    Status::Holds,
                    format!("{name}: afvigelse {} = {diff}", a(av)),
                )
            } else {
                followup_finding(
                    format!("{path}.afvigelse"),
                    Status::Fails,
                    format!(
                        "{name}: afvigelse is {} but {diff} = {}: off by {}",
                        a(av),
                        a(want),
                        a(sub(av, want, "difference")?)
                    ),
                )
            });
        }
    }
    // resultat = afvigelse + overført
    if let (Some(av), Some(ov), Some(re)) =
        (f.afvigelse.known(), f.overført.known(), f.resultat.known())
    {
        let r = Relation::Resultat;
        if !f.afvigelse.derived_by(r) && !f.overført.derived_by(r) && !f.resultat.derived_by(r) {
            let want = add(av, ov, "resultat")?;
            let sum = format!("afvigelse {} {} overført", a(av), signed_term(ov, unit));
            out.push(if want == re {
                followup_finding(
                    format!("{path}.resultat"),
                    Status::Holds,
                    format!("{name}: resultat inkl. overførsler {} = {sum}", a(re)),
                )
            } else {
                followup_finding(
                    format!("{path}.resultat"),
                    Status::Fails,
                    format!(
                        "{name}: resultat inkl. overførsler is {} but {sum} = {}: off by {}",
                        a(re),
                        a(want),
                        a(sub(re, want, "difference")?)
                    ),
                )
            });
        }
    }
    Ok(())
}

/// Every relation of the follow-up, and every part's stated figures against
/// the sums of its lines.
pub fn followup_reconciles(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    let Some(o) = &s.opfølgning else {
        return Ok(Vec::new());
    };
    let unit = s.unit;
    let mut out = Vec::new();
    for (i, d) in o.parts.iter().enumerate() {
        let path = format!("budgetopfølgning.dele[{i}]");
        let (lines, total) = del_figures(d)?;
        for (j, (l, f)) in d.lines.iter().zip(&lines).enumerate() {
            followup_line(&l.name, &format!("{path}.linjer[{j}]"), f, unit, &mut out)?;
        }
        followup_line(&d.total.name, &path, &total, unit, &mut out)?;
        if lines.is_empty() {
            continue;
        }
        // A part's stated figures against the sums of its lines.
        for c in Col::ALL {
            let tillæg = match &d.total.tillæg {
                Some(list) => Some(checked_sum(list.iter().map(|c| c.amount), "tillæg")?),
                None => None,
            };
            let own = Value::stated(match c {
                Col::Oprindeligt => d.total.original,
                Col::Korrigeret => d.total.corrected,
                Col::Forbrug => d.total.forbrug,
                Col::Forventet => d.total.forventet,
                Col::Afvigelse => d.total.afvigelse,
                Col::Overført => d.total.overført,
                Col::Resultat => d.total.resultat,
                Col::Tillæg => tillæg,
            });
            let Some(stated) = own.known() else {
                continue;
            };
            let figures: Vec<Figure> = lines.iter().map(|x| x.get(c).figure).collect();
            let cpath = format!("{path}.{}", c.key());
            let name = format!("{} {}", d.total.name, c.label(Lang::Da).to_lowercase());
            match Figure::sum(figures.iter().copied(), c.key())? {
                Figure::Known(sum) if sum == stated => out.push(followup_finding(
                    cpath,
                    Status::Holds,
                    format!(
                        "{name}: {} is the sum of its {} lines",
                        amount_text(stated, unit),
                        lines.len()
                    ),
                )),
                Figure::Known(sum) => out.push(followup_finding(
                    cpath,
                    Status::Fails,
                    format!(
                        "{name}: stated {} but its {} lines add up to {}: off by {}",
                        amount_text(stated, unit),
                        lines.len(),
                        amount_text(sum, unit),
                        amount_text(sub(stated, sum, "difference")?, unit)
                    ),
                )),
                Figure::Unknown => {
                    let unknown: Vec<&str> = d
                        .lines
                        .iter()
                        .zip(&figures)
                        .filter(|(_, f)| !f.is_known())
                        .map(|(l, _)| l.name.as_str())
                        .collect();
                    if unknown.len() < figures.len() {
                        out.push(followup_finding(
                            cpath,
                            Status::Skipped,
                            format!(
                                "{name}: stated {}, but the {} of {} is not given, so the lines cannot be added up",
                                amount_text(stated, unit),
                                c.label(Lang::Da).to_lowercase(),
                                unknown.join(", ")
                            ),
                        ));
                    }
                }
            }
        }
    }
    Ok(out)
}
