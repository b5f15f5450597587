"""Table for recognizers/phone.py: phone and fax numbers, spoken digit by digit or written."""

from pipeline.redact.recognizers.phone import SpokenPhoneRecognizer

from .conftest import table_tests

RECOGNIZER = SpokenPhoneRecognizer()

POSITIVE = [
    ("so the callback number is four one five uh five five five two seven six oh",
     "four one five uh five five five two seven six oh"),
    ("you can text me at three oh three five five five double eight one two",
     "three oh three five five five double eight one two"),
    ("her mobile is nine seven three, five five five, triple four one", "nine seven three, five five five, triple four one"),
    ("my number's six one seven, um, five five five, oh two oh nine", "six one seven, um, five five five, oh two oh nine"),
    ("home phone is seven seven four two two one nine", "seven seven four two two one nine"),
    ("My cell is (617) 555-0198.", "(617) 555-0198"),
    ("The fax for the clinic is 781-555-0143.", "781-555-0143"),
    ("Please call the front desk at +44 20 7946 0958 before noon.", "+44 20 7946 0958"),
    ("You can reach Dr. Chen's office at 212.555.0176.", "212.555.0176"),
]

NEGATIVE = [
    "take five hundred milligrams twice a day with food",
    "blood pressure was one forty over ninety this morning",
    "we budgeted two point five million for Q3",
    "call me back in about ten minutes",
    "the conference call is at three thirty on the third floor",
    "her heart rate was one twenty and oxygen ninety eight percent",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
