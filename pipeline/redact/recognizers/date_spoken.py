"""Calendar dates, written or spoken: "the twelfth of January", "March 14, 1985",
"one slash twelve slash eighty eight", "1/12/88", "June third twenty twenty four".

Only dates with a day (or a month and a year) count; "tomorrow", weekdays, quarters and bare
years are left alone: under Safe Harbor the year may stay, and relative dates identify no one.
A weekday said with a date is part of it ("Monday, 6 March", "Tuesday, the fifth of March"):
with the year it narrows the date down. A month alone is a date element too, when used as a
time ("from um june until the end of september", "in march no sorry").

Holidays are in holidays.py.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from ..spoken import FILLERS, ORDINALS, UNITS, Tok, tokens, words_after, words_before
from .base import ContextCodeRecognizer, SpokenRecognizer
from .date_numbers import CLAUSE_GO_ON, ORDINAL_DIGITS, day_at, number_at, year_after, year_at

MONTHS = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
          "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
          "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
# "Oct." with its period; "May." and "June." end a sentence.
_ABBREVIATED = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Written with the month's name between hyphens: "05-Mar-2024", "5-MAR-24".
_NAMED_MONTH_DATE = re.compile(r"(?<![\w-])\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*-\d{2,4}\b",
                               re.IGNORECASE)
# Not inside a run of readings: "600x12/5/40%", "co/ci/svr 5/2.7/784", "3-4/10", "24/06/12/18".
_NUMERIC_DATE = re.compile(r"(?<![\w./#])(?<!\d-)(\d{1,4})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/%]|[.-]\d)")
_MONTH_DAY = re.compile(r"(?<![\w/.#])(?<!\d-)(\d{1,2})/(\d{1,2})(?![\w/%]|\.\d)")  # "UO-9/10": a date
# Words near "10/5" or "5/5" that make it a ventilator or hemodynamic setting, and near "4/10" a pain score.
# Only a setting's name right beside the numbers makes them a reading: "weaned", "resp" or
# "extubated" a few words before are events, and events have dates ("extubated 7/16").
READING_WORDS = frozenset("peep ps psv cpap bipap pap ips vent vented settings setting simv imv ac fio2 mode fick "
                          "trial trialed".split())
PAIN_WORDS = frozenset("pain cp scale rating rated rates headache discomfort ache aching".split())
_COUNTED = frozenset("bottles bottle liters liter l sets".split())
# A day and a year with the month lost ("July 22, 1990" heard as "Right, 22, 1990"); not a list
# of numbers ("3, 22, 1990").
_DAY_YEAR = re.compile(r"(?<![\d,.:/-])(?<!\d, )\b(\d{1,2}),[ \t]+((?:19|20)\d{2})\b(?![.,]?\d)")
_FRACTIONS = {(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8), (3, 8)}
SLASH = frozenset({"slash", "/", "dash", "-"})
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
LEAD_INS = frozenset({"on", "by", "until", "till", "since", "from", "before", "after", "dated"})
# Verbs after "The 18th" opening a sentence that make it a day.
_SUBJECT_VERBS = frozenset("is was works would will suits".split())
# Words before "the <ordinal>" that make it a day, for the days past the second ("a court date on
# the twenty ninth", "my documents say the fourth", "not the ninth").
DAY_LEAD_INS = frozenset("for of at to is was sorry through thru and or till between around say says said "
                         "not maybe perhaps probably".split())
# Words that correct or offer another day right after one: "not the ninth, the twelfth", "the
# twenty second no the twenty third".
_CORRECTIONS = frozenset({",", "no", "or", "sorry", "not", "actually"})
# Nouns in -ed that may follow an ordinal ("the second speed"); other -ed words after "on the
# twelfth" are verbs starting a new clause ("dictated on the twelfth typed on the fifteenth").
_PARTICLES = frozenset("up out off back down over by".split())
_ED_NOUNS = frozenset("speed breed creed greed steed tweed seed weed need shed bed red bred".split())
# Written weekdays, capitalised, with or without a period ("Sat., Nov. 2").
WEEKDAY_ABBREVIATIONS = frozenset("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split())
# "the end of may", "the first week of march": "of" makes a month a time after these.
_PART_OF = frozenset("end beginning start middle rest week weeks part half".split())


# Words before a month that make it a time ("back in May", "since March", "by June"), and the
# month names that are also everyday words, which need more than that.
# Of these, the words that make a month a time only when it is no everyday word: "usage for July",
# "double June"; but "for May I ask".
_MEASURED_OVER = frozenset("for than double triple twice versus vs".split())
TIME_BEFORE = frozenset("in since until till by during from through before after around early late mid "
                        "last next this of between says said".split()) | _MEASURED_OVER
WORD_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "oct", "sep", "aug", "jun", "jul", "apr", "sept"})


# After "in may" / "since march" these words show the month ended the phrase ("in may we moved").
_CLAUSE_AFTER = frozenset("and or but of when we i he she they it last this next so because then to "
                          "for until no sorry actually".split()) | FILLERS
# Words between two months said as one time: a range ("march to june") or a correction ("june no july").
RANGE_JOINERS = frozenset("to through thru until till and or - no not sorry".split())


def _month_as_time(toks: tuple[Tok, ...], i: int) -> int | None:
    """The last token of a month used as a time without a day ("back in May", "June of 2020",
    "March 2019"), or None ("the June release", "May I ask", "we may")."""
    month = toks[i]
    after = i + 1 + (1 if i + 2 < len(toks) and toks[i + 1].low == "of" and year_at(toks, i + 2) else 0)
    years = year_at(toks, after)
    b = i - 1
    while b > 0 and toks[b].low in FILLERS:  # "from um june"
        b -= 1
    before = toks[b].low if b >= 0 else ""
    if before == "-" and b > 0:
        before = toks[b - 1].low  # "mid-April"
    if month.low in WORD_MONTHS:
        # "may" and "march" are verbs too: capitalised after a time word, or with a year, or
        # lower-case after one where the phrase ends ("we filed it in may", "since march i"),
        # or in a range with another month ("march to june")
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        ends = nxt is None or not nxt.text[0].isalnum() or nxt.low in _CLAUSE_AFTER
        timed = before in TIME_BEFORE and before not in _MEASURED_OVER | {"this", "of", "last", "next"} \
            or before == "of" and b > 0 and toks[b - 1].low in _PART_OF
        if years or (timed and (month.text[0].isupper() or ends)) or _in_range(toks, i):
            return after + years - 1 if years else i
        return None
    if years or before in TIME_BEFORE or _in_range(toks, i):
        return after + years - 1 if years else i
    return None


def _in_range(toks: tuple[Tok, ...], i: int) -> bool:
    """Whether the month at i is one end of a range of months: "march to june", "june through may"
    (not "march to may": one end must be no everyday word)."""
    for other, joiner in ((i + 2, i + 1), (i - 2, i - 1)):
        if 0 <= other < len(toks) and toks[joiner].low in RANGE_JOINERS and toks[other].low in MONTHS \
                and not (toks[other].low in WORD_MONTHS and toks[i].low in WORD_MONTHS):
            return True
    return False


def _day_first(toks: tuple[Tok, ...], day: int, month: int) -> bool:
    """A day said before its month: "3 March", "14 February 2024", "fourteenth march"; but
    "5 may be" is no date."""
    ordinal = toks[month - 1].low in ORDINALS or bool(ORDINAL_DIGITS.match(toks[month - 1].low))
    if toks[month].low not in WORD_MONTHS or (ordinal and toks[month].low != "may"):
        return True
    return toks[month].text[0].isupper() or bool(year_at(toks, month + 1)) \
        or (day > 0 and (toks[day - 1].low in LEAD_INS or toks[day - 1].low == "born")) \
        or _with_weekday(toks, day) < day


def _of_month(toks: tuple[Tok, ...], j: int) -> int | None:
    """The month's index in "of <month>" at j, fillers allowed around "of" ("the third um of june")."""
    while j < len(toks) and toks[j].low in FILLERS:
        j += 1
    if j >= len(toks) or toks[j].low != "of":
        return None
    j += 1
    while j < len(toks) and toks[j].low in FILLERS:
        j += 1
    return j if j < len(toks) and toks[j].low in MONTHS else None


