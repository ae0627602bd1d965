#!/usr/bin/env python3
"""Padan against Splink 5 (DuckDB backend) on the same synthetic corpus.

Runs `padan link` and a Splink pipeline configured as a competent analyst would,
each in a child process of its own, and prints wall time, peak RSS, candidate
pairs, links, and precision / recall / F1 against the corpus truth side by side.

    python3 Benchmarks/splink/compare.py --corpus /tmp/s200k [--padan .build/release/padan]
        [--generate ROWS] [--json OUT.json] [--work DIR]

With --generate ROWS the corpus is first written with
`padan synth --rows ROWS --overlap 0.6 --seed 1 --out CORPUS`.
The Splink side is this same file run with --splink-worker.
"""
import time

T0 = time.perf_counter()  # before the heavy imports, so the worker's time includes them

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

PROVINSI, KOTA = "provinsi", "kota"  # list names, as in truth/links.csv (left, right)

# --------------------------------------------------------------------------------------------
# Splink worker: preprocessing, training and prediction, timed from reading the CSVs to
# having the thresholded links on disk.
# --------------------------------------------------------------------------------------------

MONTHS = ["JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
          "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER"]
# Titles an analyst would strip after looking at the names: prefixes (H., HJ., DRS., ...)
# and academic degrees written after the name, with or without a comma.
PREFIX_TITLES = r"^((H|HJ|DR|DRA|DRS|IR|PROF|KH|R|RD)\.\s*)+"
DEGREES = (r"(\s+(S\.?PD|S\.?AG|S\.?KOM|S\.?E|S\.?H|S\.?IP|S\.?KEP|S\.?SOS|S\.?T|S\.?SI|"
           r"M\.?SI|M\.?PD|M\.?M|M\.?AG|A\.?MD|A\.?MA(\.?PD)?)\.?)+$")


def clean_sql(source, cols):
    """DuckDB SQL turning one raw list (all columns VARCHAR) into the model's columns."""
    def digits16(c):
        # Scientific notation (3.27305E+15) has lost digits: unusable. Otherwise keep digits
        # only ('3273..., 3273 0101 ..., 32.73.01...) and require exactly 16 of them.
        d = f"regexp_replace(\"{c}\", '[^0-9]', '', 'g')"
        return (f"CASE WHEN \"{c}\" ILIKE '%E+%' OR length({d}) <> 16 THEN NULL ELSE {d} END")

    month_numbers = f"upper(trim(\"{cols['dob']}\"))"
    for i, m in enumerate(MONTHS):
        month_numbers = f"replace({month_numbers}, '{m}', '{i + 1:02d}')"
    name = f"upper(trim(split_part(\"{cols['name']}\", ',', 1)))"  # ", S.PD" degrees go
    name = f"regexp_replace({name}, '{PREFIX_TITLES}', '')"
    name = f"regexp_replace({name}, '{DEGREES}', '')"
    name = f"trim(regexp_replace(regexp_replace({name}, '[^A-Z ]', ' ', 'g'), '\\s+', ' ', 'g'))"

    def upper(c):
        return f"nullif(upper(trim(\"{c}\")), '')"

    return f"""
        SELECT CAST("{cols['id']}" AS VARCHAR) AS unique_id,
               {digits16(cols['nik'])} AS nik,
               {digits16(cols['kk'])} AS kk,
               nullif({name}, '') AS name,
               strftime(coalesce(
                   try_strptime(trim("{cols['dob']}"), ['%d-%m-%Y', '%d/%m/%Y', '%Y-%m-%d']),
                   try_strptime({month_numbers}, '%d %m %Y')), '%Y-%m-%d') AS dob,
               CASE WHEN upper(trim("{cols['sex']}")) IN ('L', 'LAKI-LAKI', 'LAKI LAKI', 'PRIA')
                    THEN 'L'
                    WHEN upper(trim("{cols['sex']}")) IN ('P', 'PEREMPUAN', 'WANITA') THEN 'P'
               END AS sex,
               {upper(cols['village'])} AS village,
               {upper(cols['district'])} AS district
        FROM {source}"""


