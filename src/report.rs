//! The tables of a case write-up, built from a scenario over exact values.
//! Rounding happens later, once, in [`crate::table::Table::display`].

use crate::calc;
use crate::model::{Bevillinger, Scenario, Year};
use crate::money::{Decimal, Figure, Overflow};
use crate::table::{Cell, Column, ColumnKind, Lang, Row, RowKind, Table};

/// Labels in the chosen language.
struct Labels {
    lang: Lang,
}

impl Labels {
    fn pick(&self, da: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(da, en)
    }

    fn total(&self, what: &str) -> String {
        format!("{} {what}", self.pick("I alt", "Total"))
    }
}

fn cell(f: Figure) -> Cell {
    match f {
        Figure::Known(d) => Cell::Amount(d),
        Figure::Unknown => Cell::Unknown,
    }
}

fn share_cell(f: Figure) -> Cell {
    match f {
        Figure::Known(d) => Cell::Share(d),
        Figure::Unknown => Cell::Unknown,
    }
}

fn year_columns(years: &[Year]) -> Vec<Column> {
    years
        .iter()
        .map(|y| Column {
            label: y.to_string(),
            kind: ColumnKind::Amount,
        })
        .collect()
}

/// A row of the given kind (an item, a section or a total).
fn table_row(label: impl Into<String>, kind: RowKind, cells: Vec<Cell>) -> Row {
    Row {
        label: label.into(),
        kind,
        cells,
    }
}

/// A row of figures per year.
fn year_row(
    label: impl Into<String>,
    kind: RowKind,
    years: &[Year],
    f: impl Fn(Year) -> Result<Figure, Overflow>,
) -> Result<Row, Overflow> {
    let cells = years
        .iter()
        .map(|&y| f(y).map(cell))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(table_row(label, kind, cells))
}

/// Every table of the scenario, in the order of a case write-up.
pub fn build(s: &Scenario, lang: Lang) -> Result<Vec<Table>, Overflow> {
    let l = Labels { lang };
    let mut tables = Vec::new();
    if !s.years.is_empty() {
        konto_tables(s, &l, &mut tables)?;
        initiative_tables(s, &l, &mut tables)?;
        share_tables(s, &l, &mut tables)?;
        hovedkonto_tables(s, &l, &mut tables)?;
        further_table(s, &l, &mut tables)?;
        target_table(s, &l, &mut tables)?;
        reserve_tables(s, &l, &mut tables)?;
    }
    bevilling_tables(s, &l, &mut tables)?;
    budget_tables(s, &l, &mut tables)?;
    tables.extend(crate::followup::tables(s, lang)?);
    unique_ids(&mut tables);
    Ok(tables)
}

