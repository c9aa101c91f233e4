//! HTML pages (`.html`, `.htm`) through `scraper` (html5ever, the browsers'
//! parsing algorithm, so a page with unclosed tags reads as a browser shows
//! it): every `<table>` with `thead`/`th` as header hints, `colspan` and
//! `rowspan` placed as a browser places them (text in the first cell of the
//! span, empty cells after and below it), `<b>`/`<strong>` or a bold style
//! as the bold hint, `<caption>` or the nearest short line above as the
//! title; the page's running text as paragraphs, headings marked. A table
//! inside a table (a layout table) is read on its own; the outer one keeps
//! only its own cells' text. Scripts and styles are not text.

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::Source;
use crate::document::{Block, Cell, CellHints, Document, Loc, Notice, Paragraph, Row, Table};
use crate::error::InputError;

/// The most cells one table may place (rows × columns after spans).
const MAX_CELLS: usize = 1_000_000;

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "blockquote"
            | "pre"
            | "dl"
            | "dt"
            | "dd"
            | "figure"
            | "figcaption"
            | "form"
            | "hr"
            | "address"
            | "body"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "head" | "title"
    )
}

fn element_name(node: NodeRef<'_, Node>) -> Option<&str> {
    match node.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

fn bold_style(node: NodeRef<'_, Node>) -> bool {
    match node.value() {
        Node::Element(e) => {
            matches!(e.name(), "b" | "strong")
                || e.attr("style").is_some_and(|s| {
                    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                    let s = s.to_lowercase();
                    s.contains("font-weight:bold")
                        || s.contains("font-weight:700")
                        || s.contains("font-weight:800")
                        || s.contains("font-weight:900")
                })
        }
        _ => false,
    }
}

fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a cell (or caption), without nested tables, scripts and
/// styles; and whether all of it is bold.
fn cell_text(cell: NodeRef<'_, Node>) -> (String, bool) {
    let mut text = String::new();
    let mut all_bold = true;
    let mut any = false;
    let mut bold = 0usize;
    // The cell's subtree, walked without entering a nested table, a script
    // or a style (a walk of every node made nested tables quadratic: 8 000
    // deep, 613 KB, took 16 s). A nested table parts the words around it.
    enum Step<'a> {
        Open(NodeRef<'a, Node>),
        Close(NodeRef<'a, Node>),
    }
    let mut stack: Vec<Step<'_>> = cell.children().rev().map(Step::Open).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(n) => {
                if let Some(name) = element_name(n) {
                    if name == "table" {
                        text.push(' ');
                        continue;
                    }
                    if hidden(name) {
                        continue;
                    }
                    if bold_style(n) {
                        bold += 1;
                    }
                    if matches!(name, "br" | "p" | "div" | "li") {
                        text.push(' ');
                    }
                    stack.push(Step::Close(n));
                    stack.extend(n.children().rev().map(Step::Open));
                } else if let Node::Text(t) = n.value() {
                    if !t.trim().is_empty() {
                        any = true;
                        all_bold &= bold > 0;
                    }
                    text.push_str(t);
                }
            }
            Step::Close(n) => {
                if bold_style(n) {
                    bold = bold.saturating_sub(1);
                }
            }
        }
    }
    (collapse(&text), any && all_bold)
}

