"""Table for recognizers/zip_code.py: ZIP codes after "zip", or closing an address."""

from pipeline.redact.recognizers.zip_code import ZipCodeRecognizer

from .conftest import table_tests

RECOGNIZER = ZipCodeRecognizer()

POSITIVE = [
    ("my zip is zero two one three nine", "zero two one three nine"),
    ("it's twelve elm street, salem, oregon nine seven three oh one", "nine seven three oh one"),
    ("uh the zip code there is nine four one oh seven", "nine four one oh seven"),
    ("postal code nine one seven three one dash two two oh four", "nine one seven three one dash two two oh four"),
    ("Plano, Texas 75024", "75024"),
    ("Hartford, CT 06103", "06103"),
    ("Send it to 40 Bay Road, Unit 3, Medford, MA 02155.", "02155"),
]

NEGATIVE = [
    "the invoice total was 12500 dollars",
    "it happened in Denver in 2019",
    "zip it, the meeting starts at nine",
    "blood pressure one forty over ninety",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
