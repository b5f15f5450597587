"""Table for recognizers/city.py: cities, towns and counties, including lower-case speech output."""

from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redact.places_world import fold, is_place_name
from pipeline.redact.recognizers.city import CityRecognizer

from .conftest import check_covers, table_tests

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


# Towns right after a street address or a PO box, between a comma and a postcode, between "the" and
# a site, after a direction that is part of the name; names with letters no accent makes (ł, ʻ);
# Japanese wards as written. A state so made stays.
PLACED = [
    ("she lives at fourteen rimu road whangarei", "whangarei"),
    ("so send everything to me at p o box four four nine mosgiel until she's settled", "mosgiel"),
    ("The offsite's booked at 18 Abbeygate Lane, Bury St Edmunds, IP33 1LU, on the 9th", "Bury St Edmunds"),
    ("cc: Ms. Hana Novotná, Květná 14, Brno, 603 00", "Brno"),
    ("The police report number is 24-011873, from the Tucson PD.", "Tucson"),
    ("the eircode for the galway office is h nine one x two k four", "galway"),
    ("The São Paulo team is at Rua Augusta, 1508", "São Paulo"),
    ("my address is forty two hollis lane in south weymouth oh two one nine oh", "south weymouth"),
    ("she's from poland originally from lodz and she's started", "lodz"),
    ("she's from nukuʻalofa originally", "nukuʻalofa"),
    ("Hi, it's Kasper in Malmö. The office Wi-Fi is down", "Malmö"),
    ("she moved from Brumov-Bylnice last spring", "Brumov-Bylnice"),
    ("we lived in ikeja then lekki then we came to houston", "lekki"),
    ("For the customs form it's 2-14-5 Shibaura, Minato-ku, Tokyo 108-0023.", "Minato-ku"),
]
NOT_PLACED = [
    "we moved to North Carolina in May",
    "she lives in west virginia now",
    "the team met in the office on the north side",
    "Apartment 4, 19 Pembroke Road is the new address",
    "the mobile team reviewed the orange office plan",
    "she's visiting from mexico next week",
]
test_finds_placed, test_finds_nothing_placed = table_tests(RECOGNIZER, PLACED, NOT_PLACED)


@given(st.integers(min_value=0, max_value=10_000), st.sampled_from(("pl_PL", "no_NO", "da_DK", "tr_TR", "cs_CZ")),
       st.sampled_from(("she moved from {}", "we're based in {} now", "the {} office called")))
@settings(max_examples=60, deadline=None)
def test_a_listed_town_of_faker_is_found_with_its_own_letters(seed, locale, frame):
    """Towns of Poland, Norway, Denmark, Turkey and Czechia as Faker writes them, letters such
    as ł, ø and ı kept: found where the gazetteer lists them under their ASCII name."""
    fake = Faker(locale)
    fake.seed_instance(seed)
    city = fake.city()
    if not is_place_name(fold(city), True):
        return  # a village the gazetteer lacks, or a town named with an everyday word
    check_covers(RECOGNIZER, frame.format(city), city)
