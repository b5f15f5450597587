"""Validation of the team's annotated corpus (tests/data/speech_pii.jsonl) and of the converters
for the shared third-party corpora (bench/corpora.py). Fast: no models, no network."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from conftest import load_bench

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLD = DATA / "speech_pii.jsonl"
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

TYPES = {
    "PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS", "LOCATION", "ZIP_CODE",
    "DATE_TIME", "AGE", "US_SSN", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER",
    "CREDIT_CARD", "US_DRIVER_LICENSE", "US_PASSPORT", "LICENSE_NUMBER", "VEHICLE_ID",
    "DEVICE_ID", "CASE_NUMBER", "PIN", "URL", "IP_ADDRESS", "ORGANIZATION",
}
MIN_PER_TYPE = 12
EDGE_PUNCT = set(".,;:!?\"'`")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with open(GOLD, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def span_problems(text: str, spans: list[dict], allowed: set[str]) -> list[str]:
    """Everything wrong with one row's spans (empty when it is valid)."""
    problems = []
    previous_end = 0
    for span in spans:
        start, end, kind = span.get("start"), span.get("end"), span.get("type")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"out of bounds: {span}")
            continue
        value = text[start:end]
        if kind not in allowed:
            problems.append(f"unknown type {kind!r}")
        if value != value.strip() or value[0] in EDGE_PUNCT or value[-1] in EDGE_PUNCT:
            problems.append(f"not stripped: {value!r}")
        for open_, close in ("()", "[]"):
            if value.count(open_) != value.count(close):
                problems.append(f"unbalanced {open_}{close}: {value!r}")
        if start < previous_end:
            problems.append(f"overlaps or out of order: {value!r}")
        previous_end = max(previous_end, end)
    return problems


# ---------------------------------------------------------------- team corpus
def test_size_and_pii_free_lines(rows):
    assert len(rows) >= 360
    assert sum(1 for r in rows if not r["spans"]) >= 90


