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
    ("the passcode for the portal is is riverside fifty six", "riverside fifty six"),
    ("uh the verbal password on the account is um falcon", "falcon"),
    ("The passcode for the portal is biscuit thirty.", "biscuit thirty"),
    ("the verbal password on the chart is sunflower if you need to check it's me", "sunflower"),
    ("what's the verbal password on the account it's blue heron forty two", "blue heron forty two"),
    ("the security question is the name of my first pet and the answer is biscuit", "biscuit"),
    # the digits of a card's security code, the code of a key safe
    ("4012 8888 8888 1881, and the three digits on the back are 4 0 2.", "4 0 2"),
    ("okay so the key safe code for missus brennan is one nine four seven and it's round the side",
     "one nine four seven"),
    ("the lockbox by the back door, it's 2 2 0 8", "2 2 0 8"),
    ("the combination is six four three one", "six four three one"),
    # words and digits joined by dashes after the noun, in the same sentence
    ("For the temporary password I'm going to read it once: Harbor-Kite-4471. You'll change it",
     "Harbor-Kite-4471"),
    ("new passphrase, write it down, Maple-River-Stone-88", "Maple-River-Stone-88"),
]

NEGATIVE = [
    "pin the agenda to the channel",
    "press pound to return to the main menu",
    "I forgot my password again, can you reset it",
    "the code review is at three thirty",
    "the password reset link is broken",
    "the answer is no, we won't settle",
    "the answer is probably yes",
    "the digits are warm and pink, cap refill brisk",
    "pressure area on the back, 2 cm, stage two",
    "combination therapy since 2019 with good effect",
    "the key safe is round the side by the bins",
    # a model or variant named after the noun is no passphrase
    "the password reset for the COVID-19 portal is broken, SARS-CoV-2 too",
    "I reset my password. Then we drove to the Salt-Lake-City-22 camp",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# Dev-set 3 class (helper 9): a card's security code read out just before its expiry.
test_finds_before_expiry, test_finds_nothing_before_expiry = table_tests(RECOGNIZER, [
    ("seven three seven and the expiry's oh eight twenty eight", "seven three seven"),
    ("it's four four one two, expiration oh nine twenty seven", "four four one two"),
], ["we sold 300 and the expiry of the lease is may", "three hundred and the expiry is may",
    "twenty five and the expiry date", "seven three seven and the flight lands at noon"])
