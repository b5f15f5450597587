"""Base classes for hush's recognizers: subclasses hold only class-level data (STYLE #6)."""

from __future__ import annotations

import re
from abc import abstractmethod
from typing import Iterable

from presidio_analyzer import EntityRecognizer, RecognizerResult

from ..spoken import CodeRun, code_runs, context_distance, words_after, words_before


# Words after a number that make it an amount, not an identifier ("75000 dollars", "2400 likes").
QUANTITY_WORDS = frozenset("""dollars dollar bucks euros euro pounds cents percent per people patients persons
responses seats applications likes views users members employees staff visits calls cases claims times years
months weeks days hours minutes seconds milligrams mg mcg grams kilos kg pounds lbs ml units tablets pills doses
miles km feet meters degrees points k grand million billion thousand hundred""".split())
# Words just before a number that make it an amount: "a budget of 250000", "raised 25000".
AMOUNT_BEFORE = frozenset("budget raised cost costs spent revenue total salary paid price worth".split())
# Words that make a number an amount only right before it: "about 25000", not "about claim 881204".
APPROXIMATORS = frozenset("approximately roughly nearly almost around about".split())
_YEAR = re.compile(r"^(19|20)\d\d$")
# An amount as it is written: thousands separated by commas or ending in zeros ("58,000", "250000").
AMOUNT_WRITTEN = re.compile(r"\d{1,3}(?:,\d{3})+|\d+0{3,}")
# Score lost per word between a code and its context phrase; small, so that it only decides
# between two recognizers that both claim a code, never whether it is redacted.
CONTEXT_DECAY = 0.005


def looks_like_quantity(text: str, run: CodeRun, years: bool = True) -> bool:
    """An amount, count or (with `years`) a year rather than an identifier: followed by a unit
    word, after a currency sign, said with "hundred"/"thousand", or a bare year."""
    said = text[run.start:run.end].lower()
    if any(word in said.split() for word in ("hundred", "thousand", "million")):
        return True
    if years and run.value.isdigit() and _YEAR.match(run.value):
        return True
    before = text[max(0, run.start - 2):run.start]
    if "$" in before or "£" in before or "€" in before:
        return True
    after = words_after(text, run.end, 1)
    if after and after[0] in QUANTITY_WORDS:
        return True
    before_words = words_before(text, run.start, 2)
    return bool(set(before_words) & AMOUNT_BEFORE) or bool(before_words and before_words[-1] in APPROXIMATORS)


def _with_letter_before(text: str, run: CodeRun) -> int:
    """The start of a code including a lone letter said just before it ("is a oh one oh …"):
    after a context phrase, that "a" is the code's first character, not an article."""
    before = words_before(text, run.start, 1)
    if before and len(before[0]) == 1 and before[0].isalpha():
        at = text.lower().rfind(before[0], max(0, run.start - 8), run.start)
        if at >= 0 and not text[at + 1:run.start].strip(" ,-"):
            return at
    return run.start


class SpokenRecognizer(EntityRecognizer):
    """A recognizer of one entity type that yields ``(start, end, score)`` spans."""

    ENTITY: str = ""

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__, supported_language="en")

    def load(self) -> None:
        """Nothing to load: all data is class-level."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        """Presidio's entry point."""
        if entities and self.ENTITY not in entities:
            return []
        return [RecognizerResult(self.ENTITY, start, end, score) for start, end, score in self.find(text)]

    @abstractmethod
    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Spans of this entity in `text`."""


class ContextCodeRecognizer(SpokenRecognizer):
    """A spoken or written code (digits, letters) named by a context phrase just before it.

    ``my MRN is four four seven one nine zero two`` → MEDICAL_RECORD_NUMBER. Subclasses set
    the phrases and the lengths; a run without context counts only when `NO_CONTEXT_LENGTHS`
    holds its digit count.
    """

    CONTEXT: tuple[str, ...] = ()
    WINDOW = 7                       # words before the run searched for a context phrase
    MIN_SYMBOLS = 4
    MAX_SYMBOLS = 20
    MIN_DIGITS = 1
    ALLOW_LETTERS = True
    NO_CONTEXT_LENGTHS: tuple[int, ...] = ()
    SCORE = 0.85
    NO_CONTEXT_SCORE = 0.6
    YEARS_ARE_AMOUNTS = True         # False where a 4-digit code is normal (PIN, last four of a card)

    def accepts(self, run: CodeRun) -> bool:
        """Whether a run's shape fits this identifier (lengths, letters)."""
        if not self.ALLOW_LETTERS and run.letters:
            return False
        return self.MIN_SYMBOLS <= len(run.value) <= self.MAX_SYMBOLS and run.digits >= self.MIN_DIGITS

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        for run in code_runs(text):
            if not self.accepts(run) or looks_like_quantity(text, run, years=self.YEARS_ARE_AMOUNTS):
                continue
            distance = context_distance(text, run.start, self.CONTEXT, self.WINDOW)
            if distance is not None:
                # The nearest context names the code: "the MRN 4471902 on file. Call me back on
                # 07700 900123" is a phone number, though "MRN" is within reach too.
                yield _with_letter_before(text, run), run.end, self.SCORE - CONTEXT_DECAY * distance
            elif not run.letters and run.digits in self.NO_CONTEXT_LENGTHS:
                yield run.start, run.end, self.NO_CONTEXT_SCORE
