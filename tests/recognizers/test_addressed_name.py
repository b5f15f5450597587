"""Table for recognizers/addressed_name.py: names where a meeting puts them, even everyday words."""

from pipeline.redact.recognizers.addressed_name import AddressedNameRecognizer

from .conftest import table_tests

RECOGNIZER = AddressedNameRecognizer()

POSITIVE = [
    ("Faith, can you take this one?", "Faith"),
    ("will zetukeik can you take notes today", "will zetukeik"),
    ("okay um is may still on the call", "may"),
    ("Is Joy still on the call?", "Joy"),
    ("so i'll have victoria send you the forms", "victoria"),
    ("rob is my case manager", "rob"),
    ("Carol is my case manager.", "Carol"),
    ("thanks uh bill", "bill"),
    ("Cheers, Hope.", "Hope"),
    ("Thanks, Will.", "Will"),
    ("okay so Grace, could you share your screen", "Grace"),
]

NEGATIVE = [
    "can you send it over",
    "is there anyone else on the call",
    "have you seen the report",
    "thanks everyone.",
    "thank you so much.",
    "will you be there tomorrow",
    "so can you check the dose",
    "is it still on the list",
    "let me know by friday",
    "ask them to call back",
    "thanks again.",
    "Okay, can you hear me?",
    "Thanks for coming in.",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
