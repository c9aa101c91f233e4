#!/usr/bin/env python3
"""Independent verdicts for the real-table corpus (tests/data/real).

For every <slug>.rel next to a <slug>.tsv this script reads the relations a
careful reader of the table checks (written by hand in the .rel file), works
out each verdict with exact interval arithmetic (Python `fractions`), and
writes <slug>.expect.  It does not use sparekrav in any way.

Usage:  python3 tests/data/real/expect.py            # all slugs
        python3 tests/data/real/expect.py SLUG ...   # some slugs
        python3 tests/data/real/expect.py --check    # fail if an .expect is stale
        python3 tests/data/real/expect.py --selftest # the DOMAIN.md worked examples

The .rel format (TAB-separated; `#` starts a comment line):

    @header N                 tsv line (1-based) holding the column headers (default 1;
                              0 = the table prints none, names come from @colnames)
    @blank0                   an EMPTY operand cell (or "...") means nothing: read as 0
                              (the checked cell itself must hold a figure)
    @labelcol N               the row labels stand in column N (default 1; e.g. 2 when
                              column 1 holds row numbers)
    @colnames A<TAB>B<TAB>..  explicit column names (first = label column), if the
                              printed header spans several lines
    @exact ROWS<TAB>COLS      figures in these cells are exact counts (no rounding
                              slack); ROWS/COLS are `*` or ` ; `-separated labels
    @half ROWS<TAB>COLS<TAB>H  these figures are rounded coarser than their digits
                              show (e.g. "rounded to nearest 10": H = 5)
    KIND<TAB>ROW<TAB>COLS<TAB>EXPR[<TAB>OPTIONS][<TAB>NOTE]

KIND is one of sum, cross, share, change, pctchange, difference, formula, ratio.
ROW and COLS name the checked cell(s): a row label (`*` = every row whose cell
in the column holds a figure) and one or more column headers (`*` = every
column but the label column; several separated by ` ; `).  A label that occurs
more than once is written `label#2` for its second occurrence; the .expect then says in the
note which occurrence it is ("row 2 of 3 labelled so").

EXPR is linear (`+[row] -[row]` = same column as the checked cell, `+{col}` =
same row, `+[row]{col}` = that cell; a factor may precede: `+2*[row]`) or a
ratio `LINEAR // LINEAR`.  Ratios are scaled by 100 unless OPTIONS holds `x1`;
OPTIONS `abs` compares the absolute value (tables that print the afvigelse in
% without its sign). A cell that holds several figures ("3.020 (2.189)") is
addressed with `@n` after the reference or after the checked column's name:
`{Antal mænd}@2` is the second figure of that cell.

Verdicts:
  linear: exact    if the printed operands give the printed figure exactly;
          rounding if the interval of the expression (every printed figure v
                   with d decimals stands for [v - 5*10^-(d+1), v + 5*10^-(d+1)],
                   exact counts and `-` (nothing, read as 0) for themselves)
                   meets the printed figure's interval;
          error    otherwise.
  ratio:  exact    if the ratio of the printed operands lies in the printed
                   figure's interval (rounds to it);
          rounding if some point of the operands' box gives a ratio inside the
                   printed figure's interval (a linear-fractional function takes
                   its extremes at the box's vertices, so the vertices are
                   enumerated);
          error    otherwise.
Intervals are closed: a figure exactly on a rounding boundary is given the
benefit of the doubt.
"""
import itertools
import os
import re
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"sum", "cross", "share", "change", "pctchange", "difference", "formula", "ratio"}


class Fig:
    """A printed figure: value, half-width of its interval, printed text."""

    def __init__(self, value, half, text, decimals):
        self.value = value
        self.half = half
        self.text = text
        self.decimals = decimals

    @property
    def lo(self):
        return self.value - self.half

    @property
    def hi(self):
        return self.value + self.half


NUM_RE = re.compile(r"^[+-]?\d{1,3}(?:[.\u00a0 ]\d{3})*(?:,\d+)?$|^[+-]?\d+(?:,\d+)?$")


def clean(text):
    t = text.strip()
    t = t.replace("\u00a0", " ").strip()
    m = re.fullmatch(r"\*\*(.+)\*\*", t)  # markdown emphasis around the whole cell
    if m:
        t = m.group(1).strip()
    return t


