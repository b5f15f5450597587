"""Bank account, routing and billing account numbers."""

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer


class AccountNumberRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "account", "routing", "checking", "savings", "IBAN"."""

    ENTITY = "ACCOUNT_NUMBER"
    CONTEXT = ("account", "account number", "acct", "routing", "routing number", "checking", "savings",
               "iban", "bank", "billing", "sort code", "aba")
    WINDOW = 8
    MIN_DIGITS = 4
    MAX_SYMBOLS = 34  # IBANs
