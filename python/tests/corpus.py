"""What the Python tests share: the shipped synth-2k lists, read as pandas reads them, and the CLI
that scripts/test built, run on them."""
import os
import subprocess
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "synth-2k"
CLI = Path(os.environ.get("PADAN_CLI", ROOT / ".build" / "debug" / "padan"))


def lists():
    a = pd.read_csv(CORPUS / "provinsi.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    b = pd.read_csv(CORPUS / "kota.csv", sep=";", dtype=str, keep_default_na=False, encoding="cp1252")
    return a, b


def cli(tmp_path, *args):
    """Runs `padan ARGS --out TMP/hasil` and gives that folder."""
    out = tmp_path / "hasil"
    subprocess.run([str(CLI), *args, "--out", str(out)], check=True, capture_output=True)
    return out