def read_csv_as_strings(path, encoding, delimiter):
    """Every column as text (NIKs and ids must not become numbers)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    with open(path, encoding=encoding, newline="") as f:
        header = next(csv.reader(f, delimiter=delimiter))
    header = [h.lstrip("\ufeff") for h in header]
    return pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(encoding=encoding, column_names=header, skip_rows=1),
        parse_options=pacsv.ParseOptions(delimiter=delimiter),
        convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in header},
                                             strings_can_be_null=True))


def splink_worker(corpus, out_dir):
    import logging
    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    con = duckdb.connect()
    # provinsi.csv: UTF-8 with BOM, comma; kota.csv: Windows-1252, semicolon.
    prov_raw = read_csv_as_strings(os.path.join(corpus, "provinsi.csv"), "utf-8", ",")
    kota_raw = read_csv_as_strings(os.path.join(corpus, "kota.csv"), "cp1252", ";")
    con.register("prov_raw", prov_raw)
    con.register("kota_raw", kota_raw)
    con.execute("CREATE TABLE prov AS " + clean_sql("prov_raw", dict(
        id="NO", nik="NIK", kk="NO_KK", name="NAMA_LENGKAP", dob="TGL_LAHIR",
        sex="JENIS_KELAMIN", village="DESA_KELURAHAN", district="KECAMATAN")))
    con.execute("CREATE TABLE kota AS " + clean_sql("kota_raw", dict(
        id="ID Penerima", nik="NIK", kk="No. KK", name="Nama Penerima", dob="Tgl. Lahir",
        sex="L/P", village="Kelurahan", district="Kecamatan")))
    con.unregister("prov_raw")
    con.unregister("kota_raw")
    del prov_raw, kota_raw
    t_clean = time.perf_counter() - T0

    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.LevenshteinAtThresholds("nik", [1, 2]),
            cl.JaroWinklerAtThresholds("name", [0.92, 0.8]).configure(
                term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=True, datetime_format="%Y-%m-%d"),
            cl.ExactMatch("sex"),
            cl.ExactMatch("village"),
            cl.ExactMatch("district"),
            cl.ExactMatch("kk"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("substr(nik, 1, 12)"),   # region + birth date part of the NIK
            block_on("substr(nik, 7, 10)"),   # birth date + serial
            block_on("name", "dob"),
            block_on("name", "village"),
            block_on("dob", "district"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI(con)
    linker = Linker([db_api.register("prov", dataset_display_name=PROVINSI),
                     db_api.register("kota", dataset_display_name=KOTA)],
                    settings, log_level=logging.INFO)
    # Prior from a near-certain deterministic rule, assuming it finds ~90% of the matches.
    linker.training.estimate_probability_two_random_records_match([block_on("nik")], recall=0.9)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    # EM in Splink's usual pattern: one name-based and one date-based session. The NIK embeds
    # region and birth date, so it is not trained in a session blocked on the birth date
    # (neighbours born the same day have NIKs a serial apart, and EM took them for matches:
    # m(NIK Levenshtein <= 2) came out 0.64). The NIK is trained only in the name session;
    # the others in both, and Splink takes the median of the sessions' m values.
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("substr(nik, 1, 12)"))
    t_train = time.perf_counter() - T0

    # predict() scores exactly these cached blocked pairs; materialising them first only
    # lets us count the candidate pairs.
    blocked = linker.inference.compute_blocked_pairs_for_predict()
    candidate_pairs = con.execute(f"SELECT count(*) FROM {blocked.physical_name}").fetchall()[0][0]
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    links_path = os.path.join(out_dir, "links.csv")
    con.execute(f"""
        COPY (SELECT CASE WHEN source_dataset_l = '{PROVINSI}' THEN unique_id_l
                          ELSE unique_id_r END AS left_id,
                     CASE WHEN source_dataset_l = '{PROVINSI}' THEN unique_id_r
                          ELSE unique_id_l END AS right_id,
                     match_probability
              FROM {predictions.physical_name}) TO '{links_path}' (HEADER, DELIMITER ',')""")
    t_links = time.perf_counter() - T0
    model_path = os.path.join(out_dir, "model.json")
    linker.misc.save_model_to_json(model_path, overwrite=True)
    with open(os.path.join(out_dir, "worker.json"), "w") as f:
        json.dump({"candidate_pairs": candidate_pairs, "seconds_to_clean": t_clean,
                   "seconds_to_train": t_train, "seconds_to_links": t_links}, f, indent=2)


# --------------------------------------------------------------------------------------------
# Driver: child processes, measurement, evaluation, table.
# --------------------------------------------------------------------------------------------

def run_measured(cmd, log_path):
    """Runs cmd; returns (wall seconds, peak RSS in MB of that process) from wait4."""
    with open(log_path, "w") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}); see {log_path}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def read_pairs(path, left="left_id", right="right_id", keep=None):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r[left], r[right]) for r in csv.DictReader(f) if keep is None or keep(r)}


def score(predicted, truth):
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"links": len(predicted), "true_positives": tp, "precision": precision,
            "recall": recall, "f1": f1}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="corpus directory (provinsi.csv, kota.csv, truth/)")
    ap.add_argument("--padan", default=".build/release/padan", help="padan binary")
    ap.add_argument("--generate", type=int, metavar="ROWS", help="run padan synth first")
    ap.add_argument("--work", help="directory for outputs and logs (default: a temporary one)")
    ap.add_argument("--json", help="also write the results as JSON here")
    ap.add_argument("--splink-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.splink_worker:
        splink_worker(args.corpus, args.out)
        return

    padan = os.path.abspath(args.padan)
    if args.generate:
        subprocess.run([padan, "synth", "--rows", str(args.generate), "--overlap", "0.6",
                        "--seed", "1", "--out", args.corpus], check=True, stdout=subprocess.DEVNULL)
    work = args.work or tempfile.mkdtemp(prefix="padan-vs-splink-")
    os.makedirs(work, exist_ok=True)
    prov, kota = (os.path.join(args.corpus, f"{n}.csv") for n in (PROVINSI, KOTA))
    truth = read_pairs(os.path.join(args.corpus, "truth", "links.csv"),
                       keep=lambda r: (r["left_source"], r["right_source"]) == (PROVINSI, KOTA))

    padan_out = os.path.join(work, "padan")
    print("running padan ...", file=sys.stderr)
    p_wall, p_rss = run_measured([padan, "link", prov, kota, "--out", padan_out, "--force",
                                  "--json"], os.path.join(work, "padan.log"))
    with open(os.path.join(padan_out, "summary.json")) as f:
        p_summary = json.load(f)
    # `padan link` also finds the doubles within each list; the truth here is the cross-list
    # links only, which is all the Splink side is asked for, so those are what is scored.
    p_score = score(read_pairs(os.path.join(padan_out, "links.csv"),
                               keep=lambda r: (r["left_source"], r["right_source"]) == (PROVINSI, KOTA)), truth)

    splink_out = os.path.join(work, "splink")
    shutil.rmtree(splink_out, ignore_errors=True)
    os.makedirs(splink_out)
    print("running splink ...", file=sys.stderr)
    s_wall, s_rss = run_measured([sys.executable, os.path.abspath(__file__), "--splink-worker",
                                  "--corpus", args.corpus, "--out", splink_out],
                                 os.path.join(work, "splink.log"))
    with open(os.path.join(splink_out, "worker.json")) as f:
        s_worker = json.load(f)
    s_score = score(read_pairs(os.path.join(splink_out, "links.csv")), truth)

    results = {
        "corpus": os.path.abspath(args.corpus), "truth_links": len(truth), "work": work,
        "padan": {"wall_seconds": p_wall, "peak_rss_mb": p_rss,
                  "candidate_pairs": p_summary["candidatePairs"], **p_score},
        "splink": {"wall_seconds": s_wall, "peak_rss_mb": s_rss,
                   "candidate_pairs": s_worker["candidate_pairs"], **s_score,
                   "seconds_to_clean": s_worker["seconds_to_clean"],
                   "seconds_to_train": s_worker["seconds_to_train"],
                   "seconds_to_links": s_worker["seconds_to_links"]},
    }
    rows = [("wall time (s)", "wall_seconds", "{:.2f}", True),
            ("peak RSS (MB)", "peak_rss_mb", "{:.0f}", True),
            ("candidate pairs", "candidate_pairs", "{:,}", False),
            ("links", "links", "{:,}", False),
            ("precision", "precision", "{:.4f}", False),
            ("recall", "recall", "{:.4f}", False),
            ("F1", "f1", "{:.4f}", False)]
    print(f"corpus {results['corpus']}: {len(truth):,} true links")
    print(f"{'':17}{'Padan':>12}{'Splink':>12}{'ratio':>10}")
    for label, key, fmt, ratio in rows:
        p, s = results["padan"][key], results["splink"][key]
        r = f"{p / s:.3f}" if ratio and s else ""
        print(f"{label:17}{fmt.format(p):>12}{fmt.format(s):>12}{r:>10}")
    sw = results["splink"]
    print(f"(ratio = Padan/Splink. Splink's wall time includes interpreter start and imports; "
          f"inside it: cleaning done at {sw['seconds_to_clean']:.1f}s, training at "
          f"{sw['seconds_to_train']:.1f}s, links written at {sw['seconds_to_links']:.1f}s. "
          f"Outputs in {work})")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
