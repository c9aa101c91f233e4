#!/usr/bin/env python3
"""Key figures: K 'Nettoomsætning' rows, K 'Bruttoresultat' rows (all alike) and M
'Bruttomargin (%)' rows over C columns, T tables: each margin has K*K readings that all hold alike.
usage: key_figures.py K C M T"""
import sys
K, C, M, T = map(int, sys.argv[1:5])
out = []
for t in range(T):
    out.append("Nøgletal %d\n\n" % t)
    out.append("Mio. kr.\t" + "\t".join("Kol %d" % j for j in range(C)) + "\n")
    for i in range(K):
        out.append("Nettoomsætning\t" + "\t".join(["997"] * C) + "\n")
    for i in range(K):
        out.append("Bruttoresultat\t" + "\t".join(["241"] * C) + "\n")
    for i in range(M):
        out.append("Bruttomargin (%)\t" + "\t".join(["24,2"] * C) + "\n")
    out.append("\n")
sys.stdout.write("".join(out))
