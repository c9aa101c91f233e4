#!/usr/bin/env python3
"""Outer subtotals: alternating rows; in each pair of columns (inner=even, outer=odd)
a block of B rows (inner figure, outer empty) closed by a row with both, whose outer = block sum.
usage: outer_subtotals.py BLOCKS COLPAIRS [B] [TABLES] > out.txt"""
import sys, random
n = int(sys.argv[1]); w = int(sys.argv[2]); B = int(sys.argv[3]) if len(sys.argv) > 3 else 2
t = int(sys.argv[4]) if len(sys.argv) > 4 else 1
rnd = random.Random(3)
LO, HI = (1000, 9999) if "small" in sys.argv else (1000, 99999)
out = []
for k in range(t):
    out.append("Tabel %d\n\n" % k)
    out.append("Post\t" + "\t".join("K%d" % j for j in range(2 * w)) + "\n")
    for i in range(n):
        acc = [0] * w
        for j in range(B - 1):
            v = [rnd.randint(LO, HI) for _ in range(w)]
            acc = [a + x for a, x in zip(acc, v)]
            out.append("Detalje %d-%d\t" % (i, j) + "\t".join("%d\t" % x for x in v) + "\n")
        v = [rnd.randint(LO, HI) for _ in range(w)]
        acc = [a + x for a, x in zip(acc, v)]
        out.append("Blok %d\t" % i + "\t".join("%d\t%d" % (x, a) for x, a in zip(v, acc)) + "\n")
    out.append("\n")
sys.stdout.write("".join(out))
