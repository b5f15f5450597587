"""Table for recognizers/credit_card.py: card numbers said as digits, and the last four after "card"."""

from pipeline.redact.recognizers.credit_card import SpokenCardRecognizer

from .conftest import table_tests

RECOGNIZER = SpokenCardRecognizer()

POSITIVE = [
    ("the card number is four one one one, one one one one, one one one one, one one one one",
     "four one one one, one one one one, one one one one, one one one one"),
    ("it's a mastercard ending in uh five one oh oh", "five one oh oh"),
    ("the amex is three seven one four, four nine six three five, three nine eight four three one",
     "three seven one four, four nine six three five, three nine eight four three one"),
    ("I'll read it, six zero one one zero zero zero nine nine zero one three nine four two four",
     "six zero one one zero zero zero nine nine zero one three nine four two four"),
    ("sorry, the card ends in seven seven three one", "seven seven three one"),
    ("Visa ending in 4242.", "4242"),
    ("Card: 5500 0000 0000 0004, exp 09/27", "5500 0000 0000 0004"),
    ("last four on the debit card are 8 8 1 9", "8 8 1 9"),
]

NEGATIVE = [
    "the visa appointment is on the fourth at nine",
    "credit hours for the course are forty five",
    "her card says she's allergic to penicillin",
    "blood pressure one forty over ninety",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
