"""Probing and decoding media with PyAV, and locating the ffmpeg binary.

Any container PyAV (FFmpeg's libraries) reads works: wav, flac, mp3, m4a, ogg/opus, mp4,
mkv, webm, mov. Audio is decoded straight to 16 kHz mono float32 in memory; nothing is
written to disk.

A media file may be hostile (dropped into a watched inbox by anyone): FFmpeg is allowed only
the ``file`` protocol and no demuxer that opens other files or devices (playlists, file
lists, image sequences, filter graphs, network descriptions; `REFUSED_DEMUXERS`), so a
file can't make hush read another recording; and a file's declared duration, sample rate
and channel count are checked before any decoding, with decoding stopped at the duration
limit whatever the file declared.
"""

from __future__ import annotations

import functools
import os
import shutil
import stat
import subprocess
from pathlib import Path

import av
import numpy as np

from .errors import InputError
from .types import MediaInfo

SAMPLE_RATE = 16000
# A decode that stops this far short of the container's declared duration is a truncated file.
_TRUNCATION_TOLERANCE_S = 1.0
# Demuxers that read other files, devices or the network named inside the input (HLS and
# DASH playlists, ffconcat lists, image sequences, lavfi graphs, SDP/RTP/RTSP), or grab a
# screen or sound card: a file in the inbox could otherwise make hush transcribe a recording
# it names. Checked by FFmpeg after probing and before the demuxer reads its header.
REFUSED_DEMUXERS = frozenset({
    "hls", "applehttp", "dash", "concat", "image2", "lavfi", "sdp", "rtp", "rtsp", "sap",
    "webm_dash_manifest", "alsa", "oss", "pulse", "jack", "fbdev", "kmsgrab", "x11grab",
    "video4linux2", "v4l2", "avisynth", "vapoursynth", "imf", "bluray", "dvdvideo",
})
SAMPLE_RATES = (1000, 768000)  # Hz: anything outside is not a recording
MAX_CHANNELS = 64


def check_readable(path: Path) -> None:
    """Fail early, naming the cause, for inputs that cannot be media at all."""
    if not path.exists():
        raise InputError("no such file", path=str(path))
    if path.is_dir():
        raise InputError("is a directory, not a media file", path=str(path))
    if not stat.S_ISREG(path.stat().st_mode):  # a named pipe would block the decoder for ever
        raise InputError("not a regular file (a pipe, socket or device)", path=str(path))
    if not os.access(path, os.R_OK):
        raise InputError("permission denied", path=str(path))
    if path.stat().st_size == 0:
        raise InputError("empty file (0 bytes)", path=str(path))


@functools.cache
def allowed_demuxers() -> str:
    """FFmpeg's ``format_whitelist``: every demuxer this FFmpeg has but `REFUSED_DEMUXERS`."""
    names: set[str] = set()
    for name in av.formats_available:
        try:
            if av.format.ContainerFormat(name).is_input:
                names.update(name.split(","))
        except (ValueError, av.error.FFmpegError):
            continue
    return ",".join(sorted(names - REFUSED_DEMUXERS))


def input_options() -> dict[str, str]:
    """FFmpeg input options for any file hush opens: local files only, no referencing demuxers."""
    return {"protocol_whitelist": "file", "format_whitelist": allowed_demuxers()}


