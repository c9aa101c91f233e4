#!/usr/bin/env python3
"""Rows naming a percentage: pairs 'Ydelse <word> 100%' / 'Ydelse <word> 91%' with a distinct
word per pair (mode pairs), or every row 'Sats <word> 91%' under one base row (mode rows).
usage: label_pct.py N MODE [C]"""
import sys
N, mode = int(sys.argv[1]), sys.argv[2]; C = int(sys.argv[3]) if len(sys.argv) > 3 else 1
def w(i): return "".join(chr(97 + int(d)) for d in str(i))
out = ["Satser\n\n", "Ydelse\t" + "\t".join("Kol %d" % j for j in range(C)) + "\n"]
if mode == "pairs":
    for i in range(N):
        out.append("Ydelse %s 100%%\t" % w(i) + "\t".join(["1000"] * C) + "\n")
        out.append("Ydelse %s 91%%\t" % w(i) + "\t".join(["910"] * C) + "\n")
else:
    out.append("Maksimal sats\t" + "\t".join(["1000"] * C) + "\n")
    for i in range(N):
        out.append("Sats %s 91%%\t" % w(i) + "\t".join(["910"] * C) + "\n")
sys.stdout.write("".join(out))
