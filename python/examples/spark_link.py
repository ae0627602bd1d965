"""Links lists too large for one machine on a Spark cluster.

    spark-submit python/examples/spark_link.py --out hasil \\
        provinsi=hdfs:///aid/provinsi.csv kota=hdfs:///aid/kota.csv --sep , --sep ';' --encoding utf-8 --encoding cp1252

Without `--model` the model is trained on the driver from a uniform random sample of the lists
(`--train-records`, about that many records of the largest list, default 250,000; padan.spark.link
says how) and written as model.json
beside the results; with `--model model.json` (from `padan link`, say) it is used as it is.

Each list is NAME=PATH (a CSV with a header row). `--sep` and `--encoding`, given once, apply to
every list; given once per list, in the lists' order. `--config` is a padan.yaml. The results are
written under OUT as Spark writes CSV (a folder of parts each): links, review, clusters and
rejected, model.json and summary.json. They are written beside OUT first and moved there at the end, so a run
that fails leaves no half-written OUT.

A UTF-8 or Windows-1252 file (`--encoding utf-8` or `cp1252`, the same here) is read field by
field as Padan reads a file; another encoding Spark knows is handed to Spark's reader.

Every machine needs Python with pandas, pyarrow and padan (PADAN_LIBRARY naming libPadanC where it
is not installed with the package), and PYSPARK_PYTHON naming that Python.
"""
import argparse
import json
import sys

from pyspark.sql import SparkSession

import padan
import padan.spark


# Windows-1252, which Excel on an Indonesian Windows PC writes, is Latin-1 but for 27 characters
# in 0x80-0x9F (quotes, dashes, the euro sign); the 5 bytes it leaves undefined stay the C1
# controls of the same value, as in Padan's reader.
_CP1252 = {bytes([b]).decode("latin-1"): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0)
           if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
# Well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF), over text read as
# Latin-1, where each character is one byte of the file.
_UTF8 = (r"^(?:[\x00-\x7F]|[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}"
         r"|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}"
         r"|\xF4[\x80-\x8F][\x80-\xBF]{2})*$")


def _decoded(text):
    """Text read as Latin-1, as Padan's reader decodes its bytes."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return "".join(_CP1252.get(ch, ch) for ch in text)


def read(spark, path, sep, encoding):
    """A CSV with a header row, every column as text (as Padan reads a file: a NIK read as a
    number loses digits). A UTF-8 or Windows-1252 file is read as Padan's reader reads either:
    each field that is well-formed UTF-8 as UTF-8, any other as Windows-1252 (Spark's own UTF-8
    reader would put U+FFFD for the bytes it cannot read, and it does not know Windows-1252)."""
    from pyspark.sql import functions as F

    padan_rule = encoding.lower().replace("-", "").replace("_", "") in ("utf8", "cp1252", "windows1252")
    frame = spark.read.csv(path, header=True, sep=sep, encoding="iso-8859-1" if padan_rule else encoding,
                           inferSchema=False, mode="PERMISSIVE", multiLine=True)
    if not padan_rule:
        return frame
    ours, theirs = "".join(_CP1252), "".join(_CP1252.values())

    def text(column):
        c = F.col(f"`{column}`")
        return (F.when(c.rlike(_UTF8), F.decode(F.encode(c, "ISO-8859-1"), "UTF-8"))
                .otherwise(F.translate(c, ours, theirs)))

    # The header row by the same rule, a UTF-8 byte-order mark dropped.
    names = [_decoded(h) for h in frame.columns]
    if names and names[0].startswith("\ufeff"):
        names[0] = names[0][1:]
    return frame.select(*[text(c).alias(names[j]) for j, c in enumerate(frame.columns)])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lists", nargs="+", metavar="NAME=PATH")
    parser.add_argument("--model", help="model.json to score with (default: trained on a sample of the lists)")
    parser.add_argument("--train-records", type=int, default=padan.spark.TRAIN_RECORDS,
                        help="about how many records of the largest list to train on, the others at the same fraction (default %(default)s)")
    parser.add_argument("--out", required=True, help="results folder (must not exist)")
    parser.add_argument("--config", help="padan.yaml")
    parser.add_argument("--sep", action="append", default=[])
    parser.add_argument("--encoding", action="append", default=[])
    parser.add_argument("--dedupe-only", action="store_true", help="people registered twice within each list only")
    parser.add_argument("--no-dedupe", action="store_true", help="people across the lists only")
    parser.add_argument("--partitions", type=int, help="partitions per blocking rule (default: Spark's default parallelism, or one per 100,000 records when that is more)")
    args = parser.parse_args(argv)

    names, paths = [], []
    for item in args.lists:
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            parser.error(f"{item!r}: a list is NAME=PATH")
        names.append(name)
        paths.append(path)

    def per_list(values, option, default):
        if not values:
            return [default] * len(paths)
        if len(values) == 1:
            return values * len(paths)
        if len(values) != len(paths):
            parser.error(f"{option} is given {len(values)} times for {len(paths)} lists: once, or once per list")
        return values

    seps, encodings = per_list(args.sep, "--sep", ","), per_list(args.encoding, "--encoding", "utf-8")
    config = None
    if args.config:
        with open(args.config, encoding="utf-8") as f:
            config = f.read()

    spark = SparkSession.builder.appName("padan").getOrCreate()
    jvm = spark.sparkContext._jvm
    hadoop = spark.sparkContext._jsc.hadoopConfiguration()
    out = jvm.org.apache.hadoop.fs.Path(args.out)
    fs = out.getFileSystem(hadoop)
    if fs.exists(out):
        sys.exit(f"padan spark: {args.out} exists; name a new folder")
    partial = jvm.org.apache.hadoop.fs.Path(args.out.rstrip("/") + ".partial")
    fs.delete(partial, True)

    frames = [read(spark, p, s, e) for p, s, e in zip(paths, seps, encodings)]
    if args.dedupe_only:
        result = padan.spark.dedupe(spark, *frames, config=config, model=args.model, names=names,
                                    partitions=args.partitions, train_records=args.train_records)
    else:
        result = padan.spark.link(spark, *frames, config=config, model=args.model, names=names,
                                  dedupe=not args.no_dedupe, partitions=args.partitions, train_records=args.train_records)
    try:
        # links.csv's columns (each record's list and row in the run are for joining in Spark).
        internal = ["left_list", "left_row", "right_list", "right_row", "weight"]
        for name, frame in [("links", result.links.drop(*internal)), ("review", result.review.drop(*internal)),
                            ("clusters", result.clusters), ("rejected", result.rejected)]:
            frame.write.csv(args.out.rstrip("/") + ".partial/" + name, header=True)
        for name, text in [("model.json", result.model), ("summary.json", json.dumps(result.summary, indent=2))]:
            stream = fs.create(jvm.org.apache.hadoop.fs.Path(args.out.rstrip("/") + ".partial/" + name))
            stream.write(bytearray(text.encode("utf-8")))
            stream.close()
        if not fs.rename(partial, out):
            raise OSError(f"could not move {args.out}.partial to {args.out}")
    except BaseException:
        fs.delete(partial, True)
        raise
    print(json.dumps(result.summary, indent=2))


if __name__ == "__main__":
    try:
        main()
    except padan.PadanError as error:
        sys.exit(f"padan spark: {error}")
