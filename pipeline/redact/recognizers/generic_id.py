"""Any other unique identifying number: employee, member, confirmation, reference IDs, and a
long number that nothing in its context explains."""

import re

from ..spoken import CodeRun, LetterPrefixed, code_runs, words_before
from .base import AMOUNT_WRITTEN, ContextCodeRecognizer, looks_like_quantity

# Five or more digits in a row are guilty until proven innocent (issue 12): a number that no
# unit, currency, scale word or measurement name makes an amount identifies something.
MIN_UNEXPLAINED_DIGITS = 5
UNEXPLAINED_SCORE = 0.4  # below every context recognizer's, so any of them names the number
# Written, a long number stands alone to be unexplained: groups of digits joined by "-", "and"
# or commas are ranges and lists of readings in notes ("1900-0700", "257 AND 236", "12, 800").
_WRITTEN_ALONE = re.compile(r"\d{7,}")
_POSTCODE_WORDS = frozenset({"zip", "zipcode", "postcode", "postal"})


def _unexplained(text: str, run: CodeRun) -> bool:
    """A number of five or more digits, said in words or written as one long group, that is no
    amount."""
    said = text[run.start:run.end]
    spoken = any(c.isalpha() for c in said)
    if run.letters or run.digits < MIN_UNEXPLAINED_DIGITS or re.search(r"\band\b", said, re.IGNORECASE):
        return False
    if not spoken and not _WRITTEN_ALONE.fullmatch(said):
        return False
    if set(words_before(text, run.start, 4)) & _POSTCODE_WORDS:
        return False  # a postcode: the ZIP recognizer's, and kept where the policy keeps places
    return not AMOUNT_WRITTEN.fullmatch(said) and not looks_like_quantity(text, run)


class GenericIdRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "ID", "identification number", "confirmation number", "employee number"."""

    ENTITY = "ID"
    CONTEXT = ("id", "i d", "identification", "id number", "identification number", "confirmation",
               "confirmation number", "reference number", "employee id", "employee number", "badge",
               "badge number", "student id", "customer number", "customer id", "order number", "tracking number",
               "number is", "code", "my number")
    WINDOW = 6
    MIN_SYMBOLS = 5
    SCORE = 0.6

    def find(self, text: str):
        yield from super().find(text)
        for run in code_runs(text):  # a long code mixing letters and digits identifies something
            if run.letters >= 2 and run.digits >= 5 and len(run.value) >= 8 and " " in text[run.start:run.end]:
                yield run.start, run.end, 0.5
            elif _unexplained(text, run):
                yield run.start, run.end, UNEXPLAINED_SCORE  # "I'll read it off the card: oh six seven four six …"
