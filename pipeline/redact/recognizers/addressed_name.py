"""Names in the places a meeting puts them, whatever the name is (even an everyday word):
someone addressed ("Faith, can you take this one?", "will zetukeik can you take notes"),
asked about ("is April still on the call?"), given a task ("have Victoria send the forms"),
introduced by role ("Rob is my case manager"), or thanked at the end ("thanks, Bill.").

The frame is the evidence, so a word-like name counts here; words that can't be names in
that place (pronouns, "everyone", "you") never do.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from wordfreq import zipf_frequency

from .. import names
from ..clinical import RELATIONS, is_clinical_term
from ..spoken import DIGIT_WORDS, FILLERS, ORDINALS
from .base import SpokenRecognizer

_LEAD_WORDS = r"(?:so|okay|ok|and|um|uh|oh|hey|right|now|well|yes|yeah|no)"
_NAME = r"(?!" + _LEAD_WORDS + r"\b)(?P<name>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)"
_OPEN = r"(?:^|(?<=[.!?\n])\s*|\b" + _LEAD_WORDS + r",?\s+)"
ROLES = ("case manager", "nurse", "doctor", "therapist", "lawyer", "attorney", "counselor", "counsellor",
         "social worker", "caseworker", "case worker", "manager", "supervisor", "boss", "assistant", "paralegal",
         "advocate", "interpreter", "aide", "caregiver", "carer", "guardian", "landlord", "agent", "adjuster",
         "coordinator", "contact", "sponsor", "physician", "surgeon", "pharmacist", "dentist", "client", "patient")
_FRAMES = [
    re.compile(_OPEN + _NAME + r",?\s+(?:can|could|would|will)\s+you\b"),
    re.compile(r"\b(?:is|are|was)\s+" + _NAME
               + r"\s+(?:still\s+)?(?:on the (?:call|line)|here|there|with us|joining)\b"),
    re.compile(r"\b(?:got|have)\s+" + _NAME + r"\s+on the (?:call|line|phone)\b"),
    re.compile(r"\b(?:have|ask|let|get)\s+" + _NAME + r"\s+(?:send|call|email|e-mail|text|look|check|reach|contact|"
               r"follow|fax|sign|review|update|schedule|book|bring|handle|know)\b"),
    re.compile(_OPEN + _NAME + r"\s+(?:is|was|'s)\s+(?:my|our|his|her|their)\s+(?:" + "|".join(ROLES) + r")\b"),
    re.compile(r"\b(?:thanks|thank you|cheers|bye|goodbye|morning|hi|hello|hey|best|regards|kind regards|"
               r"warm regards|best wishes|sincerely|take care|speak soon|talk soon|see you|many thanks|all the best|"
               r"warmly|yours)(?:,?\s+(?:uh|um|so much))?,?\s+"
               r"(?P<name>[^\W\d_][\w'’-]*)\s*(?=[.!?]|$|(?:cheers|thanks|thank you|bye|see you|take care|"
               r"talk soon|speak soon)\b)", re.MULTILINE),  # "cheers ahmed cheers lena see you"
]
_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty)"
_WORD = r"[^\W\d_][\w'’-]*"
_ONE = r"(?P<name>" + _WORD + ")"
_CAPITAL = r"(?P<name>[A-Z][\w'’-]*)"
# Frames where one name word stands, written with a capital as Whisper writes names, or a
# listed name: the word may be an everyday word ("Chase, you're on mute", "send Joy the chart").
_NAMED_FRAMES = [
    re.compile(_OPEN + _CAPITAL + r",\s+(?:you're|you are|are you|do you|did you|please|thanks|thank you|"
               r"any|what|how|I|I'm|I've|I'd|we|we're|we've)\b"),  # "Aroha, I want to check in"
    re.compile(r"\b(?:send|give|tell|show|email|e-mail|text|forward|cc|copy|remind|invite)\s+" + _CAPITAL
               + r"(?:\s+(?:the|a|an|your|my|our|this|that|those|these|about|when)|,\s+(?:he|she|who)\b)"),
    re.compile(_OPEN + _CAPITAL + r"\s+from\s+(?:the\s+|our\s+|your\s+)?[a-z]"),
    re.compile(_OPEN + _CAPITAL + r"\s+(?:is|was|will be)\s+(?:presenting|joining|leading|running|covering|"
               r"chairing|out|off|away|on leave|sick|late|taking notes)\b"),
    re.compile(_OPEN + _CAPITAL + r"\s+and\s+(?P<other>[A-Z][\w'’-]*)"
               r"(?:\s*,|\s+(?:are|were)\s+(?:both|off|out|away|on)\b)"),
    re.compile(r"(?<=\w),\s+" + _CAPITAL + r"\s*\?"),  # "Can you hear me, Summer?"
    re.compile(r"\b" + _CAPITAL + r"\s+(?:called|rang|phoned|emailed|texted|said|says|asked|mentioned)\b"),
    # "tell Dr. Mensah that Precious called": a capital mid-sentence, someone who said something
]
# Frames no month or weekday fits, so "june in bed one" and "june from payroll says" are people.
_PERSON_FRAMES = [
    # a ward's list: "bed ten is dawn she's", "side room one faisal thirty four", "june in bed one"
    re.compile(r"\b(?:bed|side room|room|bay|cubicle|cot)\s+(?:number\s+)?(?:\d+|" + _NUMBER_WORDS + r")\s+(?:is\s+)?"
               + _ONE + r"(?=\s*(?:[,.;]|$)|\s+(?:she's|he's|she|he|who|has|had|aged|" + _NUMBER_WORDS + r"|\d))",
               re.MULTILINE),
    re.compile(r"(?:" + _OPEN + r"|\bnext (?:up )?is\s+)" + _ONE  # "next is harriet in room 14"
               + r"\s+in\s+(?:bed|side room|room|bay|cubicle|cot)\s+(?:\d|" + _NUMBER_WORDS + r")"),
    # someone from a department who said or did something: "mark from reception rang me"
    re.compile(_OPEN + _ONE + r"\s+from\s+(?:the\s+)?[a-z]+\s+(?:rang|called|phoned|said|says|emailed|texted|"
               r"told|mentioned|asked|wants|just|is|was|will)\b"),
    re.compile(r"\b(?:over to you|your turn|go ahead|you're up|welcome back),?\s+" + _ONE + r"\s*(?=[.!?,]|$)",
               re.MULTILINE),
    # the person a message is for: "tell hope i said hi", "i spoke to rose yesterday"
    re.compile(r"\b(?:tell|told|spoke to|spoke with|speak to|speak with|talked to|talk to|text|texted|email|"
               r"emailed|thank|thanked)\s+" + _ONE + r"\s*(?=(?:i|you|he|she|we|they|yesterday|today|tomorrow|"
               r"earlier|later|again|about|that)\b|[.!?,]|$)", re.MULTILINE),
    # someone to reach, by where they sit or what is asked of them: "call bill from pharmacy",
    # "i talked to rose at the front desk", "can you call chase back", "i asked frank to be"
    re.compile(r"\b(?:call|called|ring|rang|phone|phoned|ask|asked|talked to|spoke to|spoke with|speak to|"
               r"speak with|talk to|met|meet)\s+" + _ONE + r"\s+(?=(?:from|at\s+(?:the|reception)|back|"
               r"to\s+(?:be|call|come|check|look|send|sign|ring)|on\s+(?:the\s+)?(?:phone|line))\b)"),
    # whose details are asked for: "and what's doreen's surname", "hope's number is on the sheet"
    re.compile(r"\b(?P<name>[^\W\d_]+)['’]s\s+(?:surname|last name|first name|full name|maiden name|middle name|"
               r"phone number|mobile|number|email|e-mail|address|date of birth|birthday)\b"),
    # someone welcomed or introduced: "a big welcome to hope nakashima who's joining"
    re.compile(r"\b(?:welcome|welcoming|introduce|introducing|say hello to|say hi to)\s+(?:back\s+)?(?:to\s+)?"
               + _ONE + r"\b"),
    # someone whose word is asked after: "what did joy say when you asked her"
    re.compile(r"\b(?:did|does|didn't|doesn't)\s+" + _ONE + r"\s+(?:say|think|want|mention|ask|agree|reply|"
               r"respond|sign|call|email)\b"),
    # a choice between two names: "is it will or is it fatima", "called brennan or brannigan"
    re.compile(r"\b(?:is it|was it|called|named)\s+" + _ONE + r"\s+or\s+(?:is it\s+|was it\s+|maybe\s+)?"
               r"(?P<other>" + _WORD + r")\b"),
    # the one a task is done for, before what they are doing: "reset the password for tahmina she's on leave"
    re.compile(r"\bfor\s+" + _ONE + r"\s+(?=(?:she's|he's|she is|he is)\b)"),
]
# A name after a relation or a role, any word a name can be ("my daughter rose", "the carer
# precious", "patient's wife hope"), but no function word ("my daughter will call").
_RELATION = re.compile(r"\b(?:daughter|son|wife|husband|mother|father|mom|dad|mum|brother|sister|aunt|auntie|aunty|"
                       r"uncle|niece|nephew|cousin|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|"
                       r"granny|nana|partner|"
                       r"fianc[eé]e?|girlfriend|boyfriend|carer|caregiver|tenant|landlord|flatmate|roommate)"
                       r"(?:'s name(?: is)?)?,?\s+" + _ONE + r"\b")
_SURNAME_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
# Someone addressed at the start of a clause, before what is said to them: "so ahmed you're on
# sertraline", "so blessing i'm just going to share". A name that is also a word ("so hope
# you're well") counts only before "i'm"/"i've".
_ADDRESSED_BEFORE_PRONOUN = re.compile(_OPEN + _ONE + r",?\s+(?:you're|you've|we're|(?P<me>i'm|i've))\b")
_WORDS = re.compile(_WORD)
# Frames read from what follows the name: the name is the one word before the match (`_trailing`),
# and for those marked True it opens a turn or a clause ("um kalani do you", "Vikram here,").
_FRAMES_AFTER = [
    # someone at the start of a turn: asked a question ("um kalani do you want to take the minutes"),
    # answering a roll call ("mere here yeah", "Vikram here, mine said the 19th"), or named with their
    # relation ("oksana my sister she's still in kharkiv")
    (re.compile(r",?[ \t]+(?:(?:do|did|are|were|have|would)\s+you\b|here\b(?=\s*[,.!?]|\s*$|\s+(?:yeah|yes|"
                r"sorry|mine|and|i|i'm)\b)|(?:my|his|her|our)\s+(?:sister|brother|daughter|son|wife|husband|mother|"
                r"father|mum|mom|dad|cousin|aunt|uncle|niece|nephew|partner|friend|neighbour|neighbor)\b)",
                re.MULTILINE), True),
    # a task assigned in a list of action items: "sunil owns the migration bea owns the comms"
    (re.compile(r"[ \t]+(?:owns|will own|to own|is owning|will chase|to chase|will follow up|will circulate|"
                r"will draft|will look into|to look into|will pick up|will set up|is taking notes|will take notes|"
                r"is chairing|will chair)\b"), False),
]
_LEAD = re.compile(r"(?:^|[.!?\n]|\b" + _LEAD_WORDS + r",?)\s*\Z")
_LEAD_REACH = 8  # characters before a name that hold its opening: "okay, "


# A name said twice as a speaker restarts it, then its surname: "a lady called hope hope adeyemi".
_REPEATED = re.compile(r"\b(?P<name>" + _WORD + r")\s+(?:(?:a|uh|um|er)\s+)?(?P=name)\s+(?P<surname>" + _WORD + ")")
# Counsel giving appearances: "morning it's rutendo for the plaintiff", "yes eirik haugland for the defendant".
# Each is found by what follows the names; the names are then read backwards from it.
_APPEARANCE = re.compile(r"\s+(?:appearing\s+)?(?:for|on behalf of)\s+the\s+"
                         r"(?:plaintiff|defendant|claimant|respondent|applicant|appellant|petitioner|prosecution|"
                         r"defence|defense|crown|state|debtor|creditor|trustee|employer|union)s?\b")
MAX_APPEARANCE_WORDS = 3
# A roll call: three or more names, then what they are doing ("summer rocky ivy and sunny are on the food").
_ROLL_CALL = re.compile(r"[ \t,]+and\s+(?P<last>" + _WORD + r")\s+(?:are|were|will be)\s+"
                        r"(?:on|in|doing|taking|covering|leading|both|all|off|out|away|coming|joining|running|"
                        r"bringing|helping)\b")
MAX_ROLL_CALL = 6
MIN_ROLL_CALL = 3
_NOT_NAMES = frozenset("you everyone everybody all guys folks team there here it this that he she they we i "
                       "someone anyone somebody anybody nobody sir madam mam ma'am doc again too very much okay ok "
                       "yes yeah no well so right sure alright great perfect fine hi hello hey thanks please sorry "
                       "actually also then now um uh doctor nurse mom dad mum honey dear love buddy man friend "
                       "ladies gentlemen folks people y'all a an the my your his her our their some any mate "
                       "mates lads pal bye cheers tomorrow today tonight soon later".split())




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


def is_rare_listed_name(word: str) -> bool:
    """A listed name that is no function word and not frequent enough to be an everyday word first."""
    low = word.lower()
    return names.is_name(word) and low not in STOP_WORDS and zipf_frequency(low, "en") < names.EVERYDAY_ZIPF


def _word_name(word: str, months: bool = False) -> bool:
    """A word that may be a first name: listed, a name that is also a word, or no everyday word
    (a month only where `months` says the frame rules the month out)."""
    low = word.lower()
    if low in _NOT_NAMES or low in FILLERS or (low in names.CALENDAR and not (months and low in names.WORD_LIKE)):
        return False
    return is_rare_listed_name(word) or low in names.WORD_LIKE or names.is_unfamiliar(low) \
        or not names.is_common_word(low) and zipf_frequency(low, "en") < 2.5 and not is_clinical_term(low)


def _capitalised_name(word: str) -> bool:
    """A capitalised word that may be a first name, but no shorthand in capitals or kin: "Son
    called", "HO called" in a note."""
    return len(word) > 2 and not word.isupper() and word.lower() not in RELATIONS and _word_name(word)


