#!/usr/bin/env python3
"""Makes corpora/office/: small lists laid out as Indonesian offices lay them out, one habit per
file, and manifest.json with what a right read gives (rows, rejected rows, roles, header rows) or
the error a clear refusal names.

Run by hand from the repository root when a habit is added (the files are committed):

    pip install openpyxl odfpy
    python3 corpora/office/make_office_corpus.py

The people are made up: names from common Sundanese and Javanese names, NIKs with a Kota Bandung
region code (32 73 dd), the birth date (day + 40 for women) and a serial, so they are valid NIKs.
The same script gives the same rows and cells; the workbooks' zip entries carry the time they were
written, so regenerated .xlsx and .ods files differ in bytes (restore the unchanged ones with
`git checkout -- 'corpora/office/*.xlsx' 'corpora/office/*.ods'` after adding a habit).
"""

import csv
import datetime
import io
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = datetime.datetime(2024, 5, 15, 8, 0, 0)

GIVEN_M = ["ASEP", "DEDE", "UJANG", "AGUS", "BUDI", "JOKO", "DADANG", "ENDANG", "YAYAT", "CECEP", "WAWAN", "IWAN"]
GIVEN_F = ["SITI", "ENENG", "NENG", "YAYU", "IDA", "ROSMIATI", "AAN", "TUTI", "EUIS", "NUNUNG", "LILIS", "IMAS"]
FAMILY = ["SUHERMAN", "SUNARYA", "HIDAYAT", "KURNIAWAN", "RAHAYU", "NURHAYATI", "SETIAWAN", "PERMANA",
          "SAPUTRA", "MULYANI", "KARTIKA", "SUPRIATNA"]
PLACES = ["BANDUNG", "CIMAHI", "GARUT", "SUMEDANG", "TASIKMALAYA", "CIANJUR"]
DISTRICTS = [("01", "SUKASARI", ["GEGERKALONG", "ISOLA", "SARIJADI"]),
             ("02", "COBLONG", ["DAGO", "LEBAKSILIWANGI", "SEKELOA"]),
             ("03", "CIDADAP", ["HEGARMANAH", "CIUMBULEUIT", "LEDENG"])]
STREETS = ["JL. MAWAR", "JL. MELATI", "GG. KENANGA", "JL. CIHAMPELAS", "KP. BABAKAN", "JL. SETIABUDI"]
MONTHS = ["JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS", "SEPTEMBER",
          "OKTOBER", "NOVEMBER", "DESEMBER"]


def people(n, seed):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        female = rng.random() < 0.5
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        family = rng.choice(FAMILY)
        born = datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 60))
        code, district, villages = rng.choice(DISTRICTS)
        day = born.day + (40 if female else 0)
        nik = "3273%s%02d%02d%02d%04d" % (code, day, born.month, born.year % 100, rng.randrange(1, 60))
        kk = "3273%s%02d%02d%02d%04d" % (code, rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(5, 24),
                                          rng.randrange(1, 999))
        out.append({
            "no": i + 1, "nik": nik, "kk": kk, "given": given, "family": family, "name": given + " " + family,
            "place": rng.choice(PLACES), "born": born, "sex": "P" if female else "L",
            "street": "%s NO. %d" % (rng.choice(STREETS), rng.randrange(1, 120)),
            "rt": rng.randrange(1, 15), "rw": rng.randrange(1, 12), "village": rng.choice(villages),
            "district": district, "regency": "KOTA BANDUNG", "province": "JAWA BARAT",
            "head": rng.choice(GIVEN_M) + " " + family,
        })
    return out


def ddmmyyyy(d):
    return d.strftime("%d-%m-%Y")


BASIC = ["NO", "NIK", "NAMA", "TEMPAT LAHIR", "TGL LAHIR", "JK", "ALAMAT", "RT", "RW", "KELURAHAN", "KECAMATAN"]
BASIC_ROLES = {"id": "NO", "nik": "NIK", "name": "NAMA", "birth_place": "TEMPAT LAHIR", "birth_date": "TGL LAHIR",
               "sex": "JK", "address": "ALAMAT", "rt": "RT", "rw": "RW", "village": "KELURAHAN",
               "district": "KECAMATAN"}


