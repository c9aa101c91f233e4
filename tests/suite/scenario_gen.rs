//! A generator of scenario files for property tests: a konto with a
//! requirement per year and initiatives tagged with a centre and a kategori.

use proptest::prelude::*;
use sparekrav::money::{Decimal, Unit};

pub const YEARS: [i32; 4] = [2026, 2027, 2028, 2029];
pub const CENTERS: [&str; 3] = ["Center Nord", "Center Midt", "Center Syd"];
pub const KATEGORIER: [&str; 2] = ["Medarbejdere", "Reducerede udgifter"];

#[derive(Clone, Debug)]
pub struct GenInitiative {
    pub center: usize,
    pub kategori: usize,
    /// Per year, in kr. with øre.
    pub amounts: [Decimal; 4],
}

#[derive(Clone, Debug)]
pub struct GenScenario {
    pub krav: [Decimal; 4],
    pub initiatives: Vec<GenInitiative>,
}

/// Kroner with øre, up to 100 mio. kr.; savings negative.
fn four(max_ore: i64, sign: i64) -> impl Strategy<Value = [Decimal; 4]> {
    proptest::array::uniform4(0..max_ore)
        .prop_map(move |o| o.map(|ore| Decimal::new(sign * ore, 2)))
}

pub fn scenario() -> impl Strategy<Value = GenScenario> {
    let initiative =
        (0..3usize, 0..2usize, four(2_000_000_000, -1)).prop_map(|(center, kategori, amounts)| {
            GenInitiative {
                center,
                kategori,
                amounts,
            }
        });
    (
        four(10_000_000_000, 1),
        proptest::collection::vec(initiative, 1..8),
    )
        // A total of zero has no shares; keep the generated totals non-zero.
        .prop_filter("non-zero realized total", |(_, inits)| {
            (0..4).all(|i| inits.iter().map(|x| x.amounts[i]).sum::<Decimal>() != Decimal::ZERO)
        })
        .prop_map(|(krav, initiatives)| GenScenario { krav, initiatives })
}

/// `kroner` written in `unit`, exactly.
/// Three decimals after a non-zero integer part of up to three digits
/// (`1.234`) would be refused as looking like thousands grouping; such an
/// amount is written with a fourth decimal (`1.2340`), as the refusal says.
fn in_unit(kroner: Decimal, unit: Unit) -> String {
    let v = (kroner / unit.kroner()).normalize();
    let abs = v.abs();
    if v.scale() == 3 && abs >= Decimal::ONE && abs < Decimal::ONE_THOUSAND {
        format!("{v}0")
    } else {
        v.to_string()
    }
}

