"""Names from the gazetteer in any case: "devon okafor", "claire", "hope okonkwo", "Will Price",
and everyday-word names when what follows says they are people ("will said", "rose told me").

A clear first name (not an everyday word) counts alone, and takes the next word along when
that word is a surname or no everyday word. A word-like first name (Hope, Will, Rose) counts
only beside a clear surname, capitalised with a capitalised surname, or before a verb of
speech.
"""

from __future__ import annotations

from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from .. import names
from ..clinical import is_clinical_term
from ..places import is_identifying_place
from ..places_world import countries
from ..spoken import Tok, tokens
from .base import SpokenRecognizer
from .proper_noun import PLACE_BEFORE

SPEECH_VERBS = frozenset("said says told asked called thinks thought wants wanted mentioned texted emailed "
                         "replied answered agreed insisted explained admitted".split())
# Words after which a name can be the subject of the verb that follows ("tell her that Precious called").
_BEFORE_SUBJECT = frozenset("and then so okay ok but because well um uh that who when if , .".split())
_POSSESSIVE = ("'s", "’s")


def _word(tok: Tok) -> bool:
    return tok.text.replace("'", "").replace("’", "").isalpha() and len(tok.text) >= 2


def _bare(word: str) -> str:
    """`word` without a possessive "'s" ("Doreen's" → "Doreen"), in plain lower case."""
    return names.plain(word[:-2] if word.endswith(_POSSESSIVE) and len(word) > 4 else word)


def _surname(tok: Tok | None) -> bool:
    """A word that can follow a first name as its surname: no everyday word, or a listed
    surname that is not a very frequent word ("rebecca stein", not "devon said")."""
    if tok is None or not _word(tok) or tok.low in STOP_WORDS or tok.low in names.WORD_LIKE:
        return False
    if not names.is_common_word(tok.text):
        return True
    return names.plain(tok.text) in names.last_names() and zipf_frequency(tok.low, "en") < 4.3


ADDRESS_AUX = frozenset("are can could would do did have will".split())


def _addressed(toks: tuple[Tok, ...], i: int) -> bool:
    """Someone addressed by name before a question: "mark are you", "Hope, can you"."""
    j = i + 2 if i + 1 < len(toks) and toks[i + 1].text == "," else i + 1
    return j + 1 < len(toks) and toks[j].low in ADDRESS_AUX and toks[j + 1].low == "you" \
        and (i == 0 or toks[i - 1].low in _BEFORE_SUBJECT or toks[i - 1].low in ("started", "everyone"))


PLURAL_AFTER = frozenset("are were have will can should need want 're they both each together".split())


def _candidate(tok: Tok) -> tuple[bool, bool]:
    """(could be a name, is a gazetteer first name) for one side of "X and Y"."""
    if not _word(tok) or (tok.low in STOP_WORDS and tok.low not in names.WORD_LIKE):
        return False, False
    gazetteer = names.plain(tok.text) in names.first_names() or tok.low in names.WORD_LIKE
    unknown = names.is_unfamiliar(tok.text) or (names.is_name(tok.text) and not names.is_common_word(tok.text))
    return gazetteer or unknown, gazetteer


def _pairs(toks: tuple[Tok, ...]) -> Iterable[tuple[int, int, float]]:
    """Two people joined by "and" as the subject of a plural verb: "keanu and ashanti are going"."""
    for i in range(1, len(toks) - 2):
        if toks[i].low != "and":
            continue
        (left_ok, left_gaz), (right_ok, right_gaz) = _candidate(toks[i - 1]), _candidate(toks[i + 1])
        after = toks[i + 2].low if i + 2 < len(toks) else ""
        before = toks[i - 2].low if i >= 2 else ""
        if left_ok and right_ok and (left_gaz or right_gaz) and (after in PLURAL_AFTER or before == "are"):
            yield toks[i - 1].start, toks[i - 1].end, 0.6
            yield toks[i + 1].start, toks[i + 1].end, 0.6


