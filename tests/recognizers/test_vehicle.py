"""Table for recognizers/vehicle.py: VINs and licence plates."""

from pipeline.redact.recognizers.vehicle import VehicleRecognizer

from .conftest import table_tests

RECOGNIZER = VehicleRecognizer()

POSITIVE = [
    ("license plate is seven x k l two nine four", "seven x k l two nine four"),
    ("the car's tag is uh H P Z, six six nine", "H P Z, six six nine"),
    ("vin number five y j three e one e a seven k f one two eight eight eight four",
     "five y j three e one e a seven k f one two eight eight eight four"),
    ("The VIN is 1HGCM82633A004352.", "1HGCM82633A004352"),
    ("Plate 7KLM219, silver sedan.", "7KLM219"),
    # the capitals of a plate written apart from its digits
    ("My plate number is BKR 4471; it's an Ohio plate.", "BKR 4471"),
    ("The other driver's plate was FFW 0731, I think.", "FFW 0731"),
    # a British plate in its current form needs no context
    ("I see his car, the silver one, KX17 BNU, and I just freeze.", "KX17 BNU"),
    ("it was parked as LB07SEO outside", "LB07SEO"),
]

NEGATIVE = [
    "the plate of food was cold",
    "tag me in the Q3 deck",
    "registration opens at nine thirty",
    "we drove a 2019 honda to the third floor garage",
    "reg insulin given at noon for BS 286, recheck at four",
    "the postcode is SW1A 1AA and the flight BA117 left",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
