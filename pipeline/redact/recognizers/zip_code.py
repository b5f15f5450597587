"""ZIP and postal codes, spoken or written: after "zip"/"postal code", or closing an address
("... pasadena nine one one oh four", "Plano, Texas 75023", "Hartford, CT 06101", "Perth,
Western Australia 6000", "Shimla, Himachal Pradesh 171001"), and British and Canadian
postcodes as written ("LS1 4AB", "K1A 0B1").
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from ..names import plain
from ..places import PROVINCES, STATE_CODES, STATES
from ..places_us import us_cities
from ..places_world import is_place_name
from ..spoken import DIGIT_WORDS, FILLERS, UNITS, CodeRun, code_runs, tokens, words_before
from .base import AMOUNT_WRITTEN, ContextCodeRecognizer, looks_like_quantity
from .street_address import SUFFIXES, street_spans

_STATE_LAST_WORDS = frozenset(s.split()[-1] for s in STATES)
_PROVINCE_LAST_WORDS = frozenset(p.split()[-1] for p in PROVINCES)
# Written British and Canadian postcodes (upper case, as they are written).
_UK = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b")
_CANADA = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b")
# The same two forms, and Irish Eircodes ("D11 X285"), as a code run's value, letters and digits
# without spaces.
_POSTCODE_SAID = re.compile(r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2})"
                            r"|(?:[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d)"
                            r"|(?:(?:[AC-FHKNPRTV-Y]\d\d|D6W)[\dAC-FHKNPRTV-Y]{4})")
# A written postcode beside its town after a comma: before it (German, Dutch, French …) or after
# it, closing the address ("…, Sydney 2000, just across", not "…, Boston 1500 and Chicago …").
_CODE_THEN_TOWN = re.compile(r",\s*(\d{4,5})\s+([A-ZÀ-Ý][\w'’-]+)(?!\s*\d)")
# After "in" too, and with a comma between ("He lives in Cape Town, 8001, so …").
_TOWN_THEN_CODE = re.compile(r"(?:,|\bin)\s*([A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+)?),?\s+(\d{4,6})"
                             r"(?=\s*(?:[.,;:)\n]|$))(?![.,]\d)")
# Words that name a postcode just before it ("…, conjunto 72, CEP 01304-001"): no town's.
CODE_LABELS = frozenset("zip zipcode postcode cep plz pin eircode".split())
# A Brazilian CEP after its name ("CEP 01304-001").
_CEP = re.compile(r"\bCEP:?\s*(\d{5}-?\d{3})\b")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")  # ", London 2012": a year after a city
MAX_TOWN_WORDS = 5  # a town and a state or province between an address and its postcode, commas included
_BETWEEN = re.compile(r"[\w']+|,")


class ZipCodeRecognizer(ContextCodeRecognizer):
    """Five (or nine) digits after "zip", or right after a state, a city or a street address."""

    ENTITY = "ZIP_CODE"
    CONTEXT = ("zip", "zip code", "zipcode", "postal code", "postcode", "post code")
    WINDOW = 16  # "my zip is nine oh two one oh, no wait, it's nine oh two one two"
    ALLOW_LETTERS = False

    def accepts(self, run: CodeRun) -> bool:
        return not run.letters and run.digits in (5, 9)

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        return postcode_spans(text)

    def _find(self, text: str) -> Iterable[tuple[int, int, float]]:
        yield from super().find(text)
        for run in code_runs(text):
            if not self.accepts(run) or len(run.value) != run.digits or looks_like_quantity(text, run):
                continue
            before = words_before(text, run.start, 6)
            raw_before = text[max(0, run.start - 4):run.start].strip(" ,")
            if not before:
                continue
            if before[-1] in _STATE_LAST_WORDS or raw_before in STATE_CODES or before[-1] in us_cities() \
                    or any(w in SUFFIXES for w in before[-4:]):
                yield run.start, run.end, 0.7
        for run in code_runs(text):  # 4 to 6 digits after a province or state of another country
            if not run.letters and 4 <= run.digits <= 6 and not looks_like_quantity(text, run, years=False):
                before = [w for w in words_before(text, run.start, 3) if w not in FILLERS][-1:]
                if before and before[-1] in _PROVINCE_LAST_WORDS:
                    yield run.start, run.end, 0.7
        for pattern in (_UK, _CANADA):
            for match in pattern.finditer(text):
                yield match.start(), match.end(), 0.75
        for run in code_runs(text):  # said letter by letter: "l seven s three y seven", "g one four a g"
            said = text[run.start:run.end].split()
            if run.letters and len(said) > 1 and _POSTCODE_SAID.fullmatch(run.value.upper()) \
                    and all(len(w) == 1 or w.lower() in DIGIT_WORDS for w in said):  # not "D5 1/2 NS"
                yield run.start, run.end, 0.7
        yield from self._after_address(text)
        yield from self._beside_town(text)
        yield from self._said_after_town(text)
        if "CEP" in text:
            for match in _CEP.finditer(text):
                yield match.start(1), match.end(1), 0.8

    @staticmethod
    def _said_after_town(text: str) -> Iterable[tuple[int, int, float]]:
        """Four to six digits said one by one right after a listed town, the address's end
        ("… dunkeld west johannesburg two one nine six", "… mosgiel nine oh two four")."""
        toks = tokens(text)
        for run in code_runs(text):
            said = text[run.start:run.end].split()
            if run.letters or not 4 <= run.digits <= 6 or len(said) != run.digits or run.first_token == 0 \
                    or any(w.lower() not in UNITS for w in said):
                continue
            town = toks[run.first_token - 1]
            if town.text.isalpha() and (town.low in us_cities() or is_place_name(town.low, town.text[0].isupper())):
                yield run.start, run.end, 0.7

    @staticmethod
    def _beside_town(text: str) -> Iterable[tuple[int, int, float]]:
        """Four to six digits between a comma and a town, or between a town after a comma and
        the end of the address (", 63940 Meiningen", ", Freiburg 79098", ", Bengaluru 560038")."""
        if "," not in text:
            return
        for match in _CODE_THEN_TOWN.finditer(text):
            if is_place_name(plain(match.group(2)), True):
                yield match.start(1), match.end(1), 0.7
        for match in _TOWN_THEN_CODE.finditer(text):
            name = " ".join(plain(match.group(1)).split())
            if (name in us_cities() or is_place_name(name, match.group(1)[0].isupper())) \
                    and not _YEAR_LIKE.fullmatch(match.group(2)):
                yield match.start(2), match.end(2), 0.7

    @staticmethod
    def _after_address(text: str) -> Iterable[tuple[int, int, float]]:
        """Four to six digits closing an address, a town's name or two between at most
        ("… Wade Drives, Frankton 15521", "… Gasse 155, 99009 Sonneberg", "… Lauren Loop, South
        Jillstad Tasmania 2483")."""
        ends = sorted(end for _, end, _ in street_spans(text))
        if not ends:
            return
        for run in code_runs(text):
            start = run.start
            inside = [end for end in ends if run.start < end < run.end]
            if inside:  # "Gasse 155, 99009": the house number and the postcode read as one run
                rest = text[inside[-1]:run.end]
                start = inside[-1] + len(rest) - len(rest.lstrip(" ,-"))
            said = text[start:run.end]
            digits = sum(r.digits for r in code_runs(said)[:1])
            if run.letters or not 4 <= digits <= 6 or looks_like_quantity(text, run, years=False):
                continue
            k = bisect.bisect_right(ends, start) - 1
            if k < 0:
                continue
            between = [w for w in _BETWEEN.findall(text[ends[k]:start]) if w.lower() not in FILLERS]
            # "…, Sydney 2000": a round number is a postcode after its town, not straight after a street
            # "…, Sydney 2000", "… Edward Street, 4000.": a round number is a postcode after its
            # town, or after a comma that closes the address, not straight after a street
            closes = between == [","] and re.match(r"\s*(?:[.;)\n]|$)", text[run.end:])
            round_ok = any(w != "," for w in between) or closes or not AMOUNT_WRITTEN.fullmatch(said)
            if round_ok and len(between) <= MAX_TOWN_WORDS and all(
                    w == "," or (w.isalpha() and w.lower() not in STOP_WORDS) for w in between):
                yield start, run.end, 0.7


_FINDER = ZipCodeRecognizer()


@functools.lru_cache(maxsize=4)
def postcode_spans(text: str) -> tuple[tuple[int, int, float], ...]:
    """The ZIP and postal codes in `text`, found once for the recognizers that read them."""
    return tuple(_FINDER._find(text))
