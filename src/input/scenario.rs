//! The scenario file: its serde structs (which also generate the JSON Schema)
//! and their conversion into the domain model, with every semantic check that
//! needs the whole file (undefined konto or center, a year outside the
//! scenario, more decimals than the unit allows). Each error carries the key path.

use std::collections::{BTreeMap, HashMap, HashSet};

use schemars::JsonSchema;
use serde::Deserialize;

use super::amount::{Amount, YearKey};
use super::unique_map::UniqueMap;
use crate::model::{
    AnsøgningLine, Art, Bevillinger, Bevillingsansøgning, Breakdown, Budget, BudgetChange,
    Dimension, Initiative, Konto, Opfølgning, OpfølgningDel, OpfølgningLinje, Opsparing,
    Realiseret, Scenario, Sigtelinje, Year, YearValues,
};
use crate::money::{Decimal, Unit};

/// Amounts per year; `~` (null) or a missing year means unknown.
pub type YearMap = UniqueMap<YearKey, Option<Amount>>;

/// A sparekrav scenario: the figures of one case write-up.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Title of the case (printed above the tables).
    pub titel: String,
    /// Where the figures come from (meeting, agenda item).
    #[serde(default)]
    pub kilde: Option<String>,
    /// Unit of the amounts in the file: `kr.`, `t. kr.` or `mio. kr.`.
    pub enhed: UnitName,
    /// The reform's years: the budget year and the out-years (overslagsår).
    #[serde(default, rename = "år")]
    pub years: Vec<YearKey>,
    /// The year further savings are measured against (default: the first year).
    #[serde(default, rename = "basisår")]
    pub base_year: Option<YearKey>,
    /// The account areas, by the key used in the rest of the file.
    #[serde(default)]
    pub konti: UniqueMap<String, KontoFile>,
    /// Dimensions of the realized savings (center, kategori ...) and their members, in table order.
    #[serde(default)]
    pub dimensioner: UniqueMap<String, Vec<String>>,
    /// The reform's savings requirement per konto and year (positive: must be found).
    #[serde(default)]
    pub besparelseskrav: UniqueMap<String, YearMap>,
    /// Realized savings per konto (negative: they reduce spending).
    #[serde(default)]
    pub realiserede_besparelser: UniqueMap<String, RealiseretFile>,
    /// Targets that differ from the reform's assumption (KL's sigtelinjer).
    #[serde(default)]
    pub sigtelinjer: Vec<SigtelinjeFile>,
    /// Savings from earlier years that can cover a gap.
    #[serde(default)]
    pub opsparing: Vec<OpsparingFile>,
    /// Appropriation requests of a budget follow-up.
    #[serde(default, rename = "bevillingsansøgninger")]
    pub bevillingsansøgninger: Option<BevillingerFile>,
    /// Budgets and their approved changes (korrigeret budget).
    #[serde(default)]
    pub budgetter: Vec<BudgetFile>,
    /// Figures read from an ERP extract or a workbook through a mapping file
    /// (`{udtræk: udtræk.csv, mapping: map.yaml}`, relative to this file).
    #[serde(default)]
    pub data: Option<crate::input::import::scenario::DataFile>,
    /// The budget follow-up (budgetopfølgning / forventet regnskab) of the budget year.
    #[serde(default, rename = "budgetopfølgning")]
    pub budgetopfølgning: Option<OpfølgningFile>,
    /// The price level of every amount in the file (`2026` for 2026-priser).
    #[serde(default)]
    pub prisniveau: Option<YearKey>,
    /// Pris- og lønskøn per year, as KL publishes them: the growth from the
    /// year before, in percent (`2027: {løn: 3.2, priser: 2.0, samlet: 2.8}`).
    /// `report --prisniveau` converts with `samlet`.
    #[serde(default, rename = "pl_skøn")]
    pub pl_skøn: UniqueMap<YearKey, PlSkønFile>,
}

/// One year's pris- og lønskøn, in percent.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlSkønFile {
    #[serde(default, rename = "løn")]
    pub løn: Option<Amount>,
    #[serde(default)]
    pub priser: Option<Amount>,
    #[serde(default)]
    pub samlet: Option<Amount>,
}