/// The rows (with whether each sits in a `<thead>`) and the captions of
/// `table` itself, in document order: its subtree, not entering the tables
/// nested in it, whose rows are their own. Linear in the table's own nodes
/// (every descendant with a look up to its owner was quadratic in the
/// nesting).
#[allow(clippy::type_complexity)]
fn own_rows<'a>(
    table: NodeRef<'a, Node>,
) -> (Vec<(NodeRef<'a, Node>, bool)>, Vec<NodeRef<'a, Node>>) {
    let mut rows = Vec::new();
    let mut captions = Vec::new();
    let mut stack: Vec<(NodeRef<'a, Node>, bool)> =
        table.children().rev().map(|c| (c, false)).collect();
    while let Some((n, in_head)) = stack.pop() {
        let Some(name) = element_name(n) else {
            continue;
        };
        match name {
            "table" => continue,
            "tr" => rows.push((n, in_head)),
            "caption" => captions.push(n),
            _ => {}
        }
        let in_head = in_head || name == "thead";
        stack.extend(n.children().rev().map(|c| (c, in_head)));
    }
    (rows, captions)
}

fn span(n: NodeRef<'_, Node>, attr: &str, max: usize) -> usize {
    match n.value() {
        Node::Element(e) => e
            .attr(attr)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, max),
        _ => 1,
    }
}

struct Reader {
    blocks: Vec<Block>,
    notices: Vec<Notice>,
    tables: usize,
    paragraphs: usize,
    heading: Option<String>,
}

impl Reader {
    fn paragraph(&mut self, text: &str, heading: bool) {
        let text = collapse(text);
        if text.is_empty() {
            return;
        }
        self.paragraphs += 1;
        self.blocks.push(Block::Paragraph(Paragraph {
            loc: Loc::Paragraph {
                paragraph: self.paragraphs,
                heading: if heading { None } else { self.heading.clone() },
            },
            text: text.clone(),
            heading,
        }));
        if heading {
            self.heading = Some(text);
        }
    }

    /// A table past [`MAX_CELLS`]: noticed, not read.
    fn too_many_cells(&mut self, at: &Loc) {
        self.notices.push(Notice {
            loc: Some(at.clone()),
            message: format!("a table with more than {MAX_CELLS} cells was seen here but not read"),
        });
    }

    fn table(&mut self, table: NodeRef<'_, Node>) {
        let mut caption = None;
        // Rows of this table, in order, with whether they sit in <thead>.
        let (trs, captions) = own_rows(table);
        for n in captions {
            let (t, _) = cell_text(n);
            if !t.is_empty() {
                caption = Some(t);
            }
        }
        let number = self.tables + 1;
        let loc = |row: usize, heading: &Option<String>| Loc::TableRow {
            table: number,
            row,
            heading: heading.clone(),
        };
        // Grid placement: `pending[c]` is how many more rows column c is
        // taken by a rowspan from above.
        let mut pending: Vec<usize> = Vec::new();
        let mut rows: Vec<Row> = Vec::new();
        let mut placed = 0usize;
        for (i, (tr, in_head)) in trs.iter().enumerate() {
            let row_loc = loc(i + 1, &self.heading);
            let mut cells: Vec<Cell> = Vec::new();
            let mut col = 0usize;
            let take_pending = |col: usize, cells: &mut Vec<Cell>, pending: &mut Vec<usize>| {
                let mut col = col;
                while pending.get(col).is_some_and(|p| *p > 0) {
                    cells.push(Cell::new("", row_loc.clone()));
                    col += 1;
                }
                col
            };
            for td in tr.children() {
                let Some(name) = element_name(td) else {
                    continue;
                };
                if name != "td" && name != "th" {
                    continue;
                }
                col = take_pending(col, &mut cells, &mut pending);
                let colspan = span(td, "colspan", 1000);
                let rowspan = span(td, "rowspan", 65534).min(trs.len() - i);
                // Every cell placed counts, the empty ones a rowspan from
                // above leaves in this row too (a cell spanning 1 000
                // columns and 65 534 rows over short rows made 3 GB from
                // 1 MB of HTML when only the cells' own spans counted).
                if placed + cells.len() + colspan > MAX_CELLS {
                    self.too_many_cells(&row_loc);
                    return;
                }
                let (text, bold) = cell_text(td);
                cells.push(Cell {
                    text,
                    loc: row_loc.clone(),
                    hints: CellHints {
                        bold,
                        header: name == "th" || *in_head,
                        indent: 0,
                        decimals: None,
                        span: u32::try_from(colspan).unwrap_or(1),
                    },
                });
                for _ in 1..colspan {
                    cells.push(Cell::new("", row_loc.clone()));
                }
                if pending.len() < col + colspan {
                    pending.resize(col + colspan, 0);
                }
                for p in pending.iter_mut().skip(col).take(colspan) {
                    *p = rowspan;
                }
                col += colspan;
            }
            take_pending(col, &mut cells, &mut pending);
            placed += cells.len();
            if placed > MAX_CELLS {
                self.too_many_cells(&row_loc);
                return;
            }
            for p in pending.iter_mut() {
                *p = p.saturating_sub(1);
            }
            if cells.iter().all(|c| c.text.is_empty()) {
                continue;
            }
            rows.push(Row {
                loc: row_loc,
                cells,
            });
        }
        if rows.is_empty() {
            return;
        }
        self.tables += 1;
        let title = caption.or_else(|| match self.blocks.last() {
            Some(Block::Paragraph(p)) => super::title_of(&p.text),
            _ => None,
        });
        self.blocks.push(Block::Table(Table::from_rows(
            loc(1, &self.heading),
            title,
            None,
            rows,
        )));
    }
}

/// The page's text: a BOM or a `<meta charset>` decides, else UTF-8, else
/// Windows-1252 (said in a notice).
fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        return (
            text.into_owned(),
            (enc != encoding_rs::UTF_8).then(|| enc.name()),
        );
    }
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_lowercase();
    let declared = head.find("charset=").and_then(|i| {
        let rest = head[i + 8..].trim_start_matches(['"', '\'']);
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest.as_bytes()[..end])
    });
    match declared {
        Some(enc) if enc != encoding_rs::UTF_8 => {
            let (text, _, _) = enc.decode(bytes);
            (text.into_owned(), Some(enc.name()))
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), None),
            Err(_) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                (text.into_owned(), Some(encoding_rs::WINDOWS_1252.name()))
            }
        },
    }
}

