#!/usr/bin/env python3
"""Half-empty detail rows and full block rows alternating (the first shape tried for
outer_subtotals): the difference-rows search reads each block row as the sum of two rows above,
in every column, and engine::own_part_added then scans every relation for each such pair.
usage: two_row_sums.py ROWPAIRS COLPAIRS [TABLES] > out.txt   (rows <= 400 for the search to run)"""
import sys
n = int(sys.argv[1]); w = int(sys.argv[2]); t = int(sys.argv[3]) if len(sys.argv) > 3 else 1
out = []
for k in range(t):
    out.append("Tabel %d\n" % k)
    out.append("Post\t" + "\t".join("K%d" % j for j in range(2 * w)) + "\n")
    for i in range(n):
        a = (i % 7) + 1; b = (i % 5) + 2
        out.append("Detalje %d\t" % i + "\t".join([str(a), ""] * w) + "\n")
        out.append("Blok %d\t" % i + "\t".join([str(b), str(a + b)] * w) + "\n")
    out.append("\n")
sys.stdout.write("".join(out))
