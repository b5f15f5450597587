"""First- and last-name gazetteer from the name lists inside Faker, with a word-likeness test.

A gazetteer alone would redact "will", "mark" and "grace" everywhere. So each name gets a
class: *clear* names (okafor, kowalczyk, maria, john) count as names on weak evidence;
*word-like* names (will, hope, rose, young, price) only with strong evidence (a name
introduction, a title, capitalisation mid-sentence, or a clear name beside them).
"""

from __future__ import annotations

import functools
import importlib
import unicodedata

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from .clinical import is_clinical_term
from .eponyms import EPONYMS

# Latin-script Faker locales whose people plausibly meet in English-speaking rooms.
_LOCALES = ("en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_PK", "es_MX", "es_ES", "pt_BR", "pl_PL",
            "de_DE", "fr_FR", "it_IT", "nl_NL", "sv_SE", "tr_TR", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "zu_ZA",
            "ga_IE", "cs_CZ", "ro_RO", "fil_PH", "uk_UA", "vi_VN", "id_ID", "hi_IN", "ne_NP")
_ROMANIZED = ("zh_CN", "ja_JP")
# Wider Latin-script locales (Nordic, Balkan, Swahili, Māori in en_NZ) and Cyrillic ones read
# through Faker's own transliteration. Their lists hold more English words, shorthand and typos by
# accident ("siren", "medic", "fen", "nore"), so from them only names of four letters or more that
# are rare as words are taken. (is_IS lists "Flóvent"; nl_BE, de_CH, az_AZ add mostly such noise.)
_WIDER = ("en_NZ", "no_NO", "da_DK", "fi_FI", "hr_HR", "sl_SI", "sk_SK", "sw")
_TRANSLITERATED = ("uk_UA", "ru_RU")
RARE_AS_A_WORD = 2.5  # Zipf frequency under which a name from a wider locale is taken

# Names that are everyday English words; the list makes the rule below explicit for the
# common ones wordfreq can't separate from names.
WORD_LIKE = frozenset("""
will mark hope grace rose joy may june april august bill frank jack ray dawn faith rich guy young price brown
white black green long king hill wood woods stone rice bush hunt cook ward lane bell page park church key wall
ball cross miles hall glass prince moon banks golden grant fox max snow bird walls bright fields don bond branch
wise ford roman marks rush sharp drew gray grey angel gross waters duke chase diamond dean crystal pope jay pace
bishop hunter wolf parks robin rivers gates summer winter autumn holly ivy iris daisy lily violet olive ruby pearl
amber jade destiny charity patience honor precious chance sage river rain sky storm sunny star sterling penny
carol christian english french west north south east little short small strong best good love day house case
weeks powers flowers houston virginia washington georgia dallas paris sydney chelsea austin jordan victoria
francisco clinton jesus gay major baker carpenter mason taylor turner walker shepherd fisher hunter cooper
potter porter butler bishop knight page lee sun ha an le van de la del do son bo ma mai long
""".split())


# Month and weekday names: capitalised like names and never one where the name rules look.
CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                     "june july august september october november december".split())
# A listed name this frequent in English (Zipf) is an everyday word first ("said", "will", "long").
EVERYDAY_ZIPF = 4.5

# Words that make the next word a person's name, whatever that word is ("Dr. Lee", "Mr. Ng").
TITLES = frozenset("mr mrs ms miss missus missis mx mister dr doctor nurse prof professor judge justice attorney counselor "
                   "counsellor officer detective sergeant pastor reverend rev sister father".split())
# Romanised surnames of one or two letters that Faker's lists lack ("Mr. Ng", "Ms. Oh").
SHORT_SURNAMES = frozenset("ng oh ho yu xu wu lu hu ko im yi ip au lo li bo le ma".split())


def after_title(text: str, start: int) -> bool:
    """Whether the word just before offset `start` is a title ("Dr.", "mister", "Judge")."""
    from .spoken import words_before

    before = words_before(text, start, 1)
    return bool(before) and before[0] in TITLES


# Letters that carry no separable accent, so Unicode decomposition leaves them as they are.
_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d",
                               "ı": "i"})


@functools.lru_cache(maxsize=65536)
def plain(name: str) -> str:
    """Lower case without accents: "García" → "garcia", "Bjørn" → "bjorn"."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _transliteration(locale: str) -> dict[int, str]:
    """Faker's Cyrillic-to-Latin table for `locale` (the one its e-mail addresses use)."""
    try:
        table = importlib.import_module(f"faker.providers.internet.{locale}").Provider.replacements
    except (ImportError, AttributeError):
        return {}
    return {ord(letter): latin for letter, latin in table if len(letter) == 1 and latin.isascii()}


def _provider_names(locale: str, attrs: tuple[str, ...]) -> set[str]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ImportError:
        return set()
    latin = _transliteration(locale) if locale in _TRANSLITERATED else {}
    found: set[str] = set()
    for attr in attrs:
        table = getattr(provider, attr, ())
        for name in table if isinstance(table, (tuple, list, dict, set, frozenset)) else ():
            for part in str(name).translate(latin).replace("-", " ").split():
                key = plain(part)
                if key.isascii() and key.isalpha() and len(key) >= 2:
                    found.add(key)
    return found


