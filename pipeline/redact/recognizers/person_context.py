"""Names introduced the way people introduce them, in any case: "my name is devon okafor",
"this is Mark calling", "Dr. Patel", "nurse okafor", "ask for grace".
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from .. import names
from ..clinical import RELATIONS, is_clinical_term
from ..spoken import FILLERS, Tok, tokens
from .addressed_name import is_rare_listed_name
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
          "surname", "maiden name", "middle name", "he's", "she's", "call him", "call her", "calls him", "calls her",
          "known as")
# Greetings and thanks: a name after them may be any word that is not an everyday word.
VOCATIVE = frozenset({"thanks", "thank", "hi", "hello", "hey", "bye", "morning", "afternoon", "evening", "welcome"})
# After these, a gazetteer name counts; unknown words do not.
WEAK = ("with", "to", "and", "for", "from", "hi", "hello", "hey", "thanks", "thank you", "ask", "tell", "told",
        "call", "email", "text", "remind", "meet", "met", "saw", "see", "ask for", "by", "cc", "about", "behalf of",
        "on behalf of", "via", "invite", "message", "ping", "asked", "said", "says", "per", "patient", "client")
# Weak openings after which a name-shaped pair the lists half know counts ("raised by priyanka
# deshmukh", "it says tuan pham"); "with tactile stimuli" in a note is why the others don't.
PAIR_OPENINGS = ("by", "says", "said", "told", "met", "saw", "ask for", "asked for", "behalf of", "cc",
                 "spoke to", "spoke with", "speak to", "speak with", "talk to", "talked to", "email", "text",
                 "call", "tell", "remind")
# "this is X calling" is strong only when a calling word follows; "this is great" is not a name.
NOT_NAMES = frozenset("calling speaking here from on with".split())
_CALLING = NOT_NAMES | {"i'm", "i"}  # "this is deshawn i'm calling about"
# Openings after which only a listed name, a calling word or a name-shaped pair counts.
_IS_OPENINGS = ("this is", "it's", "i'm", "i am", "he's", "she's")
# People named by their role: "the witness taineidik droukeishosh", "baby girl amaka", "the
# subscriber is orsolya papp", "our sales rep at the vendor is bongani".
ROLES = frozenset("""contact rep representative agent subscriber caseworker witness guy girl boy lady gentleman
client manager adjuster counsel partner landlord landlady tenant owner holder driver neighbour neighbor employee
supervisor applicant claimant plaintiff defendant deponent beneficiary executor caller technician coordinator
assistant receptionist therapist counsellor counselor teacher student baby patient consultant registrar surgeon
pharmacist paramedic carer caregiver physician lawyer solicitor barrister paralegal clerk investigator inspector
worker member colleague intern guardian interpreter translator manager hire starter joiner reporter recruit
trainee apprentice complainant respondent charge nurse doctor""".split())
_CHARGE_HOLDERS = ROLES | names.TITLES  # "the sister in charge", "the nurse in charge"
_ROLE_BEFORE = frozenset("the a my our your his her their new same other former sales".split())
_POSSESSIVES = frozenset("my our your his her their".split())
_ROLE_VERBS = frozenset("is was named called".split())
MAX_ROLE_GAP = 4  # words between a role and its "is": "the contact over there is …"
MAX_NAME_WORDS = 3
# Triggers a comma may follow before the name: "Dr. Patel", "Thanks, Priyanka".
COMMA_OK = frozenset("mr dr mrs ms thanks thank you hi hello hey bye morning afternoon evening".split())
# Words after which a lone name has ended: "my son will is", "this is mark how can I help".
BOUNDARY = frozenset("is was said says and has had goes went called told who keeps kept how calling speaking "
                     "here from with will would can could did does".split())


_CONTRACTION = re.compile(r"['’]")


def _listed_name(tok: Tok) -> bool:
    """A listed name that is no very frequent word, no word-like name nor shorthand: after
    "my name is" or "called" it is the name ("ahmed", "brennan"), capitalised or not."""
    return is_rare_listed_name(tok.low) and tok.low not in names.WORD_LIKE and not is_clinical_term(tok.low)


def _name_like(tok: Tok, strong: bool) -> bool:
    word = tok.text.replace("'", "").replace("’", "")
    if not word.isalpha() or len(word) < 2 or is_clinical_term(tok.low) or tok.low in RELATIONS \
            or _CONTRACTION.split(tok.low)[0] in STOP_WORDS:
        return False  # "via foley", "spoke with son", "my sister she's": shorthand, kin and pronouns are no names
    if names.is_clear_name(word):
        return True
    if names.is_name(word) and (strong or tok.text[0].isupper()):
        return not names.is_common_word(word) or tok.text[0].isupper()
    if strong and not names.is_common_word(word):
        return True
    return False


def _name_word(tok: Tok) -> bool:
    """A word no list knows, or a listed name that is no everyday word nor shorthand ("foley").
    Words in capitals are shorthand in notes, not names in speech."""
    if tok.text.isupper():
        return False
    return names.is_name_word(tok.text) and not is_clinical_term(tok.low)


def _name_shaped(run: Sequence[Tok]) -> bool:
    """Two or three name words, at least one unknown to every list: "dmitri volkov", "priyanka
    deshmukh". One unknown word alone after "it's" may be anything ("it's kubernetes")."""
    return 2 <= len(run) <= MAX_NAME_WORDS and all(_name_word(t) for t in run) \
        and any(names.is_unfamiliar(t.text) for t in run)


