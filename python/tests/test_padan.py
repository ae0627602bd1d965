"""The Python package against the CLI on the same lists: the same links, byte for byte."""

import pandas as pd
import pytest

import padan
from corpus import CLI, CORPUS, cli, lists


@pytest.mark.skipif(not CLI.exists(), reason=f"{CLI} not built (scripts/test builds it)")
def test_link_gives_the_cli_links(tmp_path):
    a, b = lists()
    result = padan.link(a, b, names=["provinsi", "kota"])
    out = cli(tmp_path, "link", str(CORPUS / "provinsi.csv"), str(CORPUS / "kota.csv"))
    expected = pd.read_csv(out / "links.csv", dtype=str, keep_default_na=False)
    assert len(result.links) == len(expected) > 1000
    got = result.links.astype(str)
    got["match_probability"] = result.links["match_probability"].map(lambda p: f"{p:.6f}")
    for column in ["left_id", "right_id", "left_source", "right_source", "left_nik", "right_nik", "match_probability"]:
        assert got[column].tolist() == expected[column].tolist(), column
    clusters = pd.read_csv(out / "clusters.csv", dtype=str, keep_default_na=False)
    assert result.clusters["cluster_id"].tolist() == clusters["cluster_id"].tolist()
    assert result.summary["links"] == len(expected)


@pytest.mark.skipif(not CLI.exists(), reason=f"{CLI} not built (scripts/test builds it)")
def test_dedupe_gives_the_cli_links(tmp_path):
    a, _ = lists()
    result = padan.dedupe(a, names=["provinsi"])
    out = cli(tmp_path, "dedupe", str(CORPUS / "provinsi.csv"))
    expected = pd.read_csv(out / "links.csv", dtype=str, keep_default_na=False)
    assert result.links["left_id"].tolist() == expected["left_id"].tolist()
    assert result.links["right_id"].tolist() == expected["right_id"].tolist()
    assert (result.links["left_source"] == result.links["right_source"]).all()


def test_read_says_what_inspect_finds():
    found = padan.read(CORPUS / "kota.csv")
    assert found["rows"] == 2000
    assert found["roles"]["nik"] == "NIK"
    assert found["roles"]["name"] == "Nama Penerima"


def test_numbers_and_blanks_from_a_dataframe():
    from padan._native import _cell
    assert _cell(3273010101800001.0) == "3273010101800001"  # a NIK read as a number keeps its digits
    assert _cell(float("nan")) is None and _cell(None) is None and _cell("") is None and _cell(pd.NA) is None
    assert _cell(12) == "12" and _cell(1.5) == "1.5" and _cell("SITI") == "SITI"
    a = pd.DataFrame({"NIK": [3273010101800001.0, None], "NAMA": ["BUDI SANTOSO", "SITI AMINAH"],
                      "TGL_LAHIR": ["01-01-1980", float("nan")]})
    b = pd.DataFrame({"NIK": ["3273010101800001", "3273014101850002"], "NAMA": ["BUDI SANTOSA", "SITI AMINAH"],
                      "TGL_LAHIR": ["01-01-1980", "01-01-1985"]})
    result = padan.link(a, b, names=["a", "b"])
    assert {"left_id", "right_id", "match_probability", "left_nik"} <= set(result.links.columns)
    assert set(result.clusters["source"]) <= {"a", "b"}


def test_errors_are_padan_errors():
    a, b = lists()
    with pytest.raises(padan.PadanError) as bad:
        padan.link(a, b, config="link:\n  threshold: 7\n")
    assert bad.value.kind == "usage" and "threshold" in str(bad.value)
    with pytest.raises(padan.PadanError) as missing:
        padan.read("/nonexistent/list.csv")
    assert missing.value.kind == "input"
    with pytest.raises(ValueError):
        padan.link(a)
    with pytest.raises(TypeError):
        padan.dedupe([1, 2, 3])


pa = pytest.importorskip("pyarrow")


def test_arrow_tables_give_the_dataframes_links():
    """pyarrow Tables (string columns passed as their buffers, without a copy in Python; a
    number column converted as a DataFrame's would be) link as the same DataFrames."""
    a, b = lists()
    expected = padan.link(a, b, names=["provinsi", "kota"]).links
    arrow_a = pa.Table.from_pandas(a, preserve_index=False)
    # Chunked, sliced and with nulls where the DataFrame has blanks: what real Arrow data looks like.
    arrow_b = pa.concat_tables([pa.Table.from_pandas(b.iloc[:700], preserve_index=False),
                                pa.Table.from_pandas(b.iloc[700:], preserve_index=False)])
    nik = [None if v == "" else v for v in b["NIK"].tolist()]
    arrow_b = arrow_b.set_column(arrow_b.schema.get_field_index("NIK"), "NIK", pa.array(nik, type=pa.string()))
    got = padan.link(arrow_a, arrow_b, names=["provinsi", "kota"]).links
    assert len(got) == len(expected) > 1000
    for column in ["left_id", "right_id", "left_nik", "right_nik", "match_probability"]:
        assert got[column].tolist() == expected[column].tolist(), column


def test_sliced_arrow_columns_are_read_from_their_offset():
    from padan._native import _Buffers
    # Without nulls: the offsets are read from the slice's first one on.
    part = pa.array(["X", "3273010101800001", "", "BUDI SANTOSO"], type=pa.string()).slice(1, 3)
    buffers = _Buffers.from_arrow(part)
    assert buffers is not None and buffers.offsets == part.buffers()[1].address + 4 and buffers.validity == 0
    # With nulls, at a slice not on a byte of the bitmap: converted value by value instead.
    assert _Buffers.from_arrow(pa.array(["X", None, "Y"], type=pa.string()).slice(1, 2)) is None
    assert _Buffers.from_arrow(pa.array(["X", None, "Y"], type=pa.string())).validity != 0
    frame = pd.DataFrame({"NIK": ["3273010101800001", "3273014101850002", "3273014101850003"],
                          "NAMA": ["BUDI SANTOSO", "SITI AMINAH", "AGUS"]})
    table = pa.table({"NIK": pa.array(["", "3273010101800001", "3273014101850002", "3273014101850003"]).slice(1, 3),
                      "NAMA": pa.array(["", "BUDI SANTOSO", "SITI AMINAH", "AGUS"]).slice(1, 3)})
    assert padan.read(table)["rows"] == padan.read(frame)["rows"] == 3
