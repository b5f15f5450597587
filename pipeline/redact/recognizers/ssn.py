"""US Social Security numbers, and their last four digits, spoken or written."""

from typing import Iterable

from .base import ContextCodeRecognizer
from ..spoken import CodeRun, code_runs, has_context

# Digits a number said in hundreds ("nine hundred twelve forty …") may read as: "nine hundred sixty
# five" is 965 to the parser but 900-65 to a caller reading the groups 900, 65, 4012.
SCALED_DIGITS = range(7, 10)


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
