//! The budget follow-up (budgetopfølgning / forventet regnskab): what follows
//! exactly from the figures given, the reconciliations a follow-up states, and
//! its tables.
//!
//! Three relations hold on every line:
//! - korrigeret budget = oprindeligt budget + tillæg,
//! - afvigelse = forventet regnskab − korrigeret budget (negative: mindreforbrug),
//! - resultat inkl. overførsler = afvigelse + overført fra sidste år
//!   (negative: an overskud).
//!
//! and a part's stated figures are the sums of its lines. A figure that is not
//! given is derived only when one of these relations gives it exactly from
//! known figures, and it says so ([`Source::Derived`]); otherwise it stays
//! unknown. [`crate::check::followup_reconciles`] checks a relation only when
//! none of its terms was derived from it (so a check never merely confirms its
//! own derivation).

use crate::model::{Art, Opfølgning, OpfølgningDel, OpfølgningLinje, Scenario};
use crate::money::{checked_sum, Decimal, Exact, Figure, Overflow, Unit};
use crate::numfmt::{amount_text, format_number, NumberStyle};
use crate::table::{Cell, Column, ColumnKind, Lang, Row, RowKind, Table};

/// One of the relations of a follow-up line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// korrigeret = oprindeligt + tillæg
    Korrigeret,
    /// afvigelse = forventet − korrigeret
    Afvigelse,
    /// resultat = afvigelse + overført
    Resultat,
}

/// Where a figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Given in the scenario.
    Stated,
    /// Derived exactly from the other figures of the line by a relation.
    Derived(Relation),
    /// The sum of the part's lines (every one of them known).
    SumOfLines,
}

/// A figure and where it comes from (`None` when unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    pub figure: Figure,
    pub source: Option<Source>,
}

impl Value {
    const UNKNOWN: Value = Value {
        figure: Figure::Unknown,
        source: None,
    };

    pub fn stated(v: Option<Decimal>) -> Value {
        match v {
            Some(d) => Value {
                figure: Figure::Known(d),
                source: Some(Source::Stated),
            },
            None => Value::UNKNOWN,
        }
    }

    pub fn known(self) -> Option<Decimal> {
        self.figure.known()
    }

    pub fn is_derived(self) -> bool {
        matches!(
            self.source,
            Some(Source::Derived(_)) | Some(Source::SumOfLines)
        )
    }

    pub fn derived_by(self, r: Relation) -> bool {
        self.source == Some(Source::Derived(r))
    }
}

/// The columns of a follow-up table, in the documents' order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Oprindeligt,
    Tillæg,
    Korrigeret,
    Forbrug,
    Forventet,
    Afvigelse,
    Overført,
    Resultat,
}

impl Col {
    pub const ALL: [Col; 8] = [
        Col::Oprindeligt,
        Col::Tillæg,
        Col::Korrigeret,
        Col::Forbrug,
        Col::Forventet,
        Col::Afvigelse,
        Col::Overført,
        Col::Resultat,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Col::Oprindeligt => lang.pick("Oprindeligt budget", "Original budget"),
            Col::Tillæg => lang.pick("Tillægsbevillinger", "Supplementary appropriations"),
            Col::Korrigeret => lang.pick("Korrigeret budget", "Corrected budget"),
            Col::Forbrug => lang.pick("Forbrug pr. dato", "Spent to date"),
            Col::Forventet => lang.pick("Forventet regnskab", "Expected outturn"),
            Col::Afvigelse => lang.pick("Afvigelse", "Variance"),
            Col::Overført => lang.pick("Overført fra sidste år", "Carried over from last year"),
            Col::Resultat => lang.pick("Resultat inkl. overførsler", "Result incl. carry-overs"),
        }
    }

    /// The key of the figure in the scenario file.
    pub fn key(self) -> &'static str {
        match self {
            Col::Oprindeligt => "oprindeligt",
            Col::Tillæg => "tillæg",
            Col::Korrigeret => "korrigeret",
            Col::Forbrug => "forbrug",
            Col::Forventet => "forventet",
            Col::Afvigelse => "afvigelse",
            Col::Overført => "overført",
            Col::Resultat => "resultat",
        }
    }
}

