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
        "padan_table_create_arrow": [S, ctypes.c_int32, ctypes.POINTER(S), ctypes.c_int64, ctypes.POINTER(P),
                                     ctypes.POINTER(P), ctypes.POINTER(P), out_p, out_s],
        "padan_table_read": [S, out_p, out_s],
        "padan_table_describe": [P, out_s, out_s],
        "padan_table_key_fields": [P, out_s, out_s],
        "padan_table_free": [P],
        "padan_link": [ctypes.POINTER(P), ctypes.c_int32, ctypes.c_int32, S, out_p, out_s],
        "padan_result_links_csv": [P, out_s, out_s],
        "padan_result_clusters_csv": [P, out_s, out_s],
        "padan_result_summary_json": [P, out_s, out_s],
        "padan_result_free": [P],
        "padan_config_describe": [S, out_s, out_s],
        "padan_partition_nik_evidence": [P, S, P, P, P, out_s],
        "padan_partition_shared_nik": [ctypes.c_int32, P, P, ctypes.POINTER(ctypes.c_int32), out_s],
        "padan_partition_keys": [P, S, P, P, P, P, P, P, out_s],
        "padan_partition_pairs": [ctypes.POINTER(P), ctypes.c_int32, ctypes.c_int32, S, S, P, P, P, ctypes.c_int32, P,
                                  out_s, out_s],
        "padan_partition_train": [ctypes.POINTER(P), ctypes.c_int32, ctypes.c_int32, S, P, P, P, out_s, out_s],
        "padan_cluster_id": [S, S, out_s, out_s],
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


try:  # optional: with pyarrow, Arrow string columns are handed to Padan without a copy in Python
    import pyarrow as _pa
except ImportError:  # pragma: no cover - exercised where pyarrow is not installed
    _pa = None


def _is_arrow(data):
    return _pa is not None and isinstance(data, (_pa.Table, _pa.RecordBatch))


def _frame(data):
    if isinstance(data, pd.DataFrame):
        return data
    if hasattr(data, "to_pandas"):  # a pyarrow Table or RecordBatch without pyarrow importable here
        return data.to_pandas()
    raise TypeError(f"expected a pandas DataFrame or a pyarrow Table, not {type(data).__name__}")


class _Buffers:
    """One column in Arrow's string layout: int32 offsets, UTF-8 bytes, an optional validity
    bitmap, as addresses for padan_table_create_arrow, with whatever owns them kept alive."""

    def __init__(self, offsets, data, validity, keep):
        self.offsets, self.data, self.validity, self.keep = offsets, data, validity, keep

    @classmethod
    def from_texts(cls, texts):
        """From Python values already turned into text (None for a blank) by _cell."""
        encoded = [b"" if t is None else t.encode("utf-8") for t in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        if encoded:
            np.cumsum(np.fromiter((len(e) for e in encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:])
        if offsets[-1] >= 2**31:
            raise PadanError(2, "a column holds 2 GiB of text or more: pass it in parts")
        offsets = offsets.astype(np.int32)
        data = np.frombuffer(b"".join(encoded) or b"\0", dtype=np.uint8)
        return cls(offsets.ctypes.data, data.ctypes.data, 0, (offsets, data))

    @classmethod
    def from_arrow(cls, array):
        """From a pyarrow string array, without copying its bytes; None when it is not one this
        can pass as it is (then the caller converts its values)."""
        if isinstance(array, _pa.ChunkedArray):
            array = array.combine_chunks() if array.num_chunks != 1 else array.chunk(0)
        if _pa.types.is_large_string(array.type) and array.nbytes < 2**31:
            array = array.cast(_pa.string())
        if not _pa.types.is_string(array.type):
            return None
        validity, offsets, data = array.buffers()
        if validity is not None and array.offset % 8 != 0:
            return None
        return cls(offsets.address + 4 * array.offset, data.address if data is not None else 0,
                   validity.address + array.offset // 8 if validity is not None else 0, array)


def _column_buffers(data):
    """Each column's name and buffers."""
    out = []
    if _is_arrow(data):
        for name, column in zip(data.schema.names, data.columns):
            buffers = _Buffers.from_arrow(column)
            if buffers is None:
                buffers = _Buffers.from_texts([_cell(v) for v in column.to_pylist()])
            out.append((str(name), buffers))
        return out
    frame = _frame(data)
    for name in frame.columns:
        series = frame[name]
        buffers = None
        if _pa is not None and (isinstance(series.dtype, pd.StringDtype) or str(series.dtype).startswith("string")):
            buffers = _Buffers.from_arrow(_pa.array(series, from_pandas=True))
        if buffers is None:
            buffers = _Buffers.from_texts([_cell(v) for v in series.tolist()])
        out.append((str(name), buffers))
    return out


class _Table:
    def __init__(self, data, name):
        columns = _column_buffers(data)
        rows = data.num_rows if _is_arrow(data) else len(_frame(data))
        names = (ctypes.c_char_p * len(columns))(*[c.encode("utf-8") for c, _ in columns])
        P = ctypes.c_void_p
        offsets = (P * len(columns))(*[b.offsets for _, b in columns])
        datas = (P * len(columns))(*[b.data or None for _, b in columns])
        validity = (P * len(columns))(*[b.validity or None for _, b in columns])
        self.handle = ctypes.c_void_p()
        _call(_lib.padan_table_create_arrow, name.encode("utf-8"), len(columns), names, rows,
              offsets, datas, validity, ctypes.byref(self.handle))
        # The library copies what it reads; the buffers may go after the call.
        del columns

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


def read(source, name="list"):
    """What `padan inspect` finds: its name, rows, columns, roles, rejected rows, warnings. `source`
    is a file's path (CSV, .xlsx, .ods, HTML), or a DataFrame or pyarrow Table read as one."""
    if isinstance(source, (str, os.PathLike)):
        table = ctypes.c_void_p()
        _call(_lib.padan_table_read, os.fspath(source).encode("utf-8"), ctypes.byref(table))
        try:
            return json.loads(_output(_lib.padan_table_describe, table))
        finally:
            _lib.padan_table_free(table)
    table = _Table(source, name)  # held until described: freeing it frees the handle
    return json.loads(_output(_lib.padan_table_describe, table.handle))


def version():
    return _lib.padan_version().decode("utf-8")
