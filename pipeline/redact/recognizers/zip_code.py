"""ZIP and postal codes, spoken or written: after "zip"/"postal code", or closing an address
("... pasadena nine one one oh four", "Plano, Texas 75023", "Hartford, CT 06101", "Perth,
Western Australia 6000", "Shimla, Himachal Pradesh 171001"), and British and Canadian
postcodes as written ("LS1 4AB", "K1A 0B1").
"""

from __future__ import annotations

import re
from typing import Iterable

from ..places import PROVINCES, STATES
from ..places_us import us_cities
from ..spoken import CodeRun, code_runs, words_before
from .base import ContextCodeRecognizer, looks_like_quantity
from .city import _STATE_CODES
from .street_address import SUFFIXES

_STATE_LAST_WORDS = frozenset(s.split()[-1] for s in STATES)
_PROVINCE_LAST_WORDS = frozenset(p.split()[-1] for p in PROVINCES)
# Written British and Canadian postcodes (upper case, as they are written).
_UK = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b")
_CANADA = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b")


class ZipCodeRecognizer(ContextCodeRecognizer):
    """Five (or nine) digits after "zip", or right after a state, a city or a street address."""

    ENTITY = "ZIP_CODE"
    CONTEXT = ("zip", "zip code", "zipcode", "postal code", "postcode", "post code")
    WINDOW = 16  # "my zip is nine oh two one oh, no wait, it's nine oh two one two"
    ALLOW_LETTERS = False

    def accepts(self, run: CodeRun) -> bool:
        return not run.letters and run.digits in (5, 9)

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        yield from super().find(text)
        for run in code_runs(text):
            if not self.accepts(run) or len(run.value) != run.digits or looks_like_quantity(text, run):
                continue
            before = words_before(text, run.start, 6)
            raw_before = text[max(0, run.start - 4):run.start].strip(" ,")
            if not before:
                continue
            if before[-1] in _STATE_LAST_WORDS or raw_before in _STATE_CODES or before[-1] in us_cities() \
                    or any(w in SUFFIXES for w in before[-4:]):
                yield run.start, run.end, 0.7
        for run in code_runs(text):  # 4 to 6 digits after a province or state of another country
            if not run.letters and 4 <= run.digits <= 6 and not looks_like_quantity(text, run, years=False):
                before = words_before(text, run.start, 1)
                if before and before[-1] in _PROVINCE_LAST_WORDS:
                    yield run.start, run.end, 0.7
        for pattern in (_UK, _CANADA):
            for match in pattern.finditer(text):
                yield match.start(), match.end(), 0.75
