"""Phone and fax numbers, written or spoken ("six one seven five five five zero one three four"),
including international written forms ("699 956 915", "(37) 788-063", "+44 20 7946 0958"), their
extensions, area codes said apart and hospital bleeps ("bleep 4471").
"""

import re
from typing import Iterable

from ..spoken import CodeRun, code_runs, context_distance, words_after
from .base import AMOUNT_WRITTEN, ContextCodeRecognizer, looks_like_quantity

_WRITTEN = re.compile(r"(?<![\w.-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?![\w-]|\.\d)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"^(19|20)\d\d$")
_CLOCK = re.compile(r"^([01]\d|2[0-4])[0-5]\d$")
# Words right before a short number that make it a phone number of its own: an area code said
# apart, an internal extension, a hospital bleep or pager.
SHORT_CONTEXT = ("area code", "bleep", "bleep number", "pager", "pager number", "beeper", "extension", "ext")
_SHORT_CUE = re.compile(r"\b(?:area code|bleep|pager|beeper|extension|ext|ending|ends|last four)\b", re.IGNORECASE)
# The last four digits of a phone number named a few words before ("the phone on file, ending 0144").
LAST_FOUR = ("ending", "ending in", "ends in", "last four", "last four digits", "last four are")
PHONES = ("phone", "mobile", "cell", "number on file", "landline", "phone number")
# Between two parts of one number: "area code four one five then five five five …", "two oh six area code then …",
# "… oh one four four extension two".
_JOINS = re.compile(r"[\s,.]*(?:area code[\s,.]*)?(then|extension|ext\.?|x)[\s,.:]*", re.IGNORECASE)
# Paging someone "on" a number: "please page Dr. Nakamura on 2719", "bleep the registrar on four four one two".
_PAGED = re.compile(r"\b(?:page|bleep)[ \t]+(?:(?:Dr|Mr|Mrs|Ms|Mx)\.|[^.?!\n\d]){1,40}?[ \t]on[ \t]+", re.IGNORECASE)
# "plus" said before an international number: "plus two three three two oh five …".
_PLUS = re.compile(r"\bplus[ \t]+\Z", re.IGNORECASE)
# Words that make a phone-length number an amount after all: "two billion", "$4,500,000,000".
_SCALE = re.compile(r"\b(?:thousand|million|billion|point)\b", re.IGNORECASE)


class SpokenPhoneRecognizer(ContextCodeRecognizer):
    """10 or 11 digits anywhere; 7 digits (or 3-digit area codes) after a phone context word."""

    ENTITY = "PHONE_NUMBER"
    CONTEXT = ("phone", "number", "call", "reach", "cell", "mobile", "fax", "text", "telephone", "contact",
               "callback", "call back", "dial", "extension", "landline")
    MIN_SYMBOLS = 7
    MAX_SYMBOLS = 12
    MIN_DIGITS = 7
    ALLOW_LETTERS = False
    NO_CONTEXT_LENGTHS = (10, 11)
    NO_CONTEXT_SCORE = 0.7

    def find(self, text: str):
        found = [(start, end, score) for start, end, score in super().find(text)
                 if not AMOUNT_WRITTEN.fullmatch(text[start:end])]  # "call it 4,500,000,000"
        found += [(run.start, run.end, self.NO_CONTEXT_SCORE) for run in code_runs(text)
                  if _phone_despite_amount_words(text, run)]
        found += _written(text)
        found += _short_numbers(text)
        found += _paged(text)
        found = [(_with_plus(text, start), end, score) for start, end, score in found]
        yield from found
        yield from _joined(text, found)


def _phone_despite_amount_words(text: str, run: CodeRun) -> bool:
    """A number of phone length that reads as an amount only by a word beside it, which a number
    this long cannot be: "617, 555, 01, 34 per wife", "eight hundred five five five zero one nine
    nine" (toll-free), "… five five five, oh one hundred"."""
    if run.letters or run.digits not in SpokenPhoneRecognizer.NO_CONTEXT_LENGTHS or not looks_like_quantity(text, run):
        return False
    said = text[run.start:run.end]
    before = text[max(0, run.start - 2):run.start]
    return said.lower().count("hundred") <= 1 and not _SCALE.search(said) and not AMOUNT_WRITTEN.fullmatch(said) \
        and not any(sign in before for sign in "$£€")


def _written(text: str) -> Iterable[tuple[int, int, float]]:
    """Phone numbers written with digit groups: "(617) 555-0198", "+44 20 7946 0958"."""
    for match in _WRITTEN.finditer(text):
        digits = sum(c.isdigit() for c in match.group(0))
        has_format = "(" in match.group(0) or "+" in match.group(0) or match.group(0).count(" ") + match.group(0).count("-") >= 1
        groups = re.split(r"[ .()+-]+", match.group(0).strip("()+ "))
        years = all(_YEAR.match(g) or _CLOCK.match(g) for g in groups if g)  # "2019 2020", "1900-0700"
        dotted_quad = match.group(0).count(".") == 3  # an IP address
        if 7 <= digits <= 13 and has_format and not _ISO_DATE.search(match.group(0)) and not years \
                and not dotted_quad:
            yield match.start(), match.end(), 0.5


def _short_numbers(text: str) -> Iterable[tuple[int, int, float]]:
    """Three to six digits right after "area code", "bleep", "pager" or "extension", or three
    before "area code" ("it's two oh six area code then …"); the last four of a phone number
    ("the phone on file, ending 0144")."""
    if not _SHORT_CUE.search(text):
        return
    for run in code_runs(text):
        if run.letters or not 3 <= run.digits <= 6 or looks_like_quantity(text, run, years=False):
            continue
        distance = context_distance(text, run.start, SHORT_CONTEXT, 2)
        if (distance is not None and distance <= 1 or run.digits == 3 and words_after(text, run.end, 2) == [
                "area", "code"]) and not looks_like_quantity(text, run):
            yield run.start, run.end, 0.6
        elif run.digits == 4 and context_distance(text, run.start, LAST_FOUR, 4) == 0 \
                and context_distance(text, run.start, PHONES, 8) is not None:
            yield run.start, run.end, 0.9  # over a card's "ending": the phone named is nearer


def _with_plus(text: str, start: int) -> int:
    """Where a number begins once a "plus" said right before it is taken in."""
    plus = _PLUS.search(text, max(0, start - 8), start)
    return plus.start() if plus else start


def _paged(text: str) -> Iterable[tuple[int, int, float]]:
    """Four or five digits someone is paged or bleeped on: "page Dr. Nakamura on 2719"."""
    if "page" not in text.lower() and "bleep" not in text.lower():
        return
    runs = {run.start: run for run in code_runs(text)}
    for match in _PAGED.finditer(text):
        run = runs.get(match.end())
        if run is not None and not run.letters and 4 <= run.digits <= 5 and not looks_like_quantity(text, run):
            yield run.start, run.end, 0.6


def _joined(text: str, found: list[tuple[int, int, float]]) -> Iterable[tuple[int, int, float]]:
    """A phone number and what "then" or "extension" joins to it, as one span: the rest of a
    ten or eleven digit number after "then", or an extension's one to six digits."""
    if not found or not _JOINS.search(text):
        return
    runs = {run.start: run for run in code_runs(text)}
    by_end = {run.end: run for run in runs.values()}
    for start, end in sorted({(start, end) for start, end, _ in found}):
        join = _JOINS.match(text, end)
        nxt = runs.get(join.end()) if join and join.end() > end else None
        if nxt is None or nxt.letters:
            continue
        if join.group(1).lower() == "then":
            first = by_end.get(end)
            if first is None or first.digits + nxt.digits not in SpokenPhoneRecognizer.NO_CONTEXT_LENGTHS:
                continue
        elif nxt.digits > 6:
            continue
        if "area" in join.group(0).lower():
            yield nxt.start, nxt.end, 0.6  # "two oh six area code then five five five …": the words stay
        else:
            yield start, nxt.end, 0.6
