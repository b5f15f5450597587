"""Ages over 89, spoken or written ("ninety three years old", "she's 94", "aged ninety-one").

Without an age word, a number from 90 to 125 is an age where a person's name stands just
before it: in apposition between commas or in brackets ("Li Na, 90, with new ankle swelling",
"Rosa Diaz (91)") or after a title and surname ("mister o'donoghue ninety two admitted on").
Written shorthand ("93yo", "93 y/o") and birthdays ("her ninety fifth birthday") count too,
and so do a lifespan ("lived to 103", "passed away at ninety-seven"), a sentence that opens with
the age ("At 95, Mrs. Lindgren …"), "ninety three and still …", and a number said again or
corrected near an age found ("she'd be ninety seven no ninety eight").
Vitals, doses and numbered things stay ("BP 90 over 60", "HR 96", "sats 92%", "90 mg", "room 104").
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from .. import names
from ..clinical import is_clinical_term
from ..spoken import FILLERS, CodeRun, Tok, code_runs, numbered, tokens, words_after, words_before
from .base import QUANTITY_WORDS, SpokenRecognizer

AFTER = ("years old", "year old", "years of age", "yo", "y o", "yrs old", "years", "year", "yr old")
BEFORE = ("aged", "age", "age of", "turned", "turning", "turns", "she's", "he's", "i'm", "she is", "he is",
          "i am", "patient is", "who is", "who's", "who’s", "mother is", "father is",
          # a lifespan: "lived to 103", "passed away at ninety-seven", "made it to a hundred"
          "lived to", "lived till", "lived until", "live to", "made it to", "died at", "passed away at", "passed at")
# Written with its age word run in ("93yo", "93 y/o") or as a birthday ("her ninety fifth birthday", "100th birthday").
_WRITTEN_AGE = re.compile(r"\b(?:9\d|1[01]\d|12[0-5])(?=\s?-?(?:y/o|y\.o\b|yo\b))", re.IGNORECASE)
_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_BIRTHDAY = re.compile(r"\b(?:(?:ninety|(?:one|a) hundred(?: and)?)[- ](?:" + _ORDINAL_UNITS + r"|tenth)|ninetieth|"
                       r"(?:(?:one|a) )?hundredth|(?:9\d|1[01]\d|12[0-5])(?:st|nd|rd|th))(?=\s+birthday)", re.IGNORECASE)


# A person's decade over 89: "a lady in her late nineties", "into his 90s".
_DECADE = re.compile(r"\b(?:in|into)\s+(?:her|his|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?(nineties|90['’]?s)\b",
                     re.IGNORECASE)


# After "is"/"was"/"'s" a bare number is an age only when the clause ends with it
# ("she is ninety and lives alone"), not "the total is ninety dollars".
COPULAS = ("is", "was", "'s", "’s", "turned", "makes him", "makes her", "made him", "made her", "makes me", "made me",
           "be", "being", "down as",
           "is she", "is he", "was she", "was he", "she'd be", "he'd be", "would be")
# Words that may stand between the cue and the age: "he'd be, um, 96", "is she really ninety eight".
_BETWEEN = FILLERS | frozenset("really just about almost nearly over now probably maybe actually only already "
                               "well like what".split())
CLAUSE_ENDS = frozenset("and but which when so now at yet this last next in on she he who can cannot can't "
                        "according too also though or if then herself himself her his their my i we they you "
                        "yeah yes no not sorry right okay ok".split())


# "her O2 sat was 93", "pulse is 96": a measurement, not an age.
MEASUREMENTS = frozenset("sat sats saturation o2 spo2 pulse rate hr bp pressure temp temperature weight score "
                         "glucose sugar level levels oxygen percent grade sao2 sat's bp's bs abg map cvp fio2 "
                         "peep".split())
# Titles of the person whose age may follow the surname: "mister o'donoghue ninety two" (not "doctor").
PATIENT_TITLES = frozenset("mr mrs ms miss missus missis mx mister".split())
# Words inside a surname after a title: "missus van der berg", "mister al amoudi".
NAME_PARTICLES = frozenset("van von der den de da di du del della la le al el bin ben ibn st".split())


def _cue_words(text: str, start: int) -> list[str]:
    """The words before `start` with fillers and hedges between them and the number dropped."""
    words = [w for w in words_before(text, start, 8) if w not in FILLERS]  # "is uh she really"
    while words and words[-1] in _BETWEEN:
        words.pop()
    return words[-3:]


class AgeOver89Recognizer(SpokenRecognizer):
    """An age from 90 to 125 with an age word before or "years old" after."""

    ENTITY = "AGE"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        low = text.lower()
        if "y" in low and ("yo" in low or "y/o" in low or "y.o" in low):  # the cheap test first
            for match in _WRITTEN_AGE.finditer(text):
                yield match.start(), match.end(), 0.85
        if "nineties" in low or "90s" in low:
            for match in _DECADE.finditer(text):
                yield match.start(1), match.end(1), 0.85
        if "birthday" in low:
            for match in _BIRTHDAY.finditer(text):
                yield match.start(), match.end(), 0.85
        ages: list[CodeRun] = []
        others: list[CodeRun] = []
        for run in _numbers(text):
            if run.letters or not run.value.isdigit() or not 90 <= int(run.value) <= 125:
                continue
            score = self._score(text, run)
            if score:
                ages.append(run)
                yield run.start, _with_half(text, run.end), score
            else:
                others.append(run)
        for run in others:
            if _told_again(text, run, ages):
                yield run.start, _with_half(text, run.end), 0.65

    def _score(self, text: str, run: CodeRun) -> float:
        """0.85 for an age word before or after the number, 0.7 for weaker evidence, else 0."""
        after = " " + " ".join(words_after(text, run.end, 3)) + " "
        before = " " + " ".join(_cue_words(text, run.start)) + " "
        if any(after.startswith(f" {w} ") for w in AFTER) or any(before.endswith(f" {w} ") for w in BEFORE):
            return 0.85
        if _not_an_age(text, run):
            return 0
        if self._copula_before(text, run.start) and self._clause_ends(text, run.end) or _after_name(text, run) \
                or after.startswith(" and still ") and after.split()[2:3] != ["more"] or _opens_with_age(text, run) or _described_after(text, run):
            return 0.7  # "she was ninety one her birthday", "ninety three and still driving", "At 95, Mrs. Lind"
        return 0

    @staticmethod
    def _copula_before(text: str, start: int) -> bool:
        before = " " + " ".join(_cue_words(text, start)) + " "
        return any(before.endswith(f" {w} ") for w in COPULAS) or \
            any(text[max(0, start - 24):start].lower().rstrip().endswith(w) for w in ("'s", "’s"))

    @staticmethod
    def _clause_ends(text: str, end: int) -> bool:
        rest = text[end:end + 20].lstrip()
        if not rest or not rest[0].isalnum():
            return True
        return rest.split()[0].lower().rstrip(",.;:!?") in CLAUSE_ENDS  # "ninety six too, and"


# Words after "<name or bed>, 94," that go on describing the person: "bed fourteen, ninety-four, admitted".
DESCRIPTIONS = frozenset("admitted presenting presents lives living widowed widow widower retired male female man "
                         "woman gentleman lady married divorced single independent".split())
PRONOUNS = frozenset("she he they".split())
# How far (characters) an age said once reaches to the same or a nearby number said again.
RETOLD_REACH = 240
RETOLD_DIFFERENCE = 3


# A number that may be an age over 89, for a quick test before a run is cut at its commas.
_OLD_NUMBER = re.compile(r"ninety|hundred|\b(?:9\d|1[01]\d|12[0-5])\b", re.IGNORECASE)


def _numbers(text: str) -> Iterable[CodeRun]:
    """The code runs of `text`, those joined across commas also cut there: "bed fourteen,
    ninety-four, admitted" is a bed and an age, not the code 1494."""
    for run in code_runs(text):
        said = text[run.start:run.end]
        if "," not in said or not _OLD_NUMBER.search(said):
            yield run
            continue
        starts = [t.start for t in tokens(text)]
        at = run.start
        for piece in said.split(","):
            for part in code_runs(piece):
                start = at + part.start
                yield CodeRun(start, at + part.end, part.value, bisect.bisect_left(starts, start))
            at += len(piece) + 1


