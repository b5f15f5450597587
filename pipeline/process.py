"""process_file(): one recording through the whole flow, reading like the data flow (STYLE #9)."""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import media, models, outputs, progress
from .config import RunOptions
from .errors import HushError, UsageError
from .redact import Redactor
from .transcribe import Transcriber, WhisperTranscriber
from .types import RedactedTranscript, Timings, Transcript


class Engines:
    """The models, resolved at once (so a missing model fails before any file) and loaded on first use."""

    def __init__(self, options: RunOptions, transcriber: Transcriber | None = None,
                 redactor: Redactor | None = None) -> None:
        self.options = options
        self.model = models.resolve(options.asr.model)
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


@dataclass(frozen=True)
class FileResult:
    """What one processed file produced (no text)."""

    path: Path
    outputs: tuple[Path, ...]
    duration: float
    entities: int
    seconds: float


def transcribe_file(path: Path, engines: Engines, quiet: bool, watch: progress.Stopwatch) -> Transcript:
    """Decode and transcribe one file into a raw Transcript (kept in memory only)."""
    with watch("decode"):
        media.probe(path)
        audio = media.decode(path, engines.options.asr.audio_stream)
    with watch("transcribe"):
        segments, info = engines.transcriber.transcribe(audio)
        segments = tuple(progress.track(segments, info.duration, path.name, quiet))
    return Transcript(source=path.name, duration=info.duration, language=info.language,
                      model=info.model, segments=segments)


def write_outputs(redacted: RedactedTranscript, path: Path, options: RunOptions,
                  extra: dict[str, object]) -> tuple[Path, ...]:
    """Render every requested output and move them into place together."""
    out = options.output
    outputs.ensure_writable(out.out_dir)
    targets = outputs.output_paths(out.out_dir, path.stem, out.kinds)
    with outputs.staged(out.out_dir) as pending:
        for kind, target in targets.items():
            if kind == "report":
                content = outputs.render_report(redacted, outputs.sha256_file(path), extra)
            else:
                content = outputs.RENDERERS[kind](redacted)
            outputs.stage_text(pending, target, content)
    return tuple(targets.values())


def process_file(path: Path, engines: Engines, quiet: bool = True) -> FileResult:
    """Recording in, sanitized outputs on disk; the raw transcript never leaves memory."""
    watch = progress.Stopwatch()
    transcript = transcribe_file(path, engines, quiet, watch)
    with watch("redact"):
        redacted = engines.redactor.redact_transcript(transcript)
    redacted = dataclasses.replace(redacted, timings=Timings(**watch.seconds))
    with watch("write"):
        written = write_outputs(redacted, path, engines.options, {"device": engines.transcriber.device})
    return FileResult(path=path, outputs=written, duration=redacted.duration,
                      entities=len(redacted.entities), seconds=sum(watch.seconds.values()))


def check_distinct_stems(paths: list[Path]) -> None:
    """Two inputs with one stem would write the same outputs; refuse before doing any work."""
    seen: dict[str, Path] = {}
    for path in paths:
        if path.stem in seen and seen[path.stem] != path:
            raise UsageError(f"{seen[path.stem]} and {path} would write the same outputs "
                             f"({path.stem}.*); run them with different -o folders")
        seen[path.stem] = path


def run_files(paths: list[Path], engines: Engines, quiet: bool,
              on_done: Callable[[Path, FileResult | None, HushError | None], None]) -> int:
    """Process each file in turn; a failure is reported and the rest go on (STYLE #10).

    Returns the exit code: 0 if all succeeded, the file's own code if the only input
    failed, else 1.
    """
    check_distinct_stems(paths)
    outputs.ensure_writable(engines.options.output.out_dir)
    failures: list[HushError] = []
    for path in paths:
        try:
            result = process_file(path, engines, quiet)
        except HushError as exc:
            failures.append(exc)
            on_done(path, None, exc)
        except Exception as exc:  # a bug must not stop the other files; no message text (may hold transcript)
            if os.environ.get("HUSH_DEBUG"):
                raise
            failures.append(HushError(f"internal error ({type(exc).__name__}); rerun with --debug", path=str(path)))
            on_done(path, None, failures[-1])
        else:
            on_done(path, result, None)
    if not failures:
        return 0
    return failures[0].exit_code if len(paths) == 1 else 1