def _surname_after(word: str) -> bool:
    """A word after a first name that is its surname: no list knows it, or a clear listed surname;
    no number word ("page page nineteen")."""
    if word.lower() in DIGIT_WORDS or word.lower() in ORDINALS:
        return False
    return names.is_unfamiliar(word) or (names.is_clear_name(word) and names.plain(word) in names.last_names())


def _one_of_two(text: str, match: re.Match) -> bool:
    """Both words of "X or Y" may be names and one clearly is one: "is it monday or tuesday" is no
    choice between names."""
    first, other = _said(text, match, "name"), _said(text, match, "other")
    return _word_name(other) and any(names.is_unfamiliar(w) or names.is_clear_name(w) for w in (first, other))


def _with_surname(text: str, end: int) -> int:
    """The end of a first name ending at `end`, over the surname that follows it, if one does."""
    surname = _SURNAME_AFTER.match(text, end)
    return surname.end(1) if surname and _surname_after(surname.group(1)) else end


def _surname_like(word: str) -> bool:
    return names.is_name(word) or word[0].isupper() or not names.is_common_word(word)


_EVERYDAY_FIRST = 5.0  # before a surname, a first name may be an everyday word ("memory", "precious")


def _first_word(word: str) -> bool:
    """A word that may open a name before a surname no list knows: no function word, English
    derivation ("phoned"), weekday or very frequent word ("said")."""
    low = word.lower()
    return low.isalpha() and low not in STOP_WORDS and low not in _NOT_NAMES and low not in names.CALENDAR \
        and not names.english_derivation(low) and zipf_frequency(low, "en") < _EVERYDAY_FIRST


