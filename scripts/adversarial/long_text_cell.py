#!/usr/bin/env python3
"""A text table with one long cell: the column header (pos=header), a row label (pos=label),
the table title line (pos=title) or the corner cell (pos=corner), made of the token TOK repeated to L characters.
usage: long_text_cell.py POS TOK L"""
import sys
pos, tok, L = sys.argv[1], sys.argv[2].replace("\\t", " "), int(sys.argv[3])
long = (tok * (L // max(1, len(tok)) + 1))[:L]
out = []
out.append(("Tabel " + long if pos == "title" else "Tabel") + "\n\n")
out.append((long if pos == "corner" else "Post") + "\t" + ("Beløb " + long if pos == "header" else "2025") + "\t2024\n")
rows = [("Post a", 1, 2), ("Post b " + long if pos == "label" else "Post b", 2, 3), ("Post c", 3, 4)]
for l, a, b in rows:
    out.append("%s\t%d\t%d\n" % (l, a, b))
out.append("I alt\t6\t9\n")
sys.stdout.write("".join(out))
