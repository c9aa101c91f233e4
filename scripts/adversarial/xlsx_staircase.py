#!/usr/bin/env python3
"""xlsx staircase: row r has figures at columns r and r+1: one band, contiguous columns,
-> dense N x N range (calamine) and an N x N table (grid::table).
usage: xlsx_staircase.py N OUT.xlsx"""
import sys; sys.path.insert(0, sys.path[0])
from xlsxlib import *
N = int(sys.argv[1])
data = ('<row r="%d">' % (r + 1) + numcell(r, r, r % 9 + 1) + numcell(r, r + 1, r % 7 + 1) + '</row>' for r in range(N))
write(sys.argv[2], [('Ark1', data)])
