"""The employer of the person talked about: "she works at Cedar Ridge Nursing Home", "he was
employed by brightline logistics", "my job at Pinnacle Roofing".

Safe Harbor removes the identifiers "of the individual or of relatives, employers, or household
members of the individual" (45 CFR 164.514(b)(2)(i)), so under ``hipaa`` an employer's name goes,
while other organisations (the clinic itself, an insurer, a drug maker) stay; ``strict`` removes
every organisation. The cue before the name is the evidence; the name is the capitalised words
after it, or in lower-case speech the words up to the end of the clause when one of them is
no everyday word ("tufts medical center", not "the hospital").
"""

from __future__ import annotations

import re
from typing import Iterable

from .. import names
from ..spoken import FILLERS
from .base import SpokenRecognizer

_CUE = re.compile(r"\b(?:works?|worked|working)\s+(?:over\s+)?(?:at|for)\s+|\bemployed\s+(?:at|by|with)\s+|"
                  r"\b(?:job|position|shift|shifts)\s+(?:at|with)\s+|\b(?:employer|company)\s+is\s+|"
                  r"\bemployee\s+(?:at|of)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_][\w'’&.-]*")
# Words that end the employer's name in lower-case speech (the clause goes on).
_CLAUSE = frozenset("as since for until and but so in on at where when who which that because now nights days "
                    "part full time years months weeks there here with is was are were has have had does did will "
                    "would can could should it they he she".split())
# Words inside a name that join its capitalised words ("Bank of America", "Smith & Sons",
# "Industrias Tovar y Cedillo").
_JOINERS = frozenset("of & and the de del della di da la le du et y e und van der von".split())
MAX_WORDS = 5


def _end(word: re.Match) -> int:
    """Where a word ends without a full stop or dash after it ("Analytics." → "Analytics")."""
    return word.end() - (len(word.group(0)) - len(word.group(0).rstrip(".-")))


class EmployerRecognizer(SpokenRecognizer):
    """An organisation named right after "works at", "employed by", "my job at", "employer is"."""

    ENTITY = "EMPLOYER"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        for cue in _CUE.finditer(text):
            words = list(_WORD.finditer(text, cue.end(), min(len(text), cue.end() + 80)))
            span = self._capitalised(text, words) or self._spoken(text, words)
            if span:
                yield span[0], span[1], 0.75

    @staticmethod
    def _capitalised(text: str, words: list[re.Match]) -> tuple[int, int] | None:
        """Capitalised words (with "of", "&" between) right after the cue: "Cedar Ridge Nursing Home"."""
        taken: list[re.Match] = []
        for word in words[:MAX_WORDS + 2]:
            gap = text[taken[-1].end():word.start()] if taken else ""
            if taken and any(c in gap for c in ";:.!?\n"):
                break  # a comma may stand inside a name: "Smith, Jones and Brown"
            if word.group(0)[0].isupper() and word.group(0).lower() not in ("i", "i'm"):
                taken.append(word)
            elif taken and word.group(0).lower() in _JOINERS:
                taken.append(word)
            elif taken and taken[-1].group(0).lower() in _JOINERS and not names.is_common_word(word.group(0)):
                taken.append(word)  # "Vercelloni e figli"
            elif not taken and word.group(0).lower() == "the":
                continue
            else:
                break
        while taken and taken[-1].group(0).lower() in _JOINERS:
            taken.pop()
        return (taken[0].start(), _end(taken[-1])) if taken else None

    @staticmethod
    def _spoken(text: str, words: list[re.Match]) -> tuple[int, int] | None:
        """Lower-case words up to the clause's end, when one of them is no everyday word."""
        taken: list[re.Match] = []
        for word in words[:MAX_WORDS]:
            gap = text[taken[-1].end():word.start()] if taken else ""
            low = word.group(0).lower()
            if (taken and any(c in gap for c in ",;:.!?\n")) or low in _CLAUSE or low in FILLERS:
                break
            if not taken and low in ("the", "a", "an"):
                continue
            taken.append(word)
        rare = [w for w in taken if not names.is_common_word(w.group(0)) and not w.group(0).isdigit()]
        return (taken[0].start(), _end(taken[-1])) if taken and rare else None
