#!/usr/bin/env python3
"""xlsx: one shared string of L characters referenced by N cells (one column, N rows, with a
figure beside each): calamine clones the string into every cell.
usage: xlsx_sharedstr.py L N OUT.xlsx"""
import sys; sys.path.insert(0, sys.path[0])
from xlsxlib import *
L, N = int(sys.argv[1]), int(sys.argv[2])
data = ('<row r="%d"><c r="%s" t="s"><v>0</v></c>%s</row>' % (r + 1, ref(r, 0), numcell(r, 1, r % 9 + 1)) for r in range(N))
write(sys.argv[3], [('Ark1', data)], shared=['Post ' + 'x' * L])
