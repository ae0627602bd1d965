"""ctypes bindings to libPadanC (Sources/PadanC/padan.h)."""
import ctypes
import io
import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

_NAME = "libPadanC.dylib" if sys.platform == "darwin" else "libPadanC.so"
_CODES = {1: "input", 2: "usage", 3: "limit", 4: "handle", 5: "internal"}
_SCOPES = {"link_and_dedupe": 0, "link": 1, "dedupe": 2}


class PadanError(Exception):
    """An error from Padan: `kind` is input, usage, limit, handle or internal."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.kind = _CODES.get(code, "unknown")


@dataclass
class Result:
    """What a link found: `links` and `clusters` as padan link's CSV files, `summary` its counts."""

    links: pd.DataFrame
    clusters: pd.DataFrame
    summary: dict


def _load():
    path = os.environ.get("PADAN_LIBRARY") or str(Path(__file__).with_name(_NAME))
    lib = ctypes.CDLL(path)
    P, S = ctypes.c_void_p, ctypes.c_char_p
    out_p, out_s = ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)
    for name, args in {
        "padan_table_create": [S, ctypes.c_int32, ctypes.POINTER(S), ctypes.c_int64, ctypes.POINTER(S), out_p, out_s],
        "padan_table_read": [S, out_p, out_s],
        "padan_table_describe": [P, out_s, out_s],
        "padan_table_free": [P],
        "padan_link": [ctypes.POINTER(P), ctypes.c_int32, ctypes.c_int32, S, out_p, out_s],
        "padan_result_links_csv": [P, out_s, out_s],
        "padan_result_clusters_csv": [P, out_s, out_s],
        "padan_result_summary_json": [P, out_s, out_s],
        "padan_result_free": [P],
    }.items():
        f = getattr(lib, name)
        f.argtypes, f.restype = args, ctypes.c_int32
    lib.padan_table_rows.argtypes, lib.padan_table_rows.restype = [P], ctypes.c_int64
    lib.padan_string_free.argtypes, lib.padan_string_free.restype = [P], None
    lib.padan_version.argtypes, lib.padan_version.restype = [], S
    return lib


_lib = _load()


def _take(pointer):
    """The text of a string Padan returned, freed."""
    if not pointer.value:
        return ""
    try:
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        _lib.padan_string_free(pointer.value)


def _call(function, *args):
    error = ctypes.c_void_p()
    code = function(*args, ctypes.byref(error))
    if code != 0:
        raise PadanError(code, _take(error) or f"padan error {code}")


def _cell(value):
    """A DataFrame cell as text: None for a blank; whole floats without '.0' (an ID read as a
    number); everything else as str()."""
    # Text first: nearly every cell, and a str is never missing (pd.isna per cell cost most of
    # the conversion of a 200,000-row frame).
    if type(value) is str:
        return value if value else None
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value)
    return text if text else None


def _frame(data):
    if isinstance(data, pd.DataFrame):
        return data
    if hasattr(data, "to_pandas"):  # a pyarrow Table or RecordBatch
        return data.to_pandas()
    raise TypeError(f"expected a pandas DataFrame or a pyarrow Table, not {type(data).__name__}")


class _Table:
    def __init__(self, data, name):
        frame = _frame(data)
        columns = [str(c) for c in frame.columns]
        rows = len(frame)
        names = (ctypes.c_char_p * len(columns))(*[c.encode("utf-8") for c in columns])
        cells = []
        for column in frame.columns:
            for value in frame[column].tolist():
                text = _cell(value)
                cells.append(None if text is None else text.encode("utf-8"))
        # One buffer of NUL-terminated cells and an array of pointers into it (NULL for a blank),
        # made with numpy: a ctypes array built cell by cell took 4 s for 2.6 million cells.
        lengths = np.fromiter((-1 if c is None else len(c) for c in cells), dtype=np.int64, count=len(cells))
        buffer = ctypes.create_string_buffer(b"\0".join(b"" if c is None else c for c in cells) + b"\0")
        starts = np.zeros(len(cells), dtype=np.int64)
        if len(cells) > 1:
            starts[1:] = np.cumsum(np.maximum(lengths, 0) + 1)[:-1]
        pointers = np.where(lengths < 0, 0, ctypes.addressof(buffer) + starts).astype(np.uint64)
        values = pointers.ctypes.data_as(ctypes.POINTER(ctypes.c_char_p))
        self.handle = ctypes.c_void_p()
        _call(_lib.padan_table_create, name.encode("utf-8"), len(columns), names, rows, values, ctypes.byref(self.handle))
        # The library copies the cells; the buffer and the pointers may go after the call.
        del buffer, pointers

    def __del__(self):
        if getattr(self, "handle", None) and self.handle.value:
            _lib.padan_table_free(self.handle)


def _output(function, result):
    out = ctypes.c_void_p()
    _call(function, result, ctypes.byref(out))
    return _take(out)


def _run(frames, scope, config, names):
    if names is None:
        names = [f"list{i + 1}" for i in range(len(frames))]
    if len(names) != len(frames):
        raise ValueError(f"{len(names)} names for {len(frames)} lists")
    tables = [_Table(f, n) for f, n in zip(frames, names)]
    handles = (ctypes.c_void_p * len(tables))(*[t.handle.value for t in tables])
    result = ctypes.c_void_p()
    yaml = config.encode("utf-8") if config else None
    _call(_lib.padan_link, handles, len(tables), _SCOPES[scope], yaml, ctypes.byref(result))
    try:
        links = _output(_lib.padan_result_links_csv, result)
        clusters = _output(_lib.padan_result_clusters_csv, result)
        summary = json.loads(_output(_lib.padan_result_summary_json, result))
    finally:
        _lib.padan_result_free(result)
    return Result(links=_csv(links), clusters=_csv(clusters), summary=summary)


def _csv(text):
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    for column in frame.columns:
        if column in ("match_probability", "match_weight") or column.endswith("_weight"):
            frame[column] = frame[column].astype(float)
        elif column == "cluster_size":
            frame[column] = frame[column].astype(int)
    return frame


def link(*frames, config=None, dedupe=True, names=None):
    """Links two or more lists (DataFrames or pyarrow Tables), as `padan link`: people across the
    lists and, unless `dedupe=False`, people registered twice within each. `config` is the text of a
    padan.yaml; `names` name the lists (default list1, list2, ...)."""
    if len(frames) < 2:
        raise ValueError("link needs at least two lists (use padan.dedupe for one)")
    return _run(frames, "link_and_dedupe" if dedupe else "link", config, names)


def dedupe(*frames, config=None, names=None):
    """Finds people registered more than once within each list, as `padan dedupe`."""
    if not frames:
        raise ValueError("dedupe needs a list")
    return _run(frames, "dedupe", config, names)


def read(path):
    """What `padan inspect` finds in a file: its name, rows, columns, roles, rejected rows, warnings."""
    table = ctypes.c_void_p()
    _call(_lib.padan_table_read, os.fspath(path).encode("utf-8"), ctypes.byref(table))
    try:
        return json.loads(_output(_lib.padan_table_describe, table))
    finally:
        _lib.padan_table_free(table)


def version():
    return _lib.padan_version().decode("utf-8")
