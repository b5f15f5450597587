"""Shared helpers for the recognizer test tables (issue 3: one table per recognizer file).

Each table has POSITIVE rows ``(text, expected)``: the recognizer's spans must cover every
non-space character of `expected` (its first occurrence in `text`), and no span touching it
may run more than `SLACK_WORDS` words past either end. NEGATIVE rows must yield no span.
"""

from __future__ import annotations

import re
from typing import Iterable

import pytest

SLACK_WORDS = 2
_WORDS = re.compile(r"\w+")


def spans(recognizers, text: str) -> list[tuple[int, int]]:
    """(start, end) of every span that `recognizers` (one or several) yield for `text`."""
    if not isinstance(recognizers, (list, tuple)):
        recognizers = (recognizers,)
    found: list[tuple[int, int]] = []
    for recognizer in recognizers:
        if hasattr(recognizer, "find"):
            found.extend((start, end) for start, end, _ in recognizer.find(text))
        else:  # a stock-style PatternRecognizer (offline_email)
            found.extend((r.start, r.end) for r in recognizer.analyze(text, recognizer.supported_entities))
    return sorted(set(found))


def _show(text: str, found: Iterable[tuple[int, int]]) -> str:
    return ", ".join(repr(text[s:e]) for s, e in found) or "nothing"


def check_covers(recognizers, text: str, expected: str) -> None:
    start = text.find(expected)
    assert start >= 0, f"bad row: {expected!r} is not in {text!r}"
    end = start + len(expected)
    found = spans(recognizers, text)
    missed = [i for i in range(start, end) if not text[i].isspace() and not any(s <= i < e for s, e in found)]
    assert not missed, f"{expected!r} not covered in {text!r}; found {_show(text, found)}"
    for s, e in found:
        if s < end and e > start:
            extra = len(_WORDS.findall(text[s:start])) if s < start else 0
            extra = max(extra, len(_WORDS.findall(text[end:e])) if e > end else 0)
            assert extra <= SLACK_WORDS, f"span {text[s:e]!r} runs past {expected!r} in {text!r}"


def check_finds_nothing(recognizers, text: str) -> None:
    found = spans(recognizers, text)
    assert not found, f"false positive in {text!r}: {_show(text, found)}"


def table_tests(recognizers, positive, negative):
    """The two tests of every recognizer table: each POSITIVE row covered, each NEGATIVE row silent.

    ``test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)`` in a module.
    """

    @pytest.mark.parametrize("text, expected", positive)
    def test_finds(text, expected):
        check_covers(recognizers, text, expected)

    @pytest.mark.parametrize("text", negative)
    def test_finds_nothing(text):
        check_finds_nothing(recognizers, text)

    return test_finds, test_finds_nothing
