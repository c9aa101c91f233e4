#!/usr/bin/env python3
"""Tables whose rows mix units (t. kr. / mio. kr. / mia. kr. in the cells) and figures with
D digits and E decimals, each table closed by an I alt; R rows per table, C columns, T tables.
usage: judge_units.py R C T D E"""
import sys, random
R, C, T, D, E = map(int, sys.argv[1:6])
rnd = random.Random(4)
units = ["t. kr.", "mio. kr.", "mia. kr."]
scale = {"t. kr.": 3, "mio. kr.": 6, "mia. kr.": 9}
def fmt(v, e):
    s = str(v)
    if e: s = s[:-e] + "," + s[-e:] if len(s) > e else "0," + s.zfill(e)
    return s
out = []
for t in range(T):
    out.append("Tabel %d\n\n" % t)
    out.append("Post\t" + "\t".join("Kol %d" % j for j in range(C)) + "\n")
    tot = [0] * C
    for i in range(R):
        u = units[i % 3]
        vs = [rnd.randint(10 ** (D - 1), 10 ** D - 1) for _ in range(C)]
        # value in kroner * 10^E: v * 10^(scale) / 10^E
        tot = [a + v * 10 ** scale[u] for a, v in zip(tot, vs)]
        out.append("Post %s\t" % chr(97 + i % 26) + "\t".join(fmt(v, E) + " " + u for v in vs) + "\n")
    # total in t. kr. with E decimals, exact
    out.append("I alt\t" + "\t".join(fmt(a // 10 ** 3, E) + " t. kr." for a in tot) + "\n\n")
sys.stdout.write("".join(out))
