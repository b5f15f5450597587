"""Output names, atomic writes, and the text/JSON/summary/report renderers.

All renderers take a `RedactedTranscript`; none sees raw text. A file's outputs are staged
as temp files in the output folder and moved into place together only when all rendered,
so a failure leaves no partial output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path, PurePath
from typing import Callable, Iterator, Mapping, Sequence

from . import __version__
from .captions import SrtWriter, VttWriter
from .errors import OutputError
from .speakers import talk_time
from .types import RedactedTranscript, Summary, SummaryItem, TalkTime, Topic


def clock(seconds: float) -> str:
    """``HH:MM:SS`` for transcript timestamps."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def render_txt(transcript: RedactedTranscript) -> str:
    """One line per segment: ``[HH:MM:SS] sanitized text``, or ``[HH:MM:SS] SPEAKER_1: text`` when labelled."""
    return "".join(f"[{clock(s.start)}] {s.speaker + ': ' if s.speaker else ''}{s.text}\n"
                   for s in transcript.segments)


def talk_time_dicts(spoken: Sequence[TalkTime]) -> list[dict]:
    """Talk time per speaker label as JSON objects."""
    return [{"speaker": t.speaker, "seconds": t.seconds, "share": t.share} for t in spoken]


def render_json(transcript: RedactedTranscript, summary: Summary | None = None) -> str:
    """Segments and words with times; redactions carry their entity type, never the value.

    With a `summary` (built from this transcript) the document gains a ``summary`` object.
    """
    def token(t):
        item = {"text": t.text, "start": round(t.start, 3), "end": round(t.end, 3)}
        if t.redacted:
            item |= {"entity": t.entity, "score": t.score, "words": t.word_count}
        return item

    def segment(s):
        item = {"start": round(s.start, 3), "end": round(s.end, 3)}
        if s.speaker is not None:
            item["speaker"] = s.speaker
        return item | {"text": s.text, "words": [token(t) for t in s.tokens]}

    document = {
        "source": transcript.source,
        "duration": round(transcript.duration, 3),
        "language": transcript.language,
        "model": transcript.model,
        "policy": transcript.policy,
        "style": transcript.style,
        "segments": [segment(s) for s in transcript.segments],
        "entities": [
            {"type": t.entity, "start": round(t.start, 3), "end": round(t.end, 3), "score": t.score, "words": t.word_count}
            for t in transcript.entities
        ],
    }
    if spoken := talk_time(transcript):
        document["speakers"] = talk_time_dicts(spoken)
    if summary is not None:
        document["summary"] = summary_dict(summary)
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
        **({"speakers": len(spoken)} if (spoken := talk_time(transcript)) else {}),
        "timings": {k: round(v, 3) for k, v in vars(timings).items()},
        **extra,
    }
    return json.dumps(report, indent=2) + "\n"


SUMMARY_SECTIONS = (
    ("purpose", "Purpose"),
    ("key_points", "Key points"),
    ("decisions", "Decisions"),
    ("action_items", "Action items"),
    ("open_questions", "Open questions"),
)


def title(source: str) -> str:
    """A heading from the file name: ``team_sync-03.m4a`` → ``Team sync 03``."""
    words = re.sub(r"[_\-.\s]+", " ", PurePath(source).stem).strip() or "Meeting"
    return words[:1].upper() + words[1:]


def _summary_line(item: SummaryItem) -> str:
    speaker = f"{item.speaker}: " if item.speaker else ""
    owner = f" (owner: {item.owner})" if item.owner and item.owner != item.speaker else ""
    return f"- [{clock(item.start)}] {speaker}{item.text}{owner}"


def _topic(topic: Topic) -> str:
    return f"{topic.text} [{clock(topic.start)}]"


def render_summary(summary: Summary) -> str:
    """``<stem>.summary.md``: title, duration, participants, then each non-empty section.

    Every item starts with its ``[HH:MM:SS]`` time in the recording, as in ``<stem>.txt``.
    """
    facts = [f"Duration {clock(summary.duration)}"]
    if summary.participants:
        facts.append(f"{summary.participants} participant{'s' * (summary.participants != 1)}")
    facts.append(f"{summary.method} summary of the redacted transcript")
    lines = [f"# {title(summary.source)}", "", " · ".join(facts), ""]
    for field, heading in SUMMARY_SECTIONS:
        if entries := getattr(summary, field):
            lines += [f"## {heading}", "", *map(_summary_line, entries), ""]
    if summary.topics:
        lines += ["## Topics", "", " · ".join(map(_topic, summary.topics)), ""]
    if summary.talk_time:
        lines += ["## Talk time", "", *(f"- {t.speaker}: {clock(t.seconds)} ({t.share:.0%})" for t in summary.talk_time), ""]
    if len(lines) == 4:
        lines += ["Nothing to summarize.", ""]
    return "\n".join(lines)


