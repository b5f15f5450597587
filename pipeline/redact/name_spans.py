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
from wordfreq import zipf_frequency

from ..types import PiiSpan
from . import names

# Particles inside names of many origins (Arabic, Dutch, German, Irish, Vietnamese, Spanish …).
PARTICLES = frozenset("bin ibn bint binti al el abu abd van von der den ter ten zu de del della dela di da "
                      "das dos du la le los las mac mc ní nic ó ua thi văn".split())
# Particles that are common English words too: they join two name parts but never start a name.
_INSIDE_ONLY = frozenset("van de la le da do".split())
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_GAP = re.compile(r"[ \t]+")
_HYPHENATED = re.compile(r"-([^\W\d_][\w'’]*)")
_WORD_CHAR = re.compile(r"[\w'’-]")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")
# One word listed between two names: ", Tam, and " / ", Tam, ".
_LISTED_BETWEEN = re.compile(r",[ \t]+([^\W\d_][\w'’-]*),?[ \t]+(?:and|or)[ \t]+$"
                             r"|,[ \t]+([^\W\d_][\w'’-]*),[ \t]+$")
# The other party of a case title: "Okafor v. Lindqvist", "smith versus okafor".
_VERSUS = r"[ \t]+(?:v|vs|versus)\.?[ \t]+"
_VERSUS_AFTER = re.compile(_VERSUS + r"([^\W\d_][\w'’-]*)")
_VERSUS_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)" + _VERSUS + "$")
MAX_GROWTH = 4  # words added on each side


def _next_word(text: str, end: int) -> re.Match | None:
    """The word right after offset `end`, across spaces only (not a comma or a full stop)."""
    gap = _GAP.match(text, end)
    return _WORD.match(text, gap.end()) if gap else None


def _previous_word(text: str, start: int) -> re.Match | None:
    """The word right before offset `start`, across spaces only. Only the spaces and the word
    are read, never the text before them: this runs for every name in a long transcript."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == start:
        return None
    j = i
    while j > 0 and _WORD_CHAR.match(text[j - 1]):
        j -= 1
    return _WORD_BEFORE.search(text, j, start)


def _name_part(word: str) -> bool:
    """A word that is part of a name: listed and no everyday word, or unlisted and written as a
    name ("Kallergis"; not "comma", "sxning" or "PO" in a note); never a title."""
    if word.lower() in names.TITLES or not names.is_name_word(word):
        return False
    return names.is_name(word) or (word[:1].isupper() and word[1:].islower())


def _syllables(word: str) -> bool:
    """Short hyphenated syllables, the way given names of East Asian origin are written ("ji-woo",
    "mei-ling")."""
    parts = word.split("-")
    return len(parts) > 1 and all(0 < len(p) <= 4 and p.isalpha() and zipf_frequency(p.lower(), "en") < names.EVERYDAY_ZIPF
                                  for p in parts)


def _rare_first_name(word: str) -> bool:
    """A listed first name that is no everyday word, even if frequent ("rosa" before "elena")."""
    low = word.lower()
    return low not in names.WORD_LIKE and low not in STOP_WORDS and zipf_frequency(low, "en") < names.EVERYDAY_ZIPF


def _joins_name(part: str, text: str, start: int, end: int) -> bool:
    """Whether `part`, written after a hyphen at `end`, belongs to the name text[start:end]: a
    capital, no everyday word, a listed surname ("adeyemi-clarke"), or a short syllable after a
    capitalised letter ("Min-jun")."""
    if part[0].isupper() or not names.is_common_word(part) or names.plain(part) in names.last_names():
        return True
    return len(part) <= 4 and text[end - 1].isalpha() and _WORD.findall(text[start:end])[-1][0].isupper()


def grow(text: str, span: PiiSpan) -> PiiSpan:
    """`span` (a PERSON) grown over the name parts that adjoin it."""
    start, end = span.start, span.end
    for _ in range(MAX_GROWTH):  # forward: "-jun", "al farsi", "van der merwe", "thi lan"
        hyphen = _HYPHENATED.match(text, end)
        if hyphen and _joins_name(hyphen.group(1), text, start, end):
            end = hyphen.end()  # "Min-jun", "adebayo-martins"; not "Patel de-escalated"
            continue
        last = _WORD.findall(text[start:end])
        following = _next_word(text, end)
        if following is None:
            break
        if last and last[-1].lower() in PARTICLES:
            end = following.end()  # the span ends in a particle: the name goes on
            continue
        particle = following.group(0).lower() in PARTICLES or following.group(0) == "o"
        after = _next_word(text, following.end()) if particle else None
        if after is not None and following.group(0) == "o" and not names.is_name_word(after.group(0)):
            break  # "o" joins only a word no list knows: "derrick o coighin", not "five o two"
        if after is not None and after.group(0).lower() not in PARTICLES | STOP_WORDS:
            end = after.end()
            continue
        if not particle and _name_part(following.group(0)):
            end = following.end()  # "milena petrović", "Demetrios Kallergis"
            continue
        break
    for _ in range(MAX_GROWTH):  # backward: "ó súilleabháin", "rosa elena martínez"
        previous = _previous_word(text, start)
        if previous is None:
            break
        word = previous.group(1)
        first_name = word.lower() in names.first_names() and (word[0].isupper() or _rare_first_name(word))
        if (word.lower() in PARTICLES and word.lower() not in _INSIDE_ONLY) or _name_part(word) or first_name \
                or _syllables(word) \
                or (word == "o" and names.is_name_word(text[start:end].split()[0])):
            start = previous.start(1)
            continue
        break
    return span if (start, end) == (span.start, span.end) else PiiSpan(span.entity, start, end, span.score)


def _alongside(text: str, people: Sequence[PiiSpan]) -> list[PiiSpan]:
    """Names that stand beside found ones: one word in a list between two names ("Ronnie, Tam,
    and Kenny Okafor") and the other party of a case title ("Okafor v. Lindqvist")."""
    found = []
    for left, right in zip(people, people[1:]):
        between = _LISTED_BETWEEN.match(text, left.end, right.start)
        word = between and (between.group(1) or between.group(2))
        if word and (names.is_name_word(word) or names.is_name(word)):
            at = text.index(word, left.end)
            found.append(PiiSpan("PERSON", at, at + len(word), min(left.score, right.score)))
    for span in people:
        after = _VERSUS_AFTER.match(text, span.end)
        before = _VERSUS_BEFORE.search(text, max(0, span.start - 40), span.start)
        for party in (after, before):
            if party is not None and names.is_name_word(party.group(1)):
                found.append(PiiSpan("PERSON", party.start(1), party.end(1), span.score))
    return found


def whole_names(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """`spans` with every PERSON grown to the whole name around it, and the names beside them."""
    people = sorted((s for s in spans if s.entity == "PERSON"), key=lambda s: (s.start, s.end))
    more = _alongside(text, people) if people else []
    return [grow(text, s) if s.entity == "PERSON" else s for s in [*spans, *more]]
