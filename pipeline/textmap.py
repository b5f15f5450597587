"""Words ⇄ text offsets, recorded while the text is built (STYLE #8), never searched for."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class TextMap:
    """One analysable text and the character span of each word in it.

    ``text[starts[i]:ends[i]]`` is word ``i``; words are in text order and do not overlap.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def words_overlapping(self, start: int, end: int) -> range:
        """Indices of the words that share at least one character with ``[start, end)``."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return range(first, max(first, last))


def build(words: Sequence[str], sep: str = " ") -> TextMap:
    """Join words with `sep`, recording each word's offsets as it is appended."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for i, word in enumerate(words):
        if i:
            parts.append(sep)
            pos += len(sep)
        starts.append(pos)
        parts.append(word)
        pos += len(word)
        ends.append(pos)
    return TextMap("".join(parts), tuple(starts), tuple(ends))


def scan(text: str) -> TextMap:
    """Map the whitespace-separated words of an existing text (for transcripts read from files)."""
    matches = list(_WORD.finditer(text))
    return TextMap(text, tuple(m.start() for m in matches), tuple(m.end() for m in matches))
