#!/usr/bin/env python3
"""Copies a CSV list into an .xlsx workbook the way an office's spreadsheet does: openpyxl in
write-only mode, every value as text (shared strings), one sheet named after the file.

    python3 scripts/csv-to-xlsx.py kota.csv kota.xlsx

Used to measure and test big workbooks (a 200,000-row list is a 150 MB sheet) against the CSV they
came from; needs openpyxl (pip install openpyxl).
"""
import csv
import sys

try:
    from openpyxl import Workbook
except ImportError:
    sys.exit("csv-to-xlsx: openpyxl is not installed (pip install openpyxl)")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: csv-to-xlsx.py IN.csv OUT.xlsx")
    source, target = sys.argv[1], sys.argv[2]
    # Latin-1 maps every byte to one character, so the CSV splits as bytes; each field is then
    # decoded as UTF-8, or as Windows-1252 when it is not UTF-8 (what Padan's reader does).
    with open(source, newline="", encoding="latin-1") as f:
        sample = f.read(65536)
        f.seek(0)
        if sample.startswith("\xef\xbb\xbf"):
            f.read(3)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        book = Workbook(write_only=True)
        sheet = book.create_sheet(title="Data")
        for row in csv.reader(f, dialect):
            sheet.append([field_text(v) for v in row])
    book.save(target)


def field_text(value):
    raw = value.encode("latin-1")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Bytes Windows-1252 leaves undefined become the C1 control of the same value.
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


if __name__ == "__main__":
    main()
