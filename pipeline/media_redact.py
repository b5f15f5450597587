"""The redacted recording: the input with every redacted span beeped or silenced.

One ffmpeg run per file, built with ffmpeg-python, driving the ffmpeg of DESIGN.md (PATH,
else imageio-ffmpeg): every video stream is stream-copied (bit-identical), every audio
stream goes through one `aeval` filter holding all spans (see `media_spans`) and is
re-encoded in its own codec, sample rate and, for lossless codecs, sample format. Subtitle,
data and attachment streams are dropped (they may hold the unredacted speech), and so are
metadata tags and chapters (titles, comments, artists can carry names).

The output keeps the input's container where hush can write it back, else it is a
``.redacted.wav`` (one audio stream) or ``.redacted.mkv``, with a notice.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import av
import ffmpeg

from . import media, outputs, tempdir
from .config import MediaOptions, RunOptions
from .errors import InputError, OutputError
from .media_spans import SpanPlan, filter_expression, plan_spans, replacement_expression, sample_edges
from .types import RedactedTranscript

VOICE_NOTICE = (
    "The redacted recording still carries the speakers' voices. A voice is a biometric identifier "
    "under HIPAA Safe Harbor, so this recording is not de-identified in the HIPAA sense; share it "
    "only where the speakers may be identified."
)
_MOV = "mov,mp4,m4a,3gp,3g2,mj2"
_MKV = "matroska,webm"


@dataclass(frozen=True)
class Container:
    """An output container: ffmpeg muxer, file extension, and the subtitle codec it holds (if any)."""

    muxer: str
    ext: str
    captions: str | None = None


# Input extension -> (the demuxer that must have read it, the container it is written back as).
WRITABLE: dict[str, tuple[str, Container]] = {
    ".wav": ("wav", Container("wav", ".wav")),
    ".flac": ("flac", Container("flac", ".flac")),
    ".mp3": ("mp3", Container("mp3", ".mp3")),
    ".ogg": ("ogg", Container("ogg", ".ogg")),
    ".oga": ("ogg", Container("ogg", ".oga")),
    ".opus": ("ogg", Container("ogg", ".opus")),
    ".aif": ("aiff", Container("aiff", ".aif")),
    ".aiff": ("aiff", Container("aiff", ".aiff")),
    ".m4a": (_MOV, Container("ipod", ".m4a")),
    ".mp4": (_MOV, Container("mp4", ".mp4", "mov_text")),
    ".m4v": (_MOV, Container("mp4", ".m4v", "mov_text")),
    ".mov": (_MOV, Container("mov", ".mov", "mov_text")),
    ".mkv": (_MKV, Container("matroska", ".mkv", "subrip")),
    ".mka": (_MKV, Container("matroska", ".mka", "subrip")),
    ".webm": (_MKV, Container("webm", ".webm", "webvtt")),
}
FALLBACK_AUDIO = Container("wav", ".wav")
FALLBACK_ANY = Container("matroska", ".mkv", "subrip")
# Decoder codec -> the encoder that writes it back.
ENCODERS = {"aac": "aac", "mp3": "libmp3lame", "opus": "libopus", "vorbis": "libvorbis", "flac": "flac",
            "alac": "alac", "ac3": "ac3", "eac3": "eac3", "mp2": "mp2", "wavpack": "wavpack"}
# When the input's own encoder is missing from this ffmpeg, or the container is a fallback.
CONTAINER_AUDIO = {"mp4": "aac", "ipod": "aac", "mov": "aac", "matroska": "flac", "webm": "libopus",
                   "ogg": "libopus", "wav": "pcm_s16le", "flac": "flac", "mp3": "libmp3lame", "aiff": "pcm_s16be"}


@dataclass(frozen=True)
class Stream:
    """One stream of the input, as far as writing the redacted copy needs it.

    For audio, `first` is the time stamp (seconds) of its first decoded sample.
    """

    index: int
    kind: str
    codec: str = ""
    sample_fmt: str | None = None
    rate: int = 0
    bit_rate: int = 0
    first: float = 0.0
    language: str | None = None


@dataclass(frozen=True)
class Layout:
    """The input's container and streams.

    `origin` is the container's start time (ffmpeg moves it to 0 in the output) and
    `transcribed` the audio stream whose first sample is transcript time 0.
    """

    demuxer: str
    streams: tuple[Stream, ...]
    origin: float
    transcribed: Stream

    def of(self, kind: str) -> list[Stream]:
        return [s for s in self.streams if s.kind == kind]

    @property
    def caption_offset(self) -> float:
        """Where transcript time 0 falls on the output's timeline."""
        return self.transcribed.first - self.origin