def _with_weekday(toks: tuple[Tok, ...], start: int) -> int:
    """The first token of a date starting at `start`, with a weekday said just before it
    ("Tuesday, March 12", "Thursday 29 August", "Tuesday, the fifth of March", "Sat., Nov. 2")."""
    i = start - 1
    if i >= 1 and toks[i].text == ",":
        i -= 1
    if i >= 1 and toks[i].text == "." and toks[i - 1].text in WEEKDAY_ABBREVIATIONS:
        i -= 1
    if i >= 0 and (toks[i].low in WEEKDAYS or toks[i].text in WEEKDAY_ABBREVIATIONS):
        return i
    return start


# The end of a weekday, for a quick test before the tokens are searched.
_WEEKDAY_END = re.compile(r"(?:day|mon|tues?|wed|thu|thurs?|fri|sat|sun)\.?,?\s+\Z", re.IGNORECASE)


def _weekday_before(text: str, toks: tuple[Tok, ...], start: int) -> int:
    """The offset where a written date at `start` begins with the weekday said before it ("Wed 3/12")."""
    if not _WEEKDAY_END.search(text, max(0, start - 8), start):
        return start
    at = bisect.bisect_left([t.start for t in toks], start)
    return toks[_with_weekday(toks, at)].start if at < len(toks) and toks[at].start == start else start


