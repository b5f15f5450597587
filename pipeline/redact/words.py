"""PII spans onto whole words: which span claims each word, and runs of words sharing one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..textmap import TextMap
from ..types import PiiSpan

if TYPE_CHECKING:
    from .pseudonyms import Replacer

# A word that is already a replacement, from an earlier run: never re-labelled or merged.
TAG = re.compile(r"^\[([A-Z][A-Z_0-9]*)\][.,!?;:]*$")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_HANDLE_MARK = re.compile(r"[.@_\d]")
_TRAILING_PUNCT = re.compile(r"[.,!?;:]+$")


@dataclass(frozen=True)
class Hit:
    """Which span claimed a word."""

    span: int
    entity: str
    score: float


def merge_overlaps(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """Join spans of one entity that overlap or are separated only by spaces into one span."""
    merged: list[PiiSpan] = []
    for span in sorted(spans, key=lambda s: (s.entity, s.start, s.end)):
        last = merged[-1] if merged else None
        if last and last.entity == span.entity and not text[last.end:span.start].strip():
            merged[-1] = PiiSpan(span.entity, last.start, max(last.end, span.end), max(last.score, span.score))
        else:
            merged.append(span)
    return sorted(merged, key=lambda s: (s.start, s.end))


def assign(textmap: TextMap, spans: Sequence[PiiSpan]) -> list[Hit | None]:
    """For each word, the highest-scoring span touching it (None when no span does).

    Overlapping or space-adjacent spans of one entity count as one span.
    """
    spans = merge_overlaps(textmap.text, spans)
    hits: list[Hit | None] = [None] * len(textmap)
    for n, span in enumerate(spans):
        for i in textmap.words_overlapping(span.start, span.end):
            current = hits[i]
            if TAG.match(textmap.text[textmap.starts[i]:textmap.ends[i]]):
                continue
            if current is None or span.score > current.score:
                hits[i] = Hit(n, span.entity, span.score)
    return hits


def propagate_names(textmap: TextMap, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """Add a PERSON span wherever a word of a detected name recurs elsewhere in the text.

    Catches a surname repeated in lower case ("maria lopez at outlook") or alone later
    ("Mr. Lopez"), and a name inside a handle-like word (".smith@", "lopez_81"). Stop
    words and very short words are not propagated, and neither is a word the detectors
    named a person at only a few of its many occurrences (`_VOTE`): one wrong guess
    ("URINE OUTPUT" as a name) must not spread to every note of a long record.
    """
    text = textmap.text
    names: dict[str, float] = {}
    covered: set[int] = set()
    as_person: set[int] = set()
    for span in spans:
        words = textmap.words_overlapping(span.start, span.end)
        covered.update(words)
        if span.entity == "PERSON":
            as_person.update(words)
            for word in _NAME_WORD.findall(text[span.start:span.end]):
                if len(word) >= 3 and word.lower() not in STOP_WORDS:
                    names[word.lower()] = max(span.score, names.get(word.lower(), 0.0))
    if names:
        names = _voted(textmap, names, as_person)
    if not names:
        return list(spans)
    # "Krishnan said" after "Dr. Anand Krishnan": spaCy's LOCATION for a known name word is that person.
    full_name_words: set[str] = set()
    for span in spans:
        found = _NAME_WORD.findall(text[span.start:span.end])
        if span.entity == "PERSON" and len(found) > 1:
            full_name_words.update(w.lower() for w in found)
    spans = [PiiSpan("PERSON", s.start, s.end, s.score)
             if s.entity in ("LOCATION", "ORGANIZATION", "NRP") and text[s.start:s.end].lower() in full_name_words
             else s for s in spans]
    extra = []
    for i, (start, end) in enumerate(zip(textmap.starts, textmap.ends)):
        if i in covered:
            continue
        word = text[start:end].lower()
        handle_like = bool(_HANDLE_MARK.search(word))
        for match in _NAME_WORD.finditer(word):
            piece = match.group(0)
            # a name inside a handle ("lopez_81"), else the word itself (one look-up, not a scan)
            found = [n for n in names if n in piece] if handle_like else [piece] * (piece in names)
            if found:
                extra.append(PiiSpan("PERSON", start, end, max(names[n] for n in found)))
                break
    return sorted([*spans, *extra], key=lambda s: (s.start, s.end))


# A name word spreads to its other occurrences only when the detectors named it a person at
# least once in every `_VOTE` occurrences, or it has at most `_FEW` untagged ones left.
_VOTE, _FEW = 3, 2


def _voted(textmap: TextMap, names: dict[str, float], as_person: set[int]) -> dict[str, float]:
    """The name words whose occurrences say they are names (see `_VOTE`)."""
    seen: dict[str, int] = dict.fromkeys(names, 0)
    tagged: dict[str, int] = dict.fromkeys(names, 0)
    for i, (start, end) in enumerate(zip(textmap.starts, textmap.ends)):
        for match in _NAME_WORD.finditer(textmap.text[start:end].lower()):
            word = match.group(0)
            if word in seen:
                seen[word] += 1
                tagged[word] += i in as_person
    return {w: score for w, score in names.items()
            if tagged[w] * _VOTE >= seen[w] or seen[w] - tagged[w] <= _FEW}


def runs(hits: Sequence[Hit | None], breaks: Sequence[int] = ()) -> Iterator[tuple[int, int, Hit | None]]:
    """Group word indices into runs ``[first, last]`` sharing one hit (or none).

    A run never crosses an index in `breaks` (the first word of a new segment or line).
    """
    break_set = set(breaks)
    first = 0
    for i in range(1, len(hits) + 1):
        if i == len(hits) or i in break_set or hits[i] != hits[first] or hits[i] is None:
            yield first, i - 1, hits[first]
            first = i


def span_labels(hits: Sequence[Hit | None], value: Callable[[int, int], str], names: "Replacer") -> dict[int, str]:
    """The replacement of each span, decided once over all its words (`value(first, last)` gives
    their text), so a name cut by a segment or line end ("Maria" | "Lopez") gets one label."""
    extent: dict[int, list[int]] = {}
    for i, hit in enumerate(hits):
        if hit is not None:
            extent.setdefault(hit.span, [i, i])[1] = i
    labels = {}
    for span, (first, last) in extent.items():  # in text order: pseudonyms number as they appear
        said = value(first, last)
        labels[span] = names.replace(hits[first].entity, said[: len(said) - len(trailing_punct(said))])
    return labels


def trailing_punct(word: str) -> str:
    """Sentence punctuation after a word, kept outside the replacement for readability."""
    match = _TRAILING_PUNCT.search(word)
    return match.group(0) if match else ""
