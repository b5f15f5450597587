"""The pipeline's data, one home for all of it: frozen dataclasses passed between stages.

Raw stages (`Word`, `Segment`, `Transcript`) hold what was said. Outputs are written only
from `RedactedTranscript`, whose text has already been sanitized; writers accept that type
alone so the type checker shows raw text cannot reach a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Word:
    """One recognized word with its time span in seconds (text may carry punctuation)."""

    text: str
    start: float
    end: float
    probability: float = 1.0


@dataclass(frozen=True)
class Segment:
    """A stretch of speech as the recognizer returned it, with its timed words."""

    start: float
    end: float
    words: tuple[Word, ...]


@dataclass(frozen=True)
class MediaInfo:
    """What probing a media file told us, known before transcription starts."""

    path: str
    duration: float
    audio_streams: int
    video_streams: int
    container: str


@dataclass(frozen=True)
class Transcript:
    """A raw (unredacted) transcript. Never written to disk unless the user asks."""

    source: str
    duration: float
    language: str
    model: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class PiiSpan:
    """A detected identifier as a character span of the analysed text."""

    entity: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Token:
    """One unit of sanitized output: a kept word, or a redaction covering one or more words.

    For a redaction `text` is the replacement (e.g. ``[PERSON]``) and `entity` is set;
    `word_count` says how many recognized words it hides.
    """

    text: str
    start: float
    end: float
    entity: str | None = None
    score: float = 0.0
    word_count: int = 1

    @property
    def redacted(self) -> bool:
        return self.entity is not None


@dataclass(frozen=True)
class RedactedSegment:
    """A segment after redaction: its tokens and the sanitized text they join into."""

    start: float
    end: float
    tokens: tuple[Token, ...]
    speaker: str | None = None

    @property
    def text(self) -> str:
        return join_tokens(t.text for t in self.tokens)


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each stage of one file."""

    decode: float = 0.0
    transcribe: float = 0.0
    diarize: float = 0.0
    redact: float = 0.0
    summarize: float = 0.0
    write: float = 0.0


@dataclass(frozen=True)
class RedactedTranscript:
    """The sanitized transcript every output is written from.

    Keeps the source's duration, language and model so writers never have to guess
    (STYLE #4).
    """

    source: str
    duration: float
    language: str
    model: str
    policy: str
    style: str
    segments: tuple[RedactedSegment, ...]
    timings: Timings = field(default_factory=Timings)

    @property
    def entities(self) -> tuple[Token, ...]:
        """Every redaction, in time order."""
        return tuple(t for s in self.segments for t in s.tokens if t.redacted)

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)


@dataclass(frozen=True)
class SummaryItem:
    """One summary line taken from the redacted transcript, with the time it was said.

    `owner` is set on action items when the text names who will do it (``[PERSON_2]``,
    ``[PERSON]``, a plain name, or the speaker label for "I will …").
    """

    text: str
    start: float
    end: float
    speaker: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class Topic:
    """A key phrase of the meeting: how often it came up and when it first did."""

    text: str
    start: float
    mentions: int


@dataclass(frozen=True)
class TalkTime:
    """How long one speaker label spoke: seconds, and the share of all labelled speech."""

    speaker: str
    seconds: float
    share: float


@dataclass(frozen=True)
class Summary:
    """A meeting summary built from a `RedactedTranscript` only; every item keeps its time.

    `participants` is the number of distinct speaker labels, None when the transcript has
    none. `method` names the summarizer that built it.
    """

    source: str
    duration: float
    participants: int | None
    method: str
    purpose: tuple[SummaryItem, ...] = ()
    key_points: tuple[SummaryItem, ...] = ()
    decisions: tuple[SummaryItem, ...] = ()
    action_items: tuple[SummaryItem, ...] = ()
    open_questions: tuple[SummaryItem, ...] = ()
    topics: tuple[Topic, ...] = ()
    talk_time: tuple[TalkTime, ...] = ()


def join_tokens(texts) -> str:
    """Join word texts with single spaces, attaching punctuation-only pieces to the left."""
    out = ""
    for piece in texts:
        piece = piece.strip()
        if not piece:
            continue
        if out and not _is_closing_punct(piece):
            out += " "
        out += piece
    return out


def _is_closing_punct(piece: str) -> bool:
    return all(ch in ".,!?;:%)]}'\"" for ch in piece)
