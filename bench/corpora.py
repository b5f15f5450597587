"""Convert the third-party annotated corpora in ../shared/corpus to hush's gold format.

    .venv/bin/python bench/corpora.py NAME OUT.jsonl [--limit N] [--corpus DIR]

NAME is one of presidio_synth, slurp, physionet, physionet_nophi, abcd. The corpora are read
in place and never copied into the repository (the PhysioNet notes are GPL-2.0); write OUT
somewhere outside it, e.g. /tmp. Summary counts go to stderr.

Output, one JSON object per line, the same as tests/data/speech_pii.jsonl:

    {"id": "...", "text": "...", "spans": [{"start": 0, "end": 5, "type": "PERSON",
     "label": "<source label>"}], "source": "<NAME>"}

Offsets are characters, end exclusive. Every source span is checked against the source text
(`text[start:end]` must equal the span text the source gives) before it is mapped; then the
edges are trimmed of whitespace and stray punctuation (a trailing full stop, an unbalanced
bracket, a possessive 's after a name), so that `text[start:end]` is the bare value as in the
team corpus. `label` keeps the source's own label so an evaluator can report a source
category separately (SLURP's relative dates, for instance). Types are the team corpus's
(tests/data/README.md).

Label mapping
-------------
presidio_synth (presidio-research synth_dataset_v2.json, 1,500 sentences, all kept):
    PERSON -> PERSON, STREET_ADDRESS -> STREET_ADDRESS (their values often run on to city,
    state, ZIP and country in one span; kept as one STREET_ADDRESS span), GPE -> LOCATION
    (it includes countries and states, which the team guidelines don't annotate),
    DATE_TIME -> DATE_TIME, PHONE_NUMBER, EMAIL_ADDRESS, CREDIT_CARD, US_SSN, IP_ADDRESS,
    US_DRIVER_LICENSE, ZIP_CODE unchanged, AGE -> AGE only when the number is over 89, else
    dropped (HIPAA only protects ages over 89; every AGE in this file is 85 or under, so in
    practice all are dropped), IBAN_CODE -> ACCOUNT_NUMBER, DOMAIN_NAME -> URL,
    ORGANIZATION -> ORGANIZATION; TITLE and NRP dropped.

slurp (SLURP test split, slurp_test_spans.jsonl, all 2,974 utterances kept, most PII-free):
    person -> PERSON (many are celebrities: "barack obama", "brad pitt"),
    place_name -> LOCATION, date -> DATE_TIME, email_address -> EMAIL_ADDRESS,
    business_name -> ORGANIZATION; every other slot type dropped (time, timeofday,
    relation, house_place, personal_info, event_name, ...).
    Caveats: SLURP "date" also covers relative and partial dates ("tomorrow", "next week",
    "friday", "this year"), which the team guidelines do NOT annotate; they are kept, with
    label "date", so recall on DATE_TIME here is a stricter figure than on the team set.
    place_name values that are not a place below state level are dropped (label-level
    clean-up written after reading all 281 values): countries, continents, US states and
    their abbreviations, and generic nouns ("home", "airport", "world", "the library",
    "within ten miles"); see SLURP_NOT_LOCATION. "new york" and "washington" are kept
    (usually the city in these commands).

physionet (PhysioNet deid nursing notes, physionet_deid_gold.jsonl):
    `physionet` = the 735 notes with at least one gold PHI span; `physionet_nophi` = the
    1,699 notes with none (every hush span there is a false positive; read them by hand,
    the gold leaves out some times and generic ages).
    PTName, PTNameInitial, RelativeProxyName, HCPName -> PERSON; Date -> DATE_TIME;
    DateYear -> dropped (bare years are not annotated in the team guidelines, and Safe
    Harbor keeps the year); Phone -> PHONE_NUMBER; Age -> AGE when over 89, else dropped;
    Other -> MEDICAL_RECORD_NUMBER (3 spans: a policy number, a reference number, and
    one that looks like a time); Location -> one of
      STREET_ADDRESS  when it starts with a digit ("19 Clover"),
      ORGANIZATION    when it is a facility or employer: a facility word inside it or just
                      after it (HOSPITAL, MEMORIAL, REHAB, MEDICAL, ER, EW, CATH, CAMPUS,
                      ...), an employer cue just before it ("works at", "CEO of"), or one
                      of the corpus's facility names that appear without such a word (GH,
                      Quartermain, GBMC, VAMC, Holy Cross, Sacred Heart, ...; see
                      PHYSIONET_FACILITIES),
      LOCATION        otherwise (cities, towns, neighbourhoods: "Randallstown", "Rome").
    This split is a heuristic: the upstream category doesn't distinguish them.
    The upstream annotation splits multi-word PHI into one span per token ("Holy" "Cross",
    "212-" "476-" "8356"); neighbouring spans of the same mapped type separated only by
    spaces, hyphens, slashes or full stops are merged into one.

abcd (ABCD sample, abcd_sample_derived_spans.jsonl, one row per non-action turn):
    PERSON, EMAIL_ADDRESS, PHONE_NUMBER unchanged; USERNAME and ORDER_ID dropped (not
    identifier kinds of the team guidelines). The spans were derived by string matching,
    not by people: a smoke test only.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

TYPES = frozenset({
    "PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS", "LOCATION", "ZIP_CODE",
    "DATE_TIME", "AGE", "US_SSN", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER",
    "CREDIT_CARD", "US_DRIVER_LICENSE", "US_PASSPORT", "LICENSE_NUMBER", "VEHICLE_ID",
    "DEVICE_ID", "CASE_NUMBER", "PIN", "URL", "IP_ADDRESS", "ORGANIZATION",
})

PRESIDIO_MAP = {
    "PERSON": "PERSON", "STREET_ADDRESS": "STREET_ADDRESS", "GPE": "LOCATION",
    "DATE_TIME": "DATE_TIME", "PHONE_NUMBER": "PHONE_NUMBER", "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "CREDIT_CARD": "CREDIT_CARD", "US_SSN": "US_SSN", "IP_ADDRESS": "IP_ADDRESS",
    "US_DRIVER_LICENSE": "US_DRIVER_LICENSE", "ZIP_CODE": "ZIP_CODE", "AGE": "AGE",
    "IBAN_CODE": "ACCOUNT_NUMBER", "DOMAIN_NAME": "URL", "ORGANIZATION": "ORGANIZATION",
}
SLURP_MAP = {
    "person": "PERSON", "place_name": "LOCATION", "date": "DATE_TIME",
    "email_address": "EMAIL_ADDRESS", "business_name": "ORGANIZATION",
}
PHYSIONET_MAP = {
    "PTName": "PERSON", "PTNameInitial": "PERSON", "RelativeProxyName": "PERSON",
    "HCPName": "PERSON", "Date": "DATE_TIME", "Phone": "PHONE_NUMBER", "Age": "AGE",
    "Other": "MEDICAL_RECORD_NUMBER", "Location": "LOCATION",
}
ABCD_MAP = {"PERSON": "PERSON", "EMAIL_ADDRESS": "EMAIL_ADDRESS", "PHONE_NUMBER": "PHONE_NUMBER"}

US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "west virginia", "wisconsin", "wyoming", "nj", "ny", "tx",
    "ca", "fl", "md", "ma",
}
SLURP_NOT_LOCATION = US_STATES | {
    # countries, continents, the planet
    "africa", "america", "australia", "britain", "canada", "china", "fiji", "france",
    "german", "germany", "india", "india's", "japan", "kazakhstan", "laos", "mexico",
    "new zealand", "nigeria", "russia", "south korea", "spain", "uk", "united states", "us",
    "usa", "earth", "world", "the equator",
    # generic places, not names
    "a city", "airport", "another city", "around town", "best tourist places", "city",
    "disco", "downtown", "home", "home town", "hometown", "international", "jazz bar",
    "library", "location", "movies", "my place", "nearest location", "office", "round here",
    "the capital city", "the library", "the mall", "theater", "theaters", "this area",
    "this city", "this place", "town", "train station", "vicinity", "within a one mile radius",
    "within one mile", "within ten miles",
}

FACILITY_WORD = re.compile(
    r"(?i)\b(hosp\w*|medical|med|ctr|cent(?:er|re)|rehab\w*|memorial|adventist|va|vamc|clinic|"
    r"house|nh|campus|er|ew|ed|icu|micu|ccu|tcu|cath|regional|building|health|nursing|"
    r"assisted|heart)\b")
EMPLOYER_CUE = re.compile(r"(?i)(\bworks?\s+(?:for|at|as\s+\w+\s+\w+\s+at)|\bworked\s+(?:for|at)|"
                          r"\bemployed\s+(?:by|at)|\bretired\s+from|\bceo\s+of|\bbusiness)\s*$")
PHYSIONET_FACILITIES = re.compile(
    r"(?i)^(gh|gbmc|vamc|quarterma\w*|kimbrough|keeley|kernan|harbor|hrbor|sinai|"
    r"holy\W+cross|sacred\W+heart|st\.?\W+(mary|mary's|agnes|a)|franklin\W+square|"
    r"baltimore\W+rehab|good\W+sam|greater\W+baltimore|university\W+of\W+(md|maryland)|"
    r"u\W*of\W+(md|maryland)|uof\W+maryland|u\W+maryland|laurel\W+regional|warren\W+grant|"
    r"union|calvert|memorial|kessler\W*adventist|general)$")

EDGE_CHARS = " \t\r\n.,;:!?\"'`@#*"
MERGE_GAP = re.compile(r"[\s./\-]{0,3}")


def trim(text: str, start: int, end: int, gold_type: str) -> tuple[int, int]:
    """Shrink [start, end) to the bare value: no edge whitespace, stray punctuation,
    unbalanced brackets or (for names) a possessive 's."""
    while True:
        before = (start, end)
        while start < end and text[start] in EDGE_CHARS:
            start += 1
        while end > start and text[end - 1] in EDGE_CHARS:
            end -= 1
        value = text[start:end]
        if gold_type == "PERSON" and re.search(r"['’]s$", value, re.I) and end - start > 2:
            end -= 2
        value = text[start:end]
        if len(value) > 2 and value[0] == "(" and value[-1] == ")" and not re.search(r"[()]", value[1:-1]):
            start, end = start + 1, end - 1  # "(201-223-4567)"
        for open_, close in ("()", "[]", "{}"):
            value = text[start:end]
            if value.endswith(close) and value.count(close) > value.count(open_):
                end -= 1
            value = text[start:end]
            if value.startswith(open_) and value.count(open_) > value.count(close):
                start += 1
        if (start, end) == before:
            return start, end


