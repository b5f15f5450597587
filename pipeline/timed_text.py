"""Transcript files read back as timed segments and redacted, for `hush summarize`.

Reads hush's ``.json``, ``.srt``/``.vtt`` captions and ``.txt`` transcripts whose lines
start ``[HH:MM:SS]`` (hush's own) or ``[start-end] LABEL:`` (seconds, as corpus extracts
write them). A line without a time continues from the previous one at 0.4 s a word. The
text is redacted as one recording (`Redactor.redact_transcript`) before anything else sees
it; the raw text stays in memory.

A speaker label is kept only when it is a code (``SPEAKER_01``, ``FEE041``, ``S2``), never
when it could be a name: a label like ``Maria:`` stays in the text, where it is redacted.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass

from .documents import (FORMATS, STAMP, TXT_LINE, decode_text, detect_format, restore_tag, split_lines,
                        transcript_from_json)
from .errors import InputError, UsageError
from .redact import Redactor
from .speakers import is_code, speaker_code, voice_tag
from .types import RedactedTranscript, Segment, Transcript, Word

SECONDS_PER_WORD = 0.4
_CUE_TIMING = re.compile(rf"^\s*(?P<start>{STAMP})\s*-->\s*(?P<end>{STAMP})")
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}")


@dataclass(frozen=True)
class Line:
    """One timed piece of a transcript file: its raw text and, when the file has one, a speaker code."""

    start: float | None
    end: float | None
    text: str
    speaker: str | None = None


def seconds(stamp: str) -> float:
    """``01:02:03.5``, ``02:03,5`` or ``3723.5`` as seconds."""
    total = 0.0
    for part in stamp.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def txt_lines(text: str) -> list[Line]:
    """Lines of a plain transcript, with their times when stamped."""
    lines = []
    for raw in text.splitlines():
        match = TXT_LINE.match(raw)
        start = seconds(match.group("start")) if match else None
        end = seconds(match.group("end")) if match and match.group("end") else None
        speaker, body = speaker_code(match.group("text") if match else raw)
        lines.append(Line(start, end, body, speaker))
    return lines


def caption_lines(text: str, name: str, fmt: str = "auto") -> list[Line]:
    """Cues of an SRT or WebVTT file (read by `documents.split_lines`): the timing of each and
    its text, markup removed; the lines of one cue join into one.

    A leading ``SPEAKER_1:`` holds until the next one, as hush's SRT labels only where the
    speaker changes. A WebVTT voice tag names its own cue's speaker only, so a cue without one
    is nobody's; a voice tag with a name (``<v Maria Lopez>``) gives ``VOICE_1``, ``VOICE_2``, …
    in order of first appearance, so talk time counts that person without naming them.
    """
    fmt = detect_format(name, text) if fmt == "auto" else fmt
    lines: list[Line] = []
    current: tuple[float, float] | None = None
    carried: str | None = None  # the last SPEAKER_1: label
    voices: dict[str, str] = {}
    first = True  # the next cue line is its cue's first
    for part in split_lines(text, fmt, name):
        if part.kind == "timing":
            timing = _CUE_TIMING.match(part.keep)
            current = (seconds(timing.group("start")), seconds(timing.group("end"))) if timing else None
            first = True
        elif part.kind == "cue" and current is not None and part.text.strip():
            voice = voice_tag(part.text)
            code, body = speaker_code(_MARKUP.sub("", part.text).strip())
            if not first and not (voice or code):
                lines[-1] = dataclasses.replace(lines[-1], text=f"{lines[-1].text} {body}".strip())
                continue
            if voice:
                speaker = _voice_code(voice.group("name").strip(), voices)
            else:
                carried = code or carried
                speaker = carried
            lines.append(Line(current[0], current[1], body, speaker))
            first = False
    return lines


def _voice_code(voice: str, voices: dict[str, str]) -> str | None:
    """A voice tag's speaker: its code, or a stand-in code for a name (same name, same code)."""
    if not voice or is_code(voice):
        return voice or None
    return voices.setdefault(voice.casefold(), f"VOICE_{len(voices) + 1}")


def _segments(lines: list[Line]) -> tuple[list[Segment], list[str | None]]:
    """Timed segments from lines: words spread evenly over each line's span; untimed lines follow on."""
    segments: list[Segment] = []
    speakers: list[str | None] = []
    clock = 0.0
    following_starts: list[float | None] = [None] * len(lines)  # the next timed line's start, in one pass
    for n in range(len(lines) - 2, -1, -1):
        after = lines[n + 1].start
        following_starts[n] = after if after is not None else following_starts[n + 1]
    for n, line in enumerate(lines):
        words = line.text.split()
        if not words:
            continue
        start = line.start if line.start is not None else clock
        following = following_starts[n]
        end = line.end if line.end is not None else None
        if end is None or end <= start:
            guess = start + SECONDS_PER_WORD * len(words)
            end = min(guess, following) if following is not None and following > start else guess
        step = (end - start) / len(words)
        segments.append(Segment(start, end, tuple(Word(w, start + i * step, start + (i + 1) * step)
                                                  for i, w in enumerate(words))))
        speakers.append(line.speaker)
        clock = max(clock, end)
    return segments, speakers


def _speakers_from_json(text: str, count: int) -> list[str | None]:
    try:
        found = [seg.get("speaker") for seg in json.loads(text).get("segments", [])]
    except (ValueError, AttributeError):
        return [None] * count
    codes = [s.strip() if isinstance(s, str) and is_code(s) else None for s in found]
    return codes if len(codes) == count else [None] * count


def read_redacted(data: bytes, name: str, fmt: str, redactor: Redactor) -> RedactedTranscript:
    """A transcript file's bytes as a `RedactedTranscript` (times and speaker codes kept)."""
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    text = decode_text(data, name)
    fmt = detect_format(name, text) if fmt == "auto" else fmt
    if fmt == "json":
        transcript = transcript_from_json(text, name)
        speakers = _speakers_from_json(text, len(transcript.segments))
    else:
        lines = txt_lines(text) if fmt == "txt" else caption_lines(text, name, fmt)
        segments, speakers = _segments(lines)
        if not segments:
            raise InputError("no transcript text found", path=name)
        transcript = Transcript(source=name.rsplit("/", 1)[-1], duration=segments[-1].end, language="en",
                                model="unknown", segments=tuple(segments))
    redacted = redactor.redact_transcript(transcript)
    segments = tuple(dataclasses.replace(seg, tokens=tuple(map(restore_tag, seg.tokens)), speaker=speaker)
                     for seg, speaker in zip(redacted.segments, speakers))
    return dataclasses.replace(redacted, segments=segments)
