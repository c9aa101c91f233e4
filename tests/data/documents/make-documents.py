#!/usr/bin/env python3
"""Writes the real tables of tests/data as the documents they arrive in.

Every table of a folder of real tables (`tests/data/<folder>/<slug>.tsv`,
cells verbatim as published) is written, in the folder's order, into one
Word document, one web page and one PDF, each table under a heading that
names its slug, the way a case write-up or an agenda carries its tables:

  <folder>.docx   python-docx: a grid table per table, the first row and
                  rows worded as totals in bold, 8 pt, the label column
                  wider, long labels wrapping as Word wraps them
  <folder>.html   a municipal agenda page: <h2> per table, <thead>, totals
                  in <strong>
  <folder>.pdf    the .docx converted by LibreOffice (what a PDF of an
                  agenda is: positioned text, no table structure)

`tests/suite/verify_documents_real.rs` reads them with `verify` and holds
each to no more findings than the careful reader's `.expect` files of its
tables have errors (a false error through a reader is still a false error).

Needs python-docx (PyPI) and LibreOffice (libreoffice-writer-nogui). The
generated files are committed, so CI needs neither.

Run: python3 tests/data/documents/make-documents.py [folder ...]
"""
import html
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)

# The folders of real tables (each .tsv with its .expect).
FOLDERS = ["real"] + ["heldout"] + [f"heldout{i}" for i in range(2, 18)]

TOTAL_WORDS = ("i alt", "ialt", "total", "samlet", "sum")


def tables(folder):
    """(slug, rows) of every table of the folder, by slug."""
    d = os.path.join(DATA, folder)
    out = []
    for name in sorted(os.listdir(d)):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(d, name), encoding="utf-8") as f:
            lines = [l.rstrip("\r\n") for l in f]
        while lines and not lines[-1].strip():
            lines.pop()
        rows = [l.split("\t") for l in lines if l.strip()]
        if not rows:
            continue
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        out.append((name[: -len(".tsv")], rows))
    return out


def is_total(row):
    label = row[0].strip().strip("*_").lower()
    return any(label.startswith(w) or label.endswith(w) for w in TOTAL_WORDS)


def write_docx(path, folder, tabs):
    import docx
    from docx.shared import Cm, Pt

    d = docx.Document()
    for section in d.sections:
        section.left_margin = section.right_margin = Cm(2)
    d.add_heading(f"Tabeller: {folder}", level=1)
    for slug, rows in tabs:
        d.add_heading(slug, level=2)
        width = len(rows[0])
        t = d.add_table(rows=len(rows), cols=width)
        t.style = "Table Grid"
        t.autofit = False
        # 17 cm of text width: the label column takes what the figures leave,
        # between 4 and 7 cm; the figures share the rest.
        label = min(7.0, max(4.0, 17.0 - 2.2 * (width - 1)))
        rest = (17.0 - label) / max(1, width - 1)
        widths = [Cm(label)] + [Cm(rest)] * (width - 1)
        for j, w in enumerate(widths):
            t.columns[j].width = w
        for i, row in enumerate(rows):
            bold = i == 0 or is_total(row)
            for j, text in enumerate(row):
                cell = t.cell(i, j)
                cell.width = widths[j]
                cell.text = ""
                run = cell.paragraphs[0].add_run(text)
                run.bold = bold
                run.font.size = Pt(8)
        d.add_paragraph("")
    d.save(path)


def write_html(path, folder, tabs):
    out = [
        "<!DOCTYPE html>",
        f'<html lang="da"><head><meta charset="utf-8"><title>Tabeller: {html.escape(folder)}</title>',
        "<style>table{border-collapse:collapse} td,th{padding:2px 6px}</style></head><body>",
        '<nav><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik</a></li></ul></nav>',
        f"<main><h1>Tabeller: {html.escape(folder)}</h1>",
    ]
    for slug, rows in tabs:
        out.append(f"<h2>{html.escape(slug)}</h2>")
        out.append('<div class="table-wrapper"><table>')
        out.append(
            "<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in rows[0]) + "</tr></thead><tbody>"
        )
        for row in rows[1:]:
            strong = is_total(row)
            cells = []
            for c in row:
                c = html.escape(c)
                cells.append(f"<td><strong>{c}</strong></td>" if strong and c else f"<td>{c}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table></div>")
    out.append("</main><footer><p>Kilde: se SOURCES.md i mappen</p></footer></body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def write_pdf(docx_path):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", HERE, docx_path],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main():
    folders = sys.argv[1:] or FOLDERS
    for folder in folders:
        tabs = tables(folder)
        base = os.path.join(HERE, folder)
        write_docx(base + ".docx", folder, tabs)
        write_html(base + ".html", folder, tabs)
        write_pdf(base + ".docx")
        print(f"{folder}: {len(tabs)} tables")


if __name__ == "__main__":
    main()