@dataclass(frozen=True)
class Redaction:
    """What to do to every audio stream: the spans (transcript seconds), transcript time 0 as
    a time stamp of the input, and the settings (beep or silence)."""

    spans: tuple[tuple[float, float], ...]
    zero: float
    settings: MediaOptions


@dataclass(frozen=True)
class MediaOutput:
    """The staged redacted recording: its final path, its report section, and any notices."""

    target: Path
    report: dict[str, object]
    notices: tuple[str, ...]


def inspect(path: Path, audio_stream: int = 0) -> Layout:
    """Streams and container of `path`, with the first sample time of each audio stream."""
    try:
        with media.open_container(path) as container:
            demuxer = container.format.name
            origin = container.start_time / av.time_base if container.start_time is not None else 0.0
            streams = tuple(_stream(s) for s in container.streams)
    except av.error.FFmpegError:
        raise InputError("cannot open as media", path=str(path)) from None
    streams = tuple(replace(s, first=_first_sample_time(path, s.index, origin)) if s.kind == "audio" else s
                    for s in streams)
    audio = [s for s in streams if s.kind == "audio"]
    if not audio:
        raise InputError("has no audio stream", path=str(path))
    return Layout(demuxer=demuxer, streams=streams, origin=origin, transcribed=audio[min(audio_stream, len(audio) - 1)])


def _stream(stream: av.stream.Stream) -> Stream:
    language = stream.metadata.get("language")
    if stream.type != "audio":  # data and attachment streams have no codec context
        return Stream(index=stream.index, kind=stream.type, language=language)
    codec = stream.codec_context
    return Stream(index=stream.index, kind="audio", codec=codec.codec.canonical_name,
                  sample_fmt=codec.format.name if codec.format is not None else None, rate=codec.sample_rate,
                  bit_rate=stream.bit_rate or 0, language=language)


def _first_sample_time(path: Path, index: int, origin: float) -> float:
    """Time stamp of a stream's first decoded sample, as hush's decoder and ffmpeg see it."""
    with media.open_container(path) as container:
        stream = container.streams[index]
        with contextlib.suppress(av.error.FFmpegError, StopIteration):
            frame = next(container.decode(stream))
            if frame.time is not None:
                return float(frame.time)
        return float(stream.start_time * stream.time_base) if stream.start_time is not None else origin


def choose_container(path: Path, layout: Layout) -> Container | None:
    """The container to write back, or None when hush can't write the input's container."""
    demuxer, container = WRITABLE.get(path.suffix.lower(), (None, None))
    if container is None or demuxer != layout.demuxer:
        return None
    if container.muxer == "wav" and len(layout.of("audio")) > 1:
        return None
    return container


def fallback_container(layout: Layout) -> Container:
    """``.wav`` for one audio stream and no video, else ``.mkv`` (which holds any codec)."""
    return FALLBACK_AUDIO if len(layout.of("audio")) == 1 and not layout.of("video") else FALLBACK_ANY


@functools.lru_cache(maxsize=4)
def _ffmpeg_facts(binary: str) -> tuple[int, frozenset[str]]:
    """The ffmpeg major version (99 for a git build) and its encoder names."""
    version = subprocess.run([binary, "-version"], capture_output=True, text=True).stdout
    found = re.match(r"ffmpeg version n?(\d+)\.", version)
    listing = subprocess.run([binary, "-hide_banner", "-encoders"], capture_output=True, text=True).stdout
    encoders = frozenset(m.group(1) for m in re.finditer(r"^ [A-Z.]{6} (\S+)", listing, re.MULTILINE))
    return (int(found.group(1)) if found else 99), encoders


