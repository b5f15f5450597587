"""Table for recognizers/ssn.py: Social Security numbers and their last four, spoken or written."""

from pipeline.redact.recognizers.ssn import SpokenSsnRecognizer

from .conftest import table_tests

RECOGNIZER = SpokenSsnRecognizer()

POSITIVE = [
    ("my social is four two one, uh, seven seven, zero three one eight", "four two one, uh, seven seven, zero three one eight"),
    ("his social security number is three eight seven dash four four dash one nine oh two",
     "three eight seven dash four four dash one nine oh two"),
    ("the patient's s s n is five three one, eight eight, four two zero seven",
     "five three one, eight eight, four two zero seven"),
    ("what are the last four of your social? uh eight eight two one", "eight eight two one"),
    ("I'll give you the last four, it's six oh six one", "six oh six one"),
    ("Social Security number 219-09-9999.", "219-09-9999"),
    ("SSN: 401-88-2736", "401-88-2736"),
]

NEGATIVE = [
    "social hour is at four thirty on friday",
    "the social worker saw her nine times in the last four weeks",
    "the social media budget is nine hundred thousand dollars",
    "social security benefits start at sixty seven",
    "blood pressure one forty over ninety",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# Dev-set 3 class (helper 9): an SSN read in groups said as numbers, with "hundred" or "thousand".
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from pii_generator import cardinal  # noqa: E402

from .conftest import check_covers  # noqa: E402

test_finds_in_hundreds, test_finds_nothing_in_hundreds = table_tests(RECOGNIZER, [
    ("my social is nine hundred uh forty four twelve thirty four you want it again",
     "nine hundred uh forty four twelve thirty four"),
    ("my social is nine hundred twelve forty seventy seven eleven", "nine hundred twelve forty seventy seven eleven"),
    ("social security number nine hundred sixty five four thousand and twelve",
     "nine hundred sixty five four thousand and twelve"),
], ["my social security check was nine hundred and twelve dollars",
    "the social budget is four hundred thousand five hundred",
    "social security pays nine hundred million dollars a year"])


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.integers(1, 8), st.integers(10, 99), st.integers(10, 99), st.integers(10, 99), st.integers(10, 99))
def test_an_ssn_said_as_a_hundred_and_pairs_is_found(hundreds, area, group, first, last):
    said = f"{cardinal(hundreds)} hundred {cardinal(area)} {cardinal(group)} {cardinal(first)} {cardinal(last)}"
    check_covers(RECOGNIZER, f"and my social is {said} okay", said)

# Dev-set 3 class (helper 9): digits said right after "my social is", however few (the caller broke off).
test_finds_presented, test_finds_nothing_presented = table_tests(RECOGNIZER, [
    ("my social is uh nine one four hold on let me find the card", "nine one four"),
    ("my ssn is five five two oh one, sorry, I lost my place", "five five two oh one"),
], ["my social security is nine hundred dollars a month", "the social is at five and lasts ninety minutes",
    "the social is 150 people strong"])


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "oh"]),
                min_size=3, max_size=8), st.sampled_from(["hold on", "wait", "sorry let me check", "um"]))
def test_a_broken_off_ssn_after_my_social_is_is_found(digits, rest):
    said = " ".join(digits)
    check_covers(RECOGNIZER, f"yes my social is {said} {rest}", said)
