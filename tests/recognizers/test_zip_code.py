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
    # postcodes said letter by letter, and after an address with a town between or after
    ("fifty one garcia views east scott newfoundland and labrador l seven s three y seven", "l seven s three y seven"),
    ("yes the postcode is s sixty two eight x r", "s sixty two eight x r"),
    ("I have you at sixteen ninety nine Wade Drives, Frankton 15521, is that right?", "15521"),
    ("I'm at Mohammed-Hesse-Gasse 155, nine nine zero zero nine Sonneberg.", "nine nine zero zero nine"),
    ("i'm at twenty three joseph viaduct bradleymouth victoria um two six eight five", "two six eight five"),
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