def make_span(text: str, start: int, end: int, expected: str, gold_type: str, label: str) -> dict | None:
    """A gold span after checking the source's offsets; None when nothing is left after trimming."""
    actual = text[start:end]
    assert actual == expected, f"source offsets [{start}:{end}] give {actual!r}, source says {expected!r}"
    assert gold_type in TYPES, gold_type
    start, end = trim(text, start, end, gold_type)
    if start >= end:
        return None
    return {"start": start, "end": end, "type": gold_type, "label": label}


def finish(text: str, spans: Iterable[dict | None], merge: bool = False) -> list[dict]:
    """Sorted, non-overlapping spans; with `merge`, same-type neighbours separated only by a
    short run of spaces, hyphens, slashes or full stops become one span."""
    out: list[dict] = []
    for span in sorted((s for s in spans if s), key=lambda s: (s["start"], -s["end"])):
        if out and span["start"] < out[-1]["end"]:
            continue  # overlapping: keep the first (source files have none; defensive)
        if (merge and out and out[-1]["type"] == span["type"]
                and MERGE_GAP.fullmatch(text[out[-1]["end"]:span["start"]])):
            prev = out[-1]
            labels = prev["label"].split("+")
            out[-1] = {**prev, "end": span["end"],
                       "label": prev["label"] if span["label"] in labels else f"{prev['label']}+{span['label']}"}
            continue
        out.append(span)
    return out


