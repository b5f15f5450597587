"""Table for recognizers/device.py: device identifiers and serial numbers (pumps, implants, IMEI, MAC)."""

from pipeline.redact.recognizers.device import DeviceIdRecognizer

from .conftest import table_tests

RECOGNIZER = DeviceIdRecognizer()

POSITIVE = [
    ("the pump's serial number is p m four four eight one nine", "p m four four eight one nine"),
    ("the imei is three five eight two four oh oh seven one one two six six three four",
     "three five eight two four oh oh seven one one two six six three four"),
    ("pacemaker model and serial, uh, it's four seven two oh, um, one one nine three",
     "four seven two oh, um, one one nine three"),
    ("Serial: SN-88321-XA", "SN-88321-XA"),
    ("MAC address 00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E"),
    ("Lot number 2X449B was recalled.", "2X449B"),
]

NEGATIVE = [
    "the serial entrepreneur raised forty million",
    "the device weighs four hundred grams",
    "mac and cheese for twelve people",
    "the lot was full by eight fifteen",
    "we shipped 1500 devices in Q3",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