def _a_reading(text: str, start: int, end: int, denominator: int) -> bool:
    """Whether "a/b" at start–end is a reading, not a month and day: a count ("4/4 bottles"), a
    ventilator or hemodynamic setting ("PSV 10/5", "on 5/5 CPAP", "CO/CI 5/3 FICK"), a pain score
    ("c/o CP, 5/10", "3/10 incisional pain")."""
    after = words_after(text, end, 2)
    if after and after[0] in _COUNTED:
        return True
    next_word = set(after[:1]) if text[end:end + 1] == " " else set()  # "10/5 PEEP"; not "8/14). AC 100%"
    if set(words_before(text, start, 2)) & READING_WORDS or next_word & READING_WORDS:
        return True
    return denominator == 10 and bool((set(words_before(text, start, 5)) | set(after)) & PAIN_WORDS)


def _numeric_month(toks: tuple[Tok, ...], j: int) -> int | None:
    """The month's index in "of the <ordinal month>" at j (UK: "seventeenth of the eleventh")."""
    if j + 2 >= len(toks) or toks[j].low != "of" or toks[j + 1].low != "the":
        return None
    month = toks[j + 2].low
    digits = ORDINAL_DIGITS.match(month)
    value = int(digits.group(1)) if digits else ORDINALS.get(month, 0)
    # "of the second round" is no month: the phrase must end there or go on with a year
    ends = j + 3 >= len(toks) or not toks[j + 3].text[0].isalnum() or toks[j + 3].low in CLAUSE_GO_ON
    return j + 2 if 1 <= value <= 12 and (ends or year_after(toks, j + 3)) else None


