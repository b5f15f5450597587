"""Hypothesis strategies for numbers read out the many ways callers and notes do: digit words,
written digits one by one, written groups, "double"/"triple", "oh", "fifty four", "oh one hundred",
groups parted by commas and fillers. Shared by the recognizer tables of numeric identifiers."""

from __future__ import annotations

from hypothesis import strategies as st

UNIT_WORDS = "zero one two three four five six seven eight nine".split()
TENS_WORDS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
TEENS_WORDS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
SEPARATORS = (" ", ", ", ", um, ", " uh ")


def _digit_words(draw, group: str) -> list[str]:
    """One group said digit by digit in words, with "oh", "double"/"triple" and pairs like "fifty four"."""
    words: list[str] = []
    i = 0
    while i < len(group):
        digit = group[i]
        repeat = len(group[i:]) - len(group[i:].lstrip(digit))
        style = draw(st.sampled_from(("unit", "repeat", "pair")))
        if style == "repeat" and repeat >= 2:
            count = 3 if repeat >= 3 and draw(st.booleans()) else 2
            joiner = draw(st.sampled_from((" ", "-")))
            words.append(("triple" if count == 3 else "double") + joiner + UNIT_WORDS[int(digit)])
            i += count
        elif style == "pair" and i + 1 < len(group) and digit != "0" and group[i + 1] != "0":
            pair = int(group[i:i + 2])
            words.append(TEENS_WORDS[pair - 10] if pair < 20 else f"{TENS_WORDS[pair // 10]} {UNIT_WORDS[pair % 10]}")
            i += 2
        else:
            words.append("oh" if digit == "0" and draw(st.booleans()) else UNIT_WORDS[int(digit)])
            i += 1
    return words


@st.composite
def said_number(draw, digits: str, sizes: tuple[int, ...], hundreds: bool = False) -> str:
    """`digits` cut into groups of `sizes`, each group said or written in a style of its own;
    with `hundreds`, a last group "0100" may be said "oh one hundred"."""
    groups, at = [], 0
    for size in sizes:
        groups.append(digits[at:at + size])
        at += size
    parts = []
    for n, group in enumerate(groups):
        style = draw(st.sampled_from(("words", "written", "one by one", "hyphens")))
        last = n == len(groups) - 1
        if hundreds and last and len(group) == 4 and group.endswith("00") and group[1] != "0" and draw(st.booleans()):
            head = "oh" if group[0] == "0" else UNIT_WORDS[int(group[0])]
            parts.append(f"{head} {UNIT_WORDS[int(group[1])]} hundred")  # "oh one hundred"
        elif style == "written":
            parts.append(group)
        elif style == "one by one":
            parts.append(" ".join(group))
        elif style == "hyphens":
            parts.append("-".join(w.replace(" ", "-") for w in _digit_words(draw, group)))
        else:
            parts.append(" ".join(_digit_words(draw, group)))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + part
    return text


@st.composite
def phone_digits(draw) -> str:
    """A North American number: area code and exchange not starting with 0 or 1."""
    area = draw(st.integers(200, 999))
    exchange = draw(st.integers(200, 999))
    line = draw(st.integers(0, 9999))
    return f"{area}{exchange}{line:04d}"
