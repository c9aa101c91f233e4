#!/usr/bin/env python3
"""ODS staircase: N rows, row r has r empty (repeated) cells then two figures:
2N filled cells but one band of N rows x N+2 contiguous columns -> dense N x N grid.
usage: ods_staircase.py N OUT.ods"""
import sys; sys.path.insert(0, sys.path[0])
from odslib import *
n = int(sys.argv[1])
rows = []
for r in range(n):
    rows.append('<table:table-row>' + (skip(r) if r else '') + num(r % 9 + 1) + num(r % 7 + 1) + '</table:table-row>')
write(sys.argv[2], '<table:table table:name="Ark1">' + ''.join(rows) + '</table:table>')