def _pair_word(toks: tuple[Tok, ...], start: int, end: int) -> bool:
    """After a weak opening, a word of a name-shaped pair starting at `start` ("raised by priyanka
    deshmukh", "calling for ikechukwu obi")."""
    return end - start < 2 and start + 1 < len(toks) and _name_shaped(toks[start:start + 2])


# After a role and a word-like name, what says the name is a person's: "the adjuster is miles and
# he said", "the sister in charge charity said".
_SPEECH = frozenset("said says told rang called phoned emailed mentioned asked wants".split())


def _said_by(toks: tuple[Tok, ...], lows: list[str], j: int) -> bool:
    """A listed name, even an everyday word ("charity"), that a speech verb follows, or a first
    name that "and he/she" and one follow."""
    if not (names.is_name(toks[j].text) or lows[j] in names.WORD_LIKE) or lows[j] in STOP_WORDS:
        return False
    k = j + 1
    if lows[k:k + 2] in (["and", "he"], ["and", "she"]) and names.plain(lows[j]) in names.first_names():
        k += 2  # "the patient is young and he said": only a first name reads as one there
    return k < len(toks) and lows[k] in _SPEECH


def _role_names(toks: tuple[Tok, ...], lows: list[str]) -> Iterable[tuple[int, int, float]]:
    """Names after the role that introduces them, straight after or after "is"."""
    for i, low in enumerate(lows):
        if low not in ROLES:
            continue
        j = i + 1
        for k in range(i + 1, min(i + 2 + MAX_ROLE_GAP, len(toks))):
            if lows[k] in _ROLE_VERBS:
                j = k + 1
                break
            if not toks[k].text[0].isalpha():
                break
        # Without "is" the role needs its article: "the witness X", not "contact precautions";
        # "in charge" its role: "the sister in charge charity said".
        role = i - 2 if low == "charge" and i > 1 and lows[i - 1] == "in" and lows[i - 2] in _CHARGE_HOLDERS else i
        if low == "charge" and role == i:
            continue
        if j == i + 1 and not (role and (lows[role - 1] in _ROLE_BEFORE or lows[role - 1] in ROLES)):
            continue
        while j < len(toks) and lows[j] in FILLERS:
            j += 1
        end = j
        while end < len(toks) and end - j < MAX_NAME_WORDS and _name_word(toks[end]):
            end += 1
        run = toks[j:end]
        if run and (_name_shaped(run) or (len(run) == 1 and names.is_unfamiliar(run[0].text)
                                          and len(run[0].text) >= 4) or names.is_clear_name(run[0].text)):
            yield run[0].start, run[-1].end, 0.6
        elif not run and j < len(toks) and _said_by(toks, lows, j):
            yield toks[j].start, toks[j].end, 0.6  # "the adjuster is miles and he said"


# Openings that say a name follows: then even an everyday word opens it before a surname
# ("my name is justice kamara", "her name's hope okafor").
_NAMING = ("my name is", "my name's", "name is", "name's", "her name is", "his name is", "full name is",
           "first name is", "goes by", "called", "named")


def _before_surname(toks: tuple[Tok, ...], i: int) -> bool:
    """An alphabetic word, no function word, that a surname-like word follows."""
    tok = toks[i]
    return tok.text.isalpha() and tok.low not in STOP_WORDS and i + 1 < len(toks) \
        and (names.is_unfamiliar(toks[i + 1].text) or names.is_clear_name(toks[i + 1].text))


# After "thanks X", these end the name: "thank you grace you've been", "thanks rosa that's all".
_PAUSES = frozenset(", . ! ? that's you've".split())


def _listed_before_pause(toks: tuple[Tok, ...], i: int) -> bool:
    """A listed name, even an everyday word, that a pause or a new clause follows."""
    return names.is_name(toks[i].text) and (i + 1 == len(toks) or toks[i + 1].low in _PAUSES)


# A person as the object of a request: "let X know", "put X down as", "have X call".
OBJECT_FRAMES = {"let": ("know",), "put": ("down", "through"), "have": ("call", "ring", "email", "text"),
                 "wants": ("seen",), "want": ("seen",), "ask": ("to",), "tell": ("to",), "remind": ("to",)}


def _objects(toks: tuple[Tok, ...], lows: list[str]) -> Iterable[tuple[int, int, float]]:
    """One or two name words between a request verb and its particle: "put rastislav down"."""
    for i, low in enumerate(lows):
        closers = OBJECT_FRAMES.get(low)
        if not closers:
            continue
        for width in (1, 2):
            k = i + 1 + width
            if k < len(toks) and lows[k] in closers and all(_name_word(t) for t in toks[i + 1:k]) \
                    and any(names.is_unfamiliar(t.text) or names.is_clear_name(t.text) for t in toks[i + 1:k]):
                yield toks[i + 1].start, toks[k - 1].end, 0.6
                break


