"""Table for recognizers/date_spoken.py: calendar dates, spoken or written, and dates said as bare numbers."""

from pipeline.redact.recognizers.date_spoken import SpokenDateRecognizer, SpokenNumericDateRecognizer

from .conftest import table_tests

RECOGNIZER = (SpokenDateRecognizer(), SpokenNumericDateRecognizer())

POSITIVE = [
    ("dob three slash nine slash fifty one", "three slash nine slash fifty one"),
    ("she was born july twenty second nineteen forty eight", "july twenty second nineteen forty eight"),
    ("date of birth uh oh four one seven sixty two", "oh four one seven sixty two"),
    ("we saw him on the nineteenth and he looked better", "the nineteenth"),
    ("the accident happened in october twenty twenty two", "october twenty twenty two"),
    ("born on the fifth of june two thousand and one", "the fifth of june two thousand and one"),
    ("Admitted on March 4, 2023 for pneumonia.", "March 4, 2023"),
    ("The surgery is scheduled for 11/02/2024.", "11/02/2024"),
    ("Tuesday, May 6th works for the deposition.", "Tuesday, May 6th"),
    ("She was discharged 7/22.", "7/22"),
]

NEGATIVE = [
    "let's meet tomorrow at three on the third floor",
    "we may need three more nurses",
    "take 1/2 tablet at bedtime",
    "version two point one ships next tuesday",
    "Q3 was better than Q2",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
