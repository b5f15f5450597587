"""Names in the places a meeting puts them, whatever the name is (even an everyday word):
someone addressed ("Faith, can you take this one?", "will zetukeik can you take notes"),
asked about ("is April still on the call?"), given a task ("have Victoria send the forms"),
introduced by role ("Rob is my case manager"), or thanked at the end ("thanks, Bill.").

The frame is the evidence, so a word-like name counts here; words that can't be names in
that place (pronouns, "everyone", "you") never do.
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .. import names
from ..spoken import FILLERS
from .base import SpokenRecognizer

_LEAD_WORDS = r"(?:so|okay|ok|and|um|uh|oh|hey|right|now|well|yes|yeah|no)"
_NAME = r"(?!" + _LEAD_WORDS + r"\b)(?P<name>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)"
_OPEN = r"(?:^|(?<=[.!?\n])\s*|\b" + _LEAD_WORDS + r",?\s+)"
ROLES = ("case manager", "nurse", "doctor", "therapist", "lawyer", "attorney", "counselor", "counsellor",
         "social worker", "caseworker", "case worker", "manager", "supervisor", "boss", "assistant", "paralegal",
         "advocate", "interpreter", "aide", "caregiver", "carer", "guardian", "landlord", "agent", "adjuster",
         "coordinator", "contact", "sponsor", "physician", "surgeon", "pharmacist", "dentist", "client", "patient")
_FRAMES = [
    re.compile(_OPEN + _NAME + r",?\s+(?:can|could|would|will)\s+you\b", re.IGNORECASE),
    re.compile(r"\b(?:is|are|was)\s+" + _NAME + r"\s+(?:still\s+)?(?:on the (?:call|line)|here|there|with us|joining)\b",
               re.IGNORECASE),
    re.compile(r"\b(?:have|ask|let|get)\s+" + _NAME + r"\s+(?:send|call|email|e-mail|text|look|check|reach|contact|"
               r"follow|fax|sign|review|update|schedule|book|bring|handle|know)\b", re.IGNORECASE),
    re.compile(_OPEN + _NAME + r"\s+(?:is|was|'s)\s+(?:my|our|his|her|their)\s+(?:" + "|".join(ROLES) + r")\b",
               re.IGNORECASE),
    re.compile(r"\b(?:thanks|thank you|cheers|bye|goodbye|morning|hi|hello|hey)(?:,?\s+(?:uh|um|so much))?,?\s+"
               r"(?P<name>[^\W\d_][\w'’-]*)\s*(?=[.!?]|$)", re.IGNORECASE | re.MULTILINE),
]
_NOT_NAMES = frozenset("you everyone everybody all guys folks team there here it this that he she they we i "
                       "someone anyone somebody anybody nobody sir madam mam ma'am doc again too very much okay ok "
                       "yes yeah no well so right sure alright great perfect fine hi hello hey thanks please sorry "
                       "actually also then now um uh doctor nurse mom dad mum honey dear love buddy man friend "
                       "ladies gentlemen folks people y'all".split())


def _could_be_name(words: list[str]) -> bool:
    """The frame makes these words a name: none is a pronoun, a filler or a form of address, the
    first is no function word (unless a name, "will"), and a second word is name-like (in the
    gazetteer, capitalised or no everyday word: a surname)."""
    lows = [w.lower() for w in words]
    if any(w in _NOT_NAMES or w in FILLERS for w in lows):
        return False
    if lows[0] in STOP_WORDS and not names.is_name(lows[0]) and lows[0] not in names.WORD_LIKE:
        return False
    return all(_surname_like(w) for w in words[1:])


def _surname_like(word: str) -> bool:
    return names.is_name(word) or word[0].isupper() or not names.is_common_word(word)


class AddressedNameRecognizer(SpokenRecognizer):
    """A name addressed, asked about, given a task, introduced by role or thanked."""

    ENTITY = "PERSON"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        for frame in _FRAMES:
            for match in frame.finditer(text):
                words = match.group("name").split()
                if len(words) == 2 and not _surname_like(words[1]):  # "is april still": one word
                    words = words[:1]
                if words and _could_be_name(words):
                    start = match.start("name")
                    end = start + len(match.group("name").split(words[-1], 1)[0]) + len(words[-1])
                    yield start, end, 0.7
