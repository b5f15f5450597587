"""Table for recognizers/email_spoken.py: e-mail addresses said aloud, half-written or written."""

from pipeline.redact.recognizers.email_spoken import SpokenEmailRecognizer

from .conftest import table_tests

RECOGNIZER = SpokenEmailRecognizer()

POSITIVE = [
    ("you can email me at priya dot raman at outlook dot com", "priya dot raman at outlook dot com"),
    ("it's d underscore okafor seventy two at gmail dot com", "d underscore okafor seventy two at gmail dot com"),
    ("send the forms to intake at lakeside family med dot org", "intake at lakeside family med dot org"),
    ("uh yeah it's j kowalski at yahoo dot com", "j kowalski at yahoo dot com"),
    ("the billing contact is accounts dash payable at northfield dash supply dot net",
     "accounts dash payable at northfield dash supply dot net"),
    ("reach out to hr at brightline dot co dot uk", "hr at brightline dot co dot uk"),
    ("my email is sam dot nguyen eighty eight at icloud dot com", "sam dot nguyen eighty eight at icloud dot com"),
    ("Please send it to Maria Lopez at Outlook.com today.", "Maria Lopez at Outlook.com"),
    ("My email is tom.becker@harborview.example.", "tom.becker@harborview.example"),
]

NEGATIVE = [
    "let's meet at the office at nine",
    "the meeting is at three and the deck is on the shared drive",
    "the website is lakeside health dot org",
    "she's at home, we will mark it as done",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
