"""Table for recognizers/pin.py: PINs, passcodes and security codes, and spoken passwords."""

from pipeline.redact.recognizers.pin import PassphraseRecognizer, PinRecognizer

from .conftest import table_tests

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


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
