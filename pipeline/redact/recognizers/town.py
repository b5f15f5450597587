"""Towns no gazetteer lists, found by where they stand and how they are made: the words between a
street address and its state or postcode ("… Wade Drives, Frankton 15521"), the town after a
postcode that follows an address ("… Gasse 155, 99009 Sonneberg"), and after "in", "from",
"near" a word built like an English place name ("Taylormouth", "jacksonhaven") or a name after
"New", "Port", "Lake", "North" … ("lake ashley", "Port Ryan": Lake Charles, Port Arthur).
"""

from __future__ import annotations

import bisect
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .. import names
from ..clinical import is_clinical_term
from ..places import NOT_IDENTIFYING, PROVINCES, REGION_CODES, STATES
from ..spoken import FILLERS, DIGIT_WORDS, Tok, tokens
from .base import SpokenRecognizer
from .street_address import street_spans
from .zip_code import CODE_LABELS, postcode_spans

# How English place names end (-mouth, -borough, -haven): a word so made that is no everyday word.
PLACE_ENDINGS = ("mouth", "borough", "brough", "burgh", "burg", "bury", "chester", "caster", "cester", "haven",
                 "ville", "ton", "town", "field", "ford", "port", "stad", "furt", "side", "land", "berg", "view",
                 "wood", "dale", "minster", "wick", "worth", "stead", "shire")
# Endings of English place names that no everyday word or drug has ("-side": "bedside"): a word no
# list knows so made, after "in", "from" or "near", is a district or village ("from ferncliff").
UNLISTED_ENDINGS = ("bridge", "cliff", "brook", "combe", "hurst", "thorpe", "wich", "ham", "ley")
# Not after "at" or "to": "at ecobridge bank" names a business.
UNLISTED_BEFORE = frozenset("in from near".split())
# First words of place names made of a word and a name ("Lake Charles", "Port Arthur", "New Bern").
PLACE_PREFIXES = frozenset("new north south east west lake port mount fort saint sainte st san santa point "
                           "glen upper lower little great".split())
# Words after which a place follows ("she's staying in …", "we moved from …").
PLACE_BEFORE = frozenset("in from near to at outside around".split())
PARTICLES = frozenset("la le de du des sur en am an der".split())
MAX_TOWN_WORDS = 3
_REGION_WORDS = frozenset(w for place in STATES + PROVINCES for w in place.split())


def built_like_a_place(word: str) -> bool:
    """A word made like an English place name, a name and an ending, that is no everyday word
    ("Tinaborough", "webbmouth")."""
    low = word.lower()
    if len(low) < 6 or not low.isalpha() or names.is_common_word(low) or is_clinical_term(low):
        return False
    # the rest is a name: "Taylor|mouth", "jackson|haven", "Tina|borough" (not "bed|side")
    return any(names.is_name(low[:-len(end)]) for end in PLACE_ENDINGS if low.endswith(end) and len(low) - len(end) >= 3)


def unlisted_place(word: str) -> bool:
    """A word no list knows that ends like an English place name ("ferncliff", "ballsbridge")."""
    low = word.lower()
    return len(low) >= 7 and low.endswith(UNLISTED_ENDINGS) and names.is_unfamiliar(low)




def _town_word(tok: Tok) -> bool:
    return tok.text.isalpha() and tok.low not in STOP_WORDS and tok.low not in DIGIT_WORDS \
        and tok.text not in REGION_CODES and tok.low not in CODE_LABELS and not is_clinical_term(tok.low)


class TownRecognizer(SpokenRecognizer):
    """A town by its place in an address or by its make; never a state, province or country."""

    ENTITY = "LOCATION"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        toks = tokens(text)
        starts = [t.start for t in toks]
        addresses = sorted((s, e) for s, e, _ in street_spans(text))
        codes = sorted({(s, e) for s, e, _ in postcode_spans(text)})
        for _, end in addresses:
            yield from self._after_address(text, toks, starts, bisect.bisect_left(starts, end), codes)
        for k, tok in enumerate(toks):
            if tok.low not in PLACE_PREFIXES and not tok.low.endswith(PLACE_ENDINGS + UNLISTED_ENDINGS):
                continue  # neither form below can start here (the cheap test first: this is every word)
            before = [t.low for t in toks[max(0, k - 3):k] if t.low not in FILLERS][-1:]
            if not before or before[0] not in PLACE_BEFORE:
                continue
            if tok.low in PLACE_PREFIXES and k + 1 < len(toks) and self._named(toks[k + 1]):
                said = f"{tok.low} {toks[k + 1].low}"
                if said not in NOT_IDENTIFYING and toks[k + 1].low not in _REGION_WORDS:
                    yield tok.start, toks[k + 1].end, 0.6  # "in lake ashley", not "in North Carolina"
            elif built_like_a_place(tok.text) or (before[0] in UNLISTED_BEFORE and unlisted_place(tok.text)):
                yield tok.start, tok.end, 0.6

    @staticmethod
    def _named(tok: Tok) -> bool:
        return tok.text.isalpha() and (names.is_name(tok.text) or built_like_a_place(tok.text)
                                       or (tok.text[0].isupper() and not names.is_common_word(tok.text)))

    @staticmethod
    def _after_address(text: str, toks: tuple[Tok, ...], starts: list[int], k: int,
                       codes: list[tuple[int, int]]) -> Iterable[tuple[int, int, float]]:
        """The town's words from token k: up to a state, province or postcode after them, or
        after a postcode that the address ends with."""
        j = k
        while j < len(toks) and (toks[j].text == "," or toks[j].low in FILLERS):
            j += 1
        code = next(((s, e) for s, e in codes if s == toks[j].start), None) if j < len(toks) else None
        if code is not None:  # "Gasse 155, 99009 Sonneberg": the town follows the postcode
            j = bisect.bisect_left(starts, code[1])
            first, last = j, j
            while last < len(toks) and last - first < MAX_TOWN_WORDS and (
                    _town_word(toks[last]) or (last > first and toks[last].low in PARTICLES)):
                last += 1
            if last > first and toks[last - 1].low not in PARTICLES and toks[first].low not in _REGION_WORDS:
                yield toks[first].start, toks[last - 1].end, 0.6
            return
        first, last = j, j
        code_starts = {s for s, _ in codes}
        while last < len(toks) and last - first < MAX_TOWN_WORDS + 3 and _town_word(toks[last]) \
                and toks[last].start not in code_starts:
            last += 1
        words = [t.low for t in toks[first:last]]
        cut = len(words)
        for size in (3, 2, 1):  # a state or province closes the town: "new evan nebraska"
            for at in range(len(words) - size, -1, -1):  # at 0: the state itself follows ("…, Arizona 85719")
                if " ".join(words[at:at + size]) in NOT_IDENTIFYING:
                    cut = min(cut, at)
        after = toks[last + 1] if last + 1 < len(toks) and toks[last].text == "," else None
        closes = cut < len(words) or (last < len(toks) and (toks[last].start in code_starts
                                                            or toks[last].text in REGION_CODES)) or (
            after is not None and (after.low in _REGION_WORDS or after.text in REGION_CODES))
        if closes and 0 < cut <= MAX_TOWN_WORDS:
            yield toks[first].start, toks[first + cut - 1].end, 0.6
