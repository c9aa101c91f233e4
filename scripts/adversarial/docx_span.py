#!/usr/bin/env python3
"""docx: an optional heading of H characters, then a table of R rows, each of C cells
with gridSpan=1000 (each expands to 1000 cells, each cell's location cloning the heading).
usage: docx_span.py R C H OUT.docx"""
import sys; sys.path.insert(0, sys.path[0])
from docxlib import *
R, C, H = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def gen():
    if H: yield p('Overskrift ' + 'x' * H, heading=True)
    yield '<w:tbl>'
    for r in range(R):
        yield '<w:tr>' + tc('Række %d' % r) + ''.join(tc(str(r % 9 + 1), 1000) for _ in range(C)) + '</w:tr>'
    yield '</w:tbl>'
write(sys.argv[4], gen())