def parse_fig(text):
    """Danish printed number -> (Fraction, decimals) or None. '-' -> (0, 0, dash)."""
    t = clean(text)
    if t in ("-", "\u2013", "\u2014", "\u2212"):
        return ("dash",)
    neg = False
    # "kr. 1.500,-", "Kr. 32.200,15": the unit written before the figure
    m = re.match(r"^(?:kr\.|kr |dkk )\s*(?=[\d(+-])", t, re.IGNORECASE)
    if m:
        t = t[m.end():]
    if t.startswith("(") and t.endswith(")"):
        neg = True
        t = t[1:-1].strip()
    for suffix in (" pct.", "pct.", " pct", "%", " %", " mio. kr.", " mio.kr.", " kr."):
        if t.endswith(suffix):
            t = t[: -len(suffix)].strip()
    # whole kroner "1.500,-" / ",--" / ",–": the figure 1.500, no decimals printed
    m = re.match(r"^(.*\d),(?:--|-|\u2013|\u2014)$", t)
    if m and "," not in m.group(1):
        t = m.group(1)
    # a trailing minus "300.000-" / "1.234,50-" (accounting systems): -300.000; not after a
    # short whole number ("65-", "2025-": a range's open end)
    elif re.match(r"^\d[\d.]*(?:,\d+)?-$", t) and not re.match(r"^\d{1,4}-$", t):
        t = "-" + t[:-1]
    t = t.replace("\u2212", "-").replace("\u2013", "-")
    if t.startswith("- "):
        t = "-" + t[2:]
    # trailing words such as '50 sager'
    m = re.match(r"^([+-]?[\d. \u00a0]+(?:,\d+)?)(?:\s+[A-Za-zæøåÆØÅ].*)?$", t)
    if not m:
        return None
    t = m.group(1).strip()
    if not NUM_RE.match(t):
        return None
    sign = -1 if t.startswith("-") else 1
    t = t.lstrip("+-")
    if neg:
        sign = -sign
    intpart, _, frac = t.partition(",")
    intpart = intpart.replace(".", "").replace(" ", "").replace("\u00a0", "")
    digits = intpart + frac
    value = Fraction(int(digits), 10 ** len(frac)) * sign
    return (value, len(frac))


def fmt(x, decimals):
    """Fraction -> Danish text with `decimals` decimals (half away from zero)."""
    q = Fraction(10) ** decimals
    n = abs(x) * q
    r = int(n)
    if n - r >= Fraction(1, 2):
        r += 1
    s = str(r).rjust(decimals + 1, "0")
    ip, fp = (s[:-decimals], s[-decimals:]) if decimals else (s, "")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    out = ".".join(groups) + ("," + fp if decimals else "")
    return ("-" if x < 0 and r != 0 else "") + out


def fmt_exact(x):
    """Fraction -> shortest exact Danish text if terminating, else 4 decimals."""
    for d in range(0, 7):
        if (x * 10 ** d).denominator == 1:
            return fmt(x, d)
    return "\u2248" + fmt(x, 4)


