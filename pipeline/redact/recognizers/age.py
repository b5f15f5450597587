"""Ages over 89, spoken or written ("ninety three years old", "she's 94", "aged ninety-one").

Without an age word, a number from 90 to 125 is an age where a person's name stands just
before it: in apposition between commas or in brackets ("Li Na, 90, with new ankle swelling",
"Rosa Diaz (91)") or after a title and surname ("mister o'donoghue ninety two admitted on").
Written shorthand ("93yo", "93 y/o") and birthdays ("her ninety fifth birthday") count too.
Vitals and doses stay ("BP 90 over 60", "HR 96", "sats 92%", "90 mg").
"""

from __future__ import annotations

import re
from typing import Iterable

from .. import names
from ..clinical import is_clinical_term
from ..spoken import FILLERS, CodeRun, Tok, code_runs, tokens, words_after, words_before
from .base import QUANTITY_WORDS, SpokenRecognizer

AFTER = ("years old", "year old", "years of age", "yo", "y o", "yrs old", "years", "year", "yr old")
BEFORE = ("aged", "age", "age of", "turned", "turning", "turns", "she's", "he's", "i'm", "she is", "he is",
          "i am", "patient is", "who is", "who's", "who’s", "mother is", "father is")
# Written with its age word run in ("93yo", "93 y/o") or as a birthday ("her ninety fifth birthday", "100th birthday").
_WRITTEN_AGE = re.compile(r"\b(?:9\d|1[01]\d|12[0-5])(?=\s?-?(?:y/o|y\.o\b|yo\b))", re.IGNORECASE)
_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_BIRTHDAY = re.compile(r"\b(?:(?:ninety|(?:one|a) hundred(?: and)?)[- ](?:" + _ORDINAL_UNITS + r"|tenth)|ninetieth|"
                       r"(?:(?:one|a) )?hundredth|(?:9\d|1[01]\d|12[0-5])(?:st|nd|rd|th))(?=\s+birthday)", re.IGNORECASE)


# After "is"/"was"/"'s" a bare number is an age only when the clause ends with it
# ("she is ninety and lives alone"), not "the total is ninety dollars".
COPULAS = ("is", "was", "'s", "’s", "turned", "makes him", "makes her", "made him", "made her", "be", "being", "down as",
           "is she", "is he", "was she", "was he", "she'd be", "he'd be", "would be")
# Words that may stand between the cue and the age: "he'd be, um, 96", "is she really ninety eight".
_BETWEEN = FILLERS | frozenset("really just about almost nearly over now probably maybe actually only already "
                               "well like".split())
CLAUSE_ENDS = frozenset("and but which when so now at yet this last next in on she he who can cannot can't "
                        "according too also though or if then herself himself".split())


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
        if "birthday" in low:
            for match in _BIRTHDAY.finditer(text):
                yield match.start(), match.end(), 0.85
        for run in code_runs(text):
            if run.letters or not run.value.isdigit() or not 90 <= int(run.value) <= 125:
                continue
            after = " " + " ".join(words_after(text, run.end, 3)) + " "
            before = " " + " ".join(_cue_words(text, run.start)) + " "
            if any(after.startswith(f" {w} ") for w in AFTER) or any(before.endswith(f" {w} ") for w in BEFORE):
                yield run.start, run.end, 0.85
            elif set(words_before(text, run.start, 4)) & MEASUREMENTS or _an_amount(text, run):
                continue
            elif self._copula_before(text, run.start) and self._clause_ends(text, run.end) \
                    or _after_name(text, run):
                yield run.start, run.end, 0.7

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
        return nxt is None or nxt.text in (",", ";", ")") or nxt.text == "." and nxt.end == len(text.rstrip())
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
