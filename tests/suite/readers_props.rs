//! Property: a generated table written as a Word document, an Excel workbook
//! (with a number format) and an HTML page is read as the same table as its
//! text form, and gets the same verdicts (its total right, or one off).

use proptest::prelude::*;
use sparekrav::document::Document;
use sparekrav::numfmt::NumberStyle;
use sparekrav::read::{self, Source};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A table: column headings, row labels, figures in tenths, and whether the
/// last row is a total (its figures the column sums, maybe one off).
#[derive(Clone, Debug)]
struct Gen {
    years: Vec<u32>,
    rows: Vec<(String, Vec<i64>)>,
    bold_total: bool,
}

const LABELS: &[&str] = &[
    "Besparelseskrav",
    "Realiserede besparelser",
    "Medarbejdere",
    "Reducerede udgifter",
    "Center for Job & Udvikling",
    "Tilbudsviften <indsats>",
    "Øvrige områder",
];

fn table() -> impl Strategy<Value = Gen> {
    (1usize..5, 2usize..6, any::<bool>(), 0i64..3).prop_flat_map(|(cols, rows, bold, off)| {
        proptest::collection::vec(proptest::collection::vec(-9999i64..9999, cols), rows).prop_map(
            move |figs| {
                let years: Vec<u32> = (0..cols as u32).map(|i| 2026 + i).collect();
                let mut rows: Vec<(String, Vec<i64>)> = figs
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (LABELS[i % LABELS.len()].to_string(), f.clone()))
                    .collect();
                let mut total: Vec<i64> =
                    (0..cols).map(|c| figs.iter().map(|r| r[c]).sum()).collect();
                total[0] += off - 1;
                rows.push(("I alt".into(), total));
                Gen {
                    years,
                    rows,
                    bold_total: bold,
                }
            },
        )
    })
}

/// Tenths in Danish (`-6,1`).
fn dk(t: i64) -> String {
    format!(
        "{}{},{}",
        if t < 0 { "-" } else { "" },
        t.abs() / 10,
        t.abs() % 10
    )
}

fn grid(g: &Gen) -> Vec<Vec<String>> {
    let mut out = vec![std::iter::once("Mio. kr.".to_string())
        .chain(g.years.iter().map(u32::to_string))
        .collect::<Vec<_>>()];
    for (label, figs) in &g.rows {
        out.push(
            std::iter::once(label.clone())
                .chain(figs.iter().map(|f| dk(*f)))
                .collect(),
        );
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn docx(g: &Gen) -> Vec<u8> {
    let mut body = String::from("<w:p><w:r><w:t>Tabel 1</w:t></w:r></w:p><w:tbl>");
    let rows = grid(g);
    let last = rows.len() - 1;
    for (i, r) in rows.iter().enumerate() {
        body.push_str("<w:tr>");
        for c in r {
            let b = if i == last && g.bold_total {
                "<w:rPr><w:b/></w:rPr>"
            } else {
                ""
            };
            body.push_str(&format!(
                "<w:tc><w:p><w:r>{b}<w:t>{}</w:t></w:r></w:p></w:tc>",
                esc(c)
            ));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    super::common::package(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", &doc),
    ])
}

fn html(g: &Gen) -> Vec<u8> {
    let rows = grid(g);
    let mut s = String::from("<html><body><h2>Punkt</h2><p>Tabel 1</p><table><thead><tr>");
    for c in &rows[0] {
        s.push_str(&format!("<th>{}</th>", esc(c)));
    }
    s.push_str("</tr></thead><tbody>");
    for r in &rows[1..] {
        s.push_str("<tr>");
        for c in r {
            s.push_str(&format!("<td>{}</td>", esc(c)));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></body></html>");
    s.into_bytes()
}

fn xlsx(g: &Gen) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let one = rust_xlsxwriter::Format::new().set_num_format("0.0");
    let bold = rust_xlsxwriter::Format::new()
        .set_num_format("0.0")
        .set_bold();
    ws.write_string(0, 0, "Mio. kr.").unwrap();
    for (c, y) in g.years.iter().enumerate() {
        ws.write_string(0, c as u16 + 1, y.to_string()).unwrap();
    }
    let last = g.rows.len() - 1;
    for (r, (label, figs)) in g.rows.iter().enumerate() {
        ws.write_string(r as u32 + 1, 0, label).unwrap();
        for (c, f) in figs.iter().enumerate() {
            // The workbook holds a double; its format shows one decimal.
            let v = *f as f64 / 10.0;
            let fmt = if r == last && g.bold_total {
                &bold
            } else {
                &one
            };
            ws.write_number_with_format(r as u32 + 1, c as u16 + 1, v, fmt)
                .unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn read_as(f: read::ReadFn, name: &str, bytes: &[u8]) -> Document {
    f(&Source {
        name,
        bytes,
        style: NumberStyle::DANISH,
    })
    .unwrap()
}

/// The document's one table in Danish text form.
fn cells(doc: &Document) -> Vec<Vec<String>> {
    let Some(t) = doc.tables().next() else {
        panic!("no table in {}: {:#?}", doc.name, doc.blocks)
    };
    t.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| match t.style {
                    Some(s) if s.decimal == '.' && read::layout::is_figure(&c.text) => {
                        c.text.replace('.', ",")
                    }
                    _ => c.text.clone(),
                })
                .collect()
        })
        .collect()
}

/// Every relation judged: (relation, verdict, detail).
fn verdicts(doc: &Document) -> Vec<(String, String, String)> {
    let options = sparekrav::verify::Options::default();
    let mut out = Vec::new();
    sparekrav::verify::verify(doc, &options, |t| {
        for c in t.checks {
            out.push((c.relation, format!("{:?}", c.verdict), c.detail));
        }
    });
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_format_reads_the_generated_table_as_its_text_form(g in table()) {
        let want = grid(&g);
        let text: String = want.iter().map(|r| r.join("\t") + "\n").collect();
        let from_text = read_as(read::layout::read, "t.txt", text.as_bytes());
        // The text form itself (tab-separated) is what the text reader reads;
        // layout text sees the same columns.
        prop_assert_eq!(cells(&from_text), want.clone());
        prop_assert_eq!(cells(&read_as(read::docx::read, "t.docx", &docx(&g))), want.clone());
        prop_assert_eq!(cells(&read_as(read::html::read, "t.html", &html(&g))), want.clone());
        prop_assert_eq!(cells(&read_as(read::xlsx::read, "t.xlsx", &xlsx(&g))), want.clone());
        // And so the same verdicts as the text form, read by the text reader.
        let want = verdicts(&read_as(read::text::read, "t.txt", text.as_bytes()));
        prop_assert!(!want.is_empty());
        prop_assert_eq!(verdicts(&read_as(read::docx::read, "t.docx", &docx(&g))), want.clone());
        prop_assert_eq!(verdicts(&read_as(read::html::read, "t.html", &html(&g))), want.clone());
        prop_assert_eq!(verdicts(&read_as(read::xlsx::read, "t.xlsx", &xlsx(&g))), want.clone());
        let doc = read_as(read::docx::read, "t.docx", &docx(&g));
        let t = doc.tables().next().unwrap();
        prop_assert_eq!(t.title.as_deref(), Some("Tabel 1"));
        prop_assert_eq!(t.rows.last().unwrap().cells[1].hints.bold, g.bold_total);
    }
}
