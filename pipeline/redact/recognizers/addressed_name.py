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

from wordfreq import zipf_frequency

from .. import names
from ..clinical import is_clinical_term
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
    re.compile(r"\b(?:thanks|thank you|cheers|bye|goodbye|morning|hi|hello|hey|best|regards|kind regards|"
               r"warm regards|best wishes|sincerely|take care|speak soon|talk soon|see you|many thanks|all the best|"
               r"warmly|yours)(?:,?\s+(?:uh|um|so much))?,?\s+"
               r"(?P<name>[^\W\d_][\w'’-]*)\s*(?=[.!?]|$)", re.IGNORECASE | re.MULTILINE),
]
_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty)"
_ONE = r"(?P<name>[^\W\d_][\w'’-]*)"
_CAPITAL = r"(?P<name>[A-Z][\w'’-]*)"
# Frames where one name word stands, written with a capital as Whisper writes names, or a
# listed name: the word may be an everyday word ("Chase, you're on mute", "send Joy the chart").
_NAMED_FRAMES = [
    re.compile(_OPEN + _CAPITAL + r",\s+(?:you're|you are|are you|do you|did you|please|thanks|thank you|"
               r"any|what|how)\b"),
    re.compile(r"\b(?:send|give|tell|show|email|e-mail|text|forward|cc|copy|remind|invite)\s+" + _CAPITAL
               + r"\s+(?:the|a|an|your|my|our|this|that|those|these|about|when)\b"),
    re.compile(_OPEN + _CAPITAL + r"\s+from\s+(?:the\s+|our\s+|your\s+)?[a-z]"),
    re.compile(_OPEN + _CAPITAL + r"\s+(?:is|was|will be)\s+(?:presenting|joining|leading|running|covering|"
               r"chairing|out|off|away|on leave|sick|late|taking notes)\b"),
    re.compile(_OPEN + _CAPITAL + r"\s+and\s+(?P<other>[A-Z][\w'’-]*)\s*,"),
    re.compile(r"(?<=\w),\s+" + _CAPITAL + r"\s*\?"),  # "Can you hear me, Summer?"
]
# Frames no month or weekday fits, so "june in bed one" and "june from payroll says" are people.
_PERSON_FRAMES = [
    # a ward's list: "bed ten is dawn she's", "side room one faisal thirty four", "june in bed one"
    re.compile(r"\b(?:bed|side room|room|bay|cubicle|cot)\s+(?:number\s+)?(?:\d+|" + _NUMBER_WORDS + r")\s+(?:is\s+)?"
               + _ONE + r"(?=\s*(?:[,.;]|$)|\s+(?:she's|he's|she|he|who|has|had|aged|" + _NUMBER_WORDS + r"|\d))",
               re.IGNORECASE | re.MULTILINE),
    re.compile(_OPEN + _ONE + r"\s+in\s+(?:bed|side room|room|bay|cubicle|cot)\s+(?:\d|" + _NUMBER_WORDS + r")",
               re.IGNORECASE),
    # someone from a department who said or did something: "mark from reception rang me"
    re.compile(_OPEN + _ONE + r"\s+from\s+(?:the\s+)?[a-z]+\s+(?:rang|called|phoned|said|says|emailed|texted|"
               r"told|mentioned|asked|wants|just|is|was|will)\b", re.IGNORECASE),
    re.compile(r"\b(?:over to you|your turn|go ahead|you're up|welcome back),?\s+" + _ONE + r"\s*(?=[.!?,]|$)",
               re.IGNORECASE | re.MULTILINE),
    # the person a message is for: "tell hope i said hi", "i spoke to rose yesterday"
    re.compile(r"\b(?:tell|told|spoke to|spoke with|speak to|speak with|talked to|talk to|text|texted|email|"
               r"emailed|thank|thanked)\s+" + _ONE + r"\s*(?=(?:i|you|he|she|we|they|yesterday|today|tomorrow|"
               r"earlier|later|again|about|that)\b|[.!?,]|$)", re.IGNORECASE | re.MULTILINE),
]
# A name after a relation or a role, any word a name can be ("my daughter rose", "the carer
# precious", "patient's wife hope"), but no function word ("my daughter will call").
_RELATION = re.compile(r"\b(?:daughter|son|wife|husband|mother|father|mom|dad|mum|brother|sister|aunt|uncle|niece|"
                       r"nephew|cousin|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|partner|"
                       r"fianc[eé]e?|girlfriend|boyfriend|carer|caregiver|tenant|landlord|flatmate|roommate)"
                       r"(?:'s name(?: is)?)?,?\s+" + _ONE + r"\b", re.IGNORECASE)
