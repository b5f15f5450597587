"""Table for recognizers/credit_card.py: card numbers said as digits, and the last four after "card"."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redact.recognizers.credit_card import SpokenCardRecognizer

from .conftest import check_covers, table_tests
from .numbers_said import said_number

RECOGNIZER = SpokenCardRecognizer()

POSITIVE = [
    ("the card number is four one one one, one one one one, one one one one, one one one one",
     "four one one one, one one one one, one one one one, one one one one"),
    ("it's a mastercard ending in uh five one oh oh", "five one oh oh"),
    ("the amex is three seven one four, four nine six three five, three nine eight four three one",
     "three seven one four, four nine six three five, three nine eight four three one"),
    ("I'll read it, six zero one one zero zero zero nine nine zero one three nine four two four",
     "six zero one one zero zero zero nine nine zero one three nine four two four"),
    ("sorry, the card ends in seven seven three one", "seven seven three one"),
    ("Visa ending in 4242.", "4242"),
    ("Card: 5500 0000 0000 0004, exp 09/27", "5500 0000 0000 0004"),
    ("last four on the debit card are 8 8 1 9", "8 8 1 9"),
    ("Charge it to 4057, 4664, double-five-one-two, four-oh-eight-eight, please.",
     "4057, 4664, double-five-one-two, four-oh-eight-eight"),
]

NEGATIVE = [
    "the visa appointment is on the fourth at nine",
    "credit hours for the course are forty five",
    "her card says she's allergic to penicillin",
    "blood pressure one forty over ninety",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


def _luhn(payload: str) -> str:
    """`payload` with its Luhn check digit."""
    total = 0
    for n, digit in enumerate(reversed(payload)):
        value = int(digit) * (2 if n % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return payload + str((10 - total % 10) % 10)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.data(), st.sampled_from("3456"), st.text("0123456789", min_size=14, max_size=14))
def test_a_card_number_read_out_in_any_mix_of_styles_is_found(data, first, payload):
    """Sixteen digits in four groups, each said in words, written, read out one by one or hyphenated."""
    number = data.draw(said_number(_luhn(first + payload), (4, 4, 4, 4)))
    check_covers(RECOGNIZER, f"Charge it to {number}, please.", number)


# Dev-set 3 class (helper 9): "the one ending …" with the card named after it.
test_finds_v4, test_finds_nothing_v4 = table_tests(RECOGNIZER, [
    ("it's the one ending one one one one yeah the visa", "one one one one"),
], ["the one ending in tears", "for the year ending 2023"])