def test_schema_and_ids(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in rows:
        assert set(r) == {"id", "text", "spans", "source"}, r["id"]
        assert re.fullmatch(r"team-\d{4}", r["id"]), r["id"]
        assert r["source"] == "team"
        assert isinstance(r["text"], str) and r["text"].strip() == r["text"] and r["text"]
        for s in r["spans"]:
            assert set(s) == {"start", "end", "type"}, (r["id"], s)
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "duplicate lines"


def test_spans_valid(rows):
    bad = {r["id"]: p for r in rows if (p := span_problems(r["text"], r["spans"], TYPES))}
    assert not bad, bad


def test_spans_cover_whole_words(rows):
    bad = []
    for r in rows:
        t = r["text"]
        for s in r["spans"]:
            if (s["start"] > 0 and t[s["start"] - 1].isalnum()) or (s["end"] < len(t) and t[s["end"]].isalnum()):
                bad.append((r["id"], t[s["start"]:s["end"]]))
    assert not bad, bad


def test_every_type_is_covered(rows):
    counts = collections.Counter(s["type"] for r in rows for s in r["spans"])
    thin = {t: counts[t] for t in TYPES - {"ORGANIZATION"} if counts[t] < MIN_PER_TYPE}
    assert not thin, thin
    assert counts["ORGANIZATION"] > 0
    for kind in ("PERSON", "PHONE_NUMBER", "DATE_TIME", "STREET_ADDRESS"):
        assert counts[kind] >= 36, (kind, counts[kind])


def test_readme_counts_match_the_file(rows):
    """The per-type table in tests/data/README.md is the file's real counts."""
    counts = collections.Counter(s["type"] for r in rows for s in r["spans"])
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    table = {m[1]: int(m[2]) for m in re.finditer(r"^\|\s*`?([A-Z_]+)`?\s*\|\s*(\d+)\s*\|", readme, re.M)}
    assert {t: table.get(t) for t in TYPES} == {t: counts[t] for t in TYPES}
    assert f"{len(rows)} lines" in readme
    assert f"{sum(1 for r in rows if not r['spans'])} of them PII-free" in readme


def test_name_words_appear_both_as_names_and_as_words(rows):
    """Hope, Rose, Will, Mark, Grace, June occur annotated as names and unannotated as words."""
    for word in ("hope", "rose", "will", "mark", "grace", "june"):
        as_name = as_word = False
        for r in rows:
            t = r["text"]
            inside = [(s["start"], s["end"]) for s in r["spans"]]
            for m in re.finditer(rf"\b{word}\b", t, re.I):
                hit = any(a <= m.start() and m.end() <= b for a, b in inside)
                covered = any(a <= m.start() and m.end() <= b and s["type"] == "PERSON"
                              for (a, b), s in zip(inside, r["spans"]))
                as_name |= covered
                as_word |= not hit
        assert as_name and as_word, word


# ---------------------------------------------------------------- converters
CONVERTER_NAMES = ["presidio_synth", "slurp", "physionet", "physionet_nophi", "abcd"]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not available")
@pytest.mark.parametrize("name", CONVERTER_NAMES)
def test_converter_first_rows_are_valid(name):
    corpora = load_bench("corpora")
    assert set(corpora.CONVERTERS) == set(CONVERTER_NAMES)
    converted = list(corpora.convert(name, SHARED_CORPUS, limit=200))
    assert converted, name
    assert len(converted) <= 200
    ids = [r["id"] for r in converted]
    assert len(ids) == len(set(ids))
    bad = {r["id"]: p for r in converted if (p := span_problems(r["text"], r["spans"], TYPES))}
    assert not bad, bad
    for r in converted:
        assert r["source"] == name
        for s in r["spans"]:
            assert s.get("label"), s
    n_spans = sum(len(r["spans"]) for r in converted)
    if name == "physionet_nophi":
        assert n_spans == 0
    else:
        assert n_spans > 0


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not available")
def test_converter_mapping_rules():
    corpora = load_bench("corpora")
    presidio = list(corpora.convert("presidio_synth", SHARED_CORPUS))
    kinds = {s["type"] for r in presidio for s in r["spans"]}
    labels = {s["label"] for r in presidio for s in r["spans"]}
    assert "TITLE" not in labels and "NRP" not in labels
    assert {"LOCATION", "URL", "ACCOUNT_NUMBER"} <= kinds
    for r in presidio:  # presidio AGE values are all under 90: none may survive as AGE
        for s in r["spans"]:
            if s["type"] == "AGE":
                assert int(re.findall(r"\d+", r["text"][s["start"]:s["end"]])[0]) > 89
    slurp = list(corpora.convert("slurp", SHARED_CORPUS, limit=400))
    values = {r["text"][s["start"]:s["end"]] for r in slurp for s in r["spans"] if s["type"] == "LOCATION"}
    assert not values & {"california", "china", "home", "world"}


def test_trim_keeps_the_value():
    corpora = load_bench("corpora")
    text = "call (201-223-4567). Ask for jane's mom at Shepherd Ltd."
    assert text[slice(*corpora.trim(text, 5, 20, "PHONE_NUMBER"))] == "201-223-4567"
    assert text[slice(*corpora.trim(text, 29, 35, "PERSON"))] == "jane"
    text = "(781) 555-0163 and Cyprus (Greek)"
    assert text[slice(*corpora.trim(text, 0, 14, "PHONE_NUMBER"))] == "(781) 555-0163"
    assert text[slice(*corpora.trim(text, 19, 33, "LOCATION"))] == "Cyprus (Greek)"


# ------------------------------------------------------- frozen held-out test sets (v2)
HELDOUT = sorted((DATA / "heldout").glob("*.jsonl"))
HELDOUT_SHA256 = {  # frozen: a changed line is a changed test set (see tests/data/README.md)
    "clinical.jsonl": "4e98f7c0d882d7bf",
    "generated.jsonl": "e63c6fed9f52cdcb",
    "legal_business.jsonl": "d401bd63e89a7570",
}


def checked_ids(path: Path, keep_edges: bool) -> set[str]:
    """The ids of a gold file whose rows all pass: unique ids, valid spans, keep phrases that
    overlap no span (and, with `keep_edges`, have stripped edges like spans)."""
    ids: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        assert row["id"] not in ids
        ids.add(row["id"])
        assert span_problems(row["text"], row["spans"], TYPES) == [], row["id"]
        keep = [dict(k, type="PERSON") for k in row.get("keep", [])]
        if keep_edges:
            assert span_problems(row["text"], keep, TYPES) == [], row["id"]
        assert all(0 <= k["start"] < k["end"] <= len(row["text"]) for k in keep), row["id"]
        marks = sorted([(s["start"], s["end"]) for s in row["spans"]] + [(k["start"], k["end"]) for k in keep])
        assert all(a[1] <= b[0] for a, b in zip(marks, marks[1:])), f"keep overlaps a span: {row['id']}"
    return ids


def test_the_heldout_sets_are_frozen_valid_and_big_enough():
    import hashlib

    assert [p.name for p in HELDOUT] == sorted(HELDOUT_SHA256)
    total = 0
    for path in HELDOUT:
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == HELDOUT_SHA256[path.name], path.name
        total += len(checked_ids(path, keep_edges=True))
    assert total >= 1500


@pytest.mark.parametrize("path", sorted((DATA / "dev").glob("*.jsonl")), ids=lambda p: p.name)
def test_the_dev_sets_are_valid(path):
    assert len(checked_ids(path, keep_edges=False)) >= 350  # a keep phrase may end in its own "." ("3 a.m.")


def test_the_generator_writes_the_frozen_file_again():
    import subprocess
    import sys

    made = subprocess.run([sys.executable, str(ROOT / "tests" / "pii_generator.py"), "--seed", "2026", "--count", "600"],
                          capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert made == (DATA / "heldout" / "generated.jsonl").read_text(encoding="utf-8")
