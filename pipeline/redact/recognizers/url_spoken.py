"""Web addresses, said aloud or written: "w w w dot mass courts dot org", "bit dot ly slash
intake dash form", "https://intake.example/new", "www.harborpoint.example".
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from ..spoken import Tok, tokens
from .base import SpokenRecognizer
from .email_spoken import TLDS, handle_like

_WRITTEN = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_LABEL_JOINERS = frozenset({"dash", "-", "hyphen"})
# Words that lead up to a web address rather than belong to it.
_LEADS = frozenset("visit go check see find use try type open at to on in is it's its the our my your their "
                   "website site portal link page url address web online called named".split())
MAX_LABEL_WORDS = 3
URL_TLDS = TLDS | frozenset("ly tv fm gg cc xyz link page site".split())


def _label(toks: tuple[Tok, ...], end: int) -> tuple[int, bool]:
    """(start index, is_first) of the domain label whose last token is `end`.

    A label is one to three words, "dash" allowed inside. When no "dot" precedes it, it is
    the address's first label, and words that lead up to an address are left out.
    """
    i, words = end, 0
    while i >= 0 and toks[i].text.isalnum() and toks[i].low not in ("dot", "at") and words < MAX_LABEL_WORDS:
        words += 1
        if i - 2 >= 0 and toks[i - 1].low in _LABEL_JOINERS and toks[i - 2].text.isalnum():
            i -= 2
            continue
        i -= 1
    start = i + 1
    first = not (i >= 0 and toks[i].low == "dot")
    if first:
        while start <= end and toks[start].low in _LEADS | STOP_WORDS and toks[start].low != "w":
            start += 1
    return start, first


class SpokenUrlRecognizer(SpokenRecognizer):
    """Labels joined by spoken "dot", ending in a known TLD, with "w w w" and "slash path" parts."""

    ENTITY = "URL"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        for match in _WRITTEN.finditer(text):
            yield match.start(), match.start() + len(match.group(0).rstrip(".,;:!?)")), 0.85
        toks = tokens(text)
        for k, tok in enumerate(toks):
            if tok.low not in URL_TLDS or k < 2 or toks[k - 1].low != "dot":
                continue
            start, first = k, False
            while not first and start >= 2 and toks[start - 1].low == "dot":
                label, first = _label(toks, start - 2)
                if label > start - 2:
                    break
                start = label
            if start == k:
                continue
            if start >= 2 and toks[start - 1].low in ("at", "@") and handle_like(toks[start - 2]) \
                    and toks[start - 2].low not in _LEADS:
                continue  # "nora at fastmail dot com": an e-mail's domain
            end = k
            while end + 2 < len(toks) and toks[end + 1].low in ("slash", "/") and toks[end + 2].text.isalnum():
                end += 2
                while end + 2 < len(toks) and toks[end + 1].low in _LABEL_JOINERS and toks[end + 2].text.isalnum():
                    end += 2
            yield toks[start].start, toks[end].end, 0.8