def _summary_item(item: SummaryItem) -> dict:
    entry: dict = {"start": item.start, "end": item.end, "text": item.text}
    if item.speaker is not None:
        entry["speaker"] = item.speaker
    if item.owner is not None:
        entry["owner"] = item.owner
    return entry


def summary_dict(summary: Summary) -> dict:
    """The ``summary`` object of ``<stem>.json``: the same sections as data."""
    document: dict = {"method": summary.method, "participants": summary.participants}
    for field, _ in SUMMARY_SECTIONS:
        document[field] = [_summary_item(i) for i in getattr(summary, field)]
    document["topics"] = [{"text": t.text, "start": round(t.start, 3), "mentions": t.mentions}
                          for t in summary.topics]
    if summary.talk_time:
        document["talk_time"] = talk_time_dicts(summary.talk_time)
    return document


RENDERERS = {
    "txt": render_txt,
    "srt": SrtWriter().render,
    "vtt": VttWriter().render,
    "json": render_json,
}


SUFFIXES = {"report": ".report.json", "summary": ".summary.md", "mapping": ".mapping.enc", "raw": ".raw.enc"}


def output_paths(out_dir: Path, stem: str, kinds: tuple[str, ...]) -> dict[str, Path]:
    """``OUT/<stem>.<kind>`` for each kind (``<stem>.report.json``, ``<stem>.summary.md``,
    and the encrypted ``<stem>.mapping.enc`` and ``<stem>.raw.enc``)."""
    return {kind: out_dir / f"{stem}{SUFFIXES.get(kind, '.' + kind)}" for kind in kinds}


def output_stem(path: Path, names: str, sha256: str | None = None) -> str:
    """What an input's outputs are called: its stem, or (``--output-names hash``) the first 16 hex
    digits of its sha256 (computed here unless given)."""
    if names == "stem":
        return path.stem
    return (sha256 or sha256_file(path))[:16]


def render(kind: str, transcript: RedactedTranscript, summary: Summary | None) -> str:
    """One per-file output other than the report; the summary feeds ``.summary.md`` and the JSON."""
    if kind == "summary":
        if summary is None:
            raise ValueError("the summary output needs a summary")
        return render_summary(summary)
    if kind == "json":
        return render_json(transcript, summary)
    return RENDERERS[kind](transcript)


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in chunks."""
    with open(path, "rb") as handle:
        return sha256_fd(handle.fileno())


def sha256_fd(fd: int, sink: Callable[[bytes], object] | None = None) -> str:
    """Hex sha256 of an open file's bytes from its start (its offset is not used), read in
    chunks; each chunk also goes to `sink` when given (to copy exactly what was hashed)."""
    digest, offset = hashlib.sha256(), 0
    while chunk := os.pread(fd, 1 << 20, offset):
        digest.update(chunk)
        if sink is not None:
            sink(chunk)
        offset += len(chunk)
    return digest.hexdigest()


def folder_mode(file_mode: int) -> int:
    """Permissions for a folder holding files of `file_mode`: the same, plus search where read is allowed."""
    return file_mode | (file_mode & 0o444) >> 2


def ensure_writable(out_dir: Path, file_mode: int = 0o600) -> None:
    """Create the output folder (private unless `file_mode` shares the files), or fail naming it."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=folder_mode(file_mode))
    except OSError as exc:
        raise OutputError(f"cannot create output folder ({exc.strerror})", path=str(out_dir)) from None
    if not out_dir.is_dir():
        raise OutputError("output path exists and is not a folder", path=str(out_dir))
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError("output folder is not writable", path=str(out_dir))


@contextlib.contextmanager
def staged(out_dir: Path, mode: int = 0o600) -> Iterator[dict[Path, Path]]:
    """Collect ``{target: temp}`` pairs; on clean exit move every temp into place, else delete all.

    Every file gets `mode` (0600: only the owner) before it is moved; ``os.replace`` keeps it.
    """
    pending: dict[Path, Path] = {}
    try:
        yield pending
        for temp in pending.values():
            os.chmod(temp, mode)
        for target, temp in pending.items():
            os.replace(temp, target)
        pending.clear()
    finally:
        for temp in pending.values():
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


def stage_text(pending: dict[Path, Path], target: Path, content: str) -> None:
    """Write `content` (UTF-8) to a temp file beside `target` and register it with `staged`."""
    stage_bytes(pending, target, content.encode("utf-8"))


def stage_bytes(pending: dict[Path, Path], target: Path, content: bytes) -> None:
    """Write binary `content` to a temp file beside `target` and register it with `staged`."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    pending[target] = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror})", path=str(target)) from None


def atomic_write(target: Path, content: str, mode: int = 0o600) -> None:
    """Write one file atomically: a temp file in the same folder, then ``os.replace``."""
    with staged(target.parent, mode) as pending:
        stage_text(pending, target, content)
