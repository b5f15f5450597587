"""The allowlist pass, in the spirit of Philter: a word nobody knows is redacted.

Recognizers look for what identifiers look like; a name the speech recognizer garbled into a
non-word ("Wuster" for Worcester, "Oluwasegun" spelled three ways) looks like nothing. This
pass turns the question round: a word is kept only if it is known to be safe (common English
by frequency in wordfreq, a drug name, clinical shorthand, a number); any other word of three
letters or more is redacted as ``UNKNOWN_WORD``. It costs content (rare technical words go
too), so it is off by default: ``enable = ["UNKNOWN_WORD"]`` in the config's ``[redact]``
section turns it on under any policy; ``strict`` includes it.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from wordfreq import zipf_frequency

from ..clinical import is_clinical_term
from ..eponyms import EPONYMS
from .base import SpokenRecognizer

# Below this frequency (wordfreq's Zipf scale: 1 is once per 100 million words) a word is unknown.
KNOWN_ZIPF = 2.0
_WORD = re.compile(r"(?<![\w@./-])[^\W\d_]{3,}(?:['’][^\W\d_]+)?(?![\w@/-]|\.\w)")


@functools.lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """A word known to be safe to keep: frequent English, a drug, shorthand or an eponym."""
    low = word.lower()
    return zipf_frequency(low, "en") >= KNOWN_ZIPF or is_clinical_term(low) or low in EPONYMS


class UnknownWordRecognizer(SpokenRecognizer):
    """Every word of three letters or more that is not known to be safe."""

    ENTITY = "UNKNOWN_WORD"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        for match in _WORD.finditer(text):
            if not is_known_word(match.group(0)):
                yield match.start(), match.end(), 0.4
