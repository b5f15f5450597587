"""ZIP codes, spoken or written: after "zip"/"postal code", or closing an address
("... pasadena nine one one oh four", "Plano, Texas 75023", "Hartford, CT 06101").
"""

from __future__ import annotations

from typing import Iterable

from ..places import STATES
from ..places_us import us_cities
from ..spoken import CodeRun, code_runs, words_before
from .base import ContextCodeRecognizer, looks_like_quantity
from .city import _STATE_CODES
from .street_address import SUFFIXES

_STATE_LAST_WORDS = frozenset(s.split()[-1] for s in STATES)


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