/// A unit name as written in the file.
#[derive(Debug, Clone, Copy)]
pub struct UnitName(pub Unit);

struct UnitVisitor;

impl serde::de::Visitor<'_> for UnitVisitor {
    type Value = UnitName;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a unit (kr., t. kr. or mio. kr.)")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<UnitName, E> {
        Unit::parse(s).map(UnitName).ok_or_else(|| {
            E::custom(format!(
                "expected a unit (kr., t. kr. or mio. kr.), found {s:?}"
            ))
        })
    }
}

impl<'de> Deserialize<'de> for UnitName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Inside the visitor, so that serde_yaml gives the error its position.
        d.deserialize_str(UnitVisitor)
    }
}

impl JsonSchema for UnitName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Unit".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // From the one list the reader uses (`money::UNIT_SPELLINGS`): the
        // pattern accepts exactly what `Unit::parse` does.
        let examples: Vec<&str> = crate::money::UNIT_SPELLINGS
            .iter()
            .map(|(s, _)| *s)
            .collect();
        schemars::json_schema!({
            "description": "kr., t. kr. or mio. kr. (case, spaces and points are free: T. kr., tkr, 1.000 kr., mio.kr.)",
            "type": "string",
            "pattern": crate::money::unit_pattern(),
            "examples": examples
        })
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KontoFile {
    /// Label of the konto in tables, e.g. `Konto 6 (service)`.
    pub navn: String,
    /// Short name used in `I alt ...` rows, e.g. `konto 6` (default: the label).
    #[serde(default)]
    pub kort: Option<String>,
    /// Hovedkonto (5 or 6): konti with the same hovedkonto are totalled together.
    #[serde(default)]
    pub hovedkonto: Option<u32>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RealiseretFile {
    /// The realized total per year, as stated.
    #[serde(default)]
    pub i_alt: Option<YearMap>,
    /// Concrete initiatives, each tagged with its center, kategori ...
    #[serde(default)]
    pub initiativer: Vec<InitiativeFile>,
    /// Breakdowns known only at their margin: dimension -> member -> amounts per year.
    #[serde(default)]
    pub fordelinger: UniqueMap<String, UniqueMap<String, YearMap>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativeFile {
    pub navn: String,
    /// Member per dimension, e.g. `{center: Center for Job og Udvikling, kategori: Medarbejdere}`.
    #[serde(default)]
    pub dimensioner: UniqueMap<String, String>,
    /// Amounts per year (negative: savings).
    #[serde(rename = "beløb")]
    pub amounts: YearMap,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SigtelinjeFile {
    pub konto: String,
    #[serde(rename = "år")]
    pub year: YearKey,
    /// The target's savings (positive, like besparelseskrav).
    #[serde(rename = "beløb")]
    pub amount: Amount,
    #[serde(default)]
    pub tekst: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpsparingFile {
    pub konto: String,
    /// Saved up by the end of this year; covers gaps from the next year on.
    pub ultimo: YearKey,
    /// The amount saved (positive).
    #[serde(rename = "beløb")]
    pub amount: Amount,
    #[serde(default)]
    pub tekst: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BevillingerFile {
    #[serde(default)]
    pub titel: Option<String>,
    /// Unit of this section's amounts (default: the file's unit).
    #[serde(default)]
    pub enhed: Option<UnitName>,
    /// Years shown as columns.
    #[serde(rename = "år")]
    pub years: Vec<YearKey>,
    /// Areas shown as rows (Servicerammen, Indkomstoverførsler ...).
    #[serde(rename = "områder")]
    pub areas: Vec<String>,
    /// Show the Anlægsbevillinger column.
    #[serde(default, rename = "anlægsbevillinger")]
    pub anlæg_column: bool,
    #[serde(default, rename = "ansøgninger")]
    pub requests: Vec<AnsøgningFile>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnsøgningFile {
    pub tekst: String,
    #[serde(rename = "område")]
    pub area: String,
    #[serde(rename = "år")]
    pub year: YearKey,
    /// An anlægsbevilling (shown in the Anlægsbevillinger column).
    #[serde(default, rename = "anlæg")]
    pub anlæg: bool,
    /// The requested change (negative: a reduction). Give this or `flytning`.
    #[serde(default, rename = "beløb")]
    pub amount: Option<Amount>,
    /// A move between politikområder: lines that must net to zero.
    #[serde(default)]
    pub flytning: Option<UniqueMap<String, Amount>>,
}

/// A budget of one område and year: `oprindeligt` or `korrigeret` (or
/// both) must be given.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [
    {"required": ["oprindeligt"], "properties": {"oprindeligt": {"not": {"type": "null"}}}},
    {"required": ["korrigeret"], "properties": {"korrigeret": {"not": {"type": "null"}}}}
]))]
pub struct BudgetFile {
    #[serde(rename = "område")]
    pub area: String,
    #[serde(rename = "år")]
    pub year: YearKey,
    /// The original budget, if given.
    #[serde(default, rename = "oprindeligt")]
    pub original: Option<Amount>,
    /// Approved changes.
    #[serde(default, rename = "ændringer")]
    pub changes: Vec<BudgetChangeFile>,
    /// The corrected budget as stated; checked against original + changes.
    #[serde(default, rename = "korrigeret")]
    pub corrected: Option<Amount>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetChangeFile {
    pub tekst: String,
    #[serde(rename = "beløb")]
    pub amount: Amount,
}

/// A budget follow-up: per part (service, indsats, indkomstoverførsler, anlæg)
/// korrigeret budget, forventet regnskab, afvigelse and overførsler. Give only
/// the figures the document gives; the rest is derived where it follows
/// exactly (korrigeret = forventet − afvigelse ...) or stays unknown.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpfølgningFile {
    /// Caption (default: `Budgetopfølgning pr. <dato>`).
    #[serde(default)]
    pub titel: Option<String>,
    /// The bevillingsområde followed up (`Beskæftigelse, integration og ydelser`).
    #[serde(default, rename = "bevillingsområde")]
    pub area: Option<String>,
    /// The budget year followed up.
    #[serde(rename = "år")]
    pub year: YearKey,
    /// Opfølgningsdato as written in the document (`30. september 2025`).
    #[serde(default)]
    pub dato: Option<String>,
    /// Date of the previous follow-up (`31. maj 2025`), for `ændring_siden_forrige`.
    #[serde(default)]
    pub forrige: Option<String>,
    /// Unit of this section's amounts (default: the file's unit).
    #[serde(default)]
    pub enhed: Option<UnitName>,
    /// The parts, in table order.
    #[serde(rename = "dele")]
    pub parts: Vec<OpfølgningDelFile>,
}

/// The kind of spending of a follow-up part.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
pub enum ArtFile {
    #[serde(rename = "service")]
    Service,
    #[serde(rename = "indsats")]
    Indsats,
    #[serde(rename = "indkomstoverførsler")]
    Indkomstoverførsler,
    #[serde(rename = "anlæg")]
    Anlæg,
}

/// One part of a follow-up: its own figures (the part's total) and the lines under it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpfølgningDelFile {
    /// Row label (`Servicerammen`, `Indkomstoverførsler`).
    pub navn: String,
    /// service, indsats, indkomstoverførsler or anlæg.
    pub art: ArtFile,
    /// Oprindeligt budget.
    #[serde(default)]
    pub oprindeligt: Option<Amount>,
    /// Approved tillægsbevillinger (negative: a reduction). Not given: unknown;
    /// `[]`: there are none.
    #[serde(default, rename = "tillæg")]
    pub tillæg: Option<Vec<BudgetChangeFile>>,
    /// Korrigeret budget as stated; checked against oprindeligt + tillæg.
    #[serde(default)]
    pub korrigeret: Option<Amount>,
    /// Forbrug pr. opfølgningsdato.
    #[serde(default)]
    pub forbrug: Option<Amount>,
    /// Forventet regnskab.
    #[serde(default)]
    pub forventet: Option<Amount>,
    /// Afvigelse = forventet − korrigeret: negative a mindreforbrug, positive a merforbrug.
    #[serde(default)]
    pub afvigelse: Option<Amount>,
    /// Overført fra sidste år: negative an overskud (opsparing), positive an underskud.
    #[serde(default, rename = "overført")]
    pub overført: Option<Amount>,
    /// Resultat inkl. overførsler as stated; checked against afvigelse + overført.
    #[serde(default)]
    pub resultat: Option<Amount>,
    /// Opsparede midler the part expects to use this year (positive).
    #[serde(default)]
    pub brug_af_opsparing: Option<Amount>,
    /// Change in forventet regnskab since the previous follow-up (not an afvigelse).
    #[serde(default, rename = "ændring_siden_forrige")]
    pub siden_forrige: Option<Amount>,
    #[serde(default)]
    pub tekst: Option<String>,
    /// Lines (politikområder) under the part; where all are given, the part's
    /// stated figures must be their sum.
    #[serde(default)]
    pub linjer: Vec<OpfølgningLinjeFile>,
}

/// One line (politikområde) under a follow-up part.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpfølgningLinjeFile {
    pub navn: String,
    #[serde(default)]
    pub oprindeligt: Option<Amount>,
    /// Approved tillægsbevillinger. Not given: unknown; `[]`: there are none.
    #[serde(default, rename = "tillæg")]
    pub tillæg: Option<Vec<BudgetChangeFile>>,
    #[serde(default)]
    pub korrigeret: Option<Amount>,
    #[serde(default)]
    pub forbrug: Option<Amount>,
    #[serde(default)]
    pub forventet: Option<Amount>,
    /// Afvigelse = forventet − korrigeret: negative a mindreforbrug, positive a merforbrug.
    #[serde(default)]
    pub afvigelse: Option<Amount>,
    #[serde(default, rename = "overført")]
    pub overført: Option<Amount>,
    #[serde(default)]
    pub resultat: Option<Amount>,
    #[serde(default)]
    pub brug_af_opsparing: Option<Amount>,
    /// Change in forventet regnskab since the previous follow-up (not an afvigelse).
    #[serde(default, rename = "ændring_siden_forrige")]
    pub siden_forrige: Option<Amount>,
    #[serde(default)]
    pub tekst: Option<String>,
}