/// A line's figures after derivation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinjeFigures {
    pub original: Value,
    /// Sum of the tillæg (a known zero when there are none).
    pub tillæg: Value,
    pub corrected: Value,
    pub forbrug: Value,
    pub forventet: Value,
    pub afvigelse: Value,
    pub overført: Value,
    pub resultat: Value,
}

impl LinjeFigures {
    pub fn get(&self, c: Col) -> Value {
        match c {
            Col::Oprindeligt => self.original,
            Col::Tillæg => self.tillæg,
            Col::Korrigeret => self.corrected,
            Col::Forbrug => self.forbrug,
            Col::Forventet => self.forventet,
            Col::Afvigelse => self.afvigelse,
            Col::Overført => self.overført,
            Col::Resultat => self.resultat,
        }
    }

    fn slot(&mut self, c: Col) -> &mut Value {
        match c {
            Col::Oprindeligt => &mut self.original,
            Col::Tillæg => &mut self.tillæg,
            Col::Korrigeret => &mut self.corrected,
            Col::Forbrug => &mut self.forbrug,
            Col::Forventet => &mut self.forventet,
            Col::Afvigelse => &mut self.afvigelse,
            Col::Overført => &mut self.overført,
            Col::Resultat => &mut self.resultat,
        }
    }
}

pub(crate) fn add(a: Decimal, b: Decimal, what: &str) -> Result<Decimal, Overflow> {
    a.exact_add(b).ok_or_else(|| Overflow::new(what))
}

pub(crate) fn sub(a: Decimal, b: Decimal, what: &str) -> Result<Decimal, Overflow> {
    a.exact_sub(b).ok_or_else(|| Overflow::new(what))
}

/// A line's stated figures, and for a part with lines, the sums of its lines
/// where the part does not state a figure and every line's is known.
fn stated(l: &OpfølgningLinje, lines: &[LinjeFigures]) -> Result<LinjeFigures, Overflow> {
    let own_tillæg = match &l.tillæg {
        Some(list) => Some(checked_sum(list.iter().map(|c| c.amount), "tillæg")?),
        None => None,
    };
    let mut f = LinjeFigures {
        original: Value::stated(l.original),
        tillæg: Value::stated(own_tillæg),
        corrected: Value::stated(l.corrected),
        forbrug: Value::stated(l.forbrug),
        forventet: Value::stated(l.forventet),
        afvigelse: Value::stated(l.afvigelse),
        overført: Value::stated(l.overført),
        resultat: Value::stated(l.resultat),
    };
    if !lines.is_empty() {
        for c in Col::ALL {
            if f.get(c).source.is_some() {
                continue;
            }
            let sum = Figure::sum(lines.iter().map(|x| x.get(c).figure), c.key())?;
            if sum.is_known() {
                *f.slot(c) = Value {
                    figure: sum,
                    source: Some(Source::SumOfLines),
                };
            }
        }
    }
    Ok(f)
}

/// Derives what follows exactly from the relations, until nothing more does.
fn derive(mut f: LinjeFigures) -> Result<LinjeFigures, Overflow> {
    let d = |v: Decimal, r: Relation| Value {
        figure: Figure::Known(v),
        source: Some(Source::Derived(r)),
    };
    // Each round derives at least one figure or stops; there are six.
    for _ in 0..8 {
        let before = f;
        let t = f.tillæg.known();
        let (o, k, fo, a, ov, r) = (
            f.original.known(),
            f.corrected.known(),
            f.forventet.known(),
            f.afvigelse.known(),
            f.overført.known(),
            f.resultat.known(),
        );
        match (k, o, t, fo, a) {
            (None, Some(o), Some(t), _, _) => {
                f.corrected = d(add(o, t, "korrigeret budget")?, Relation::Korrigeret)
            }
            (None, _, _, Some(fo), Some(a)) => {
                f.corrected = d(sub(fo, a, "korrigeret budget")?, Relation::Afvigelse)
            }
            _ => {}
        }
        if let (None, Some(k), Some(t)) = (o, f.corrected.known(), t) {
            f.original = d(sub(k, t, "oprindeligt budget")?, Relation::Korrigeret);
        }
        let k = f.corrected.known();
        match (a, fo, k, r, ov) {
            (None, Some(fo), Some(k), _, _) => {
                f.afvigelse = d(sub(fo, k, "afvigelse")?, Relation::Afvigelse)
            }
            (None, _, _, Some(r), Some(ov)) => {
                f.afvigelse = d(sub(r, ov, "afvigelse")?, Relation::Resultat)
            }
            _ => {}
        }
        let a = f.afvigelse.known();
        if let (None, Some(k), Some(a)) = (fo, k, a) {
            f.forventet = d(add(k, a, "forventet regnskab")?, Relation::Afvigelse);
        }
        if let (None, Some(a), Some(ov)) = (r, a, ov) {
            f.resultat = d(add(a, ov, "resultat")?, Relation::Resultat);
        }
        if let (None, Some(r), Some(a)) = (ov, f.resultat.known(), a) {
            f.overført = d(sub(r, a, "overført")?, Relation::Resultat);
        }
        if f == before {
            break;
        }
    }
    Ok(f)
}

