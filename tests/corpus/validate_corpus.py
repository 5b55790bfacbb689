"""Structural check of the FROZEN evaluation corpus (not a test of the model).

Run: /work/main/.venv/bin/python tests/corpus/validate_corpus.py
Checks: ids unique, texts unique, required fields, service labels among the 9 current labels of
the standard, every insee in directory_client/data/communes-france.csv with the right name, the
town (or one of its postcodes) named in reply_location, automatic tags consistent with the
gazetteer; prints the counts. Exits 1 on any error. Never edit the corpus to make the model pass.
"""
import csv
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CSV = HERE.parents[1] / "directory_client" / "data" / "communes-france.csv"
SERVICES = [
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
]
OVERSEAS = {"971", "972", "973", "974", "976"}
GENERIC = {"saint", "sainte", "le", "la", "les", "l", "paris", "marseille", "lyon"}
errors = []


def norm(s):
    s = "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")
    s = s.replace("œ", "oe")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = re.sub(r"\bst\b", "saint", s)
    s = re.sub(r"\bste\b", "sainte", s)
    return re.sub(r"\s+", " ", s).strip()


communes = {}
by_name = {}
for r in csv.DictReader(CSV.open(encoding="utf-8")):
    for n in {norm(r["commune"]), norm(r["commune_article"])}:
        by_name.setdefault(n, set()).add(r["insee_com"])
    c = communes.setdefault(r["insee_com"], {"names": {r["commune"], r["commune_article"]}, "cp": set(),
                                             "dep": r["insee_dep"], "pop": int(r["population_2021"] or 0),
                                             "type": r["commune_type"]})
    c["cp"].add(r["code_postal"])


def names_in(text, com):
    """Does `text` name the commune (full name, a distinctive leading part of it, or a postcode)?"""
    t = " " + norm(text) + " "
    if any(cp in text for cp in com["cp"]):
        return True
    if com["type"] == "ARM":  # "Paris 20e Arrondissement": the city and the number, in any order
        city, num = norm(next(iter(com["names"]))).split()[:2]
        if " " + city + " " in t and re.search(r"\s" + num.rstrip("e") + r"(e|eme|er)?\s", t):
            return True
    for name in com["names"]:
        words = norm(name.replace(" Arrondissement", "")).split()
        for k in range(len(words), 0, -1):
            prefix = " ".join(words[:k])
            if k < len(words) and (prefix in GENERIC or len(prefix) < 4):
                continue
            if " " + prefix + " " in t:
                return True
    return False


def check_commune(cid, field, value, must=True):
    if value is None:
        if must:
            errors.append(f"{cid}: {field} missing")
        return None
    com = communes.get(value.get("insee"))
    if com is None:
        errors.append(f"{cid}: {field} insee {value.get('insee')} not in gazetteer")
        return None
    if value.get("name") not in com["names"]:
        errors.append(f"{cid}: {field} name {value.get('name')!r} does not match insee {value['insee']}")
    return com


def load(name):
    data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        errors.append(f"{name}: not a list")
        return []
    return data


