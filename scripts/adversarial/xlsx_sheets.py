#!/usr/bin/env python3
"""xlsx: S sheets, each a small table (3 rows and an I alt).
usage: xlsx_sheets.py S OUT.xlsx"""
import sys; sys.path.insert(0, sys.path[0])
from xlsxlib import *
S = int(sys.argv[1])
def sheet(k):
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Post</t></is></c><c r="B1"><v>2025</v></c></row>']
    for i in range(3):
        rows.append('<row r="%d"><c r="A%d" t="inlineStr"><is><t>P%d</t></is></c>%s</row>' % (i + 2, i + 2, i, numcell(i + 1, 1, i + k % 5)))
    rows.append('<row r="5"><c r="A5" t="inlineStr"><is><t>I alt</t></is></c>%s</row>' % numcell(4, 1, sum(i + k % 5 for i in range(3))))
    return rows
write(sys.argv[2], [('Ark%d' % k, sheet(k)) for k in range(S)])
