#!/usr/bin/env python3
"""Recomputes the verdict of every `expect:` line of the prose corpus from its
formula, independently of sparekrav (Python's decimal, brute force over the
corners of the printed figures' rounding intervals), and fails when a stated
verdict differs. Run: python3 tests/data/prose/expected.py

A printed figure with d decimals stands for [v - 0.5*10^-d, v + 0.5*10^-d];
`N~H` stands for [N - H, N + H] (counts a paragraph rounds to hundreds).
exact: the printed values satisfy the relation; rounding: some values inside
the intervals do; error: none do. Figures printed twice in one formula (the
part in `a / (a + b)`) are one figure.
"""
import itertools, re, sys
from decimal import Decimal as D, getcontext

getcontext().prec = 60

def fig(tok):
    # `84.300~50`: a figure rounded coarser than its digits (to hundreds),
    # with that half-width.
    tok, _, half = tok.partition('~')
    pct = tok.endswith('%')
    t = tok.rstrip('%').replace('.', '').replace(',', '.')
    v = D(t)
    dec = len(t.split('.')[1]) if '.' in t else 0
    h = D(half) if half else D(5) * D(10) ** (-(dec + 1))
    return v, h, pct

def interval(tok):
    v, h, _ = fig(tok)
    return v - h, v + h

def verdict_sum(terms, total):
    # terms: list of (sign, tok)
    s = sum(sg * fig(t)[0] for sg, t in terms)
    lo = sum((sg * (interval(t)[0] if sg > 0 else interval(t)[1])) for sg, t in terms)
    hi = sum((sg * (interval(t)[1] if sg > 0 else interval(t)[0])) for sg, t in terms)
    tlo, thi = interval(total)
    if s == fig(total)[0]:
        return 'exact'
    return 'rounding' if lo <= thi and tlo <= hi else 'error'

def verdict_ratio(num, den, result, offset=0):
    """result% = 100*num/den - offset; num, den: lists of (sign, tok)."""
    toks = sorted({t for _, t in num + den})
    val = {t: fig(t)[0] for t in toks}
    f = lambda env, side: sum(sg * env[t] for sg, t in side)
    r = fig(result)[0]
    if 100 * f(val, num) / f(val, den) - offset == r:
        return 'exact'
    rlo, rhi = interval(result)
    qs = []
    for ends in itertools.product(*[interval(t) for t in toks]):
        env = dict(zip(toks, ends))
        d = f(env, den)
        if d == 0:
            return 'skipped'
        qs.append(100 * f(env, num) / d - offset)
    return 'rounding' if min(qs) <= rhi and rlo <= max(qs) else 'error'

def side(text):
    text = text.strip()
    if text.startswith('(') and text.endswith(')'):
        text = text[1:-1]
    toks = text.split()
    out, sg = [], 1
    for t in toks:
        if t == '+': sg = 1
        elif t == '-': sg = -1
        else:
            out.append((sg, t)); sg = 1
    return out

def verdict(formula):
    left, right = [x.strip() for x in formula.split('=')]
    m = re.fullmatch(r'\((\S+) - (\S+)\) / (\S+)', left)
    if m:  # percent change
        return verdict_ratio([(1, m[1]), (-1, m[2])], [(1, m[3])], right)
    m = re.fullmatch(r'(\S+) / (\S+%)', left)
    if m and right.count('/') == 1:  # same whole: a / p% = b / q%
        b, q = [x.strip() for x in right.split('/')]
        def whole(a, p):
            (alo, ahi), (plo, phi) = interval(a), interval(p)
            return 100 * alo / phi, 100 * ahi / plo
        if fig(m[1])[0] * fig(q)[0] == fig(b)[0] * fig(m[2])[0]:
            return 'exact'
        (l1, h1), (l2, h2) = whole(m[1], m[2]), whole(b, q)
        return 'rounding' if l1 <= h2 and l2 <= h1 else 'error'
    if ' / ' in left:
        n, d = left.split(' / ', 1)
        return verdict_ratio(side(n), side(d), right)
    return verdict_sum(side(left), right)

bad = 0
import glob, os
for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), '*.txt'))):
    for line in open(path, encoding='utf-8'):
        if line.startswith('---'):
            break
        m = re.match(r'expect: (\w+) (\w+) (.*)$', line.strip())
        if m:
            got = verdict(m[3])
            ok = got == m[2]
            bad += not ok
            print(f"{'ok ' if ok else 'BAD'} {os.path.basename(path)}: {m[3]} -> {got} (stated {m[2]})")
sys.exit(1 if bad else 0)
