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
]

NEGATIVE = [
    "the plate of food was cold",
    "tag me in the Q3 deck",
    "registration opens at nine thirty",
    "we drove a 2019 honda to the third floor garage",
    "reg insulin given at noon for BS 286, recheck at four",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
