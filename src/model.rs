//! The domain model of a scenario. No I/O: readers in [`crate::input`] build
//! it, [`crate::calc`], [`crate::check`] and [`crate::report`] work on it.
//!
//! All amounts are exact [`Decimal`]s in kroner. A figure that the scenario
//! does not give is absent from its [`YearValues`], and reads as
//! [`Figure::Unknown`], never as zero.

use std::collections::BTreeMap;

use crate::money::{Decimal, Figure, Unit};

/// A budget year (2026).
pub type Year = i32;

/// Amounts per year; a year that is not there is unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearValues(pub BTreeMap<Year, Decimal>);

impl YearValues {
    pub fn get(&self, year: Year) -> Figure {
        Figure::from_option(self.0.get(&year).copied())
    }

    pub fn years(&self) -> impl Iterator<Item = Year> + '_ {
        self.0.keys().copied()
    }
}

/// An account area: konto 6 service, konto 5 indsats, konto 5 overførsler,
/// or any other the scenario names (tilbudsviften, servicerammen ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Konto {
    /// The key used in the file (`service`).
    pub id: String,
    /// Row and section label (`Konto 6 (service)`).
    pub name: String,
    /// Short name used in `I alt konto 6`.
    pub short: String,
    /// Hovedkonto (5 or 6), used to total konti of the same hovedkonto.
    pub hovedkonto: Option<u32>,
}

/// A dimension that realized savings are broken down by (center, kategori ...),
/// with its members in the order the scenario lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dimension {
    pub name: String,
    pub members: Vec<String>,
}

/// A concrete initiative that realizes savings (amounts negative).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiative {
    pub name: String,
    /// Member per dimension (`center` -> `Center for Job og Udvikling`).
    pub tags: BTreeMap<String, String>,
    pub amounts: YearValues,
}

/// A breakdown given only at its margin: totals per member of one dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    pub dimension: String,
    /// In the dimension's member order.
    pub parts: Vec<(String, YearValues)>,
}

/// Realiserede besparelser of one konto, in whichever forms the scenario gives.
/// Every form that is given must reconcile with every other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Realiseret {
    /// The total as stated.
    pub total: Option<YearValues>,
    pub initiatives: Vec<Initiative>,
    pub breakdowns: Vec<Breakdown>,
}

/// A target that differs from the reform's assumption (KL's sigtelinje).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sigtelinje {
    pub konto: String,
    pub year: Year,
    pub amount: Decimal,
    pub text: Option<String>,
}

/// Money saved from earlier years that can cover a gap for a while.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opsparing {
    pub konto: String,
    /// Available at the end of this year; covers gaps from the next year on.
    pub ultimo: Year,
    pub amount: Decimal,
    pub text: Option<String>,
}

/// One line of a bevillingsansøgning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsøgningLine {
    pub label: String,
    pub amount: Decimal,
}

/// A request to change an appropriation (tillægsbevilling), in one area and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bevillingsansøgning {
    pub text: String,
    pub area: String,
    pub year: Year,
    /// An anlægsbevilling (capital), shown in its own column.
    pub anlæg: bool,
    /// The request's lines; their sum is the request.
    pub lines: Vec<AnsøgningLine>,
    /// A move between two areas or politikområder: its lines must net to zero.
    pub move_nets_to_zero: bool,
}

impl Bevillingsansøgning {
    pub fn amount(&self) -> Result<Decimal, crate::money::Overflow> {
        crate::money::checked_sum(self.lines.iter().map(|l| l.amount), "bevillingsansøgning")
    }
}

/// The table of bevillingsansøgninger of one budget follow-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bevillinger {
    pub title: Option<String>,
    pub years: Vec<Year>,
    pub areas: Vec<String>,
    /// Show the Anlægsbevillinger column.
    pub anlæg_column: bool,
    pub requests: Vec<Bevillingsansøgning>,
    /// The unit the requests are written in (messages use it).
    pub unit: Unit,
}

/// An approved change to a budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetChange {
    pub text: String,
    pub amount: Decimal,
}

/// A budget and its approved changes: korrigeret = oprindeligt + ændringer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub area: String,
    pub year: Year,
    pub original: Option<Decimal>,
    pub changes: Vec<BudgetChange>,
    /// As stated; computed from the original when not given.
    pub corrected: Option<Decimal>,
}