def _introduced_by_role_after(toks: tuple[Tok, ...], lows: list[str]) -> Iterable[tuple[int, int, float]]:
    """A listed name opening "X is my case manager", "X was her carer", or one no list knows
    opening "X is the night nurse"."""
    for i in range(len(toks) - 3):
        if lows[i + 1] in ("is", "was") and (lows[i + 2] in _POSSESSIVES and names.is_name(toks[i].text)
                                              or lows[i + 2] == "the" and names.is_unfamiliar(toks[i].text)) \
                and (i == 0 or not toks[i - 1].text[0].isalnum() or lows[i - 1] in ("and", "so", "well")) \
                and any(w in ROLES or w in RELATIONS for w in lows[i + 3:i + 5]):
            yield toks[i].start, toks[i].end, 0.6


def _titled_name(tok: Tok) -> bool:
    """A word right after a title that is its name: capitalised, a short romanised surname, or in
    lower-case text ("dr. macdonald aware") a listed name or no everyday word."""
    return tok.text.isalpha() and (tok.text[0].isupper() or tok.low in names.SHORT_SURNAMES
                                   or names.is_name(tok.low) or not names.is_common_word(tok.low))


def _unknown_word(tok: Tok) -> bool:
    """An alphabetic word that is no everyday English word (likely a name after "thanks")."""
    word = tok.text.replace("'", "").replace("’", "")
    return word.isalpha() and len(word) >= 3 and not names.is_common_word(word)


# Words that say the name just said was wrong, or offer another: "mr tanaka no takahashi",
# "called brennan or brannigan", "ahmed no sorry ahmad".
_MARKERS = frozenset("no sorry or rather mean".split())
_CORRECTIONS = _MARKERS | frozenset("i it is wait maybe um uh".split())
MAX_CORRECTION_WORDS = 3
_GREETINGS = frozenset("hi hello hey morning afternoon evening yes yeah".split())


def _corrections(toks: tuple[Tok, ...], lows: list[str], end: int) -> Iterable[tuple[int, int, float]]:
    """Names said in place of the name that ends before token `end`, each in turn: "mister
    haldane no halloran sorry desmond halloran"."""
    while True:
        j = end
        while j < len(toks) and j - end < MAX_CORRECTION_WORDS and lows[j] in _CORRECTIONS:
            j += 1
        if not any(w in _MARKERS for w in lows[end:j]):
            return
        end = j
        while end < len(toks) and end - j < 2 and lows[end] not in STOP_WORDS \
                and (_name_word(toks[end]) or names.is_name(toks[end].text) or _unknown_word(toks[end])):
            end += 1
        if end == j:
            return
        yield toks[j].start, toks[end - 1].end, 0.6


def _greeted_self(toks: tuple[Tok, ...], lows: list[str], i: int, start: int) -> bool:
    """"hi yes i'm taiwo": a word no list knows, after "i'm" in a greeting, is the speaker's name."""
    return lows[i] in ("i'm", "am") and any(w in _GREETINGS for w in lows[max(0, i - 3):i]) \
        and names.is_unfamiliar(toks[start].text)


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
                    _name_like(toks[end], strong)
                    or (self._names_it(lows, i)
                        and (_listed_name(toks[end]) or end == start and _before_surname(toks, end)))
                    or (weak and self._ends_with(lows, i, PAIR_OPENINGS) and _pair_word(toks, start, end)) or (vocative and end == start and (_unknown_word(toks[end]) or _listed_before_pause(toks, end)))
                    or (titled and end == start and _titled_name(toks[end]))):
                end += 1
            if end == start:
                if strong and self._word_like_name_alone(toks, start):
                    yield toks[start].start, toks[start].end, 0.6  # "my son will is", "this is mark how"
                continue
            if self._ends_with(lows, i, _IS_OPENINGS):
                # "this is great", "I'm fine": only gazetteer names, a calling word after, or a
                # pair of name words the lists half know ("it's eilidh mackinnon").
                calling = end < len(toks) and lows[end] in _CALLING
                if not (calling or names.is_name(toks[start].text) or _name_shaped(toks[start:end])
                        or _greeted_self(toks, lows, i, start)):
                    continue
            yield toks[start].start, toks[end - 1].end, 0.8 if strong else 0.6
            yield from _corrections(toks, lows, end)
        yield from _role_names(toks, lows)
        yield from _objects(toks, lows)
        yield from _introduced_by_role_after(toks, lows)

    def _names_it(self, lows: list[str], i: int) -> bool:
        return self._ends_with(lows, i, _NAMING)

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


_BY_LAST_WORD = {STRONG: _index(STRONG), WEAK: _index(WEAK), _IS_OPENINGS: _index(_IS_OPENINGS),
                 PAIR_OPENINGS: _index(PAIR_OPENINGS), _NAMING: _index(_NAMING)}
