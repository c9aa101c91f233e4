//! Word documents (`.docx`): the body's paragraphs and tables, from
//! `word/document.xml` read through the zip package limits and a streaming
//! XML reader. Merged cells are placed where Word shows them: a cell spanning
//! columns (`w:gridSpan`) stands in its first column with empty cells after
//! it, a vertically merged cell (`w:vMerge`) shows its text in its first row
//! and is empty below. Bold runs, header rows and left indents are kept as
//! hints; every table row knows its table number and the nearest heading.
//! A table inside a table cell is read as that cell's text.

use std::collections::HashSet;

use super::package::Package;
use super::xml::{self, Ev};
use super::Source;
use crate::document::{
    Block, Cell, CellHints, Document, Loc, Paragraph, Row, Table, MAX_CELLS_PER_ROW,
    MAX_CELLS_PER_TABLE,
};
use crate::error::InputError;

const BODY: &str = "word/document.xml";

/// Styles whose paragraphs are headings: ids of styles named `heading N`
/// (Word's own names, whatever the language of the style id) or carrying an
/// outline level.
fn heading_styles(styles: &str, file: &str) -> Result<HashSet<String>, InputError> {
    let mut out = HashSet::new();
    let mut current: Option<String> = None;
    xml::events(file, "word/styles.xml", styles, |ev| {
        match &ev {
            Ev::Start { name, .. } if name == "w:style" => {
                current = ev.attr("w:styleId").map(str::to_string);
            }
            Ev::Start { name, .. } if name == "w:name" => {
                let heading = ev.attr("w:val").is_some_and(|v| {
                    let v = v.to_lowercase();
                    v.starts_with("heading") || v == "title" || v.starts_with("overskrift")
                });
                if heading {
                    if let Some(id) = &current {
                        out.insert(id.clone());
                    }
                }
            }
            Ev::Start { name, .. } if name == "w:outlineLvl" => {
                if let Some(id) = &current {
                    out.insert(id.clone());
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

/// Whether an on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
fn on(ev: &Ev) -> bool {
    !matches!(ev.attr("w:val"), Some("0" | "false" | "off" | "none"))
}

#[derive(Default)]
struct Para {
    text: String,
    heading: bool,
    /// Every run with text is bold.
    all_bold: bool,
    any_text: bool,
    indent_twips: i64,
}

#[derive(Default)]
struct CellCtx {
    text: String,
    span: u32,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues one.
    vmerge: Option<bool>,
    all_bold: bool,
    any_text: bool,
    indent_twips: i64,
}

#[derive(Default)]
struct TableCtx {
    rows: Vec<Row>,
    /// Cells in `rows`: past [`MAX_CELLS_PER_TABLE`] no more rows are kept
    /// (the table is refused for its size all the same, see [`State::end_row`]).
    cells: usize,
    row: Vec<Cell>,
    row_header: bool,
    /// Grid columns skipped before the row's first cell.
    grid_before: u32,
    /// Grid column of the next cell in the current row.
    col: u32,
    cell: Option<CellCtx>,
    title: Option<String>,
    heading: Option<String>,
}

struct State {
    headings: HashSet<String>,
    blocks: Vec<Block>,
    /// Nesting of `w:tbl`; 0 outside tables.
    depth: usize,
    table: Option<TableCtx>,
    tables: usize,
    paragraphs: usize,
    heading: Option<String>,
    para: Option<Para>,
    in_run: bool,
    in_rpr: bool,
    in_ppr: bool,
    run_bold: bool,
    in_t: bool,
}

/// The most characters of a heading kept with each table row's place: it
/// names the place in messages, and is copied into every cell's.
const HEADING_CHARS: usize = 200;

/// A heading as a table's places keep it: its first [`HEADING_CHARS`]
/// characters, `…` after them where it is longer.
fn short_heading(heading: &str) -> String {
    match heading.char_indices().nth(HEADING_CHARS) {
        Some((end, _)) => format!("{}…", &heading[..end]),
        None => heading.to_string(),
    }
}

/// Adds `n` empty cells to a row, but none past one more than a row may
/// have: such a row is refused whole (`Table::push_row`), so the cells past
/// it are never made (spans of 1 000 columns, cell after cell, took a
/// gigabyte for a 6 KB document).
fn pad(row: &mut Vec<Cell>, n: u32, loc: &Loc) {
    let room = (MAX_CELLS_PER_ROW + 1).saturating_sub(row.len());
    let n = usize::try_from(n).unwrap_or(usize::MAX).min(room);
    row.extend(std::iter::repeat_with(|| Cell::new("", loc.clone())).take(n));
}

fn twips_to_steps(twips: i64) -> u8 {
    // One step is a quarter inch (360 twips), Word's usual indent step.
    u8::try_from((twips.max(0) + 180) / 360).unwrap_or(u8::MAX)
}

impl State {
    fn start(&mut self, ev: &Ev, name: &str) {
        match name {
            "w:tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    let title = match self.blocks.last() {
                        Some(Block::Paragraph(p)) => super::title_of(&p.text),
                        _ => None,
                    };
                    self.table = Some(TableCtx {
                        title,
                        heading: self.heading.as_deref().map(short_heading),
                        ..TableCtx::default()
                    });
                }
            }
            "w:tr" if self.depth == 1 => {
                if let Some(t) = self.table.as_mut() {
                    t.row.clear();
                    t.row_header = false;
                    t.grid_before = 0;
                    t.col = 0;
                }
            }
            "w:tblHeader" if self.depth == 1 => {
                if let Some(t) = self.table.as_mut() {
                    t.row_header = on(ev);
                }
            }
            "w:gridBefore" if self.depth == 1 => {
                if let Some(t) = self.table.as_mut() {
                    t.grid_before = ev
                        .attr("w:val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                        .min(1000);
                }
            }
            "w:tc" if self.depth == 1 => {
                if let Some(t) = self.table.as_mut() {
                    t.cell = Some(CellCtx {
                        span: 1,
                        all_bold: true,
                        ..CellCtx::default()
                    });
                }
            }
            "w:gridSpan" if self.depth == 1 => {
                if let Some(c) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                    c.span = ev
                        .attr("w:val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000);
                }
            }
            "w:vMerge" if self.depth == 1 => {
                if let Some(c) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                    c.vmerge = Some(ev.attr("w:val") == Some("restart"));
                }
            }
            "w:p" => {
                self.para = Some(Para {
                    all_bold: true,
                    ..Para::default()
                });
            }
            "w:pPr" => self.in_ppr = true,
            "w:pStyle" if self.in_ppr => {
                if let (Some(p), Some(v)) = (self.para.as_mut(), ev.attr("w:val")) {
                    p.heading |= self.headings.contains(v);
                }
            }
            "w:outlineLvl" if self.in_ppr => {
                if let Some(p) = self.para.as_mut() {
                    p.heading = ev.attr("w:val").is_some_and(|v| v != "9");
                }
            }
            "w:ind" if self.in_ppr => {
                if let Some(p) = self.para.as_mut() {
                    p.indent_twips = ev
                        .attr("w:left")
                        .or(ev.attr("w:start"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                }
            }
            "w:r" => {
                self.in_run = true;
                self.run_bold = false;
            }
            "w:rPr" if self.in_run => self.in_rpr = true,
            "w:b" if self.in_rpr => self.run_bold = on(ev),
            "w:t" if self.in_run => self.in_t = true,
            "w:tab" if self.in_run => self.text("\t"),
            "w:br" | "w:cr" if self.in_run => self.text("\n"),
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(p) = self.para.as_mut() {
            p.text.push_str(s);
            if !s.trim().is_empty() {
                p.any_text = true;
                p.all_bold &= self.run_bold;
            }
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "w:t" => self.in_t = false,
            "w:rPr" => self.in_rpr = false,
            "w:pPr" => self.in_ppr = false,
            "w:r" => self.in_run = false,
            "w:p" => self.end_paragraph(),
            "w:tc" if self.depth == 1 => self.end_cell(),
            "w:tr" if self.depth == 1 => self.end_row(),
            "w:tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.end_table();
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.para.take() else { return };
        if self.depth > 0 {
            // A paragraph of a table cell (or of a table inside one).
            if let Some(c) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    if !c.text.is_empty() {
                        c.text.push(' ');
                    }
                    c.text.push_str(&text);
                    if !c.any_text {
                        c.indent_twips = p.indent_twips;
                    }
                    c.any_text = true;
                    c.all_bold &= p.all_bold;
                }
            }
            return;
        }
        let text = p.text.trim().to_string();
        if text.is_empty() {
            return;
        }
        self.paragraphs += 1;
        if p.heading {
            self.heading = Some(text.clone());
        }
        self.blocks.push(Block::Paragraph(Paragraph {
            text,
            loc: Loc::Paragraph {
                paragraph: self.paragraphs,
                heading: if p.heading {
                    None
                } else {
                    self.heading.clone()
                },
            },
            heading: p.heading,
        }));
    }

    fn loc(&self, t: &TableCtx) -> Loc {
        Loc::TableRow {
            table: self.tables + 1,
            row: t.rows.len() + 1,
            heading: t.heading.clone(),
        }
    }

    fn end_cell(&mut self) {
        let Some(mut t) = self.table.take() else {
            return;
        };
        if let Some(c) = t.cell.take() {
            let loc = self.loc(&t);
            if t.row.is_empty() {
                pad(&mut t.row, t.grid_before, &loc);
                t.col = t.grid_before;
            }
            if t.row.len() > MAX_CELLS_PER_ROW {
                t.col = t.col.saturating_add(c.span);
                self.table = Some(t);
                return;
            }
            // A continued vertical merge shows nothing: its text stands in
            // the merge's first row.
            let text = if c.vmerge == Some(false) {
                String::new()
            } else {
                c.text
            };
            t.row.push(Cell {
                text,
                loc: loc.clone(),
                hints: CellHints {
                    bold: c.any_text && c.all_bold,
                    header: t.row_header,
                    indent: twips_to_steps(c.indent_twips),
                    decimals: None,
                    span: c.span,
                },
            });
            pad(&mut t.row, c.span.saturating_sub(1), &loc);
            t.col = t.col.saturating_add(c.span);
        }
        self.table = Some(t);
    }

    fn end_row(&mut self) {
        let loc = self.table.as_ref().map(|t| self.loc(t));
        if let (Some(t), Some(loc)) = (self.table.as_mut(), loc) {
            let cells = std::mem::take(&mut t.row);
            // Past MAX_CELLS_PER_TABLE cells the table is refused by the
            // rows kept already (their width times their number is past
            // it): the rows after them are not kept.
            if t.cells <= MAX_CELLS_PER_TABLE {
                t.cells += cells.len();
                t.rows.push(Row { loc, cells });
            }
        }
    }

    fn end_table(&mut self) {
        let Some(t) = self.table.take() else { return };
        if t.rows.is_empty() {
            return;
        }
        self.tables += 1;
        // The title paragraph, if taken, stays as running text too.
        self.blocks.push(Block::Table(Table::from_rows(
            Loc::TableRow {
                table: self.tables,
                row: 1,
                heading: t.heading.clone(),
            },
            t.title,
            None,
            t.rows,
        )));
    }
}

pub fn read(source: &Source) -> Result<Document, InputError> {
    let mut pkg = Package::open(source.name, source.bytes, "Word document")?;
    let body = pkg.part(BODY)?.ok_or_else(|| {
        InputError::new(
            source.name,
            format!("not a Word document: the package has no {BODY}"),
        )
    })?;
    let headings = match pkg.part("word/styles.xml")? {
        Some(styles) => heading_styles(
            xml::utf8(source.name, "word/styles.xml", &styles)?,
            source.name,
        )?,
        None => HashSet::new(),
    };
    let body = xml::utf8(source.name, BODY, &body)?;
    let mut state = State {
        headings,
        blocks: Vec::new(),
        depth: 0,
        table: None,
        tables: 0,
        paragraphs: 0,
        heading: None,
        para: None,
        in_run: false,
        in_rpr: false,
        in_ppr: false,
        run_bold: false,
        in_t: false,
    };
    xml::events(source.name, BODY, body, |ev| {
        match &ev {
            Ev::Start { name, .. } => {
                let name = name.clone();
                state.start(&ev, &name);
            }
            Ev::End { name } => state.end(name),
            Ev::Text(t) if state.in_t => state.text(t),
            Ev::Text(_) => {}
        }
        Ok(())
    })?;
    let mut doc = Document::new(source.name, source.style);
    doc.blocks = state.blocks;
    Ok(doc)
}

/// A minimal `.docx` holding `body` (the inside of `w:body`); for tests and
/// the property tests' generated documents.
#[cfg(test)]
pub fn write_docx(body: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/></w:style></w:styles>"#;
    super::package::write_package(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        ),
        ("word/document.xml", &doc),
        ("word/styles.xml", styles),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::NumberStyle;

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn tc(text: &str, props: &str, bold: bool) -> String {
        let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r>{b}<w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    fn read_body(body: &str) -> Document {
        let bytes = write_docx(body);
        read(&Source {
            name: "x.docx",
            bytes: &bytes,
            style: NumberStyle::DANISH,
        })
        .unwrap()
    }

    #[test]
    fn paragraphs_headings_and_a_table_with_merges() {
        let body = format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Overskrift1\"/></w:pPr><w:r><w:t>116. Budget</w:t></w:r></w:p>{}\
             <w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>{}",
            p("Tabel 1. Besparelser"),
            tc("Mio. kr.", "", false),
            tc("2026 &amp; 2027", "<w:gridSpan w:val=\"2\"/>", false),
            tc("Service", "<w:vMerge w:val=\"restart\"/>", false),
            tc("-6,1", "", false),
            tc("-8,0", "", false),
            tc("", "<w:vMerge/>", false),
            tc("-6,1", "", true),
            tc("-8,0", "", true),
            p("Efter tabellen."),
        );
        let doc = read_body(&body);
        assert_eq!(doc.blocks.len(), 4, "{:#?}", doc.blocks);
        let Block::Paragraph(h) = &doc.blocks[0] else {
            panic!()
        };
        assert!(h.heading);
        let t = doc.tables().next().unwrap();
        assert_eq!(t.title.as_deref(), Some("Tabel 1. Besparelser"));
        let texts: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec!["Mio. kr.", "2026 & 2027", ""],
                vec!["Service", "-6,1", "-8,0"],
                vec!["", "-6,1", "-8,0"],
            ]
        );
        assert!(t.rows[0].cells[0].hints.header);
        assert_eq!(t.rows[0].cells[1].hints.span, 2);
        assert!(t.rows[2].cells[1].hints.bold);
        assert!(!t.rows[1].cells[1].hints.bold);
        assert_eq!(
            t.rows[2].loc,
            Loc::TableRow {
                table: 1,
                row: 3,
                heading: Some("116. Budget".into())
            }
        );
        let Block::Paragraph(after) = &doc.blocks[3] else {
            panic!()
        };
        assert_eq!(after.loc.to_string(), "paragraph 3");
    }

    #[test]
    fn a_package_without_a_body_or_with_broken_xml_is_bad_input() {
        let bytes = super::super::package::write_package(&[("a.xml", "<a/>")]);
        let e = read(&Source {
            name: "x.docx",
            bytes: &bytes,
            style: NumberStyle::DANISH,
        })
        .err()
        .unwrap();
        assert!(e.message.contains("no word/document.xml"), "{e:?}");
        let bytes = super::super::package::write_package(&[(
            "word/document.xml",
            "<w:document><w:body><w:p></w:body>",
        )]);
        let e = read(&Source {
            name: "x.docx",
            bytes: &bytes,
            style: NumberStyle::DANISH,
        })
        .err()
        .unwrap();
        assert!(e.message.contains("malformed XML"), "{e:?}");
    }
}
