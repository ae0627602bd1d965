"""Padan on Apache Spark: lists too large for one machine, linked with Spark doing the shuffles and
Padan the work inside each partition (the design and its cost model: Guides/Scale.md).

    from pyspark.sql import SparkSession
    import padan.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    a = spark.read.csv("provinsi.csv", header=True)
    b = spark.read.csv("kota.csv", header=True)
    result = padan.spark.link(spark, a, b, names=["provinsi", "kota"])
    result.links.write.csv("links")

The steps, each a Spark job over all the records (but training, on the driver):

1. Each record is read by Padan as one machine reads it; a row it cannot read is kept in
   `result.rejected`, never dropped silently. A NIK carried by three or more unrelated records of a
   list is marked shared (a placeholder), counted over the whole list.
2. Padan gives each record its key under every blocking rule and the keys whose counts are the
   term frequencies. Spark counts them over all records, and the families' twin rate.
   Without a model, one is trained: a uniform random sample of the records (one fraction f for
   every list, `train_records` over the largest list's size, so about `train_records` of the
   largest list; every record when that is more), drawn by a hash of each record's place, is
   collected on the driver and trained on by one machine's trainer, with the shared NIKs and the
   counts over all records. With every record in the sample the model is one machine's, to the
   bit. With fewer, the sample keeps f² of every kind of pair, the matches included: what the
   model is learned from shrinks with the square of f (`summary["model"]` gives the matches it
   expects in the sample, and warns when they are few); Guides/Scale.md says what else a sample
   changes.
3. For each rule, blocks whose pairs would exceed `max_block_pairs` are dropped (as one machine
   skips them), and the records of the other blocks are partitioned by the rule's key: each block
   lands whole in one partition. Padan enumerates that rule's pairs there, skips a pair an earlier
   rule also finds (by the earlier rules' keys, which the records carry), and compares and scores
   the rest with the model. The OR of the rules needs no global de-duplication.
4. Links are the pairs at or above the threshold. Clusters are the connected components of the
   links, found in Spark by iterated minimum labels; a component larger than `max_cluster_size`
   is cut on the driver strongest link first, as one machine cuts it. A cluster's id is derived
   from its first member, as on one machine.

With `model` (a model.json from `padan link`, say) nothing is trained, and with the model of a
run over the same lists the links are those of that run.
"""
import ctypes
import io
import json
import os
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _native
from ._native import PadanError, _SCOPES, _Table, _call, _take

_P = "_padan_"  # prefix of the columns this module adds
# What links.csv shows of each record beside its id (LinkOutput.keyRoles).
KEY_ROLES = ("name", "nik", "birth_date", "village")
#: About how many records of the largest list the driver trains on (lists of up to 250,000 train as on one machine).
TRAIN_RECORDS = 250_000
LIST, ROW, OK, REASON, NIK, BD, FN, SHARED, FAM, PART, LINE = (_P + n for n in (
    "list", "row", "ok", "reason", "nik", "bd", "fn", "shared", "fam", "part", "line"))


@dataclass
class SparkResult:
    """What a link on Spark found, as Spark DataFrames: `links` and `review` (the pairs at or above
    the threshold, and those in the review band below it), `clusters` (every record read, with its
    cluster), `rejected` (rows Padan could not read, with the reason), and `summary` (counts)."""

    links: object
    review: object
    clusters: object
    rejected: object
    summary: dict = field(default_factory=dict)
    #: The model the pairs were scored with (model.json text): the one given, or the one trained.
    model: str = ""


def _text(pointer_call, *args):
    out = ctypes.c_void_p()
    _call(pointer_call, *args, ctypes.byref(out))
    return _take(out)


def describe_config(config=None):
    """The configuration as the partitioned path reads it: rule and comparison names,
    thresholds, the block and cluster bounds."""
    return json.loads(_text(_native._lib.padan_config_describe, config.encode("utf-8") if config else None))


def _model_text(model):
    if isinstance(model, dict):
        return json.dumps(model)
    if isinstance(model, (str, os.PathLike)) and os.path.exists(os.fspath(model)):
        with open(os.fspath(model), encoding="utf-8") as f:
            return f.read()
    if isinstance(model, str) and model.lstrip().startswith("{"):
        return model
    raise PadanError(2, f"model: expected a model.json path, its text or a dict, not {model!r}")


def _q(name):
    """A column name as Spark reads it literally (dots and spaces in office headers)."""
    return "`" + name.replace("`", "``") + "`"


def _strings(frame, columns):
    """The list's own columns of a partition (`columns`: pairs of the name carried in Spark and
    the list's own header), under the list's headers, as text (None for blank)."""
    out = pd.DataFrame({header: [_native._cell(v) for v in frame[carried].tolist()] for carried, header in columns})
    return out