class Table:
    def __init__(self, slug):
        self.slug = slug
        with open(os.path.join(HERE, slug + ".tsv"), encoding="utf-8") as f:
            self.lines = [ln.rstrip("\n").rstrip("\r") for ln in f]
        self.rows = [ln.split("\t") for ln in self.lines]
        self.header = 1
        self.labelcol = 0  # 0-based column holding the row labels
        self.colnames = None
        self.exact = []  # list of (rowset or None, colset or None)
        self.halves = []  # list of (rowset, colset, half-width) for coarser rounding
        self.blank0 = False  # an empty cell among the operands means nothing (0)

    def header_names(self):
        if self.colnames is not None:
            return self.colnames
        if self.header == 0:
            raise KeyError("%s: @header 0 needs @colnames" % self.slug)
        return [clean(c) for c in self.rows[self.header - 1]]

    def col_index(self, name):
        names = self.header_names()
        base, occ = split_occ(name)
        hits = [i for i, n in enumerate(names) if n == base]
        if len(hits) < occ:
            raise KeyError("%s: no column %r (have %r)" % (self.slug, name, names))
        return hits[occ - 1]

    def row_index(self, label):
        base, occ = split_occ(label)
        hits = [
            i
            for i, r in enumerate(self.rows)
            if i >= self.header and len(r) > self.labelcol and clean(r[self.labelcol]) == base
        ]
        if len(hits) < occ:
            raise KeyError("%s: no row %r" % (self.slug, label))
        return hits[occ - 1]

    def label(self, ri):
        r = self.rows[ri]
        return clean(r[self.labelcol]) if len(r) > self.labelcol else ""

    def cell(self, ri, ci):
        r = self.rows[ri]
        return r[ci] if ci < len(r) else ""

    def is_exact(self, ri, ci):
        lab = self.label(ri)
        col = self.header_names()[ci] if ci < len(self.header_names()) else ""
        for rows, cols in self.exact:
            if (rows is None or lab in rows) and (cols is None or col in cols):
                return True
        return False

    def half_override(self, ri, ci):
        lab = self.label(ri)
        col = self.header_names()[ci] if ci < len(self.header_names()) else ""
        for rows, cols, half in self.halves:
            if (rows is None or lab in rows) and (cols is None or col in cols):
                return half
        return None

    def fig(self, ri, ci, part=None):
        text = self.cell(ri, ci)
        if part is not None:
            # a cell holding several figures, e.g. "3.020 (2.189)": take the part-th one; the
            # parentheses mark a second figure (here: the previous year), not a negative sign
            toks = re.findall(r"-?\d[\d.]*(?:,\d+)?", text)
            if len(toks) < part:
                return None
            text = toks[part - 1]
        if self.blank0 and clean(text) in ("", "...", "\u2026"):
            return Fig(Fraction(0), Fraction(0), clean(text) or "(tom)", 0)
        p = parse_fig(text)
        if p is None:
            return None
        if p[0] == "dash":
            return Fig(Fraction(0), Fraction(0), clean(text), 0)
        value, d = p
        half = Fraction(0) if self.is_exact(ri, ci) else Fraction(1, 2 * 10 ** d)
        override = self.half_override(ri, ci)
        if override is not None:
            half = override
        return Fig(value, half, clean(text), d)


def split_occ(name):
    m = re.match(r"^(.*\S)\s*#(\d+)$", name)
    if m:
        return m.group(1).strip(), int(m.group(2))
    return name.strip(), 1


TERM_RE = re.compile(r"([+-])\s*(?:(\d+(?:,\d+)?)\s*\*\s*)?(?:\[([^\]]*)\])?(?:\{([^}]*)\})?(?:@(\d))?")


def parse_linear(expr):
    """'+[a] -{b} +2*[c]{d}' -> list of (coef, row or None, col or None)."""
    terms = []
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        if expr[pos].isspace():
            pos += 1
            continue
        m = TERM_RE.match(expr, pos)
        if not m or m.end() == pos or (m.group(3) is None and m.group(4) is None):
            raise ValueError("bad term at %r" % expr[pos:])
        coef = Fraction(m.group(2).replace(",", ".")) if m.group(2) else Fraction(1)
        if m.group(1) == "-":
            coef = -coef
        terms.append((coef, m.group(3), m.group(4), int(m.group(5)) if m.group(5) else None))
        pos = m.end()
    return terms


def eval_linear(t, terms, ri, ci):
    """-> (point value, lo, hi, [(coef, Fig)]) or None if an operand is missing."""
    pv = lo = hi = Fraction(0)
    used = []
    for coef, row, col, part in terms:
        r = t.row_index(row) if row is not None else ri
        c = t.col_index(col) if col is not None else ci
        f = t.fig(r, c, part)
        if f is None:
            return None
        pv += coef * f.value
        if coef >= 0:
            lo += coef * f.lo
            hi += coef * f.hi
        else:
            lo += coef * f.hi
            hi += coef * f.lo
        used.append((coef, f, (r, c, part)))
    return pv, lo, hi, used


def linear_text(used):
    out = []
    for i, (coef, f, _) in enumerate(used):
        neg = coef < 0
        mag = abs(coef)
        txt = f.text if mag == 1 else "%s\u00b7%s" % (fmt_exact(mag), f.text)
        if f.value < 0 and mag == 1:
            txt = "(" + txt + ")"
        if i == 0:
            out.append(("-" if neg else "") + txt)
        else:
            out.append(("- " if neg else "+ ") + txt)
    return " ".join(out)


