"""Driver's licence numbers."""

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer


class DriverLicenceRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "driver's license", "licence number", "DL"."""

    ENTITY = "US_DRIVER_LICENSE"
    CONTEXT = ("driver's license", "drivers license", "driver license", "driver's licence", "drivers licence",
               "driving licence", "driving license", "license number", "licence number", "dl", "d l",
               "license", "licence")
    WINDOW = 8
    MIN_SYMBOLS = 5