def basic_row(p, no=None):
    return [str(p["no"] if no is None else no), p["nik"], p["name"], p["place"], ddmmyyyy(p["born"]), p["sex"],
            p["street"], "%03d" % p["rt"], "%03d" % p["rw"], p["village"], p["district"]]


SIGNATURE = [["Bandung, 15 Mei 2024"], ["Mengetahui,"], ["Kepala Dinas Sosial Kota Bandung"], [],
             ["Drs. H. ASEP SUNANDAR, M.Si"], ["NIP. 19650817 199003 1 005"]]
TITLE = [["DAFTAR PENERIMA BANSOS TUNAI KOTA BANDUNG TAHAP 2"], ["DINAS SOSIAL KOTA BANDUNG"], []]


def right(cells, width, at):
    """A row with `cells` starting at column `at` of a `width`-wide table (footers sit on the right)."""
    row = [""] * width
    for k, c in enumerate(cells):
        row[at + k] = c
    return row


def write_csv(name, rows, delimiter=",", encoding="utf-8", newline="\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    for r in rows:
        w.writerow(r)
    with open(os.path.join(HERE, name), "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


def write_xlsx(name, sheets, merges=None, hidden=None, hidden_rows=None):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append([c if c != "" else None for c in r])
        for m in (merges or {}).get(title, []):
            ws.merge_cells(m)
        if hidden and title in hidden:
            ws.sheet_state = "hidden"
        for r in (hidden_rows or {}).get(title, []):
            ws.row_dimensions[r].hidden = True
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.save(os.path.join(HERE, name))


def write_ods(name, sheets, hidden=None, hidden_rows=None, typed=True):
    """An OpenDocument spreadsheet; with `typed`, NIK-like and date-like cells are stored as a
    number and a date, as LibreOffice stores what a person types."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    hide = Style(name="taHidden", family="table")
    hide.addElement(TableProperties(display=False))
    doc.automaticstyles.addElement(hide)
    for title, rows in sheets:
        table = Table(name=title, stylename=hide if hidden and title in hidden else None)
        for n, r in enumerate(rows, start=1):
            attrs = {"visibility": "collapse"} if hidden_rows and n in hidden_rows.get(title, []) else {}
            row = TableRow(**attrs)
            for c in r:
                if c == "" or c is None:
                    row.addElement(TableCell())
                elif typed and c.isdigit() and len(c) == 16:
                    cell = TableCell(valuetype="float", value=c)
                    cell.addElement(P(text=c))
                    row.addElement(cell)
                elif typed and len(c) == 10 and c[2] == "-" and c[5] == "-" and c.replace("-", "").isdigit():
                    iso = "%s-%s-%s" % (c[6:], c[3:5], c[:2])
                    cell = TableCell(valuetype="date", datevalue=iso)
                    cell.addElement(P(text=c))
                    row.addElement(cell)
                elif c.startswith("="):
                    row.addElement(TableCell(formula="of:" + c))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=c))
                    row.addElement(cell)
            row.addElement(TableCell(numbercolumnsrepeated=1000))
            table.addElement(row)
        table.addElement(TableRow(numberrowsrepeated=1048000))
        doc.spreadsheet.addElement(table)
    doc.save(os.path.join(HERE, name))


manifest = []


def entry(file, habit, rows=None, rejected=0, roles=None, header=None, reasons=None, options=None, error=None,
          first_name=None, sheet=None, warning=None):
    e = {"file": file, "habit": habit}
    if error:
        e["error"] = error
    else:
        e.update({"rows": rows, "rejected": rejected, "roles": roles, "headerLines": header})
        if reasons:
            e["rejectedReasons"] = reasons
        if first_name:
            e["firstName"] = first_name
        if sheet:
            e["sheet"] = sheet
        if warning:
            e["warning"] = warning
    if options:
        e["options"] = options
    manifest.append(e)


def main():
    P = people(40, 12)
    W = len(BASIC)

    # 1. Control: a plain list, header on the first line.
    write_csv("plain.csv", [BASIC] + [basic_row(p) for p in P[:12]])
    entry("plain.csv", "a plain list: header on line 1", 12, 0, BASIC_ROLES, [1], first_name=P[0]["name"])

    # 2. Title rows above the header.
    write_csv("title-rows.csv", [right(t, W, 0) for t in TITLE] + [BASIC] + [basic_row(p) for p in P[:10]])
    entry("title-rows.csv", "a title, the office's name and a blank row above the header", 10, 0, BASIC_ROLES, [4])

    # 3. Title lines without delimiters, semicolons below (the delimiter must not come from the title).
    with open(os.path.join(HERE, "title-lines-semicolon.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("DAFTAR NOMINATIF PENERIMA PKH\r\nKELURAHAN DAGO, KECAMATAN COBLONG\r\n\r\n")
        f.write(";".join(BASIC) + "\r\n")
        for p in P[:9]:
            f.write(";".join(basic_row(p)) + "\r\n")
    entry("title-lines-semicolon.csv", "title lines with no delimiter above a semicolon list", 9, 0, BASIC_ROLES, [4])

    # 4. Two-row header: IDENTITAS over NIK/NAMA/TGL LAHIR, ALAMAT over JALAN/RT/RW/KELURAHAN; NO and JK merged down.
    parent = ["NO", "IDENTITAS", "", "", "JENIS KELAMIN", "ALAMAT", "", "", ""]
    child = ["", "NIK", "NAMA", "TGL LAHIR", "", "JALAN", "RT", "RW", "KELURAHAN"]
    body = [[str(p["no"]), p["nik"], p["name"], ddmmyyyy(p["born"]), p["sex"], p["street"], str(p["rt"]),
             str(p["rw"]), p["village"]] for p in P[:11]]
    two_roles = {"id": "NO", "nik": "NIK", "name": "NAMA", "birth_date": "TGL LAHIR", "sex": "JENIS KELAMIN",
                 "address": "JALAN", "rt": "RT", "rw": "RW", "village": "KELURAHAN"}
    write_csv("two-row-header.csv", [parent, child] + body)
    entry("two-row-header.csv", "a two-row header (parent over child cells)", 11, 0, two_roles, [1, 2])

    # 5. Column-numbering row under the header.
    write_csv("numbering-row.csv", [BASIC, ["(%d)" % (k + 1) for k in range(W)]] + [basic_row(p) for p in P[:8]])
    entry("numbering-row.csv", "a (1) (2) (3) column-numbering row under the header", 8, 0, BASIC_ROLES, [1])

    # 6. Footer: totals and the signature block.
    rows = [BASIC] + [basic_row(p) for p in P[:10]]
    rows.append(["JUMLAH", "", "10 ORANG"] + [""] * (W - 3))
    rows += [right(s, W, 8) for s in SIGNATURE]
    write_csv("footer-signature.csv", rows)
    entry("footer-signature.csv", "totals and a signature block under the list", 10, 6, BASIC_ROLES, [1],
          reasons={"totals": 1, "place-and-date": 1, "signature line": 3, "part of the signature block": 1})

    # 7. Footer in the name column (the official's name lands under NAMA).
    rows = [BASIC] + [basic_row(p) for p in P[:7]]
    rows += [right(s, W, 2) for s in SIGNATURE]
    write_csv("footer-in-name-column.csv", rows)
    entry("footer-in-name-column.csv", "the signature block typed in the name column", 7, 5, BASIC_ROLES, [1])

    # 8. Header repeated at a page break, with its numbering row.
    numbering = ["%d" % (k + 1) for k in range(W)]
    rows = [BASIC, numbering] + [basic_row(p) for p in P[:6]] + [BASIC, numbering] + [basic_row(p) for p in P[6:12]]
    write_csv("repeated-header.csv", rows)
    entry("repeated-header.csv", "the header (and its numbering row) repeated at a page break", 12, 2, BASIC_ROLES,
          [1], reasons={"header repeated": 1, "column-numbering": 1})

    # 9. Two exports pasted together: repeated header, a section line, numbering restarting at 1.
    rows = [BASIC] + [basic_row(p) for p in P[:8]] + [right(["DATA TAHAP 2"], W, 0), BASIC]
    rows += [basic_row(p, no=k + 1) for k, p in enumerate(P[8:16])]
    write_csv("concatenated-exports.csv", rows)
    entry("concatenated-exports.csv", "two exports pasted together: DATA TAHAP 2, the header again, NO restarting",
          16, 2, dict(BASIC_ROLES, id="NO_UNIK"), [1], reasons={"section title": 1, "header repeated": 1})

    # 10. Records with a blank NIK stay records.
    rows = [BASIC]
    for k, p in enumerate(P[:10]):
        r = basic_row(p)
        if k % 3 == 1:
            r[1] = "" if k % 2 else "-"
        rows.append(r)
    write_csv("blank-nik-records.csv", rows)
    entry("blank-nik-records.csv", "people with a blank NIK are still people", 10, 0, BASIC_ROLES, [1])

    # 11. Rows whose identity columns are all empty.
    rows = [BASIC] + [basic_row(p) for p in P[:9]]
    rows.insert(4, ["", "", "", "", "", "", "JL. MAWAR NO. 3", "001", "002", "DAGO", "COBLONG"])
    rows.insert(7, ["99", "", "", "", "", "", "", "", "", "", ""])
    write_csv("identity-empty-rows.csv", rows)
    entry("identity-empty-rows.csv", "rows with no NIK, KK or name", 9, 2, BASIC_ROLES, [1],
          reasons={"identity columns are all empty": 2})

    # 12. Section titles between blocks, one per kecamatan.
    rows = [BASIC]
    for k, (code, district, _) in enumerate(DISTRICTS):
        rows.append(right(["KECAMATAN " + district], W, 0))
        rows += [basic_row(p) for p in P[k * 4:(k + 1) * 4]]
    write_csv("section-titles.csv", rows)
    entry("section-titles.csv", "a title row before each kecamatan's block", 12, 3, BASIC_ROLES, [1],
          reasons={"section title": 3})

    # 13. DTKS / SIKS-NG export headers.
    dtks = ["ID_ART", "NIK", "NO_KK", "NAMA", "NAMA_KRT", "TMPT_LHR", "TGL_LHR", "JNS_KEL", "ALAMAT", "NAMA_DESA",
            "NAMA_KEC", "NAMA_KAB", "NAMA_PROP"]
    rows = [dtks] + [["32730%07d" % (k + 1), p["nik"], p["kk"], p["name"], p["head"], p["place"],
                      p["born"].isoformat(), "1" if p["sex"] == "L" else "2", p["street"], p["village"],
                      p["district"], p["regency"], p["province"]] for k, p in enumerate(P[:12])]
    dtks_roles = {"id": "ID_ART", "nik": "NIK", "kk": "NO_KK", "name": "NAMA", "head_of_household": "NAMA_KRT",
                  "birth_place": "TMPT_LHR", "birth_date": "TGL_LHR", "sex": "JNS_KEL", "address": "ALAMAT",
                  "village": "NAMA_DESA", "district": "NAMA_KEC", "regency": "NAMA_KAB", "province": "NAMA_PROP"}
    write_csv("dtks-headers.csv", rows)
    entry("dtks-headers.csv", "DTKS/SIKS-NG export column names", 12, 0, dtks_roles, [1])

    # 14. Headers with text in brackets and trailing words.
    hdr = ["NO.", "NIK (16 DIGIT)", "NAMA LENGKAP (SESUAI KTP)", "JK (L/P)", "TGL LAHIR (DD-MM-YYYY)", "ALAMAT KTP",
           "NAMA IBU KANDUNG", "NO HP"]
    rows = [hdr] + [[str(p["no"]), p["nik"], p["name"], p["sex"], ddmmyyyy(p["born"]), p["street"],
                     "EUIS " + p["family"], "08123456%04d" % p["no"]] for p in P[:10]]
    write_csv("bracketed-headers.csv", rows)
    entry("bracketed-headers.csv", "headers with notes in brackets and trailing words", 10, 0,
          {"id": "NO.", "nik": "NIK (16 DIGIT)", "name": "NAMA LENGKAP (SESUAI KTP)", "sex": "JK (L/P)",
           "birth_date": "TGL LAHIR (DD-MM-YYYY)", "address": "ALAMAT KTP"}, [1])

    # 15. TTL: place and date of birth in one column.
    rows = [["NO", "NIK", "NAMA", "TTL", "JK", "ALAMAT"]]
    for k, p in enumerate(P[:10]):
        d = p["born"]
        ttl = "%s, %s" % (p["place"], ddmmyyyy(d)) if k % 2 else "%s, %d %s %d" % (p["place"].title(), d.day,
                                                                                    MONTHS[d.month - 1].title(), d.year)
        rows.append([str(p["no"]), p["nik"], p["name"], ttl, p["sex"], p["street"]])
    write_csv("ttl-column.csv", rows)
    entry("ttl-column.csv", "TTL: birth place and date in one column", 10, 0,
          {"id": "NO", "nik": "NIK", "name": "NAMA", "birth_place": "TEMPAT LAHIR (dari TTL)",
           "birth_date": "TANGGAL LAHIR (dari TTL)", "sex": "JK", "address": "ALAMAT"}, [1])

    # 16. RT/RW in one column.
    rows = [["NO", "NIK", "NAMA", "ALAMAT", "RT/RW", "DESA"]] + [
        [str(p["no"]), p["nik"], p["name"], p["street"], "%03d/%03d" % (p["rt"], p["rw"]), p["village"]] for p in P[:9]]
    write_csv("rt-rw-column.csv", rows)
    entry("rt-rw-column.csv", "RT/RW in one column", 9, 0,
          {"id": "NO", "nik": "NIK", "name": "NAMA", "address": "ALAMAT", "rt": "RT (dari RT/RW)",
           "rw": "RW (dari RT/RW)", "village": "DESA"}, [1])

    # 17. Age instead of a birth date.
    rows = [["NO", "NIK", "NAMA", "USIA", "JK"]] + [
        [str(p["no"]), p["nik"], p["name"], "%d TH" % (2025 - p["born"].year), p["sex"]] for p in P[:8]]
    write_csv("age-column.csv", rows)
    entry("age-column.csv", "USIA (age) instead of a birth date", 8, 0,
          {"id": "NO", "nik": "NIK", "name": "NAMA", "birth_date": "TAHUN LAHIR (dari USIA, kira-kira)", "sex": "JK"},
          [1])

    # 18. Name in two columns.
    rows = [["NO", "NIK", "NAMA DEPAN", "NAMA BELAKANG", "TGL LAHIR"]] + [
        [str(p["no"]), p["nik"], p["given"], p["family"], ddmmyyyy(p["born"])] for p in P[:8]]
    write_csv("name-in-parts.csv", rows)
    entry("name-in-parts.csv", "given name and surname in separate columns", 8, 0,
          {"id": "NO", "nik": "NIK", "name": "NAMA (NAMA DEPAN + NAMA BELAKANG)", "birth_date": "TGL LAHIR"}, [1],
          first_name=P[0]["name"])

    # 19. pandas float export of NIKs.
    rows = [["NIK", "NAMA", "TGL_LAHIR"]] + [[p["nik"] + ".0", p["name"], p["born"].isoformat()] for p in P[:8]]
    write_csv("pandas-float-nik.csv", rows)
    entry("pandas-float-nik.csv", "NIKs written by pandas as floats (3273...0001.0)", 8, 0,
          {"nik": "NIK", "name": "NAMA", "birth_date": "TGL_LAHIR"}, [1])

    # 20. Head of household next to the person's name.
    rows = [["NO", "NAMA KEPALA KELUARGA", "NIK", "NAMA", "HUBUNGAN"]] + [
        [str(p["no"]), p["head"], p["nik"], p["name"], "ANAK"] for p in P[:8]]
    write_csv("head-of-household.csv", rows)
    entry("head-of-household.csv", "the head of household's name before the person's", 8, 0,
          {"id": "NO", "head_of_household": "NAMA KEPALA KELUARGA", "nik": "NIK", "name": "NAMA"}, [1],
          first_name=P[0]["name"])

    # 21. No identity column at all: a clear error naming the best header-like row.
    rows = [["REKAP PENYALURAN"], ["KECAMATAN", "JUMLAH KPM", "NOMINAL"]] + [[d, "120", "36000000"] for _, d, _ in DISTRICTS]
    write_csv("no-identity-columns.csv", rows)
    entry("no-identity-columns.csv", "a summary with no NIK, KK or name column", error="looked most like a header")

    # 22. A header the vocabulary does not know, given with header_row and columns.
    rows = [["LAPORAN"], ["KODE", "NOMOR IDENTITAS", "NAMA WARGA BINAAN"]] + [
        [str(p["no"]), p["nik"], p["name"]] for p in P[:5]]
    write_csv("header-row-option.csv", rows)
    entry("header-row-option.csv", "an unknown header, given with header_row and columns", 5, 0,
          {"nik": "NOMOR IDENTITAS", "name": "NAMA WARGA BINAAN"}, [2],
          options={"headerRows": "2", "columns": {"nik": "NOMOR IDENTITAS", "name": "NAMA WARGA BINAAN"}})

    # 23. An HTML table saved as .xls, as web applications export it.
    html = ["<html><head><meta charset=\"utf-8\"></head><body><table border=\"1\">",
            "<tr>" + "".join("<th>%s</th>" % h for h in BASIC) + "</tr>"]
    for p in P[:6]:
        html.append("<tr>" + "".join("<td>%s</td>" % c.replace("&", "&amp;") for c in basic_row(p)) + "</tr>")
    html.append("</table></body></html>")
    with open(os.path.join(HERE, "html-table.xls"), "w", encoding="utf-8") as f:
        f.write("\n".join(html) + "\n")
    entry("html-table.xls", "an HTML table saved as .xls", 6, 0, BASIC_ROLES, [2], first_name=P[0]["name"])

    # 23b. A web export with a title, a merged title row in the table, entities and <br>.
    html = ["<!DOCTYPE html>", "<html><head><title>Ekspor</title><style>td { mso-number-format:'\\@'; }</style></head>",
            "<body><h3>DAFTAR PENERIMA</h3>", "<table>",
            "<tr><td colspan=\"%d\"><b>DAFTAR PENERIMA BPNT KEL. DAGO</b></td></tr>" % W,
            "<tr>" + "".join("<td><b>%s</b></td>" % h for h in BASIC) + "</tr>"]
    for k, p in enumerate(P[:7]):
        cells = basic_row(p)
        cells[2] = cells[2].replace(" ", "&nbsp;" if k % 2 else "<br>")
        cells[6] = cells[6] + " &amp; GG. A"
        html.append("<tr>" + "".join("<td>%s</td>" % c for c in cells) + "</tr>")
    html.append("<tr><td colspan=\"2\">JUMLAH</td><td>7</td>" + "<td></td>" * (W - 3) + "</tr>")
    html.append("</table></body></html>")
    with open(os.path.join(HERE, "html-export-with-title.xls"), "w", encoding="utf-8") as f:
        f.write("\n".join(html) + "\n")
    entry("html-export-with-title.xls", "a web export: page title, merged title row, entities, a totals row", 7, 1,
          BASIC_ROLES, [6], first_name=P[0]["name"])

    # 23b2. A web export with a two-row header: rowspan on the cells merged down, colspan on the parents.
    html = ["<html><body><table>",
            "<tr><th rowspan=\"2\">NO</th><th colspan=\"3\">IDENTITAS</th><th rowspan=\"2\">JENIS KELAMIN</th>"
            "<th colspan=\"4\">ALAMAT</th></tr>",
            "<tr>" + "".join("<th>%s</th>" % h for h in ["NIK", "NAMA", "TGL LAHIR", "JALAN", "RT", "RW", "KELURAHAN"])
            + "</tr>"]
    for b in body[:6]:
        html.append("<tr>" + "".join("<td>%s</td>" % c for c in b) + "</tr>")
    html.append("</table></body></html>")
    with open(os.path.join(HERE, "html-two-row-header.xls"), "w", encoding="utf-8") as f:
        f.write("\n".join(html) + "\n")
    entry("html-two-row-header.xls", "a web export with a two-row header (rowspan and colspan)", 6, 0, two_roles, [2, 3])

    # 23c. Excel 2003 XML saved as .xls: refused with what it is.
    with open(os.path.join(HERE, "spreadsheet-2003.xls"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
                '<Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">NIK</Data></Cell></Row>'
                '</Table></Worksheet></Workbook>\n')
    entry("spreadsheet-2003.xls", "an Excel 2003 XML spreadsheet saved as .xls", error="Excel 2003 XML spreadsheet")

    # Workbooks.
    # 24. Title rows above the header, the title merged across.
    rows = [right(t, W, 0) for t in TITLE] + [BASIC] + [basic_row(p) for p in P[:10]]
    write_xlsx("title-rows.xlsx", [("Penerima", rows)], merges={"Penerima": ["A1:K1", "A2:K2"]})
    entry("title-rows.xlsx", "a merged title above the header in a workbook", 10, 0, BASIC_ROLES, [4])

    # 25. Two-row header with merged cells.
    rows = [parent, child] + body
    write_xlsx("two-row-merged.xlsx", [("Data", rows)],
               merges={"Data": ["A1:A2", "B1:D1", "E1:E2", "F1:I1"]})
    entry("two-row-merged.xlsx", "a two-row header with merged cells", 11, 0, two_roles, [1, 2])

    # 26. Footer block in a workbook.
    rows = [BASIC] + [basic_row(p) for p in P[:9]] + [["TOTAL", "", "9"] + [""] * (W - 3)]
    rows += [right(s, W, 8) for s in SIGNATURE]
    write_xlsx("footer.xlsx", [("Sheet1", rows)])
    entry("footer.xlsx", "totals and a signature block in a workbook", 9, 6, BASIC_ROLES, [1])

    # 27. DTKS headers in a workbook.
    rows = [dtks] + [["32730%07d" % (k + 1), p["nik"], p["kk"], p["name"], p["head"], p["place"],
                      ddmmyyyy(p["born"]), "LAKI-LAKI" if p["sex"] == "L" else "PEREMPUAN", p["street"],
                      p["village"], p["district"], p["regency"], p["province"]] for k, p in enumerate(P[:10])]
    write_xlsx("dtks-headers.xlsx", [("DTKS", rows)])
    entry("dtks-headers.xlsx", "DTKS column names in a workbook", 10, 0, dtks_roles, [1])

    # 28. Repeated header and restarting numbers in a workbook.
    rows = [BASIC] + [basic_row(p) for p in P[:5]] + [BASIC] + [basic_row(p, no=k + 1) for k, p in enumerate(P[5:10])]
    write_xlsx("repeated-header.xlsx", [("Data", rows)])
    entry("repeated-header.xlsx", "the header repeated and NO restarting in a workbook", 10, 1,
          dict(BASIC_ROLES, id="NO_UNIK"), [1])

    # 29. The first sheet hidden (an old copy), the list on the second.
    old_rows = [BASIC] + [basic_row(p) for p in P[20:23]]
    write_xlsx("hidden-first-sheet.xlsx", [("Lama", old_rows), ("Penerima", [BASIC] + [basic_row(p) for p in P[:6]])],
               hidden=["Lama"])
    entry("hidden-first-sheet.xlsx", "the first sheet is hidden; the list is on the second", 6, 0, BASIC_ROLES, [1],
          sheet="Penerima")

    # 30. An empty first sheet.
    write_xlsx("empty-first-sheet.xlsx", [("Sheet1", []), ("Sheet2", [BASIC] + [basic_row(p) for p in P[:5]])])
    entry("empty-first-sheet.xlsx", "an empty first sheet; the list is on Sheet2", 5, 0, BASIC_ROLES, [1], sheet="Sheet2")

    # 31. A Rekap pivot in front of the data.
    rekap = [["REKAPITULASI PENERIMA"], ["KECAMATAN", "JUMLAH KPM"]] + [[d, "4"] for _, d, _ in DISTRICTS] + [["TOTAL", "12"]]
    write_xlsx("rekap-first.xlsx", [("Rekap", rekap), ("Data", [BASIC] + [basic_row(p) for p in P[:12]])])
    entry("rekap-first.xlsx", "a Rekap sheet in front of the data sheet", 12, 0, BASIC_ROLES, [1], sheet="Data")

    # 32. One sheet per kecamatan: the first is read unless asked for all, and the others are named.
    sheets = [(district.title(), [BASIC] + [basic_row(p, no=k + 1) for k, p in enumerate(P[i * 4:(i + 1) * 4])])
              for i, (_, district, _) in enumerate(DISTRICTS)]
    write_xlsx("sheet-per-kecamatan.xlsx", sheets)
    entry("sheet-per-kecamatan.xlsx", "one sheet per kecamatan (read one; the others are named)", 4, 0, BASIC_ROLES, [1],
          sheet="Sukasari", warning=None)

    # 33. Hidden (filtered-out) rows.
    write_xlsx("hidden-rows.xlsx", [("Data", [BASIC] + [basic_row(p) for p in P[:8]])], hidden_rows={"Data": [3, 4]})
    entry("hidden-rows.xlsx", "rows hidden by a filter are counted and reported", 8, 0, BASIC_ROLES, [1],
          warning="2 rows are hidden")

    # 34. Formulas saved without a result (written by a program, never opened in Excel).
    rows = [BASIC + ["NAMA LENGKAP"]] + [basic_row(p) + ["=C%d" % (k + 2)] for k, p in enumerate(P[:6])]
    write_xlsx("formula-without-value.xlsx", [("Data", rows)])
    entry("formula-without-value.xlsx", "formula cells saved without a result are reported", 6, 0, BASIC_ROLES, [1],
          warning="6 formula cells have no saved result")

    # OpenDocument spreadsheets (LibreOffice Calc).
    # 35. Title rows, NIKs stored as numbers, dates as dates, LibreOffice's repeated empty cells and rows.
    rows = [right(t, W, 0) for t in TITLE] + [BASIC] + [basic_row(p) for p in P[:9]]
    write_ods("title-rows.ods", [("Penerima", rows)])
    entry("title-rows.ods", "an .ods with a title, NIKs as numbers, dates as dates", 9, 0, BASIC_ROLES, [4],
          first_name=P[0]["name"])

    # 36. The signature block in an .ods.
    rows = [BASIC] + [basic_row(p) for p in P[:8]] + [["JUMLAH", "", "8"] + [""] * (W - 3)]
    rows += [right(x, W, 8) for x in SIGNATURE]
    write_ods("footer.ods", [("Sheet1", rows)])
    entry("footer.ods", "totals and a signature block in an .ods", 8, 6, BASIC_ROLES, [1])

    # 37. A hidden first sheet, hidden rows and a formula without a result.
    rows = [BASIC + ["CEK"]] + [basic_row(p) + ["=C%d" % (k + 2)] for k, p in enumerate(P[:7])]
    write_ods("sheets-and-hidden-rows.ods", [("Arsip", [BASIC] + [basic_row(p) for p in P[30:33]]), ("Data", rows)],
              hidden=["Arsip"], hidden_rows={"Data": [2]})
    entry("sheets-and-hidden-rows.ods", "an .ods with a hidden first sheet, a hidden row and formulas", 7, 0,
          BASIC_ROLES, [1], sheet="Data", warning="1 rows are hidden")

    # 38. DTKS headers in an .ods.
    rows = [dtks] + [["32730%07d" % (k + 1), p["nik"], p["kk"], p["name"], p["head"], p["place"],
                      ddmmyyyy(p["born"]), p["sex"], p["street"], p["village"], p["district"], p["regency"],
                      p["province"]] for k, p in enumerate(P[:6])]
    write_ods("dtks-headers.ods", [("DTKS", rows)])
    entry("dtks-headers.ods", "DTKS column names in an .ods", 6, 0, dtks_roles, [1])

    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"files": manifest}, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote %d files and manifest.json" % len(manifest), file=sys.stderr)


if __name__ == "__main__":
    main()