class SpokenDateRecognizer(SpokenRecognizer):
    """Month-day(-year), day-of-month(-year), month-year and numeric dates, written or spoken."""

    ENTITY = "DATE_TIME"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        toks = tokens(text)
        last_day = -2  # the last token of the last day found alone, for "not the ninth, the twelfth"
        for i, tok in enumerate(toks):
            if tok.low in MONTHS:
                yield from self._after_month(toks, i)
            elif (used := day_at(toks, i)) and not (i > 0 and toks[i - 1].low in MONTHS):
                j = i + used
                the = i > 0 and toks[i - 1].low == "the"
                start = i - 1 if the else i
                # a leading "the" is no part of the date; after a weekday it is ("Tuesday, the 14th")
                first = weekday if (weekday := _with_weekday(toks, start)) < start else i
                ordinal = self._ordinal(toks, i, used)
                if (month := _of_month(toks, j)) is not None or \
                        ordinal and not self._a_fraction(toks, start) and (month := _numeric_month(toks, j)):
                    end = month + year_after(toks, month + 1)
                    yield toks[first].start, toks[end].end, 0.85
                elif j < len(toks) and toks[j].low in MONTHS and _day_first(toks, i, j):
                    end = j + year_after(toks, j + 1)  # "3 March 2024", "on 14 February", "3rd March"
                    yield toks[first].start, toks[end].end, 0.85
                elif ordinal and weekday < start and (
                        the or toks[i].text[0].isdigit() or self._ends(toks, j)):
                    yield toks[weekday].start, toks[j - 1].end, 0.8  # "tuesday the ninth", "Monday 4th"
                elif the and ordinal and (
                        i > 1 and self._day_lead_in(toks, i, last_day) and self._ends(toks, j, toks[i - 2].low == "on")
                        or j + 2 < len(toks) and toks[j].low == "of" and toks[j + 2].low == "month"
                        or self._day_as_subject(toks, i, j)):
                    # "on the nineteenth", "is the 3rd, first thing", "the twenty second of last month" (the
                    # relative month names no date: the day alone is the identifier)
                    last_day = j - 1
                    yield toks[i].start, toks[j - 1].end, 0.6
        yield from self._numeric(text, toks)

    @staticmethod
    def _ends(toks: tuple[Tok, ...], j: int, on: bool = False) -> bool:
        """Whether the phrase of a day ending before j ends there: at punctuation, the end, or a
        word that starts a new clause ("on the seventh even though"), a verb in -ed with no noun after
        it ("on the twelfth typed on the fifteenth"; but "on the third affected finger"); after "on
        the sixth" (`on`) also "a" ("the meeting on the sixth a yes"; but "is the third a problem")."""
        if j >= len(toks) or not toks[j].text[0].isalnum() or toks[j].low in CLAUSE_GO_ON:
            return True
        low = toks[j].low
        if low.endswith("ed") and len(low) > 4 and low not in _ED_NOUNS:
            after = toks[j + 1] if j + 1 < len(toks) else None
            return after is None or not after.text[0].isalnum() or after.low in CLAUSE_GO_ON or after.low in _PARTICLES
        return on and low == "a"

    @staticmethod
    def _day_as_subject(toks: tuple[Tok, ...], i: int, j: int) -> bool:
        """"The 18th is Eid", "The 21st works for me": a written day (past the 2nd) opening a
        sentence as its subject."""
        return toks[i].text[0].isdigit() and toks[i].low not in ("1st", "2nd") and j < len(toks) \
            and toks[j].low in _SUBJECT_VERBS and (i < 2 or toks[i - 2].text in (".", "?", "!"))

    @staticmethod
    def _a_fraction(toks: tuple[Tok, ...], start: int) -> bool:
        """Whether the ordinal at start is a fraction: "one fifth of the third"."""
        return start > 0 and (toks[start - 1].low in UNITS or toks[start - 1].text.isdigit())

    @staticmethod
    def _day_lead_in(toks: tuple[Tok, ...], i: int, last_day: int) -> bool:
        """Whether the word before "the <ordinal>" at i makes it a day: "on", "until", "dated", and
        for days past the second also "for", "of", "at", "to", "is", "say" ("for the 28th", "the
        week of the twelfth"; "is the first" and "at the second" are most often no date); or a
        correction right after a day ending at last_day ("not the ninth, the twelfth")."""
        b = i - 2
        while b > 0 and toks[b].low in FILLERS:  # "since uh the twenty second"
            b -= 1
        before = toks[b].low
        if before in _CORRECTIONS and b - 1 == last_day:
            return True
        return before in LEAD_INS or (before in DAY_LEAD_INS and toks[i].low not in ("first", "second", "1st", "2nd"))

    @staticmethod
    def _ordinal(toks: tuple[Tok, ...], i: int, used: int) -> bool:
        """Whether the day at i is said as an ordinal ("ninth", "22nd"), not a bare number."""
        last = toks[i + used - 1].low
        return last in ORDINALS or bool(ORDINAL_DIGITS.match(last))

    @staticmethod
    def _after_month(toks: tuple[Tok, ...], i: int) -> Iterable[tuple[int, int, float]]:
        j = i + 1
        if j < len(toks) and toks[j].text == "." and toks[i].low in _ABBREVIATED:
            j += 1  # "Oct. 3, 2027"
        if j < len(toks) and toks[j].low == "the":
            j += 1
        used = day_at(toks, j)
        if used:
            end = j + used - 1
            end += year_after(toks, end + 1)
            yield toks[_with_weekday(toks, i)].start, toks[end].end, 0.85
        elif (span := _month_as_time(toks, i)) is not None:
            hyphen = 1 if i > 1 and toks[i - 1].text == "-" else 0  # "mid-April"
            first = i - 1 - hyphen if i > hyphen and toks[i - 1 - hyphen].low in ("early", "late", "mid") else i
            yield toks[first].start, toks[span].end, 0.6

    @staticmethod
    def _numeric(text: str, toks: tuple[Tok, ...]) -> Iterable[tuple[int, int, float]]:
        for match in _NAMED_MONTH_DATE.finditer(text):
            yield match.start(), match.end(), 0.8
        for match in _NUMERIC_DATE.finditer(text):
            a, b, year = int(match.group(1)), int(match.group(3)), match.group(4)
            if len(year) == 4 and not 1900 <= int(year) <= 2099:
                continue  # "3/2/1500": cardiac output, index, resistance
            if (a <= 12 and 1 <= b <= 31) or (a > 1000 and 1 <= b <= 12) or (a <= 31 and 1 <= b <= 12):
                yield _weekday_before(text, toks, match.start()), match.end(), 0.8
        for match in _DAY_YEAR.finditer(text):  # "Right, 22, 1990.": the month misheard, the day and year left
            if 1 <= int(match.group(1)) <= 31:
                yield match.start(), match.end(), 0.6
        for match in _MONTH_DAY.finditer(text):  # "admitted 7/22"; not a card's "expiration 09/27"
            month, day = int(match.group(1)), int(match.group(2))
            expiry = re.search(r"(exp\w*|valid thr\w*|good thr\w*)\W*$", text[max(0, match.start() - 20):match.start()], re.I)
            start = _weekday_before(text, toks, match.start())  # "Fri 11/8", "Saturday, 9/14", "Mon 1/2" (no half)
            if 1 <= month <= 12 and 1 <= day <= 31 and ((month, day) not in _FRACTIONS or start < match.start()) \
                    and not expiry and not _a_reading(text, match.start(), match.end(), day):
                yield start, match.end(), 0.5
        for i in range(len(toks)):  # "one slash twelve slash eighty eight"
            first = number_at(toks, i)
            if not first or first[0] > 31 or (i > 0 and number_at(toks, i - 1)):
                continue
            j = i + first[1]
            if j < len(toks) and toks[j].low in SLASH:
                second = number_at(toks, j + 1)
                if second and second[0] <= 31:
                    k = j + 1 + second[1]
                    if k < len(toks) and toks[k].low in SLASH and (third := number_at(toks, k + 1)):
                        if toks[j].low in ("slash", "dash") or not toks[i].text.isdigit():
                            yield toks[i].start, toks[k + third[1]].end, 0.8


class SpokenNumericDateRecognizer(ContextCodeRecognizer):
    """Dates said as bare numbers after a date word: "DOB seven twenty two sixty one"."""

    ENTITY = "DATE_TIME"
    CONTEXT = ("dob", "d o b", "date of birth", "birth date", "birthdate", "birthday", "born", "born on",
               "date of service", "date of the incident", "date of incident", "date of injury", "date of death",
               "date of the accident", "date of loss", "admitted", "discharged", "admission date",
               "discharge date", "the date", "date is", "dated")
    WINDOW = 6
    MIN_SYMBOLS = 3
    MAX_SYMBOLS = 8
    MIN_DIGITS = 3
    ALLOW_LETTERS = False