def _not_an_age(text: str, run: CodeRun) -> bool:
    """A measurement, an amount or a numbered thing ("sats 94", "90 mg", "room 104")."""
    before = words_before(text, run.start, 4)
    return bool(set(before) & MEASUREMENTS) or _an_amount(text, run) or numbered(text, run.start)


def _told_again(text: str, run: CodeRun, ages: list[CodeRun]) -> bool:
    """The age said again, or corrected, near where it was said: "he was ninety one he was ninety
    one", "she'd be ninety seven no ninety eight", "he's 102. Yes, a hundred and two"."""
    value = int(run.value)
    return not _not_an_age(text, run) and any(
        abs(int(age.value) - value) <= RETOLD_DIFFERENCE
        and (0 <= run.start - age.end <= RETOLD_REACH or 0 <= age.start - run.end <= RETOLD_REACH)
        for age in ages)


def _with_half(text: str, end: int) -> int:
    """The end of an age with its "and a half" ("ninety-nine and a half")."""
    half = _HALF.match(text, end)
    return half.end() if half else end


_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)


def _opens_with_age(text: str, run: CodeRun) -> bool:
    """"At 95, Mrs. Lindgren is …", "at ninety she still …": a sentence that opens with the age
    of the person it goes on to name."""
    toks = tokens(text)
    i = run.first_token
    if i < 1 or toks[i - 1].low != "at" or text[:toks[i - 1].start].rstrip()[-1:] not in ("", ".", "!", "?"):
        return False
    k = next((k for k in range(i, len(toks)) if toks[k].start >= run.end), None)
    if k is not None and toks[k].text == ",":
        k += 1
    if k is None or k >= len(toks):
        return False
    word = toks[k]
    return word.low.rstrip(".") in PATIENT_TITLES or word.low in PRONOUNS \
        or word.text[0].isupper() and names.is_name(word.text)


