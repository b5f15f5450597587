"""Output names, atomic writes, and the text/JSON/report renderers.

All renderers take a `RedactedTranscript`; none sees raw text. A file's outputs are staged
as temp files in the output folder and moved into place together only when all rendered,
so a failure leaves no partial output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterator, Mapping

from . import __version__
from .captions import SrtWriter, VttWriter
from .errors import OutputError
from .types import RedactedTranscript


def clock(seconds: float) -> str:
    """``HH:MM:SS`` for transcript timestamps."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def render_txt(transcript: RedactedTranscript) -> str:
    """One line per segment: ``[HH:MM:SS] sanitized text``."""
    return "".join(f"[{clock(s.start)}] {s.text}\n" for s in transcript.segments)


def render_json(transcript: RedactedTranscript) -> str:
    """Segments and words with times; redactions carry their entity type, never the value."""
    def token(t):
        item = {"text": t.text, "start": round(t.start, 3), "end": round(t.end, 3)}
        if t.redacted:
            item |= {"entity": t.entity, "score": t.score, "words": t.word_count}
        return item

    document = {
        "source": transcript.source,
        "duration": round(transcript.duration, 3),
        "language": transcript.language,
        "model": transcript.model,
        "policy": transcript.policy,
        "style": transcript.style,
        "segments": [
            {"start": round(s.start, 3), "end": round(s.end, 3), "text": s.text, "words": [token(t) for t in s.tokens]}
            for s in transcript.segments
        ],
        "entities": [
            {"type": t.entity, "start": round(t.start, 3), "end": round(t.end, 3), "score": t.score, "words": t.word_count}
            for t in transcript.entities
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_report(transcript: RedactedTranscript, input_sha256: str, extra: Mapping[str, object]) -> str:
    """Counts and timings only: no text, no detected value."""
    timings = transcript.timings
    report = {
        "hush_version": __version__,
        "input": transcript.source,
        "input_sha256": input_sha256,
        "duration": round(transcript.duration, 3),
        "language": transcript.language,
        "model": transcript.model,
        "policy": transcript.policy,
        "style": transcript.style,
        "entities": dict(sorted(Counter(t.entity for t in transcript.entities).items())),
        "redacted_words": sum(t.word_count for t in transcript.entities),
        "segments": len(transcript.segments),
        "timings": {k: round(v, 3) for k, v in vars(timings).items()},
        **extra,
    }
    return json.dumps(report, indent=2) + "\n"


RENDERERS = {
    "txt": render_txt,
    "srt": SrtWriter().render,
    "vtt": VttWriter().render,
    "json": render_json,
}


def output_paths(out_dir: Path, stem: str, kinds: tuple[str, ...]) -> dict[str, Path]:
    """``OUT/<stem>.<kind>`` for each kind (the report is ``<stem>.report.json``)."""
    return {kind: out_dir / (f"{stem}.report.json" if kind == "report" else f"{stem}.{kind}") for kind in kinds}


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def ensure_writable(out_dir: Path) -> None:
    """Create the output folder, or fail with an output error naming it."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder ({exc.strerror})", path=str(out_dir)) from None
    if not out_dir.is_dir():
        raise OutputError("output path exists and is not a folder", path=str(out_dir))
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError("output folder is not writable", path=str(out_dir))


@contextlib.contextmanager
def staged(out_dir: Path) -> Iterator[dict[Path, Path]]:
    """Collect ``{target: temp}`` pairs; on clean exit move every temp into place, else delete all."""
    pending: dict[Path, Path] = {}
    try:
        yield pending
        for target, temp in pending.items():
            os.replace(temp, target)
        pending.clear()
    finally:
        for temp in pending.values():
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


def stage_text(pending: dict[Path, Path], target: Path, content: str) -> None:
    """Write `content` to a temp file beside `target` and register it with `staged`."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    pending[target] = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror})", path=str(target)) from None


def atomic_write(target: Path, content: str) -> None:
    """Write one file atomically: a temp file in the same folder, then ``os.replace``."""
    with staged(target.parent) as pending:
        stage_text(pending, target, content)