def judge_linear(t, ri, ci, terms, tpart=None):
    target = t.fig(ri, ci, tpart)
    if target is None or clean(t.cell(ri, ci)) in ("-", "", "...", "\u2026"):
        return None
    ev = eval_linear(t, terms, ri, ci)
    if ev is None:
        return None
    pv, lo, hi, used = ev
    if pv == target.value:
        verdict = "exact"
    elif lo <= target.hi and target.lo <= hi:
        verdict = "rounding"
    else:
        verdict = "error"
    decimals = max([target.decimals] + [f.decimals for _, f, _ in used])
    note = "%s = %s" % (target.text, linear_text(used))
    if verdict != "exact":
        note += " = %s" % fmt(pv, decimals)
    if any(f.text in ("-", "\u2013", "\u2014", "\u2212") for _, f, _ in used):
        note += " ('-' read as 0)"
    if any(f.text == "(tom)" for _, f, _ in used):
        note += " (empty cell read as 0)"
    if any(f.text in ("...", "\u2026") for _, f, _ in used):
        note += " ('...' read as 0)"
    return verdict, note


def vertices(used_n, used_d):
    """All distinct operand cells with their intervals."""
    cells = {}
    for coef, f, key in used_n + used_d:
        cells[key] = f
    return cells


def judge_ratio(t, ri, ci, nterms, dterms, scale, absval, tpart=None):
    target = t.fig(ri, ci, tpart)
    if target is None or clean(t.cell(ri, ci)) in ("-", "", "...", "\u2026"):
        return None
    en = eval_linear(t, nterms, ri, ci)
    ed = eval_linear(t, dterms, ri, ci)
    if en is None or ed is None:
        return None
    npv, _, _, nused = en
    dpv, dlo, dhi, dused = ed
    if dlo <= 0 <= dhi:
        return None  # denominator may be zero: not judged
    cells = vertices(nused, dused)
    keys = list(cells)

    def value_at(assign):
        n = sum(c * assign[k] for c, _, k in nused)
        d = sum(c * assign[k] for c, _, k in dused)
        v = scale * n / d
        return abs(v) if absval else v

    point = value_at({k: cells[k].value for k in keys})
    if len(keys) > 16:
        raise ValueError("%s: too many operands for vertex enumeration" % t.slug)
    vals = []
    for combo in itertools.product(*[(cells[k].lo, cells[k].hi) for k in keys]):
        vals.append(value_at(dict(zip(keys, combo))))
    lo, hi = min(vals), max(vals)
    if absval and not absval_same_sign(t, nused, dused, cells, keys, scale):
        lo = Fraction(0)
    if target.lo <= point <= target.hi:
        verdict = "exact"
    elif lo <= target.hi and target.lo <= hi:
        verdict = "rounding"
    else:
        verdict = "error"
    ntxt = linear_text(nused)
    dtxt = linear_text(dused)
    if len(nused) > 1:
        ntxt = "(" + ntxt + ")"
    if len(dused) > 1:
        dtxt = "(" + dtxt + ")"
    body = "%s / %s" % (ntxt, dtxt)
    if absval:
        body = "|%s|" % body
    if scale != 1:
        body = "%s \u00b7 %s" % (body, fmt_exact(scale))
    note = "%s = %s = %s" % (target.text, body, fmt(point, target.decimals + 3))
    return verdict, note


def absval_same_sign(t, nused, dused, cells, keys, scale):
    """True if the ratio cannot change sign inside the box (so |.| is monotone)."""
    vals = []
    for combo in itertools.product(*[(cells[k].lo, cells[k].hi) for k in keys]):
        a = dict(zip(keys, combo))
        n = sum(c * a[k] for c, _, k in nused)
        d = sum(c * a[k] for c, _, k in dused)
        vals.append(n / d)
    return min(vals) > 0 or max(vals) < 0


def split_list(spec):
    return [s.strip() for s in spec.split(" ; ") if s.strip()]


