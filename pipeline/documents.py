"""`hush redact`: existing transcripts and captions (.txt, .srt, .vtt, hush's .json) redacted in place.

Timing lines, cue numbers and headers pass through untouched; only caption text changes.
Plain text keeps its line structure: line N of the output is line N of the input.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, UsageError
from .language_check import LanguageCheck, check_text, check_transcript
from .outputs import render_json
from .redact import Redactor
from .redact.pseudonyms import Replacer
from .redact.words import TAG
from .speakers import is_code, speaker_code, voice_tag
from .types import Segment, Token, Transcript, Word

FORMATS = ("auto", "txt", "srt", "vtt", "json")
# A transcript line's time: ``[00:01:02]`` (hush's), ``[  157.03-  164.10]`` (corpus extracts).
STAMP = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?|\d+(?:\.\d+)?"
TXT_LINE = re.compile(rf"^\[\s*(?P<start>{STAMP})\s*(?:-\s*(?P<end>{STAMP})\s*)?\]\s?(?P<text>.*)$")
_CLOSING_TAGS = re.compile(r"(?:</[A-Za-z]+>\s*)+$")
_SRT_TIMING = re.compile(r"^\s*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}(\s.*)?$")
_VTT_TIMING = re.compile(r"^\s*(\d{1,3}:)?\d{2}:\d{2}\.\d{3}\s*-->\s*(\d{1,3}:)?\d{2}:\d{2}\.\d{3}(\s.*)?$")


@dataclass(frozen=True)
class Line:
    """A line split into the part kept verbatim (timestamps, timing) and the text to redact.

    `kind` says what the line is: ``text`` (a plain transcript line), ``cue`` (caption text),
    ``note`` (a WebVTT NOTE block), ``timing`` (a cue's timing line, all in `keep`) or
    ``other`` (headers, cue numbers, blank lines: all in `keep`).
    The line reads ``keep + text + tail``.
    """

    keep: str
    text: str
    kind: str = "other"
    tail: str = ""  # kept verbatim after the text: a cue's closing tags ("</v>", "</i>")


def decode_text(data: bytes, name: str) -> str:
    """Bytes to text, or an input error naming the cause (binary data, wrong encoding)."""
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes), not a text transcript", path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (invalid byte at offset {exc.start})", path=name) from None


def detect_format(name: str, text: str) -> str:
    """Format from the file extension, else from the content."""
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in FORMATS[1:]:
        return suffix
    head = text.lstrip()
    if head.startswith("WEBVTT"):
        return "vtt"
    if head.startswith("{"):
        return "json"
    lines = head.splitlines()
    if len(lines) > 1 and lines[0].strip().isdigit() and "-->" in lines[1]:
        return "srt"
    return "txt"


def _txt_lines(lines: list[str], name: str) -> list[Line]:
    """Plain transcript lines; a time stamp and a speaker code after it (``FEE041:``) are kept
    verbatim, a label that could be a name (``Maria:``) is text."""
    result = []
    for line in lines:
        stamp = TXT_LINE.match(line)
        cut = stamp.start("text") if stamp else 0
        code, body = speaker_code(line[cut:])
        cut += len(line) - cut - len(body) if code else 0
        result.append(Line(line[:cut], line[cut:], "text"))
    return result


def _caption_lines(lines: list[str], name: str, timing: re.Pattern, vtt: bool) -> list[Line]:
    """Split a caption file into verbatim lines (numbers, timings, headers) and cue text."""
    result: list[Line] = []
    in_cue: str | None = None  # "cue" or "note" while inside one
    skip_block = vtt  # the WEBVTT header block, then STYLE/REGION blocks
    saw_timing = False
    for n, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            in_cue, skip_block = None, False
            result.append(Line(line, ""))
        elif skip_block:
            result.append(Line(line, ""))
        elif in_cue:  # cue text, or the text of a NOTE block (people write names there too)
            result.append(Line("", line, in_cue))
        elif "-->" in line:
            if not timing.match(line):
                raise InputError(f"malformed cue timing on line {n}", path=name)
            in_cue, saw_timing = "cue", True
            result.append(Line(line, "", "timing"))
        elif vtt and stripped.split(maxsplit=1)[0] == "NOTE":
            in_cue = "note"
            result.append(Line(line[:line.index("NOTE") + 4], line[line.index("NOTE") + 4:], "note"))
        elif vtt and stripped.split(maxsplit=1)[0] in ("STYLE", "REGION"):
            skip_block = True
            result.append(Line(line, ""))
        elif n < len(lines) and "-->" in lines[n]:
            result.append(Line(line, ""))  # cue number (SRT) or cue identifier (WebVTT)
        else:
            raise InputError(f"unexpected text outside a cue on line {n}", path=name)
    if not saw_timing and any(line.strip() for line in lines[1 if vtt else 0:]):
        raise InputError("no cue timings found", path=name)
    return result


def split_lines(text: str, fmt: str, name: str) -> list[Line]:
    """A txt, srt or vtt file's lines (``\n`` or ``\r\n``), each split into verbatim part and text."""
    lines = text.replace("\r\n", "\n").split("\n")
    if fmt == "txt":
        return _txt_lines(lines, name)
    if fmt == "srt":
        return _caption_lines(lines, name, _SRT_TIMING, vtt=False)
    if not lines[0].startswith("WEBVTT"):
        raise InputError("WebVTT file must start with 'WEBVTT'", path=name)
    return _caption_lines(lines, name, _VTT_TIMING, vtt=True)


def _markup_kept(line: Line, names: Replacer) -> Line:
    """A cue line's markup at its ends moves to the verbatim parts, so it stays whole and no
    redaction swallows it ("…4567.</v>"): closing tags to the tail, a WebVTT voice tag to the
    front, its name kept when it is a speaker code and replaced as a PERSON otherwise."""
    if line.kind != "cue":
        return line
    closing = _CLOSING_TAGS.search(line.text)
    if closing:
        line = Line(line.keep, line.text[:closing.start()], line.kind, line.text[closing.start():] + line.tail)
    tag = voice_tag(line.text)
    if tag is None:
        return line
    voice = tag.group("name")
    shown = voice if is_code(voice) or not voice.strip() else names.replace("PERSON", voice.strip())
    return Line(line.keep + tag.group("open") + shown + tag.group("close"), line.text[tag.end():], line.kind, line.tail)


def transcript_from_json(text: str, name: str) -> Transcript:
    try:
        document = json.loads(text)
        segments = tuple(
            Segment(
                start=float(seg["start"]),
                end=float(seg["end"]),
                words=tuple(Word(str(w["text"]), float(w["start"]), float(w["end"])) for w in seg["words"]),
            )
            for seg in document["segments"]
        )
        return Transcript(
            source=str(document.get("source", name)),
            duration=float(document.get("duration", segments[-1].end if segments else 0.0)),
            language=str(document.get("language", "en")),
            model=str(document.get("model", "unknown")),
            segments=segments,
        )
    except RecursionError:
        raise InputError("JSON nested too deeply", path=name) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON (line {exc.lineno}, column {exc.colno})", path=name) from None
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        raise InputError("not a hush transcript JSON (expects segments[].words[] with text/start/end)",
                         path=name) from None


def restore_tag(token: Token) -> Token:
    """A word redacted by an earlier run (``[PERSON]``) stays marked as a redaction."""
    match = None if token.redacted else TAG.match(token.text)
    return dataclasses.replace(token, entity=match.group(1), score=1.0) if match else token


def _redact_json(text: str, name: str, redactor: Redactor, names: Replacer | None = None) -> str:
    redacted = redactor.redact_transcript(transcript_from_json(text, name), names)
    segments = tuple(dataclasses.replace(seg, tokens=tuple(map(restore_tag, seg.tokens)))
                     for seg in redacted.segments)
    return render_json(dataclasses.replace(redacted, segments=segments))


def redact_document(data: bytes, name: str, fmt: str, redactor: Redactor, names: Replacer | None = None) -> str:
    """Redact a transcript or caption file's bytes; returns the sanitized text in the same format.

    `names` carries pseudonym labels (and their mapping) across calls; a fresh one by default.
    """
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    text = decode_text(data, name)
    if fmt == "auto":
        fmt = detect_format(name, text)
    if fmt == "json":
        return _redact_json(text, name, redactor, names)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = split_lines(text, fmt, name)
    names = names if names is not None else redactor.replacer()
    lines = [_markup_kept(line, names) for line in lines]
    sanitized = redactor.redact_lines([line.text for line in lines], names)
    return newline.join(line.keep + clean + line.tail for line, clean in zip(lines, sanitized))


def write_redacted(target: Path, text: str, names: Replacer, source: str, mapping_key: Path | None = None) -> None:
    """Write a redacted document to `target` atomically; with `mapping_key`, its encrypted
    label → value mapping beside it (``<target>.mapping.enc``), published in the same step."""
    from .mapping import encrypt, load_or_create_key
    from .outputs import atomic_write, stage_bytes, stage_text, staged

    if mapping_key is None:
        atomic_write(target, text)
        return
    key, _ = load_or_create_key(mapping_key)
    with staged(target.parent) as pending:
        stage_text(pending, target, text)
        stage_bytes(pending, target.with_name(target.name + ".mapping.enc"), encrypt(names.mapping, key, source))


def check_document(data: bytes, name: str, fmt: str = "auto") -> LanguageCheck:
    """Whether a transcript or caption file is English enough for the redactor: its words (caption
    text, not timings or cue numbers) and, for hush's JSON, the language it names."""
    text = decode_text(data, name)
    fmt = detect_format(name, text) if fmt == "auto" else fmt
    if fmt == "json":
        return check_transcript(transcript_from_json(text, name))
    return check_text("\n".join(line.text for line in split_lines(text, fmt, name)))
