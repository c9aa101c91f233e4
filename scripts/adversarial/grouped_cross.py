#!/usr/bin/env python3
"""Grouped cross totals: G group columns 'Gi / a' then T total columns 'I alt / a',
each total = sum of the groups (or wrong if --bad).
usage: grouped_cross.py G T ROWS [TABLES] [mode]  mode: lit (literal 'X / a' header) | two (two header rows)"""
import sys
G = int(sys.argv[1]); T = int(sys.argv[2]); R = int(sys.argv[3])
N = int(sys.argv[4]) if len(sys.argv) > 4 else 1
mode = sys.argv[5] if len(sys.argv) > 5 else "lit"
out = []
for k in range(N):
    out.append("Tabel %d\n\n" % k)
    if mode == "lit":
        out.append("Post\t" + "\t".join("Omr%d / R 2024" % j for j in range(G)) + "\t" + "\t".join(["I alt / R 2024"] * T) + "\n")
    else:
        out.append("\t" + "\t".join("Omr%d" % j for j in range(G)) + "\t" + "\t".join(["I alt"] * T) + "\n")
        out.append("Post\t" + "\t".join(["R 2024"] * (G + T)) + "\n")
    for i in range(R):
        vals = [(i * 7 + j * 3) % 9 + 1 for j in range(G)]
        s = sum(vals)
        out.append("Række %d\t" % i + "\t".join(map(str, vals)) + "\t" + "\t".join([str(s)] * T) + "\n")
    out.append("\n")
sys.stdout.write("".join(out))
