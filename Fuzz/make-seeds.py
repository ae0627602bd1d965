#!/usr/bin/env python3
"""Writes the seed corpora under Fuzz/Seeds/<target>/: a few small inputs per fuzz target that
reach its main paths, so libFuzzer starts from real shapes instead of from nothing.

    python3 Fuzz/make-seeds.py

Standard library only: the workbooks are written with zipfile (parts stored, not deflated, so
mutations of the raw files hit the XML, not a compressed stream).
"""
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "Seeds")


def put(target, name, data):
    folder = os.path.join(SEEDS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


# Delimited text: every delimiter, quoting, BOMs, line ends, Windows-1252, ragged rows.
put("FuzzDelimited", "semicolon.csv",
    "NO;NIK;NAMA;TGL_LAHIR;JK\n1;3273014101900001;SITI AMINAH;01-01-1990;P\n"
    "2;3273010202850002;\"AHMAD; S.PD\";2/2/1985;L\n3;327301;\"multi\nline \"\"quoted\"\"\";;\n")
put("FuzzDelimited", "comma-crlf-bom.csv",
    b"\xef\xbb\xbfid,name,dob\r\n1,Budi,1990-05-01\r\n2,\"Dewi, Sri\",05/01/1990,extra\r\n\r\n")
put("FuzzDelimited", "tab-cr.tsv", "NIK\tNAMA\tALAMAT\r3273\tJOKO\tJL. MERDEKA NO. 5\r\t\t\r")
put("FuzzDelimited", "pipe-1252.txt", b"ID|NAMA|DESA\n1|JOS\xc9 \x93X\x94|CIBIRU\n2|\"open quote|x\n")
put("FuzzHTML", "export.html",
    '<tr><td colspan="3">DAFTAR</td></tr><tr><th>NIK</th><th>NAMA</th><th>ALAMAT</th></tr>'
    '<tr><td>3273014101900001</td><td>SITI&nbsp;&amp; <br>AMINAH</td><td>JL. A &#8217;</td></tr>'
    '<tr><td colspan=2>JUMLAH</td><td>1</td></tr></table><table><tr><td>x</td></tr></table>')
put("FuzzDelimited", "office.csv",
    "DAFTAR PENERIMA\n\nNO;NIK;NAMA;TTL;RT/RW\n(1);(2);(3);(4);(5)\n1;3273014101900001;SITI;\"BANDUNG, 01-01-1990\";1/2\n"
    "1;;BUDI;GARUT;3\nJUMLAH;;;;\n;;Bandung, 15 Mei 2024;;\n;;NIP. 1965;;\n")
put("FuzzDelimited", "utf16.txt", b"\xff\xfe" + "NIK\tNAMA\n3273014101900001\tSITI\n".encode("utf-16-le"))

# Standardizers: rows of the twelve roles (NIK;NO_KK;NAMA;TGL_LAHIR;JK;ALAMAT;RT;RW;DESA;KECAMATAN;
# KAB/KOTA;TEMPAT LAHIR); the fuzzer also puts its whole input in every role of one row.
put("FuzzStandardize", "rows.csv",
    "3273014101900001;3273010101120003;HJ. SITI AMINAH, S.PD BINTI AHMAD;01-01-1990;P;"
    "JL. MERDEKA NO. 5 RT 01/RW 02;01;02;DESA SUKAMAJU;KEC. CIBIRU;KAB. BANDUNG;BANDUNG\n"
    "3.27301E+15;32730101;M. RIZKI BIN ABDUL RAHMAN;1990;LAKI-LAKI;GG. MAWAR 3 RT.003 RW.004 KEL. CIJERAH;"
    ";;;KECAMATAN BANDUNG KULON;KOTA BANDUNG;KAB. GARUT\n")
put("FuzzStandardize", "name.txt", "DRS. H. MOCH. ABD. RACHMAN AL FARISI, S.E., M.M.")
put("FuzzStandardize", "date.txt", "31/12/99")
put("FuzzStandardize", "address.txt", "JL. SOEKARNO HATTA NO.12A RT 05 RW 11 DS. MEKARSARI KEC. CIMAHI")
put("FuzzStandardize", "nik.txt", "3273 0141 0190 0001")

# Workbooks. Raw: real zip files. Parts: flags byte + NUL-separated workbook, rels, shared
# strings, styles, sheet (see Sources/FuzzXLSX/main.swift).
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><workbookPr date1904="0"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/>'
            '</sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
STRINGS = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>NIK</t></si><si><t>NAMA</t></si>'
           '<si><t>TGL_LAHIR</t></si><si><r><t>SITI </t></r><r><t>AMINAH</t></r><rPh><t>x</t></rPh></si></sst>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
          'spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
          '</numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
          '</cellXfs></styleSheet>')
SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
         'spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
         '<row r="2"><c r="A2"><v>3.2730141019E+15</v></c><c r="B2" t="s"><v>3</v></c>'
         '<c r="C2" s="1"><v>32874</v></c></row>'
         '<row r="3"><c r="A3" t="inlineStr"><is><t>3273010202850002</t></is></c><c t="str"><v>BUDI</v></c>'
         '<c r="C3" s="2"><v>1.5E1</v></c><c r="E3" t="b"><v>1</v></c></row>'
         '<row><c r="B5" t="e"><v>#N/A</v></c></row></sheetData></worksheet>')


def xlsx(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for name, text in parts:
            z.writestr(name, text)
    return buffer.getvalue()


full = [("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", RELS),
        ("xl/sharedStrings.xml", STRINGS), ("xl/styles.xml", STYLES), ("xl/worksheets/sheet1.xml", SHEET)]
put("FuzzXLSX", "full.xlsx", xlsx(full))
put("FuzzXLSX", "inline-only.xlsx", xlsx([("xl/workbook.xml", WORKBOOK), ("xl/worksheets/sheet1.xml", SHEET)]))
put("FuzzXLSX", "parts-stored", b"\x00" + b"\x00".join(text.encode() for _, text in full))
put("FuzzXLSX", "parts-deflated-named", b"\x03" + b"\x00".join(text.encode() for _, text in full))
put("FuzzXLSX", "parts-no-rels", b"\x00" + WORKBOOK.encode() + b"\x00\x00\x00\x00" + SHEET.encode())

# Configuration files.
put("FuzzConfig", "full.yaml", """columns:
  nik: NO_NIK
  name: [NAMA, NAMA_ART]
guess_columns: true
max_field_bytes: 1048576
max_columns: 1024
max_rows: 2000000
link:
  threshold: 0.5
  review_threshold: 0.2
  max_block_pairs: 1000000
  max_candidate_pairs: 50000000
  max_cluster_size: 50
  one_to_one: false
  u_sample_pairs: 100000
  seed: 42
  threads: 0
  reference_year: 2025
  blocking:
    - [nik_prefix12]
    - {name: name+dob, fields: [name_phonetic, birth_date]}
  comparisons: [nik, {kind: name, high_similarity: 0.92, medium_similarity: 0.8}, birth_date, sex]
""")
put("FuzzConfig", "anchors.yaml", "columns: &c {nik: NIK}\nlink: {threshold: 1e-1, blocking: [[nik_prefix12]]}\n"
    "guess_columns: !!bool yes\n")
put("FuzzConfig", "flow.yaml", "{max_rows: 0x10, link: {comparisons: [kk, household], seed: -1}}")

# Kernels: a cutoff byte, then two halves.
put("FuzzKernels", "names", b"\x03SITI AMINAH BINTI AHMAD SITI AMINA BIN AHMAD")
put("FuzzKernels", "long", b"\x1f" + b"MUHAMMAD RIZKI ABDUL RAHMAN " * 4 + b"MOCH RIZKY ABD RACHMAN " * 4)
put("FuzzKernels", "digits", b"\x02" + b"32730141019000013273014101900010")
put("FuzzKernels", "utf8", "\x05JOSÉ MARÍA ÑUÑEZ JOSE MARIA NUNEZ".encode())