def _evidence_job(columns, names, config):
    """Step 1, per batch: which rows Padan reads, and the shared-NIK test's inputs."""
    cfg = config.encode("utf-8") if config else None

    def run(batches):
        for batch in batches:
            for i, part in batch.groupby(LIST, sort=True):
                i = int(i)
                frame = _strings(part, columns[i])
                rows = part[ROW].to_numpy(np.int64)
                table = _Table(frame, names[i])
                ok = np.ones(len(frame), dtype=bool)
                reason = [None] * len(frame)
                if _native._lib.padan_table_rows(table.handle) != len(frame):
                    described = json.loads(_text(_native._lib.padan_table_describe, table.handle))
                    for r in described["rejected"]:
                        ok[r["line"] - 2] = False
                        reason[r["line"] - 2] = r["reason"]
                    table = _Table(frame[ok], names[i])
                n = int(ok.sum())
                if _native._lib.padan_table_rows(table.handle) != n:
                    raise PadanError(5, f"list '{names[i]}': {n} rows kept of a partition's {len(frame)}, "
                                        f"but Padan reads {_native._lib.padan_table_rows(table.handle)} of them")
                nik, bd, fn = np.zeros(n, np.uint64), np.zeros(n, np.int32), np.zeros(n, np.uint64)
                _call(_native._lib.padan_partition_nik_evidence, table.handle, cfg, nik.ctypes.data, bd.ctypes.data, fn.ctypes.data)
                out = pd.DataFrame({LIST: np.full(len(frame), i, np.int32), ROW: rows, OK: ok, REASON: reason,
                                    NIK: np.zeros(len(frame), np.int64), BD: np.zeros(len(frame), np.int32),
                                    FN: np.zeros(len(frame), np.int64)})
                out.loc[ok, NIK] = nik.view(np.int64)
                out.loc[ok, BD] = bd
                out.loc[ok, FN] = fn.view(np.int64)
                yield out
    return run


def _shared_job(group):
    """One list's records carrying one NIK: all of them when Padan finds the NIK shared (enough
    unrelated people, in row order), else none."""
    group = group.sort_values(ROW)
    bd = group[BD].to_numpy(np.int32).copy()
    fn = group[FN].to_numpy(np.int64).view(np.uint64).copy()
    shared = ctypes.c_int32(0)
    _call(_native._lib.padan_partition_shared_nik, len(group), bd.ctypes.data, fn.ctypes.data, ctypes.byref(shared))
    return group[[LIST, ROW]] if shared.value else group.iloc[0:0][[LIST, ROW]]


def _keys_job(columns, names, config, rules, kinds):
    cfg = config.encode("utf-8") if config else None

    def run(batches):
        for batch in batches:
            for i, part in batch.groupby(LIST, sort=True):
                i = int(i)
                table = _Table(_strings(part, columns[i]), names[i])
                n = len(part)
                if _native._lib.padan_table_rows(table.handle) != n:
                    raise PadanError(5, f"list '{names[i]}': a row read in step 1 was not read in step 2")
                shared = part[SHARED].to_numpy(np.uint8).copy()
                rk, fk = np.zeros(rules * n, np.uint64), np.zeros(kinds * n, np.uint64)
                fam, bd, fn = np.zeros(n, np.uint64), np.zeros(n, np.int32), np.zeros(n, np.uint64)
                _call(_native._lib.padan_partition_keys, table.handle, cfg, shared.ctypes.data, rk.ctypes.data, fk.ctypes.data,
                      fam.ctypes.data, bd.ctypes.data, fn.ctypes.data)
                out = {LIST: np.full(n, i, np.int32), ROW: part[ROW].to_numpy(np.int64)}
                for k in range(rules):
                    out[f"{_P}k{k}"] = rk[k * n:(k + 1) * n].view(np.int64)
                for k in range(kinds):
                    out[f"{_P}f{k}"] = fk[k * n:(k + 1) * n].view(np.int64)
                out[FAM], out[BD], out[FN] = fam.view(np.int64), bd, fn.view(np.int64)
                # What links.csv shows of each record, as Padan reads it (a derived column's value).
                shown = json.loads(_text(_native._lib.padan_table_key_fields, table.handle))
                for r in KEY_ROLES:
                    out[f"{_P}show_{r}"] = shown[r]
                yield pd.DataFrame(out)
    return run


