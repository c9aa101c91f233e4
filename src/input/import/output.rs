//! An import's figures as a table (for the text, Markdown and CSV renderers),
//! as JSON with exact amounts, as a scenario fragment (YAML), and the
//! account of every line.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::mapping::Section;
use super::{Aggregate, GroupKey};
use crate::model::Year;
use crate::money::{Decimal, Overflow, Unit};
use crate::numfmt::{format_number, NumberStyle};
use crate::table::{Cell, Column, ColumnKind, Lang, Row, RowKind, Table};

/// The years shown: those of the mapped figures, else of any line.
pub fn shown_years(agg: &Aggregate) -> Vec<Year> {
    let ys: BTreeSet<Year> = agg.groups.keys().map(|k| k.year).collect();
    if ys.is_empty() {
        agg.years()
    } else {
        ys.into_iter().collect()
    }
}

fn sum_where(
    agg: &Aggregate,
    year: Year,
    f: impl Fn(&GroupKey) -> bool,
) -> Result<Decimal, Overflow> {
    crate::money::checked_sum(
        agg.groups
            .iter()
            .filter(|(k, _)| k.year == year && f(k))
            .map(|(_, v)| *v),
        "a sum of the extract's figures",
    )
}

/// konto × center × year as one table: a section per konto with a row per
/// center and its total, then the mapped total.
pub fn table(agg: &Aggregate, lang: Lang) -> Result<Table, Overflow> {
    let years = shown_years(agg);
    let columns: Vec<Column> = years
        .iter()
        .map(|y| Column {
            label: y.to_string(),
            kind: ColumnKind::Amount,
        })
        .collect();
    let width = columns.len();
    let mut rows = Vec::new();
    let row = |label: String, kind: RowKind, f: &dyn Fn(&GroupKey) -> bool| {
        Ok::<Row, Overflow>(Row {
            label,
            kind,
            cells: years
                .iter()
                .map(|&y| sum_where(agg, y, f).map(Cell::Amount))
                .collect::<Result<Vec<_>, _>>()?,
        })
    };
    for (ki, konto) in agg.konti.iter().enumerate() {
        if !agg.groups.keys().any(|k| k.konto == ki) {
            continue;
        }
        if agg.centres.is_empty() {
            rows.push(row(konto.clone(), RowKind::Item, &|k| k.konto == ki)?);
            continue;
        }
        rows.push(Row::section(konto.clone(), width));
        for (ci, centre) in agg.centres.iter().enumerate() {
            if agg
                .groups
                .keys()
                .any(|k| k.konto == ki && k.centre == Some(ci))
            {
                rows.push(row(centre.clone(), RowKind::Item, &|k| {
                    k.konto == ki && k.centre == Some(ci)
                })?);
            }
        }
        rows.push(row(
            format!("{} {konto}", lang.pick("I alt", "Total")),
            RowKind::Total,
            &|k| k.konto == ki,
        )?);
    }
    rows.push(row(
        lang.pick("I alt medtaget", "Total mapped").to_string(),
        RowKind::Derived,
        &|_| true,
    )?);
    Ok(Table {
        id: "import".to_string(),
        title: lang
            .pick(
                "Udtræk: konto × center × år",
                "Extract: konto × center × year",
            )
            .to_string(),
        stub: None,
        columns,
        rows,
        notes: Vec::new(),
    })
}

fn kr(d: Decimal, style: NumberStyle) -> String {
    format!("{} kr.", format_number(d, d.scale().max(2), style))
}

/// Every line accounted for, in words (for standard error or under the table).
pub fn summary(agg: &Aggregate, style: NumberStyle) -> Result<String, Overflow> {
    let mut s = String::new();
    let files: Vec<String> = agg
        .files
        .iter()
        .map(|f| {
            format!(
                "{}: {} lines, header at line {}, {}",
                f.name, f.lines, f.header_line, f.charset
            )
        })
        .collect();
    let _ = writeln!(s, "import: {}", files.join("; "));
    let _ = writeln!(
        s,
        "import: {} data lines read, {} mapped, {} not mapped, {} unreadable",
        agg.lines_read, agg.lines_mapped, agg.lines_unmapped, agg.lines_failed
    );
    let _ = writeln!(s, "  total of readable lines  {}", kr(agg.total, style));
    let _ = writeln!(
        s,
        "  mapped                   {}",
        kr(agg.mapped_total, style)
    );
    let _ = writeln!(
        s,
        "  not mapped               {}",
        kr(agg.unmapped_total, style)
    );
    for (reason, lines, amount) in agg.unmapped_by_reason()? {
        let _ = writeln!(
            s,
            "    {reason}: {} ({lines} line{})",
            kr(amount, style),
            if lines == 1 { "" } else { "s" }
        );
        for u in agg.unmapped.iter().filter(|u| u.reason == reason).take(10) {
            let _ = writeln!(
                s,
                "      funktion {}: {} ({} line{})",
                u.funktion,
                kr(u.amount, style),
                u.lines,
                if u.lines == 1 { "" } else { "s" }
            );
        }
    }
    let _ = writeln!(
        s,
        "  mapped + not mapped = total of readable lines: {}",
        if agg.reconciles() {
            "holds"
        } else {
            "DOES NOT HOLD"
        }
    );
    if agg.lines_failed > 0 {
        let _ = writeln!(
            s,
            "  {} unreadable line{}: not in any total (fix them and run again)",
            agg.lines_failed,
            if agg.lines_failed == 1 { "" } else { "s" }
        );
    }
    Ok(s)
}

