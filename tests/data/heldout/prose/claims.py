#!/usr/bin/env python3
"""Independent verdicts for the held-out prose claims (tests/data/heldout/prose).

Each <slug>.txt is a paragraph (or a few) copied verbatim from a public Danish document; <slug>.claims lists the
figure claims a careful reader finds in it, one per line, TAB-separated (`#` lines are comments):

    KIND<TAB>QUOTE<TAB>EXPR<TAB>VERDICT<TAB>NOTE

KIND     sum | difference | change | share | pctchange | not-understood
QUOTE    a verbatim piece of the .txt holding the claimed figure (checked to occur in the text)
EXPR     `CLAIMED = LINEAR` or `CLAIMED = LINEAR / LINEAR %` (a share or percent change, scaled by 100),
         or `CLAIMED = LINEAR / LINEAR` (a plain ratio, e.g. kr. per day), or `CLAIMED = A * B` (a product of two
         positive figures, e.g. a price per årsværk times årsværk);
         LINEAR is Danish numbers joined by + and - (parentheses allowed around a LINEAR in a ratio).
         A number stands for [v - 5*10^-(d+1), v + 5*10^-(d+1)] (d printed decimals); `N!` marks an exact count
         (no slack); `N~H` gives the half-width H explicitly (e.g. `158.300~50` for "rounded to hundreds").
         `-` for not-understood claims (a conservative reader must not judge them).
VERDICT  exact | rounding | error | not-understood, as worked out by hand; this script recomputes it and
         fails if they differ:
         linear: exact if the printed operands give the printed figure, rounding if the operands' intervals can
                 give a value in the printed figure's interval, error otherwise;
         ratio:  exact if the ratio of the printed operands rounds to the printed figure (lies in its interval),
                 rounding if some corner of the operands' box does (the extremes of a linear-fractional function
                 lie at the corners), error otherwise.

Usage: python3 claims.py            # check every .claims, print the counts; exit 1 on a mismatch
It does not use sparekrav.
"""
import itertools
import os
import re
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
NUM = r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:!|~[\d.,]+)?"


def num(tok):
    tok = tok.strip()
    exact = tok.endswith("!")
    half = None
    if "~" in tok:
        tok, h = tok.split("~")
        half = Fraction(h.replace(".", "").replace(",", ".")) if "," in h else Fraction(h.replace(".", ""))
    tok = tok.rstrip("!")
    neg = tok.startswith("-")
    t = tok.lstrip("-")
    ip, _, fp = t.partition(",")
    v = Fraction(int(ip.replace(".", "") + fp), 10 ** len(fp)) * (-1 if neg else 1)
    if half is None:
        half = Fraction(0) if exact else Fraction(1, 2 * 10 ** len(fp))
    return v, half, len(fp)


def linear(expr):
    """'a + b - c' -> list of (sign, value, half)."""
    expr = expr.strip()
    if expr.startswith("(") and expr.endswith(")"):
        expr = expr[1:-1]
    terms = []
    for m in re.finditer(r"([+-]?)\s*(" + NUM + r")", expr):
        sign = -1 if m.group(1) == "-" else 1
        v, h, _ = num(m.group(2))
        terms.append((sign, v, h))
    return terms


def rng(terms):
    pv = sum(s * v for s, v, _ in terms)
    lo = sum(s * v - h for s, v, h in terms)
    hi = sum(s * v + h for s, v, h in terms)
    return pv, lo, hi


def product(expr):
    """'a * b' (positive figures) -> (point, lo, hi)."""
    a, b = [num(x) for x in expr.split("*")]
    return a[0] * b[0], (a[0] - a[1]) * (b[0] - b[1]), (a[0] + a[1]) * (b[0] + b[1])


def judge(expr):
    lhs, rhs = expr.split("=", 1)
    cv, ch, _ = num(lhs)
    rhs = rhs.strip()
    if rhs.endswith("%") or " / " in rhs:
        scale = 100 if rhs.endswith("%") else 1
        body = rhs[:-1].strip() if rhs.endswith("%") else rhs
        depth = 0
        split = None
        for i, c in enumerate(body):
            depth += c == "("
            depth -= c == ")"
            if c == "/" and depth == 0:
                split = i
        n, d = linear(body[:split]), linear(body[split + 1:])
        pv = scale * rng(n)[0] / rng(d)[0]
        cells = n + d
        vals = []
        for corner in itertools.product(*[(v - h, v + h) for _, v, h in cells]):
            nn = sum(s * c for (s, _, _), c in zip(n, corner[: len(n)]))
            dd = sum(s * c for (s, _, _), c in zip(d, corner[len(n):]))
            vals.append(scale * nn / dd)
        lo, hi = min(vals), max(vals)
        if cv - ch <= pv <= cv + ch:
            return "exact"
    elif " * " in rhs:
        pv, lo, hi = product(rhs)
        if pv == cv:
            return "exact"
    else:
        pv, lo, hi = rng(linear(rhs))
        if pv == cv:
            return "exact"
    return "rounding" if lo <= cv + ch and cv - ch <= hi else "error"


def main():
    bad = 0
    counts = {}
    files = 0
    for fn in sorted(os.listdir(HERE)):
        if not fn.endswith(".claims"):
            continue
        files += 1
        slug = fn[:-7]
        text = open(os.path.join(HERE, slug + ".txt"), encoding="utf-8").read()
        for no, line in enumerate(open(os.path.join(HERE, fn), encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            kind, quote, expr, verdict = parts[:4]
            if quote not in text:
                print("%s:%d: quote not in text: %r" % (fn, no, quote))
                bad += 1
            got = "not-understood" if kind == "not-understood" else judge(expr)
            if got != verdict:
                print("%s:%d: stated %s, computed %s (%s)" % (fn, no, verdict, got, expr))
                bad += 1
            counts[(kind, got)] = counts.get((kind, got), 0) + 1
    for (k, v), n in sorted(counts.items()):
        print("%-15s %-15s %3d" % (k, v, n))
    print("paragraph files: %d, claims: %d, mismatches: %d" % (files, sum(counts.values()), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
