#!/usr/bin/env python3
"""Text table whose column header is L characters of ' 1' tokens (a number after a space
on every other character), over R rows of figures and an I alt.
usage: long_header.py L [R] [T]"""
import sys
L = int(sys.argv[1]); R = int(sys.argv[2]) if len(sys.argv) > 2 else 3
T = int(sys.argv[3]) if len(sys.argv) > 3 else 1
out = []
for t in range(T):
    out.append("Tabel %d\n\n" % t)
    out.append("Post\tBeløb" + " 1" * (L // 2) + "\n")
    for i in range(R):
        out.append("Post %s\t%d\n" % (chr(97 + i), i + 1))
    out.append("I alt\t%d\n\n" % sum(range(1, R + 1)))
sys.stdout.write("".join(out))
