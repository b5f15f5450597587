"""Options objects with documented defaults (STYLE #5) and the redaction policies."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError

DEVICES = ("auto", "cpu", "cuda")
OUTPUT_KINDS = ("txt", "srt", "vtt", "json", "summary", "report")
OUTPUT_NAMES = ("stem", "hash")


def output_kinds(summary: bool = True) -> tuple[str, ...]:
    """The per-file outputs to write; without `summary`, no ``.summary.md`` and no summary in the JSON."""
    return tuple(kind for kind in OUTPUT_KINDS if summary or kind != "summary")


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
    max_duration: seconds; a recording that declares more, or decodes to more, is refused
        before it is transcribed: it bounds the time and memory one file (a mistaken or a
        hostile one) can take. 12 hours by default.
    """

    model: str | None = None
    device: str = "auto"
    language: str | None = "en"
    beam_size: int = 5
    vad: bool = True
    threads: int = 0
    audio_stream: int = 0
    max_duration: float = 12 * 3600.0

    def __post_init__(self) -> None:
        if self.device not in DEVICES:
            raise UsageError(f"--device must be one of {', '.join(DEVICES)}, not {self.device!r}")
        if self.audio_stream < 0:
            raise UsageError("--audio-stream must be 0 or more")
        if not 0 < self.max_duration < float("inf"):
            raise UsageError("--max-duration must be more than 0")

    @property
    def cpu_threads(self) -> int:
        return self.threads or (os.cpu_count() or 1)


# Entity types redacted under each policy (DESIGN.md "Redaction policy").
_IDENTIFIERS = (
    "PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS", "US_SSN", "US_ITIN", "US_PASSPORT",
    "US_DRIVER_LICENSE", "US_BANK_NUMBER", "ACCOUNT_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "URL",
    "MEDICAL_LICENSE", "LICENSE_NUMBER", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "VEHICLE_ID", "DEVICE_ID",
    "CASE_NUMBER", "PIN", "ID", "CRYPTO", "CUSTOM",
)
# EMPLOYER: Safe Harbor removes the identifiers of the individual "or of relatives, employers, or
# household members"; other organisations only under strict.
_SAFE_HARBOR_EXTRA = ("LOCATION", "ZIP_CODE", "DATE_TIME", "AGE", "EMPLOYER")
POLICIES: dict[str, tuple[str, ...]] = {
    "pii": _IDENTIFIERS,
    "hipaa": _IDENTIFIERS + _SAFE_HARBOR_EXTRA,
    "strict": _IDENTIFIERS + _SAFE_HARBOR_EXTRA + ("ORGANIZATION", "NRP", "UNKNOWN_WORD"),
}
STYLES = ("tag", "pseudonym", "mask")


@dataclass(frozen=True)
class RedactOptions:
    """What to redact and how it reads afterwards.

    policy: ``hipaa`` (default): Safe Harbor identifiers, specific dates (not bare years or
        "next Tuesday"), places smaller than a state, ages over 89, a person's employer; ``pii``: personal
        identifiers without the date, place and age rules; ``strict``: ``hipaa`` plus
        organisations, nationalities, every date or time expression and every word not known
        to be safe (``UNKNOWN_WORD``, the allowlist pass; ``enable`` it under other policies).
    style: ``tag`` writes ``[PERSON]``; ``pseudonym`` writes ``[PERSON_1]``, the same label
        for the same person or value throughout a recording; ``mask`` writes ``██████``.
    threshold: minimum recognizer score for a span to count.
    enable, disable: entity types added to or removed from the policy.
    allow: terms never redacted (exact, case-insensitive), e.g. a clinic's own name.
    deny: terms always redacted (exact, case-insensitive), as entity ``CUSTOM``.
    known_names: names expected in the recordings; also caught when misheard.
    """

    policy: str = "hipaa"
    style: str = "tag"
    threshold: float = 0.35
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    known_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.policy not in POLICIES:
            raise UsageError(f"--policy must be one of {', '.join(POLICIES)}, not {self.policy!r}")
        if self.style not in STYLES:
            raise UsageError(f"--style must be one of {', '.join(STYLES)}, not {self.style!r}")
        known = set(POLICIES["strict"])
        unknown = sorted((set(self.enable) | set(self.disable)) - known)
        if unknown:
            raise UsageError(f"unknown entity type(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")

    @property
    def entities(self) -> tuple[str, ...]:
        chosen = dict.fromkeys(POLICIES[self.policy] + tuple(self.enable))
        return tuple(e for e in chosen if e not in self.disable)