def _encoder(stream: Stream, container: Container, available: frozenset[str]) -> str:
    wanted = stream.codec if stream.codec.startswith("pcm_") else ENCODERS.get(stream.codec, "")
    if container is FALLBACK_AUDIO:
        return "pcm_s32le" if stream.sample_fmt in ("s32", "s32p") else "pcm_s16le"
    if container is FALLBACK_ANY or wanted not in available:
        return CONTAINER_AUDIO[container.muxer]
    return wanted


def _lossless(encoder: str) -> bool:
    return encoder.startswith("pcm_") or encoder in ("flac", "alac", "wavpack")


def _audio(node: ffmpeg.nodes.FilterableStream, stream: Stream, n: int, container: Container,
           redaction: Redaction, available: frozenset[str]) -> tuple[ffmpeg.nodes.FilterableStream, dict[str, str]]:
    """The redaction filter for the `n`-th output audio stream, and its encoder options."""
    encoder = _encoder(stream, container, available)
    edges = sample_edges(redaction.spans, stream.rate, shift=stream.first - redaction.zero)
    node = node.filter("aeval", exprs=filter_expression(edges, replacement_expression(redaction.settings, stream.rate)),
                       c="same")
    if not _lossless(encoder):
        codec = {f"c:a:{n}": encoder, **({f"b:a:{n}": str(stream.bit_rate)} if stream.bit_rate else {})}
        if encoder == "aac":
            codec[f"aac_coder:a:{n}"] = "fast"  # 2-3x faster than the default "twoloop", fine at speech bit rates
        return node, codec
    if stream.sample_fmt and encoder in (stream.codec, ENCODERS.get(stream.codec)):
        node = node.filter("aformat", sample_fmts=stream.sample_fmt)  # keep the bit depth
    return node, {f"c:a:{n}": encoder}


def build_command(source: Path, target: Path, layout: Layout, container: Container, redaction: Redaction,
                  captions: Path | None, script: Path) -> list[str]:
    """ffmpeg arguments for one run; the filter graph goes to `script` (it can be long).

    Output streams keep the input's order; only video (copied) and audio (redacted) are
    mapped, so subtitle, data and attachment streams are dropped, and so are tags and chapters.
    """
    major, available = _ffmpeg_facts(media.ffmpeg_binary())
    # The demuxer hush's probe accepted, named (ffmpeg must not probe its way to another one),
    # and local files only; the captions file is hush's own.
    source_node = ffmpeg.input(media.local(source), f=layout.demuxer.split(",")[0], protocol_whitelist="file")
    options = {"map_metadata": "-1", "map_chapters": "-1", "max_muxing_queue_size": "4096", "c:v": "copy"}
    nodes, counts = [], {"v": 0, "a": 0}
    for stream in layout.streams:
        if stream.kind not in ("audio", "video"):
            continue  # subtitles, data, attachments: may hold the unredacted speech
        kind = stream.kind[0]
        n, counts[kind] = counts[kind], counts[kind] + 1
        node = source_node[str(stream.index)]
        if kind == "a":
            node, codec = _audio(node, stream, n, container, redaction, available)
            options.update(codec)
        if stream.language and stream.language != "und":
            options[f"metadata:s:{kind}:{n}"] = f"language={stream.language}"
        nodes.append(node)
    if captions is not None:
        nodes.append(ffmpeg.input(media.local(captions), itsoffset=f"{layout.caption_offset:.6f}")["0"])
        options["c:s"] = container.captions
    args = ffmpeg.output(*nodes, media.local(target), f=container.muxer, **options).get_args()
    at = args.index("-filter_complex")
    script.write_text(args[at + 1], encoding="utf-8")
    args[at:at + 2] = ["-/filter_complex" if major >= 7 else "-filter_complex_script", media.local(script)]
    return args