/// A line's figures: stated, summed from lines, or derived.
pub fn linje_figures(
    l: &OpfølgningLinje,
    lines: &[LinjeFigures],
) -> Result<LinjeFigures, Overflow> {
    derive(stated(l, lines)?)
}

/// A part's lines' figures and the part's own.
pub fn del_figures(d: &OpfølgningDel) -> Result<(Vec<LinjeFigures>, LinjeFigures), Overflow> {
    let lines = d
        .lines
        .iter()
        .map(|l| linje_figures(l, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    let total = linje_figures(&d.total, &lines)?;
    Ok((lines, total))
}

/// [`del_figures`] of the part at `path` (`budgetopfølgning.dele[0]`): an
/// overflow names the line or part it happened in, so the error is placed
/// in the file.
pub fn del_figures_at(
    d: &OpfølgningDel,
    path: &str,
) -> Result<(Vec<LinjeFigures>, LinjeFigures), Overflow> {
    let lines = d
        .lines
        .iter()
        .enumerate()
        .map(|(j, l)| linje_figures(l, &[]).map_err(|e| e.at(format!("{path}.linjer[{j}]"))))
        .collect::<Result<Vec<_>, _>>()?;
    let total = linje_figures(&d.total, &lines).map_err(|e| e.at(path))?;
    Ok((lines, total))
}

/// Sum per column over several lines' figures (unknown as soon as one is).
fn column_sums(items: &[LinjeFigures]) -> Result<Vec<(Col, Figure)>, Overflow> {
    Col::ALL
        .iter()
        .map(|&c| {
            Ok((
                c,
                Figure::sum(items.iter().map(|x| x.get(c).figure), c.key())?,
            ))
        })
        .collect()
}

// ---------------------------------------------------------------- report

fn cell(v: Value) -> Cell {
    match v.figure {
        Figure::Known(d) => Cell::Amount(d),
        Figure::Unknown => Cell::Unknown,
    }
}

fn fig_cell(f: Figure) -> Cell {
    match f {
        Figure::Known(d) => Cell::Amount(d),
        Figure::Unknown => Cell::Unknown,
    }
}

fn art_label(a: Art, lang: Lang) -> &'static str {
    match a {
        Art::Service => lang.pick("Service", "Service"),
        Art::Indsats => lang.pick("Indsats", "Employment measures"),
        Art::Indkomstoverførsler => lang.pick("Indkomstoverførsler", "Income transfers"),
        Art::Anlæg => lang.pick("Anlæg", "Capital"),
    }
}

/// The word a document uses for an afvigelse of this sign and kind.
fn afvigelse_word(a: Decimal, art: Art, lang: Lang) -> &'static str {
    let transfers = art == Art::Indkomstoverførsler;
    if a.is_zero() {
        lang.pick("budget i balance", "on budget")
    } else if a.is_sign_negative() {
        if transfers {
            lang.pick("mindreudgift", "underspend")
        } else {
            lang.pick("mindreforbrug", "underspend")
        }
    } else if transfers {
        lang.pick("merudgift", "overspend")
    } else {
        lang.pick("merforbrug", "overspend")
    }
}

