"""Table for recognizers/passport.py: passport numbers."""

from pipeline.redact.recognizers.passport import PassportRecognizer

from .conftest import table_tests

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


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
