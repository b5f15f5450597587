"""Table for recognizers/driver_licence.py: driver's licence numbers."""

from pipeline.redact.recognizers.driver_licence import DriverLicenceRecognizer

from .conftest import table_tests

RECOGNIZER = DriverLicenceRecognizer()

POSITIVE = [
    ("driver's license number is S five three zero, seven seven two, one nine eight four",
     "S five three zero, seven seven two, one nine eight four"),
    ("my drivers license is uh four four two nine one seven three eight", "four four two nine one seven three eight"),
    ("the d l is M four five five, two one three, eight eight", "M four five five, two one three, eight eight"),
    ("Her DL number is K4429183.", "K4429183"),
    ("California driver license B7731842", "B7731842"),
    ("Driver's license: F255-921-50-094-0", "F255-921-50-094-0"),
    ("her driver's license number was on the exchange form it says s five three zero four four one seven nine "
     "nine two one", "s five three zero four four one seven nine nine two one"),
]

NEGATIVE = [
    "the license renewal costs eighty five dollars",
    "he got his license back in twenty nineteen",
    "software license for fifty seats, version two point one",
    "I got my license at sixteen",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