def _lowered(text: str) -> str:
    """`text` in lower case, character for character, so that offsets in it are offsets in `text`.
    The frames are matched in it: a case-blind pattern costs several times a plain one."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" lowers to two characters


def _said(text: str, match: re.Match, group: str) -> str:
    """What a group of a match in the lowered text says in `text`, capitals and all."""
    return text[match.start(group):match.end(group)]


def _repeated(text: str, low: str) -> Iterable[tuple[int, int, float]]:
    """A first name said twice, then a surname: "her name's faith faith mwangi"."""
    for match in _REPEATED.finditer(low):
        if _word_name(match.group("name"), months=True) and _surname_after(_said(text, match, "surname")):
            yield match.start("name"), match.end("surname"), 0.6


_GAP_BEFORE = re.compile(r"[ \t,]*\Z")
_WORD_CHARS_BEFORE = 24  # enough characters before a word for the word before it


def _trailing(text: str, end: int, count: int, test: Callable[[str], bool]) -> list[re.Match]:
    """Up to `count` words right before offset `end`, joined only by spaces and commas, that all
    pass `test`, read backwards from `end` (the last ones that pass), as matches of `text`."""
    found: list[re.Match] = []
    while len(found) < count:
        window = max(0, end - _WORD_CHARS_BEFORE)
        words = list(_WORDS.finditer(text, window, end))
        if not words or not _GAP_BEFORE.match(text, words[-1].end(), end):
            break
        word = words[-1]
        if word.start() == window and window > 0 and (text[window - 1].isalnum() or text[window - 1] in "'’-"):
            break  # cut by the window: a word this long is no name in a list
        if not test(word.group(0)):
            break
        found.insert(0, word)
        end = word.start()
    return found


def _appearance_word(word: str) -> bool:
    return _word_name(word) or _surname_after(word)


def _appearances(text: str, low: str) -> Iterable[tuple[int, int, float]]:
    """Names of counsel before "for the plaintiff" and the like."""
    for match in _APPEARANCE.finditer(low):
        found = _trailing(text, match.start(), MAX_APPEARANCE_WORDS, _appearance_word)
        if found:
            yield found[0].start(), found[-1].end(), 0.6


def _roll_item(word: str) -> bool:
    """A word that may stand in a list of names: a name, or no function word, filler, weekday or
    frequent word."""
    low = word.lower()
    return _word_name(word) or low not in FILLERS and _first_word(low) and zipf_frequency(low, "en") < names.EVERYDAY_ZIPF


def _roll_calls(text: str, low: str) -> Iterable[tuple[int, int, float]]:
    """The names of a roll call, when most of its words are names (the rest may be everyday words,
    "rocky")."""
    for match in _ROLL_CALL.finditer(low):
        last = _WORDS.match(text, match.start("last"))
        if not _roll_item(last.group(0)):
            continue
        items = [*_trailing(text, match.start(), MAX_ROLL_CALL - 1, _roll_item), last]
        if len(items) >= MIN_ROLL_CALL and 2 * sum(_word_name(w.group(0)) for w in items) >= len(items):
            for word in items:
                yield word.start(), word.end(), 0.6


class AddressedNameRecognizer(SpokenRecognizer):
    """A name addressed, asked about, given a task, introduced by role or thanked."""

    ENTITY = "PERSON"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        low = _lowered(text)
        for frame in _FRAMES:
            for match in frame.finditer(low):
                said = _said(text, match, "name")
                words = said.split()
                if len(words) == 2 and not _surname_like(words[1]):  # "is april still": one word
                    words = words[:1]
                if words and _could_be_name(words):
                    start = match.start("name")
                    end = start + len(said.split(words[-1], 1)[0]) + len(words[-1])
                    yield start, end, 0.7
        for frame in _PERSON_FRAMES:
            for match in frame.finditer(low):
                other = match.groupdict().get("other")
                if _word_name(_said(text, match, "name"), months=True) and (other is None or _one_of_two(text, match)):
                    yield match.start("name"), _with_surname(text, match.end("name")), 0.6
                    if other is not None:
                        yield match.start("other"), match.end("other"), 0.6
        for frame, opening in _FRAMES_AFTER:
            for match in frame.finditer(low):
                word = _trailing(text, match.start(), 1, lambda w: _word_name(w, months=True))
                if word and (not opening or _LEAD.search(low, max(0, word[0].start() - _LEAD_REACH),
                                                         word[0].start())):
                    yield word[0].start(), word[0].end(), 0.6
        for frame in _NAMED_FRAMES:
            for match in frame.finditer(text):
                other = match.groupdict().get("other")
                if _capitalised_name(match.group("name")) and (other is None or _capitalised_name(other)):
                    yield match.start("name"), match.end("name"), 0.6
                    if other is not None:
                        yield match.start("other"), match.end("other"), 0.6
        for match in _RELATION.finditer(low):
            word = _said(text, match, "name")
            if word.lower() in STOP_WORDS or word.lower() in _NOT_NAMES:
                continue
            surname = _SURNAME_AFTER.match(text, match.end("name"))
            if _word_name(word) or surname and names.is_unfamiliar(surname.group(1)) and _first_word(word):
                yield match.start("name"), _with_surname(text, match.end("name")), 0.6  # "her grandma rosa quispe"
        yield from _repeated(text, low)
        yield from _appearances(text, low)
        yield from _roll_calls(text, low)
        for match in _ADDRESSED_BEFORE_PRONOUN.finditer(low):
            word = _said(text, match, "name")
            if word.lower() not in STOP_WORDS and _word_name(word) \
                    and (word.lower() not in names.WORD_LIKE or match.group("me")):
                yield match.start("name"), match.end("name"), 0.6
