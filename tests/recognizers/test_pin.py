"""Table for recognizers/pin.py: PINs, passcodes and security codes, and spoken passwords."""

import pytest

from pipeline.redact.recognizers.pin import PassphraseRecognizer, PinRecognizer

RECOGNIZER = (PinRecognizer(), PassphraseRecognizer())

POSITIVE = [
    ("my pin is four four one nine", "four four one nine"),
    ("the gate code is star one nine nine two pound", "star one nine nine two pound"),
    ("uh the three digit code on the back is eight two six", "eight two six"),
    ("the verbal password is copper kettle nineteen", "copper kettle nineteen"),
    ("her security word is marigold and she prefers texts", "marigold"),
    ("Door code: 7731", "7731"),
    ("The verification code we texted you is 552 918.", "552 918"),
]

NEGATIVE = [
    "pin the agenda to the channel",
    "press pound to return to the main menu",
    "I forgot my password again, can you reset it",
    "the code review is at three thirty",
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_finds(covers, text, expected):
    covers(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_finds_nothing(finds_nothing, text):
    finds_nothing(RECOGNIZER, text)
