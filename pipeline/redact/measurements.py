"""Numbers that are measurements, not identifiers: vital signs, lab panels, ventilator settings.

Clinical notes and dictation are full of numbers ("CO 5.2 CI 2.87 SVR 831", "ABG 7.34/50/95",
"PS 10/5", "BP 92-135/42-58"). A code-shaped run of them is not a phone number, an ID or a
date. Three signs tell a measurement: a decimal fraction (identifiers are written with whole
digit groups: "617.555.0134" and "10.0.0.1" are not decimals), short digit groups joined by
slashes (ratios and panels), and a measurement's name just before the number or inside the run.
"""

from __future__ import annotations

import re

from .spoken import words_before

# Names of vital signs, lab values, ventilator and haemodynamic settings that a number follows.
# No US state codes ("PA", "CO", "MD", "CA" come before ZIP codes) and nothing that ends a name.
KEYS = frozenset("""
bp sbp dbp hr rr temp tmax sat sats spo2 sao2 svo2 mvo2 o2 fio2 peep ps psv cpap bipap vt tv rsbi map cvp pcwp
pap pad svr pvr ci abg vbg ph pco2 po2 paco2 pao2 hco3 hco2 co2 lactate na cl bun cr creat glu glucose wbc hct hgb
plt inr ptt ldl hdl a1c trop ck mb bnp lft alt ast alk bili lipase amylase tsh uo gcs rass pain sbt etco2
pulse saturation temperature weight score level levels oxygen percent grade strength rate pressure vent
ventilation flowby imv simv prvc cmv
""".split())
# Settings written as two or three numbers with slashes, which a date could be taken for.
SLASHED_SETTINGS = frozenset("ps psv cpap bipap peep vent ventilation flowby imv simv prvc cmv strength pain".split())
# Small words that may stand between a measurement's name and its value: "PSV of 10/5".
_LINKS = frozenset("of at to is was are were on from".split())
_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?!\d|\.\d)")
_RATIO = re.compile(r"^\d{1,3}(?:-\d{1,3})?(?:\s*/\s*-?\d{1,3}(?:-\d{1,3})?)+$|^\d{2,3}-\d{2,3}$")
_WORD = re.compile(r"[a-z][a-z0-9]*")
_PRODUCT = re.compile(r"^\d{2,}x$")  # "AC 600x 16/5/50": settings follow a product
_JOINED_LETTERS = re.compile(r"(?<=[a-z])[/.](?=[a-z])")  # "b/p", "u/o", "c.o." read as "bp", "uo", "co"
# A value with its unit written on ("20-50cc", "40mg"), or a product ("700x10", "600 x 12"). Not
# "2X 1V4" (a postal code's digit-letter pairs) nor "0780 x45" (a phone extension).
_UNIT = re.compile(r"\d(?:cc|ml|mg|mcg|meq|kg|mmhg|hrs?|units?|%)(?![a-z0-9])|\d{2,}(?:x\s?| x )\d")


def has_decimal(value: str) -> bool:
    """Whether `value` holds a decimal fraction ("5.2", "7.34"), not a dotted code ("617.555.0134")."""
    return bool(_DECIMAL.search(value))


def is_ratio(value: str) -> bool:
    """Short digit groups joined by slashes ("120/80", "92-135/42-58", "50/95/28/0") or a range ("90-95")."""
    return bool(_RATIO.match(value.strip()))


def has_unit(value: str) -> bool:
    """A number with its unit written on: "20-50cc", "700x 10x 40", "40mg"."""
    return bool(_UNIT.search(value.lower()))


def named_before(text: str, start: int, keys: frozenset[str] = KEYS) -> bool:
    """A measurement's name (one of `keys`) just before offset `start`, in the same clause:
    "PS 10/5", "on CPAP 5/5", "PSV of 10/5"; not "… O2. 10/1 went to radiation"."""
    before = [_JOINED_LETTERS.sub("", w) for w in words_before(text, start, 2)]
    if before and before[-1] in _LINKS:
        before = before[:-1]
    if not before or not (before[-1] in keys or _PRODUCT.match(before[-1])):
        return False
    gap = text[max(0, start - 24):start]
    at = gap.lower().rfind(before[-1])
    return at < 0 or not any(c in gap[at + len(before[-1]):] for c in ".;()[]")


def names_measurement(text: str, start: int, end: int) -> bool:
    """A measurement's name just before the number ("PS 10/5", "fio2 50") or among its words."""
    value = text[start:end].lower()
    # Inside a run only a longer name counts ("pcwp", "svr", "b/p"): "CR" in "2022 CR 00814" is a case code.
    inside = {w for w in _WORD.findall(value) if len(w) > 2 or not w.isalpha()} | set(_WORD.findall(_JOINED_LETTERS.sub("", value))) - \
        set(_WORD.findall(value))
    return bool(inside & KEYS) or named_before(text, start)


def is_measurement(text: str, start: int, end: int) -> bool:
    """Whether the number span text[start:end] is a measurement rather than an identifier."""
    value = text[start:end]
    return has_decimal(value) or is_ratio(value) or has_unit(value) or names_measurement(text, start, end)