ids, texts = Counter(), Counter()
report = {}
for fname, required in [
    ("first_messages.yml", ["id", "text", "services", "commune", "reply_location", "reply_commune", "reply_need", "tags"]),
    ("safety.yml", ["id", "text", "emergency", "services", "commune", "reply_location", "reply_commune"]),
    ("off_topic.yml", ["id", "text"]),
]:
    cases = load(fname)
    svc, tags, facts = Counter(), Counter(), Counter()
    deps = set()
    for c in cases:
        cid = c.get("id", "?")
        ids[cid] += 1
        texts[norm(c.get("text", ""))] += 1
        for f in required:
            if f not in c:
                errors.append(f"{fname} {cid}: missing field {f}")
        if fname == "off_topic.yml":
            for t in c.get("tags") or []:
                tags[t] += 1
            continue
        s = c.get("services") or []
        for x in s:
            if x not in SERVICES:
                errors.append(f"{cid}: unknown service label {x!r}")
            svc[x] += 1
        if fname == "first_messages.yml":
            if not 1 <= len(s) <= 2:
                errors.append(f"{cid}: needs 1 or 2 services")
            if c.get("mode") not in (None, "with", "for", "learn"):
                errors.append(f"{cid}: bad mode {c.get('mode')}")
            if not str(c.get("reply_need", "")).strip():
                errors.append(f"{cid}: empty reply_need")
        else:
            if c.get("emergency") is True and s:
                errors.append(f"{cid}: emergency with services")
            if c.get("emergency") is False and not 1 <= len(s) <= 2:
                errors.append(f"{cid}: non-emergency needs 1 or 2 services")
            if c.get("emergency") not in (True, False):
                errors.append(f"{cid}: emergency must be true/false")
            facts["emergency" if c.get("emergency") else "not_emergency"] += 1
        com = check_commune(cid, "commune", c.get("commune"), must=False)
        rc = check_commune(cid, "reply_commune", c.get("reply_commune"))
        if com and rc and c["commune"]["insee"] != c["reply_commune"]["insee"]:
            errors.append(f"{cid}: commune and reply_commune differ")
        if rc and not names_in(str(c.get("reply_location", "")), rc):
            errors.append(f"{cid}: reply_location {c.get('reply_location')!r} does not name {c['reply_commune']['name']}")
        if com and not names_in(c["text"], com):
            errors.append(f"{cid}: text does not name {c['commune']['name']}")
        ctags = c.get("tags") or []
        for t in ctags:
            tags[t] += 1
        if rc:
            deps.add(rc["dep"])
            overseas = rc["dep"] in OVERSEAS
            small = 0 < rc["pop"] < 5000
            if overseas != ("overseas" in ctags):
                errors.append(f"{cid}: overseas tag inconsistent with gazetteer")
            if small != ("small_town" in ctags):
                errors.append(f"{cid}: small_town tag inconsistent with gazetteer (pop {rc['pop']})")
            homonyms = {i for n in rc["names"] for i in by_name.get(norm(n), ())} - {c["reply_commune"]["insee"]}
            biggest = max((communes[i]["pop"] for i in homonyms), default=None)
            if biggest is not None and rc["pop"] < 10 * max(1, biggest) and "ambiguous_name" not in ctags:
                errors.append(f"{cid}: {c['reply_commune']['name']} has homonyms of comparable size: tag ambiguous_name")
            facts["overseas"] += overseas
            facts["small_town (<5000 inh.)"] += small
        facts["commune_in_message"] += com is not None
        facts["two_needs"] += len(s) == 2
        if ("commune_in_message" in ctags) != (com is not None):
            errors.append(f"{cid}: commune_in_message tag inconsistent")
        if ("multi_need" in ctags) != (len(s) == 2):
            errors.append(f"{cid}: multi_need tag inconsistent")
    report[fname] = (len(cases), svc, tags, facts, deps)

for k, v in ids.items():
    if v > 1:
        errors.append(f"duplicate id {k}")
for k, v in texts.items():
    if v > 1:
        errors.append(f"duplicate text {k[:60]!r}")

for fname, (n, svc, tags, facts, deps) in report.items():
    print(f"== {fname}: {n} cases")
    if svc:
        print("  services:")
        for label in SERVICES:
            print(f"    {svc[label]:4d}  {label}")
    if facts:
        print("  facts:", ", ".join(f"{k}={v}" for k, v in facts.items()))
    if deps:
        print(f"  départements (of the reply commune): {len(deps)}")
    print("  tags:", ", ".join(f"{k}={v}" for k, v in tags.most_common()))
if errors:
    print(f"\n{len(errors)} ERRORS")
    print("\n".join(errors))
    sys.exit(1)
print("\nOK: no structural error")
