"""Property tests over lines drawn from the independent generator (tests/pii_generator.py,
written without reading the redactor): names from 34 locales, numbers, dates, addresses and
codes in the many ways people say them, and safe lines that must come through untouched.

- Families the redactor now gets right always: every drawn identifier is redacted (hypothesis
  draws the lines), and every safe phrase survives.
- The other families: a ratchet. Recall (or kept share) on 60 seeded lines may not fall below
  the floor measured when it was set; raise a floor when the family improves. The goal of
  issue 12 is 1.0 everywhere.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pii_generator as generator
from pipeline.config import RedactOptions
from pipeline.redact import Redactor

TOKEN = re.compile(r"[^\W_]+")
ALWAYS_REDACTED = ("account", "case_number", "date_full", "drivers_license", "license_number")
ALWAYS_KEPT = ("ages_under_90", "calendar_words", "counts_rooms", "money_percent", "months_not_dates", "name_words",
               "times_durations", "vitals")
# Recall (identifier families) or kept share (safe families) on seeds 1000-1059, as measured
# when set (issue 12), rounded down; a fall below is a regression.
FLOORS = {
    "address_intl": 0.40, "address_us": 0.85, "age": 0.97, "credit_card": 0.98, "date_partial": 0.93,
    "device": 0.95, "email": 0.88, "health_plan": 0.90, "ip_address": 0.80, "mixed": 0.90, "mrn": 0.98,
    "passport": 0.98, "person_full": 0.92, "person_signoff": 0.93, "person_spelled": 0.95, "person_title": 0.96,
    "person_wordlike": 0.82, "phone": 0.99, "pin": 0.85, "self_correction": 0.90, "ssn": 0.85, "url": 0.98,
    "vehicle": 0.99, "eponyms": 0.88, "labs": 0.98, "medication": 0.99, "places": 0.85,
}
EXAMPLES = settings(max_examples=25, derandomize=True, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(RedactOptions(policy="hipaa"))


def leaked(line: generator.Line, spans) -> list[str]:
    """Identifier tokens of `line` that no found span covers (types redacted under hipaa)."""
    left = []
    for start, end, kind in line.spans:
        if kind in generator.STRICT_ONLY_TYPES:
            continue
        for match in TOKEN.finditer(line.text[start:end]):
            a, b = start + match.start(), start + match.end()
            if not any(s.start < b and a < s.end for s in spans):
                left.append(line.text[a:b])
    return left


def damaged(line: generator.Line, spans) -> list[str]:
    """Keep phrases of `line` that a found span touches."""
    return [line.text[a:b] for a, b in line.keep if any(s.start < b and a < s.end for s in spans)]


def test_every_family_is_covered_by_a_check():
    families = set(generator.IDENTIFIER_FAMILIES) | set(generator.SAFE_FAMILIES)
    checked = set(ALWAYS_REDACTED) | set(ALWAYS_KEPT) | set(FLOORS) | {"organization"}  # strict policy only
    assert families == checked, families ^ checked


@pytest.mark.parametrize("family", ALWAYS_REDACTED)
@EXAMPLES
@given(rng=st.randoms(use_true_random=False))
def test_no_drawn_identifier_survives(redactor, family, rng):
    line = generator.IDENTIFIER_FAMILIES[family](rng)
    assert leaked(line, redactor.find(line.text)) == [], line.text


@pytest.mark.parametrize("family", ALWAYS_KEPT)
@EXAMPLES
@given(rng=st.randoms(use_true_random=False))
def test_safe_phrases_survive(redactor, family, rng):
    line = generator.SAFE_FAMILIES[family](rng)
    assert damaged(line, redactor.find(line.text)) == [], line.text


@pytest.mark.parametrize("family", sorted(FLOORS))
def test_family_does_not_fall_below_its_floor(redactor, family):
    make = generator.IDENTIFIER_FAMILIES.get(family) or generator.SAFE_FAMILIES[family]
    lines = [make(random.Random(1000 + n)) for n in range(60)]
    found = redactor.find_many([line.text for line in lines])
    if family in generator.IDENTIFIER_FAMILIES:
        total = sum(len(TOKEN.findall(line.text[s:e])) for line in lines for s, e, k in line.spans
                    if k not in generator.STRICT_ONLY_TYPES)
        share = 1 - sum(len(leaked(line, spans)) for line, spans in zip(lines, found)) / total
    else:
        share = 1 - sum(len(damaged(line, spans)) for line, spans in zip(lines, found)) / sum(len(x.keep) for x in lines)
    assert share >= FLOORS[family], f"{family}: {share:.3f} < {FLOORS[family]}"