def describe_duration(seconds: float) -> str:
    """``12 h``, ``90 min``, ``5 s``: a limit or a length for a message."""
    for unit, size in (("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{round(seconds / size, 1):g} {unit}"
    return f"{round(seconds, 1):g} s"


def local(path: Path) -> str:
    """`path` as FFmpeg must be given it: absolute, so a name like ``http:x.wav`` or
    ``concat:a.wav`` is a file here and never read as a protocol (which would reach the network
    from native code, past the airlock)."""
    return os.path.abspath(path)


def open_container(path: Path) -> av.container.InputContainer:
    """Open a media file for reading with `input_options`; a one-line InputError if it isn't one."""
    check_readable(path)
    try:
        return av.open(local(path), mode="r", metadata_errors="ignore", container_options=input_options())
    except (av.error.InvalidDataError, av.error.EOFError):
        raise InputError("not a recognised audio or video file (corrupt or unsupported)", path=str(path)) from None
    except av.error.ArgumentError:  # FFmpeg's refusal of a demuxer left out of format_whitelist
        raise InputError("refused: a playlist, file list or other format that makes FFmpeg read other "
                         "files or devices", path=str(path)) from None
    except av.error.FFmpegError as exc:
        raise InputError(f"cannot open as media ({exc.strerror or type(exc).__name__})", path=str(path)) from None


def _declared_duration(container: av.container.InputContainer, stream: av.audio.stream.AudioStream) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return 0.0


def _check_sane(path: Path, container: av.container.InputContainer, max_duration: float | None) -> None:
    """Refuse what no recording declares (before decoding): a duration over the limit, an
    absurd sample rate or channel count in any audio stream."""
    for stream in container.streams.audio:
        rate, channels = stream.codec_context.sample_rate, stream.codec_context.channels
        if not SAMPLE_RATES[0] <= rate <= SAMPLE_RATES[1]:
            raise InputError(f"declares an audio sample rate of {rate} Hz (hush takes {SAMPLE_RATES[0]} "
                             f"to {SAMPLE_RATES[1]})", path=str(path))
        if not 1 <= channels <= MAX_CHANNELS:
            raise InputError(f"declares {channels} audio channels (hush takes 1 to {MAX_CHANNELS})", path=str(path))
        declared = _declared_duration(container, stream)
        if max_duration is not None and declared > max_duration:
            raise InputError(f"declares {describe_duration(declared)} of audio, more than --max-duration "
                             f"({describe_duration(max_duration)})", path=str(path))


def probe(path: Path, max_duration: float | None = None) -> MediaInfo:
    """Read the container's streams and duration without decoding; refuse what isn't sane."""
    with open_container(path) as container:
        audio = container.streams.audio
        if not audio:
            raise InputError("has no audio stream", path=str(path))
        _check_sane(path, container, max_duration)
        return MediaInfo(
            path=str(path),
            duration=_declared_duration(container, audio[0]),
            audio_streams=len(audio),
            video_streams=len(container.streams.video),
            container=container.format.name,
        )


def decode(path: Path, stream_index: int = 0, max_duration: float | None = None) -> np.ndarray:
    """Decode one audio stream (0-based among audio streams) to 16 kHz mono float32.

    Decoding stops with an InputError once it passes `max_duration` seconds, whatever the
    file declared: time and memory stay bounded for a file that lies about its length.
    """
    limit = None if max_duration is None else int((max_duration + _TRUNCATION_TOLERANCE_S) * SAMPLE_RATE)
    with open_container(path) as container:
        streams = container.streams.audio
        if not streams:
            raise InputError("has no audio stream", path=str(path))
        if stream_index >= len(streams):
            raise InputError(f"has {len(streams)} audio stream(s); --audio-stream {stream_index} does not exist",
                             path=str(path))
        stream = streams[stream_index]
        declared = _declared_duration(container, stream)
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        chunks: list[np.ndarray] = []
        total = 0
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                    total += len(chunks[-1])
                if limit is not None and total > limit:
                    raise InputError(f"holds more than --max-duration ({describe_duration(max_duration or 0)}) "
                                     "of audio", path=str(path))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
        except av.error.FFmpegError:
            raise InputError("truncated or corrupt audio data (decoding failed)", path=str(path)) from None
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)
    decoded = len(samples) / SAMPLE_RATE
    if decoded == 0:
        raise InputError("audio stream holds no decodable audio", path=str(path))
    if declared - decoded > max(_TRUNCATION_TOLERANCE_S, 0.1 * declared):
        raise InputError(f"truncated or corrupt: decoded {decoded:.1f} s of {declared:.1f} s", path=str(path))
    return samples.astype(np.float32) / 32768.0


def ffmpeg_binary() -> str:
    """The ffmpeg to run: from PATH if present, else the one inside the imageio-ffmpeg wheel."""
    found = shutil.which("ffmpeg")
    if found:
        return found
    import imageio_ffmpeg  # only needed when ffmpeg is not on PATH

    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(*args: str) -> None:
    """Run ffmpeg quietly with `args`; raises CalledProcessError on failure."""
    subprocess.run([ffmpeg_binary(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args],
                   check=True, capture_output=True)
