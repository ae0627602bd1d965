#!/usr/bin/env python3
"""Breaks a run's wrong and missed pairs down by error class, against a corpus's truth.

    scripts/error-classes.py --truth CORPUS_DIR --links OUT/links.csv [--json]

Classes are decided from what the two rows themselves say (their NIK, KK, name and address as
written), never from the generator's internals, so the tool judges any corpus laid out as
`padan synth` lays one out (lists beside `truth/entities.csv`, `truth/links.csv`,
`truth/duplicates.csv`). The NIK's birth key is its district (digits 1-6) and birth date (7-12)
with the +40 for women taken off, so opposite-sex twins share it.

False links (the rows are different people):
  shared_nik          the same 16 NIK digits (a family member's NIK typed in, a reused number,
                      Excel's 15-digit loss turning serials into ...0000)
  twin                the same NIK birth key and the same household (KK, or village and RT/RW)
  same_day_neighbour  the same NIK birth key, another household
  household_member    the same household, another birth key
  same_name_other_household  the same name, another household and NIK birth key
  other
Missed links (the rows are one person):
  re_registration     the same NIK and first name, another household (moved, registered twice)
  nik_and_name_differ the NIKs differ and the names differ
  nik_differs         the NIKs differ (names alike)
  name_differs        the same NIK, the names differ
  other
"""
import argparse
import csv
import io
import json
import os
import re
import sys
from collections import Counter

ROLE_HEADERS = {
    "id": ["NO", "ID Penerima", "ID_DTKS", "ID"],
    "nik": ["NIK"],
    "kk": ["NO_KK", "No. KK", "NOMOR_KK", "KK"],
    "name": ["NAMA_LENGKAP", "Nama Penerima", "NAMA"],
    "address": ["ALAMAT", "Alamat"],
    "rt": ["RT", "NO_RT"],
    "rw": ["RW", "NO_RW"],
    "village": ["DESA_KELURAHAN", "Kelurahan", "NAMA_DESA"],
}
RTRW_INLINE = re.compile(r"RT\.?\s*0*(\d+)\s*/?\s*RW\.?\s*0*(\d+)")


