#!/usr/bin/env python3
"""Regenerates the document fixtures of `verify`'s readers.

The reference tables of Randers Kommune's agenda items 116 and 119
(Beskæftigelsesudvalget, 2 December 2025; text version in
tests/data/randers-2025-12-02.md, source in /work/shared/reference) and one
table with a planted error, written the way people write and publish them:

  randers.docx         Word document (python-docx), bold total rows
  randers.pdf          converted from the .docx by LibreOffice
  randers.layout.txt   `pdftotext -layout randers.pdf`
  randers.pasted.txt   copied row by row out of a PDF viewer: one cell per line,
                       empty cells lost, section rows alone
  randers.flattened.txt  copied rows flattened to single spaces, dot leaders
  randers.raw.txt      `pdftotext randers.pdf` (plain: cells column by column,
                       which verify must say it saw but could not read)
  randers.html         an agenda page as municipal web sites publish them
  randers.xlsx         openpyxl, with number formats (0.0, 0.0%) and bold totals
  randers.ods          converted from the .xlsx by LibreOffice
  randers.txt          the text version (tab-separated tables), the reference
  randers.cp1252.txt   the same in Windows-1252
  randers.utf16.txt    the same in UTF-16 with a byte-order mark

plus hostile files under hostile/ (zip bomb, encrypted and scanned PDF, ...).

Needs: python-docx, openpyxl (PyPI), LibreOffice (libreoffice-writer-nogui,
libreoffice-calc-nogui) and poppler-utils. The generated files are committed,
so CI needs none of these.

Run: python3 tests/data/docs/make-fixtures.py
"""
import os
import subprocess
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

ITEM_116 = "Punkt 116: Budgetopfølgning og forventet regnskab pr. 30. september 2025 for beskæftigelsesudvalget"
ITEM_119 = "Punkt 119: Status på økonomien i implementeringen af beskæftigelsesreformen"
ERROR_ITEM = "Kontrol: tabel med plantet fejl"

# (heading, paragraphs before, table title-less rows, paragraphs after)
# Rows: first row is the header; None for an empty cell.
T116 = [
    ["Bevillingsansøgninger (mio. kr.)", "2025", "2026", "2027", "2028", "Anlægsbevillinger"],
    ["Servicerammen", "-0,3", "0,0", "0,0", "0,0", "-"],
    ["Indkomstoverførsler", "0,0", "0,0", "0,0", "0,0", "-"],
    ["I alt", "-0,3", "0,0", "0,0", "0,0", "-"],
]
T119A = [
    ["Mio. kr.", "2026", "2027", "2028", "2029"],
    ["Konto 6 (service)", "", "", "", ""],
    ["Besparelseskrav", "6,1", "15,9", "18,5", "19,1"],
    ["Realiserede besparelser", "-6,1", "-6,1", "-6,1", "-6,1"],
    ["I alt konto 6", "0,0", "9,8", "12,4", "13,0"],
]
T119B = [
    ["Mio. kr.", "Realiserede besparelser 2026", "Andel"],
    ["Konto 6 (service)", "", ""],
    ["Medarbejdere", "-3,5", "57,4%"],
    ["Reducerede udgifter", "-2,6", "42,6%"],
    ["I alt konto 6", "-6,1", "100,0%"],
]
T119C = [
    ["Mio. kr.", "Realiserede besparelser 2026", "Andel"],
    ["Konto 6 (service)", "", ""],
    ["Center for Job og Kompetencer", "-1,4", "23,0%"],
    ["Center for Job og Udvikling", "-4,2", "68,9%"],
    ["Center for Virksomhedsservice og Rekruttering", "-0,5", "8,2%"],
    ["I alt konto 6", "-6,1", "100,0%"],
]
# The planted error: 2027's total reads 10,8 where its rows give 9,8.
TERR = [
    ["Mio. kr.", "2026", "2027", "2028", "2029"],
    ["Konto 6 (service)", "", "", "", ""],
    ["Besparelseskrav", "6,1", "15,9", "18,5", "19,1"],
    ["Realiserede besparelser", "-6,1", "-6,1", "-6,1", "-6,1"],
    ["I alt konto 6", "0,0", "10,8", "12,4", "13,0"],
]

DOC = [
    ("h", ITEM_116),
    ("p", "Nedenstående tabel viser bevillingsmæssige ændringer på beskæftigelsesudvalgets område, hvis bevillingsansøgningerne bliver imødekommet."),
    ("t", T116),
    ("p", "Bevillingsansøgningerne fremgår af bilaget."),
    ("h", ITEM_119),
    ("p", "Nedenstående tabel giver et samlet overblik over økonomien i implementeringen af beskæftigelsesreformen 2026-2029 på konto 6 (service)."),
    ("t", T119A),
    ("p", "Besparelserne fordeler sig jf. nedenstående tabel mellem besparelser på medarbejdere og reducerede udgifter."),
    ("t", T119B),
    ("p", "Fordelingen af besparelser mellem centre er opgjort i nedenstående tabel."),
    ("t", T119C),
    ("h", ERROR_ITEM),
    ("p", "Samme tabel som ovenfor, men med en fejl i totalen for 2027."),
    ("t", TERR),
    ("p", "Sagen har ingen budgetmæssige konsekvenser udover de beskrevne i sagsfremstillingen."),
]


