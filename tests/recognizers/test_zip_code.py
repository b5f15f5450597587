"""Table for recognizers/zip_code.py: ZIP codes after "zip", or closing an address."""

from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redact.names import plain
from pipeline.redact.places_world import is_place_name
from pipeline.redact.recognizers.zip_code import ZipCodeRecognizer

from .conftest import check_covers, table_tests
from .numbers_said import UNIT_WORDS

RECOGNIZER = ZipCodeRecognizer()

POSITIVE = [
    ("my zip is zero two one three nine", "zero two one three nine"),
    ("it's twelve elm street, salem, oregon nine seven three oh one", "nine seven three oh one"),
    ("uh the zip code there is nine four one oh seven", "nine four one oh seven"),
    ("postal code nine one seven three one dash two two oh four", "nine one seven three one dash two two oh four"),
    ("Plano, Texas 75024", "75024"),
    ("Hartford, CT 06103", "06103"),
    ("Send it to 40 Bay Road, Unit 3, Medford, MA 02155.", "02155"),
    # postcodes said letter by letter, and after an address with a town between or after
    ("fifty one garcia views east scott newfoundland and labrador l seven s three y seven", "l seven s three y seven"),
    ("yes the postcode is s sixty two eight x r", "s sixty two eight x r"),
    ("I have you at sixteen ninety nine Wade Drives, Frankton 15521, is that right?", "15521"),
    ("I'm at Mohammed-Hesse-Gasse 155, nine nine zero zero nine Sonneberg.", "nine nine zero zero nine"),
    ("i'm at twenty three joseph viaduct bradleymouth victoria um two six eight five", "two six eight five"),
    # an Irish Eircode said letter by letter
    ("i'm renting a room at fourteen glasnevin avenue dublin d eleven x two eight five", "d eleven x two eight five"),
]

NEGATIVE = [
    "the invoice total was 12500 dollars",
    "it happened in Denver in 2019",
    "zip it, the meeting starts at nine",
    "blood pressure one forty over ninety",
    "I live at 12 Oak Street and I walked 5000 steps",
    "IV D5 1/2 NS ran at 100 an hour",
    "LATEST PLATELETS 58,000 after the transfusion at 12 Oak Street",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# Written postcodes beside their town after a comma: before it (German) or after it (Australia,
# India, Romania), round numbers too ("Sydney 2000"); not a year after a city, nor an amount.
BESIDE_TOWNS = [
    ("Okay, the address is Finkering 151a, 63940 Meiningen.", "63940"),
    ("Next call is at 14 Hauptstraße, Freiburg 79098. His daughter lets us in.", "79098"),
    ("The office is at Level 12, 88 Phillip Street, Sydney 2000, just across", "2000"),
    ("Discharge address: 86 Kensington Gardens, Unit 12, Melbourne 3000.", "3000"),
    ("Flat 302, Sai Residency, 14th Cross, Indiranagar, Bengaluru 560038.", "560038"),
    ("Invoice Marinescu Design SRL, Strada Lipscani 21, Bucharest 030031.", "030031"),
]
NOT_BESIDE_TOWNS = [
    "Back then, London 2012 was the best games",
    "In total, Boston 1500 and Chicago 1200 were sold",
    "Rates rose, then 2500 people left",
]
test_finds_beside_towns, test_finds_nothing_beside_towns = table_tests(RECOGNIZER, BESIDE_TOWNS, NOT_BESIDE_TOWNS)


@given(st.integers(min_value=0, max_value=10_000))
@settings(max_examples=40, deadline=None)
def test_german_addresses_as_faker_writes_them_lose_their_postcode(seed):
    """Faker's de_DE address, "Street 12a, 63940 Town": the postcode goes wherever the town is listed."""
    fake = Faker("de_DE")
    fake.seed_instance(seed)
    postcode, city = fake.postcode(), fake.city_name()
    if not is_place_name(plain(city), True):
        return  # a town the gazetteer lacks (Faker's list holds villages too)
    text = f"Die Adresse ist {fake.street_name()} {fake.building_number()}, {postcode} {city}."
    check_covers(RECOGNIZER, text, postcode)


# Postcodes of other countries: after "in <town>," (South Africa), a CEP after its name (Brazil),
# a Czech one after an address's town, four to six digits said one by one after a listed town.
OTHER_COUNTRIES = [
    ("The executor is her nephew. He lives in Cape Town, 8001, so everything's by DocuSign.", "8001"),
    ("The team is at Rua Augusta, 1508, conjunto 72, CEP 01304-001. Thiago, is that right?", "01304-001"),
    ("cc: Ms. Hana Novotná, Květná 14, Brno, 603 00", "603 00"),
    ("tor van der merwe dunkeld medical dunkeld west johannesburg two one nine six", "two one nine six"),
    ("And Brisbane is on level nine of 120 Edward Street, 4000. Mere will meet you", "4000"),
]
NOT_OTHER_COUNTRIES = [
    "back in London, 2012, we won the cup",
    "we flew to boston four times last year",
    "in Sydney, 2000 people came to the march",
    "she was in paris twenty twenty two for work",
    "I live at 12 Oak Street, 5000 people live on it",
]
test_finds_other_countries, test_finds_nothing_other_countries = table_tests(
    RECOGNIZER, OTHER_COUNTRIES, NOT_OTHER_COUNTRIES)


@given(st.integers(min_value=0, max_value=10_000), st.sampled_from(("de_AT", "de_CH", "da_DK", "no_NO", "en_AU")),
       st.data())
@settings(max_examples=50, deadline=None)
def test_four_digit_postcodes_said_one_by_one_after_a_listed_town_are_found(seed, locale, data):
    """Faker's towns of four-digit postcode countries, in lower case, then the postcode said digit
    by digit: the postcode is found."""
    fake = Faker(locale)
    fake.seed_instance(seed)
    city = fake.city().lower()
    if " " in city or not city.isalpha() or not is_place_name(plain(city), False):
        return  # a town of several words, or one the gazetteer lacks or reads as an everyday word
    code = f"{data.draw(st.integers(min_value=1000, max_value=9999))}"
    said = " ".join(UNIT_WORDS[int(d)] for d in code)
    check_covers(RECOGNIZER, f"the clinic address is somewhere in {city} {said}", said)
