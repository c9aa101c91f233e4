#!/usr/bin/env python3
"""Text table whose rows have labels of L characters (W-letter words), N rows, and an I alt row.
usage: long_labels.py L N [W]"""
import sys
L, N = int(sys.argv[1]), int(sys.argv[2]); W = int(sys.argv[3]) if len(sys.argv) > 3 else 0
word = ("ord" * 40)[:W] if W else None
def label(i):
    if word:
        s = ("%s " % word) * (L // (W + 1))
        return "Post %d %s" % (i, s.strip())
    return "Post %d %s" % (i, "x" * L)
out = ["Tabel\n\n", "Post\t2025\n"]
for i in range(N):
    out.append(label(i) + "\t%d\n" % (i % 9 + 1))
out.append("I alt\t%d\n" % sum(i % 9 + 1 for i in range(N)))
sys.stdout.write("".join(out))
