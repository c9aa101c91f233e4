import zipfile
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
 '<Default Extension="xml" ContentType="application/xml"/>'
 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
def write(path, body_parts):
    """body_parts: iterable of strings forming the inside of w:body"""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        with z.open('word/document.xml', 'w') as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for p in body_parts:
                f.write(p.encode())
            f.write(b'</w:body></w:document>')
def p(text, heading=False):
    ppr = '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>' if heading else ''
    return '<w:p>%s<w:r><w:t>%s</w:t></w:r></w:p>' % (ppr, text)
def tc(text, span=1):
    pr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else ''
    return '<w:tc>%s<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>' % (pr, text)