def is_total(row):
    return row[0].startswith("I alt")


def write_text(path, encoding="utf-8"):
    lines = []
    for kind, x in DOC:
        if kind == "t":
            lines += ["\t".join(r) for r in x]
        else:
            lines.append(x)
        lines.append("")
    text = "\n".join(lines)
    with open(path, "wb") as f:
        if encoding == "utf-16":
            f.write(text.encode("utf-16"))  # with a byte-order mark
        else:
            f.write(text.encode(encoding))


def write_pasted(path):
    lines = []
    for kind, x in DOC:
        if kind == "t":
            for row in x:
                lines += [c for c in row if c != ""]
        else:
            lines.append(x)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_flattened(path):
    lines = []
    for kind, x in DOC:
        if kind == "t":
            for i, row in enumerate(x):
                cells = [c for c in row if c != ""]
                if x is T119A and i > 1 and len(cells) > 1:
                    # A table of contents style: dot leaders after the label.
                    cells[0] = cells[0] + " " + "." * (30 - len(cells[0]))
                lines.append(" ".join(cells))
        else:
            lines.append(x)
        lines.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_docx(path):
    import docx
    from docx.shared import Cm, Pt

    d = docx.Document()
    for section in d.sections:
        section.left_margin = section.right_margin = Cm(2)
    for kind, x in DOC:
        if kind == "h":
            d.add_heading(x, level=2)
        elif kind == "p":
            d.add_paragraph(x)
        else:
            t = d.add_table(rows=len(x), cols=len(x[0]))
            t.style = "Table Grid"
            t.autofit = False
            # Widths as a case officer sets them: labels and headers on one line.
            if len(x[0]) == 3:
                widths = [Cm(7), Cm(5), Cm(2)]
            else:
                widths = [Cm(6.5)] + [Cm(1.5)] * (len(x[0]) - 2) + [Cm(1.5 if len(x[0]) == 5 else 3.6)]
            for j, w in enumerate(widths):
                t.columns[j].width = w
            for i, row in enumerate(x):
                for j, text in enumerate(row):
                    cell = t.cell(i, j)
                    cell.width = widths[j]
                    cell.text = ""
                    run = cell.paragraphs[0].add_run(text)
                    run.bold = i == 0 or is_total(row)
                    run.font.size = Pt(8)
            d.add_paragraph("")
    d.save(path)


