"""Which stretches of a recording to beep: the redactions' time spans, checked, padded and merged.

Spans come from the `RedactedTranscript` only: each redaction token's start and end, which
cover every word it hides. Word timings are the weak joint, so a redaction whose timing looks
wrong (zero length, overlapping a neighbouring word, longer than `max_word_s` per word) is
widened to its whole segment rather than risk a leak, and counted.

`filter_expression` turns the spans into one ffmpeg `aeval` expression per audio stream,
so a file with hundreds of spans is still one pass over its samples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from .config import MediaOptions
from .types import RedactedTranscript, Token

# Neighbouring words may touch; they overlap only when they share more than this.
OVERLAP_TOLERANCE_S = 0.01
# A redaction shorter than this is a zero-length (broken) timing.
MIN_WORD_S = 0.001
# Span edges are rounded outward to this grid (0.1 ms), so the report and the filter agree exactly.
GRID_S = 1e-4


@dataclass(frozen=True)
class SpanPlan:
    """The spans to beep or silence, in transcript seconds: sorted, disjoint, padded.

    redactions: redaction tokens they come from; widened: how many of those had a
    suspicious timing and were widened to their segment's bounds.
    """

    spans: tuple[tuple[float, float], ...]
    redactions: int
    widened: int

    @property
    def seconds(self) -> float:
        """Total length of the spans."""
        return sum(end - start for start, end in self.spans)


def _is_word(token: Token) -> bool:
    """A recognized word or a redaction, as opposed to the zero-length punctuation a redaction leaves."""
    return token.redacted or any(ch.isalnum() for ch in token.text)


def suspect_timing(token: Token, before: Token | None, after: Token | None, max_word_s: float) -> bool:
    """Whether a redaction's timing looks wrong: zero length, too long, or overlapping a neighbour."""
    length = token.end - token.start
    if length < MIN_WORD_S or length > max_word_s * max(token.word_count, 1):
        return True
    if before is not None and before.end > token.start + OVERLAP_TOLERANCE_S:
        return True
    return after is not None and after.start < token.end - OVERLAP_TOLERANCE_S


def merge(spans: Sequence[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """Sort `spans` and merge those that overlap, touch, or lie closer than `gap`."""
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] < max(gap, 1e-9):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _outward(start: float, end: float) -> tuple[float, float]:
    # the 1e-6 keeps a value already on the grid (2.82 / 1e-4 = 28199.999…) where it is
    return (round(math.floor(start / GRID_S + 1e-6) * GRID_S, 4), round(math.ceil(end / GRID_S - 1e-6) * GRID_S, 4))


def plan_spans(transcript: RedactedTranscript, options: MediaOptions) -> SpanPlan:
    """The padded, merged time spans covering every redaction of `transcript`."""
    pad = options.pad_ms / 1000
    spans: list[tuple[float, float]] = []
    redactions = widened = 0
    for segment in transcript.segments:
        words = [t for t in segment.tokens if _is_word(t)]
        for i, token in enumerate(words):
            if not token.redacted:
                continue
            redactions += 1
            start, end = token.start, token.end
            before = words[i - 1] if i > 0 else None
            after = words[i + 1] if i + 1 < len(words) else None
            if suspect_timing(token, before, after, options.max_word_s):
                widened += 1
                start, end = min(start, segment.start), max(end, segment.end)
            spans.append(_outward(max(0.0, start - pad), end + pad))
    return SpanPlan(spans=tuple(merge(spans, pad)), redactions=redactions, widened=widened)


def sample_edges(spans: Sequence[tuple[float, float]], rate: int, shift: float = 0.0) -> list[int]:
    """Span edges as sample indices of a stream at `rate` whose sample 0 lies `shift` seconds
    after transcript time 0; sample ``n`` is inside ``[a, b)`` when ``a <= n / rate < b``."""
    return [max(0, math.ceil(round((edge - shift) * rate, 6))) for span in spans for edge in span]


def filter_expression(edges: Sequence[int], replacement: str) -> str:
    """An ffmpeg `aeval` expression: `replacement` inside the spans, the input sample outside.

    Sample-exact: ``n`` is the index of the sample in its stream, counted as it is decoded
    (as hush's own decoder counts them for the transcript), so container timestamps and
    codec delays can't move a span. Cheap: a binary search over the `edges` runs only when
    ``n`` reaches the next edge, and leaves that edge in variable 0, negated while inside a
    span; any other sample costs two comparisons.
    """
    if not edges:
        return "val(ch)"

    def search(lo: int, hi: int) -> str:
        # interval k holds the samples from edges[k-1] to edges[k]; odd intervals are inside
        if lo == hi:
            following = edges[lo] if lo < len(edges) else 10 ** 15
            return f"{'-' if lo % 2 else ''}{following}"
        mid = (lo + hi) // 2
        return f"if(lt(n,{edges[mid]}),{search(lo, mid)},{search(mid + 1, hi)})"

    return f"if(gte(n,abs(ld(0))),st(0,{search(0, len(edges))}));if(lt(ld(0),0),{replacement},val(ch))"


def replacement_expression(options: MediaOptions, rate: int) -> str:
    """What a redacted sample of a stream at `rate` becomes: the tone, or silence."""
    if options.mode == "silence":
        return "0"
    return f"{options.tone_level:.6f}*sin({2 * math.pi * options.tone_hz / rate:.12f}*n)"