/// The figures of a part or a line, as written.
struct LinjeRef<'a> {
    navn: &'a str,
    oprindeligt: Option<Amount>,
    tillæg: Option<&'a [BudgetChangeFile]>,
    korrigeret: Option<Amount>,
    forbrug: Option<Amount>,
    forventet: Option<Amount>,
    afvigelse: Option<Amount>,
    overført: Option<Amount>,
    resultat: Option<Amount>,
    brug_af_opsparing: Option<Amount>,
    siden_forrige: Option<Amount>,
    tekst: &'a Option<String>,
}

impl OpfølgningDelFile {
    fn figures(&self) -> LinjeRef<'_> {
        LinjeRef {
            navn: &self.navn,
            oprindeligt: self.oprindeligt,
            tillæg: self.tillæg.as_deref(),
            korrigeret: self.korrigeret,
            forbrug: self.forbrug,
            forventet: self.forventet,
            afvigelse: self.afvigelse,
            overført: self.overført,
            resultat: self.resultat,
            brug_af_opsparing: self.brug_af_opsparing,
            siden_forrige: self.siden_forrige,
            tekst: &self.tekst,
        }
    }
}

impl OpfølgningLinjeFile {
    fn figures(&self) -> LinjeRef<'_> {
        LinjeRef {
            navn: &self.navn,
            oprindeligt: self.oprindeligt,
            tillæg: self.tillæg.as_deref(),
            korrigeret: self.korrigeret,
            forbrug: self.forbrug,
            forventet: self.forventet,
            afvigelse: self.afvigelse,
            overført: self.overført,
            resultat: self.resultat,
            brug_af_opsparing: self.brug_af_opsparing,
            siden_forrige: self.siden_forrige,
            tekst: &self.tekst,
        }
    }
}

