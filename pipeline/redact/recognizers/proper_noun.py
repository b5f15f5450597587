"""Capitalised words nobody knows, in sentence-case text: names the lists and spaCy miss.

Where a transcript is written in sentences (Whisper's usual output), a capital inside a sentence
marks a proper noun. When that word is also in no list (no everyday word, listed name, drug,
shorthand or eponym, and not built like an English word), it is almost always a person or a
place the lists lack: "calling for Oluwaseun", "a claim for Ikechukwu Obi", "Mei-Ling Chou at",
"Talk soon, Vaivok Valun." At a sentence's start a capital says nothing, so there the word
counts only where a name's grammar follows ("Olumide's wound", "Tayo said", "Chinonso, your").

Text in capitals (notes) or in lower case says nothing by its case and is left to the other
recognizers.
"""

from __future__ import annotations

import re
from typing import Iterable

from .. import names
from ..clinical import is_clinical_term
from ..eponyms import EPONYMS
from ..spoken import opens_sentence
from .base import SpokenRecognizer

# A capitalised word, hyphenated parts allowed ("Mei-Ling"), with an optional possessive.
_CAPITALISED = re.compile(r"(?<![\w'’@./-])([^\W\d_a-z][^\W\d_]*(?:-[^\W\d_]+)*)(['’]s)?(?![\w@/-]|\.\w)")
_SPACES = re.compile(r"[ \t]+")
# What may follow a name that opens a sentence: a possessive, a verb that takes a person as its
# subject ("Tayo said", "Vikram here", "Nkechi first", "Bartłomiej runs it"), a copula before a
# noun phrase ("Amadou is the night nurse"; not "Ectopy has decreased"), a modal before a verb
# ("Mere will meet you"; not "Catheter will be changed"), "and" with another capitalised word
# ("Kiri and Aroha"), or a comma and an address ("Aroha, I want"; not "Foley, adequate UOP").
_SPEECH = frozenset("said says told asked wants wanted thinks called texted emailed mentioned here first runs owns "
                    "leads knows works lives".split())
_COPULAS = frozenset("is was has had".split())
_NOUN_PHRASE = frozenset("the a an my our your his her their one".split())
_MODALS = frozenset("will would can could should".split())
_PASSIVE = frozenset("be been not need needs continue remain require have".split())
_ADDRESSED = frozenset("i i'm we you your can could are would will please thanks thank sorry yes hi hello how what "
                       "do did have".split())
