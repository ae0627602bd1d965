#!/usr/bin/env python3
"""Makes the README example: two lists of the same 600 people out of 1,000, each as another office
keeps it, with the columns the Indonesian preset does not know (given name and surname apart, a
phone number, a postcode), and the truth. Seeded: running it again gives the same files.

    python3 make.py     # from this folder; reads ../names/
"""
import csv
import os
import random

rng = random.Random(7)
here = os.path.dirname(os.path.abspath(__file__))


def tokens(name):
    out = []
    with open(os.path.join(here, "..", "names", name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            token, weight = line.split("\t")[:2]
            out += [token.title()] * int(weight)
    return out


given = tokens("male-young.txt") + tokens("female-young.txt") + tokens("male-old.txt") + tokens("female-old.txt")
family = tokens("male-second.txt") + tokens("female-second.txt")
postcodes = [str(40111 + 7 * i) for i in range(60)]


def typo(s):
    if len(s) < 3:
        return s
    i = rng.randrange(1, len(s) - 1)
    kind = rng.random()
    if kind < 0.4:
        return s[:i] + s[i + 1:]                                    # dropped letter
    if kind < 0.7:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]                  # swapped letters
    return s[:i] + rng.choice("aeiounrst") + s[i + 1:]              # another letter


people = []
for k in range(1000):
    phone = "08" + rng.choice("1235") + "".join(rng.choice("0123456789") for _ in range(9))
    people.append((k, rng.choice(given), rng.choice(family), phone, rng.choice(postcodes)))
shared = rng.sample(range(1000), 600)
rest = [k for k in range(1000) if k not in set(shared)]
survey_people = shared + rest[:200]
bank_people = shared + rest[200:400]
rng.shuffle(survey_people)
rng.shuffle(bank_people)

# The survey: Indonesian headers, names as typed by enumerators, phone with dashes.
with open(os.path.join(here, "survey.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["NO RESPONDEN", "NAMA DEPAN", "NAMA BELAKANG", "NO HP", "KODE POS"])
    for k in survey_people:
        _, g, s, phone, post = people[k]
        if rng.random() < 0.1:
            g = typo(g)
        phone = phone[:4] + "-" + phone[4:8] + "-" + phone[8:]
        w.writerow([f"R{k:04d}", g.upper(), s.upper(), phone, post])

# The bank: English headers, mixed case, a typo in the surname or phone now and then, a missing
# postcode, the phone in international form.
with open(os.path.join(here, "bank.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["customer_id", "first_name", "last_name", "phone", "postcode"])
    for k in bank_people:
        _, g, s, phone, post = people[k]
        if rng.random() < 0.1:
            s = typo(s)
        if rng.random() < 0.05:
            i = rng.randrange(3, len(phone) - 1)
            phone = phone[:i] + phone[i + 1] + phone[i] + phone[i + 2:]
        if rng.random() < 0.1:
            post = ""
        w.writerow([f"C{k:05d}", g, s, "+62" + phone[1:], post])

os.makedirs(os.path.join(here, "truth"), exist_ok=True)
with open(os.path.join(here, "truth", "entities.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["source", "id", "entity_id"])
    w.writerows([("survey", f"R{k:04d}", k) for k in survey_people] + [("bank", f"C{k:05d}", k) for k in bank_people])
with open(os.path.join(here, "truth", "links.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["left_source", "left_id", "right_source", "right_id"])
    w.writerows(("survey", f"R{k:04d}", "bank", f"C{k:05d}") for k in sorted(shared))
with open(os.path.join(here, "truth", "duplicates.csv"), "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerow(["source", "id_a", "id_b"])