@dataclass(frozen=True)
class OutputOptions:
    """Where and what to write.

    out_dir: output folder (created if missing).
    kinds: which per-file outputs to write.
    mapping_key: Fernet key file; when set, the label → value mapping is written encrypted
        as ``<stem>.mapping.enc`` (the key file is created if missing). Never in plain text.
    keep_raw: also write the raw, unredacted transcript as ``<stem>.raw.enc``, encrypted with
        `mapping_key` (required): the only way the raw text is ever written.
    file_mode: permissions of every output file; 0600 (only the owner) by default. A folder
        hush creates gets the same permissions plus the matching search bits (0700).
    names: ``stem`` names outputs after the input (``meeting.m4a`` → ``meeting.txt``);
        ``hash`` after the first 16 hex digits of its sha256, for recordings named after
        people: the original name is then kept only in the encrypted mapping (with
        `mapping_key`), never in an output's name or text.
    """

    out_dir: Path = Path("hush-out")
    kinds: tuple[str, ...] = OUTPUT_KINDS
    mapping_key: Path | None = None
    keep_raw: bool = False
    file_mode: int = 0o600
    names: str = "stem"

    def __post_init__(self) -> None:
        if self.names not in OUTPUT_NAMES:
            raise UsageError(f"--output-names must be one of {', '.join(OUTPUT_NAMES)}, not {self.names!r}")
        unknown = set(self.kinds) - set(OUTPUT_KINDS)
        if unknown:
            raise UsageError(f"unknown output kind(s): {', '.join(sorted(unknown))}")
        if self.keep_raw and self.mapping_key is None:
            raise UsageError("--keep-raw needs --mapping-key: the raw transcript is only ever written encrypted")
        if not 0 <= self.file_mode <= 0o777 or self.file_mode & 0o600 != 0o600:
            raise UsageError(f"--output-mode must be octal permissions that let the owner read and write "
                             f"(e.g. 600 or 640), not {self.file_mode:o}")


