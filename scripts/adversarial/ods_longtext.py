#!/usr/bin/env python3
"""ODS: a label cell of L characters and a figure, the row repeated N times
(table:number-rows-repeated, capped at 10 000 by the reader): the label is cloned into every row.
usage: ods_longtext.py L N OUT.ods"""
import sys; sys.path.insert(0, sys.path[0])
from odslib import *
L, N = int(sys.argv[1]), int(sys.argv[2])
body = ('<table:table table:name="Ark1"><table:table-row table:number-rows-repeated="%d">' % N +
        txt('Post ' + 'x' * L) + num(5) + '</table:table-row></table:table>')
write(sys.argv[3], body)
