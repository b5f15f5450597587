"""Speaker labels on a redacted transcript: turns assigned to words, segments split per speaker.

Labels read ``SPEAKER_1``, ``SPEAKER_2``, … in order of first appearance in the transcript.
They are not identities: nothing here maps a label to a name.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from typing import Sequence

from .diarize import Turn
from .types import RedactedSegment, RedactedTranscript, TalkTime, Token


_LABEL = re.compile(r"^(?P<label>(?:SPEAKER|SPK|S|[A-Z]{1,8})[ _-]?\d{1,4}|SPEAKER[ _-]?[A-Z])\s*:\s+")
_VOICE = re.compile(r"^(?P<open>\s*<v(?:\.[^\s>]*)?\s+)(?P<name>[^>]*)(?P<close>>)")


def speaker_code(text: str) -> tuple[str | None, str]:
    """Split a leading ``SPEAKER_01:``-style code from a line; names are not codes and stay in the text."""
    match = _LABEL.match(text)
    return (match.group("label"), text[match.end():]) if match else (None, text)


def is_code(label: str) -> bool:
    """Whether a speaker label is a code (``SPEAKER_1``, ``FEE041``, ``S2``) rather than possibly a name."""
    return speaker_code(f"{label.strip()}: x")[0] is not None


def voice_tag(line: str) -> re.Match | None:
    """A WebVTT voice tag opening the line (``<v SPEAKER_1>``, ``<v.loud Maria>``): groups open, name, close."""
    return _VOICE.match(line)


def speaker_of(token: Token, turns: Sequence[Turn], starts: Sequence[float]) -> int | None:
    """The turn speaker overlapping `token` most; when none overlaps, the nearest turn's."""
    if not turns:
        return None
    overlap: dict[int, float] = defaultdict(float)
    i = max(0, bisect.bisect_right(starts, token.start) - 1)
    while i > 0 and turns[i - 1].end > token.start:  # earlier, longer turns may still overlap
        i -= 1
    for turn in turns[i:]:
        if turn.start >= token.end:
            break
        shared = min(turn.end, token.end) - max(turn.start, token.start)
        if shared > 0:
            overlap[turn.speaker] += shared
    if overlap:
        return max(overlap, key=lambda k: (overlap[k], -k))
    middle = (token.start + token.end) / 2
    return min(turns, key=lambda t: max(t.start - middle, middle - t.end, 0.0)).speaker


def _runs(segment: RedactedSegment, owners: list[int | None]) -> list[RedactedSegment]:
    """The segment cut where the owner changes; the first and last pieces keep its bounds."""
    pieces: list[RedactedSegment] = []
    begin = 0
    for i in range(1, len(owners) + 1):
        if i == len(owners) or owners[i] != owners[begin]:
            tokens = segment.tokens[begin:i]
            start = segment.start if begin == 0 else tokens[0].start
            end = segment.end if i == len(owners) else tokens[-1].end
            pieces.append(RedactedSegment(start, end, tokens, speaker=None if owners[begin] is None else str(owners[begin])))
            begin = i
    return pieces


def label_speakers(transcript: RedactedTranscript, turns: Sequence[Turn]) -> RedactedTranscript:
    """Every segment split where the speaker changes and labelled ``SPEAKER_n``."""
    turns = sorted(turns, key=lambda t: (t.start, t.end))
    starts = [t.start for t in turns]
    pieces: list[RedactedSegment] = []
    for segment in transcript.segments:
        owners = [speaker_of(token, turns, starts) for token in segment.tokens]
        pieces += _runs(segment, owners) if segment.tokens else [segment]
    names: dict[str, str] = {}
    for piece in pieces:
        if piece.speaker is not None and piece.speaker not in names:
            names[piece.speaker] = f"SPEAKER_{len(names) + 1}"
    pieces = [dataclasses.replace(p, speaker=names.get(p.speaker)) if p.speaker is not None else p for p in pieces]
    return dataclasses.replace(transcript, segments=tuple(pieces))


def talk_time(transcript: RedactedTranscript) -> tuple[TalkTime, ...]:
    """Seconds each speaker label spoke (its segments' spans), most first; empty without labels."""
    spoken: dict[str, float] = defaultdict(float)
    for segment in transcript.segments:
        if segment.speaker is not None:
            spoken[segment.speaker] += max(0.0, segment.end - segment.start)
    total = sum(spoken.values()) or 1.0
    return tuple(TalkTime(speaker, round(seconds, 3), round(seconds / total, 4))
                 for speaker, seconds in sorted(spoken.items(), key=lambda kv: (-kv[1], kv[0])))
