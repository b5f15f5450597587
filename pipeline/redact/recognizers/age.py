"""Ages over 89, spoken or written ("ninety three years old", "she's 94", "aged ninety-one")."""

from __future__ import annotations

from typing import Iterable

from ..spoken import FILLERS, code_runs, words_after, words_before
from .base import SpokenRecognizer

AFTER = ("years old", "year old", "years of age", "yo", "y o", "yrs old", "years", "year", "yr old")
BEFORE = ("aged", "age", "age of", "turned", "turning", "turns", "she's", "he's", "i'm", "she is", "he is",
          "i am", "patient is", "who is", "mother is", "father is")


# After "is"/"was"/"'s" a bare number is an age only when the clause ends with it
# ("she is ninety and lives alone"), not "the total is ninety dollars".
COPULAS = ("is", "was", "'s", "’s", "turned", "makes him", "makes her", "made him", "made her", "be", "being", "down as",
           "is she", "is he", "was she", "was he", "she'd be", "he'd be", "would be")
# Words that may stand between the cue and the age: "he'd be, um, 96", "is she really ninety eight".
_BETWEEN = FILLERS | frozenset("really just about almost nearly over now probably maybe actually only already "
                               "well like".split())
CLAUSE_ENDS = frozenset("and but which when so now at yet this last next in on she he who can cannot can't "
                        "according".split())


# "her O2 sat was 93", "pulse is 96": a measurement, not an age.
MEASUREMENTS = frozenset("sat sats saturation o2 spo2 pulse rate hr bp pressure temp temperature weight score "
                         "glucose sugar level levels oxygen percent grade".split())


def _cue_words(text: str, start: int) -> list[str]:
    """The words before `start` with fillers and hedges between them and the number dropped."""
    words = words_before(text, start, 6)
    while words and words[-1] in _BETWEEN:
        words.pop()
    return words[-3:]


class AgeOver89Recognizer(SpokenRecognizer):
    """An age from 90 to 125 with an age word before or "years old" after."""

    ENTITY = "AGE"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        for run in code_runs(text):
            if run.letters or not run.value.isdigit() or not 90 <= int(run.value) <= 125:
                continue
            after = " " + " ".join(words_after(text, run.end, 3)) + " "
            before = " " + " ".join(_cue_words(text, run.start)) + " "
            if any(after.startswith(f" {w} ") for w in AFTER) or any(before.endswith(f" {w} ") for w in BEFORE):
                yield run.start, run.end, 0.85
            elif self._copula_before(text, run.start) and self._clause_ends(text, run.end) \
                    and not set(words_before(text, run.start, 4)) & MEASUREMENTS:
                yield run.start, run.end, 0.7

    @staticmethod
    def _copula_before(text: str, start: int) -> bool:
        before = " " + " ".join(_cue_words(text, start)) + " "
        return any(before.endswith(f" {w} ") for w in COPULAS) or \
            any(text[max(0, start - 24):start].lower().rstrip().endswith(w) for w in ("'s", "’s"))

    @staticmethod
    def _clause_ends(text: str, end: int) -> bool:
        rest = text[end:end + 20].lstrip()
        if not rest or not rest[0].isalnum():
            return True
        return rest.split()[0].lower() in CLAUSE_ENDS
