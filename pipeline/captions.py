"""SRT and WebVTT captions from a RedactedTranscript; the two differ only by class attributes.

Cue rules: at most 2 lines of at most 42 characters, at most 7 s per cue, cues split at
sentence ends and pauses; a cue never holds two speakers. With speaker labels, WebVTT cues
carry a voice tag (``<v SPEAKER_1>``) and an SRT cue starts ``SPEAKER_1:`` where the
speaker changes. Cue text is sanitized so a word can never break the format
(``-->`` and blank lines cannot occur; WebVTT markup characters are escaped).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterator, Sequence

from .types import RedactedTranscript, Token, join_tokens

MAX_LINE = 42
MAX_LINES = 2
MAX_CUE_SECONDS = 7.0
PAUSE_SECONDS = 1.0
MIN_CUE_SECONDS = 0.5
_SENTENCE_END = (".", "?", "!")


@dataclass(frozen=True)
class Cue:
    """One caption: its time span and its (at most two) lines."""

    start: float
    end: float
    lines: tuple[str, ...]
    speaker: str | None = None


def _clean(text: str) -> str:
    """Make a token safe inside a cue: one line, no arrow that could read as a timing line."""
    return " ".join(text.split()).replace("-->", "->")


def _fits(texts: Sequence[str]) -> bool:
    return len(wrap(join_tokens(texts))) <= MAX_LINES


def wrap(text: str, width: int = MAX_LINE) -> list[str]:
    """Greedy word wrap to `width`; a single word longer than `width` is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _balanced(text: str) -> tuple[str, ...]:
    """Two lines of similar length when the text needs two, else one."""
    lines = wrap(text)
    if len(lines) != 2:
        return tuple(lines)
    words = text.split()
    best = lines
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if len(first) <= MAX_LINE and len(second) <= MAX_LINE:
            if abs(len(first) - len(second)) < abs(len(best[0]) - len(best[1])):
                best = [first, second]
    return tuple(best)


def _phrases(tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """Split at sentence ends and pauses."""
    phrase: list[Token] = []
    for token in tokens:
        if phrase and (token.start - phrase[-1].end >= PAUSE_SECONDS or phrase[-1].text.endswith(_SENTENCE_END)):
            yield phrase
            phrase = []
        phrase.append(token)
    if phrase:
        yield phrase


def _fits_cue(group: Sequence[Token]) -> bool:
    return group[-1].end - group[0].start <= MAX_CUE_SECONDS and _fits([t.text for t in group])


def _even_split(phrase: list[Token]) -> list[list[Token]]:
    """The fewest cues that each fit, with the text spread evenly (no one-word orphans)."""
    total = len(join_tokens(t.text for t in phrase))
    for parts in range(1, len(phrase) + 1):
        target = total / parts
        groups: list[list[Token]] = [[]]
        for token in phrase:
            candidate = groups[-1] + [token]
            if groups[-1] and (len(join_tokens(t.text for t in candidate)) > target * 1.1 or not _fits_cue(candidate)):
                groups.append([token])
            else:
                groups[-1] = candidate
        if len(groups) <= parts and all(_fits_cue(g) or len(g) == 1 for g in groups):
            return groups
    return [[t] for t in phrase]


def _line_pieces(token: Token) -> list[Token]:
    """A cleaned token, cut into pieces of at most one line each (its time shared out), so that
    no single token, however long (a URL, a pasted run), can make a cue of more than two lines."""
    text = _clean(token.text)
    lines = wrap(text)
    if len(lines) <= 1:
        return [Token(text, token.start, token.end, token.entity)]
    step = (token.end - token.start) / len(lines)
    return [Token(line, token.start + i * step, token.start + (i + 1) * step, token.entity)
            for i, line in enumerate(lines)]


def _groups(tokens: Sequence[Token]) -> Iterator[list[Token]]:
    for phrase in _phrases(tokens):
        yield from _even_split(phrase)


def cues(transcript: RedactedTranscript, label_changes: bool = False) -> list[Cue]:
    """Cut the transcript into cues with monotonic, non-overlapping times.

    With `label_changes`, a segment whose speaker differs from the one before starts with
    ``SPEAKER_n:`` as text (counted in the line width), for formats without voice tags.
    """
    result: list[Cue] = []
    previous: str | None = None
    for segment in transcript.segments:
        tokens = [piece for t in segment.tokens if _clean(t.text) for piece in _line_pieces(t)]
        if label_changes and tokens and segment.speaker is not None and segment.speaker != previous:
            tokens.insert(0, Token(f"{_clean(segment.speaker)}:", tokens[0].start, tokens[0].start))
        previous = segment.speaker if tokens else previous
        for group in _groups(tokens):
            start = max(group[0].start, result[-1].end if result else 0.0)
            end = max(group[-1].end, start + MIN_CUE_SECONDS)
            result.append(Cue(start, end, _balanced(join_tokens(t.text for t in group)), segment.speaker))
    for i in range(len(result) - 1):  # a cue stretched to its minimum may not run into the next
        if result[i].end > result[i + 1].start:
            result[i] = dataclasses.replace(result[i], end=max(result[i + 1].start, result[i].start + 0.001))
    return result


def timestamp(seconds: float, separator: str) -> str:
    """``HH:MM:SS<sep>mmm``."""
    millis = max(0, round(seconds * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


class CaptionWriter:
    """Renders cues; subclasses set only the class attributes."""

    extension = ""
    header = ""
    decimal = ","
    numbered = True
    escapes: tuple[tuple[str, str], ...] = ()
    voice_tags = False  # WebVTT <v speaker>; else the label is text where the speaker changes

    def render(self, transcript: RedactedTranscript) -> str:
        """The whole caption file as text."""
        blocks = [self.header] if self.header else []
        for n, cue in enumerate(cues(transcript, label_changes=not self.voice_tags), start=1):
            timing = f"{timestamp(cue.start, self.decimal)} --> {timestamp(cue.end, self.decimal)}"
            lines = [self._escape(line) for line in cue.lines]
            if self.voice_tags and cue.speaker is not None and lines:
                lines[0] = f"<v {self._escape(cue.speaker)}>{lines[0]}"
            blocks.append("\n".join(([str(n)] if self.numbered else []) + [timing] + lines))
        if not blocks:  # no speech, no header (SRT): ffmpeg and players reject an empty file, not an empty cue
            blocks.append(f"1\n{timestamp(0, self.decimal)} --> {timestamp(0.001, self.decimal)}")
        return "\n\n".join(blocks) + "\n"

    def _escape(self, line: str) -> str:
        for raw, escaped in self.escapes:
            line = line.replace(raw, escaped)
        return line


class SrtWriter(CaptionWriter):
    extension = "srt"
    decimal = ","
    numbered = True


class VttWriter(CaptionWriter):
    extension = "vtt"
    header = "WEBVTT"
    decimal = "."
    numbered = False
    escapes = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
    voice_tags = True