# Before these a capitalised unknown word is a place.
PLACE_BEFORE = frozenset("in from near outside around via".split())
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]*(,?)[ \t]*([^\W\d_]+(?:['’][^\W\d_]+)?)(?:[ \t]+([^\W\d_]+))?")
_AND_CAPITAL = re.compile(r"[ \t]+and[ \t]+[^\W\d_a-z]")
# A product's company: a drug, dressing or device name is what these stand beside ("the Madopar
# timings", "started on Tazocin", "Levo and Ceftaz", "Nepro at 10cc/hr", "a Latitude 7440").
_DETERMINERS = frozenset("the a an this that these those his her their your my our its some any".split())
_GIVEN = frozenset("on treated redressed dressed started restarted given giving receiving received switched "
                   "changed increased decreased titrated hold held stopped".split())
_NEIGHBOUR = re.compile(r"[\w'’./%-]+")
MIN_LETTERS = 4  # shorter unknown capitals are mostly shorthand ("Fio", "Psv", "Hx")


_CLAN_PREFIX = re.compile(r"(?:Ma?c|Fitz)(?=[^\W\d_a-z])")


def _cased(word: str) -> bool:
    """Capital first, lower case after, hyphenated parts alike ("Oluwaseun", "Mei-Ling"); a second
    capital after a clan prefix ("MacLeod", "McKenna", "FitzGerald")."""
    return all(_lower_after_capital(_CLAN_PREFIX.sub("", part, count=1)) for part in word.split("-"))


def _lower_after_capital(part: str) -> bool:
    return part[:1].isupper() and (part[1:].islower() or len(part) == 1)


def _unknown_part(word: str) -> bool:
    """A part no list knows, or a listed name that is no everyday word, shorthand or eponym
    ("Haugland"; not "Foley", "Guillain-Barré")."""
    if word.lower().rstrip("s") in names.CALENDAR:
        return False
    return any(len(part) >= MIN_LETTERS and (names.is_unfamiliar(part) or (
        names.is_clear_name(part) and not is_clinical_term(part.lower()) and names.plain(part) not in EPONYMS))
        for part in word.split("-"))


def _name_part(word: str) -> bool:
    """A part of a longer name: listed, or no everyday word ("Obi", "Mei-Ling")."""
    return all(names.is_name(part) or not names.is_common_word(part) for part in word.split("-"))


def _among_products(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] make it a product, not a person: a determiner
    before one word ("the Madopar", not "an Eilidh MacLeod") or a verb of giving just before, a
    number just after, or a drug or clinical term beside it (not a label: "Patient: Demetrios")."""
    labelled = text[max(0, start - 3):start].rstrip().endswith(":")
    before = [] if labelled else [m.group(0).lower() for m in _NEIGHBOUR.finditer(text, max(0, start - 40), start)][-3:]
    after = [m.group(0).lower() for m in _NEIGHBOUR.finditer(text, end, end + 30)][:2]
    one_word = not _SPACES.search(text, start, end)
    if before and ((before[-1] in _DETERMINERS and one_word) or before[-1] in _GIVEN or (
            len(before) > 1 and before[-1] == "with" and before[-2] in _GIVEN)):
        return True
    if after and text[end:end + 1] == " " and after[0][:1].isdigit():
        return True
    return any(is_clinical_term(word.strip(".,;:")) for word in before[-2:] + after)


def _followed_like_a_name(text: str, match: re.Match) -> bool:
    """After a sentence-opening word: "'s", a verb with a person as its subject, "and" with a
    capitalised word, or a comma."""
    if match.group(2):
        return True
    after = _WORD_AFTER.match(text, match.end())
    if after is None:
        return False
    word, then = after.group(2).lower(), (after.group(3) or "").lower()
    if after.group(1):
        return word in _ADDRESSED
    modal = word in _MODALS and bool(then) and then not in _PASSIVE
    if word in _SPEECH or (word in _COPULAS and then in _NOUN_PHRASE) or modal:
        return True
    return _AND_CAPITAL.match(text, match.end()) is not None


class CapitalisedNameRecognizer(SpokenRecognizer):
    """Runs of capitalised words, at least one of them unknown to every list, inside sentences."""

    ENTITY = "PERSON"
    ENTITIES = ("PERSON", "LOCATION")
    SCORE = 0.5

    def __init__(self) -> None:
        super().__init__()
        self.supported_entities = list(self.ENTITIES)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None):
        from presidio_analyzer import RecognizerResult

        if entities and not any(e in entities for e in self.ENTITIES):
            return []
        return [RecognizerResult(entity, start, end, self.SCORE)
                for entity, start, end in self.spans(text) if not entities or entity in entities]

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        return ((start, end, self.SCORE) for _, start, end in self.spans(text))

    def spans(self, text: str) -> Iterable[tuple[str, int, int]]:
        """(PERSON or LOCATION, start, end) of each run of capitalised words holding an unknown one."""
        if text.isupper() or text.islower():
            return
        words = [m for m in _CAPITALISED.finditer(text) if _cased(m.group(1))]
        i = 0
        while i < len(words):
            match = words[i]
            if not _unknown_part(match.group(1)) or (
                    opens_sentence(text, match.start(), dash=False) and not _followed_like_a_name(text, match)):
                i += 1
                continue
            first = last = i
            while first > 0 and self._adjacent(text, words[first - 1], words[first]) \
                    and _name_part(words[first - 1].group(1)) and not words[first - 1].group(2):
                first -= 1
            while last + 1 < len(words) and not words[last].group(2) \
                    and self._adjacent(text, words[last], words[last + 1]) and _name_part(words[last + 1].group(1)):
                last += 1
            start, end = words[first].start(), words[last].end(1)
            if _among_products(text, start, end):
                i = last + 1
                continue
            before = _WORD_BEFORE.search(text, max(0, start - 20), start)
            place = before is not None and before.group(1).lower() in PLACE_BEFORE
            yield ("LOCATION" if place else "PERSON"), start, end
            i = last + 1

    @staticmethod
    def _adjacent(text: str, left: re.Match, right: re.Match) -> bool:
        """Two words with only spaces between them."""
        return bool(_SPACES.fullmatch(text, left.end(), right.start()))
