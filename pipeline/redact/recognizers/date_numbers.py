"""How the day and the year of a date are said: "12", "12th", "twelfth", "twenty first",
"nineteen eighty five", "two thousand and one", "oh three", "'63"."""

from __future__ import annotations

import re

from ..spoken import ORDINALS, TEENS, TENS, UNITS, Tok

ORDINAL_DIGITS = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")

# After "on the ninth" a date goes on with these (a new clause, a correction, another date); "on the
# third floor", "the fourth one" and "first of all" are no dates.
CLAUSE_GO_ON = frozenset("and but so at between to until we i you she he they it for or then which when "
                         "around in with if as because unless while i'm i'll i'd we'll we're "
                         "the on no not sorry otherwise even though that that's yes yeah okay too instead please "
                         "full".split())  # "full": "on the nineteenth full stop", dictated


def number_at(toks: tuple[Tok, ...], i: int) -> tuple[int, int] | None:
    """A spoken or written number 0–2099 at token i: (value, tokens used)."""
    if i >= len(toks):
        return None
    low = toks[i].low
    if toks[i].text.isdigit():
        return int(toks[i].text), 1
    if low in ("oh", "o", "zero") and i + 1 < len(toks) and toks[i + 1].low in UNITS:
        return UNITS[toks[i + 1].low], 2  # "oh three"
    if low == "two" and i + 1 < len(toks) and toks[i + 1].low == "thousand":  # "two thousand and one"
        skip = 3 if i + 2 < len(toks) and toks[i + 2].low == "and" else 2
        rest = number_at(toks, i + skip)
        if rest and rest[0] < 100:
            return 2000 + rest[0], skip + rest[1]
        return 2000, 2
    if low in UNITS and low not in ("o", "oh"):
        return UNITS[low], 1
    if low in TEENS or low in TENS:
        head = TEENS.get(low) or TENS[low]
        used = 1
        if low in TENS and i + 1 < len(toks):
            j = i + 2 if toks[i + 1].text == "-" else i + 1
            if j < len(toks) and toks[j].low in UNITS and toks[j].low not in ("o", "oh", "zero"):
                head, used = head + UNITS[toks[j].low], j - i + 1
        tail = two_digit_tail(toks, i + used) if head >= 10 else None
        if tail is not None:  # "nineteen eighty five", "twenty twenty four", "nineteen oh five"
            return head * 100 + tail[0], used + tail[1]
        return head, used
    return None


def two_digit_tail(toks: tuple[Tok, ...], i: int) -> tuple[int, int] | None:
    if i >= len(toks):
        return None
    low = toks[i].low
    if low in ("oh", "o") and i + 1 < len(toks) and toks[i + 1].low in UNITS:
        return UNITS[toks[i + 1].low], 2
    if low in TEENS:
        return TEENS[low], 1
    if low in TENS:
        j = i + 2 if i + 1 < len(toks) and toks[i + 1].text == "-" else i + 1
        if j < len(toks) and toks[j].low in UNITS and toks[j].low not in ("o", "oh", "zero"):
            return TENS[low] + UNITS[toks[j].low], j - i + 1
        return TENS[low], 1
    return None


def day_at(toks: tuple[Tok, ...], i: int) -> int | None:
    """Tokens used by a day of the month at i ("12", "12th", "twelfth", "twenty first"), or None."""
    if i >= len(toks):
        return None
    low = toks[i].low
    match = ORDINAL_DIGITS.match(low)
    if match and 1 <= int(match.group(1)) <= 31:
        return 1
    if low in ("twenty", "thirty") and i + 1 < len(toks):
        j = i + 2 if toks[i + 1].text == "-" else i + 1
        if j < len(toks) and toks[j].low in ORDINALS and ORDINALS[toks[j].low] < 10:
            return j - i + 1
    if low in ORDINALS:
        return 1
    number = number_at(toks, i)
    if number and 1 <= number[0] <= 31 and number[1] <= 2:
        return number[1]
    if number and number[0] > 31 and not 1900 <= number[0] <= 2099 and (low in TEENS or low in TENS):
        # "january ten nineteen twenty eight": the day is "ten", not a year 1019
        return 1 if (TEENS.get(low) or TENS[low]) <= 31 else None
    return None


def year_at(toks: tuple[Tok, ...], i: int) -> int:
    """Tokens used by a year right at i (after an optional comma), else 0."""
    j = i + 1 if i < len(toks) and toks[i].text == "," else i
    number = number_at(toks, j)
    if number and (1900 <= number[0] <= 2099):
        return j - i + number[1]
    return 0


def _short_year(toks: tuple[Tok, ...], i: int) -> int:
    """Tokens used by a two-digit year said in words right after a day and month ("the ninth of
    october forty one", "the thirtieth of the sixth eighty two"), else 0; only where the phrase
    ends with it: "on 3 March forty patients" is a count."""
    if year_at(toks, i):
        return 0
    tail = two_digit_tail(toks, i)
    if not tail:
        return 0
    nxt = i + tail[1]
    return tail[1] if nxt >= len(toks) or not toks[nxt].text[0].isalnum() or toks[nxt].low in CLAUSE_GO_ON else 0


def year_after(toks: tuple[Tok, ...], i: int) -> int:
    """Tokens used by the year said right after a full day and month, four-digit, two-digit or
    written with an apostrophe ("the eleventh of October, '63")."""
    return year_at(toks, i) or _short_year(toks, i) or _apostrophe_year(toks, i)


def _apostrophe_year(toks: tuple[Tok, ...], i: int) -> int:
    """Tokens used by a year written "'63" right at i (after an optional comma), else 0."""
    j = i + 1 if i < len(toks) and toks[i].text == "," else i
    if j + 1 < len(toks) and toks[j].text in ("'", "’") and toks[j].end == toks[j + 1].start \
            and len(toks[j + 1].text) == 2 and toks[j + 1].text.isdigit():
        return j - i + 2
    return 0