_UNITS = {"": 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


def duration(text: str) -> float:
    """``--max-duration``: seconds, or a number with a unit: ``90m``, ``1.5h``, ``12h``, ``45s``."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", text.lower())
    if match is None or match.group(2) not in _UNITS:
        raise UsageError(f"--max-duration must be seconds or a number with s, m or h (e.g. 12h), not {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def file_mode(text: str) -> int:
    """``--output-mode``: octal permissions such as ``600``, ``0640`` or ``0o640``."""
    try:
        return int(text.lower().removeprefix("0o"), 8)
    except ValueError:
        raise UsageError(f"--output-mode must be octal permissions such as 600 or 640, not {text!r}") from None


REDACT_MODES = ("beep", "silence")


@dataclass(frozen=True)
class MediaOptions:
    """Whether and how to write the redacted recording, ``OUT/<stem>.redacted.<ext>``.

    enabled: write it at all (``--redact-media``); off by default.
    mode: ``beep`` replaces each redacted span with a tone; ``silence`` with digital silence.
    pad_ms: added on both sides of every span (word timings are approximate); spans closer
        than this merge. 100 ms covers the usual error of Whisper's word timings.
    embed_captions: add the sanitized captions as a soft subtitle track to mp4/mov/mkv/webm.
    tone_hz, tone_level: the beep's frequency and peak amplitude (0.3 = about -10 dBFS).
    max_word_s: a redacted word timed longer than this (per word) is taken for a timing
        error, and its span widened to the whole segment.
    """

    enabled: bool = False
    mode: str = "beep"
    pad_ms: int = 100
    embed_captions: bool = False
    tone_hz: float = 1000.0
    tone_level: float = 0.3
    max_word_s: float = 3.0

    def __post_init__(self) -> None:
        if self.mode not in REDACT_MODES:
            raise UsageError(f"--redact-mode must be one of {', '.join(REDACT_MODES)}, not {self.mode!r}")
        if not 0 <= self.pad_ms <= 5000:
            raise UsageError("--pad-ms must be between 0 and 5000")
        if self.embed_captions and not self.enabled:
            raise UsageError("--embed-captions needs --redact-media")
        if not 0.0 <= self.tone_level <= 1.0:
            raise UsageError("tone_level must be between 0 and 1")


CONFIG_SECTIONS = ("asr", "redact", "output", "media", "diarize", "summary")


def load_config(path: Path | None) -> dict[str, Any]:
    """Read a TOML config file (``--config``); sections: ``[asr]``, ``[redact]``, ``[output]``,
    ``[media]``, ``[diarize]``, ``[summary]`` (all but ``[redact]`` in `run_settings`).
    Paths in it are relative to the file.

    Example::

        [redact]
        policy = "hipaa"          # hipaa, pii or strict
        style = "pseudonym"       # tag, pseudonym or mask
        threshold = 0.35
        enable = ["ORGANIZATION"] # entity types added to the policy
        disable = ["LOCATION"]    # entity types removed from it
        allow = ["Lakeside Clinic"]   # never redacted
        deny = ["Project Falcon"]     # always redacted (as CUSTOM)
        known_names = ["Jane Thornbury"]
        known_names_file = "patients.txt"   # one name a line, relative to this file
    """
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read config ({exc.strerror})", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"invalid TOML ({exc})", path=str(path)) from None
    unknown = set(data) - set(CONFIG_SECTIONS)
    if unknown:
        raise UsageError(f"unknown config section(s): {', '.join(sorted(unknown))}", path=str(path))
    if any(not isinstance(data[name], dict) for name in data):
        raise UsageError("every top-level entry must be a [section]", path=str(path))
    for section, key in (("redact", "known_names_file"), ("output", "out_dir"), ("output", "mapping_key")):
        if isinstance(data.get(section, {}).get(key), str):
            data[section][key] = str(path.parent / data[section][key])
    return data


def read_names(path: Path | None) -> tuple[str, ...]:
    """Names from a file, one a line; blank lines and ``#`` comments skipped."""
    if path is None:
        return ()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read known names ({getattr(exc, 'strerror', None) or 'not UTF-8 text'})",
                         path=str(path)) from None
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def redact_options(config: dict[str, Any], policy: str | None = None, style: str | None = None,
                   known_names: Path | None = None) -> RedactOptions:
    """RedactOptions from the config's ``[redact]`` section, command-line values winning."""
    section = config.get("redact", {})
    allowed = {"policy", "style", "threshold", "enable", "disable", "allow", "deny", "known_names", "known_names_file"}
    if set(section) - allowed:
        raise UsageError(f"unknown [redact] setting(s): {', '.join(sorted(set(section) - allowed))}")

    def strings(key: str) -> tuple[str, ...]:
        value = section.get(key, ())
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise UsageError(f"[redact] {key} must be a list of strings")
        return tuple(value)

    names = strings("known_names") + read_names(section.get("known_names_file")) + read_names(known_names)
    try:
        threshold = float(section.get("threshold", RedactOptions.threshold))
    except (TypeError, ValueError):
        raise UsageError("[redact] threshold must be a number") from None
    return RedactOptions(
        policy=policy or section.get("policy", RedactOptions.policy),
        style=style or section.get("style", RedactOptions.style),
        threshold=threshold,
        enable=strings("enable"),
        disable=strings("disable"),
        allow=strings("allow"),
        deny=strings("deny"),
        known_names=names,
    )


