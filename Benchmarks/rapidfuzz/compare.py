#!/usr/bin/env python3
"""Padan's kernels against rapidfuzz on the same pairs, same shapes, same machine, same run.

Shapes (rapidfuzz's C++ batch paths), Q = the first 100 distinct left-hand names, B = all
right-hand names:
  cpdist     pair by pair: process.cpdist(A, B)        vs  Levenshtein.distance(a, b) per pair
  cdist      many against many: process.cdist(Q, B)    vs  Levenshtein.distanceMatrix(Q, B)
  one-query  each q in Q alone: process.cdist([q], B)  vs  CachedLevenshtein(q).distances(to: B)
Kernels: Levenshtein, OSA, Jaro-Winkler. Threads: 1 and all cores (rapidfuzz workers=-1,
Padan DispatchQueue.concurrentPerform over chunks). Each figure is the best of at least five
timed runs, in pairs per second. Checksums (sum of all results) show both sides computed the same.

Usage (from the repository root or anywhere):
  python3 Benchmarks/rapidfuzz/compare.py [--pairs N] [--queries Q] [--no-build] [--swift-flags "..."]
Requires: pip install rapidfuzz; a Swift toolchain. Builds Benchmarks' KernelsCompare in release mode.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)


def best_rate(fn, pairs, runs=5, min_seconds=0.5):
    fn()  # warm-up
    best, spent, n = float("inf"), 0.0, 0
    while n < runs or spent < min_seconds:
        start = time.perf_counter()
        fn()
        t = time.perf_counter() - start
        best, spent, n = min(best, t), spent + t, n + 1
    return pairs / best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=4096, help="number of name pairs (default 4096)")
    ap.add_argument("--queries", type=int, default=100, help="queries for the cdist shape (default 100)")
    ap.add_argument("--no-build", action="store_true", help="use the existing release build")
    ap.add_argument("--swift-flags", default="", help='extra swift build flags, e.g. "-Xswiftc -target-cpu -Xswiftc haswell"')
    args = ap.parse_args()

    try:
        from rapidfuzz import __version__ as rf_version, process
        from rapidfuzz.distance import JaroWinkler, Levenshtein, OSA
    except ImportError:
        sys.exit("rapidfuzz is not installed: pip install rapidfuzz")

    if not args.no_build:
        cmd = ["swift", "build", "-c", "release", "--product", "KernelsCompare"] + args.swift_flags.split()
        subprocess.run(cmd, cwd=BENCH, check=True, stdout=subprocess.DEVNULL)
    binpath = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"] + args.swift_flags.split(),
                             cwd=BENCH, check=True, capture_output=True, text=True).stdout.strip()
    tool = os.path.join(binpath, "KernelsCompare")

    with tempfile.TemporaryDirectory(prefix="padan-compare-") as tmp:
        path = os.path.join(tmp, "pairs.tsv")
        subprocess.run([tool, "write", path, "--count", str(args.pairs)], check=True)
        pairs = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
        a = [p[0] for p in pairs]
        b = [p[1] for p in pairs]
        seen = set()
        q = [x for x in a if not (x in seen or seen.add(x))][: args.queries]

        rows = {}
        scorers = [("Levenshtein", Levenshtein.distance), ("OSA", OSA.distance), ("JaroWinkler", JaroWinkler.similarity)]
        for name, scorer in scorers:
            for workers in (1, -1):
                threads = 1 if workers == 1 else os.cpu_count()
                out = process.cpdist(a, b, scorer=scorer, workers=workers)
                rate = best_rate(lambda: process.cpdist(a, b, scorer=scorer, workers=workers), len(a))
                rows[(name, "cpdist", threads)] = [rate, float(out.sum())]
                out = process.cdist(q, b, scorer=scorer, workers=workers)
                rate = best_rate(lambda: process.cdist(q, b, scorer=scorer, workers=workers), len(q) * len(b))
                rows[(name, "cdist", threads)] = [rate, float(out.sum())]
                one = lambda: [process.cdist([x], b, scorer=scorer, workers=workers) for x in q]
                total = sum(float(r.sum()) for r in one())
                rate = best_rate(one, len(q) * len(b))
                rows[(name, "one-query", threads)] = [rate, total]

        padan = {}
        result = subprocess.run([tool, "run", path, "--queries", str(args.queries)], check=True, capture_output=True, text=True)
        for line in result.stdout.splitlines():
            kernel, shape, threads, rate, checksum = line.split("\t")
            padan[(kernel, shape, int(threads))] = [float(rate), float(checksum)]

    print(f"{len(a)} name pairs (4-40 bytes), cdist: {len(q)} queries x {len(b)} candidates; rapidfuzz {rf_version}")
    print(f"{'kernel':<12} {'shape':<9} {'threads':>7} {'Padan pairs/s':>15} {'rapidfuzz pairs/s':>18} {'Padan/rf':>9}  checksums")
    for (name, shape, threads), (rf_rate, rf_sum) in rows.items():
        p_rate, p_sum = padan.get((name, shape, threads), [float("nan"), float("nan")])
        same = abs(p_sum - rf_sum) <= 1e-6 * max(1.0, abs(rf_sum)) if name == "JaroWinkler" else p_sum == rf_sum
        print(f"{name:<12} {shape:<9} {threads:>7} {p_rate:>15,.0f} {rf_rate:>18,.0f} {p_rate / rf_rate:>8.2f}x  {'equal' if same else f'DIFFER {p_sum} vs {rf_sum}'}")
    for name, _ in scorers:
        ref = padan.get((name, "reference", 1))
        fast = padan.get((name, "cpdist", 1))
        batch = padan.get((name, "cdist", 1))
        one = padan.get((name, "one-query", 1))
        if ref and fast and batch and one:
            print(f"{name:<12} plain DP reference {ref[0]:>11,.0f} pairs/s; Padan single thread is {fast[0] / ref[0]:.0f}x (cpdist), "
                  f"{batch[0] / ref[0]:.0f}x (cdist), {one[0] / ref[0]:.0f}x (one-query) faster")


if __name__ == "__main__":
    main()
