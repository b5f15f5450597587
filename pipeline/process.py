"""process_file(): one recording through the whole flow, reading like the data flow (STYLE #9)."""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np

from . import language_check, media, media_redact, models, outputs, progress
from .config import RunOptions
from .mapping import encrypt, load_or_create_key, seal_transcript
from .errors import HushError, UsageError
from .redact import Redactor
from .summarize import ExtractiveSummarizer, Summarizer
from .transcribe import Transcriber, WhisperTranscriber
from .speakers import label_speakers
from .types import RedactedTranscript, Summary, Timings, Transcript

if TYPE_CHECKING:
    from .diarize import Diarizer


class Engines:
    """The models, resolved at once (so a missing model fails before any file) and loaded on first use."""

    def __init__(self, options: RunOptions, transcriber: Transcriber | None = None,
                 redactor: Redactor | None = None) -> None:
        self.options = options
        self.model = models.resolve(options.asr.model)
        if options.diarize.enabled:
            from .diarize import require_extra

            require_extra()
        if transcriber is not None:
            self.__dict__["transcriber"] = transcriber
        if redactor is not None:
            self.__dict__["redactor"] = redactor

    @functools.cached_property
    def transcriber(self) -> Transcriber:
        return WhisperTranscriber(self.model, self.options.asr)

    @functools.cached_property
    def redactor(self) -> Redactor:
        return Redactor(self.options.redact)

    @functools.cached_property
    def diarizer(self) -> Diarizer:
        from .diarize import load_diarizer

        return load_diarizer(self.options.asr.device, self.options.asr.threads)

    @functools.cached_property
    def summarizer(self) -> Summarizer:
        return ExtractiveSummarizer()


@dataclass(frozen=True)
class FileResult:
    """What one processed file produced (no text)."""

    path: Path
    outputs: tuple[Path, ...]
    duration: float
    entities: int
    seconds: float
    notices: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # e.g. speech in a language the redactor has no model for

    @property
    def stem(self) -> str:
        """What the outputs are called (``OUT/<stem>.*``), read off the report's name."""
        suffix = outputs.SUFFIXES["report"]
        reports = [p.name[: -len(suffix)] for p in self.outputs if p.name.endswith(suffix)]
        return reports[0] if reports else self.path.stem


def decode_file(path: Path, engines: Engines, watch: progress.Stopwatch) -> np.ndarray:
    """Probe (refusing what isn't sane) and decode the chosen audio stream of one file to 16 kHz mono float32."""
    asr = engines.options.asr
    with watch("decode"):
        media.probe(path, asr.max_duration)
        return media.decode(path, asr.audio_stream, asr.max_duration)


def transcribe_file(path: Path, engines: Engines, quiet: bool, watch: progress.Stopwatch,
                    audio: np.ndarray | None = None) -> Transcript:
    """Transcribe one file (decoding it unless `audio` is given) into a raw Transcript, kept in memory only."""
    if audio is None:
        audio = decode_file(path, engines, watch)
    with watch("transcribe"):
        segments, info = engines.transcriber.transcribe(audio)
        segments = tuple(progress.track(segments, info.duration, path.name, quiet))
    return Transcript(source=path.name, duration=info.duration, language=info.language,
                      model=info.model, segments=segments)


def write_outputs(redacted: RedactedTranscript, path: Path, options: RunOptions,
                  extra: dict[str, object], notices: list[str] | None = None,
                  mapping: dict[str, list[str]] | None = None,
                  summary: Summary | None = None, raw: Transcript | None = None) -> tuple[Path, ...]:
    """Render every requested output and move them into place together.

    With ``options.media.enabled`` the redacted recording is staged first (its spans go into
    the report); its notices, if any, are appended to `notices`. `raw` (``--keep-raw``) is
    written only encrypted, as ``<stem>.raw.enc``.
    """
    out = options.output
    outputs.ensure_writable(out.out_dir, out.file_mode)
    sha = outputs.sha256_file(path)
    stem = outputs.output_stem(path, out.names, sha)
    targets = outputs.output_paths(out.out_dir, stem, out.kinds)
    with outputs.staged(out.out_dir, out.file_mode) as pending:
        recording = media_redact.stage(pending, path, stem, redacted, options) if options.media.enabled else None
        if recording is not None:
            extra = {**extra, "media": recording.report}
            if notices is not None:
                notices.extend(recording.notices)
        for kind, target in targets.items():
            if kind == "report":
                content = outputs.render_report(redacted, sha, extra)
            else:
                content = outputs.render(kind, redacted, summary)
            outputs.stage_text(pending, target, content)
        sealed = outputs.output_paths(out.out_dir, stem, ("mapping", "raw"))
        if out.mapping_key is not None and mapping is not None:
            key, _ = load_or_create_key(out.mapping_key)
            targets["mapping"] = sealed["mapping"]
            outputs.stage_bytes(pending, targets["mapping"], encrypt(mapping, key, path.name))
        if out.mapping_key is not None and raw is not None:
            key, _ = load_or_create_key(out.mapping_key)
            targets["raw"] = sealed["raw"]
            outputs.stage_bytes(pending, targets["raw"], seal_transcript(raw, key))
    return tuple(targets.values()) + ((recording.target,) if recording is not None else ())


