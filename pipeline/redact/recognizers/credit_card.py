"""Payment card numbers spoken as digits, and their last four after "card"."""

from .base import ContextCodeRecognizer
from ..spoken import CodeRun


class SpokenCardRecognizer(ContextCodeRecognizer):
    """13–19 digits anywhere; four digits after "card ending", "last four of the card"."""

    ENTITY = "CREDIT_CARD"
    YEARS_ARE_AMOUNTS = False
    CONTEXT = ("card", "visa", "mastercard", "master card", "amex", "american express", "discover", "credit",
               "debit", "card number", "ending in", "ends in", "one ending")  # "it's the one ending one one one one"
    ALLOW_LETTERS = False
    NO_CONTEXT_LENGTHS = (13, 14, 15, 16, 17, 18, 19)

    def accepts(self, run: CodeRun) -> bool:
        return not run.letters and (run.digits in (3, 4) or 13 <= run.digits <= 19)