def hush_home() -> Path:
    """Where hush keeps its state: ``$HUSH_HOME``, else ``~/.local/share/hush``."""
    env = os.environ.get("HUSH_HOME")
    return Path(env) if env else Path.home() / ".local" / "share" / "hush"


MAX_SPEAKERS = 20


@dataclass(frozen=True)
class DiarizeOptions:
    """Who spoke when (``--diarize``, needs the ``hush[diarize]`` extra).

    enabled: label speakers at all; off by default.
    speakers: (fewest, most) speakers there can be; None estimates the number freely
        (``--speakers auto``); ``--speakers 3`` is (3, 3), ``--speakers 2-4`` is (2, 4).
    """

    enabled: bool = False
    speakers: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.speakers is not None:
            low, high = self.speakers
            if not 1 <= low <= high <= MAX_SPEAKERS:
                raise UsageError(f"--speakers must be auto, N or MIN-MAX with 1 <= MIN <= MAX <= {MAX_SPEAKERS}")
            if not self.enabled:
                raise UsageError("--speakers needs --diarize")


def speaker_count(text: str | None) -> tuple[int, int] | None:
    """``--speakers``: ``auto`` (or not given) is None, ``3`` is (3, 3), ``2-4`` is (2, 4)."""
    if text is None or text.strip().lower() == "auto":
        return None
    match = re.fullmatch(r"\s*(\d{1,3})\s*(?:-\s*(\d{1,3})\s*)?", text)
    if match is None:
        raise UsageError(f"--speakers must be auto, N or MIN-MAX (e.g. 2-4), not {text!r}")
    return int(match.group(1)), int(match.group(2) or match.group(1))


@dataclass(frozen=True)
class RunOptions:
    """Everything one `hush run` needs, grouped."""

    asr: AsrOptions = field(default_factory=AsrOptions)
    redact: RedactOptions = field(default_factory=RedactOptions)
    output: OutputOptions = field(default_factory=OutputOptions)
    media: MediaOptions = field(default_factory=MediaOptions)
    diarize: DiarizeOptions = field(default_factory=DiarizeOptions)


@dataclass(frozen=True)
class WatchOptions:
    """How `hush watch` behaves.

    inbox: the folder to watch (its top level; ``processed/`` and ``failed/`` are made inside).
    poll: seconds between directory scans with the polling observer (network shares); None
        uses the operating system's file events.
    settle: seconds a file's size and mtime must stay unchanged before it is taken.
    max_attempts: tries per file (an interrupted try counts) before it goes to ``failed/``.
    workers: worker processes, each with its own loaded models.
    delete_originals: overwrite then delete each original instead of moving it to ``processed/``
        (a link, or a file with other names, is only unlinked: its data is not the inbox's alone).
    follow_links: take symbolic links and hard-linked files too, reading what they point to;
        off by default, since anyone who can write to the inbox could point one at a recording
        they may not read. Only the link itself is ever moved or deleted.
    rescan: seconds between full scans of the inbox, a safety net for missed events.
    grace: after SIGINT/SIGTERM, seconds the files in hand get to finish before being abandoned.
    """

    inbox: Path
    poll: float | None = None
    settle: float = 2.0
    max_attempts: int = 3
    workers: int = 1
    delete_originals: bool = False
    follow_links: bool = False
    rescan: float = 30.0
    grace: float = 30.0

    def __post_init__(self) -> None:
        if self.poll is not None and self.poll <= 0:
            raise UsageError("--poll must be more than 0 seconds")
        if self.settle < 0:
            raise UsageError("--settle must be 0 or more seconds")
        if self.max_attempts < 1:
            raise UsageError("--max-attempts must be 1 or more")
        if self.workers < 1:
            raise UsageError("--workers must be 1 or more")