/// A semantic error: key path and message (the reader adds file, line, column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    pub path: String,
    pub message: String,
}

struct Converter {
    unit: Unit,
    years: Vec<Year>,
    errors: Vec<PathError>,
    /// The konti's ids and each dimension's members, for lookups in constant
    /// time (a scan per reference made reading quadratic).
    konto_ids: HashSet<String>,
    members: HashMap<String, HashMap<String, usize>>,
}

impl Converter {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(PathError {
            path: path.into(),
            message: message.into(),
        });
    }

    /// An amount in `unit`, converted to kroner.
    fn amount_in(&mut self, unit: Unit, a: Amount, path: &str) -> Option<Decimal> {
        if let Some(hint) = super::amount::grouping_ambiguity(a, unit) {
            self.err(path, hint);
            return None;
        }
        if a.decimals > unit.max_decimals() {
            self.err(
                path,
                format!(
                    "{} has {} decimals, more than {} allows ({}: whole øre)",
                    a.value,
                    a.decimals,
                    unit.name(),
                    unit.max_decimals()
                ),
            );
            return None;
        }
        match unit.to_kroner(a.value) {
            Ok(v) => Some(v),
            Err(_) => {
                self.err(
                    path,
                    format!(
                        "{} {} is too large to convert to kr. exactly",
                        a.value,
                        unit.name()
                    ),
                );
                None
            }
        }
    }

    fn amount(&mut self, a: Amount, path: &str) -> Option<Decimal> {
        self.amount_in(self.unit, a, path)
    }

    fn year_in_scenario(&mut self, y: Year, path: &str) -> bool {
        if self.years.is_empty() || self.years.contains(&y) {
            return true;
        }
        let list = self
            .years
            .iter()
            .map(Year::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        self.err(
            path,
            format!("year {y} is not one of the scenario's years ({list})"),
        );
        false
    }

    fn year_map(&mut self, map: &YearMap, path: &str) -> YearValues {
        let mut out = BTreeMap::new();
        for (YearKey(y), amount) in map.iter() {
            let p = format!("{path}.{y}");
            if !self.year_in_scenario(*y, &p) {
                continue;
            }
            if let Some(a) = amount {
                if let Some(v) = self.amount(*a, &p) {
                    out.insert(*y, v);
                }
            }
        }
        YearValues(out)
    }

    fn konto_ref(&mut self, konti: &[Konto], id: &str, path: &str) -> bool {
        if self.konto_ids.contains(id) {
            return true;
        }
        let mut known: Vec<&str> = konti.iter().map(|k| k.id.as_str()).take(20).collect();
        if konti.len() > known.len() {
            known.push("…");
        }
        let hint = if known.is_empty() {
            "the scenario defines no konti (add them under `konti`)".to_string()
        } else {
            format!("defined konti: {}", known.join(", "))
        };
        self.err(path, format!("unknown konto {id:?}; {hint}"));
        false
    }

    fn member_ref(
        &mut self,
        dims: &[Dimension],
        dim: &str,
        member: &str,
        path: &str,
        dim_path: &str,
    ) -> bool {
        let known_member = self
            .members
            .get(dim)
            .is_some_and(|m| m.contains_key(member));
        match dims.iter().find(|d| d.name == dim) {
            None => {
                let known: Vec<&str> = dims.iter().map(|d| d.name.as_str()).collect();
                self.err(
                    dim_path,
                    format!(
                        "undefined dimension {dim:?}; defined under `dimensioner`: {}",
                        if known.is_empty() {
                            "none".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                );
                false
            }
            Some(d) if !known_member => {
                self.err(
                    path,
                    format!(
                        "undefined {dim} {member:?}; defined: {}",
                        d.members.join(", ")
                    ),
                );
                false
            }
            Some(_) => true,
        }
    }
}

/// Converts a read file into the domain model, or lists every problem found.
pub fn to_model(file: &ScenarioFile) -> Result<Scenario, Vec<PathError>> {
    let mut c = Converter {
        unit: file.enhed.0,
        years: file.years.iter().map(|y| y.0).collect(),
        errors: Vec::new(),
        konto_ids: file.konti.iter().map(|(id, _)| id.clone()).collect(),
        members: HashMap::new(),
    };

    // Years: ascending, no repeats.
    for (i, pair) in c.years.clone().windows(2).enumerate() {
        if let [a, b] = pair {
            if b <= a {
                c.err(
                    format!("år[{}]", i + 1),
                    format!("years must be listed once each, in ascending order ({b} after {a})"),
                );
            }
        }
    }
    let base_year = file.base_year.map(|y| y.0);
    if let Some(b) = base_year {
        c.year_in_scenario(b, "basisår");
    }

    let konti: Vec<Konto> = file
        .konti
        .iter()
        .map(|(id, k)| Konto {
            id: id.clone(),
            name: k.navn.clone(),
            short: k.kort.clone().unwrap_or_else(|| k.navn.clone()),
            hovedkonto: k.hovedkonto,
        })
        .collect();

    let mut dimensions = Vec::new();
    for (name, members) in file.dimensioner.iter() {
        let mut index: HashMap<String, usize> = HashMap::with_capacity(members.len());
        for (i, m) in members.iter().enumerate() {
            if index.contains_key(m) {
                c.err(
                    format!("dimensioner.{name}[{i}]"),
                    format!("{m:?} is listed twice"),
                );
            } else {
                index.insert(m.clone(), i);
            }
        }
        c.members.insert(name.clone(), index);
        dimensions.push(Dimension {
            name: name.clone(),
            members: members.clone(),
        });
    }

    let needs_years = !file.besparelseskrav.is_empty() || !file.realiserede_besparelser.is_empty();
    if needs_years && c.years.is_empty() {
        c.err("år", "the scenario gives besparelseskrav or realiserede besparelser but no years (`år: [2026, 2027, ...]`)");
    }

    let mut besparelseskrav = BTreeMap::new();
    for (id, map) in file.besparelseskrav.iter() {
        let path = format!("besparelseskrav.{id}");
        if c.konto_ref(&konti, id, &path) {
            besparelseskrav.insert(id.clone(), c.year_map(map, &path));
        }
    }

    let mut realiseret = BTreeMap::new();
    for (id, r) in file.realiserede_besparelser.iter() {
        let path = format!("realiserede_besparelser.{id}");
        if !c.konto_ref(&konti, id, &path) {
            continue;
        }
        let total = r
            .i_alt
            .as_ref()
            .map(|m| c.year_map(m, &format!("{path}.i_alt")));
        let mut initiatives = Vec::new();
        for (i, init) in r.initiativer.iter().enumerate() {
            let ipath = format!("{path}.initiativer[{i}]");
            let mut tags = BTreeMap::new();
            for (dim, member) in init.dimensioner.iter() {
                let dpath = format!("{ipath}.dimensioner.{dim}");
                if c.member_ref(&dimensions, dim, member, &dpath, &dpath) {
                    tags.insert(dim.clone(), member.clone());
                }
            }
            initiatives.push(Initiative {
                name: init.navn.clone(),
                tags,
                amounts: c.year_map(&init.amounts, &format!("{ipath}.beløb")),
            });
        }
        let mut breakdowns = Vec::new();
        for (dim, parts) in r.fordelinger.iter() {
            let dpath = format!("{path}.fordelinger.{dim}");
            let mut out = Vec::new();
            for (member, map) in parts.iter() {
                let mpath = format!("{dpath}.{member}");
                if c.member_ref(&dimensions, dim, member, &mpath, &dpath) {
                    out.push((member.clone(), c.year_map(map, &mpath)));
                }
            }
            // Table order is the dimension's member order.
            if let Some(index) = c.members.get(dim) {
                out.sort_by_key(|(m, _)| index.get(m).copied());
            }
            breakdowns.push(Breakdown {
                dimension: dim.clone(),
                parts: out,
            });
        }
        realiseret.insert(
            id.clone(),
            Realiseret {
                total,
                initiatives,
                breakdowns,
            },
        );
    }

    let mut sigtelinjer = Vec::new();
    for (i, s) in file.sigtelinjer.iter().enumerate() {
        let path = format!("sigtelinjer[{i}]");
        let ok_konto = c.konto_ref(&konti, &s.konto, &format!("{path}.konto"));
        let ok_year = c.year_in_scenario(s.year.0, &format!("{path}.år"));
        let amount = c.amount(s.amount, &format!("{path}.beløb"));
        if let (true, true, Some(amount)) = (ok_konto, ok_year, amount) {
            sigtelinjer.push(Sigtelinje {
                konto: s.konto.clone(),
                year: s.year.0,
                amount,
                text: s.tekst.clone(),
            });
        }
    }

    let mut opsparing = Vec::new();
    for (i, o) in file.opsparing.iter().enumerate() {
        let path = format!("opsparing[{i}]");
        let ok_konto = c.konto_ref(&konti, &o.konto, &format!("{path}.konto"));
        let ok_year = c.year_in_scenario(o.ultimo.0, &format!("{path}.ultimo"));
        let amount = c.amount(o.amount, &format!("{path}.beløb"));
        if let (true, true, Some(amount)) = (ok_konto, ok_year, amount) {
            opsparing.push(Opsparing {
                konto: o.konto.clone(),
                ultimo: o.ultimo.0,
                amount,
                text: o.tekst.clone(),
            });
        }
    }

    let bevillinger = file
        .bevillingsansøgninger
        .as_ref()
        .map(|b| bevillinger(&mut c, b));

    let mut budgets = Vec::new();
    for (i, b) in file.budgetter.iter().enumerate() {
        let path = format!("budgetter[{i}]");
        if b.original.is_none() && b.corrected.is_none() {
            c.err(
                &path,
                "a budget needs `oprindeligt` or `korrigeret` (or both)",
            );
        }
        let original = b
            .original
            .and_then(|a| c.amount(a, &format!("{path}.oprindeligt")));
        let corrected = b
            .corrected
            .and_then(|a| c.amount(a, &format!("{path}.korrigeret")));
        let changes = b
            .changes
            .iter()
            .enumerate()
            .filter_map(|(j, ch)| {
                c.amount(ch.amount, &format!("{path}.ændringer[{j}].beløb"))
                    .map(|amount| BudgetChange {
                        text: ch.tekst.clone(),
                        amount,
                    })
            })
            .collect();
        budgets.push(Budget {
            area: b.area.clone(),
            year: b.year.0,
            original,
            changes,
            corrected,
        });
    }

    let opfølgning = file
        .budgetopfølgning
        .as_ref()
        .map(|o| opfølgning(&mut c, o));

    let mut pl_skøn = Vec::new();
    for (YearKey(y), p) in file.pl_skøn.iter() {
        let mut pct = |a: Option<Amount>, key: &str| {
            let a = a?;
            if a.value <= Decimal::from(-100) {
                c.err(
                    format!("pl_skøn.{y}.{key}"),
                    format!("{} % is not a growth rate (it must be above -100)", a.value),
                );
                return None;
            }
            Some(a.value)
        };
        pl_skøn.push(crate::model::PlSkøn {
            year: *y,
            løn: pct(p.løn, "løn"),
            priser: pct(p.priser, "priser"),
            samlet: pct(p.samlet, "samlet"),
        });
    }

    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    Ok(Scenario {
        title: file.titel.clone(),
        source: file.kilde.clone(),
        years: c.years,
        base_year,
        konti,
        dimensions,
        besparelseskrav,
        realiseret,
        sigtelinjer,
        opsparing,
        bevillinger,
        budgets,
        opfølgning,
        unit: file.enhed.0,
        prisniveau: file.prisniveau.map(|y| y.0),
        pl_skøn,
    })
}

fn opfølgning(c: &mut Converter, o: &OpfølgningFile) -> Opfølgning {
    let unit = o.enhed.map_or(c.unit, |u| u.0);
    let mut parts = Vec::new();
    for (i, d) in o.parts.iter().enumerate() {
        let path = format!("budgetopfølgning.dele[{i}]");
        let lines = d
            .linjer
            .iter()
            .enumerate()
            .map(|(j, l)| linje(c, unit, &l.figures(), &format!("{path}.linjer[{j}]")))
            .collect();
        parts.push(OpfølgningDel {
            art: match d.art {
                ArtFile::Service => Art::Service,
                ArtFile::Indsats => Art::Indsats,
                ArtFile::Indkomstoverførsler => Art::Indkomstoverførsler,
                ArtFile::Anlæg => Art::Anlæg,
            },
            total: linje(c, unit, &d.figures(), &path),
            lines,
        });
    }
    Opfølgning {
        title: o.titel.clone(),
        area: o.area.clone(),
        year: o.year.0,
        date: o.dato.clone(),
        previous: o.forrige.clone(),
        parts,
    }
}

fn linje(c: &mut Converter, unit: Unit, l: &LinjeRef<'_>, path: &str) -> OpfølgningLinje {
    let mut amount = |a: Option<Amount>, key: &str| {
        a.and_then(|a| c.amount_in(unit, a, &format!("{path}.{key}")))
    };
    let original = amount(l.oprindeligt, "oprindeligt");
    let corrected = amount(l.korrigeret, "korrigeret");
    let forbrug = amount(l.forbrug, "forbrug");
    let forventet = amount(l.forventet, "forventet");
    let afvigelse = amount(l.afvigelse, "afvigelse");
    let overført = amount(l.overført, "overført");
    let resultat = amount(l.resultat, "resultat");
    let brug_af_opsparing = amount(l.brug_af_opsparing, "brug_af_opsparing");
    let siden_forrige = amount(l.siden_forrige, "ændring_siden_forrige");
    let tillæg = l.tillæg.map(|list| {
        list.iter()
            .enumerate()
            .filter_map(|(j, ch)| {
                c.amount_in(unit, ch.amount, &format!("{path}.tillæg[{j}].beløb"))
                    .map(|amount| BudgetChange {
                        text: ch.tekst.clone(),
                        amount,
                    })
            })
            .collect()
    });
    OpfølgningLinje {
        name: l.navn.to_string(),
        original,
        tillæg,
        corrected,
        forbrug,
        forventet,
        afvigelse,
        overført,
        resultat,
        brug_af_opsparing,
        siden_forrige,
        text: l.tekst.clone(),
    }
}

fn bevillinger(c: &mut Converter, b: &BevillingerFile) -> Bevillinger {
    let unit = b.enhed.map_or(c.unit, |u| u.0);
    let years: Vec<Year> = b.years.iter().map(|y| y.0).collect();
    let mut requests = Vec::new();
    for (i, r) in b.requests.iter().enumerate() {
        let path = format!("bevillingsansøgninger.ansøgninger[{i}]");
        if !b.areas.contains(&r.area) {
            c.err(
                format!("{path}.område"),
                format!(
                    "unknown område {:?}; defined under `områder`: {}",
                    r.area,
                    b.areas.join(", ")
                ),
            );
        }
        if !years.contains(&r.year.0) {
            c.err(
                format!("{path}.år"),
                format!(
                    "year {} is not one of the table's years ({})",
                    r.year.0,
                    years
                        .iter()
                        .map(Year::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        let (lines, is_move) = match (&r.amount, &r.flytning) {
            (Some(a), None) => (
                c.amount_in(unit, *a, &format!("{path}.beløb"))
                    .map(|amount| {
                        vec![AnsøgningLine {
                            label: r.area.clone(),
                            amount,
                        }]
                    })
                    .unwrap_or_default(),
                false,
            ),
            (None, Some(lines)) => (
                lines
                    .iter()
                    .filter_map(|(label, a)| {
                        c.amount_in(unit, *a, &format!("{path}.flytning.{label}"))
                            .map(|amount| AnsøgningLine {
                                label: label.clone(),
                                amount,
                            })
                    })
                    .collect(),
                true,
            ),
            _ => {
                c.err(
                    &path,
                    "a bevillingsansøgning needs either `beløb` or `flytning`, not both or neither",
                );
                (Vec::new(), false)
            }
        };
        requests.push(Bevillingsansøgning {
            text: r.tekst.clone(),
            area: r.area.clone(),
            year: r.year.0,
            anlæg: r.anlæg,
            lines,
            move_nets_to_zero: is_move,
        });
    }
    Bevillinger {
        title: b.titel.clone(),
        years,
        areas: b.areas.clone(),
        anlæg_column: b.anlæg_column,
        requests,
        unit,
    }
}