class GazetteerNameRecognizer(SpokenRecognizer):
    """Gazetteer first names with the surnames after them."""

    ENTITY = "PERSON"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        toks = tokens(text)
        yield from _pairs(toks)
        i = 0
        while i < len(toks):
            found = self._at(toks, i)
            if found is None:
                i += 1
                continue
            end, score = found
            yield toks[i].start, toks[end].end - (2 if toks[end].text.endswith(_POSSESSIVE) else 0), score
            i = end + 1

    @staticmethod
    def _at(toks: tuple[Tok, ...], i: int) -> tuple[int, float] | None:
        """(last token index, score) of a name starting at token i, or None."""
        tok = toks[i]
        if not _word(tok):
            return None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        key = _bare(tok.text)
        is_first = key in names.first_names()
        word_like = key in names.WORD_LIKE or (is_first and names.is_common_word(key))
        if is_first and not word_like and names.is_clear_name(key):
            if key != names.plain(tok.text):
                return i, 0.6  # "Doreen's surname", "at kemal's": a possessive ends the name
            end = i + 1 if _surname(nxt) else i
            if end > i and end + 1 < len(toks) and _surname(toks[end + 1]) and names.is_name(toks[end + 1].text):
                end += 1
            return end, 0.7 if end > i else 0.5
        if not (is_first or word_like) or nxt is None:
            return (i + 1, 0.6) if _unlisted_before_surname(tok, nxt) else None  # "harpreet sandhu"
        if names.is_clear_name(nxt.text) and names.plain(nxt.text) in names.last_names():
            end = i + 1
            if end + 1 < len(toks) and names.is_clear_name(toks[end + 1].text):
                end += 1  # "rose marie okafor"
            return end, 0.7  # "hope okonkwo"
        if _addressed(toks, i):
            return i, 0.6  # "mark, are you sharing?", "june do you want to walk us through"
        if tok.text[0].isupper() and nxt.low == "from" and i + 2 < len(toks) and toks[i + 2].low == "the":
            return i, 0.6  # "Rose from the billing department"
        capitalised = tok.text[0].isupper() and nxt.text[0].isupper() and _word(nxt)
        sentence_start = i == 0 or toks[i - 1].text in (".", "!", "?")
        if capitalised and not sentence_start and nxt.low not in STOP_WORDS:
            return i + 1, 0.6  # "Will Price"
        if nxt.low in SPEECH_VERBS and (i == 0 or toks[i - 1].low in _BEFORE_SUBJECT):
            return i, 0.6  # "and then will said"
        if is_first and _capital_inside_a_sentence(toks, i) and key not in names.WORD_LIKE and len(key) >= 4 \
                and not is_clinical_term(key) and key not in countries() and is_identifying_place(key):
            return i, 0.55  # "Next is Harriet in room 14": frequent as a name, not as a word
        return None


def _unlisted_before_surname(tok: Tok, nxt: Tok | None) -> bool:
    """A word no list knows and rare in English, before a listed surname that is no everyday word
    or shorthand: a given name the lists lack ("harpreet sandhu", "Vusi Ndlovu")."""
    if nxt is None or len(nxt.text) < 4 or not _word(nxt):
        return False
    surname = names.plain(nxt.text)
    return surname in names.last_names() and names.is_clear_name(surname) and not is_clinical_term(surname) \
        and names.is_unfamiliar(tok.text) and zipf_frequency(names.plain(tok.text), "en") < names.RARE_AS_A_WORD


def _capital_inside_a_sentence(toks: tuple[Tok, ...], i: int) -> bool:
    """A word written "Harriet" right after a lower-case word that puts no place there: a proper
    noun in sentence-case text ("issued in India" names a place)."""
    tok, before = toks[i], toks[i - 1] if i > 0 else None
    return before is not None and tok.text[:1].isupper() and tok.text[1:].islower() \
        and before.text[:1].islower() and before.low not in PLACE_BEFORE
