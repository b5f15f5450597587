"""Table for recognizers/city.py: cities, towns and counties, including lower-case speech output."""

from pipeline.redact.recognizers.city import CityRecognizer

from .conftest import table_tests

RECOGNIZER = CityRecognizer()

POSITIVE = [
    ("i'm driving in from worcester tomorrow", "worcester"),
    ("she lives in pasadena california with her son", "pasadena"),
    ("uh we're calling from the denver office", "denver"),
    ("his mom is in a care home near tucson", "tucson"),
    ("the new clinic is on ninety pine road in quincy", "quincy"),
    ("moved here from san antonio about ten years ago", "san antonio"),
    ("They moved to Kalamazoo, Michigan last year.", "Kalamazoo"),
    ("The property is in Middlesex County.", "Middlesex County"),
    ("Her sister lives in Austin, TX.", "Austin"),
]

NEGATIVE = [
    "I've been reading a lot about this",
    "the mobile app is down again",
    "we need more orange juice in the break room",
    "that's a normal result for her age",
    "i'm in a meeting until three",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
