#!/usr/bin/env python3
"""Long runs of total/part rows: mode heraf: one row then R-1 'Heraf' rows under it;
mode ialt: 'Post' / 'I alt' alternating (each I alt over the one row above);
mode subtotal: 'Subtotal' after every 2 rows and 'I alt' at the end;
mode allialt: every row an 'I alt' of random figures; C columns, T tables.
usage: heraf_runs.py MODE R C [T]"""
import sys, random
mode, R, C = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]); T = int(sys.argv[4]) if len(sys.argv) > 4 else 1
rnd = random.Random(5)
out = []
for t in range(T):
    out.append("Tabel %d\n\n" % t)
    out.append("Post\t" + "\t".join("Kol %d" % j for j in range(C)) + "\n")
    if mode == "heraf":
        parts = [[rnd.randint(1, 99) for _ in range(C)] for _ in range(R - 1)]
        out.append("Udgifter i alt\t" + "\t".join(str(sum(p[j] for p in parts)) for j in range(C)) + "\n")
        for i, p in enumerate(parts):
            out.append("Heraf post %d\t" % i + "\t".join(map(str, p)) + "\n")
    elif mode == "ialt":
        for i in range(R // 2):
            v = [rnd.randint(1, 99) for _ in range(C)]
            out.append("Post %d\t" % i + "\t".join(map(str, v)) + "\n")
            out.append("I alt\t" + "\t".join(map(str, v)) + "\n")
    elif mode == "allialt":
        for i in range(R):
            v = [rnd.randint(1, 99) for _ in range(C)]
            out.append("I alt\t" + "\t".join(map(str, v)) + "\n")
    else:
        grand = [0] * C
        for i in range(R // 3):
            a = [rnd.randint(1, 99) for _ in range(C)]; b = [rnd.randint(1, 99) for _ in range(C)]
            s = [x + y for x, y in zip(a, b)]; grand = [g + x for g, x in zip(grand, s)]
            out.append("Post %da\t" % i + "\t".join(map(str, a)) + "\n")
            out.append("Post %db\t" % i + "\t".join(map(str, b)) + "\n")
            out.append("Subtotal\t" + "\t".join(map(str, s)) + "\n")
        out.append("I alt\t" + "\t".join(map(str, grand)) + "\n")
    out.append("\n")
sys.stdout.write("".join(out))
