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


# Towns of the world gazetteer (GeoNames, 1,000 people or more) where a place stands, in any case;
# the everyday words that name towns too stay.
WORLD = [
    ("we're visiting from galway in ireland", "galway"),
    ("he is eighty four lives alone in clontarf and still drives", "clontarf"),
    ("She's a 96-year-old lady from Chorlton, lives alone", "Chorlton"),
    ("so we need assistance at the connection in frankfurt", "frankfurt"),
    ("i'm a landlord in ballarat and my tenant is late", "ballarat"),
    ("Flat 302, 14th Cross, Indiranagar, Bengaluru 560038.", "Bengaluru"),
    ("Please invoice them at Strada Lipscani 21, Bucharest 030031.", "Bucharest"),
]
WORLD_WORDS = [
    "patient resting in bed, in no pain, in sinus rhythm at times",
    "she was in time for the march in support of the deal",
    "we met at most twice in bath and in split shifts",
    "he's visiting from armenia next week",
    "the mass in the colon was biopsied in may",
    "Tolerating diet. Up in chair. Family at bedside.",
]
test_finds_world, test_finds_nothing_world = table_tests(RECOGNIZER, WORLD, WORLD_WORDS)
