"""Any other unique identifying number: employee, member, confirmation, reference IDs, and a
long number that nothing in its context explains."""

import re

from ..measurements import KEYS
from ..spoken import ABBREVIATIONS, CodeRun, LetterPrefixed, code_runs, numbered, said_one_by_one, words_before
from .base import AMOUNT_WRITTEN, ContextCodeRecognizer, looks_like_quantity

# Five or more digits in a row are guilty until proven innocent (issue 12): a number that no
# unit, currency, scale word or measurement name makes an amount identifies something.
MIN_UNEXPLAINED_DIGITS = 5
UNEXPLAINED_SCORE = 0.4  # below every context recognizer's, so any of them names the number
# Written, a long number stands alone to be unexplained: groups of digits joined by "-", "and"
# or commas are ranges and lists of readings in notes ("1900-0700", "257 AND 236", "12, 800").
_WRITTEN_ALONE = re.compile(r"\d{7,}")
# Written digits read out one by one stand for one number as much as spoken ones ("It's 5 5 5, 0 1 5 5").
_ONE_BY_ONE = re.compile(r"\d(?:,?[ \t]+\d)+")
# Up to two letters spelled before the digits open a code ("j seven one seven …", "W 8 8 7 1 …").
_LEAD_LETTERS = re.compile(r"[a-z]{1,2}(?=\d+$)")
_POSTCODE_WORDS = frozenset({"zip", "zipcode", "postcode", "postal"})
# A code written as capitals and groups of digits joined by dashes ("CWM-3162-4318"); not readings
# in notes ("sr-90-st-100", "100-200CC").
_DASHED_CODE = re.compile(r"[A-Z]{1,4}(?:-\d{3,}){1,3}")
# Written codes that open with capitals, whatever is said before them: a letter group joined by
# dashes to digit groups ("PM-7741-22093", "B-24-009187", "PX-7-000418"), one set apart from digit
# groups by spaces ("XWB 4471 20931", "K 4417 20391 08815"), or glued to them ("B7204419").
_LETTERED_CODE = re.compile(r"(?<![\w-])(?:(?P<dashed>[A-Z]{1,4})(?:-\d+){1,3}"
                            r"|(?P<spaced>[A-Z]{1,4})(?:[ \t]\d{2,6}){2,4}|(?P<glued>[A-Z]{1,3})\d{6,}"
                            r"|(?P<grouped>[A-Z]{2,5})[ \t]\d{2,6}(?:-\d{2,6}){2,3})(?![\w-])")
# Digits a lettered code needs: fewer are a model, a variant or a reading ("COVID-19", "A-1", "BS 114 122").
_LETTERED_MIN_DIGITS = {"dashed": 5, "spaced": 7, "glued": 6, "grouped": 8}  # "grouped": "EEOC 523-2024-01187"
# Digit groups after a measurement's name that make a code, not a reading or a range: "HR-2023-0419"
# (not "HR-88", "HR-110-133").
_LONG_GROUPS = re.compile(r"-\d{4,}-\d{3,}|-\d{3,}-\d{4,}")


# Four digits said one by one in words are a code (a PIN, the last four, a short ID): amounts,
# years and times are said as numbers ("twenty two fifty nine"), not digit by digit.
MIN_DIGIT_BY_DIGIT = 4


def _digit_by_digit(said: str, run: CodeRun) -> bool:
    """Four digits or more said one by one in words ("two two five nine", "four seven seven one
    star"), that count neither up nor down ("one two three four", "five four three two one")."""
    if run.digits < MIN_DIGIT_BY_DIGIT or run.letters or not said_one_by_one(said):
        return False
    steps = {int(b) - int(a) for a, b in zip(run.value, run.value[1:]) if a.isdigit() and b.isdigit()}
    return steps not in ({1}, {-1})


def _unexplained(text: str, run: CodeRun) -> bool:
    """A number of five or more digits, said in words, written as one long group or read out
    digit by digit, perhaps after a letter or two, that is no amount."""
    said = text[run.start:run.end]
    if run.digits < MIN_UNEXPLAINED_DIGITS and not (_digit_by_digit(said, run) and not numbered(text, run.start)) \
            or re.search(r"\band\b", said, re.IGNORECASE):
        return False
    if run.letters:
        lead = _LEAD_LETTERS.match(run.value)
        spelled = re.match(r"(?:[^\W\d_][ \t,-]+){%d}" % run.letters, said) if lead else None
        if not spelled:
            return False
        said = said[spelled.end():]
    spoken = any(c.isalpha() for c in said)
    if not spoken and not _WRITTEN_ALONE.fullmatch(said) and not _ONE_BY_ONE.fullmatch(said):
        return False
    if set(words_before(text, run.start, 4)) & _POSTCODE_WORDS:
        return False  # a postcode: the ZIP recognizer's, and kept where the policy keeps places
    return not AMOUNT_WRITTEN.fullmatch(said) and not looks_like_quantity(text, run)


def _lettered_codes(text: str):
    """Spans of written codes of capitals and digit groups (`_LETTERED_CODE`) with digits enough,
    whose capitals name no measurement ("BP 120 80") and, set apart, are no abbreviation ("HR 88 92 90")."""
    for match in _LETTERED_CODE.finditer(text):
        kind = match.lastgroup
        letters = match.group(kind).lower()
        reading_name = letters in KEYS and not (kind == "dashed" and _LONG_GROUPS.search(match.group(0)))
        if sum(c.isdigit() for c in match.group(0)) < _LETTERED_MIN_DIGITS[kind] or reading_name \
                or (kind != "dashed" and (letters in ABBREVIATIONS or letters == "i")):
            continue
        yield match.start(), match.end(), 0.5


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
        yield from _lettered_codes(text)
        for run in code_runs(text):  # a long code mixing letters and digits identifies something
            said = text[run.start:run.end]
            if run.letters >= 2 and run.digits >= 5 and len(run.value) >= 8 \
                    and (" " in said or _DASHED_CODE.fullmatch(said)):
                yield run.start, run.end, 0.5
            elif _unexplained(text, run):
                yield run.start, run.end, UNEXPLAINED_SCORE  # "I'll read it off the card: oh six seven four six …"
