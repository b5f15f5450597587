"""The redactor's shortcuts for speed give what the plain ways they replace give.

Each shortcut (a word that can start no code, a word that starts no city, a correction read in
place, a context enhancer skipped without lemmas) is checked against the plain way on drawn
text: the same spans, scores and labels.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import RedactOptions
from pipeline.redact import Redactor, corrections, spoken
from pipeline.redact.recognizers import city
from pipeline.types import PiiSpan

WORDS = ("the", "my", "number", "is", "six", "oh", "double", "five", "twenty", "two", "A", "b", "x", "ray", "as",
         "in", "Sam", "-", "cv", "BCX", "448", "MRN", "mg", "HDL", "star", "pound", "alpha", "bravo", "a",
         "hundred", "no", "wait", "sorry", "I", "mean", ",", ".", "apartment", "in", "quincy", "kings", "county",
         "new", "york", "san", "francisco", "california", "moved", "to", "from", "reading", "Springfield", "uh",
         "um", "dash", "slash", "4b", "12th", "nineteen", "eighty", "seven", "teen", "oak", "street", "Ave")
text = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
SETTINGS = settings(max_examples=300, derandomize=True, deadline=None, database=None)


class _Everything:
    """A set that holds every word: turns a shortcut's "can't be" test off."""

    def __contains__(self, word: object) -> bool:
        return True


@SETTINGS
@given(text)
def test_code_runs_match_the_plain_symbol_reading(said):
    fast = spoken.code_runs.__wrapped__(said)
    saved = spoken._SAID
    spoken._SAID = _Everything()  # every word read through all the cases, as before the shortcut
    try:
        assert spoken.code_runs.__wrapped__(said) == fast
    finally:
        spoken._SAID = saved


@SETTINGS
@given(text)
def test_cities_match_without_the_first_word_filter(said):
    recognizer = city.CityRecognizer()
    fast = list(recognizer.find(said))
    saved = city._first_words
    city._first_words = _Everything
    try:
        assert list(recognizer.find(said)) == fast
    finally:
        city._first_words = saved


def _corrected_plain(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """`corrections.corrected` as it was: every gap sliced out and split into words."""
    def is_correction(gap: str) -> bool:
        words = [w.lower() for w in corrections._WORD.findall(gap)]
        return 0 < len(words) <= corrections.MAX_GAP_WORDS and any(w in corrections.MARKERS for w in words) \
            and all(w in corrections.CONNECTIVES for w in words)

    codes = [s for s in spans if s.entity in corrections.CODE_TYPES]
    if not codes:
        return list(spans)
    extra = []
    for run in spoken.code_runs(text):
        if len(run.value) < corrections.MIN_SYMBOLS or any(s.start < run.end and run.start < s.end for s in spans):
            continue
        for span in codes:
            gap = text[span.end:run.start] if span.end <= run.start else text[run.end:span.start]
            if is_correction(gap):
                extra.append(PiiSpan(span.entity, run.start, run.end, round(span.score - 0.05, 3)))
                break
    return [*spans, *extra]


@SETTINGS
@given(text, st.lists(st.tuples(st.sampled_from(["PHONE_NUMBER", "ID", "PERSON"]), st.integers(0, 300),
                                st.integers(0, 12)), max_size=6))
def test_corrections_match_the_sliced_reading(said, drawn):
    spans = sorted({PiiSpan(entity, start, start + length, 0.8) for entity, start, length in drawn
                    if start + length <= len(said)}, key=lambda s: (s.start, s.end, s.entity))
    assert corrections.corrected(said, spans) == _corrected_plain(said, spans)


GAP_WORDS = ("no", "wait", "uh", "i", "mean", "sorry", "it's", "the", "number", "should", "be", "pizza", ",", "...")


@SETTINGS
@given(st.lists(st.sampled_from(GAP_WORDS), max_size=10).map(" ".join), st.booleans())
def test_corrections_match_the_sliced_reading_across_a_gap(gap, code_first):
    first, second = "six one seven five five", "six one eight two two"
    said = f"call {first} {gap} {second} thanks"
    at = said.index(first) if code_first else said.index(second)
    spans = [PiiSpan("PHONE_NUMBER", at, at + len(first if code_first else second), 0.85)]
    assert corrections.corrected(said, spans) == _corrected_plain(said, spans)


@pytest.fixture(scope="module")
def redactor():
    return Redactor(RedactOptions())


@pytest.mark.parametrize("said", [
    "call me on 212-555-0134, my licence is A1234567 and the card 4111 1111 1111 1111",
    "SSN 078-05-1120, passport 912803456, iban GB82 WEST 1234 5698 7654 32, ip 10.0.0.12",
    "NURSING NOTE: BP 120/80, PHONE 617 555 0134, MRN 3390127, SEEN BY DR SMITH ON 3/14/2024",
])
def test_analysis_is_the_same_with_presidios_own_enhancer(redactor, said, monkeypatch):
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    def spans():
        return [(s.entity, s.start, s.end, s.score) for s in redactor.find(said)]

    gated = spans()
    monkeypatch.setattr(redactor._engine, "context_aware_enhancer", LemmaContextAwareEnhancer())
    assert spans() == gated
    assert gated


def test_long_gap_is_no_correction():
    said = "my number is six one seven " + "and " * 5000 + "no wait six one eight five five five"
    assert not corrections._is_correction(said, 0, len(said))
    assert corrections._is_correction(" , no, I mean ", 0, 14)
    assert not corrections._is_correction("", 0, 0)


def test_recognizers_below_the_threshold_change_nothing():
    from pipeline.redact.engine import _analyzer, nlp_engine

    pruned, full = _analyzer(False, False, 0.35), _analyzer(False, False, 0.0)
    assert {r.name for r in full.registry.recognizers} - {r.name for r in pruned.registry.recognizers} \
        == {"UsLicenseRecognizer", "UsPassportRecognizer", "UsBankRecognizer"}
    said = "licence A1234567 and passport 912803456, account 123456789012, dl 12345678, id X12-345-678"
    artifacts = nlp_engine().process_text(said, "en")

    def found(engine):
        return sorted((r.entity_type, r.start, r.end, r.score) for r in engine.analyze(
            text=said, language="en", nlp_artifacts=artifacts, score_threshold=0.35))

    assert found(pruned) == found(full)
    assert [r for r in full.analyze(text=said, language="en", nlp_artifacts=artifacts, score_threshold=0.0)
            if r.entity_type in ("US_DRIVER_LICENSE", "US_PASSPORT", "US_BANK_NUMBER")]  # they do match, below it

