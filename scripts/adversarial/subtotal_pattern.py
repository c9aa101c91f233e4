#!/usr/bin/env python3
"""Subtotals without total words under blocks of B detail rows, R rows in all, C columns,
T tables; each subtotal row the sum of its block (mode ok) or one column off (mode bad).
usage: subtotal_pattern.py R C B T [ok|bad|nest]"""
import sys, random
R, C, B, T = map(int, sys.argv[1:5]); mode = sys.argv[5] if len(sys.argv) > 5 else "ok"
rnd = random.Random(1)
LO, HI = (10, 99) if "small" in sys.argv else (100, 99999)
out = []
for t in range(T):
    out.append("Balance %d\n\n" % t)
    out.append("Post\t" + "\t".join("Kol %d" % j for j in range(C)) + "\n")
    n = 0; blk = 0; subs = []
    while n + B + 1 <= R:
        acc = [0] * C
        for i in range(B):
            v = [rnd.randint(LO, HI) for _ in range(C)]
            acc = [a + x for a, x in zip(acc, v)]
            out.append("Post %d-%d\t" % (blk, i) + "\t".join(map(str, v)) + "\n"); n += 1
        if mode == "bad" and blk % 2:
            acc[0] += 1
        subs.append(acc)
        out.append("Gruppe %d\t" % blk + "\t".join(map(str, acc)) + "\n"); n += 1
        blk += 1
        if mode == "nest" and len(subs) == B and n + 1 <= R:
            s = [sum(x) for x in zip(*subs)]; subs = []
            out.append("Område %d\t" % blk + "\t".join(map(str, s)) + "\n"); n += 1
    out.append("\n")
sys.stdout.write("".join(out))
