"""Options objects with documented defaults (STYLE #5) and the redaction policies."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

DEVICES = ("auto", "cpu", "cuda")
STYLES = ("tag", "mask")
OUTPUT_KINDS = ("txt", "srt", "vtt", "json", "report")


@dataclass(frozen=True)
class AsrOptions:
    """How to transcribe.

    model: a registry name (``tiny.en``, ``base``, an imported name) or a model folder;
        None picks the default (``base`` when installed, else ``tiny.en``).
    device: ``auto`` uses CUDA (float16) when a GPU is usable, else CPU (int8).
    language: spoken language code; None lets Whisper detect it (multilingual models only).
    beam_size: beam search width; 5 is faster-whisper's default.
    vad: skip silence with the Silero VAD bundled in faster-whisper.
    threads: CPU threads for the model; 0 means one per core.
    audio_stream: which audio stream of a multi-stream file to transcribe (0-based).
    """

    model: str | None = None
    device: str = "auto"
    language: str | None = "en"
    beam_size: int = 5
    vad: bool = True
    threads: int = 0
    audio_stream: int = 0

    def __post_init__(self) -> None:
        if self.device not in DEVICES:
            raise UsageError(f"--device must be one of {', '.join(DEVICES)}, not {self.device!r}")
        if self.audio_stream < 0:
            raise UsageError("--audio-stream must be 0 or more")

    @property
    def cpu_threads(self) -> int:
        return self.threads or (os.cpu_count() or 1)


# Presidio entity types redacted under each policy (DESIGN.md "Redaction policy").
_IDENTIFIERS = (
    "PERSON",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "US_SSN",
    "US_ITIN",
    "US_PASSPORT",
    "US_DRIVER_LICENSE",
    "US_BANK_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "URL",
    "MEDICAL_LICENSE",
    "CRYPTO",
)
POLICIES: dict[str, tuple[str, ...]] = {
    "pii": _IDENTIFIERS,
    "hipaa": _IDENTIFIERS + ("LOCATION", "DATE_TIME"),
    "strict": _IDENTIFIERS + ("LOCATION", "DATE_TIME", "ORGANIZATION", "NRP"),
}


@dataclass(frozen=True)
class RedactOptions:
    """What to redact and how it reads afterwards.

    policy: ``hipaa`` (default), ``pii`` or ``strict``; picks the entity types.
    style: ``tag`` writes ``[PERSON]``; ``mask`` writes ``█`` for every character.
    threshold: minimum recognizer score for a span to count.
    """

    policy: str = "hipaa"
    style: str = "tag"
    threshold: float = 0.35

    def __post_init__(self) -> None:
        if self.policy not in POLICIES:
            raise UsageError(f"--policy must be one of {', '.join(POLICIES)}, not {self.policy!r}")
        if self.style not in STYLES:
            raise UsageError(f"--style must be one of {', '.join(STYLES)}, not {self.style!r}")

    @property
    def entities(self) -> tuple[str, ...]:
        return POLICIES[self.policy]


@dataclass(frozen=True)
class OutputOptions:
    """Where and what to write.

    out_dir: output folder (created if missing).
    kinds: which per-file outputs to write.
    """

    out_dir: Path = Path("hush-out")
    kinds: tuple[str, ...] = OUTPUT_KINDS

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - set(OUTPUT_KINDS)
        if unknown:
            raise UsageError(f"unknown output kind(s): {', '.join(sorted(unknown))}")


def hush_home() -> Path:
    """Where hush keeps its state: ``$HUSH_HOME``, else ``~/.local/share/hush``."""
    env = os.environ.get("HUSH_HOME")
    return Path(env) if env else Path.home() / ".local" / "share" / "hush"


@dataclass(frozen=True)
class RunOptions:
    """Everything one `hush run` needs, grouped."""

    asr: AsrOptions = field(default_factory=AsrOptions)
    redact: RedactOptions = field(default_factory=RedactOptions)
    output: OutputOptions = field(default_factory=OutputOptions)
