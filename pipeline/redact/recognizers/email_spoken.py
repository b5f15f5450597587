"""E-mail addresses as people say them: "john dot smith at gmail dot com".

Also the half-written forms speech recognizers produce ("Maria Lopez at Outlook.com",
"maria underscore lopez eighty one at yahoo dot com").
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .. import names
from ..spoken import TEENS, TENS, UNITS, Tok, tokens
from .base import SpokenRecognizer

TLDS = frozenset("com org net edu gov mil io co us uk ca au de fr es it nl info biz me ai app dev health law "
                 "mail email online site tech".split())
# Role mailboxes are addresses too: "intake at lakeside dot org".
MAILBOXES = frozenset("intake info hr billing support admin sales contact office help hello team records "
                      "frontdesk reception appointments noreply careers jobs press legal privacy".split())
NUMBER_WORDS = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS)
DOT = frozenset({"dot", ".", "period", "point"})
JOINERS = frozenset({"dot", ".", "underscore", "_", "dash", "-", "hyphen", "period"})
# Words that end the local part when reading backwards from "at".
STOP_BEFORE = frozenset("is it's its email e-mail mail address my me to at the send was that's thats uh um "
                        "er yes yeah okay so and or it which reach write".split())


def _domain_end(toks: tuple[Tok, ...], i: int) -> int | None:
    """Index of the last token of "label (dot label)* dot tld" starting at i, or None.

    Labels may be several words when said aloud ("lakeside family med dot org").
    """
    j, last_tld = i, None
    while j < len(toks):
        words = 0
        while j < len(toks) and toks[j].text.isalnum() and toks[j].low not in DOT and words < 3 \
                and not (toks[j].low in STOP_WORDS and toks[j].low not in TLDS):
            j, words = j + 1, words + 1
        if not words:
            break
        if toks[j - 1].low in TLDS and j - 1 > i and toks[j - 2].low in DOT:
            last_tld = j - 1
        if j + 1 < len(toks) and toks[j].low in DOT and toks[j + 1].text.isalnum():
            if toks[j + 1].low in TLDS and (j + 2 >= len(toks) or toks[j + 2].low not in DOT):
                return j + 1
            j += 1
            continue
        break
    return last_tld


_WRITTEN = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def handle_like(tok: Tok) -> bool:
    """A word that can be part of an address's local part: a joiner, a digit, a single letter,
    a role mailbox ("intake") or no everyday word ("okafor"). "book online at x.com" has none."""
    if "'" in tok.text or "’" in tok.text:
        return False  # "the dashboard's at metrics dot io"
    return tok.low in JOINERS or tok.low in MAILBOXES or any(c.isdigit() for c in tok.text) \
        or len(tok.text) == 1 or not names.is_common_word(tok.text)


class SpokenEmailRecognizer(SpokenRecognizer):
    """local-part words, "at", domain words joined by "dot", ending in a known TLD."""

    ENTITY = "EMAIL_ADDRESS"
    MAX_LOCAL_TOKENS = 7

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        for match in _WRITTEN.finditer(text):  # any written address, whatever its domain
            yield match.start(), match.start() + len(match.group(0).rstrip(".-")), 0.85
        toks = tokens(text)
        for i, tok in enumerate(toks):
            if tok.low not in ("at", "@") or i == 0:
                continue
            end = _domain_end(toks, i + 1)
            if end is None:
                continue
            first = i
            while first - 1 >= 0 and i - (first - 1) <= self.MAX_LOCAL_TOKENS:
                prev = toks[first - 1]
                if prev.low in STOP_BEFORE or not (prev.text.isalnum() or prev.low in JOINERS):
                    break
                if prev.low in STOP_WORDS and prev.low not in NUMBER_WORDS and len(prev.text) > 1:
                    break
                first -= 1
            while first < i and toks[first].low in JOINERS:
                first += 1
            local = toks[first:i]
            if local and any(handle_like(t) for t in local):  # "book online at example.com" is no address
                yield toks[first].start, toks[end].end, 0.9