/// A page starts with a doctype or an `<html>` tag (after a BOM, blanks or a
/// comment).
pub fn sniff(bytes: &[u8]) -> super::Sniff {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("<!doctype html") || t.starts_with("<html") {
        super::Sniff::Yes
    } else if t.starts_with('<') {
        super::Sniff::Maybe
    } else {
        super::Sniff::No
    }
}

/// The largest page read: its tree takes several times its size.
const MAX_PAGE_BYTES: usize = 64 * 1024 * 1024;

pub fn read(source: &Source) -> Result<Document, InputError> {
    if source.bytes.len() > MAX_PAGE_BYTES {
        return Err(InputError::new(
            source.name,
            format!(
                "an HTML page of more than {} MiB; not read",
                MAX_PAGE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let (text, encoding) = decode(source.bytes);
    let html = Html::parse_document(&text);
    let mut r = Reader {
        blocks: Vec::new(),
        notices: Vec::new(),
        tables: 0,
        paragraphs: 0,
        heading: None,
    };
    if let Some(enc) = encoding {
        r.notices.push(Notice {
            loc: None,
            message: format!("read as {enc}"),
        });
    }
    let mut buf = String::new();
    let mut table_depth = 0usize;
    let mut hidden_depth = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                let Some(name) = element_name(n) else {
                    if let (Node::Text(t), 0, 0) = (n.value(), table_depth, hidden_depth) {
                        buf.push_str(t);
                    }
                    continue;
                };
                if hidden(name) {
                    hidden_depth += 1;
                } else if name == "table" {
                    if table_depth == 0 {
                        r.paragraph(&std::mem::take(&mut buf), false);
                        // This table and every table inside it, in order.
                        for t in n.descendants() {
                            if element_name(t) == Some("table") {
                                r.table(t);
                            }
                        }
                    }
                    table_depth += 1;
                } else if table_depth == 0 && hidden_depth == 0 {
                    if is_block(name) {
                        r.paragraph(&std::mem::take(&mut buf), false);
                    } else if name == "br" {
                        buf.push(' ');
                    }
                }
            }
            Edge::Close(n) => {
                let Some(name) = element_name(n) else {
                    continue;
                };
                if hidden(name) {
                    hidden_depth = hidden_depth.saturating_sub(1);
                } else if name == "table" {
                    table_depth = table_depth.saturating_sub(1);
                } else if table_depth == 0 && hidden_depth == 0 && is_block(name) {
                    r.paragraph(&std::mem::take(&mut buf), is_heading(name));
                }
            }
        }
    }
    r.paragraph(&buf, false);
    let mut doc = Document::new(source.name, source.style);
    doc.blocks = r.blocks;
    doc.notices = r.notices;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::NumberStyle;

    fn read_str(s: &str) -> Document {
        read(&Source {
            name: "x.html",
            bytes: s.as_bytes(),
            style: NumberStyle::DANISH,
        })
        .unwrap()
    }

    fn texts(t: &Table) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn tables_with_spans_headers_bold_and_a_caption() {
        let doc = read_str(
            "<html><head><title>x</title><style>p{}</style></head><body>\
             <h2>116. Budgetopfølgning</h2><p>Tabellen viser &aelig;ndringerne.</p>\
             <table><caption>Tabel 1</caption><thead><tr><th>Mio. kr.</th><th colspan=2>2026</th></tr></thead>\
             <tbody><tr><td rowspan=2>Service</td><td>1,0</td><td>2,0</td></tr>\
             <tr><td>3,0</td><td>4,0</td></tr>\
             <tr><td><b>I alt</b></td><td><strong>4,0</strong></td><td>6,0</td></tbody></table>\
             <p>Efter<br>tabellen</p><script>var x = 1;</script></body></html>",
        );
        let paras: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
        assert_eq!(
            paras,
            vec![
                "116. Budgetopfølgning",
                "Tabellen viser ændringerne.",
                "Efter tabellen"
            ]
        );
        let t = doc.tables().next().unwrap();
        assert_eq!(t.title.as_deref(), Some("Tabel 1"));
        assert_eq!(
            texts(t),
            vec![
                vec!["Mio. kr.", "2026", ""],
                vec!["Service", "1,0", "2,0"],
                vec!["", "3,0", "4,0"],
                vec!["I alt", "4,0", "6,0"],
            ]
        );
        assert!(t.rows[0].cells[1].hints.header);
        assert_eq!(t.rows[0].cells[1].hints.span, 2);
        assert!(t.rows[3].cells[0].hints.bold);
        assert!(t.rows[3].cells[1].hints.bold);
        assert!(!t.rows[3].cells[2].hints.bold);
        assert_eq!(
            t.rows[3].loc,
            Loc::TableRow {
                table: 1,
                row: 4,
                heading: Some("116. Budgetopfølgning".into())
            }
        );
    }

    #[test]
    fn a_layout_table_and_its_inner_table_are_read_apart() {
        let doc = read_str(
            "<table><tr><td>Menu</td><td><p>Titel</p><table><tr><td>a</td><td>1</td></tr></table></td></tr></table>",
        );
        let tables: Vec<&Table> = doc.tables().collect();
        assert_eq!(tables.len(), 2);
        assert_eq!(texts(tables[0]), vec![vec!["Menu", "Titel"]]);
        assert_eq!(texts(tables[1]), vec![vec!["a", "1"]]);
    }

    #[test]
    fn windows_1252_pages_are_read_and_said() {
        let bytes = b"<p>\xe6ndring \xf8konomi</p>";
        let doc = read(&Source {
            name: "x.htm",
            bytes,
            style: NumberStyle::DANISH,
        })
        .unwrap();
        assert_eq!(doc.paragraphs().next().unwrap().text, "ændring økonomi");
        assert_eq!(doc.notices[0].message, "read as windows-1252");
    }

    #[test]
    fn huge_spans_are_bounded() {
        let doc = read_str(
            "<table><tr><td colspan=999999 rowspan=999999>x</td></tr><tr><td>1</td></tr></table>",
        );
        let t = doc.tables().next().unwrap();
        // Spans are capped at 1 000 columns; a million-cell table is then
        // refused as a whole (said, with its reason) rather than kept.
        assert!(t.width <= 1000, "{}", t.width);
        let cells: usize = t.rows.iter().map(|r| r.cells.len()).sum();
        assert!(cells <= crate::document::MAX_CELLS_PER_TABLE, "{cells}");
        match &t.refused {
            Some((_, why)) => assert!(why.contains("cells"), "{why}"),
            None => assert_eq!(t.rows[0].cells.len(), 1000),
        }
    }
}