def read_list(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delim = max([",", ";", "\t", "|"], key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    header = next(reader)
    col = {}
    for role, names in ROLE_HEADERS.items():
        for n in names:
            if n in header:
                col[role] = header.index(n)
                break
    rows = {}
    for r in reader:
        if not r:
            continue
        get = lambda role: r[col[role]].strip() if role in col and col[role] < len(r) else ""
        nik = re.sub(r"\D", "", get("nik"))
        kk = re.sub(r"\D", "", get("kk"))
        name = re.sub(r"[^A-Z ]", "", get("name").upper()).split()
        address = get("address").upper()
        rt, rw = get("rt").lstrip("0"), get("rw").lstrip("0")
        m = RTRW_INLINE.search(address)
        if m and not rt:
            rt, rw = m.group(1), m.group(2)
        rows[get("id")] = {
            "nik": nik, "kk": kk, "name": name, "village": get("village").upper(), "rt": rt, "rw": rw,
        }
    return rows


def birth_key(nik):
    if len(nik) != 16:
        return None
    day = int(nik[6:8]) % 40
    return nik[:6] + "%02d" % day + nik[8:12]


def same_household(a, b):
    if len(a["kk"]) == 16 and a["kk"] == b["kk"] and not a["kk"].endswith("0000"):
        return True
    return bool(a["village"]) and a["village"] == b["village"] and bool(a["rt"]) and a["rt"] == b["rt"] \
        and a["rw"] == b["rw"]


def first_name(row):
    return row["name"][0] if row["name"] else ""


def classify_false(a, b):
    if len(a["nik"]) == 16 and a["nik"] == b["nik"]:
        return "shared_nik"
    ka, kb = birth_key(a["nik"]), birth_key(b["nik"])
    household = same_household(a, b)
    if ka and ka == kb:
        return "twin" if household else "same_day_neighbour"
    if household:
        return "household_member"
    if a["name"] and a["name"] == b["name"]:
        return "same_name_other_household"
    return "other"


def classify_missed(a, b):
    same_nik = len(a["nik"]) >= 14 and a["nik"] == b["nik"]
    same_first = first_name(a) != "" and first_name(a) == first_name(b)
    if same_nik and same_first and not same_household(a, b):
        return "re_registration"
    if same_nik:
        return "name_differs" if not same_first else "other"
    return "nik_differs" if same_first else "nik_and_name_differ"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--truth", required=True)
    p.add_argument("--links", required=True)
    p.add_argument("--threshold", type=float, default=0.5, help="links below this probability are ignored")
    p.add_argument("--json", action="store_true")
    p.add_argument("--show", metavar="CLASS", help="print up to 15 pairs of this class (false or missed)")
    args = p.parse_args()

    lists = {}
    for f in sorted(os.listdir(args.truth)):
        if f.endswith(".csv"):
            lists[f[:-4]] = read_list(os.path.join(args.truth, f))
    entity = {}
    with open(os.path.join(args.truth, "truth", "entities.csv")) as f:
        for r in csv.DictReader(f):
            entity[(r["source"], r["id"])] = r["entity_id"]

    predicted = set()
    with open(args.links, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if float(r["match_probability"]) < args.threshold:
                continue
            a = (r["left_source"], r["left_id"])
            b = (r["right_source"], r["right_id"])
            predicted.add((a, b) if a <= b else (b, a))
    within_run = any(a[0] == b[0] for a, b in predicted)

    true_pairs = set()
    with open(os.path.join(args.truth, "truth", "links.csv")) as f:
        for r in csv.DictReader(f):
            a, b = (r["left_source"], r["left_id"]), (r["right_source"], r["right_id"])
            true_pairs.add((a, b) if a <= b else (b, a))
    if within_run:
        with open(os.path.join(args.truth, "truth", "duplicates.csv")) as f:
            for r in csv.DictReader(f):
                a, b = (r["source"], r["id_a"]), (r["source"], r["id_b"])
                true_pairs.add((a, b) if a <= b else (b, a))
    cross_run = any(a[0] != b[0] for a, b in predicted)

    def scope(pair):
        return "within" if pair[0][0] == pair[1][0] else "cross"

    def row(ref):
        return lists[ref[0]][ref[1]]

    result = {}
    for s in ("cross", "within"):
        if (s == "cross" and not cross_run) or (s == "within" and not within_run):
            continue
        pred = {x for x in predicted if scope(x) == s}
        truth = {x for x in true_pairs if scope(x) == s}
        tp = len(pred & truth)
        fp = Counter(classify_false(row(a), row(b)) for a, b in pred - truth)
        fn = Counter(classify_missed(row(a), row(b)) for a, b in truth - pred)
        if args.show:
            shown = 0
            for a, b in sorted(pred - truth) + sorted(truth - pred):
                kind = classify_false(row(a), row(b)) if (a, b) in pred else classify_missed(row(a), row(b))
                if kind == args.show and shown < 15:
                    shown += 1
                    print(s, kind, a, b)
                    for ref in (a, b):
                        r = row(ref)
                        print("   ", r["nik"], r["kk"], " ".join(r["name"]), r["village"], r["rt"], r["rw"])
        nfp, nfn = sum(fp.values()), sum(fn.values())
        precision = tp / (tp + nfp) if tp + nfp else 1.0
        recall = tp / (tp + nfn) if tp + nfn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[s] = {"true_positives": tp, "false_positives": nfp, "false_negatives": nfn,
                     "precision": round(precision, 5), "recall": round(recall, 5), "f1": round(f1, 5),
                     "false_by_class": dict(fp.most_common()), "missed_by_class": dict(fn.most_common())}
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return
    for s, r in result.items():
        print(f"{s}: TP {r['true_positives']}  FP {r['false_positives']}  FN {r['false_negatives']}  "
              f"P {r['precision']:.4f}  R {r['recall']:.4f}  F1 {r['f1']:.4f}")
        print("  false: " + ", ".join(f"{k} {v}" for k, v in r["false_by_class"].items()))
        print("  missed: " + ", ".join(f"{k} {v}" for k, v in r["missed_by_class"].items()))


if __name__ == "__main__":
    main()