/// A whole scenario: one case write-up's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scenario {
    pub title: String,
    pub source: Option<String>,
    /// Reform years, ascending (the budget year first, then the out-years).
    pub years: Vec<Year>,
    /// Year that further savings are measured against (the first year by default).
    pub base_year: Option<Year>,
    pub konti: Vec<Konto>,
    pub dimensions: Vec<Dimension>,
    /// Besparelseskrav per konto id.
    pub besparelseskrav: BTreeMap<String, YearValues>,
    /// Realiserede besparelser per konto id.
    pub realiseret: BTreeMap<String, Realiseret>,
    pub sigtelinjer: Vec<Sigtelinje>,
    pub opsparing: Vec<Opsparing>,
    pub bevillinger: Option<Bevillinger>,
    pub budgets: Vec<Budget>,
    /// The budget follow-up (budgetopfølgning), when the scenario gives one.
    pub opfølgning: Option<Opfølgning>,
    /// The unit the scenario's amounts are written in; messages use it.
    pub unit: Unit,
    /// The price level of every amount in the scenario (`2026`: 2026-priser).
    pub prisniveau: Option<Year>,
    /// Pris- og lønskøn per year, for converting to another price level.
    pub pl_skøn: Vec<PlSkøn>,
}

impl Scenario {
    pub fn konto(&self, id: &str) -> Option<&Konto> {
        self.konti.iter().find(|k| k.id == id)
    }

    pub fn dimension(&self, name: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.name == name)
    }

    /// The year further savings are measured against.
    pub fn base_year(&self) -> Option<Year> {
        self.base_year.or_else(|| self.years.first().copied())
    }
}

/// What kind of spending a follow-up line is: servicerammen is what the law
/// limits, indkomstoverførsler are driven by the number of recipients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Art {
    Service,
    Indsats,
    Indkomstoverførsler,
    Anlæg,
}

impl Art {
    pub const ALL: [Art; 4] = [
        Art::Service,
        Art::Indsats,
        Art::Indkomstoverførsler,
        Art::Anlæg,
    ];

    /// The word used in files and tables (`service`, `indkomstoverførsler`).
    pub fn key(self) -> &'static str {
        match self {
            Art::Service => "service",
            Art::Indsats => "indsats",
            Art::Indkomstoverførsler => "indkomstoverførsler",
            Art::Anlæg => "anlæg",
        }
    }
}

/// One line of a budget follow-up (a bevillingsområde's part, or a
/// politikområde under it). Every figure is optional: what is not given is
/// unknown, and [`crate::calc::opfølgning_figures`] derives only what follows
/// exactly from what is given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpfølgningLinje {
    pub name: String,
    /// Oprindeligt budget.
    pub original: Option<Decimal>,
    /// Approved tillægsbevillinger; korrigeret = oprindeligt + their sum.
    /// `None` when not given (unknown); `Some(vec![])` when there are none.
    pub tillæg: Option<Vec<BudgetChange>>,
    /// Korrigeret budget as stated.
    pub corrected: Option<Decimal>,
    /// Forbrug pr. opfølgningsdato.
    pub forbrug: Option<Decimal>,
    /// Forventet regnskab.
    pub forventet: Option<Decimal>,
    /// Afvigelse = forventet − korrigeret (negative: mindreforbrug), as stated.
    pub afvigelse: Option<Decimal>,
    /// Overført fra sidste år (negative: an overskud carried over; positive: an underskud).
    pub overført: Option<Decimal>,
    /// Resultat inkl. overførsler = afvigelse + overført, as stated.
    pub resultat: Option<Decimal>,
    /// Savings (opsparede midler) the line expects to use this year.
    pub brug_af_opsparing: Option<Decimal>,
    /// Change in forventet regnskab since the previous follow-up: not an afvigelse.
    pub siden_forrige: Option<Decimal>,
    pub text: Option<String>,
}

/// A part of the follow-up: one kind of spending, its own figures (stated
/// totals) and optionally the lines (politikområder) under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpfølgningDel {
    pub art: Art,
    /// The part's own figures: the total of its lines where those are given.
    pub total: OpfølgningLinje,
    pub lines: Vec<OpfølgningLinje>,
}

/// A budget follow-up (budgetopfølgning / forventet regnskab) for the budget year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opfølgning {
    pub title: Option<String>,
    /// The bevillingsområde (`Beskæftigelse, integration og ydelser`).
    pub area: Option<String>,
    pub year: Year,
    /// Opfølgningsdato as written (`30. september 2025`).
    pub date: Option<String>,
    /// The previous follow-up's date (`31. maj 2025`).
    pub previous: Option<String>,
    pub parts: Vec<OpfølgningDel>,
}

/// One year's pris- og lønskøn: growth from the year before, in percent
/// ([`crate::pl`] converts with it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlSkøn {
    pub year: Year,
    pub løn: Option<Decimal>,
    pub priser: Option<Decimal>,
    pub samlet: Option<Decimal>,
}
