"""Table for recognizers/passport.py: passport numbers."""

import pytest

from pipeline.redact.recognizers.passport import PassportRecognizer

RECOGNIZER = PassportRecognizer()

POSITIVE = [
    ("passport number is five four three two one nine eight seven six", "five four three two one nine eight seven six"),
    ("my passport is uh C zero three zero zero five nine eight eight", "C zero three zero zero five nine eight eight"),
    ("the passport number on file, it's X Y seven seven one two four four nine", "X Y seven seven one two four four nine"),
    ("Passport No. 912803177", "912803177"),
    ("UK passport 533401372, expires 2031.", "533401372"),
    ("Passport: N4482917", "N4482917"),
]

NEGATIVE = [
    "passport photos are fifteen dollars",
    "she renewed her passport in twenty nineteen",
    "the passport office opens at eight thirty",
    "I hope so, we will mark it",
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_finds(covers, text, expected):
    covers(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_finds_nothing(finds_nothing, text):
    finds_nothing(RECOGNIZER, text)
