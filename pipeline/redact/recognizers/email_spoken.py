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
                 "mail email online site tech example test jp ie nz ch se dk fi pl cn br mx za sg hk kr eu".split())
# Role mailboxes are addresses too: "intake at lakeside dot org".
MAILBOXES = frozenset("intake info hr billing support admin sales contact office help hello team records "
                      "frontdesk reception appointments noreply careers jobs press legal privacy".split())
NUMBER_WORDS = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS) | {"hundred", "thousand"}
DOT = frozenset({"dot", ".", "period", "point"})
JOINERS = frozenset({"dot", ".", "underscore", "_", "dash", "-", "hyphen", "period"})
DASHES = frozenset({"dash", "-", "hyphen"})
# Tokens a label or a local part may run to when spelled letter by letter.
MAX_SPELLED = 24
# Mailboxes said in several words.
MAILBOX_PHRASES = (("do", "not", "reply"), ("no", "reply"), ("no", "dash", "reply"))
# A surname with an apostrophe after one or two letters: "o'brien", "d'souza" (not "she's", "don't").
_NAME_APOSTROPHE = re.compile(r"^[^\W\d_]{1,2}['’][^\W\d_]{3,}$")
# Words that end the local part when reading backwards from "at".
STOP_BEFORE = frozenset("is it's its email e-mail mail address my me to at the send was that's thats uh um "
                        "er yes yeah okay so and or it which reach write".split())


def _tld(toks: tuple[Tok, ...], k: int, clear: bool) -> int:
    """Tokens used by a top-level domain at k, or 0: a known one ("com", "example"), one spelled
    in letters ("i e", "c a"), or another plausible word: short or no everyday word ("law",
    "kz"), or any word after a `clear` local part ("d dot volkov at …")."""
    if k >= len(toks):
        return 0
    tok = toks[k]
    if k + 1 < len(toks) and len(tok.text) == 1 == len(toks[k + 1].text) and tok.text.isalpha() \
            and toks[k + 1].text.isalpha():
        return 2  # "dot i e"
    if tok.low in TLDS:
        return 1
    if toks[k - 1].low != "dot":
        return 0  # "at 8 period", "Outlook.kz": an unknown TLD only when said as such
    plausible = tok.text.isalpha() and 2 <= len(tok.text) <= 12 and tok.low not in STOP_WORDS \
        and tok.low not in NUMBER_WORDS
    return 1 if plausible and (clear or len(tok.text) <= 3 or not names.is_common_word(tok.text)) else 0


def _firm_and(toks: tuple[Tok, ...], j: int, words: int) -> bool:
    """An "and" inside a domain label, between two of its words: "krause and partners dot com"."""
    return toks[j].low == "and" and words > 0 and j + 2 < len(toks) and toks[j + 1].text.isalnum() \
        and toks[j + 1].low not in STOP_WORDS and toks[j + 2].low in DOT


def _domain_end(toks: tuple[Tok, ...], i: int, clear: bool = False) -> int | None:
    """Index of the last token of "label (dot label)* dot tld" starting at i, or None.

    Labels may be several words when said aloud ("lakeside family med dot org"); the TLD may
    have parts ("co dot jp"); the address ends at the last "dot" that follows.
    """
    j = i
    while j < len(toks):
        words = used = 0
        while j < len(toks) and (toks[j].text.isalnum() or toks[j].text == "-") and toks[j].low not in DOT \
                and words < 3 and used < MAX_SPELLED \
                and (toks[j].low not in STOP_WORDS or toks[j].low in TLDS or _firm_and(toks, j, words)
                     or _spelled_part(toks[j]) and used > 0):
            # letters spelled one by one and dashes are parts of one word: "f j o r d l i n e dash example"
            j, used = j + 1, used + 1
            words += 0 if _spelled_part(toks[j - 1]) else 1
        if not used or toks[j - 1].low in DASHES or j + 1 >= len(toks) or not _is_dot(toks, j):
            break
        used = _tld(toks, j + 1, clear)
        if used and (j + 1 + used >= len(toks) or not _is_dot(toks, j + 1 + used)
                     or _tld(toks, j + 2 + used, clear) == 0):
            return j + used
        j += 1
    return None


def _spelled_part(tok: Tok) -> bool:
    """A letter spelled alone or a dash: no word of its own in a domain label."""
    return len(tok.text) == 1 and tok.text.isalpha() or tok.low in DASHES


