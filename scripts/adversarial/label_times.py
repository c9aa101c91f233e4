#!/usr/bin/env python3
"""Rows naming a multiple ('Band i (2 x bidrag)') in one long section, with one base row.
usage: label_times.py N [COLS] [mode]  mode: same (one word) | words (a new word every row)"""
import sys
N = int(sys.argv[1]); C = int(sys.argv[2]) if len(sys.argv) > 2 else 1
mode = sys.argv[3] if len(sys.argv) > 3 else "same"
out = ["Takster\n\n", "Takst\t" + "\t".join("%d" % (2020 + j) for j in range(C)) + "\n"]
out.append("Bidrag\t" + "\t".join(["10"] * C) + "\n")
for i in range(N):
    w = "bidrag" if mode == "same" else "bid" + "".join(chr(97 + int(d)) for d in str(i))
    out.append("Band %d (2 x %s)\t" % (i, w) + "\t".join(["20"] * C) + "\n")
sys.stdout.write("".join(out))
