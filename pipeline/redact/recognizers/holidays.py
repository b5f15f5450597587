"""Holidays name a day. Those on a fixed calendar date and said with their day word ("new year's
eve", "christmas day", "valentine's day", "saint patrick's day", "boxing day", "bonfire night",
"juneteenth"…) are found wherever they stand: the phrase says nothing but the day. The bare names
("christmas", "easter", "halloween") and the movable feasts ("thanksgiving", "good friday", "labor
day", "mother's day", "shrove tuesday", and those of lunar calendars: "eid", "diwali", "yom kippur")
also fix one day in a given year, but are as often a season or an attribute ("the christmas party",
"the Thanksgiving menu", "eid presents"), so they count only after a time word ("since christmas",
"until about easter", "because of Labor Day", "home for eid"). A year said after a holiday is part
of it. Periods ("the holidays", "lent", "ramadan", "passover week") fix no day and are left alone.
"The fourth of july" is a date of date_spoken.py.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..spoken import tokens
from .base import SpokenRecognizer
from .date_numbers import year_at

_APOS = "['’]?s"
# Fixed-date holidays said with their day word: the phrase names nothing but the day; and a
# saint's feast ("the feast of saint joseph"), which the church calendar fixes too.
DAY_HOLIDAYS = re.compile(
    r"\b(?:(?:christmas|xmas)\s+(?:eve|day)|new\s+year" + _APOS + r"\s+(?:eve|day)|valentine" + _APOS + r"\s+day|"
    r"(?:st\.?|saint)\s+(?:patrick|andrew|george|david|stephen|joseph|john|swithin)" + _APOS + r"\s+day|"
    r"feast\s+(?:day\s+)?of\s+(?:st\.?|saint|the)\s+[^\W\d_]+|juneteenth|boxing\s+day|"
    r"independence\s+day|bastille\s+day|canada\s+day|australia\s+day|anzac\s+day|remembrance\s+(?:day|sunday)|"
    r"(?:guy\s+fawkes|bonfire|burns)\s+night|veterans\s+day|armistice\s+day|all\s+(?:saints|souls)" + _APOS
    + r"\s+day|whit\s+(?:sunday|monday)|whitsunday|martin\s+luther\s+king(?:\s+jr\.?)?\s+day|presidents['’]?\s+day|"
    r"columbus\s+day|victoria\s+day)\b", re.IGNORECASE)
# Bare or movable holidays, a day only after a time word ("since christmas", "until about easter",
# "doing thanksgiving at yours", "the 18th is Eid"); a weekday before or after one is part of it
# ("the Tuesday after Easter"). Feasts of a lunar or lunisolar calendar ("eid", "diwali", "yom
# kippur") and of other churches ("timkat", "meskel") are movable feasts too.
HOLIDAYS = re.compile(r"\b(?:(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:after|before))|on|over|at|"
                      r"for|since|until|till|after|before|by|around|during|of|on the|day after|day before|doing|"
                      r"hosting|spend|spending|is|was)"
                      r"(?:\s+(?:about|around|roughly|just|right|like|um|uh|er))*\s+"
                      r"(?P<day>(?:christmas|xmas)|new\s+year" + _APOS + r"|halloween|"
                      r"thanksgiving(?:\s+day)?|guy\s+fawkes|memorial\s+day|labou?r\s+day|"
                      r"easter(?:\s+(?:sunday|monday))?|good\s+friday|mother" + _APOS + r"\s+day|"
                      r"father" + _APOS + r"\s+day|shrove\s+tuesday|pancake\s+day|ash\s+wednesday|pentecost|"
                      r"eid(?:\s+al[- ]?(?:fitr|adha))?|diwali|holi|yom\s+kippur|rosh\s+hashanah|purim|"
                      r"(?:chinese|lunar)\s+new\s+year|nowruz|vesak|timkat|meskel|epiphany)\b",
                      re.IGNORECASE)

# A word of every holiday above, for a quick test before the patterns.
_HOLIDAY_KEYS = ("christmas", "xmas", "year", "valentine", "patrick", "andrew", "george", "david", "juneteenth",
                 "boxing", "independence", "bastille", "canada", "australia", "anzac", "fawkes", "bonfire",
                 "veterans", "armistice", "saints", "halloween", "thanksgiving", "memorial", "labo", "easter",
                 "friday", "mother", "father", "shrove", "pancake", "wednesday", "eid", "diwali", "kippur",
                 "stephen", "joseph", "john", "swithin", "feast", "remembrance", "burns", "souls", "whit", "luther",
                 "president", "columbus", "victoria", "pentecost", "holi", "hashanah", "purim", "nowruz", "vesak",
                 "timkat", "meskel", "epiphany")


def _with_year(text: str, end: int) -> int:
    """The end of a holiday at `end` with the year said after it ("valentine's day two thousand
    twenty two", "Christmas 2019"): with it the phrase is a full date."""
    after = tokens(text[end:end + 40])
    of = 1 if after and after[0].low == "of" else 0  # "new year's eve of twenty nineteen"
    used = year_at(after, of)
    return end + after[of + used - 1].end if used else end


class HolidayRecognizer(SpokenRecognizer):
    """A holiday said as the day something happened: "born on Boxing Day", "since Christmas", "new
    year's eve" (see the module docstring for which holidays count where)."""

    ENTITY = "DATE_TIME"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        low = text.lower()
        if not any(key in low for key in _HOLIDAY_KEYS):  # the cheap test: most texts name no holiday
            return
        for match in DAY_HOLIDAYS.finditer(text):
            yield match.start(), _with_year(text, match.end()), 0.6
        for match in HOLIDAYS.finditer(text):
            yield match.start("weekday" if match.group("weekday") else "day"), _with_year(text, match.end("day")), 0.6
