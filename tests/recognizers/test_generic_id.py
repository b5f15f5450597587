"""Table for recognizers/generic_id.py: employee, confirmation, order, badge and other ID numbers."""

from pipeline.redact.recognizers.generic_id import GenericIdRecognizer

from .conftest import table_tests

RECOGNIZER = GenericIdRecognizer()

POSITIVE = [
    ("my employee id is four four seven one two", "four four seven one two"),
    ("the order number is five five one nine oh two three", "five five one nine oh two three"),
    ("uh student id nine oh oh three one eight four two", "nine oh oh three one eight four two"),
    ("badge number b seven seven four one nine", "b seven seven four one nine"),
    ("reference number for the complaint is c r m dash two two eight one nine", "c r m dash two two eight one nine"),
    ("The tracking number is 1Z 999 AA1 0123 4567 84.", "1Z 999 AA1 0123 4567 84"),
    # a long number with no context at all: guilty until its context makes it an amount
    ("i'll read it off the card oh six seven four six oh one seven eight", "oh six seven four six oh one seven eight"),
    ("I'll read it off the card: eight six four, two six zero zero five four.", "eight six four, two six zero zero five four"),
    ("it's on the letter, 40719233, near the top", "40719233"),
]

NEGATIVE = [
    "I'd like to order twelve boxes of gloves",
    "the code freeze starts on the third",
    "code blue on the fourth floor",
    "my number one priority is hiring",
    # amounts, ranges and lists of readings stay
    "we sold twelve thousand five hundred units",
    "the budget is 250000 for the year",
    "it cost $12500 last time",
    "NPN 1900-0700: uneventful shift",
    "FS 257 AND 236, covered per scale",
    "on AC 12, 800, PEEP 10",
    "CPKs 11058, creat stable",
    "that's nineteen ninety five to two thousand",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
