#!/usr/bin/env python3
"""xlsx: two figure cells, at A1 and at row R, column C: calamine makes a dense R x C range.
usage: xlsx_corners.py R C OUT.xlsx"""
import sys; sys.path.insert(0, sys.path[0])
from xlsxlib import *
R, C = int(sys.argv[1]), int(sys.argv[2])
data = ['<row r="1">' + numcell(0, 0, 1) + '</row>', '<row r="%d">' % R + numcell(R - 1, C - 1, 2) + '</row>']
write(sys.argv[3], [('Ark1', data)])
