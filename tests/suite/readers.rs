//! verify's readers on documents as people write and publish them: the
//! reference tables of Randers' items 116 and 119 and a table with a planted
//! error (tests/data/docs, made by make-fixtures.py) read from Word, PDF,
//! layout text, pasted text, HTML, xlsx and ods give the same tables as the
//! text version.

use sparekrav::document::{Block, Document};
use sparekrav::numfmt::NumberStyle;
use sparekrav::read::{self, Source};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/data/docs/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn read_with(f: read::ReadFn, name: &str) -> Document {
    let bytes = fixture(name);
    f(&Source {
        name,
        bytes: &bytes,
        style: NumberStyle::DANISH,
    })
    .unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// Tables as tab-separated rows, numbers in Danish style, trailing empty
/// cells dropped.
fn tsv(doc: &Document) -> Vec<Vec<String>> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .map(|t| {
            t.rows
                .iter()
                .map(|r| {
                    let mut cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| match t.style {
                            Some(s) if s.decimal == '.' && read::layout::is_figure(&c.text) => {
                                c.text.replace('.', ",")
                            }
                            _ => c.text.clone(),
                        })
                        .collect();
                    while cells.last().is_some_and(|c| c.is_empty()) {
                        cells.pop();
                    }
                    cells.join("\t")
                })
                .collect()
        })
        .collect()
}

fn expected() -> Vec<Vec<String>> {
    let text = String::from_utf8(fixture("randers.txt")).unwrap();
    let mut tables = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.contains('\t') {
            let mut cells: Vec<&str> = line.split('\t').collect();
            while cells.last().is_some_and(|c| c.is_empty()) {
                cells.pop();
            }
            cur.push(cells.join("\t"));
        } else if !cur.is_empty() {
            tables.push(std::mem::take(&mut cur));
        }
    }
    tables
}

/// Every relation judged in a document: (relation, verdict, detail), in order.
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

#[test]
fn every_format_gets_the_text_versions_verdicts() {
    let text = read_with(read::text::read, "randers.txt");
    let want = verdicts(&text);
    // The reference: 24 relations, the planted error among them.
    assert_eq!(want.len(), 24);
    let errors: Vec<&(String, String, String)> = want.iter().filter(|v| v.1 == "Error").collect();
    assert_eq!(errors.len(), 1, "{want:#?}");
    assert_eq!(errors[0].0, "I alt konto 6 [2027]: sum of 2 rows");
    assert!(
        errors[0].2.contains("it should read 9,8"),
        "{}",
        errors[0].2
    );
    for (f, name) in [
        (read::docx::read as read::ReadFn, "randers.docx"),
        (read::html::read, "randers.html"),
        (read::xlsx::read, "randers.xlsx"),
        (read::ods::read, "randers.ods"),
        (read::pdf::read, "randers.pdf"),
        (read::layout::read, "randers.layout.txt"),
        (read::pasted::read, "randers.pasted.txt"),
        (read::text::read, "randers.pasted.txt"),
        (read::text::read, "randers.layout.txt"),
        (read::text::read, "randers.cp1252.txt"),
        (read::text::read, "randers.utf16.txt"),
    ] {
        let doc = read_with(f, name);
        assert_eq!(verdicts(&doc), want, "{name}");
    }
    // Flattened rows: the same verdicts; where the heading row is words,
    // its columns are named by their last words.
    let flat = verdicts(&read_with(read::text::read, "randers.flattened.txt"));
    let strip = |v: &[(String, String, String)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(r, v, _)| (r.split(" [").next().unwrap_or("").to_string(), v.clone()))
            .collect()
    };
    assert_eq!(strip(&flat), strip(&want));
}

#[test]
fn every_format_gives_the_text_versions_tables() {
    let want = expected();
    assert_eq!(want.len(), 5);
    for (f, name) in [
        (read::docx::read as read::ReadFn, "randers.docx"),
        (read::html::read, "randers.html"),
        (read::xlsx::read, "randers.xlsx"),
        (read::ods::read, "randers.ods"),
        (read::pdf::read, "randers.pdf"),
        (read::layout::read, "randers.layout.txt"),
        (read::pasted::read, "randers.pasted.txt"),
    ] {
        let doc = read_with(f, name);
        assert_eq!(tsv(&doc), want, "{name}");
    }
}

#[test]
fn flattened_rows_give_the_same_tables_but_for_word_headings() {
    let want = expected();
    let got = tsv(&read_with(read::pasted::read, "randers.flattened.txt"));
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        // A heading row of words cannot be split by the figures: only its
        // last words are taken as column headings.
        let years = w[0]
            .split('\t')
            .skip(1)
            .all(|c| c.parse::<u32>().is_ok() || c == "Anlægsbevillinger");
        if years {
            assert_eq!(g, w);
        } else {
            assert_eq!(g[1..], w[1..]);
        }
    }
}

#[test]
fn a_table_pasted_column_by_column_is_said_not_silently_dropped() {
    let doc = read_with(read::text::read, "randers.raw.txt");
    let read_tables = tsv(&doc).len();
    let seen = doc
        .notices
        .iter()
        .filter(|n| n.message.contains("a table was seen"))
        .count();
    assert!(seen >= 1, "{:?}", doc.notices);
    // Every reference table is either read or said.
    assert!(
        read_tables + seen >= 5,
        "{read_tables} read, {seen} said: {:?}",
        doc.notices
    );
}

fn refused(f: read::ReadFn, name: &str) -> String {
    let bytes = fixture(&format!("hostile/{name}"));
    match f(&Source {
        name,
        bytes: &bytes,
        style: NumberStyle::DANISH,
    }) {
        Ok(doc) => panic!("{name} was read: {} blocks", doc.blocks.len()),
        Err(e) => e.message,
    }
}

#[test]
fn hostile_documents_are_refused_with_a_clear_message() {
    let m = refused(read::docx::read, "bomb.docx");
    assert!(m.contains("zip bomb"), "{m}");
    let m = refused(read::xlsx::read, "bomb.xlsx");
    assert!(m.contains("zip bomb"), "{m}");
    let m = refused(read::docx::read, "malformed.docx");
    assert!(m.contains("malformed XML in word/document.xml"), "{m}");
    let m = refused(read::pdf::read, "bomb.pdf");
    assert!(m.contains("compression bomb"), "{m}");
    let m = refused(read::pdf::read, "scan.pdf");
    assert!(m.contains("no text layer") && m.contains("OCR"), "{m}");
    let m = refused(read::pdf::read, "encrypted.pdf");
    assert!(m.contains("encrypted"), "{m}");
    let m = refused(read::pdf::read, "nested.pdf");
    assert!(m.contains("not a readable PDF"), "{m}");
}
