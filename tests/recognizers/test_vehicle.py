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


# Dev-set 3 class (helper 9): a plate said before "plates", perhaps with its state between.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from .conftest import check_covers  # noqa: E402

test_finds_plate_first, test_finds_nothing_plate_first = table_tests(RECOGNIZER, [
    ("h m r four four two hawaii plates and the vin is on the dash", "h m r four four two"),
    ("it was KX 4471 plates, silver", "KX 4471"),
], ["he wore tags and plates", "it's two plates of food", "four four two plates were broken"])

_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.text(alphabet="bcdfghjklmnprstvwxz", min_size=1, max_size=3), st.lists(st.integers(0, 9), min_size=3,
       max_size=4), st.sampled_from(["", "hawaii ", "ohio ", "texas "]), st.sampled_from(["plates", "plate", "tags"]))
def test_a_plate_before_its_name_is_found(letters, digits, state, noun):
    said = " ".join(letters) + " " + " ".join(_DIGITS[d] for d in digits)
    check_covers(RECOGNIZER, f"the car had {said} {state}{noun} on it", said)
