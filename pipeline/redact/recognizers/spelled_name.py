"""Names spelled letter by letter: "K O W A L C Z Y K", "that's s-m-i-t-h"."""

from __future__ import annotations

from typing import Iterable

from .. import names
from ..spoken import has_context, tokens
from .base import SpokenRecognizer

CONTEXT = ("spelled", "spell", "spelling", "spelt", "that's", "thats", "name", "surname", "last name",
           "first name", "as in", "name is")
JOINERS = frozenset({"-", ",", "."})
SAID_JOINERS = frozenset({"hyphen", "dash", "apostrophe", "space"})
_TIMES = {"double": 2, "triple": 3}


def _letter(toks, j: int) -> bool:
    return j < len(toks) and len(toks[j].text) == 1 and toks[j].text.isalpha()


def _spelled(run) -> str:
    """The word a run of spelled letters spells, "double d" as "dd"."""
    out, times = [], 1
    for tok in run:
        if tok.low in _TIMES:
            times = _TIMES[tok.low]
        elif len(tok.text) == 1 and tok.text.isalpha():
            out.append(tok.low * times)
            times = 1
    return "".join(out)


def _as_in(toks, j: int) -> bool:
    """Whether tokens j… say "as in <word>" after a letter."""
    return j + 2 < len(toks) and toks[j].low == "as" and toks[j + 1].low == "in" and toks[j + 2].text.isalpha() \
        and len(toks[j - 1].text) == 1 and toks[j - 1].text.isalpha()


SAID_BEFORE, SAID_AFTER = 12, 4  # how far from a spelling the word it spells is looked for


def _said(toks, i: int, last: int, spelled: str) -> Iterable[tuple[int, int]]:
    """(start, end) of the words near a spelling that it spells, one word or two ("o haogain")."""
    for n in range(max(0, i - SAID_BEFORE), min(len(toks), last + 1 + SAID_AFTER)):
        if i <= n <= last:
            continue
        word = toks[n].low.replace("'", "").replace("’", "")
        if word == spelled and len(word) > 1:
            yield toks[n].start, toks[n].end
        elif n + 1 < len(toks) and n + 1 < i and word + toks[n + 1].low == spelled:
            yield toks[n].start, toks[n + 1].end


class SpelledNameRecognizer(SpokenRecognizer):
    """Four or more single letters in a row, or two or more after a spelling context word."""

    ENTITY = "PERSON"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        toks = tokens(text)
        i = 0
        while i < len(toks):
            if not (len(toks[i].text) == 1 and toks[i].text.isalpha()):
                i += 1
                continue
            letters, j, last = 1, i + 1, i
            while j < len(toks):
                if toks[j].text in JOINERS or (toks[j].low in SAID_JOINERS and (
                        _letter(toks, j + 1) or j + 1 < len(toks) and toks[j + 1].text in JOINERS and _letter(toks, j + 2))):
                    j += 1  # "A-D-E-B-A-Y-O, hyphen, C-L-A-R-K-E"
                    continue
                if toks[j].low in _TIMES and _letter(toks, j + 1):
                    letters, last = letters + _TIMES[toks[j].low], j + 1
                    j += 2  # "h a double d a d"
                    continue
                if _as_in(toks, j):  # "p as in peter a t e l": the word names the letter before it
                    last = j + 2
                    j += 3
                    continue
                if len(toks[j].text) == 1 and toks[j].text.isalpha():
                    letters, last = letters + 1, j
                    j += 1
                    continue
                break
            spelled = _spelled(toks[i:last + 1])
            # two letters spell a word said beside them only when it is a short surname: "doctor ng n g"
            short = spelled in names.SHORT_SURNAMES
            said = list(_said(toks, i, last, spelled)) if letters >= 3 or short else []
            if letters >= 4 or said or (letters >= 2 and has_context(text, toks[i].start, CONTEXT, 4)):
                yield toks[i].start, toks[last].end, 0.8 if letters >= 4 or said else 0.6
                for start, end in said:  # "mcallister M C A L L I S T E R", "joy is just j o y"
                    yield start, end, 0.8
                if said and said[0][1] <= toks[i].start:  # and the first name said before it
                    n = next(k for k in range(i) if toks[k].start == said[0][0])
                    first = toks[n - 1] if n > 0 else None
                    if first is not None and first.text.isalpha() and not names.is_common_word(first.text):
                        yield first.start, first.end, 0.6
                after = toks[last + 1] if last + 1 < len(toks) else None
                if after is not None and after.text.isalpha() and len(after.text) > 1 and (
                        names.is_unfamiliar(after.text) or names.is_clear_name(after.text)):
                    yield after.start, after.end, 0.6  # "oleksandr o l e k s a n d r hnatyuk"
            i = last + 1