def _gather(attrs: tuple[str, ...], romanized: tuple[str, ...]) -> frozenset[str]:
    names: set[str] = set()
    for locale in _LOCALES:
        names |= _provider_names(locale, attrs)
    for locale in _ROMANIZED:
        names |= _provider_names(locale, romanized)
    for locale in _WIDER + _TRANSLITERATED:
        names |= {name for name in _provider_names(locale, attrs) - names
                  if len(name) >= 4 and zipf_frequency(name, "en") < RARE_AS_A_WORD}
    return frozenset(names - STOP_WORDS)


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-case first names from Faker's person providers."""
    return _gather(("first_names", "first_names_female", "first_names_male"), ("first_romanized_names",))


@functools.lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    """Lower-case surnames from Faker's person providers."""
    return _gather(("last_names",), ("last_romanized_names",))


@functools.lru_cache(maxsize=1)
def _well_known() -> frozenset[str]:
    """The most frequent US first names and surnames: names first, words second."""
    from faker.providers.person.en_US import Provider

    known: set[str] = set()
    for table, top in ((Provider.first_names_female, 400), (Provider.first_names_male, 400), (Provider.last_names, 300)):
        ranked = sorted(table.items(), key=lambda kv: -kv[1])[:top]
        known |= {plain(name) for name, _ in ranked}
    return frozenset(known - WORD_LIKE)


def is_name(word: str) -> bool:
    """Whether `word` is in the first- or last-name gazetteer."""
    key = plain(word)
    return key in first_names() or key in last_names()


@functools.lru_cache(maxsize=65536)
def is_clear_name(word: str) -> bool:
    """A gazetteer name that is not also an everyday English word."""
    key = plain(word)
    if not is_name(key) or key in WORD_LIKE or key in STOP_WORDS:
        return False
    return key in _well_known() or zipf_frequency(key, "en") < 3.6


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """An everyday English word (stop word, word-like name, or frequent and not a clear name)."""
    key = plain(word)
    if key in STOP_WORDS or key in WORD_LIKE:
        return True
    return not is_clear_name(key) and zipf_frequency(key, "en") >= 3.6


# Endings English builds words with, and drug-name stems: a word of at least four letters more
# that ends so is no unlisted name ("sedated", "weaning", "tachycardic", "extubation",
# "metoprolol"). Listed names are read first; Slavic "-vic" (Jovanovic) is no derivation, and
# Arabic "-al" (Kunal, Faisal) is deliberately absent.
NOT_NAME_ENDINGS = ("ing", "ed", "ly", "tion", "sion", "ment", "ness", "ity", "ous", "ive", "able", "ible", "ful",
                    "less", "ize", "ise", "ic", "ics", "ial", "ral", "tal", "dal", "ary", "ery", "itis", "osis", "emia",
                    "esia", "uria", "ectomy", "otomy", "ostomy", "plasty", "scopy", "graphy", "gram", "pathy", "algia",
                    "ology", "ologist", "ism", "pril", "statin", "mab", "zole", "vir", "xacin", "mycin", "cillin",
                    "dipine", "sartan", "tidine", "azepam", "afil", "olol", "azine", "amide", "semide", "parin",
                    "cycline", "gliptin", "triptan", "setron", "tinib")
_ENDING_SET = frozenset(NOT_NAME_ENDINGS)
_ENDINGS_BY_LENGTH = sorted({len(e) for e in NOT_NAME_ENDINGS})
_APOSTROPHE_S = ("'s", "’s")


@functools.lru_cache(maxsize=65536)
def is_unfamiliar(word: str) -> bool:
    """A word that no list knows and English would not build: no everyday word, listed name,
    clinical shorthand, drug, eponym or English derivation. Where a name can stand, such a word
    ("oluwaseun", "Ogunleye", "hnatyuk") is most likely the name the lists lack."""
    if word.endswith(_APOSTROPHE_S):
        word = word[:-2]
    key = plain(word)
    if len(key) < 3 or not key.isalpha() or key in STOP_WORDS or key in WORD_LIKE or is_name(key):
        return False
    if english_derivation(key) or is_clinical_term(key) or key in EPONYMS:
        return False
    return not is_common_word(key)


def is_name_word(word: str) -> bool:
    """A word that can be part of a name: one no list knows, or a listed name that is no
    everyday word."""
    return is_unfamiliar(word) or (is_name(word) and not is_common_word(word))


def english_derivation(word: str) -> bool:
    """Whether a lower-case word ends like an English derivation or a drug, with a stem of at
    least four letters before the ending (a plural's "s" aside)."""
    if word.endswith("vic"):
        return False
    forms = (word, word[:-1]) if word.endswith("s") else (word,)
    return any(len(form) >= n + 4 and form[-n:] in _ENDING_SET for form in forms for n in _ENDINGS_BY_LENGTH)