fn year_map(values: &[Decimal; 4], unit: Unit) -> String {
    let parts: Vec<String> = YEARS
        .iter()
        .zip(values)
        .map(|(y, v)| format!("{y}: {}", in_unit(*v, unit)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

impl GenScenario {
    pub fn example() -> GenScenario {
        GenScenario {
            krav: [Decimal::new(61, 1) * Decimal::from(1_000_000); 4],
            initiatives: vec![GenInitiative {
                center: 1,
                kategori: 0,
                amounts: [Decimal::new(-350_000_001, 2); 4],
            }],
        }
    }

    pub fn realized(&self, year: usize) -> Decimal {
        self.initiatives.iter().map(|x| x.amounts[year]).sum()
    }

    /// The scenario as a file with amounts in `unit`.
    pub fn yaml(&self, unit: Unit) -> String {
        self.yaml_named(unit, &Names::plain(self.initiatives.len()))
    }

    /// The same, with the given labels (written as YAML double-quoted
    /// strings, so any text can be a label).
    pub fn yaml_named(&self, unit: Unit, names: &Names) -> String {
        let q = |t: &str| serde_json::to_string(t).unwrap_or_default();
        let list = |v: &[String]| v.iter().map(|t| q(t)).collect::<Vec<_>>().join(", ");
        let mut s = format!(
            "titel: {}\nenhed: {}\når: [2026, 2027, 2028, 2029]\n\
             konti:\n  a: {{navn: {}, kort: konto 6, hovedkonto: 6}}\n\
             dimensioner:\n  center: [{}]\n  kategori: [{}]\n\
             besparelseskrav:\n  a: {}\nrealiserede_besparelser:\n  a:\n    initiativer:\n",
            q(&names.title),
            unit.name(),
            q(&names.konto),
            list(&names.centers),
            list(&names.kategorier),
            year_map(&self.krav, unit)
        );
        for (i, x) in self.initiatives.iter().enumerate() {
            s.push_str(&format!(
                "      - navn: {}\n        dimensioner: {{center: {}, kategori: {}}}\n        beløb: {}\n",
                q(names.initiatives.get(i).map_or("Initiativ", String::as_str)),
                q(&names.centers[x.center]),
                q(&names.kategorier[x.kategori]),
                year_map(&x.amounts, unit)
            ));
        }
        s
    }

    /// The same, with a stated total and marginal breakdowns by centre and
    /// kategori beside the initiatives; the centre breakdown's first member is
    /// off by `off` kroner in the first year.
    pub fn yaml_with_marginals(&self, unit: Unit, off: Decimal) -> String {
        let mut s = self.yaml(unit);
        let totals: [Decimal; 4] = std::array::from_fn(|i| self.realized(i));
        s.push_str(&format!(
            "    i_alt: {}\n    fordelinger:\n",
            year_map(&totals, unit)
        ));
        for (dim, names, pick) in [
            (
                "center",
                &CENTERS[..],
                (|x: &GenInitiative| x.center) as fn(&GenInitiative) -> usize,
            ),
            ("kategori", &KATEGORIER[..], |x: &GenInitiative| x.kategori),
        ] {
            s.push_str(&format!("      {dim}:\n"));
            for (m, name) in names.iter().enumerate() {
                let mut v: [Decimal; 4] = std::array::from_fn(|i| {
                    self.initiatives
                        .iter()
                        .filter(|x| pick(x) == m)
                        .map(|x| x.amounts[i])
                        .sum()
                });
                if dim == "center" && m == 0 {
                    v[0] += off;
                }
                s.push_str(&format!("        {name}: {}\n", year_map(&v, unit)));
            }
        }
        s
    }
}

/// The labels a generated scenario is written with.
#[derive(Clone, Debug)]
pub struct Names {
    pub title: String,
    pub konto: String,
    pub centers: Vec<String>,
    pub kategorier: Vec<String>,
    pub initiatives: Vec<String>,
}

impl Names {
    /// The plain labels (`Center Nord`, `Initiativ 0` …).
    pub fn plain(initiatives: usize) -> Names {
        Names {
            title: "Genereret".to_string(),
            konto: "Konto 6 (service)".to_string(),
            centers: CENTERS.iter().map(|c| c.to_string()).collect(),
            kategorier: KATEGORIER.iter().map(|c| c.to_string()).collect(),
            initiatives: (0..initiatives).map(|i| format!("Initiativ {i}")).collect(),
        }
    }
}

/// A label as a hostile or careless user writes it: the characters that
/// need care in some format (`|`, `\\`, `;`, `"`, a line break, a tab, NUL,
/// a terminal escape, Markdown and HTML, a spreadsheet formula, a leading
/// `-`, `+`, `@`, `=`), around ordinary words.
pub fn hostile_label() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Nedsat tid".to_string()),
        Just("|".to_string()),
        Just("a | b".to_string()),
        Just("\\".to_string()),
        Just(";".to_string()),
        Just(",".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]8;;http://evil.example\u{7}klik\u{1b}]8;;\u{7}".to_string()),
        Just("\u{202e}".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("=HYPERLINK(\"http://evil.example/x\",\"klik\")".to_string()),
        // Words that make an item look like a total or a part of the row
        // above it: verify must still read the tool's own output right.
        Just("Total".to_string()),
        Just("i alt".to_string()),
        Just("I alt".to_string()),
        Just("Heraf".to_string()),
        Just("heraf ".to_string()),
        Just("Samlet".to_string()),
        Just("- frivillig nedsat tid".to_string()),
        Just("+45".to_string()),
        Just("@SUM(A1)".to_string()),
        Just("æøå".to_string()),
        "[A-Za-z ]{1,8}",
    ];
    proptest::collection::vec(piece, 1..4).prop_map(|v| v.concat())
}

/// Labels for a scenario with `initiatives` initiatives, each hostile; a
/// dimension's members are made distinct by a number at the end.
pub fn hostile_names(initiatives: usize) -> impl Strategy<Value = Names> {
    (
        hostile_label(),
        hostile_label(),
        proptest::collection::vec(hostile_label(), 3),
        proptest::collection::vec(hostile_label(), 2),
        proptest::collection::vec(hostile_label(), initiatives),
    )
        .prop_map(|(title, konto, centers, kategorier, initiatives)| {
            let numbered = |v: Vec<String>| {
                v.into_iter()
                    .enumerate()
                    .map(|(i, t)| format!("{t} {i}"))
                    .collect()
            };
            Names {
                title,
                konto,
                centers: numbered(centers),
                kategorier: numbered(kategorier),
                initiatives,
            }
        })
}