/// The follow-up's tables: the parts with their lines (Korrigeret budget,
/// Forventet regnskab, Afvigelse, Overført fra sidste år, Resultat inkl.
/// overførsler), the totals by kind of spending, and the changes since the
/// previous follow-up.
pub fn tables(s: &Scenario, lang: Lang) -> Result<Vec<Table>, Overflow> {
    let Some(o) = &s.opfølgning else {
        return Ok(Vec::new());
    };
    let figures = o
        .parts
        .iter()
        .enumerate()
        .map(|(i, d)| del_figures_at(d, &format!("budgetopfølgning.dele[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let cols = shown_columns(&figures);
    let title = o.title.clone().unwrap_or_else(|| default_title(o, lang));
    let mut out = vec![followup_table(s, o, &figures, &cols, &title, lang)];
    out.extend(art_table(o, &figures, &cols, &title, lang)?);
    out.extend(since_table(o, lang));
    Ok(out)
}

/// The columns shown: oprindeligt, tillæg and forbrug only when the scenario
/// gives any of them.
fn shown_columns(figures: &[(Vec<LinjeFigures>, LinjeFigures)]) -> Vec<Col> {
    let all_lines: Vec<&LinjeFigures> = figures
        .iter()
        .flat_map(|(lines, total)| lines.iter().chain(std::iter::once(total)))
        .collect();
    Col::ALL
        .iter()
        .copied()
        .filter(|&c| match c {
            Col::Oprindeligt => all_lines.iter().any(|f| f.original.figure.is_known()),
            Col::Tillæg => all_lines.iter().any(|f| f.tillæg.figure.is_known()),
            Col::Forbrug => all_lines.iter().any(|f| f.forbrug.figure.is_known()),
            _ => true,
        })
        .collect()
}

fn amount_columns(cols: &[Col], lang: Lang) -> Vec<Column> {
    cols.iter()
        .map(|c| Column {
            label: c.label(lang).to_string(),
            kind: ColumnKind::Amount,
        })
        .collect()
}

/// `Budgetopfølgning pr. DATO: OMRÅDE` when the scenario names no title.
fn default_title(o: &Opfølgning, lang: Lang) -> String {
    let when = o
        .date
        .as_ref()
        .map(|d| format!(" {} {d}", lang.pick("pr.", "as of")))
        .unwrap_or_default();
    format!(
        "{}{when}{}",
        lang.pick("Budgetopfølgning", "Budget follow-up"),
        o.area
            .as_ref()
            .map(|a| format!(": {a}"))
            .unwrap_or_default()
    )
}

/// The follow-up table itself: every del with its lines and its total, and
/// the notes that say the afvigelser and results in words.
fn followup_table(
    s: &Scenario,
    o: &Opfølgning,
    figures: &[(Vec<LinjeFigures>, LinjeFigures)],
    cols: &[Col],
    title: &str,
    lang: Lang,
) -> Table {
    let row = |label: &str, kind: RowKind, f: &LinjeFigures| Row {
        label: label.to_string(),
        kind,
        cells: cols.iter().map(|&c| cell(f.get(c))).collect(),
    };
    let mut rows = Vec::new();
    let mut notes = vec![lang
        .pick(
            "Afvigelse = forventet regnskab − korrigeret budget: negativ er et mindreforbrug, positiv et merforbrug. Overført fra sidste år: negativ er et overskud, positiv et underskud. Resultat inkl. overførsler = afvigelse + overført.",
            "Variance = expected outturn − corrected budget: negative is an underspend, positive an overspend. Carried over: negative is a surplus, positive a deficit. Result incl. carry-overs = variance + carried over.",
        )
        .to_string()];
    let mut derived_notes = Vec::new();
    for (d, (lines, total)) in o.parts.iter().zip(figures) {
        if lines.is_empty() {
            rows.push(row(&d.total.name, RowKind::Item, total));
        } else {
            rows.push(Row::section(&d.total.name, cols.len()));
            for (l, f) in d.lines.iter().zip(lines) {
                rows.push(row(&l.name, RowKind::Item, f));
                describe(
                    &l.name,
                    d.art,
                    l,
                    f,
                    (s.unit, s.prisniveau),
                    lang,
                    &mut notes,
                    &mut derived_notes,
                );
            }
            rows.push(row(
                &format!("{} {}", lang.pick("I alt", "Total"), d.total.name),
                RowKind::Total,
                total,
            ));
        }
        describe(
            &d.total.name,
            d.art,
            &d.total,
            total,
            (s.unit, s.prisniveau),
            lang,
            &mut notes,
            &mut derived_notes,
        );
    }
    notes.extend(derived_notes);
    Table {
        id: format!("budgetopfoelgning-{}", o.year),
        title: format!(
            "{title} ({} {})",
            lang.pick("budgetår", "budget year"),
            o.year
        ),
        stub: None,
        columns: amount_columns(cols, lang),
        rows,
        notes,
    }
}

/// Totals by kind of spending (service, overførsler): servicerammen is what
/// the law limits. None when no del names its kind.
fn art_table(
    o: &Opfølgning,
    figures: &[(Vec<LinjeFigures>, LinjeFigures)],
    cols: &[Col],
    title: &str,
    lang: Lang,
) -> Result<Option<Table>, Overflow> {
    let arts: Vec<Art> = Art::ALL
        .iter()
        .copied()
        .filter(|a| o.parts.iter().any(|d| d.art == *a))
        .collect();
    if arts.is_empty() {
        return Ok(None);
    }
    let totals: Vec<LinjeFigures> = figures.iter().map(|(_, t)| *t).collect();
    let sum_row = |label: &str, kind: RowKind, of: &[LinjeFigures]| -> Result<Row, Overflow> {
        let sums = column_sums(of).map_err(|e| e.at("budgetopfølgning.dele"))?;
        Ok(Row {
            label: label.to_string(),
            kind,
            cells: cols
                .iter()
                .map(|c| {
                    sums.iter()
                        .find(|(x, _)| x == c)
                        .map_or(Cell::Unknown, |(_, f)| fig_cell(*f))
                })
                .collect(),
        })
    };
    let mut rows = Vec::new();
    for &a in &arts {
        let of_art: Vec<LinjeFigures> = o
            .parts
            .iter()
            .zip(&totals)
            .filter(|(d, _)| d.art == a)
            .map(|(_, t)| *t)
            .collect();
        rows.push(sum_row(art_label(a, lang), RowKind::Item, &of_art)?);
    }
    rows.push(sum_row(
        lang.pick("I alt", "Total"),
        RowKind::Total,
        &totals,
    )?);
    Ok(Some(Table {
        id: format!("budgetopfoelgning-{}-art", o.year),
        title: format!(
            "{title}: {}",
            lang.pick(
                "service og overførsler i alt",
                "service and transfers in total"
            )
        ),
        stub: None,
        columns: amount_columns(cols, lang),
        rows,
        notes: Vec::new(),
    }))
}

/// Changes since the previous follow-up: a different quantity from the
/// afvigelse. None when no line gives one.
fn since_table(o: &Opfølgning, lang: Lang) -> Option<Table> {
    let rows: Vec<Row> = o
        .parts
        .iter()
        .flat_map(|d| d.lines.iter().chain(std::iter::once(&d.total)))
        .filter_map(|l| {
            l.siden_forrige.map(|v| Row {
                label: l.name.clone(),
                kind: RowKind::Item,
                cells: vec![Cell::Amount(v)],
            })
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let since = o.previous.clone().unwrap_or_else(|| {
        lang.pick("seneste budgetopfølgning", "the previous follow-up")
            .to_string()
    });
    Some(Table {
        id: format!("budgetopfoelgning-{}-siden-forrige", o.year),
        title: format!(
            "{} {since}",
            lang.pick(
                "Forventet regnskab: ændring siden",
                "Expected outturn: change since"
            )
        ),
        stub: None,
        columns: vec![Column {
            label: lang
                .pick("Ændring i forventet regnskab", "Change in expected outturn")
                .to_string(),
            kind: ColumnKind::Amount,
        }],
        rows,
        notes: vec![lang
            .pick(
                "Ændringen er i forhold til forventningen ved seneste budgetopfølgning, ikke en afvigelse i forhold til budgettet.",
                "The change is against the previous follow-up's expectation, not a variance against the budget.",
            )
            .to_string()],
    })
}

/// Notes under the table: the afvigelse and the result in words, as the
/// documents write them, use of savings, and which figures are derived.
#[allow(clippy::too_many_arguments)]
fn describe(
    name: &str,
    art: Art,
    l: &OpfølgningLinje,
    f: &LinjeFigures,
    (unit, level): (Unit, Option<crate::model::Year>),
    lang: Lang,
    notes: &mut Vec<String>,
    derived: &mut Vec<String>,
) {
    // An amount in words is the scenario's own: where it states its price
    // level the words say it, so they stay true when the table beside them
    // is converted to another (`report --prisniveau`).
    let at_level = |text: String| match level {
        Some(y) => format!("{text} ({y}-{})", lang.pick("priser", "prices")),
        None => text,
    };
    let words = |d: Decimal| at_level(amount_words(d.abs(), unit, lang));
    let mut parts = Vec::new();
    if let Some(a) = f.afvigelse.known() {
        let word = afvigelse_word(a, art, lang);
        parts.push(if a.is_zero() {
            word.to_string()
        } else {
            format!(
                "{} {word} {} {}",
                lang.pick("forventet", "expected"),
                lang.pick("på", "of"),
                words(a)
            )
        });
    }
    if let Some(r) = f.resultat.known() {
        let word = if r.is_zero() {
            lang.pick("i balance", "balanced")
        } else if r.is_sign_negative() {
            lang.pick("overskud", "surplus")
        } else {
            lang.pick("underskud", "deficit")
        };
        parts.push(if r.is_zero() {
            format!(
                "{}: {word}",
                lang.pick("resultat inkl. overførsler", "result incl. carry-overs")
            )
        } else {
            format!(
                "{}: {word} {} {}",
                lang.pick("resultat inkl. overførsler", "result incl. carry-overs"),
                lang.pick("på", "of"),
                words(r)
            )
        });
    }
    if let Some(b) = l.brug_af_opsparing {
        parts.push(format!(
            "{} {}",
            lang.pick(
                "forventer at bruge opsparede midler på",
                "expects to use savings of"
            ),
            at_level(amount_words(b, unit, lang))
        ));
    }
    if !parts.is_empty() {
        notes.push(format!("{name}: {}", sentence(&parts.join("; "))));
    }
    let mut which = Vec::new();
    for c in Col::ALL {
        let v = f.get(c);
        if v.is_derived() && v.figure.is_known() {
            let how = match v.source {
                Some(Source::Derived(Relation::Korrigeret)) => lang.pick(
                    "oprindeligt + tillæg = korrigeret",
                    "original + supplementary = corrected",
                ),
                Some(Source::Derived(Relation::Afvigelse)) => lang.pick(
                    "afvigelse = forventet − korrigeret",
                    "variance = expected − corrected",
                ),
                Some(Source::Derived(Relation::Resultat)) => lang.pick(
                    "resultat = afvigelse + overført",
                    "result = variance + carried over",
                ),
                _ => lang.pick("summen af linjerne", "the sum of the lines"),
            };
            which.push(format!("{} ({how})", c.label(lang).to_lowercase()));
        }
    }
    if !which.is_empty() {
        derived.push(format!(
            "{name}: {} {}",
            lang.pick("afledt, ikke oplyst:", "derived, not given:"),
            sentence(&which.join(", "))
        ));
    }
}

/// An exact amount in words in the language of the table: `0,1 mio. kr.`
/// in Danish, `DKK 0.1 million` in English (as the English tables' numbers).
fn amount_words(kroner: Decimal, unit: Unit, lang: Lang) -> String {
    if lang == Lang::Da {
        return amount_text(kroner, unit);
    }
    let Ok(v) = unit.from_kroner(kroner) else {
        let decimals = if kroner.fract().is_zero() { 0 } else { 2 };
        return format!(
            "DKK {}",
            format_number(kroner, decimals, NumberStyle::ENGLISH)
        );
    };
    let v = v.normalize();
    let (decimals, after) = match unit {
        Unit::Mio => (v.scale().max(1), " million"),
        Unit::TKr => (v.scale(), " thousand"),
        Unit::Kr if v.scale() > 0 => (v.scale().max(2), ""),
        Unit::Kr => (0, ""),
    };
    format!(
        "DKK {}{after}",
        format_number(v, decimals, NumberStyle::ENGLISH)
    )
}

/// `text` ending in one full stop (`7,3 mio. kr.` is not given a second one).
fn sentence(text: &str) -> String {
    if text.ends_with('.') {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The follow-up of a scenario, if any (for callers that only need to know).
pub fn of(s: &Scenario) -> Option<&Opfølgning> {
    s.opfølgning.as_ref()
}
