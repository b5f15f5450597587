"""Cities, towns and counties in any case: "in somerville", "pasadena california", "Kings County".

Capitalised place names are spaCy's; this catches the lower-case ones speech recognizers
write, from a US gazetteer and a world one (towns of 1,000 people or more: "in tralee", "from
chorlton", "the connection in frankfurt"), when the words around them say it is a place, and
the towns that close a written address before its postcode (", Freiburg 79098", ", Pune 411057").
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .. import names
from ..places import NOT_IDENTIFYING, STATE_CODES, STATES
from ..places_us import us_cities, us_county_names
from ..places_world import first_words as world_first_words, fold, is_place_name
from ..spoken import FILLERS, Tok, code_runs, tokens
from .base import SpokenRecognizer
from .street_address import SUFFIXES, UNITS, street_spans
from .zip_code import postcode_spans

PREPOSITIONS = frozenset("in to from near at outside around of toward towards into live lives living moved "
                         "based located".split())
SITES = frozenset("office team branch site campus clinic location hospital store plant warehouse pd police airport "
                  "council depot factory facility lab studio hq headquarters court".split())
# Words before a city and a site that make the two one place ("the Tucson PD", "our singapore office").
DETERMINERS = frozenset("the our their your my his her".split())
# Words between two towns named in a row ("in ikeja then lekki", "from leeds or york").
LIST_WORDS = frozenset("and or then ,".split())
# Words before a town that belong to its name ("south weymouth"), after a preposition.
DIRECTION_PREFIXES = frozenset("north south east west upper lower".split())
# Japanese wards and cities as written ("Minato-ku", "Kawasaki-shi").
_WARD = re.compile(r"\b[A-Z][a-z]+-(?:ku|shi|cho|machi|gun)\b")
_STATE_WORDS = {tuple(s.split()) for s in STATES}
# US city names that are everyday English words: only capitalised do they count as places.
WORD_CITIES = frozenset("""reading mobile orange independence union paradise commerce normal surprise enterprise
liberty temple mission highland garland university college park center centre deal bay lake beach harbor gardens
springs valley hills heights village plains city town national republic victory justice opportunity
superior east west north south""".split())
# Words before a town of the world gazetteer: fewer than for US cities ("a dose of lasix").
WORLD_PREPOSITIONS = PREPOSITIONS - {"of", "into", "toward", "towards"}

@functools.lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every gazetteer city and county: no match can start at another word."""
    return frozenset(name.split(" ")[0].split("-")[0] for name in us_cities() | us_county_names())


def _name_at(text: str, toks: tuple[Tok, ...], i: int, size: int) -> str | None:
    """The `size` tokens from i as a place's name in lower case: words, perhaps joined by
    hyphens ("bury st edmunds", "brumov-bylnice", "stratford-upon-avon"), or None."""
    part = toks[i:i + size]
    if len(part) < size or not (part[0].text.isalpha() and part[-1].text.isalpha()):
        return None
    for k, tok in enumerate(part):
        if not tok.text.isalpha() and not (tok.text == "-" and part[k - 1].end == tok.start == part[k + 1].start - 1):
            return None
    return part[0].low if size == 1 else " ".join(text[part[0].start:part[-1].end].lower().split())


class _Bounds:
    """Where the text's street addresses end and its postcodes start: a town stands beside them."""

    def __init__(self, text: str) -> None:
        spans = street_spans(text)
        # not where a part ends inside a longer address ("Apartment 4, 19 | Pembroke Road")
        self.address_ends = frozenset(end for _, end, _ in spans if not any(s < end < e for s, e, _ in spans))
        self.postcode_starts = frozenset(start for start, _, _ in postcode_spans(text))
        self.place_end = -1  # where the last town found ends


def _state_after(toks: tuple[Tok, ...], j: int) -> bool:
    if j < len(toks) and toks[j].text == ",":
        j += 1
    if j < len(toks) and toks[j].text in STATE_CODES:
        return True
    return any(tuple(t.low for t in toks[j:j + len(words)]) == words for words in _STATE_WORDS)


