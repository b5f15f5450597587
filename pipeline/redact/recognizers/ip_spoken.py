"""IP addresses said aloud: "one nine two dot one six eight dot one dot forty five", and IPv6
("two zero zero one colon d b eight colon colon one").
"""

from __future__ import annotations

from typing import Iterable

from ..spoken import DIGIT_WORDS, Tok, code_runs, tokens, words_before
from .base import SpokenRecognizer

DOTS = ("dot", ".", "point")
VERSION_WORDS = frozenset("version versions release firmware build update upgrade v patch".split())
_HEX = frozenset("0123456789abcdef")
_ZERO = frozenset({"oh", "o", "zero", "nought"})
MAX_OCTET_TOKENS = 5  # "one hundred and twenty three"


def _octet(text: str, toks: tuple[Tok, ...]) -> bool:
    """Whether `toks` say one number of 0–255 and nothing else: "one ninety two", "oh",
    "two hundred thirty nine", "double two oh", "1"."""
    if not toks or len(toks) > MAX_OCTET_TOKENS:
        return False
    if any(not t.text.isalnum() or (t.low == "and" and (k == 0 or toks[k - 1].low != "hundred"))
           for k, t in enumerate(toks)):
        return False  # "five, three" or "five and four" are two numbers, "a hundred and twenty" one
    if len(toks) == 1 and toks[0].low in _ZERO:
        return True
    said = text[toks[0].start:toks[-1].end]
    runs = code_runs(said)
    return len(runs) == 1 and runs[0].start == 0 and runs[0].end == len(said) \
        and runs[0].value.isdigit() and len(runs[0].value) <= 3 and int(runs[0].value) <= 255


def _octet_before(text: str, toks: tuple[Tok, ...], dot: int, floor: int) -> int | None:
    """The first token (from token `floor` on) of the longest octet that ends right before token `dot`."""
    for first in range(max(floor, dot - MAX_OCTET_TOKENS), dot):
        if _octet(text, toks[first:dot]):
            return first
    return None


def _octet_after(text: str, toks: tuple[Tok, ...], dot: int, ceiling: int) -> int | None:
    """The last token (before token `ceiling`) of the longest octet that starts right after token `dot`."""
    for last in range(min(ceiling - 1, dot + MAX_OCTET_TOKENS), dot, -1):
        if _octet(text, toks[dot + 1:last + 1]):
            return last
    return None


def _says_digits(toks: tuple[Tok, ...], i: int) -> bool:
    return 0 <= i < len(toks) and (toks[i].text.isdigit() or toks[i].low in DIGIT_WORDS)


class SpokenIpRecognizer(SpokenRecognizer):
    """Four numbers of 0–255 joined by "dot" (or "point"), each said any way a number is said."""

    ENTITY = "IP_ADDRESS"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        yield from self._ipv4(text)
        for run in code_runs(text):  # IPv6: hex groups joined by "colon"
            said = text[run.start:run.end].lower()
            colons = said.count("colon") + said.count(":")
            if colons >= 3 and set(run.value) <= _HEX and "colon colon" in said or colons >= 5 and set(run.value) <= _HEX:
                if not (colons == 5 and len(run.value) == 12):  # six two-digit groups: a MAC address
                    yield run.start, run.end, 0.6

    @staticmethod
    def _ipv4(text: str) -> Iterable[tuple[int, int, float]]:
        toks = tokens(text)
        dots = [i for i, t in enumerate(toks) if t.low in DOTS]
        used = -1  # the last token of the address found before: addresses don't overlap
        for n in range(len(dots) - 2):
            three = dots[n:n + 3]
            # the two numbers between the three dots fill the gaps exactly
            if any(not _octet(text, toks[a + 1:b]) for a, b in zip(three, three[1:])) or three[0] <= used:
                continue
            first = _octet_before(text, toks, three[0], used + 1)
            last = _octet_after(text, toks, three[2], dots[n + 3] if n + 3 < len(dots) else len(toks))
            if first is None or last is None or _says_digits(toks, first - 1) or _says_digits(toks, last + 1):
                continue  # the number goes on: "one two three four dot five …" is no address
            start = toks[first].start
            if set(words_before(text, start, 4)) & VERSION_WORDS:
                continue  # not "version four point two point one point seven"
            used = last
            yield start, toks[last].end, 0.85
