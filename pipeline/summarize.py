"""Meeting summaries built from the `RedactedTranscript` only (never from raw text).

`Summarizer` is the backend interface (STYLE #7); `ExtractiveSummarizer` is the default: it
copies sanitized sentences, so a summary can hold nothing the redacted transcript doesn't.
Key points come from a TextRank over TF-IDF sentence vectors, diversified with maximal
marginal relevance and put back in meeting order; decisions, action items, open questions,
the purpose and topics come from rules (`summary_rules`). Pure Python and numpy: no model,
deterministic, a few tens of milliseconds per hour of meeting.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from typing import Sequence

import numpy as np

from . import summary_rules as rules
from .summary_text import Sentence, core, sentences
from .speakers import talk_time
from .types import RedactedTranscript, Summary, SummaryItem

ITEM_WORDS = 25  # longest excerpt, in words
_TRAILING = frozenset("that's the a an to of and but or it's that is like with so because for my your our their".split())


class Summarizer(ABC):
    """A summary backend: the sanitized transcript in, a `Summary` out."""

    name: str = "summarizer"

    @abstractmethod
    def summarize(self, transcript: RedactedTranscript) -> Summary:
        """Summarize a redacted transcript; implementations must read nothing else."""


def require_redacted(transcript: object) -> RedactedTranscript:
    """Refuse anything but a `RedactedTranscript`, so raw text can't reach a summary at run time either."""
    if not isinstance(transcript, RedactedTranscript):
        raise TypeError(f"summaries are built from a RedactedTranscript, not {type(transcript).__name__}")
    return transcript


class ExtractiveSummarizer(Summarizer):
    """Sentences of the redacted transcript, chosen by graph ranking and by rules."""

    name = "extractive"

    def __init__(self, key_points: int | None = None, diversity: float = 0.4) -> None:
        """`key_points`: how many (default: one per 4 minutes, 3 to 8); `diversity`: MMR weight."""
        self.key_points = key_points
        self.diversity = diversity

    def summarize(self, transcript: RedactedTranscript) -> Summary:
        """Purpose, key points, decisions, action items, open questions and topics, each with its time."""
        transcript = require_redacted(transcript)
        found = sentences(transcript)
        purpose = rules.purpose(found)
        decisions = rules.decisions(found)
        actions = rules.actions(found)
        questions = rules.open_questions(found)
        used = {f.sentence.index for group in (purpose, decisions, actions, questions) for f in group}
        wanted = self.key_points or min(8, max(3, round(transcript.duration / 240)))
        ranked = key_points(found, used, wanted, self.diversity)
        if self.key_points is None:  # keep a short meeting's summary short (about 250 words for 20 minutes)
            budget = 100 + 6 * transcript.duration / 60 - sum(_words(group) for group in
                                                               (purpose, decisions, actions, questions))
            while len(ranked) > 2 and _words([rules.Found(s) for s in ranked]) > budget:
                ranked.pop()
        key = [rules.Found(s) for s in sorted(ranked, key=lambda s: s.index)]
        speakers = {s.speaker for s in transcript.segments if s.speaker is not None}
        return Summary(
            source=transcript.source,
            duration=transcript.duration,
            participants=len(speakers) or None,
            method=self.name,
            purpose=items(purpose),
            key_points=items(key),
            decisions=items(decisions),
            action_items=items(actions),
            open_questions=items(questions),
            topics=tuple(rules.topics(found)),
            talk_time=talk_time(transcript),
        )


def _words(found: Sequence[rules.Found]) -> int:
    return sum(len(f.sentence.excerpt(ITEM_WORDS, f.focus).split()) + 2 for f in found)


def items(found: Sequence[rules.Found]) -> tuple[SummaryItem, ...]:
    """Summary lines from rule hits: an excerpt around the cue, the time and speaker, the owner."""
    return tuple(SummaryItem(text=f.sentence.excerpt(ITEM_WORDS, f.focus), start=round(f.sentence.start, 3),
                             end=round(f.sentence.end, 3), speaker=f.sentence.speaker, owner=f.owner)
                 for f in found)


def tfidf(found: Sequence[Sentence]) -> np.ndarray:
    """Unit-length TF-IDF rows, one per sentence, over a sorted vocabulary (so runs are identical)."""
    vocabulary = {term: i for i, term in enumerate(sorted({t for s in found for t in s.terms}))}
    counts = np.zeros((len(found), len(vocabulary)))
    for row, s in enumerate(found):
        for term, n in Counter(s.terms).items():
            counts[row, vocabulary[term]] = n
    df = (counts > 0).sum(axis=0)
    weights = counts * (np.log((1 + len(found)) / (1 + df)) + 1.0)
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)


def textrank(similarity: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """PageRank over a weighted sentence graph (power iteration, fixed steps)."""
    n = len(similarity)
    weights = similarity.copy()
    np.fill_diagonal(weights, 0.0)
    sums = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, sums, out=np.full_like(weights, 1.0 / n), where=sums > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        rank = (1 - damping) / n + damping * (transition.T @ rank)
    return rank


def _substance(sentence: Sentence) -> float:
    weight = min(len(sentence.terms), 10) ** 0.5 / 10 ** 0.5
    return weight * (0.7 if core(sentence.words[-1]) in _TRAILING else 1.0)


def key_points(found: Sequence[Sentence], used: set[int], wanted: int, diversity: float) -> list[Sentence]:
    """The best-ranked substantive sentences not used elsewhere, diversified (MMR), best first.

    Questions take part only when they suggest something ("what if it had a screen"). The
    rank is weighted by how much content a sentence carries, and lowered for one that trails
    off ("we should design a remote control that's").
    """
    pool = [s for s in found if len(s.terms) >= 4 and s.index not in used and (not s.question or rules.suggests(s))]
    if not pool:
        return []
    vectors = tfidf(pool)
    similarity = vectors @ vectors.T
    rank = textrank(similarity) * np.array([_substance(s) for s in pool])
    score = np.round(rank / rank.max(), 9)  # rounded: ties break by position, never by float noise
    chosen: list[int] = []
    while len(chosen) < min(wanted, len(pool)):
        redundancy = similarity[:, chosen].max(axis=1) if chosen else np.zeros(len(pool))
        value = np.round((1 - diversity) * score - diversity * redundancy, 9)
        value[chosen] = -np.inf
        chosen.append(int(np.argmax(value)))
    return [pool[i] for i in chosen]
