"""padan.spark on a local Spark (two cores) against the CLI: with the same model, or training its own
on the driver, the same links and the same clusters, and no row lost."""
import json
import os
import shutil
import sys

import pandas as pd
import pytest

import padan
import padan.spark
from corpus import CLI, CORPUS, ROOT, cli, lists

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (scripts/python-test installs it)")

pytestmark = [
    pytest.mark.skipif(not CLI.exists(), reason=f"{CLI} not built (scripts/test builds it)"),
    pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime for Spark (scripts/test installs one)"),
]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The executors' Python is this one (the one that has pandas, pyarrow and padan).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("padan-test")
               .config("spark.sql.shuffle.partitions", "3").config("spark.ui.enabled", "false")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


ID = "ID Penerima"


def kota():
    """synth-2k's city list with ids Padan must make unique: a repeated one (both rows become
    value#line), a blank one (#line), and one that is what row 3 (line 5) would be made, so that
    row takes its line again."""
    _, b = lists()
    b.loc[4, ID] = b.loc[3, ID]
    b.loc[7, ID] = ""
    b.loc[9, ID] = b.loc[3, ID] + "#5"
    return b


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    """The CLI's link of synth-2k's provinsi.csv and kota(): its model, links, clusters and summary."""
    folder = tmp_path_factory.mktemp("cli")
    kota().to_csv(folder / "kota.csv", index=False)
    return cli(folder, "link", str(CORPUS / "provinsi.csv"), str(folder / "kota.csv"))


def fixed(value, decimals):
    """A number as Padan's CSV writer writes it: |value|·10^d rounded half away from zero."""
    scaled = abs(float(value)) * 10 ** decimals
    whole = int(scaled)
    if scaled - whole >= 0.5:
        whole += 1
    sign = "-" if value < 0 and whole else ""
    return f"{sign}{whole // 10 ** decimals}.{whole % 10 ** decimals:0{decimals}d}"


def compared(links):
    """Links as the CLI writes their identity and evidence (probabilities to 6 places)."""
    frame = links.copy()
    levels = [c for c in frame.columns if c.endswith("_level")]
    frame["match_probability"] = frame["match_probability"].astype(float).map(lambda p: fixed(p, 6))
    weights = [c for c in frame.columns if c.endswith("_weight")]
    for c in weights:
        frame[c] = frame[c].astype(float).map(lambda w: fixed(w, 3))
    shown = [f"{side}_{r}" for side in ("left", "right") for r in ("name", "nik", "birth_date", "village")]
    keep = ["left_source", "left_id", "right_source", "right_id", "match_probability", "blocking_rule"] \
        + levels + weights + shown
    return frame[keep].fillna("").astype(str).sort_values(keep[:4]).reset_index(drop=True)


def test_link_on_spark_gives_one_machines_links_and_clusters(spark, linked):
    a, b = lists()[0], kota()
    out = linked
    result = padan.spark.link(spark, spark.createDataFrame(a), spark.createDataFrame(b),
                              model=out / "model.json", names=["provinsi", "kota"])
    expected = pd.read_csv(out / "links.csv", dtype=str, keep_default_na=False)
    got = result.links.toPandas()
    assert len(got) == len(expected) > 1000
    pd.testing.assert_frame_equal(compared(got), compared(expected))
    one = pd.read_csv(out / "clusters.csv", dtype=str, keep_default_na=False)
    spread = result.clusters.toPandas().astype(str)
    key = ["source", "id"]
    merged = one.merge(spread, on=key, how="outer", suffixes=("", "_spark"), indicator=True)
    assert (merged["_merge"] == "both").all()
    assert (merged["cluster_id"] == merged["cluster_id_spark"]).all()
    assert (merged["cluster_size"] == merged["cluster_size_spark"]).all()
    made = set(one.loc[one["source"] == "kota", "id"]) - set(b[ID])
    assert made == {b.loc[3, ID] + "#5#5", b.loc[3, ID] + "#6", "#9"}
    assert result.summary["records_read"] == 4000 and result.summary["rejected"] == 0
    assert result.summary["links"] == len(expected)
    assert result.rejected.count() == 0
    # Each rule's blocks as one machine counts them: the pairs they hold, and those skipped.
    with open(out / "summary.json", encoding="utf-8") as f:
        blocking = json.load(f)["blocking"]
    assert [r["rule"] for r in result.summary["blocking_rules"]] == [r["rule"] for r in blocking]
    for spread_rule, one_rule in zip(result.summary["blocking_rules"], blocking):
        assert spread_rule["records_with_key"] == one_rule["recordsWithKey"]
        assert spread_rule["pairs_including_earlier_rules"] == one_rule["pairsIncludingEarlierRules"]
        assert spread_rule["oversized_blocks"] == one_rule["oversizedBlocks"]
        assert spread_rule["oversized_pairs"] == one_rule["oversizedPairs"]


