"""IP addresses said aloud: "one nine two dot one six eight dot one dot forty five", and IPv6
("two zero zero one colon d b eight colon colon one").
"""

from __future__ import annotations

from typing import Iterable

from ..spoken import code_runs, words_before
from .base import SpokenRecognizer

DOTS = ("dot", ".", "point")
VERSION_WORDS = frozenset("version versions release firmware build update upgrade v patch".split())
_HEX = frozenset("0123456789abcdef")


class SpokenIpRecognizer(SpokenRecognizer):
    """Four numbers of 0–255 joined by "dot"."""

    ENTITY = "IP_ADDRESS"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        runs = [r for r in code_runs(text) if r.value.isdigit() and len(r.value) <= 3 and int(r.value) <= 255]
        for i in range(len(runs) - 3):
            group = runs[i:i + 4]
            joined = all(text[a.end:b.start].strip().lower() in DOTS for a, b in zip(group, group[1:]))
            if joined and not set(words_before(text, group[0].start, 4)) & VERSION_WORDS:
                yield group[0].start, group[-1].end, 0.85  # not "version four point two point one point seven"

        for run in code_runs(text):  # IPv6: hex groups joined by "colon"
            said = text[run.start:run.end].lower()
            colons = said.count("colon") + said.count(":")
            if colons >= 3 and set(run.value) <= _HEX and "colon colon" in said or colons >= 5 and set(run.value) <= _HEX:
                if not (colons == 5 and len(run.value) == 12):  # six two-digit groups: a MAC address
                    yield run.start, run.end, 0.6
