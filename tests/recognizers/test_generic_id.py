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
]

NEGATIVE = [
    "I'd like to order twelve boxes of gloves",
    "the code freeze starts on the third",
    "code blue on the fourth floor",
    "my number one priority is hiring",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