def _is_dot(toks: tuple[Tok, ...], j: int) -> bool:
    """A "dot" said, or a written "." inside a word ("Outlook.com"), not a full stop ("at bases. Denies")."""
    if toks[j].text != ".":
        return toks[j].low in DOT
    return 0 < j < len(toks) - 1 and toks[j - 1].end == toks[j].start and toks[j].end == toks[j + 1].start


_WRITTEN = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def handle_like(tok: Tok) -> bool:
    """A word that can be part of an address's local part: a joiner, a digit, a single letter,
    a role mailbox ("intake") or no everyday word ("okafor"). "book online at x.com" has none."""
    if ("'" in tok.text or "’" in tok.text) and not _NAME_APOSTROPHE.match(tok.text):
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
            said_at = _at(toks, i)
            # the cheap test first: most "at"s have no dotted domain after them
            if not said_at or i == 0 or _domain_end(toks, i + said_at, True) is None:
                continue
            first = self._local_start(toks, i)
            local = toks[first:i]
            if not _local_like(local):
                continue  # "book online at example.com" is no address
            end = _domain_end(toks, i + said_at, _clear_local(local))
            if end is not None and not _web_address(toks, i + said_at) and not (end + 1 < len(toks) and _at(toks, end + 1)):
                # "ifeoma at ifeoma dot nwosu at example dot org": the first "at" is the speaker's
                yield toks[first].start, toks[end].end, 0.9

    def _local_start(self, toks: tuple[Tok, ...], i: int) -> int:
        """The first token of the local part before "at" at i (i itself when there is none)."""
        for phrase in MAILBOX_PHRASES:
            if tuple(t.low for t in toks[max(0, i - len(phrase)):i]) == phrase:
                return i - len(phrase)  # "no reply at example dot com"
        first, used = i, 0
        while first - 1 >= 0 and used < self.MAX_LOCAL_TOKENS and i - first < MAX_SPELLED:
            prev = toks[first - 1]
            used += 0 if len(prev.text) == 1 and prev.text.isalpha() else 1  # "r a s m u s dot k j e l …"
            if prev.low == "and" and first >= 2 and toks[first - 2].low in ("hundred", "thousand"):
                first -= 1  # "irene two thousand and three at …"
                continue
            if prev.low in STOP_BEFORE or not (prev.text.isalnum() or prev.low in JOINERS or _NAME_APOSTROPHE.match(prev.text)):
                break
            if prev.low in STOP_WORDS and prev.low not in NUMBER_WORDS and len(prev.text) > 1:
                break
            first -= 1
        while first < i and toks[first].low in JOINERS:
            first += 1
        return first


def _local_like(local: tuple[Tok, ...]) -> bool:
    """Whether the words before "at" may be an address's local part: a mailbox ("no reply"), a
    word and a number ("irene two thousand and three") or a handle-like word ("okafor")."""
    if not local:
        return False
    lows = tuple(t.low for t in local)
    numbered = local[0].low not in NUMBER_WORDS and any(low in NUMBER_WORDS for low in lows)
    return lows in MAILBOX_PHRASES or numbered or any(handle_like(t) for t in local)


def _clear_local(local: tuple[Tok, ...]) -> bool:
    """Whether the local part is an address's for sure, so that any TLD may end it: a mailbox, or
    with a joiner, a number or a spelled letter ("d dot volkov", "tsubasa twenty three")."""
    return tuple(t.low for t in local) in MAILBOX_PHRASES or any(
        t.low in JOINERS or t.low in NUMBER_WORDS or len(t.text) == 1 and t.low not in ("a", "i")
        or any(c.isdigit() for c in t.text) for t in local)


def _web_address(toks: tuple[Tok, ...], i: int) -> bool:
    """Whether the domain at i begins with "www" ("a blog at w w w dot …" is a web address)."""
    return toks[i].low == "www" or [t.low for t in toks[i:i + 3]] == ["w", "w", "w"]


def _at(toks: tuple[Tok, ...], i: int) -> int:
    """Tokens used by an "at" at i: "at", "@", or "a t" spelled out; 0 when there is none."""
    if toks[i].low in ("at", "@"):
        return 1
    if toks[i].low == "a" and i + 1 < len(toks) and toks[i + 1].low == "t":
        return 2
    return 0
