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