def _render(pending: dict[Path, Path], source: Path, target: Path, layout: Layout, container: Container,
            redaction: Redaction, captions: Path | None, work: Path) -> None:
    """Write the redacted copy to a temp file beside `target`, registered with `outputs.staged`."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(name)
    pending[target] = temp
    try:
        media.run_ffmpeg(*build_command(source, temp, layout, container, redaction, captions, work / "graph.txt"))
    except subprocess.CalledProcessError:
        del pending[target]
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def _ffmpeg_error(exc: subprocess.CalledProcessError) -> str:
    lines = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
    return lines[-1][:200] if lines else f"exit status {exc.returncode}"


def stage(pending: dict[Path, Path], source: Path, stem: str, transcript: RedactedTranscript,
          options: RunOptions) -> MediaOutput:
    """Stage ``OUT/<stem>.redacted.<ext>`` in `pending` (moved into place with the other outputs).

    Writes the input's container back where hush can; else, or when ffmpeg can't (a codec
    the container won't hold), falls back to ``.wav``/``.mkv`` with a notice.
    """
    began = time.perf_counter()
    settings = options.media
    plan = plan_spans(transcript, settings)
    layout = inspect(source, options.asr.audio_stream)
    redaction = Redaction(plan.spans, layout.transcribed.first, settings)
    preferred, fallback = choose_container(source, layout), fallback_container(layout)
    notices: list[str] = []
    with tempdir.private("media-") as work:  # 0700, outside the output folder, removed however this ends

        def write(container: Container) -> tuple[Path, bool]:
            captions = _captions(transcript, container, work) if settings.embed_captions else None
            target = options.output.out_dir / f"{stem}.redacted{container.ext}"
            _render(pending, source, target, layout, container, redaction, captions, work)
            return target, captions is not None

        written = None
        if preferred is not None:
            with contextlib.suppress(subprocess.CalledProcessError):  # e.g. a codec the container can't hold
                written = write(preferred)
        fell_back = written is None
        if fell_back:
            try:
                written = write(fallback)
            except subprocess.CalledProcessError as exc:
                raise OutputError(f"cannot write the redacted recording (ffmpeg: {_ffmpeg_error(exc)})",
                                  path=str(source)) from None
    target, embedded = written
    if fell_back:
        notices.append(f"hush cannot write its container ({layout.demuxer.split(',')[0]}, "
                       f"{source.suffix or 'no extension'}) back; the redacted recording is {target.name}")
    if settings.embed_captions and not embedded:
        notices.append(f"captions not embedded: a {target.suffix} file has no subtitle track")
    report = _report(plan, layout, settings, target, embedded=embedded, fell_back=fell_back,
                     seconds=time.perf_counter() - began)
    return MediaOutput(target=target, report=report, notices=tuple(notices))


def _report(plan: SpanPlan, layout: Layout, settings: MediaOptions, target: Path, embedded: bool,
            fell_back: bool, seconds: float) -> dict[str, object]:
    """The report's ``media`` section: times and counts only, and the notice about voices."""
    kept = len(layout.of("audio")) + len(layout.of("video"))
    return {
        "output": target.name,
        "mode": settings.mode,
        "pad_ms": settings.pad_ms,
        "redactions": plan.redactions,
        "widened": plan.widened,
        "spans": [list(span) for span in plan.spans],
        "redacted_seconds": round(plan.seconds, 3),
        "audio_streams": len(layout.of("audio")),
        "video_streams_copied": len(layout.of("video")),
        "streams_dropped": len(layout.streams) - kept,
        "captions_embedded": embedded,
        "fallback": fell_back,
        "seconds": round(seconds, 3),
        "notice": VOICE_NOTICE,
    }


def _captions(transcript: RedactedTranscript, container: Container, work: Path) -> Path | None:
    """The sanitized captions for `container`, or None when it holds no subtitle track.

    Always WebVTT: ffmpeg converts it to the container's format, and reads an empty one (an
    empty SRT is an error).
    """
    if container.captions is None:
        return None
    path = work / "captions.vtt"
    path.write_text(outputs.RENDERERS["vtt"](transcript), encoding="utf-8")
    return path
