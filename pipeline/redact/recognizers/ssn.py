"""US Social Security numbers, and their last four digits, spoken or written."""

from .base import ContextCodeRecognizer
from ..spoken import CodeRun


class SpokenSsnRecognizer(ContextCodeRecognizer):
    """Nine digits (or the last four) after "social", "social security", "SSN"."""

    ENTITY = "US_SSN"
    YEARS_ARE_AMOUNTS = False
    CONTEXT = ("social", "social security", "ssn", "s s n", "security number", "last four")
    ALLOW_LETTERS = False

    def accepts(self, run: CodeRun) -> bool:
        return not run.letters and run.digits in (4, 9)