def write_html(path):
    out = [
        "<!DOCTYPE html>",
        '<html lang="da"><head><meta charset="utf-8"><title>Beskæftigelsesudvalget - referat 2. december 2025</title>',
        "<style>table{border-collapse:collapse} td,th{padding:2px 6px}</style>",
        "<script>window.dataLayer = window.dataLayer || [];</script></head><body>",
        '<nav><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik</a></li></ul></nav>',
        '<main><h1>Beskæftigelsesudvalget</h1><p class="meta">Referat, 2. december 2025</p>',
    ]
    for kind, x in DOC:
        if kind == "h":
            out.append(f'<h2 class="agenda-item">{x}</h2>')
        elif kind == "p":
            out.append(f"<p>{x}</p>")
        else:
            out.append('<div class="table-wrapper"><table>')
            out.append("<thead><tr>" + "".join(f"<th>{c}</th>" for c in x[0]) + "</tr></thead><tbody>")
            for row in x[1:]:
                cells = []
                for c in row:
                    c = f"<strong>{c}</strong>" if is_total(row) and c else c
                    cells.append(f"<td>{c}</td>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</tbody></table></div>")
    out.append("</main><footer><p>Randers Kommune</p></footer></body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def number(text):
    """A Danish figure as its value and number format; None for text."""
    t = text.strip()
    pct = t.endswith("%")
    t = t.rstrip("%")
    try:
        v = float(t.replace(".", "").replace(",", "."))
    except ValueError:
        return None
    decimals = len(t.split(",")[1]) if "," in t else 0
    fmt = "0" + ("." + "0" * decimals if decimals else "")
    if pct:
        return v / 100, fmt + "%"
    return v, fmt


def write_xlsx(path):
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark1"
    r = 1
    for kind, x in DOC:
        if kind == "h":
            ws.cell(row=r, column=1, value=x).font = Font(bold=True)
            r += 2
        elif kind == "t":
            for i, row in enumerate(x):
                for j, text in enumerate(row):
                    if text == "":
                        continue
                    c = ws.cell(row=r, column=j + 1)
                    n = number(text) if i > 0 and j > 0 else None
                    if n is None:
                        c.value = text
                    else:
                        c.value, c.number_format = n
                    c.font = Font(bold=i == 0 or is_total(row))
                r += 1
            r += 1
    wb.save(path)


PROSE = (
    "Beskæftigelsesreformen medfører besparelser på konto 6 (service) og konto 5 "
    "(indsats og overførsler). Reformen implementeres i samme takt, som de statslige "
    "besparelser rammer kommunerne, og forvaltningen følger udviklingen i forbruget tæt. "
)


def write_bench_docx(path, pages, tables_every):
    """A long agenda: `pages` pages of prose, a table on every
    `tables_every`-th page."""
    import docx
    from docx.shared import Cm, Pt

    d = docx.Document()
    for p in range(pages):
        d.add_heading(f"Punkt {p + 1}: Budgetopfølgning", level=2)
        for _ in range(2 if p % tables_every == 0 else 4):
            d.add_paragraph(PROSE * 2)
        if p % tables_every == 0:
            x = [T119A, T119B, T119C, TERR][p // tables_every % 4]
            t = d.add_table(rows=len(x), cols=len(x[0]))
            t.style = "Table Grid"
            for i, row in enumerate(x):
                for j, text in enumerate(row):
                    t.cell(i, j).text = text
        d.add_page_break()
    d.save(path)


def soffice(args):
    subprocess.run(["soffice", "--headless", "--norestore"] + args, check=True, cwd=HERE,
                   stdout=subprocess.DEVNULL)


def hostile():
    h = os.path.join(HERE, "hostile")
    os.makedirs(h, exist_ok=True)
    # A docx whose body inflates to 300 MiB of spaces (from ~300 KiB).
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    with zipfile.ZipFile(os.path.join(h, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        chunk = b" " * (1024 * 1024)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b"<w:document><w:body>")
            for _ in range(300):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    # The same as a workbook.
    with zipfile.ZipFile(os.path.join(h, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for _ in range(300):
                f.write(chunk)
    # Malformed XML in a docx.
    with zipfile.ZipFile(os.path.join(h, "malformed.docx"), "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>x</w:body>")
    # A PDF whose content stream inflates to 300 MiB.
    zeros = zlib.compress(b"0 0 m\n" * (300 * 1024 * 1024 // 6), 9)
    write_pdf(os.path.join(h, "bomb.pdf"), zeros, b"/Filter /FlateDecode ")
    # A PDF of images only: no text layer (a scan).
    write_pdf(os.path.join(h, "scan.pdf"), b"q 100 0 0 100 0 0 cm 0.5 g 0 0 1 1 re f Q", b"")
    # A PDF with 100.000 nested arrays.
    with open(os.path.join(h, "nested.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n1 0 obj\n" + b"[" * 100000 + b"]" * 100000 + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    # An encrypted PDF (qpdf or LibreOffice can make one; we write the
    # dictionary: a PDF with an /Encrypt entry and a user password).
    src = os.path.join(HERE, "randers.pdf")
    try:
        subprocess.run(["qpdf", "--encrypt", "hemmelig", "hemmelig", "256", "--", src,
                        os.path.join(h, "encrypted.pdf")], check=True)
    except (FileNotFoundError, subprocess.CalledProcessError):
        print("qpdf not found: hostile/encrypted.pdf not regenerated")


def write_pdf(path, content, filters):
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length " + str(len(content)).encode() + b" " + filters + b">>\nstream\n" + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


def main():
    os.chdir(HERE)
    write_text("randers.txt")
    write_text("randers.cp1252.txt", "cp1252")
    write_text("randers.utf16.txt", "utf-16")
    write_pasted("randers.pasted.txt")
    write_flattened("randers.flattened.txt")
    write_docx("randers.docx")
    write_html("randers.html")
    write_xlsx("randers.xlsx")
    soffice(["--convert-to", "pdf", "randers.docx"])
    soffice(["--convert-to", "ods", "randers.xlsx"])
    subprocess.run(["pdftotext", "-layout", "randers.pdf", "randers.layout.txt"], check=True)
    subprocess.run(["pdftotext", "randers.pdf", "randers.raw.txt"], check=True)
    hostile()
    os.makedirs("bench", exist_ok=True)
    write_bench_docx("bench/agenda-50.docx", 50, 2)
    write_bench_docx("bench/agenda-100.docx", 100, 2)
    soffice(["--convert-to", "pdf", "--outdir", "bench", "bench/agenda-100.docx"])
    os.remove("bench/agenda-100.docx")


if __name__ == "__main__":
    main()
