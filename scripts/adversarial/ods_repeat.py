#!/usr/bin/env python3
"""ODS repeat: one row of one figure cell repeated C times, the row repeated R times
(both capped by the reader at 10 000): R*C cells from a few hundred bytes.
usage: ods_repeat.py R C OUT.ods"""
import sys; sys.path.insert(0, sys.path[0])
from odslib import *
R = int(sys.argv[1]); C = int(sys.argv[2])
body = ('<table:table table:name="Ark1"><table:table-row table:number-rows-repeated="%d">' % R +
        '<table:table-cell table:number-columns-repeated="%d" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>' % C +
        '</table:table-row></table:table>')
write(sys.argv[3], body)
