"""PINs, passcodes and security codes."""

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..spoken import code_runs, said_one_by_one, words_after
from .base import ContextCodeRecognizer, SpokenRecognizer


# A card's security code is read out just before its expiry date.
EXPIRY = frozenset({"expiry", "expiry's", "expiration", "expires"})


class PinRecognizer(ContextCodeRecognizer):
    """Three to eight characters after "PIN", "passcode", "security code", "access code"."""

    ENTITY = "PIN"
    YEARS_ARE_AMOUNTS = False
    CONTEXT = ("pin", "p i n", "pin number", "pin code", "passcode", "pass code", "security code", "access code",
               "verification code", "password", "code is", "gate code", "door code", "alarm code", "cvv", "cvc",
               "c v v", "code on the back", "digit code", "one time code", "otp", "keypad", "code's",
               # the digits of a card's security code, and the code of a key safe or lock box
               "on the back", "the digits", "digits are", "key safe", "keysafe", "key box", "lockbox", "lock box",
               "safe code", "key code", "entry code", "combination is", "lock combination")
    MIN_SYMBOLS = 3
    MAX_SYMBOLS = 8

    def find(self, text: str):
        yield from super().find(text)
        if "expir" in text.lower():  # the cheap test first
            for run in code_runs(text):
                if run.digits in (3, 4) and said_one_by_one(text[run.start:run.end]) \
                        and set(words_after(text, run.end, 3)) & EXPIRY:
                    yield run.start, run.end, 0.7  # "seven three seven and the expiry's oh eight twenty eight"


class PassphraseRecognizer(SpokenRecognizer):
    """The words of a spoken password or passphrase: "the verbal password is blue heron fifty two",
    "the passcode for the portal is, um, bluebird", "the answer is biscuit"."""

    ENTITY = "PIN"
    NOUNS = ("password", "passphrase", "pass phrase", "passcode", "pass code", "passwords", "security word",
             "secret word", "code word", "security answer", "safe word", "memorable word", "answer")
    MAX_WORDS = 5
    # "the password on the account is", "the passcode for the portal is": a phrase may qualify the
    # noun, but only one that opens with a preposition ("the password reset link is broken" has none).
    _QUALIFIER = r"(?:\s+(?:for|on|to|of|at|in)(?:\s+[\w'-]+){1,4}?)?"
    _VALUE = re.compile(r"\b(?:%s)%s\s*(?:,\s*)?(?:is|was|it's|it is|'s|:)\s+((?:(?:um|uh|er|is|it's),?\s+)*)"
                        % ("|".join(n.replace(" ", r"\s+") for n in NOUNS), _QUALIFIER), re.IGNORECASE)
    # A written passphrase of words and digits joined by dashes, read out soon after the noun:
    # "the temporary password, I'll read it once: Harbor-Kite-4471".
    _JOINED = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W_]+){2,4}(?![\w-])")
    _NOUN = re.compile(r"\b(?:password|passphrase|pass phrase|passcode|pass code)\b[^.?!]{0,60}\Z", re.IGNORECASE)
    _CUT = re.compile(r"\s(?:and|but|so|then|okay|which|for|if|because|or)\b", re.IGNORECASE)

    def find(self, text: str):
        for match in self._VALUE.finditer(text):
            if match.group(0).lower().startswith("answer") and not re.search(
                    r"(?:question|security|secret)\b[^.?!]{0,60}$", text[max(0, match.start() - 80):match.start()],
                    re.IGNORECASE):
                continue  # "the answer is" is a password only after a security question
            words = re.match(r"(?:[\w'-]+[ \t]*){1,%d}" % self.MAX_WORDS, text[match.end():])
            if not words or words.group(0).split()[0].lower() in STOP_WORDS:
                continue  # not "is on the sticky note", "is the same as before"
            span = words.group(0).rstrip()
            cut = self._CUT.search(span)
            span = span[:cut.start()] if cut else span
            yield match.end(), match.end() + len(span), 0.8
        yield from self._joined(text)

    def _joined(self, text: str):
        """Three or more dash-joined words and digits (`_JOINED`), two digits at least, after a password noun in the same sentence."""
        if "-" not in text:
            return
        for match in self._JOINED.finditer(text):
            if re.search(r"\d\d", match.group(0)) \
                    and self._NOUN.search(text, max(0, match.start() - 80), match.start()):
                yield match.start(), match.end(), 0.8