def test_spark_trains_one_machines_model_and_close_to_it_on_a_sample(spark, linked):
    """Without a model, the driver trains on the lists: with every record in the sample the model
    is the CLI's, to the byte, and so are the links; on half of each list's records the links are
    nearly the CLI's (the sample keeps a quarter of the pairs)."""
    a, b = spark.createDataFrame(lists()[0]), spark.createDataFrame(kota())
    out = linked
    expected = pd.read_csv(out / "links.csv", dtype=str, keep_default_na=False)
    result = padan.spark.link(spark, a, b, names=["provinsi", "kota"])
    assert result.model == (out / "model.json").read_text(encoding="utf-8")
    trained = result.summary["model"]
    assert trained["trained_on_records"] == {"provinsi": 2000, "kota": 2000} and trained["fraction"] == 1.0
    # The sample's matches as the model expects them: about a thousand people in both lists, a few
    # dozen registered twice (so the summary warns that the within-list model rests on few).
    matches = trained["expected_matches_in_sample"]
    assert 500 < matches["across"] < 2000 and 5 < matches["within"] < 200, matches
    assert "within" in trained["warning"]
    pd.testing.assert_frame_equal(compared(result.links.toPandas()), compared(expected))

    half = padan.spark.link(spark, a, b, names=["provinsi", "kota"], train_records=1000)
    taken = half.summary["model"]["trained_on_records"]
    assert half.summary["model"]["fraction"] == 0.5 and all(900 <= n <= 1100 for n in taken.values()), taken
    assert half.model != result.model
    key = ["left_source", "left_id", "right_source", "right_id"]
    one = set(map(tuple, expected[key].values))
    got = set(map(tuple, half.links.toPandas()[key].astype(str).values))
    assert len(one ^ got) <= len(one) // 100, (len(one - got), len(got - one), len(one))
    with pytest.raises(padan.PadanError, match="train_records"):
        padan.spark.link(spark, a, b, train_records=0)


def test_dedupe_on_spark_keeps_every_row_it_cannot_read(spark, tmp_path):
    a, _ = lists()
    out = cli(tmp_path, "dedupe", str(CORPUS / "provinsi.csv"))
    expected = pd.read_csv(out / "links.csv", dtype=str, keep_default_na=False)
    # Two rows Padan does not take as people: a total line (rejected, with its reason), and one
    # with no value at all (a blank line, counted; the ordinals after it are one machine's).
    blank = pd.DataFrame([[""] * len(a.columns)], columns=a.columns)
    total = pd.DataFrame([["JUMLAH"] + [""] * (len(a.columns) - 1)], columns=a.columns)
    rows = pd.concat([a.iloc[:1000], blank, a.iloc[1000:], total], ignore_index=True)
    result = padan.spark.dedupe(spark, spark.createDataFrame(rows), model=out / "model.json", names=["provinsi"])
    rejected = result.rejected.toPandas()
    assert rejected["ordinal"].tolist() == [len(a) + 1]
    assert "JUMLAH" in rejected["reason"][0]
    assert result.summary["blank_rows"] == 1
    assert result.summary["records"] == len(a) + 1 and result.summary["records_read"] == len(a)
    got = result.links.toPandas()
    assert (got["left_source"] == got["right_source"]).all()
    pd.testing.assert_frame_equal(compared(got), compared(expected))