def number_over_89(value: str) -> bool:
    digits = re.findall(r"\d+", value)
    return bool(digits) and int(digits[0]) > 89


# ---------------------------------------------------------------- presidio-research synth
def presidio_synth(corpus: Path) -> Iterator[dict]:
    items = json.loads((corpus / "pii_presidio_research_synth" / "synth_dataset_v2.json").read_text(encoding="utf-8"))
    for i, item in enumerate(items):
        text = item["full_text"]
        spans = []
        for s in item["spans"]:
            label = s["entity_type"]
            gold = PRESIDIO_MAP.get(label)
            value = s["entity_value"]
            if gold == "AGE" and not number_over_89(value):
                gold = None
            if gold is None:
                assert text[s["start_position"]:s["end_position"]] == value
                continue
            spans.append(make_span(text, s["start_position"], s["end_position"], value, gold, label))
        yield {"id": f"presidio-{i:04d}", "text": text, "spans": finish(text, spans), "source": "presidio_synth"}


# ---------------------------------------------------------------- SLURP
def slurp(corpus: Path) -> Iterator[dict]:
    with open(corpus / "pii_slurp_spoken_commands" / "slurp_test_spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row["text"]
            spans = []
            for s in row["spans"]:
                label = s["entity_type"]
                gold = SLURP_MAP.get(label)
                assert text[s["start"]:s["end"]] == s["text"], (row["slurp_id"], s)
                if gold is None:
                    continue
                if gold == "LOCATION" and s["text"].lower().strip() in SLURP_NOT_LOCATION:
                    continue
                spans.append(make_span(text, s["start"], s["end"], s["text"], gold, label))
            yield {"id": f"slurp-{row['slurp_id']}", "text": text, "spans": finish(text, spans), "source": "slurp"}


# ---------------------------------------------------------------- PhysioNet deid
def _physionet_location(text: str, start: int, end: int) -> str:
    value = text[start:end]
    if value[:1].isdigit():
        return "STREET_ADDRESS"
    after = " ".join(re.findall(r"[A-Za-z]+", text[end:end + 30])[:2])
    before = text[max(0, start - 40):start]
    if (PHYSIONET_FACILITIES.match(value) or FACILITY_WORD.search(value)
            or FACILITY_WORD.match(after) or EMPLOYER_CUE.search(before)):
        return "ORGANIZATION"
    return "LOCATION"


def _physionet_notes(corpus: Path, with_phi: bool) -> Iterator[dict]:
    with open(corpus / "pii_physionet_deid_nursing_notes" / "physionet_deid_gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            note = json.loads(line)
            if bool(note["spans"]) != with_phi:
                continue
            text = note["text"]
            spans = []
            for s in note["spans"]:
                label = s["entity_type"]
                gold = PHYSIONET_MAP.get(label)
                if gold == "AGE" and not number_over_89(s["text"]):
                    gold = None
                if gold is None:  # DateYear, young ages
                    assert text[s["start"]:s["end"]] == s["text"]
                    continue
                spans.append(make_span(text, s["start"], s["end"], s["text"], gold, label))
            spans = finish(text, spans, merge=True)
            for span in spans:  # classify after merging, so "Holy Cross" is seen whole
                if span["type"] == "LOCATION":
                    span["type"] = _physionet_location(text, span["start"], span["end"])
            yield {"id": f"physionet-{note['id']}", "text": text, "spans": finish(text, spans, merge=True),
                   "source": "physionet" if with_phi else "physionet_nophi"}


def physionet(corpus: Path) -> Iterator[dict]:
    return _physionet_notes(corpus, with_phi=True)


def physionet_nophi(corpus: Path) -> Iterator[dict]:
    return _physionet_notes(corpus, with_phi=False)


# ---------------------------------------------------------------- ABCD
def abcd(corpus: Path) -> Iterator[dict]:
    with open(corpus / "pii_abcd_callcenter_sample" / "abcd_sample_derived_spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            convo = json.loads(line)
            for t, turn in enumerate(convo["turns"]):
                text = turn["text"]
                spans = []
                for s in turn["spans"]:
                    gold = ABCD_MAP.get(s["entity_type"])
                    assert text[s["start"]:s["end"]] == s["text"], (convo["convo_id"], t, s)
                    if gold:
                        spans.append(make_span(text, s["start"], s["end"], s["text"], gold, s["entity_type"]))
                yield {"id": f"abcd-{convo['convo_id']}-{t:02d}", "text": text,
                       "spans": finish(text, spans), "source": "abcd"}


CONVERTERS: dict[str, Callable[[Path], Iterator[dict]]] = {
    "presidio_synth": presidio_synth,
    "slurp": slurp,
    "physionet": physionet,
    "physionet_nophi": physionet_nophi,
    "abcd": abcd,
}


def convert(name: str, corpus: Path = CORPUS, limit: int | None = None) -> Iterator[dict]:
    """Gold rows of corpus `name`, the first `limit` of them when given."""
    rows = CONVERTERS[name](corpus)
    for i, row in enumerate(rows):
        if limit is not None and i >= limit:
            return
        yield row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", choices=sorted(CONVERTERS))
    parser.add_argument("out", type=Path, help="output .jsonl (keep it outside the repository)")
    parser.add_argument("--limit", type=int, default=None, help="convert only the first N rows")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"shared corpus folder (default {CORPUS})")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"corpus folder not found: {args.corpus}")
    rows = spans = 0
    types: collections.Counter[str] = collections.Counter()
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in convert(args.name, args.corpus, args.limit):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += 1
            spans += len(row["spans"])
            types.update(s["type"] for s in row["spans"])
    print(f"{args.name}: {rows} rows, {spans} spans -> {args.out}", file=sys.stderr)
    for gold_type, n in types.most_common():
        print(f"  {gold_type:24}{n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
