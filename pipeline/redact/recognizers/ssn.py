"""US Social Security numbers, and their last four digits, spoken or written."""

from typing import Iterable

from .base import ContextCodeRecognizer, looks_like_quantity
from ..spoken import CodeRun, code_runs, context_distance, has_context

# Digits a number said in hundreds ("nine hundred twelve forty …") may read as: "nine hundred sixty
# five" is 965 to the parser but 900-65 to a caller reading the groups 900, 65, 4012.
SCALED_DIGITS = range(7, 10)
# Said right after these, any group of digits is the number or its start, however few: "my social
# is uh nine one four hold on let me find the card".
PRESENTED = ("social is", "social's", "ssn is", "social security number is", "social security is", "s s n is")
PARTIAL_DIGITS = range(3, 10)


class SpokenSsnRecognizer(ContextCodeRecognizer):
    """Nine digits (or the last four) after "social", "social security", "SSN"."""

    ENTITY = "US_SSN"
    YEARS_ARE_AMOUNTS = False
    CONTEXT = ("social", "social security", "ssn", "s s n", "security number", "last four")
    ALLOW_LETTERS = False

    def accepts(self, run: CodeRun) -> bool:
        return not run.letters and run.digits in (4, 9)

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        yield from super().find(text)
        yield from self._in_hundreds(text)
        yield from self._presented(text)

    def _presented(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Digits said right after "my social is", whatever their count (`PARTIAL_DIGITS`)."""
        low = text.lower()
        if "social" not in low and "ssn" not in low and "s s n" not in low:  # the cheap test first
            return
        for run in code_runs(text):
            if not run.letters and run.digits in PARTIAL_DIGITS and run.digits not in (4, 9) \
                    and context_distance(text, run.start, PRESENTED, 6) == 0 \
                    and not looks_like_quantity(text, run, years=False):
                yield run.start, run.end, self.SCORE

    def _in_hundreds(self, text: str) -> Iterable[tuple[int, int, float]]:
        """An SSN read in groups said as numbers, which a scale word would make an amount: "my
        social is nine hundred uh forty four twelve thirty four", "nine hundred sixty five four
        thousand and twelve"."""
        low = text.lower()
        if "hundred" not in low and "thousand" not in low:  # the cheap test first
            return
        for run in code_runs(text):
            said = low[run.start:run.end]
            if not run.letters and run.digits in SCALED_DIGITS and ("hundred" in said or "thousand" in said) \
                    and "million" not in said and has_context(text, run.start, self.CONTEXT, self.WINDOW):
                yield run.start, run.end, self.SCORE
