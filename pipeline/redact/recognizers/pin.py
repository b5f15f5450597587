"""PINs, passcodes and security codes."""

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .base import ContextCodeRecognizer, SpokenRecognizer


class PinRecognizer(ContextCodeRecognizer):
    """Three to eight characters after "PIN", "passcode", "security code", "access code"."""

    ENTITY = "PIN"
    YEARS_ARE_AMOUNTS = False
    CONTEXT = ("pin", "p i n", "pin number", "pin code", "passcode", "pass code", "security code", "access code",
               "verification code", "password", "code is", "gate code", "door code", "alarm code", "cvv", "cvc",
               "c v v", "code on the back", "digit code", "one time code", "otp", "keypad", "code's")
    MIN_SYMBOLS = 3
    MAX_SYMBOLS = 8


class PassphraseRecognizer(SpokenRecognizer):
    """The words of a spoken password or passphrase: "the verbal password is blue heron fifty two"."""

    ENTITY = "PIN"
    TRIGGERS = ("password is", "passphrase is", "pass phrase is", "password's", "security word is",
                "secret word is", "security answer is", "code word is")
    MAX_WORDS = 5

    def find(self, text: str):
        lowered = text.lower()
        for trigger in self.TRIGGERS:
            for match in re.finditer(r"\b" + re.escape(trigger) + r"\s+", lowered):
                rest = text[match.end():]
                words = re.match(r"(?:[\w'-]+\s*){1,%d}" % self.MAX_WORDS, rest)
                if words and words.group(0).split()[0].lower() not in STOP_WORDS:  # not "is on the sticky note"
                    span = words.group(0).rstrip()
                    cut = re.search(r"\s(?:and|but|so|then|okay|which|for|if)\b", span)
                    span = span[:cut.start()] if cut else span
                    yield match.end(), match.end() + len(span), 0.8
