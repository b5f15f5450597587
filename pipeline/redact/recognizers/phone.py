"""Phone and fax numbers, written or spoken ("six one seven five five five zero one three four"),
including international written forms ("699 956 915", "(37) 788-063", "+44 20 7946 0958").
"""

import re

from .base import ContextCodeRecognizer

_WRITTEN = re.compile(r"(?<![\w.-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?![\w-]|\.\d)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"^(19|20)\d\d$")
_CLOCK = re.compile(r"^([01]\d|2[0-4])[0-5]\d$")


class SpokenPhoneRecognizer(ContextCodeRecognizer):
    """10 or 11 digits anywhere; 7 digits (or 3-digit area codes) after a phone context word."""

    ENTITY = "PHONE_NUMBER"
    CONTEXT = ("phone", "number", "call", "reach", "cell", "mobile", "fax", "text", "telephone", "contact",
               "callback", "call back", "dial", "extension", "landline")
    MIN_SYMBOLS = 7
    MAX_SYMBOLS = 12
    MIN_DIGITS = 7
    ALLOW_LETTERS = False
    NO_CONTEXT_LENGTHS = (10, 11)
    NO_CONTEXT_SCORE = 0.7

    def find(self, text: str):
        yield from super().find(text)
        for match in _WRITTEN.finditer(text):
            digits = sum(c.isdigit() for c in match.group(0))
            has_format = "(" in match.group(0) or "+" in match.group(0) or match.group(0).count(" ") + match.group(0).count("-") >= 1
            groups = re.split(r"[ .()+-]+", match.group(0).strip("()+ "))
            years = all(_YEAR.match(g) or _CLOCK.match(g) for g in groups if g)  # "2019 2020", "1900-0700"
            dotted_quad = match.group(0).count(".") == 3  # an IP address
            if 7 <= digits <= 13 and has_format and not _ISO_DATE.search(match.group(0)) and not years \
                    and not dotted_quad:
                yield match.start(), match.end(), 0.5