def _pairs_job(columns, names, config, model, scope, rule, frequencies, kinds, comparisons):
    cfg = config.encode("utf-8") if config else None
    model_bytes = model.encode("utf-8")
    freq = np.array(frequencies, dtype=np.float64)

    def run(frame):
        frame = frame.sort_values([LIST, ROW], kind="stable")
        # The lists this partition holds records of (Padan takes no list without rows); which
        # pairs a scope allows depends only on whether two records share a list.
        present = sorted(int(i) for i in frame[LIST].unique())
        tables, rows = [], []
        for i in present:
            part = frame[frame[LIST] == i]
            tables.append(_Table(_strings(part, columns[i]), names[i]))
            if _native._lib.padan_table_rows(tables[-1].handle) != len(part):
                raise PadanError(5, f"list '{names[i]}': a row read in step 1 was not read in step 3")
            rows.append(part[ROW].to_numpy(np.int64))
        n = len(frame)
        shared = frame[SHARED].to_numpy(np.uint8).copy()
        counts = np.concatenate([frame[f"{_P}c{k}"].to_numpy(np.int32) for k in range(kinds)]) if n else np.zeros(0, np.int32)
        earlier = (np.concatenate([frame[f"{_P}e{j}"].to_numpy(np.int64).view(np.uint64) for j in range(rule)])
                   if rule > 0 else np.zeros(1, np.uint64))
        handles = (ctypes.c_void_p * len(tables))(*[t.handle.value for t in tables])
        text = _text(_native._lib.padan_partition_pairs, handles, len(tables), _SCOPES[scope], cfg, model_bytes,
                     shared.ctypes.data, counts.ctypes.data, freq.ctypes.data, rule, earlier.ctypes.data)
        pairs = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        lists = np.array(present, dtype=np.int32)
        out = pd.DataFrame({
            "left_list": lists[pairs["left_list"].astype(int).to_numpy()],
            "right_list": lists[pairs["right_list"].astype(int).to_numpy()],
            "weight": pairs["weight"].astype(np.float64),
            "match_probability": pairs["match_probability"].astype(np.float64),
            "match_weight": pairs["match_weight"].astype(np.float64)})
        out.insert(1, "left_row", [rows[l][r] for l, r in zip(pairs["left_list"].astype(int), pairs["left_row"].astype(int))])
        out.insert(3, "right_row", [rows[l][r] for l, r in zip(pairs["right_list"].astype(int), pairs["right_row"].astype(int))])
        for c in comparisons:
            out[f"{c}_level"] = pairs[f"{c}_level"]
            out[f"{c}_weight"] = pairs[f"{c}_weight"].astype(np.float64)
        out["blocking_rule"] = pairs["blocking_rule"]
        return out
    return run


def _cluster_ids_job(batches):
    for batch in batches:
        ids = []
        for name, record in zip(batch["first_source"].tolist(), batch["first_id"].tolist()):
            ids.append(_text(_native._lib.padan_cluster_id, name.encode("utf-8"), record.encode("utf-8")))
        yield pd.DataFrame({"source": batch["source"], "id": batch["id"], "cluster_id": ids,
                            "cluster_size": batch["cluster_size"]})


def _numbered(frame, name, first=0):
    """`frame` with column `name`: each row's number (from `first`) in the order Spark reads it (a
    file's row order), counted on the JVM side: a partition's own number and offset, then the
    sizes of the partitions before it."""
    from pyspark.sql import functions as F

    columns = frame.columns
    tagged = frame.select(F.monotonically_increasing_id().alias(PART), *[F.col(_q(c)) for c in columns]).localCheckpoint()
    partition, within = F.shiftright(F.col(PART), 33), F.col(PART).bitwiseAND(F.lit((1 << 33) - 1))
    sizes = sorted((r["p"], r["n"]) for r in tagged.groupBy(partition.alias("p")).agg(F.count("*").alias("n")).collect())
    starts, before = [], first
    for p, n in sizes:
        starts += [F.lit(p).cast("long"), F.lit(before).cast("long")]
        before += n
    start = F.element_at(F.create_map(*starts), partition) if starts else F.lit(first).cast("long")
    return tagged.select((start + within).cast("long").alias(name), *[F.col(_q(c)) for c in columns]).localCheckpoint()


def _unique_ids(records):
    """One list's records with their `id` as Padan's reader makes it: a blank or repeated id
    (spaces and tabs at its ends aside) becomes `value#line`, taking the line once more while it
    is another row's own id."""
    from pyspark.sql import functions as F

    raw = F.coalesce(F.col("id"), F.lit(""))
    key = F.regexp_replace(raw, r"^[ \t]+|[ \t]+$", "")
    trimmed = F.regexp_replace(raw, r"^[ \t\r\n]+|[ \t\r\n]+$", "")
    counted = records.withColumn(f"{_P}key", key).withColumn(f"{_P}trimmed", trimmed)
    repeats = counted.groupBy(f"{_P}key").agg(F.count("*").alias(f"{_P}n"))
    counted = counted.join(repeats, f"{_P}key").withColumn(
        f"{_P}made", (F.col(f"{_P}key") == "") | (F.col(f"{_P}n") > 1)).localCheckpoint()
    if counted.filter(F.col(f"{_P}made")).limit(1).count() == 0:
        return counted.drop(f"{_P}key", f"{_P}trimmed", f"{_P}n", f"{_P}made")
    place = F.concat(F.lit("#"), F.col(LINE).cast("string"))
    kept = counted.filter(~F.col(f"{_P}made")).select(F.col(f"{_P}trimmed").alias(f"{_P}taken")).distinct()
    out = counted.withColumn("id", F.when(F.col(f"{_P}made"), F.concat(F.col(f"{_P}trimmed"), place))
                             .otherwise(F.col("id"))).localCheckpoint()
    while True:
        # A made id that is another row's own id takes its line once more.
        clash = F.col(f"{_P}made") & F.col(f"{_P}taken").isNotNull()
        joined = out.join(kept, out["id"] == kept[f"{_P}taken"], "left")
        if joined.filter(clash).limit(1).count() == 0:
            break
        out = joined.withColumn("id", F.when(clash, F.concat(F.col("id"), place)).otherwise(F.col("id"))) \
            .drop(f"{_P}taken").localCheckpoint()
    return out.drop(f"{_P}key", f"{_P}trimmed", f"{_P}n", f"{_P}made")


