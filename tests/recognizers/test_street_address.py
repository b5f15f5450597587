"""Table for recognizers/street_address.py: street addresses, units and PO boxes, spoken or written."""

import pytest

from pipeline.redact.recognizers.street_address import StreetAddressRecognizer

RECOGNIZER = StreetAddressRecognizer()

POSITIVE = [
    ("I live at four twelve maple avenue", "four twelve maple avenue"),
    ("it's eighty eight cedar lane apartment two c", "eighty eight cedar lane apartment two c"),
    ("mail it to p o box three one seven", "p o box three one seven"),
    ("she moved to nineteen hundred harbor drive", "nineteen hundred harbor drive"),
    ("the clinic is at three forty five main street, second floor", "three forty five main street"),
    ("Our office is at 2218 North Whitfield Boulevard, Suite 300.", "2218 North Whitfield Boulevard, Suite 300"),
    ("The accident was on Elm Street near the school.", "Elm Street"),
    ("Rural Route 2, Box 118", "Rural Route 2, Box 118"),
]

NEGATIVE = [
    "we're on the third floor by the elevators",
    "we bought a two terabyte drive",
    "he plays on a court three times a week",
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_finds(covers, text, expected):
    covers(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_finds_nothing(finds_nothing, text):
    finds_nothing(RECOGNIZER, text)
