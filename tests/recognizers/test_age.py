"""Table for recognizers/age.py: ages over 89, spoken or written."""

from pipeline.redact.recognizers.age import AgeOver89Recognizer

from .conftest import table_tests

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


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# Issue 12: without a cue word, with fillers and hedges, as a question.
HEDGED = [
    ("he'd he'd be um a hundred now", "a hundred"),
    ("is she really a hundred and eight", "a hundred and eight"),
    ("my father just turned um one hundred four", "one hundred four"),
    ("is she um really ninety eight", "ninety eight"),
]
test_finds_hedged, test_finds_nothing_hedged = table_tests(RECOGNIZER, HEDGED, [
    "it was about ninety five percent", "her pulse is um 96", "the total is really ninety dollars"])