def _cut(links, max_size):
    """One machine's strongest-first joining, on one oversized component's links (pandas, exact
    weights): each node's cluster label and the refused links."""
    order = links.sort_values(["weight", "left_list", "left_row", "right_list", "right_row"],
                              ascending=[False, True, True, True, True], kind="stable")
    parent, size = {}, {}

    def find(x):
        parent.setdefault(x, x)
        size.setdefault(x, 1)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    refused = 0
    for a, b in zip(order["a"].tolist(), order["b"].tolist()):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if size[ra] + size[rb] > max_size:
            refused += 1
            continue
        big, small = (ra, rb) if size[ra] >= size[rb] else (rb, ra)
        parent[small] = big
        size[big] += size[small]
    groups = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    label = {x: min(members) for members in groups.values() for x in members}
    return label, refused


def link(spark, *frames, config=None, model=None, dedupe=True, names=None, partitions=None,
         train_records=TRAIN_RECORDS):
    """Links two or more lists (Spark DataFrames), as `padan link` does on one machine: people
    across the lists and, unless `dedupe=False`, people registered twice within each.

    `model` (a model.json path, its text or a dict) is used as `padan link --model` uses it.
    Without one, the model is trained: one machine's trainer runs on the driver over a uniform
    random sample of the records, about `train_records` of the largest list and the same
    fraction of the others (every record when the lists are that small), with the shared NIKs and
    the counts of all the records. With every record in it the model is the CLI's; a smaller
    sample holds the square of the fraction of the matches (Guides/Scale.md). The model used is
    `result.model`, and `result.summary["model"]` says what it was trained on. `config` is the text of a padan.yaml; `names` name the lists;
    `partitions` is the number of partitions per rule (default: Spark's default parallelism, or
    one per 100,000 records when that is more)."""
    if len(frames) < 2:
        raise ValueError("link needs at least two lists (use padan.spark.dedupe for one)")
    return _run(spark, frames, "link_and_dedupe" if dedupe else "link", config, model, names, partitions, train_records)


def dedupe(spark, *frames, config=None, model=None, names=None, partitions=None, train_records=TRAIN_RECORDS):
    """Finds people registered more than once within each list, as `padan dedupe`; `model` and
    training as in :func:`link`."""
    if not frames:
        raise ValueError("dedupe needs a list")
    return _run(spark, frames, "dedupe", config, model, names, partitions, train_records)


def _train(records, columns, names, config, scope, frequencies, kinds, train_records):
    """The model one machine's trainer estimates on the driver from a uniform random sample of the
    lists' records (`records`: every record, with its shared-NIK flag and counts over all
    records), each record drawn by a hash of (list, row), so the same records whatever the
    partitioning. One fraction for every list, `train_records` over the largest list's size (at
    most 1), so that every kind of pair (across any two lists, within any one) keeps the same
    share, f²; the largest list gives about `train_records`. Returns the model's text, each
    list's sample size and the fraction."""
    from pyspark.sql import functions as F

    if not isinstance(train_records, int) or isinstance(train_records, bool) or train_records < 2:
        raise PadanError(2, f"train_records: expected a whole number of at least 2, not {train_records!r}")
    sizes = {int(r[LIST]): int(r["count"]) for r in records.groupBy(LIST).count().collect()}
    for i, name in enumerate(names):
        if sizes.get(i, 0) == 0:
            raise PadanError(2, f"list '{name}': no record could be read, so none can be trained on")
    f = min(1.0, train_records / max(sizes.values()))
    fraction = F.lit(f)
    scale = 1 << 30
    drawn = F.pmod(F.xxhash64(F.col(LIST), F.col(ROW), F.lit(0x5EED)), F.lit(scale)) < fraction * F.lit(scale)
    sample = records.filter(drawn).toPandas().sort_values([LIST, ROW], kind="stable")
    tables, taken = [], {}
    for i in sorted(sizes):
        part = sample[sample[LIST] == i]
        if len(part) == 0:
            raise PadanError(2, f"list '{names[i]}': no record was drawn for training (give a model, or more train_records)")
        tables.append(_Table(_strings(part, columns[i]), names[i]))
        if _native._lib.padan_table_rows(tables[-1].handle) != len(part):
            raise PadanError(5, f"list '{names[i]}': a row read in step 1 was not read for training")
        taken[names[i]] = len(part)
    shared = sample[SHARED].to_numpy(np.uint8).copy()
    counts = np.concatenate([sample[f"{_P}c{k}"].to_numpy(np.int32) for k in range(kinds)])
    freq = np.array(frequencies, dtype=np.float64)
    handles = (ctypes.c_void_p * len(tables))(*[t.handle.value for t in tables])
    cfg = config.encode("utf-8") if config else None
    model = _text(_native._lib.padan_partition_train, handles, len(tables), _SCOPES[scope], cfg,
                  shared.ctypes.data, counts.ctypes.data, freq.ctypes.data)
    return model, taken, f


