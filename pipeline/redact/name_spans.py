"""Whole names from parts: a detected name grows over the particles, hyphenated parts and listed
names around it ("khalid bin rashid al farsi", "van der merwe", "Min-jun", "rosa elena martínez").

A recognizer or spaCy often finds one or two words of a long name; the words it leaves are as
identifying as the rest. The growth is by the form of the words only (a particle, a hyphen, a
listed name that is no everyday word), never by a guess about the word.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..types import PiiSpan
from . import names

# Particles inside names of many origins (Arabic, Dutch, German, Irish, Vietnamese, Spanish …).
PARTICLES = frozenset("bin ibn bint binti al el abu abd van von der den ter ten zu de del della dela di da "
                      "das dos du la le los las mac mc ní nic ó ua thi văn".split())
# Particles that are common English words too: they join two name parts but never start a name.
_INSIDE_ONLY = frozenset("van de la le da do".split())
_WORD = re.compile(r"[^\W\d_][\w'’]*")
MAX_GROWTH = 4  # words added on each side


def _next_word(text: str, end: int) -> re.Match | None:
    """The word right after offset `end`, across spaces only (not a comma or a full stop)."""
    gap = re.match(r"[ \t]+", text[end:])
    return _WORD.match(text, end + (gap.end() if gap else 0)) if gap else None


def _previous_word(text: str, start: int) -> re.Match | None:
    """The word right before offset `start`, across spaces only."""
    head = text[:start]
    if not head or head[-1] not in " \t":
        return None
    match = re.search(r"([^\W\d_][\w'’]*)[ \t]+$", head)
    return match


def _name_part(word: str) -> bool:
    """A word that is part of a name by the lists: listed and no everyday word."""
    return names.is_name(word) and not names.is_common_word(word)


def grow(text: str, span: PiiSpan) -> PiiSpan:
    """`span` (a PERSON) grown over the name parts that adjoin it."""
    start, end = span.start, span.end
    for _ in range(MAX_GROWTH):  # forward: "-jun", "al farsi", "van der merwe", "thi lan"
        hyphen = re.match(r"-([^\W\d_][\w'’]*)", text[end:])
        part = hyphen.group(1) if hyphen else ""
        syllable = len(part) <= 4 and text[end - 1].isalpha() and _WORD.findall(text[start:end])[-1][0].isupper()
        if hyphen and (part[0].isupper() or not names.is_common_word(part) or syllable):
            end += hyphen.end()  # "Min-jun", "adebayo-martins"; not "Patel de-escalated"
            continue
        last = _WORD.findall(text[start:end])
        following = _next_word(text, end)
        if following is None:
            break
        if last and last[-1].lower() in PARTICLES:
            end = following.end()  # the span ends in a particle: the name goes on
            continue
        after = _next_word(text, following.end()) if following.group(0).lower() in PARTICLES else None
        if after is not None and after.group(0).lower() not in PARTICLES | STOP_WORDS:
            end = after.end()
            continue
        break
    for _ in range(MAX_GROWTH):  # backward: "ó súilleabháin", "rosa elena martínez"
        previous = _previous_word(text, start)
        if previous is None:
            break
        word = previous.group(1)
        capitalised = word[0].isupper() and text[start].isupper() and names.is_name(word) \
            and not names.is_common_word(word.lower()) or (word[0].isupper() and word.lower() in names.first_names())
        if (word.lower() in PARTICLES and word.lower() not in _INSIDE_ONLY) or _name_part(word) or capitalised:
            start = previous.start(1)
            continue
        break
    return span if (start, end) == (span.start, span.end) else PiiSpan(span.entity, start, end, span.score)


def whole_names(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """`spans` with every PERSON grown to the whole name around it."""
    return [grow(text, s) if s.entity == "PERSON" else s for s in spans]
