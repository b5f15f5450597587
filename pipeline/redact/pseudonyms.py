"""What a redacted run reads as: ``[PERSON]`` (tag), ``██████`` (mask) or ``[PERSON_1]`` (pseudonym).

Pseudonyms are consistent across one recording: the same person gets the same label,
also when named by first name or surname alone later. The label → value mapping lives only
in memory, unless the user asks for it encrypted (``--mapping-key``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.lang.en.stop_words import STOP_WORDS

MASK = "█" * 6
_WORD = re.compile(r"[^\W_]+")
_TITLES = frozenset("mr mrs ms miss mx dr doctor nurse prof professor judge".split())


def _key(value: str) -> str:
    return " ".join(_WORD.findall(value.lower()))


class Replacer:
    """Tag style: the entity type in brackets. Subclasses change only `replace`."""

    def replace(self, entity: str, value: str) -> str:
        """The text shown instead of `value`, a detected `entity`."""
        return f"[{entity}]"

    @property
    def mapping(self) -> dict[str, list[str]]:
        """Label → original values; empty for styles that keep no mapping."""
        return {}


class MaskReplacer(Replacer):
    """Mask style: the same six blocks for everything, hiding even the entity type."""

    def replace(self, entity: str, value: str) -> str:
        return MASK


class PseudonymReplacer(Replacer):
    """``[PERSON_1]``, ``[PERSON_2]``, …: one label per distinct person or value in a recording."""

    def __init__(self) -> None:
        self._labels: dict[tuple[str, str], str] = {}
        self._name_parts: dict[str, str] = {}
        self._counts: dict[str, int] = defaultdict(int)
        self._values: dict[str, list[str]] = defaultdict(list)

    def replace(self, entity: str, value: str) -> str:
        label = self._person(value) if entity == "PERSON" else self._other(entity, value)
        if value not in self._values[label]:
            self._values[label].append(value)
        return f"[{label}]"

    def _new(self, entity: str) -> str:
        self._counts[entity] += 1
        return f"{entity}_{self._counts[entity]}"

    def _person(self, value: str) -> str:
        parts = [p for p in _key(value).split() if p not in _TITLES and p not in STOP_WORDS and len(p) > 1]
        full = ("PERSON", " ".join(parts))
        if full in self._labels:
            label = self._labels[full]
        elif len(parts) == 1 and parts[0] in self._name_parts:
            label = self._name_parts[parts[0]]  # "Maria" after "Maria Lopez" is the same person
        elif len(parts) > 1 and parts[0] in self._name_parts:
            label = self._name_parts[parts[0]]  # "Maria Lopez" after "Maria": her full name
        else:
            label = self._new("PERSON")  # "Ngozi Achterberg" after "Tamsin Achterberg" is someone else
        self._labels.setdefault(full, label)
        for part in parts:
            self._name_parts.setdefault(part, label)
        return label

    def _other(self, entity: str, value: str) -> str:
        key = (entity, "".join(_WORD.findall(value.lower())))
        if key not in self._labels:
            self._labels[key] = self._new(entity)
        return self._labels[key]

    @property
    def mapping(self) -> dict[str, list[str]]:
        return {label: list(values) for label, values in self._values.items()}


STYLES: dict[str, type[Replacer]] = {"tag": Replacer, "mask": MaskReplacer, "pseudonym": PseudonymReplacer}


def replacer(style: str) -> Replacer:
    """A fresh replacer for one recording or document."""
    return STYLES[style]()