#: Fewer expected matches of a kind than this in the training sample, and the summary warns.
FEW_SAMPLE_MATCHES = 1000


def _sample_matches(model_text, taken, scope):
    """The matches the trained model expects among the sample's pairs of each kind (its prior
    times the pairs): what its m and prior were learned from. A uniform sample of a fraction f of
    the records keeps f² of the pairs, and of the matches too, since these grow with the records
    and not with the pairs: f = 0.25 of 1M × 1M kept about 38,000 of 610,000."""
    model = json.loads(model_text)
    n = list(taken.values())
    across = (sum(n) ** 2 - sum(x * x for x in n)) / 2
    within = sum(x * (x - 1) for x in n) / 2
    if scope == "dedupe":
        expected = {"within": model["lambda"] * within}
    elif scope == "link":
        expected = {"across": model["lambda"] * across}
    else:
        expected = {"across": model["lambda"] * across, "within": model.get("lambdaWithin", model["lambda"]) * within}
    out = {"expected_matches_in_sample": {k: round(v, 1) for k, v in expected.items()}}
    few = [k for k, v in expected.items() if v < FEW_SAMPLE_MATCHES]
    if few:
        out["warning"] = (f"the training sample holds fewer than {FEW_SAMPLE_MATCHES} expected matches "
                          f"({', '.join(few)}): m and the prior rest on few pairs; raise train_records "
                          "(the driver holds the sample) or give a model")
    return out


