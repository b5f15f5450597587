"""Names introduced the way people introduce them, in any case: "my name is devon okafor",
"this is Mark calling", "Dr. Patel", "nurse okafor", "ask for grace".
"""

from __future__ import annotations

from typing import Iterable

from .. import names
from ..spoken import FILLERS, Tok, tokens
from .base import SpokenRecognizer

# After these, the next words are very likely a name, even lower-case and not in the gazetteer.
STRONG = ("my name is", "my name's", "name is", "names is", "name's", "call me", "this is", "it's", "i'm",
          "i am", "speaking with", "you're speaking to", "you've reached", "mister", "missus", "missis",
          "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "nurse", "professor", "prof", "judge", "attorney",
          "counselor", "counsellor", "officer", "detective", "sergeant", "pastor", "father", "sister",
          "dear", "my son", "my daughter", "my wife", "my husband", "my mother", "my father", "my mom", "my dad",
          "my brother", "my sister", "my partner", "my friend", "my lawyer", "my therapist", "my doctor",
          "surname is", "last name is", "first name is", "named", "called", "spell", "spelled", "my ex",
          "my boss", "my manager", "my cousin", "my aunt", "my uncle", "my niece", "my nephew", "my grandson",
          "my granddaughter", "my grandmother", "my grandfather", "my girlfriend", "my boyfriend", "my fiance",
          "my fiancee", "my roommate", "my neighbor", "my neighbour", "my coworker", "my colleague",
          "her husband", "his wife", "her son", "her daughter", "his son", "his daughter", "goes by", "go by",
          "her name is", "his name is", "their name is", "name's", "husband", "wife", "last name", "first name",
          "surname", "maiden name", "middle name")
# Greetings and thanks: a name after them may be any word that is not an everyday word.
VOCATIVE = frozenset({"thanks", "thank", "hi", "hello", "hey", "bye", "morning", "afternoon", "evening", "welcome"})
# After these, a gazetteer name counts; unknown words do not.
WEAK = ("with", "to", "and", "for", "from", "hi", "hello", "hey", "thanks", "thank you", "ask", "tell", "told",
        "call", "email", "text", "remind", "meet", "met", "saw", "see", "ask for", "by", "cc", "about", "behalf of",
        "on behalf of", "via", "invite", "message", "ping", "asked", "said", "says", "per", "patient", "client")
# "this is X calling" is strong only when a calling word follows; "this is great" is not a name.
NOT_NAMES = frozenset("calling speaking here from on with".split())
MAX_NAME_WORDS = 3
# Triggers a comma may follow before the name: "Dr. Patel", "Thanks, Priyanka".
COMMA_OK = frozenset("mr dr mrs ms thanks thank you hi hello hey bye morning afternoon evening".split())
# Words after which a lone name has ended: "my son will is", "this is mark how can I help".
BOUNDARY = frozenset("is was said says and has had goes went called told who keeps kept how calling speaking "
                     "here from with will would can could did does".split())


def _name_like(tok: Tok, strong: bool) -> bool:
    word = tok.text.replace("'", "").replace("’", "")
    if not word.isalpha() or len(word) < 2:
        return False
    if names.is_clear_name(word):
        return True
    if names.is_name(word) and (strong or tok.text[0].isupper()):
        return not names.is_common_word(word) or tok.text[0].isupper()
    if strong and not names.is_common_word(word):
        return True
    return False


def _titled_name(tok: Tok) -> bool:
    """A word right after a title that is its name: capitalised, a short romanised surname, or in
    lower-case text ("dr. macdonald aware") a listed name or no everyday word."""
    return tok.text.isalpha() and (tok.text[0].isupper() or tok.low in names.SHORT_SURNAMES
                                   or names.is_name(tok.low) or not names.is_common_word(tok.low))


def _unknown_word(tok: Tok) -> bool:
    """An alphabetic word that is no everyday English word (likely a name after "thanks")."""
    word = tok.text.replace("'", "").replace("’", "")
    return word.isalpha() and len(word) >= 3 and not names.is_common_word(word)


class IntroducedNameRecognizer(SpokenRecognizer):
    """One to three name words right after a name introduction, a title or an address phrase."""

    ENTITY = "PERSON"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        toks = tokens(text)
        lows = [t.low for t in toks]
        for i in range(len(toks)):
            strong = self._ends_with(lows, i, STRONG)
            weak = not strong and self._ends_with(lows, i, WEAK)
            if not (strong or weak):
                continue
            j = i + 1
            while j < len(toks) and (lows[j] in FILLERS or toks[j].text in (",", ".") and lows[i] in COMMA_OK):
                j += 1
            start, end = j, j
            vocative = lows[i] in VOCATIVE or (lows[i] == "you" and i > 0 and lows[i - 1] == "thank")
            titled = lows[i] in names.TITLES  # "Judge Oh", "Dr. Hope": after a title any name counts
            while end < len(toks) and end - start < MAX_NAME_WORDS and lows[end] not in NOT_NAMES and (
                    _name_like(toks[end], strong) or (vocative and end == start and _unknown_word(toks[end]))
                    or (titled and end == start and _titled_name(toks[end]))):
                end += 1
            if end == start:
                if strong and self._word_like_name_alone(toks, start):
                    yield toks[start].start, toks[start].end, 0.6  # "my son will is", "this is mark how"
                continue
            if self._ends_with(lows, i, ("this is", "it's", "i'm", "i am")):
                # "this is great", "I'm fine": only gazetteer names or a calling word after.
                calling = end < len(toks) and lows[end] in NOT_NAMES
                if not (calling or names.is_name(toks[start].text)):
                    continue
            yield toks[start].start, toks[end - 1].end, 0.8 if strong else 0.6

    @staticmethod
    def _word_like_name_alone(toks: tuple[Tok, ...], i: int) -> bool:
        """A name that is also a word, standing alone before a clause boundary."""
        if i >= len(toks) or not (names.is_name(toks[i].text) or toks[i].low in names.WORD_LIKE):
            return False
        after = toks[i + 1] if i + 1 < len(toks) else None
        return after is None or not after.text[0].isalnum() or after.low in BOUNDARY

    @staticmethod
    def _ends_with(lows: list[str], i: int, phrases: tuple[str, ...]) -> bool:
        for words in _BY_LAST_WORD[phrases].get(lows[i], ()):
            if i + 1 >= len(words) and lows[i + 1 - len(words):i + 1] == words:
                return True
        return False


def _index(phrases: tuple[str, ...]) -> dict[str, list[list[str]]]:
    """Phrases keyed by their last word, so each token checks only the phrases it can end."""
    index: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        index.setdefault(words[-1], []).append(words)
    return index


_BY_LAST_WORD = {STRONG: _index(STRONG), WEAK: _index(WEAK),
                 ("this is", "it's", "i'm", "i am"): _index(("this is", "it's", "i'm", "i am"))}