/// Exact amounts as JSON (amounts as decimal strings, in kr.).
pub fn json(agg: &Aggregate) -> serde_json::Value {
    let groups: Vec<serde_json::Value> = agg
        .groups
        .iter()
        .map(|(k, v)| {
            serde_json::json!({
                "konto": agg.konti.get(k.konto),
                "center": k.centre.and_then(|c| agg.centres.get(c)),
                "år": k.year,
                "beløb": v.to_string(),
            })
        })
        .collect();
    let unmapped: Vec<serde_json::Value> = agg
        .unmapped
        .iter()
        .map(|u| {
            serde_json::json!({
                "reason": u.reason, "funktion": u.funktion, "lines": u.lines, "amount": u.amount.to_string(),
            })
        })
        .collect();
    let errors: Vec<serde_json::Value> = agg
        .errors
        .iter()
        .map(|e| {
            serde_json::json!({
                "file": e.location.file, "line": e.location.line, "column": e.path, "message": e.message,
            })
        })
        .collect();
    serde_json::json!({
        "unit": "kr.",
        "groups": groups,
        "summary": {
            "files": agg.files.iter().map(|f| serde_json::json!({
                "name": f.name, "lines": f.lines, "header_line": f.header_line,
                "preamble": f.preamble, "blank": f.blank, "charset": f.charset,
            })).collect::<Vec<_>>(),
            "lines_read": agg.lines_read,
            "lines_mapped": agg.lines_mapped,
            "lines_unmapped": agg.lines_unmapped,
            "lines_unreadable": agg.lines_failed,
            "total": agg.total.to_string(),
            "mapped": agg.mapped_total.to_string(),
            "unmapped": agg.unmapped_total.to_string(),
            "reconciles": agg.reconciles(),
        },
        "unmapped": unmapped,
        "errors": errors,
    })
}

fn yaml_key(s: &str) -> String {
    // Quoted when YAML could read it as something else.
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || " _-.æøåÆØÅ".contains(c))
        && !s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == ' ')
        && !s.ends_with(' ');
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
    }
}

fn year_map(
    years: &[Year],
    value: impl Fn(Year) -> Result<Decimal, Overflow>,
) -> Result<String, Overflow> {
    let parts: Result<Vec<String>, Overflow> = years
        .iter()
        .map(|&y| value(y).map(|v| format!("{y}: {}", v.normalize())))
        .collect();
    Ok(format!("{{{}}}", parts?.join(", ")))
}

/// The figures as a scenario fragment (the section the mapping names), in
/// `unit`, exact (no rounding: a unit conversion is a power of ten).
pub fn yaml_fragment(
    agg: &Aggregate,
    section: Section,
    dimension: &str,
    unit: Unit,
    source: &str,
) -> Result<String, Overflow> {
    let years = shown_years(agg);
    let conv = |d: Decimal| unit.from_kroner(d);
    let by_konto = agg.by_konto()?;
    let mut s = String::new();
    let _ = writeln!(s, "# Fra udtræk: {source}");
    let _ = writeln!(
        s,
        "# {} linjer læst, {} medtaget, {} ikke medtaget ({} kr.), {} ulæselige. Enhed: {}",
        agg.lines_read,
        agg.lines_mapped,
        agg.lines_unmapped,
        agg.unmapped_total,
        agg.lines_failed,
        unit.name()
    );
    let konto_sum = |ki: usize, y: Year| conv(by_konto.get(&(ki, y)).copied().unwrap_or_default());
    let present: Vec<usize> = (0..agg.konti.len())
        .filter(|ki| agg.groups.keys().any(|k| k.konto == *ki))
        .collect();
    match section {
        Section::Besparelseskrav => {
            let _ = writeln!(s, "besparelseskrav:");
            for &ki in &present {
                let _ = writeln!(
                    s,
                    "  {}: {}",
                    yaml_key(&agg.konti[ki]),
                    year_map(&years, |y| konto_sum(ki, y))?
                );
            }
        }
        Section::Realiserede => {
            if !agg.centres.is_empty() {
                let _ = writeln!(s, "dimensioner:\n  {}:", yaml_key(dimension));
                for c in &agg.centres {
                    let _ = writeln!(s, "    - {}", yaml_key(c));
                }
            }
            let _ = writeln!(s, "realiserede_besparelser:");
            for &ki in &present {
                let _ = writeln!(s, "  {}:", yaml_key(&agg.konti[ki]));
                let _ = writeln!(s, "    i_alt: {}", year_map(&years, |y| konto_sum(ki, y))?);
                if !agg.centres.is_empty() {
                    let _ = writeln!(s, "    fordelinger:\n      {}:", yaml_key(dimension));
                    for (ci, c) in agg.centres.iter().enumerate() {
                        let v = |y: Year| {
                            conv(sum_where(agg, y, |k| {
                                k.konto == ki && k.centre == Some(ci)
                            })?)
                        };
                        let _ = writeln!(s, "        {}: {}", yaml_key(c), year_map(&years, v)?);
                    }
                }
            }
        }
        Section::Budgetter => {
            let _ = writeln!(s, "budgetter:");
            for &ki in &present {
                for &y in &years {
                    let _ = writeln!(
                        s,
                        "  - {{område: {}, år: {y}, oprindeligt: {}}}",
                        yaml_key(&agg.konti[ki]),
                        konto_sum(ki, y)?.normalize()
                    );
                }
            }
        }
    }
    Ok(s)
}
