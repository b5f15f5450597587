"""Names the user said will occur (--known-names), matched also when misheard:
"Thornbury" as "Thorne Berry" or "Thorneberry" (sound-alike and edit-distance matching).
"""

from __future__ import annotations

from typing import Iterable, Sequence

import jellyfish
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from ..spoken import tokens
from .base import SpokenRecognizer

MIN_RATIO = 84


def _key(word: str) -> str:
    word = word.lower()
    for suffix in ("'s", "’s"):
        word = word.removesuffix(suffix)  # "adeyemi's labs"
    return "".join(ch for ch in word if ch.isalpha())


class KnownNamesRecognizer(SpokenRecognizer):
    """Each word (and each pair of words written together) that sounds or reads like a known name part."""

    ENTITY = "PERSON"

    def __init__(self, known: Sequence[str]) -> None:
        super().__init__()
        parts = {_key(part) for name in known for part in name.replace("-", " ").split()}
        self.parts = sorted(p for p in parts if len(p) >= 3 and p not in STOP_WORDS)

    def matches(self, candidate: str, joined: bool = False) -> bool:
        """Whether a word (or two joined) is one of the known name parts, allowing mishearing."""
        if len(candidate) < 3 or candidate in STOP_WORDS:
            return False
        if candidate in self.parts:
            return True
        for part in self.parts:
            if abs(len(part) - len(candidate)) > 3:
                continue
            ratio = fuzz.ratio(candidate, part)
            sounds_alike = jellyfish.metaphone(candidate) == jellyfish.metaphone(part) and len(candidate) >= 5
            similar = not joined and jellyfish.jaro_winkler_similarity(candidate, part) >= 0.87 and len(candidate) >= 5
            if ratio >= MIN_RATIO or (sounds_alike and ratio >= 60) or similar:
                return True
        return False

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        if not self.parts:
            return
        toks = [t for t in tokens(text) if _key(t.text).isalpha()]
        i = 0
        while i < len(toks):
            single = self.matches(_key(toks[i].text))
            if i + 1 < len(toks) and toks[i + 1].start - toks[i].end <= 1:
                joined = _key(toks[i].text + toks[i + 1].text)
                if self.matches(joined, joined=True) and self._best(joined) > self._best(_key(toks[i].text)) \
                        and not self.matches(_key(toks[i + 1].text)):
                    yield toks[i].start, toks[i + 1].end, 0.9  # "thorne berry"
                    i += 2
                    continue
            if single:
                yield toks[i].start, toks[i].end, 0.9
            i += 1

    def _best(self, candidate: str) -> float:
        return max((fuzz.ratio(candidate, part) for part in self.parts), default=0.0)
