#!/usr/bin/env python3
"""Moms rows under blocks of B price rows: each 'Moms 25%' row is 25 % of the block's sum
(rounded to 2 decimals, so never exact: the judge tries all 2^(B+1) corners of the quotient).
usage: moms_block.py BLOCKS B C [T]"""
import sys, random
N, B, C = map(int, sys.argv[1:4]); T = int(sys.argv[4]) if len(sys.argv) > 4 else 1
rnd = random.Random(2)
def f(x): return ("%.2f" % x).replace(".", ",")
out = []
for t in range(T):
    out.append("Takstblad %d\n\n" % t)
    out.append("Kr.\t" + "\t".join("Takst %d" % j for j in range(C)) + "\n")
    for k in range(N):
        acc = [0] * C
        for i in range(B):
            v = [rnd.randint(101, 999) for _ in range(C)]
            acc = [a + x for a, x in zip(acc, v)]
            out.append("Vandpris %s%s\t" % (chr(97 + k % 26) * (1 + k // 26), chr(97 + i)) + "\t".join(f(x / 100) for x in v) + "\n")
        out.append("Moms 25%\t" + "\t".join(f(round(a / 400, 2)) for a in acc) + "\n")
    out.append("\n")
sys.stdout.write("".join(out))
