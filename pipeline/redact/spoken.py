"""How people say numbers and codes, read back into digits and letters.

"six one seven five five five zero one three four", "double five", "triple nine",
"eighty one", "oh", "2217", "A B one two", fillers ("uh") and "dash" inside: all become
`CodeRun`s with character offsets into the original text, so recognizers can decide what
a run is from its length and the words before it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

UNITS = {"zero": 0, "oh": 0, "o": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "thirtieth": 30}
REPEATS = {"double": 2, "triple": 3, "treble": 3}
# Words that say one or more digits ("oh", "seven", "double", "eighty").
DIGIT_WORDS = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS) | frozenset(REPEATS) - {"o"}
FILLERS = {"uh", "um", "er", "erm", "ah", "hmm", "mm", "uhm", "like", "you", "know"}
SEPARATORS = {"-", "dash", "hyphen", "/", "slash", ",", ".", "space", "and", ":", "colon"}
# Capitalised abbreviations that sit between numbers without being part of a code ("162 HDL 41").
ABBREVIATIONS = frozenset("hdl ldl bp hr rr mg ml mcg kg lb lbs mri ct ekg ecg icu er iv pm am psi usd eur gbp "
                          "gb mb kb tb api qa ok vs and or to at in on is cc ft".split())
_SCALES = {"hundred": 100, "thousand": 1000}
KEYPAD = {"star": "*", "pound": "#", "hash": "#"}
NATO = {"alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f",
        "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "juliett": "j", "kilo": "k", "lima": "l",
        "mike": "m", "november": "n", "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s",
        "tango": "t", "uniform": "u", "victor": "v", "whiskey": "w", "xray": "x", "x-ray": "x", "yankee": "y",
        "zulu": "z"}

_ORDINAL_DIGITS = re.compile(r"^\d+(st|nd|rd|th)$")
TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]+|[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Tok:
    """A word, number or punctuation mark with its offsets."""

    text: str
    start: int
    end: int
    low: str = field(init=False, repr=False, compare=False)  # `text` in lower case

    def __post_init__(self) -> None:
        # Set once: the recognizers read it ~30 times per token (a property cost 1.6M calls per 50k words).
        object.__setattr__(self, "low", self.text.lower())


@dataclass(frozen=True)
class CodeRun:
    """Consecutive spoken or written digits/letters read as one code."""

    start: int
    end: int
    value: str          # digits and lower-case letters, e.g. "6175550134" or "ab12"
    first_token: int    # index into tokens(text) of the run's first token

    @property
    def digits(self) -> int:
        return sum(ch.isdigit() for ch in self.value)

    @property
    def letters(self) -> int:
        return sum(ch.isalpha() for ch in self.value)


@functools.lru_cache(maxsize=16)
def tokens(text: str) -> tuple[Tok, ...]:
    """Words, digit groups and punctuation marks of `text`, in order."""
    return tuple(Tok(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text))


def _is_letter(tok: Tok, prev_is_code: bool, next_tok: Tok | None) -> bool:
    if len(tok.text) != 1 or not tok.text.isalpha():
        return False
    if tok.low in ("a", "i", "o"):
        # The words "a" and "I" read as letters only beside other spelled letters or digits.
        if next_tok is None:
            return False
        if len(next_tok.text) == 1 and next_tok.text.isalnum():
            return True
        number_next = next_tok.text.isdigit() or next_tok.low in UNITS or next_tok.low in TEENS or next_tok.low in TENS
        return number_next and (prev_is_code or (tok.text == "A" and next_tok.low not in ("hundred", "couple")))
    return True


# Words that may say a symbol whatever their case and length (numbers, "double", "pound", "alpha").
_SAID = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS) | frozenset(REPEATS) | frozenset(KEYPAD) | frozenset(NATO)


def _symbol(toks: tuple[Tok, ...], i: int, prev_is_code: bool) -> tuple[str, int] | None:
    """The code value of the symbol at token i and how many tokens it spans, or None."""
    tok = toks[i]
    low = tok.low
    if low not in _SAID and len(tok.text) > 1 and tok.text.isalpha() and not tok.text.isupper() \
            and not (len(tok.text) <= 3 and i > 0 and toks[i - 1].text == "-"):
        return None  # an ordinary word ("the", "meeting"): none of the cases below applies
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if tok.text.isdigit():
        return tok.text, 1
    if low in REPEATS and nxt is not None:
        j = i + 2 if nxt.text == "-" and i + 2 < len(toks) else i + 1  # "double-four"
        inner = _symbol(toks, j, True)
        if inner and len(inner[0]) == 1:
            return inner[0] * REPEATS[low], j - i + inner[1]
        return None
    if low in TENS:
        j = i + 1
        if j < len(toks) and toks[j].text == "-":
            j += 1
        if j < len(toks) and toks[j].low in UNITS and toks[j].low not in ("oh", "o", "zero", "nought"):
            return str(TENS[low] + UNITS[toks[j].low]), j - i + 1
        return str(TENS[low]), 1
    if low in TEENS:
        if nxt is not None and nxt.low == "hundred":  # "nineteen hundred"
            return str(TEENS[low] * 100), 2
        return str(TEENS[low]), 1
    if low in KEYPAD and (prev_is_code or (nxt is not None and _symbol(toks, i + 1, True))):
        return KEYPAD[low], 1
    if low in ("o", "oh") and not prev_is_code and not (nxt is not None and _symbol(toks, i + 1, True)):
        return None  # "oh" alone is an interjection
    if low in UNITS or (low == "a" and nxt is not None and nxt.low in ("hundred", "thousand")):
        if nxt is not None and nxt.low in _SCALES:
            return _scaled(toks, i, _SCALES[nxt.low])
        return str(UNITS[low]), 1
    if low == "x" and nxt is not None and nxt.low == "ray":
        return "x", 2
    if low in NATO and prev_is_code:
        return NATO[low], 1
    if len(tok.text) == 1 and tok.text.isalpha() and nxt is not None and nxt.low == "as" \
            and i + 3 < len(toks) and toks[i + 2].low == "in":
        x_ray = toks[i + 3].low == "x" and i + 4 < len(toks) and toks[i + 4].low == "ray"
        return low, 5 if x_ray else 4  # "S as in Sam", "X as in x ray"
    # "I" is `_is_letter`'s to judge: after a number it is mostly the pronoun ("… three four. I live …").
    if tok.text.isupper() and tok.text.isalpha() and len(tok.text) <= 4 and tok.text != "I" \
            and tok.low not in ABBREVIATIONS \
            and (prev_is_code or _dash_code_after(toks, i)):
        return low, 1  # "twenty twenty three CV zero four five", "BCX-448-20917"
    if tok.text.isalpha() and len(tok.text) <= 3 and i > 0 and toks[i - 1].text == "-" and _dash_code_after(toks, i):
        return low, 1  # "1:22-cv-04512"
    if tok.text.isalnum() and any(c.isdigit() for c in tok.text) and any(c.isalpha() for c in tok.text) \
            and not _ORDINAL_DIGITS.match(low):
        return low, 1
    if _is_letter(tok, prev_is_code, nxt):
        return low, 1
    return None


def _dash_code_after(toks: tuple[Tok, ...], i: int) -> bool:
    """A written code continues after token i: "-" then digits ("BCX-448", "cv-04512")."""
    return i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 1].end == toks[i + 2].start \
        and toks[i + 2].text.isalnum() and any(c.isdigit() for c in toks[i + 2].text)


def _scaled(toks: tuple[Tok, ...], i: int, scale: int) -> tuple[str, int]:
    """A number said with "hundred" or "thousand" at token i, and how many tokens it spans.

    "five hundred" → 500, "five hundred and six" → 506, "a hundred" → 100,
    "four thousand one hundred" → 4100, "two thousand five" → 2005; but "eight hundred five
    five five …" (a toll-free number) → 800: digits said one by one follow, not a number's end.
    """
    value = UNITS.get(toks[i].low, 1) * scale  # "a hundred" = one hundred
    j = i + 2
    if j < len(toks) and toks[j].low == "and":
        j += 1
    if j < len(toks):
        rest = _symbol(toks, j, True)
        if rest and rest[0].isdigit() and len(rest[0]) < len(str(scale)) and toks[j].low not in ("oh", "o") \
                and not (j == i + 2 and len(rest[0]) == 1 and _single_digit_at(toks, j + rest[1])):
            return str(value + int(rest[0])), j - i + rest[1]
    return str(value), 2


def _single_digit_at(toks: tuple[Tok, ...], i: int) -> bool:
    """Whether token i says one digit ("five", "oh", "7")."""
    return i < len(toks) and (toks[i].low in UNITS or (len(toks[i].text) == 1 and toks[i].text.isdigit()))


@functools.lru_cache(maxsize=16)
def code_runs(text: str) -> tuple[CodeRun, ...]:
    """Every maximal run of digits/letters (spoken or written) in `text`.

    Fillers and separators ("uh", "dash", "-", ",") may sit between symbols; they join the
    run but are never at its ends.
    """
    toks = tokens(text)
    runs: list[CodeRun] = []
    i = 0
    while i < len(toks):
        found = _symbol(toks, i, False)
        if not found:
            i += 1
            continue
        first, value, last = i, found[0], i + found[1] - 1
        j = last + 1
        while j < len(toks):
            k = j
            while k < len(toks) and k - j < 3 and (toks[k].low in FILLERS or toks[k].low in SEPARATORS):
                k += 1
            nxt = _symbol(toks, k, True) if k < len(toks) else None
            if not nxt:
                break
            if k > j and toks[j].text == "," and toks[k].text.isalpha() and len(toks[k].text) > 1 \
                    and toks[k].low not in NATO and toks[k].low not in UNITS and toks[k].low not in TEENS \
                    and toks[k].low not in TENS and toks[k].low not in REPEATS:
                break  # "1964, MRN 3390127": a new code begins after the comma
            value += nxt[0]
            last = k + nxt[1] - 1
            j = last + 1
        runs.append(CodeRun(toks[first].start, toks[last].end, value, first))
        i = last + 1
    return tuple(runs)


@functools.lru_cache(maxsize=16)
def _words(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    toks = [t for t in tokens(text) if t.text[0].isalnum()]
    return tuple(t.end for t in toks), tuple(t.low for t in toks)


def opens_sentence(text: str, start: int, dash: bool = True) -> bool:
    """Whether offset `start` begins a sentence, line or text (its capital says nothing there);
    with `dash`, a dash before it breaks the sentence too ("- Pt resting")."""
    before = text[:start].rstrip(" \t\"'“(")
    return not before or before[-1] in (".!?:;\n-" if dash else ".!?:;\n")


def words_before(text: str, start: int, count: int) -> list[str]:
    """The `count` lower-case words before offset `start` (punctuation dropped)."""
    ends, lows = _words(text)
    stop = bisect.bisect_right(ends, start)
    return list(lows[max(0, stop - count):stop])


def words_after(text: str, end: int, count: int) -> list[str]:
    """The `count` lower-case words starting at or after offset `end`."""
    ends, lows = _words(text)
    first = bisect.bisect_right(ends, end)
    return list(lows[first:first + count])


# Words that hand over a value named earlier ("the member ID from the front of the card? It's
# W 8 8 …", "the license … on the form, it says s five three …"): after one, the context
# phrase may stand further back.
PRESENTERS = ("it's", "its", "it is", "that's", "that is", "it says", "it reads", "which is")
PRESENTER_REACH = 4
_PRESENTER_ENDS = frozenset(presenter.split()[-1] for presenter in PRESENTERS)


@functools.lru_cache(maxsize=64)
def _spaced(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f" {phrase} " for phrase in phrases)


def context_distance(text: str, start: int, phrases: tuple[str, ...], window: int) -> int | None:
    """How many words stand between `start` and the nearest of `phrases` within the `window`
    words before it (0: right before), or None. Fillers such as "um" and "uh" are not counted:
    "bar number um for the um prior auth it's …"; after a presenter ("it's", "it says") the
    window reaches `PRESENTER_REACH` words further. A word's "'s" may be left off
    ("hospital number's K 4 4 1 …" is after "hospital number")."""
    words = [w for w in words_before(text, start, 2 * (window + PRESENTER_REACH)) if w not in FILLERS]
    if words and words[-1] in _PRESENTER_ENDS and any(
            (" " + " ".join(words[-2:])).endswith(" " + presenter) for presenter in PRESENTERS):
        window += PRESENTER_REACH
    said = " " + " ".join(words[-window:]) + " "
    versions = (said, said.replace("'s ", " ").replace("’s ", " ")) if "s " in said else (said,)
    best = None
    for version in versions:
        for phrase in _spaced(phrases):
            at = version.rfind(phrase)  # the last mention is the nearest
            if at >= 0:
                distance = version.count(" ", at + len(phrase) - 1) - 1  # words after the phrase
                best = distance if best is None else min(best, distance)
    return best


# Words that name what the number right after them numbers: "room 104", "page ninety", "port 8443".
NUMBERED = frozenset("room rm bed page pg ward route bus apt apartment suite floor line chapter exit "
                     "highway interstate channel gate flight platform item question section paragraph clause rule "
                     "exhibit version level unit building aisle row seat table track lot box port step".split())


def numbered(text: str, start: int) -> bool:
    """Whether the number at `start` is named by the word right before it, in the same phrase
    ("room 104", "port eight four four three"; not "Tyler Ward, ninety,")."""
    before = words_before(text, start, 1)
    return bool(before) and before[0] in NUMBERED and text[:start].rstrip().lower().endswith(before[0])


_ONE_DIGIT_WORDS = re.compile(r"(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|star|hash"
                              r"|uh|um)(?:[\s,]+|$))+", re.IGNORECASE)


def said_one_by_one(said: str) -> bool:
    """Whether `said` is digits said one by one in words ("two two five nine", "double four one
    star"): a code's way of saying them, where amounts, years and times are said as numbers."""
    return bool(_ONE_DIGIT_WORDS.fullmatch(said))


def has_context(text: str, start: int, phrases: tuple[str, ...], window: int) -> bool:
    """Whether one of `phrases` occurs within the `window` words before `start` (fillers aside)."""
    return context_distance(text, start, phrases, window) is not None


# Capitals written just before a code's digits: its letter prefix ("BKR 4471", "NP 448190").
_PREFIX = re.compile(r"(?<![\w-])([A-Z]{2,4})[ \t]\Z")
# Capitals before a number that name it rather than belong to it ("No 12", "Ref 8841", "Tel 555 …").
_NOT_PREFIXES = frozenset("no nr num ref tel fax ph ext id sn dob".split())


def letter_prefix_start(text: str, start: int, end: int, context: tuple[str, ...] = ()) -> int:
    """Where the code text[start:end] begins once the capitals written just before it are taken
    in ("plate BKR 4471", "policy number's POL 88 1204 776"), or `start`. Only before four digits
    or more that are no reading ("BS 286", "BS 114-122"), and not an abbreviation, a
    measurement's name ("SVR 831") nor one of the `context` words ("MRN 4471902")."""
    match = _PREFIX.search(text, max(0, start - 6), start)
    if not match or sum(c.isdigit() for c in text[start:end]) < 4:
        return start
    from .measurements import KEYS, is_measurement  # measurements reads words with this module's helpers

    low = match.group(1).lower()
    if low in ABBREVIATIONS or low in KEYS or low in _NOT_PREFIXES or low in context \
            or is_measurement(text, start, end):
        return start
    return match.start()


class LetterPrefixed:
    """Mixin for a context recognizer whose codes may open with written capitals: every span it
    finds takes in the capitals just before it (`letter_prefix_start`)."""

    CONTEXT: tuple[str, ...] = ()

    def find(self, text: str):
        """The spans of the recognizer this is mixed into, each with its letter prefix."""
        for start, end, score in super().find(text):  # type: ignore[misc]
            yield letter_prefix_start(text, start, end, self.CONTEXT), end, score
