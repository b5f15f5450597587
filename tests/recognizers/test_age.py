"""Table for recognizers/age.py: ages over 89, spoken or written."""

import pytest

from pipeline.redact.recognizers.age import AgeOver89Recognizer

RECOGNIZER = AgeOver89Recognizer()

POSITIVE = [
    ("my mother is ninety three years old", "ninety three"),
    ("she's ninety one and still drives", "ninety one"),
    ("he turned a hundred and two in june", "a hundred and two"),
    ("uh grandpa's ninety six", "ninety six"),
    ("she's a ninety two year old retired teacher", "ninety two"),
    ("Patient is a 94-year-old woman with CHF.", "94"),
    ("Aged 97, lives alone.", "97"),
    ("The decedent was 101 at the time of death.", "101"),
]

NEGATIVE = [
    "she's eighty nine years old",
    "the total is ninety dollars",
    "the meeting is ninety minutes",
    "oxygen was ninety four percent",
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_finds(covers, text, expected):
    covers(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_finds_nothing(finds_nothing, text):
    finds_nothing(RECOGNIZER, text)