def _described_after(text: str, run: CodeRun) -> bool:
    """Between commas, and what follows goes on describing a person: "Mrs. Halloran, bed
    fourteen, ninety-four, admitted Sunday", "…, 91, widowed, lives alone"."""
    if text[:run.start].rstrip()[-1:] != "," or text[run.end:].lstrip()[:1] != ",":
        return False
    after = words_after(text, run.end, 1)
    return bool(after) and after[0] in DESCRIPTIONS


def _an_amount(text: str, run: CodeRun) -> bool:
    """A sum or a measure: a currency sign before ("$95"), a sign after ("96%", "100/60", "the
    100's"), or a unit or count word after ("90 mg", "ninety minutes", "92 percent")."""
    if text[max(0, run.start - 2):run.start].strip()[-1:] in ("$", "£", "€", "/"):
        return True
    if text[run.end:run.end + 2].lstrip()[:1] in ("%", "/", "(") or text[run.end:run.end + 2] in ("'s", "’s"):
        return True
    after = words_after(text, run.end, 1)
    return bool(after) and (after[0] in QUANTITY_WORDS or after[0] in MEASUREMENTS)


def _after_name(text: str, run: CodeRun) -> bool:
    """A person's name just before the number: between commas or in brackets after a name ("Li Na,
    90, with", "al-Amoudi, ninety-eight, came", "Rosa Diaz (91)") or after a title and a surname
    ("mister o'donoghue ninety two")."""
    toks = tokens(text)
    i = run.first_token
    if i >= 2 and toks[i - 1].text in (",", "(") and _name_like(toks, i - 2):
        nxt = next((t for t in toks[i:] if t.start >= run.end), None)
        if toks[i - 1].text == "(":  # "Rosa Diaz (91), admitted"
            return nxt is not None and nxt.text == ")"
        return nxt is None or nxt.text in (",", ";", ")", ".")  # "Demetrios Kallergis, 91. Lives with"
    for size in (1, 2, 3):  # "mister o'donoghue", "mrs van der berg"
        if i > size and toks[i - size - 1].low.rstrip(".") in PATIENT_TITLES \
                and all(toks[k].low in NAME_PARTICLES or _name_like(toks, k) for k in range(i - size, i - 1)) \
                and _name_like(toks, i - 1):
            return True
    return False


def _name_like(toks: tuple[Tok, ...], k: int) -> bool:
    """Whether token k may end a name: capitalised ("al-Amoudi") or no everyday word ("o'donoghue");
    a drug or lab word only after a first name ("Li Na", not "Lasix, 100," or "Cl, 98,")."""
    tok = toks[k]
    if not tok.text[0].isalpha() or tok.text.isupper() and len(tok.text) <= 4:
        return False  # "BP", "HR"
    if is_clinical_term(tok.low):
        return k > 0 and toks[k - 1].text[0].isupper() and names.is_name(toks[k - 1].text)
    return tok.text[0].isupper() or not names.is_common_word(tok.text)
