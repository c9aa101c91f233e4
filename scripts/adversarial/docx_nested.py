#!/usr/bin/env python3
"""docx: tables nested D deep (each table's one cell holding the next table), innermost a small table.
usage: docx_nested.py D OUT.docx"""
import sys; sys.path.insert(0, sys.path[0])
from docxlib import *
D = int(sys.argv[1])
def gen():
    for i in range(D):
        yield '<w:tbl><w:tr>' + tc('Post %d' % i) + '<w:tc>'
    yield '<w:tbl><w:tr>' + tc('A') + tc('1') + '</w:tr><w:tr>' + tc('I alt') + tc('1') + '</w:tr></w:tbl><w:p/>'
    for i in range(D):
        yield '</w:tc></w:tr></w:tbl>'
write(sys.argv[2], gen())
