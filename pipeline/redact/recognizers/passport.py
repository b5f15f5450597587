"""Passport numbers."""

from .base import ContextCodeRecognizer


class PassportRecognizer(ContextCodeRecognizer):
    """A code after "passport"."""

    ENTITY = "US_PASSPORT"
    CONTEXT = ("passport", "passport number", "passport no")
    WINDOW = 8
    MIN_SYMBOLS = 6
    MAX_SYMBOLS = 12
