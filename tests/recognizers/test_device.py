"""Table for recognizers/device.py: device identifiers and serial numbers (pumps, implants, IMEI, MAC)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redact.recognizers.device import DeviceIdRecognizer

from .conftest import check_covers, table_tests

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
    # MAC addresses said pair by pair
    ("whitelist mac address zero a colon five eight colon eight one colon d f colon f four colon a a on the network",
     "zero a colon five eight colon eight one colon d f colon f four colon a a"),
    ("the address is zero two colon three six colon one b colon f a colon six b colon seventy five",
     "zero two colon three six colon one b colon f a colon six b colon seventy five"),
]

NEGATIVE = [
    "the serial entrepreneur raised forty million",
    "the device weighs four hundred grams",
    "mac and cheese for twelve people",
    "the lot was full by eight fifteen",
    "we shipped 1500 devices in Q3",
    "rounds at 10:30, 11:45, 12:00 and 13:15",
    "BP 120-80-75-90-110-95 over the shift",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


_SAID_HEX = dict(zip("0123456789", "zero one two three four five six seven eight nine".split()))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.text("0123456789abcdef", min_size=2, max_size=2), min_size=6, max_size=6),
       st.sampled_from((" colon ", " dash ", " hyphen ")))
def test_a_mac_address_said_pair_by_pair_is_found_without_context(pairs, separator):
    """Six pairs of hex digits, digits in words and letters spelled, parted by "colon" or "dash"."""
    said = separator.join(" ".join(_SAID_HEX.get(c, c) for c in pair) for pair in pairs)
    check_covers(RECOGNIZER, f"whitelist {said} on the clinic network", said)