def process(slug):
    t = Table(slug)
    out = []
    counts = {}
    with open(os.path.join(HERE, slug + ".rel"), encoding="utf-8") as f:
        rel_lines = [ln.rstrip("\n") for ln in f]
    for lineno, line in enumerate(rel_lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            out.append(line)
            continue
        parts = line.split("\t")
        if parts[0] == "@header":
            t.header = int(parts[1])
            continue
        if parts[0] == "@blank0":
            t.blank0 = True
            continue
        if parts[0] == "@labelcol":
            t.labelcol = int(parts[1]) - 1
            continue
        if parts[0] == "@colnames":
            t.colnames = [p.strip() for p in parts[1:]]
            continue
        if parts[0] == "@half":
            rows = None if parts[1].strip() == "*" else set(split_list(parts[1]))
            cols = None if parts[2].strip() == "*" else set(split_list(parts[2]))
            t.halves.append((rows, cols, Fraction(parts[3].strip().replace(",", "."))))
            continue
        if parts[0] == "@exact":
            rows = None if parts[1].strip() == "*" else set(split_list(parts[1]))
            cols = None if parts[2].strip() == "*" else set(split_list(parts[2]))
            t.exact.append((rows, cols))
            continue
        if len(parts) < 4 or parts[0] not in KINDS:
            raise ValueError("%s.rel:%d: bad line %r" % (slug, lineno, line))
        kind, rowspec, colspec, expr = parts[:4]
        opts = parts[4].split() if len(parts) > 4 else []
        extra = parts[5] if len(parts) > 5 else ""
        names = t.header_names()
        tpart = None
        m_part = re.match(r"^(.*)@(\d)$", colspec.strip())
        if m_part:
            colspec, tpart = m_part.group(1), int(m_part.group(2))
        if colspec.strip() == "*":
            cols = list(range(t.labelcol + 1, len(names)))
        else:
            cols = [t.col_index(c) for c in split_list(colspec)]
        if rowspec.strip() == "*":
            rows = list(range(t.header, len(t.rows)))
        else:
            rows = [t.row_index(r) for r in split_list(rowspec)]
        is_ratio = "//" in expr
        if is_ratio:
            ntxt, dtxt = expr.split("//", 1)
            nterms, dterms = parse_linear(ntxt), parse_linear(dtxt)
            scale = Fraction(1) if "x1" in opts else Fraction(100)
            absval = "abs" in opts
        else:
            terms = parse_linear(expr)
        for ri in rows:
            for ci in cols:
                if is_ratio:
                    res = judge_ratio(t, ri, ci, nterms, dterms, scale, absval, tpart)
                else:
                    res = judge_linear(t, ri, ci, terms, tpart)
                if res is None:
                    if rowspec.strip() != "*" and colspec.strip() != "*":
                        print("%s.rel:%d: not judged (missing figure) at %s / %s"
                              % (slug, lineno, t.label(ri), names[ci]), file=sys.stderr)
                    continue
                verdict, note = res
                if tpart is not None:
                    note += " (figure %d of the cell)" % tpart
                if extra:
                    note += " (" + extra + ")"
                row_label = t.label(ri)
                same = [i for i in range(t.header, len(t.rows)) if t.label(i) == row_label]
                if len(same) > 1:
                    note += " (row %d of %d labelled so)" % (same.index(ri) + 1, len(same))
                out.append("\t".join([kind, row_label, names[ci], verdict, note]))
                counts[(kind, verdict)] = counts.get((kind, verdict), 0) + 1
    header = [
        "# %s: relations a careful reader checks; verdicts by expect.py (not by sparekrav)" % slug,
        "# KIND\tROW\tCOLUMN\tVERDICT\tNOTE",
    ]
    text = "\n".join(header + out) + "\n"
    return text, counts


def selftest():
    """The worked examples of DOMAIN.md, and a few edges, judged by the same code."""
    import tempfile

    cases = [
        # (tsv, rel-line, expected verdict of the single relation)
        ("\tA\nx\t19,1\ny\t36,4\nI alt\t55,4\n", "sum\tI alt\tA\t+[x] +[y]", "rounding"),
        ("\tA\nx\t19,1\ny\t36,4\nI alt\t55,5\n", "sum\tI alt\tA\t+[x] +[y]", "exact"),
        ("\tA\nx\t19,1\ny\t36,4\nI alt\t55,7\n", "sum\tI alt\tA\t+[x] +[y]", "error"),
        ("\tA\nx\t0,1\ny\t3,5\nz\t1,5\nI alt\t5,0\n", "sum\tI alt\tA\t+[x] +[y] +[z]", "rounding"),
        ("\tA\nx\t23,0\ny\t68,9\nz\t8,2\nI alt\t100,0\n", "sum\tI alt\tA\t+[x] +[y] +[z]", "rounding"),
        ("\tBeløb\tAndel\nx\t1,4\t23,0%\nI alt\t6,1\t\n", "share\tx\tAndel\t+{Beløb} // +[I alt]{Beløb}", "exact"),
        ("\tBeløb\tAndel\nx\t1,4\t23,6%\nI alt\t6,1\t\n", "share\tx\tAndel\t+{Beløb} // +[I alt]{Beløb}", "rounding"),
        ("\tBeløb\tAndel\nx\t1,4\t25,0%\nI alt\t6,1\t\n", "share\tx\tAndel\t+{Beløb} // +[I alt]{Beløb}", "error"),
        # counts: no slack
        ("\tN\nx\t10\ny\t20\nI alt\t31\n", "@exact\t*\t*\nsum\tI alt\tN\t+[x] +[y]", "error"),
        ("\tN\nx\t10\ny\t20\nI alt\t31\n", "sum\tI alt\tN\t+[x] +[y]", "rounding"),
        # half away from zero at the boundary: closed intervals give the benefit of the doubt
        ("\tA\nx\t-0,25\nI alt\t-0,3\n", "sum\tI alt\tA\t+[x]", "rounding"),
        # unsigned % of a negative afvigelse
        ("\tK\tA\tP\nr\t68,5\t-8,5\t12,5%\n", "ratio\tr\tP\t+{A} // +{K}\tabs", "rounding"),
        ("\tK\tA\tP\nr\t68,5\t-8,5\t12,5%\n", "ratio\tr\tP\t+{A} // +{K}", "error"),
        # whole kroner "1.500,-" (a whole number: +-0,5), the unit before the figure
        ("\tkr.\nx\t300,-\ny\t1.200,--\nI alt\tkr. 1.500,-\n", "sum\tI alt\tkr.\t+[x] +[y]", "exact"),
        ("\tkr.\nx\t300,-\ny\t1.200,-\nI alt\t1.501,-\n", "sum\tI alt\tkr.\t+[x] +[y]", "rounding"),
        ("\tkr.\nx\t300,-\ny\t1.200,-\nI alt\t1.502,-\n", "sum\tI alt\tkr.\t+[x] +[y]", "error"),
        # a trailing minus: 300.000- is -300.000
        ("\tkr.\nx\t120.000-\ny\t180.000-\nI alt\t300.000-\n", "sum\tI alt\tkr.\t+[x] +[y]", "exact"),
        ("\tkr.\nx\t120.000-\ny\t180.000-\nI alt\t300.000\n", "sum\tI alt\tkr.\t+[x] +[y]", "error"),
        ("\tkr.\nx\t1.234,50-\ny\t765,50\nI alt\t469,00-\n", "sum\tI alt\tkr.\t+[x] +[y]", "exact"),
    ]
    bad = 0
    with tempfile.TemporaryDirectory() as d:
        global HERE
        old = HERE
        HERE = d
        try:
            for i, (tsv, rel, want) in enumerate(cases):
                slug = "case%d" % i
                open(os.path.join(d, slug + ".tsv"), "w", encoding="utf-8").write(tsv)
                open(os.path.join(d, slug + ".rel"), "w", encoding="utf-8").write(rel + "\n")
                text, _ = process(slug)
                got = [ln.split("\t")[3] for ln in text.splitlines() if not ln.startswith("#")]
                if got != [want]:
                    bad += 1
                    print("selftest %d: want %s, got %s" % (i, want, got), file=sys.stderr)
        finally:
            HERE = old
    print("selftest: %d of %d cases as expected" % (len(cases) - bad, len(cases)))
    return 1 if bad else 0


def main(argv):
    global HERE
    if "--selftest" in argv:
        return selftest()
    check = "--check" in argv
    # `--dir DIR`: the tables of another folder (the held-out ones).
    if "--dir" in argv:
        i = argv.index("--dir")
        if i + 1 >= len(argv):
            print("--dir needs a folder", file=sys.stderr)
            return 2
        HERE = os.path.abspath(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    args = [a for a in argv if not a.startswith("--")]
    slugs = args or sorted(fn[:-4] for fn in os.listdir(HERE) if fn.endswith(".rel"))
    total = {}
    stale = []
    for slug in slugs:
        text, counts = process(slug)
        path = os.path.join(HERE, slug + ".expect")
        if check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != text:
                stale.append(slug)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        for k, v in counts.items():
            total[k] = total.get(k, 0) + v
    for (kind, verdict), n in sorted(total.items()):
        print("%-10s %-8s %4d" % (kind, verdict, n))
    print("tables: %d, relations: %d" % (len(slugs), sum(total.values())))
    if stale:
        print("stale .expect: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