def _run(spark, frames, scope, config, model, names, partitions, train_records):
    from pyspark.sql import functions as F

    started = time.perf_counter()
    timings = {}

    def lap(stage, t0):
        timings[stage] = round(time.perf_counter() - t0, 3)
        return time.perf_counter()

    if names is None:
        names = [f"list{i + 1}" for i in range(len(frames))]
    if len(names) != len(frames) or len(set(names)) != len(names):
        raise ValueError("one distinct name per list")
    info = describe_config(config)
    model = None if model is None else _model_text(model)
    rules, comparisons, kinds = info["rules"], info["comparisons"], info["frequency_kinds"]
    headers = [list(f.columns) for f in frames]
    for i, cs in enumerate(headers):
        if len(set(cs)) != len(cs):
            raise PadanError(2, f"list '{names[i]}': two columns have one name")
    # Spark reads a dot in a column name as a field of a struct: the lists' columns are carried
    # under names of Padan's own, and given back their headers inside each partition.
    carried = {h: f"{_P}col{j}" for j, h in enumerate(sorted({h for cs in headers for h in cs}))}
    columns = [[(carried[h], h) for h in cs] for cs in headers]
    all_carried = sorted(carried.values())
    # Each list's id column, as Padan's reader maps roles (from its first rows).
    id_columns = []
    for f, name, cs in zip(frames, names, headers):
        head = f.limit(1000).toPandas()
        described = _native.read(_strings(head, [(h, h) for h in cs]), name=name)
        # The id column as the list has it (Padan's reader names the one it makes unique
        # `<header>_UNIK`; here the ids are made unique over the whole list, below).
        id_column = described["roles"].get("id")
        if id_column and id_column not in cs and id_column.endswith("_UNIK") and id_column[:-5] in cs:
            id_column = id_column[:-5]
        if id_column and id_column not in cs:
            raise PadanError(2, f"list '{name}': its id column '{id_column}' is one Padan's reader makes, "
                                "which the Spark path does not (give the list an id column of its own)")
        id_columns.append(id_column)

    t0 = time.perf_counter()
    lists, blank_rows = [], 0
    for i, f in enumerate(frames):
        # A row with no value at all is a blank line to Padan's reader: counted, not numbered
        # (so each record's ordinal, a list's id where it has no id column, is one machine's).
        # Its line still counts (as a file's line does) for the ids made unique as value#line.
        text = f.select(*[F.col(_q(h)).cast("string").alias(c) for c, h in columns[i]])
        blank = F.lit(True)
        for c, _ in columns[i]:
            blank = blank & (F.col(c).isNull() | (F.col(c) == ""))
        text = _numbered(text.withColumn(f"{_P}blank", blank), LINE, first=2)
        blank_rows += text.filter(F.col(f"{_P}blank")).count()
        kept = text.filter(~F.col(f"{_P}blank")).drop(f"{_P}blank")
        lists.append(_numbered(kept, ROW).withColumn(LIST, F.lit(i).cast("int")))
    raw = lists[0]
    for other in lists[1:]:
        raw = raw.unionByName(other, allowMissingColumns=True)
    raw = raw.localCheckpoint()
    records_in = raw.count()
    # A partition of one rule's records is linked in one Python worker: enough of them to keep
    # every core busy, and none much over 100,000 records.
    partitions = partitions or max(spark.sparkContext.defaultParallelism, -(-records_in // 100_000))

    # 1. Rows read, and NIKs shared within a list.
    ev_schema = f"{LIST} int, {ROW} long, {OK} boolean, {REASON} string, {NIK} long, {BD} int, {FN} long"
    evidence = raw.mapInPandas(_evidence_job(columns, names, config), ev_schema).localCheckpoint()
    rejected = evidence.filter(~F.col(OK)).select(
        F.element_at(F.array(*[F.lit(n) for n in names]), F.col(LIST) + 1).alias("source"),
        (F.col(ROW) + 1).alias("ordinal"), F.col(REASON).alias("reason"))
    usable = evidence.filter(F.col(OK) & (F.col(NIK) != 0))
    crowded = usable.groupBy(LIST, NIK).count().filter(F.col("count") >= info["shared_nik_people"]).drop("count")
    shared = (usable.join(crowded, [LIST, NIK]).groupBy(LIST, NIK)
              .applyInPandas(_shared_job, f"{LIST} int, {ROW} long").withColumn(SHARED, F.lit(True)))
    good = (raw.join(evidence.filter(F.col(OK)).select(LIST, ROW), [LIST, ROW])
            .join(shared, [LIST, ROW], "left").fillna({SHARED: False})).localCheckpoint()
    t0 = lap("read_and_shared_niks", t0)

    # 2. Keys, and the counts over all records.
    key_schema = ", ".join([f"{LIST} int", f"{ROW} long"] + [f"{_P}k{k} long" for k in range(len(rules))]
                           + [f"{_P}f{k} long" for k in range(kinds)] + [f"{FAM} long", f"{BD} int", f"{FN} long"]
                           + [f"{_P}show_{r} string" for r in KEY_ROLES])
    keys = good.select(LIST, ROW, SHARED, *all_carried).mapInPandas(
        _keys_job(columns, names, config, len(rules), kinds), key_schema).localCheckpoint()
    total = keys.count()
    for k in range(kinds):
        fk = f"{_P}f{k}"
        counted = keys.filter(F.col(fk) != 0).groupBy(fk).agg(F.count("*").alias(f"{_P}c{k}"))
        keys = keys.join(counted, fk, "left").fillna({f"{_P}c{k}": 0})
    keys = keys.localCheckpoint()
    sums = keys.agg(*[F.sum(F.when(F.col(f"{_P}f{k}") != 0, F.col(f"{_P}c{k}")).otherwise(0)).alias(f"s{k}") for k in range(kinds)],
                    *[F.sum(F.when(F.col(f"{_P}f{k}") != 0, 1).otherwise(0)).alias(f"p{k}") for k in range(kinds)],
                    F.sum((F.col(f"{_P}c0").cast("double") / F.lit(float(max(1, total)))).cast("float").cast("double"))
                    .alias("name_sum")).first()
    means = [float(sums[f"s{k}"]) / sums[f"p{k}"] if sums[f"p{k}"] else 1.0 for k in range(kinds)]
    mean_name = float(sums["name_sum"] or 0) / max(1, total) if total else 1.0
    # The families' twin rate: pairs of members (a KK on at most family_max_size records) with different
    # first names, and the share of them born on one day.
    fam = keys.filter(F.col(FAM) != 0).select(LIST, ROW, FAM, BD, FN)
    sizes = fam.groupBy(FAM).count().filter(F.col("count") <= info["family_max_size"]).drop("count")
    fam = fam.join(sizes, FAM)
    x, y = fam.alias("x"), fam.alias("y")
    twins = (x.join(y, (F.col(f"x.{FAM}") == F.col(f"y.{FAM}"))
                    & ((F.col(f"x.{LIST}") < F.col(f"y.{LIST}"))
                       | ((F.col(f"x.{LIST}") == F.col(f"y.{LIST}")) & (F.col(f"x.{ROW}") < F.col(f"y.{ROW}"))))
                    & (F.col(f"x.{FN}") != F.col(f"y.{FN}")))
             .agg(F.count("*").alias("pairs"), F.sum(F.when(F.col(f"x.{BD}") == F.col(f"y.{BD}"), 1).otherwise(0)).alias("same"))
             .first())
    family_pairs, same_day = int(twins["pairs"] or 0), int(twins["same"] or 0)
    frequencies = [float(total), mean_name, float(family_pairs), float(same_day)] + means
    t0 = lap("keys_and_counts", t0)

    # The model: given, or trained on a sample of each list with the counts over all records.
    trained_on = None
    if model is None:
        counted = keys.select(LIST, ROW, *[f"{_P}c{k}" for k in range(kinds)]).join(
            good.select(LIST, ROW, SHARED, *all_carried), [LIST, ROW])
        model, trained_on, fraction = _train(counted, columns, names, config, scope, frequencies, kinds, train_records)
        trained_on = {"trained_on_records": trained_on, "fraction": fraction, **_sample_matches(model, trained_on, scope)}
        t0 = lap("train", t0)

    # 3. Per rule: the blocks within the bound, and each earlier rule's keys (0 in a dropped block).
    max_pairs = info["max_block_pairs"]
    blocks, report = [], []
    for k in range(len(rules)):
        kk = f"{_P}k{k}"
        per_list = keys.filter(F.col(kk) != 0).groupBy(kk, LIST).count()
        n, within = F.sum("count"), F.sum(F.col("count") * (F.col("count") - 1) / 2)
        allowed = {"link": n * (n - 1) / 2 - within, "dedupe": within, "link_and_dedupe": n * (n - 1) / 2}[scope]
        b = per_list.groupBy(kk).agg(allowed.cast("long").alias("allowed"), n.alias("records")).localCheckpoint()
        blocks.append(b)
        counted = b.agg(F.count("*").alias("blocks"), F.sum("records").alias("records"), F.sum("allowed").alias("pairs_with_repeats"),
                        F.sum(F.when(F.col("allowed") > max_pairs, 1).otherwise(0)).alias("oversized_blocks"),
                        F.sum(F.when(F.col("allowed") > max_pairs, F.col("allowed")).otherwise(0)).alias("oversized_pairs")
                        ).first()
        report.append({"rule": rules[k], "records_with_key": int(counted["records"] or 0),
                       "distinct_keys": int(counted["blocks"] or 0),
                       "pairs_including_earlier_rules": int(counted["pairs_with_repeats"] or 0)
                       - int(counted["oversized_pairs"] or 0),
                       "oversized_blocks": int(counted["oversized_blocks"] or 0),
                       "oversized_pairs": int(counted["oversized_pairs"] or 0)})
        dropped = b.filter(F.col("allowed") > max_pairs).select(kk).withColumn(f"{_P}drop{k}", F.lit(True))
        keys = keys.join(F.broadcast(dropped), kk, "left").withColumn(
            f"{_P}e{k}", F.when(F.col(f"{_P}drop{k}").isNull(), F.col(kk)).otherwise(F.lit(0).cast("long"))).drop(f"{_P}drop{k}")
    keys = keys.localCheckpoint()
    records = keys.join(good, [LIST, ROW]).localCheckpoint()
    t0 = lap("blocks", t0)

    pair_fields = (["left_list int", "left_row long", "right_list int", "right_row long", "weight double",
                    "match_probability double", "match_weight double"]
                   + [f"`{c}_level` string, `{c}_weight` double" for c in comparisons] + ["blocking_rule string"])
    scored = None
    for k in range(len(rules)):
        kk = f"{_P}k{k}"
        inside = blocks[k].filter((F.col("allowed") > 0) & (F.col("allowed") <= max_pairs)).select(kk)
        part = records.join(inside, kk, "left_semi").withColumn(PART, F.pmod(F.xxhash64(kk), F.lit(partitions)))
        needed = [LIST, ROW, SHARED, PART] + [f"{_P}c{j}" for j in range(kinds)] + [f"{_P}e{j}" for j in range(k)] \
            + all_carried
        out = part.select(*needed).groupBy(PART).applyInPandas(
            _pairs_job(columns, names, config, model, scope, k, frequencies, kinds, comparisons), ", ".join(pair_fields))
        scored = out if scored is None else scored.unionByName(out)
    scored = scored.localCheckpoint()
    scored_count = scored.count()
    t0 = lap("pairs", t0)

    # 4. Links, review, clusters.
    ids = None
    for i in range(len(names)):
        shown = [F.col(f"{_P}show_{r}").alias(r) for r in KEY_ROLES]
        part = records.filter(F.col(LIST) == i)
        if id_columns[i]:
            part = _unique_ids(part.withColumn("id", F.col(carried[id_columns[i]])))
        else:
            part = part.withColumn("id", (F.col(ROW) + 1).cast("string"))
        part = part.select(LIST, ROW, "id", *shown)
        ids = part if ids is None else ids.unionByName(part)
    ids = ids.localCheckpoint()
    source = F.element_at(F.array(*[F.lit(n) for n in names]), F.col(LIST) + 1)

    def named(pairs):
        left = ids.select(F.col(LIST).alias("left_list"), F.col(ROW).alias("left_row"), F.col("id").alias("left_id"),
                          *[F.col(r).alias(f"left_{r}") for r in KEY_ROLES])
        right = ids.select(F.col(LIST).alias("right_list"), F.col(ROW).alias("right_row"), F.col("id").alias("right_id"),
                           *[F.col(r).alias(f"right_{r}") for r in KEY_ROLES])
        names_col = F.array(*[F.lit(n) for n in names])
        out = pairs.join(left, ["left_list", "left_row"]).join(right, ["right_list", "right_row"])
        return out.select("left_id", "right_id", "match_probability", "match_weight",
                          *[f"{side}_{r}" for side in ("left", "right") for r in KEY_ROLES],
                          *[c for comp in comparisons for c in (f"{comp}_level", f"{comp}_weight")], "blocking_rule",
                          F.element_at(names_col, F.col("left_list") + 1).alias("left_source"),
                          F.element_at(names_col, F.col("right_list") + 1).alias("right_source"),
                          "left_list", "left_row", "right_list", "right_row", "weight")

    threshold = info["threshold"]
    linked = scored.filter(F.col("match_probability") >= threshold)
    links, review = named(linked).localCheckpoint(), named(scored.filter(F.col("match_probability") < threshold))
    stride = 1 << 40
    edges = linked.select((F.col("left_list") * stride + F.col("left_row")).alias("a"),
                          (F.col("right_list") * stride + F.col("right_row")).alias("b"),
                          "weight", "left_list", "left_row", "right_list", "right_row").localCheckpoint()
    both = edges.select(F.col("a").alias("src"), F.col("b").alias("dst")).union(
        edges.select(F.col("b").alias("src"), F.col("a").alias("dst"))).localCheckpoint()
    labels = both.select(F.col("src").alias("node")).distinct().withColumn("label", F.col("node")).localCheckpoint()
    iterations = 0
    while True:
        iterations += 1
        moved = both.join(labels, both.src == labels.node).select(F.col("dst").alias("node"), "label")
        new = labels.union(moved).groupBy("node").agg(F.min("label").alias("label")).localCheckpoint()
        changed = new.join(labels.withColumnRenamed("label", "old"), "node").filter(F.col("label") != F.col("old")).count()
        labels = new
        if changed == 0:
            break
    max_size = info["max_cluster_size"]
    sizes = labels.groupBy("label").count()
    big = sizes.filter(F.col("count") > max_size).select("label")
    refused = 0
    cut = labels
    big_labels = [r["label"] for r in big.collect()]
    if big_labels:
        in_big = labels.join(F.broadcast(big), "label")
        big_edges = edges.join(in_big.withColumnRenamed("node", "a"), "a").toPandas()
        relabel = {}
        for _, component in big_edges.groupby("label"):
            lab, r = _cut(component, max_size)
            relabel.update(lab)
            refused += r
        fixed = spark.createDataFrame(pd.DataFrame({"node": list(relabel), "new": list(relabel.values())}),
                                      "node long, new long")
        cut = (labels.join(fixed, "node", "left")
               .withColumn("label", F.coalesce(F.col("new"), F.col("label"))).drop("new"))
    members = (ids.withColumn("node", F.col(LIST) * stride + F.col(ROW)).join(cut, "node", "left")
               .withColumn("label", F.coalesce(F.col("label"), F.col("node")))
               .withColumn("source", source))
    first = members.groupBy("label").agg(F.min(F.struct(
        F.array_position(F.array_sort(F.array(*[F.lit(n) for n in names])), F.col("source")).alias("rank"),
        F.col("id"))).alias("first"), F.count("*").alias("cluster_size"))
    first = first.select("label", "cluster_size", F.col("first.id").alias("first_id"),
                         F.element_at(F.array_sort(F.array(*[F.lit(n) for n in names])), F.col("first.rank").cast("int"))
                         .alias("first_source"))
    clusters = (members.join(first, "label").orderBy("first_source", "first_id", LIST, ROW)
                .select("source", "id", "first_source", "first_id", "cluster_size")
                .mapInPandas(_cluster_ids_job, "source string, id string, cluster_id string, cluster_size long"))
    link_count = links.count()
    lap("links_and_clusters", t0)
    summary = {
        "records": records_in, "records_read": total, "rejected": records_in - total, "blank_rows": blank_rows,
        "scope": scope,
        "pairs_at_or_above_review_threshold": scored_count, "links": link_count,
        "review_pairs": scored_count - link_count, "threshold": threshold,
        "review_threshold": info["review_threshold"], "cluster_iterations": iterations,
        "oversized_components": len(big_labels), "links_refused_by_cluster_bound": refused,
        "frequencies": {"total": total, "mean_name_frequency": mean_name, "same_day_family_pairs": same_day,
                        "family_pairs": family_pairs, "mean_counts": means},
        "model": trained_on if trained_on else {"given": True},
        "blocking_rules": report, "partitions_per_rule": partitions, "seconds": timings,
        "total_seconds": round(time.perf_counter() - started, 3),
    }
    return SparkResult(links=links, review=review, clusters=clusters, rejected=rejected, summary=summary, model=model)