/// Makes every table id unique: ids come from slugs, and konti `a b`, `a-b`
/// and `A_B` (or two budgets of one område and år) slug alike. A repeated id
/// gets `-2`, `-3` … in table order, skipping any id already taken, so ids
/// stay stable for the same scenario.
fn unique_ids(tables: &mut [Table]) {
    let mut taken: std::collections::HashSet<String> =
        tables.iter().map(|t| t.id.clone()).collect();
    let mut seen = std::collections::HashSet::new();
    for t in tables.iter_mut() {
        if seen.insert(t.id.clone()) {
            continue;
        }
        let mut n = 2;
        let id = loop {
            let candidate = format!("{}-{n}", t.id);
            if !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        taken.insert(id.clone());
        seen.insert(id.clone());
        t.id = id;
    }
}

/// Per konto: besparelseskrav, realiserede besparelser, I alt (the gap).
fn konto_tables(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    for k in &s.konti {
        if !s.besparelseskrav.contains_key(&k.id) && !s.realiseret.contains_key(&k.id) {
            continue;
        }
        let years = &s.years;
        let rows = vec![
            Row::section(&k.name, years.len()),
            year_row(
                l.pick("Besparelseskrav", "Savings requirement"),
                RowKind::Item,
                years,
                |y| Ok(calc::krav(s, &k.id, y)),
            )?,
            year_row(
                l.pick("Realiserede besparelser", "Realized savings"),
                RowKind::Item,
                years,
                |y| calc::realiseret(s, &k.id, y),
            )?,
            year_row(l.total(&k.short), RowKind::Total, years, |y| {
                calc::gap(s, &k.id, y)
            })?,
        ];
        out.push(Table {
            id: format!("konto-{}", slug(&k.id)),
            title: format!(
                "{}: {}",
                k.name,
                l.pick(
                    "besparelseskrav og realiserede besparelser",
                    "savings requirement and realized savings"
                )
            ),
            stub: None,
            columns: year_columns(years),
            rows,
            notes: Vec::new(),
        });
    }
    Ok(())
}

/// Per konto with initiatives: each initiative's realized savings per year.
fn initiative_tables(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    for k in &s.konti {
        let Some(r) = s.realiseret.get(&k.id) else {
            continue;
        };
        if r.initiatives.is_empty() {
            continue;
        }
        let years = &s.years;
        let mut rows = vec![Row::section(&k.name, years.len())];
        for i in &r.initiatives {
            rows.push(year_row(&i.name, RowKind::Item, years, |y| {
                Ok(i.amounts.get(y))
            })?);
        }
        rows.push(year_row(l.total(&k.short), RowKind::Total, years, |y| {
            calc::initiatives_total(r, y)
                .map_err(|e| e.at(format!("realiserede_besparelser.{}.initiativer", k.id)))
        })?);
        out.push(Table {
            id: format!("initiativer-{}", slug(&k.id)),
            title: format!(
                "{}: {}",
                k.name,
                l.pick(
                    "realiserede besparelser pr. initiativ",
                    "realized savings by initiative"
                )
            ),
            stub: None,
            columns: year_columns(years),
            rows,
            notes: Vec::new(),
        });
    }
    Ok(())
}

/// Per konto and dimension with a breakdown: amounts and shares. A breakdown
/// given for one year is the published layout (`Realiserede besparelser 2026
/// | Andel`); one given for several years is one table with the years as
/// columns, each followed by its share (`2026 | Andel 2026 | 2027 | ...`).
fn share_tables(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    for k in &s.konti {
        for d in &s.dimensions {
            let mut per_year = Vec::new();
            for &year in &s.years {
                let Some(parts) = calc::breakdown(s, &k.id, &d.name, year)? else {
                    continue;
                };
                if parts.is_empty() || parts.iter().all(|(_, f)| !f.is_known()) {
                    continue;
                }
                per_year.push((year, parts));
            }
            match per_year.as_slice() {
                [] => {}
                [(year, parts)] => out.push(one_year_share_table(l, k, d, *year, parts)?),
                [(first, parts), .., (last, _)] => {
                    let members: Vec<String> = parts.iter().map(|(m, _)| m.clone()).collect();
                    let mut columns = Vec::new();
                    let mut totals = Vec::new();
                    for (year, parts) in &per_year {
                        columns.push(Column {
                            label: year.to_string(),
                            kind: ColumnKind::Amount,
                        });
                        columns.push(Column {
                            label: format!("{} {year}", l.pick("Andel", "Share")),
                            kind: ColumnKind::Share,
                        });
                        totals.push(Figure::sum(parts.iter().map(|(_, f)| *f), "I alt")?);
                    }
                    let mut rows = vec![Row::section(&k.name, columns.len())];
                    for m in &members {
                        let mut cells = Vec::new();
                        for ((_, parts), total) in per_year.iter().zip(&totals) {
                            let f = parts
                                .iter()
                                .find(|(x, _)| x == m)
                                .map_or(Figure::Unknown, |(_, f)| *f);
                            cells.push(cell(f));
                            cells.push(share_cell(calc::share(f, *total)?));
                        }
                        rows.push(table_row(m, RowKind::Item, cells));
                    }
                    let mut cells = Vec::new();
                    for total in &totals {
                        cells.push(cell(*total));
                        cells.push(share_cell(calc::share(*total, *total)?));
                    }
                    rows.push(table_row(l.total(&k.short), RowKind::Total, cells));
                    out.push(Table {
                        id: format!("andele-{}-{}", slug(&k.id), slug(&d.name)),
                        title: format!(
                            "{}: {} {first}-{last} {} {}",
                            k.name,
                            l.pick("realiserede besparelser", "realized savings"),
                            l.pick("fordelt på", "by"),
                            d.name
                        ),
                        stub: None,
                        columns,
                        rows,
                        notes: Vec::new(),
                    });
                }
            }
        }
    }
    Ok(())
}

/// One konto's breakdown by a dimension in one year: amounts and shares.
fn one_year_share_table(
    l: &Labels,
    k: &crate::model::Konto,
    d: &crate::model::Dimension,
    year: Year,
    parts: &[(String, Figure)],
) -> Result<Table, Overflow> {
    let total = Figure::sum(parts.iter().map(|(_, f)| *f), "I alt")?;
    let mut rows = vec![Row::section(&k.name, 2)];
    for (member, f) in parts {
        rows.push(table_row(
            member,
            RowKind::Item,
            vec![cell(*f), share_cell(calc::share(*f, total)?)],
        ));
    }
    rows.push(table_row(
        l.total(&k.short),
        RowKind::Total,
        vec![cell(total), share_cell(calc::share(total, total)?)],
    ));
    Ok(Table {
        id: format!("andele-{}-{}-{year}", slug(&k.id), slug(&d.name)),
        title: format!(
            "{}: {} {year} {} {}",
            k.name,
            l.pick("realiserede besparelser", "realized savings"),
            l.pick("fordelt på", "by"),
            d.name
        ),
        stub: None,
        columns: vec![
            Column {
                label: format!(
                    "{} {year}",
                    l.pick("Realiserede besparelser", "Realized savings")
                ),
                kind: ColumnKind::Amount,
            },
            Column {
                label: l.pick("Andel", "Share").to_string(),
                kind: ColumnKind::Share,
            },
        ],
        rows,
        notes: Vec::new(),
    })
}

/// Konti grouped by hovedkonto: per hovedkonto with several konti a table of
/// their requirements, and across hovedkonti the reform's total requirement.
fn hovedkonto_tables(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    let with_krav: Vec<_> = s
        .konti
        .iter()
        .filter(|k| s.besparelseskrav.contains_key(&k.id))
        .collect();
    let mut groups: Vec<(Option<u32>, Vec<&crate::model::Konto>)> = Vec::new();
    // Where each hovedkonto's group is (a scan per konto was quadratic).
    let mut group_of: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for k in &with_krav {
        match k.hovedkonto.and_then(|h| group_of.get(&h).copied()) {
            Some(i) => {
                if let Some((_, ks)) = groups.get_mut(i) {
                    ks.push(k);
                }
            }
            None => {
                if let Some(h) = k.hovedkonto {
                    group_of.insert(h, groups.len());
                }
                groups.push((k.hovedkonto, vec![k]));
            }
        }
    }
    let years = &s.years;
    let group_total = |ks: &[&crate::model::Konto], y: Year| {
        Figure::sum(ks.iter().map(|k| calc::krav(s, &k.id, y)), "I alt")
    };
    for (h, ks) in &groups {
        let (Some(h), true) = (h, ks.len() > 1) else {
            continue;
        };
        let name = format!("Konto {h}");
        let mut rows = vec![Row::section(
            l.pick("Besparelseskrav", "Savings requirement"),
            years.len(),
        )];
        for k in ks {
            rows.push(year_row(&k.name, RowKind::Item, years, |y| {
                Ok(calc::krav(s, &k.id, y))
            })?);
        }
        rows.push(year_row(
            l.total(&name.to_lowercase()),
            RowKind::Total,
            years,
            |y| group_total(ks, y),
        )?);
        out.push(Table {
            id: format!("besparelseskrav-konto-{h}"),
            title: format!(
                "{name}: {}",
                l.pick("besparelseskrav", "savings requirement")
            ),
            stub: None,
            columns: year_columns(years),
            rows,
            notes: Vec::new(),
        });
    }
    if groups.len() > 1 {
        let mut rows = vec![Row::section(
            l.pick("Besparelseskrav", "Savings requirement"),
            years.len(),
        )];
        for (h, ks) in &groups {
            let label = match h {
                Some(h) if ks.len() > 1 => format!("Konto {h}"),
                _ => ks.first().map_or(String::new(), |k| k.name.clone()),
            };
            rows.push(year_row(label, RowKind::Item, years, |y| {
                group_total(ks, y)
            })?);
        }
        rows.push(year_row(
            l.pick("I alt", "Total"),
            RowKind::Total,
            years,
            |y| group_total(&with_krav, y),
        )?);
        out.push(Table {
            id: "besparelseskrav-i-alt".to_string(),
            title: l
                .pick(
                    "Reformens besparelseskrav i alt",
                    "The reform's savings requirement in total",
                )
                .to_string(),
            stub: None,
            columns: year_columns(years),
            rows,
            notes: Vec::new(),
        });
    }
    Ok(())
}

/// Further savings to find after the base year if the realized level holds:
/// krav(year) + realiseret(base).
fn further_table(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    let Some(base) = s.base_year() else {
        return Ok(());
    };
    let later: Vec<Year> = s.years.iter().copied().filter(|&y| y > base).collect();
    if later.is_empty() {
        return Ok(());
    }
    let konti: Vec<_> = s
        .konti
        .iter()
        .filter(|k| s.besparelseskrav.contains_key(&k.id))
        .filter(|k| matches!(calc::realiseret(s, &k.id, base), Ok(Figure::Known(_))))
        .collect();
    if konti.is_empty() {
        return Ok(());
    }
    let mut rows = vec![Row::section(
        format!(
            "{} {base}",
            l.pick(
                "Udestående ved realiseret niveau fra",
                "Remaining gap at the realized level of"
            )
        ),
        later.len(),
    )];
    for k in &konti {
        rows.push(year_row(&k.name, RowKind::Item, &later, |y| {
            calc::further_against_base(s, &k.id, base, y)
        })?);
    }
    if konti.len() > 1 {
        rows.push(year_row(
            l.pick("I alt", "Total"),
            RowKind::Total,
            &later,
            |y| {
                let parts = konti
                    .iter()
                    .map(|k| calc::further_against_base(s, &k.id, base, y))
                    .collect::<Result<Vec<_>, _>>()?;
                Figure::sum(parts, "I alt")
            },
        )?);
    }
    out.push(Table {
        id: format!("yderligere-{base}"),
        title: format!(
            "{} {base}",
            l.pick(
                "Yderligere besparelser i forhold til",
                "Further savings compared with"
            )
        ),
        stub: None,
        columns: year_columns(&later),
        rows,
        notes: vec![format!(
            "{} {base}{}",
            l.pick(
                "Årets besparelseskrav + de realiserede besparelser i",
                "The year's savings requirement + the realized savings of"
            ),
            l.pick(
                ": det udestående, hvis niveauet fastholdes (ikke årets egne realiserede besparelser).",
                ": the gap if that level holds (not the year's own realized savings)."
            )
        )],
    });
    Ok(())
}

/// Targets (sigtelinjer) against the requirement, and the buffer between them.
fn target_table(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    let buffers = calc::target_buffers(s)?;
    if buffers.is_empty() {
        return Ok(());
    }
    let columns = vec![
        Column {
            label: l.pick("Sigtelinje", "Target").to_string(),
            kind: ColumnKind::Amount,
        },
        Column {
            label: l.pick("Besparelseskrav", "Savings requirement").to_string(),
            kind: ColumnKind::Amount,
        },
        Column {
            label: l.pick("Buffer", "Buffer").to_string(),
            kind: ColumnKind::Amount,
        },
    ];
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for (b, t) in buffers.iter().zip(&s.sigtelinjer) {
        let name = s
            .konto(&b.konto)
            .map_or(b.konto.as_str(), |k| k.name.as_str());
        rows.push(table_row(
            format!("{name} {}", b.year),
            RowKind::Item,
            vec![Cell::Amount(b.target), cell(b.krav), cell(b.buffer)],
        ));
        if let Some(text) = &t.text {
            notes.push(format!("{name} {}: {text}", b.year));
        }
    }
    out.push(Table {
        id: "sigtelinjer".to_string(),
        title: l
            .pick(
                "Sigtelinje mod besparelseskrav og buffer",
                "Target against savings requirement and buffer",
            )
            .to_string(),
        stub: None,
        columns,
        rows,
        notes,
    });
    Ok(())
}

/// How a reserve (opsparing) covers the gaps of the following years.
fn reserve_tables(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    for o in &s.opsparing {
        let plan = calc::cover_with_reserve(s, &o.konto, o.ultimo, o.amount)?;
        if plan.is_empty() {
            continue;
        }
        let k = s.konto(&o.konto);
        let short = k.map_or(o.konto.as_str(), |k| k.short.as_str());
        let name = k.map_or(o.konto.as_str(), |k| k.name.as_str());
        let years: Vec<Year> = plan.iter().map(|p| p.year).collect();
        let row = |label: String, kind: RowKind, f: &dyn Fn(&calc::ReserveYear) -> Figure| Row {
            label,
            kind,
            cells: plan.iter().map(|p| cell(f(p))).collect(),
        };
        let rows = vec![
            Row::section(name, years.len()),
            row(
                format!(
                    "{} {short} {}",
                    l.pick("Udestående", "Remaining gap"),
                    l.pick(
                        "ved årets realiserede besparelser",
                        "at the year's realized savings"
                    )
                ),
                RowKind::Item,
                &|p| p.gap,
            ),
            row(
                format!(
                    "{} {}",
                    l.pick("Dækket af opsparing ultimo", "Covered by reserve at end of"),
                    o.ultimo
                ),
                RowKind::Item,
                &|p| p.covered,
            ),
            row(
                l.pick("Udækket i alt", "Uncovered in total").to_string(),
                RowKind::Total,
                &|p| p.uncovered,
            ),
            row(
                l.pick("Opsparing tilbage", "Reserve left").to_string(),
                RowKind::Derived,
                &|p| p.remaining,
            ),
        ];
        let mut notes = vec![l
            .pick(
                "Udestående = årets besparelseskrav + årets realiserede besparelser.",
                "Remaining gap = the year's savings requirement + the year's realized savings.",
            )
            .to_string()];
        if let Some(text) = &o.text {
            notes.push(text.clone());
        }
        out.push(Table {
            id: format!("opsparing-{}-{}", slug(&o.konto), o.ultimo),
            title: format!(
                "{name}: {} {}",
                l.pick(
                    "udestående dækket af opsparing ultimo",
                    "gap covered by the reserve at end of"
                ),
                o.ultimo
            ),
            stub: None,
            columns: year_columns(&years),
            rows,
            notes,
        });
    }
    Ok(())
}

/// The bevillingsansøgninger table (areas × years, Anlægsbevillinger) and the
/// requests line by line, so that a move shows its two sides netting to zero.
fn bevilling_tables(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    let Some(b) = &s.bevillinger else {
        return Ok(());
    };
    let title = b.title.clone().unwrap_or_else(|| {
        l.pick("Bevillingsansøgninger", "Appropriation requests")
            .to_string()
    });
    out.push(bevilling_summary(b, l, &title)?);
    out.extend(bevilling_lines(b, l, &title)?);
    Ok(())
}

/// The requests summed per area and year (and anlæg), with a total row.
fn bevilling_summary(b: &Bevillinger, l: &Labels, title: &str) -> Result<Table, Overflow> {
    let mut columns = year_columns(&b.years);
    if b.anlæg_column {
        columns.push(Column {
            label: l
                .pick("Anlægsbevillinger", "Capital appropriations")
                .to_string(),
            kind: ColumnKind::Amount,
        });
    }
    let mut rows = Vec::new();
    let mut column_totals: Vec<Figure> = vec![Figure::Known(Decimal::ZERO); columns.len()];
    let mut anlæg_any = false;
    for area in &b.areas {
        let mut cells = Vec::new();
        for &y in &b.years {
            cells.push(Cell::Amount(calc::bevilling_cell(&b.requests, area, y)?));
        }
        if b.anlæg_column {
            match calc::anlæg_cell(&b.requests, area)? {
                Some(v) => {
                    anlæg_any = true;
                    cells.push(Cell::Amount(v));
                }
                None => cells.push(Cell::NotApplicable),
            }
        }
        for (t, c) in column_totals.iter_mut().zip(&cells) {
            if let Cell::Amount(v) = c {
                *t = t.checked_add(Figure::Known(*v), "I alt")?;
            }
        }
        rows.push(table_row(area, RowKind::Item, cells));
    }
    let mut total_cells: Vec<Cell> = column_totals.into_iter().map(cell).collect();
    if b.anlæg_column && !anlæg_any {
        if let Some(last) = total_cells.last_mut() {
            *last = Cell::NotApplicable;
        }
    }
    rows.push(table_row(
        l.pick("I alt", "Total"),
        RowKind::Total,
        total_cells,
    ));
    Ok(Table {
        id: "bevillingsansoegninger".to_string(),
        title: title.to_string(),
        stub: Some(title.to_string()),
        columns,
        rows,
        notes: Vec::new(),
    })
}

/// The requests line by line, per area, each area with its total; none when
/// no area has a request.
fn bevilling_lines(b: &Bevillinger, l: &Labels, title: &str) -> Result<Option<Table>, Overflow> {
    let mut rows = Vec::new();
    for area in &b.areas {
        let requests: Vec<_> = b.requests.iter().filter(|r| &r.area == area).collect();
        if requests.is_empty() {
            continue;
        }
        rows.push(Row::section(area, b.years.len()));
        for r in &requests {
            for line in &r.lines {
                let label = if r.move_nets_to_zero {
                    line.label.clone()
                } else {
                    r.text.clone()
                };
                rows.push(table_row(
                    label,
                    RowKind::Item,
                    b.years
                        .iter()
                        .map(|&y| {
                            Cell::Amount(if y == r.year {
                                line.amount
                            } else {
                                Decimal::ZERO
                            })
                        })
                        .collect(),
                ));
            }
        }
        let mut cells = Vec::new();
        for &y in &b.years {
            let sum = requests
                .iter()
                .filter(|r| r.year == y)
                .map(|r| r.amount())
                .collect::<Result<Vec<_>, _>>()?;
            cells.push(Cell::Amount(crate::money::checked_sum(sum, "I alt")?));
        }
        rows.push(table_row(l.total(area), RowKind::Total, cells));
    }
    if rows.is_empty() {
        return Ok(None);
    }
    let notes = b
        .requests
        .iter()
        .filter(|r| r.move_nets_to_zero)
        .map(|r| format!("{} {}: {}", r.area, r.year, r.text))
        .collect();
    Ok(Some(Table {
        id: "bevillingsansoegninger-linjer".to_string(),
        title: format!("{title}: {}", l.pick("specifikation", "details")),
        stub: None,
        columns: year_columns(&b.years),
        rows,
        notes,
    }))
}

/// Korrigeret budget = oprindeligt budget + godkendte bevillingsændringer.
fn budget_tables(s: &Scenario, l: &Labels, out: &mut Vec<Table>) -> Result<(), Overflow> {
    for b in &s.budgets {
        let f = calc::budget_figures(b)?;
        let mut rows = vec![Row::section(&b.area, 1)];
        let original_label = if f.original_derived {
            l.pick("Oprindeligt budget (afledt)", "Original budget (derived)")
        } else {
            l.pick("Oprindeligt budget", "Original budget")
        };
        rows.push(table_row(
            original_label,
            RowKind::Item,
            vec![cell(f.original)],
        ));
        for c in &b.changes {
            rows.push(table_row(
                &c.text,
                RowKind::Item,
                vec![Cell::Amount(c.amount)],
            ));
        }
        rows.push(table_row(
            l.pick("Korrigeret budget i alt", "Corrected budget in total"),
            RowKind::Total,
            vec![cell(f.corrected)],
        ));
        out.push(Table {
            id: format!("budget-{}-{}", slug(&b.area), b.year),
            title: format!(
                "{} {}: {}",
                b.area,
                b.year,
                l.pick("korrigeret budget", "corrected budget")
            ),
            stub: None,
            columns: year_columns(&[b.year]),
            rows,
            notes: Vec::new(),
        });
    }
    Ok(())
}

/// A lower-case ASCII-ish identifier for table ids.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    out.trim_matches('-').to_string()
}