class CityRecognizer(SpokenRecognizer):
    """A gazetteer city after a place preposition, after a street address, or before a state."""

    ENTITY = "LOCATION"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        toks = tokens(text)
        cities, counties, firsts, world_firsts = us_cities(), us_county_names(), _first_words(), world_first_words()
        bounds = _Bounds(text)
        i = 0
        while i < len(toks):
            # a town of the world gazetteer only after a preposition, a comma, an address or a
            # determiner (the cheap test first)
            low = toks[i].low
            if low not in firsts and not ((low in world_firsts or (not low.isascii() and fold(low) in world_firsts))
                                          and i > 0 and (
                    toks[i - 1].text == "," or toks[i - 1].low in WORLD_PREPOSITIONS or toks[i - 1].low in FILLERS
                    or toks[i - 1].low in DETERMINERS or toks[i - 1].low in DIRECTION_PREFIXES
                    or toks[i - 1].end in bounds.address_ends or toks[i - 1].low in LIST_WORDS)):
                i += 1
                continue
            matched = 0
            hyphens = any(t.text == "-" for t in toks[i + 1:i + 4])
            for size in (5, 4, 3, 2, 1) if hyphens else (3, 2, 1):
                name = _name_at(text, toks, i, size)
                if name is not None:
                    if i + size < len(toks) and toks[i + size].low in ("county", "parish") and name in counties:
                        yield toks[i].start, toks[i + size].end, 0.8
                        matched = size + 1
                        break
                    state_next = i + size < len(toks) and toks[i + size].low == "state"
                    at = i - 1 if i > 0 and toks[i - 1].low in DIRECTION_PREFIXES else i  # "in south weymouth"
                    if at < i and f"{toks[at].low} {name}" in NOT_IDENTIFYING:
                        break  # "North Carolina", "West Virginia": a state
                    placed = name in cities and not state_next and (
                        self._placed(toks, i, size) or (at < i and self._placed(toks, at, size + 1)))
                    if placed or (not state_next and is_place_name(name, toks[i].text[0].isupper()) and (
                            self._world_placed(text, toks, i, size, bounds)
                            or (at < i and self._world_placed(text, toks, at, size + 1, bounds)))):
                        # above spaCy's 0.85, so "in quincy" reads as the place, not a person called Quincy
                        start = toks[at].start if at < i and self._after_preposition(toks, at) else toks[i].start
                        yield start, toks[i + size - 1].end, 0.86
                        bounds.place_end = toks[i + size - 1].end
                        matched = size
                        break
            i += matched or 1
        if "-" in text:
            for match in _WARD.finditer(text):
                yield match.start(), match.end(), 0.8

    @staticmethod
    def _after_preposition(toks: tuple[Tok, ...], i: int) -> bool:
        back = [t.low for t in toks[max(0, i - 3):i] if t.low not in FILLERS][-1:]
        return bool(back) and back[0] in PREPOSITIONS

    @staticmethod
    def _world_placed(text: str, toks: tuple[Tok, ...], i: int, size: int, bounds: _Bounds) -> bool:
        """Whether a world-gazetteer town stands where a place does: after "in", "from", "near" …,
        right after a street address ("… rimu road whangarei"), between a comma and a postcode
        (", Bengaluru 560038", ", Bury St Edmunds, IP33 1LU"), or between "the" and a site
        ("the galway office")."""
        back = [t.low for t in toks[max(0, i - 3):i] if t.low not in FILLERS][-1:]
        if back and back[0] in WORLD_PREPOSITIONS:
            return True
        if i > 0 and toks[i - 1].end in bounds.address_ends:
            return True
        if i > 1 and toks[i - 1].low in LIST_WORDS and toks[i - 2].end == bounds.place_end:
            return True  # "we lived in ikeja then lekki"
        after = toks[i + size] if i + size < len(toks) else None
        if back and back[0] in DETERMINERS and after is not None and after.low in SITES:
            return True
        if i == 0 or toks[i - 1].text != "," or after is None:
            return False
        if after.text == "," and i + size + 1 < len(toks):
            after = toks[i + size + 1]
        if after.start in bounds.postcode_starts:
            return True
        run = next((r for r in code_runs(text) if r.start == after.start), None)
        return run is not None and not run.letters and 4 <= run.digits <= 6

    @staticmethod
    def _placed(toks: tuple[Tok, ...], i: int, size: int) -> bool:
        """Whether the words around a gazetteer match say it is a place."""
        capitalised = all(t.text[0].isupper() for t in toks[i:i + size] if t.text != "-")
        word = toks[i].low
        if size == 1 and not capitalised and (word in WORD_CITIES or word in STOP_WORDS):
            return False  # "reading", "mobile", "orange" as words
        if _state_after(toks, i + size):
            return True
        back = [t.low for t in toks[max(0, i - 3):i] if t.text not in (",",)]
        if back and back[-1] in PREPOSITIONS:
            return True
        after = toks[i + size].low if i + size < len(toks) else ""
        if back and back[-1] in DETERMINERS and after in SITES:
            return True  # "from the osaka office", "the Tucson PD"
        return any(w in SUFFIXES or w in UNITS for w in back[-3:]) and not (size == 1 and names.is_name(toks[i].text))