_SURNAME_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
# Someone addressed at the start of a clause, before what is said to them: "so ahmed you're on
# sertraline", "so blessing i'm just going to share". A name that is also a word ("so hope
# you're well") counts only before "i'm"/"i've".
_ADDRESSED_BEFORE_PRONOUN = re.compile(_OPEN + _ONE + r",?\s+(?:you're|you've|we're|(?P<me>i'm|i've))\b",
                                       re.IGNORECASE)
_NOT_NAMES = frozenset("you everyone everybody all guys folks team there here it this that he she they we i "
                       "someone anyone somebody anybody nobody sir madam mam ma'am doc again too very much okay ok "
                       "yes yeah no well so right sure alright great perfect fine hi hello hey thanks please sorry "
                       "actually also then now um uh doctor nurse mom dad mum honey dear love buddy man friend "
                       "ladies gentlemen folks people y'all a an the my your his her our their some any".split())


_EVERYDAY = 4.5  # a listed name this frequent is an everyday word first ("said", "will")
_MONTHS_AND_DAYS = frozenset("january february march april may june july august september october november december "
                             "monday tuesday wednesday thursday friday saturday sunday".split())


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


def _word_name(word: str, months: bool = False) -> bool:
    """A word that may be a first name: listed, a name that is also a word, or no everyday word
    (a month only where `months` says the frame rules the month out)."""
    low = word.lower()
    if low in _NOT_NAMES or low in FILLERS or (low in _MONTHS_AND_DAYS and not (months and low in names.WORD_LIKE)):
        return False
    return names.is_name(word) and low not in STOP_WORDS and zipf_frequency(low, "en") < _EVERYDAY \
        or low in names.WORD_LIKE or names.is_unfamiliar(low) \
        or not names.is_common_word(low) and zipf_frequency(low, "en") < 2.5 and not is_clinical_term(low)


def _surname_after(word: str) -> bool:
    """A word after a first name that is its surname: no list knows it, or a clear listed surname."""
    return names.is_unfamiliar(word) or (names.is_clear_name(word) and names.plain(word) in names.last_names())


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
        for frame in _PERSON_FRAMES:
            for match in frame.finditer(text):
                if _word_name(match.group("name"), months=True):
                    yield match.start("name"), match.end("name"), 0.6
        for frame in _NAMED_FRAMES:
            for match in frame.finditer(text):
                other = match.groupdict().get("other")
                if _word_name(match.group("name")) and (other is None or _word_name(other)):
                    yield match.start("name"), match.end("name"), 0.6
                    if other is not None:
                        yield match.start("other"), match.end("other"), 0.6
        for match in _RELATION.finditer(text):
            word = match.group("name")
            if word.lower() not in STOP_WORDS and word.lower() not in _NOT_NAMES and _word_name(word):
                surname = _SURNAME_AFTER.match(text, match.end("name"))
                end = surname.end(1) if surname and _surname_after(surname.group(1)) else match.end("name")
                yield match.start("name"), end, 0.6  # "her grandma rosa quispe"
        for match in _ADDRESSED_BEFORE_PRONOUN.finditer(text):
            word = match.group("name")
            low = word.lower()
            if low not in STOP_WORDS and _word_name(word) and (low not in names.WORD_LIKE or match.group("me")):
                yield match.start("name"), match.end("name"), 0.6