def process_file(path: Path, engines: Engines, quiet: bool = True) -> FileResult:
    """Recording in, sanitized outputs on disk; the raw transcript never leaves memory."""
    watch = progress.Stopwatch()
    audio = decode_file(path, engines, watch)
    transcript = transcribe_file(path, engines, quiet, watch, audio)
    with watch("transcribe"):  # is it English enough for the redactor? (words, and speech left out)
        language = language_check.check_recording(transcript, audio, engines.transcriber)
    turns = None
    if engines.options.diarize.enabled:
        with watch("diarize"), progress.status(f"{path.name}: who spoke when", quiet):
            turns = engines.diarizer.turns(audio, engines.options.diarize.speakers)
    del audio
    with watch("redact"):
        names = engines.redactor.replacer()
        redacted = engines.redactor.redact_transcript(transcript, names)
    if turns is not None:
        with watch("diarize"):
            redacted = label_speakers(redacted, turns)
    with watch("summarize"):  # from the redacted transcript only
        summary = engines.summarizer.summarize(redacted) if "summary" in engines.options.output.kinds else None
    redacted = dataclasses.replace(redacted, timings=Timings(**watch.seconds))
    notices: list[str] = []
    with watch("write"):
        extra: dict[str, object] = {"device": engines.transcriber.device, "language_check": language.as_report()}
        if turns is not None:
            extra["diarizer"] = engines.diarizer.name
        written = write_outputs(redacted, path, engines.options, extra, notices,
                                mapping=names.mapping, summary=summary,
                                raw=transcript if engines.options.output.keep_raw else None)
    return FileResult(path=path, outputs=written, duration=redacted.duration,
                      entities=len(redacted.entities), seconds=sum(watch.seconds.values()),
                      notices=tuple(notices), warnings=tuple(filter(None, [language.warning("speech")])))


def check_distinct_stems(paths: list[Path], names: str = "stem") -> None:
    """Two inputs with one stem would write the same outputs; refuse before doing any work
    (outputs named by content hash can't collide that way)."""
    if names != "stem":
        return
    seen: dict[str, Path] = {}
    for path in paths:
        if path.stem in seen and seen[path.stem] != path:
            raise UsageError(f"{seen[path.stem]} and {path} would write the same outputs "
                             f"({path.stem}.*); run them with different -o folders")
        seen[path.stem] = path


def process_isolated(path: Path, engines: Engines, quiet: bool = True) -> FileResult | HushError:
    """`process_file`, with any failure returned as a HushError so the caller can go on (STYLE #10).

    An unexpected exception becomes "internal error (TypeName)": its message may hold
    transcript text, so it is dropped (``HUSH_DEBUG`` re-raises it instead).
    """
    try:
        return process_file(path, engines, quiet)
    except HushError as exc:
        return exc
    except Exception as exc:
        if os.environ.get("HUSH_DEBUG"):
            raise
        return HushError(f"internal error ({type(exc).__name__}); rerun with --debug", path=str(path))


def run_files(paths: list[Path], engines: Engines, quiet: bool,
              on_done: Callable[[Path, FileResult | None, HushError | None], None]) -> int:
    """Process each file in turn; a failure is reported and the rest go on (STYLE #10).

    Returns the exit code: 0 if all succeeded, the file's own code if the only input
    failed, else 1.
    """
    check_distinct_stems(paths, engines.options.output.names)
    outputs.ensure_writable(engines.options.output.out_dir, engines.options.output.file_mode)
    failures: list[HushError] = []
    for path in paths:
        result = process_isolated(path, engines, quiet)
        if isinstance(result, HushError):
            failures.append(result)
            on_done(path, None, result)
        else:
            on_done(path, result, None)
    if not failures:
        return 0
    return failures[0].exit_code if len(paths) == 1 else 1