def test_spark_shows_the_fields_padan_derives(spark, tmp_path):
    """A list whose name comes in parts and whose birth place and date share one TTL column: the
    name and birth date links.csv shows are the ones Padan makes of them, on Spark as on one machine."""
    a, _ = lists()
    first, _, rest = a["NAMA_LENGKAP"].str.partition(" ").T.values
    b = a.drop(columns=["NAMA_LENGKAP", "TEMPAT_LAHIR", "TGL_LAHIR"])
    b.insert(3, "NAMA DEPAN", first)
    b.insert(4, "NAMA BELAKANG", rest)
    b.insert(5, "TEMPAT/TGL LAHIR", [f"{p}, {d}" if p else d for p, d in zip(a["TEMPAT_LAHIR"], a["TGL_LAHIR"])])
    b.to_csv(tmp_path / "parts.csv", index=False)
    out = cli(tmp_path, "dedupe", str(tmp_path / "parts.csv"))
    expected = pd.read_csv(out / "links.csv", dtype=str, keep_default_na=False)
    assert len(expected) > 10
    assert (expected["left_name"] != "").all() and (expected["left_birth_date"] != "").any()
    result = padan.spark.dedupe(spark, spark.createDataFrame(b), model=out / "model.json", names=["parts"])
    pd.testing.assert_frame_equal(compared(result.links.toPandas()), compared(expected))


def test_settings_a_partition_cannot_honour_are_refused(spark, linked):
    a, b = lists()
    out = linked
    with pytest.raises(padan.PadanError, match="one_to_one"):
        padan.spark.link(spark, spark.createDataFrame(a), spark.createDataFrame(b), model=out / "model.json",
                         config="one_to_one: true\n")
    with pytest.raises(padan.PadanError, match="model"):
        padan.spark.link(spark, spark.createDataFrame(a), spark.createDataFrame(b), model="no-such-model.json")



def test_the_spark_submit_example_reads_files_as_padan_does(spark, linked, tmp_path):
    """python/examples/spark_link.py over CSV files: a UTF-8 file with one field that is not
    UTF-8 (read as Windows-1252, as Padan's reader does) and a Windows-1252 file; its links are
    the CLI's, and it refuses to write over a folder that exists."""
    import glob
    import importlib.util

    spec = importlib.util.spec_from_file_location("spark_link", ROOT / "python" / "examples" / "spark_link.py")
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    # A provinsi record that one machine links, its name given bytes that are not UTF-8.
    ordinal = int(next(r["left_id"] for _, r in pd.read_csv(linked / "links.csv", dtype=str).iterrows()
                       if r["left_source"] == "provinsi"))
    lines = (CORPUS / "provinsi.csv").read_bytes().split(b"\n")
    fields = lines[ordinal].split(b",")
    assert len(fields) == 13, "a row without quoted commas"
    fields[3] = b"AND\xc3R\x89 " + fields[3]
    lines[ordinal] = b",".join(fields)
    provinsi = tmp_path / "provinsi.csv"
    provinsi.write_bytes(b"\n".join(lines))
    out = cli(tmp_path, "link", str(provinsi), str(CORPUS / "kota.csv"))
    expected = pd.read_csv(out / "links.csv", dtype=str, keep_default_na=False)
    assert expected["left_name"].str.startswith("ANDÃR‰ ").any()
    results = tmp_path / "spark"
    # No --model: trained on the driver over every record (the lists are small), so the model
    # too is the CLI's, which it is only if every field was read as the CLI reads it.
    arguments = ["--out", str(results), f"provinsi={provinsi}",
                 f"kota={CORPUS / 'kota.csv'}", "--sep", ",", "--sep", ";", "--encoding", "utf-8", "--encoding", "cp1252"]
    example.main(arguments)
    got = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in glob.glob(str(results / "links" / "*.csv"))])
    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(compared(got), compared(expected))
    assert (results / "model.json").read_text(encoding="utf-8") == (out / "model.json").read_text(encoding="utf-8")
    assert not (tmp_path / "spark.partial").exists()
    with pytest.raises(SystemExit, match="exists"):
        example.main(arguments)
