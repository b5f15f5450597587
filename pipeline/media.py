"""Probing and decoding media with PyAV, and locating the ffmpeg binary.

Any container PyAV (FFmpeg's libraries) reads works: wav, flac, mp3, m4a, ogg/opus, mp4,
mkv, webm, mov. Audio is decoded straight to 16 kHz mono float32 in memory; nothing is
written to disk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import av
import numpy as np

from .errors import InputError
from .types import MediaInfo

SAMPLE_RATE = 16000
# A decode that stops this far short of the container's declared duration is a truncated file.
_TRUNCATION_TOLERANCE_S = 1.0


def check_readable(path: Path) -> None:
    """Fail early, naming the cause, for inputs that cannot be media at all."""
    if not path.exists():
        raise InputError("no such file", path=str(path))
    if path.is_dir():
        raise InputError("is a directory, not a media file", path=str(path))
    if not os.access(path, os.R_OK):
        raise InputError("permission denied", path=str(path))
    if path.stat().st_size == 0:
        raise InputError("empty file (0 bytes)", path=str(path))


def local(path: Path) -> str:
    """`path` as FFmpeg must be given it: absolute, so a name like ``http:x.wav`` or
    ``concat:a.wav`` is a file here and never read as a protocol (which would reach the network
    from native code, past the airlock)."""
    return os.path.abspath(path)


def _open(path: Path) -> av.container.InputContainer:
    check_readable(path)
    try:
        return av.open(local(path), mode="r", metadata_errors="ignore")
    except (av.error.InvalidDataError, av.error.EOFError):
        raise InputError("not a recognised audio or video file (corrupt or unsupported)", path=str(path)) from None
    except av.error.FFmpegError as exc:
        raise InputError(f"cannot open as media ({exc.strerror or type(exc).__name__})", path=str(path)) from None


def _declared_duration(container: av.container.InputContainer, stream: av.audio.stream.AudioStream) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return 0.0


def probe(path: Path) -> MediaInfo:
    """Read the container's streams and duration without decoding."""
    with _open(path) as container:
        audio = container.streams.audio
        if not audio:
            raise InputError("has no audio stream", path=str(path))
        return MediaInfo(
            path=str(path),
            duration=_declared_duration(container, audio[0]),
            audio_streams=len(audio),
            video_streams=len(container.streams.video),
            container=container.format.name,
        )


def decode(path: Path, stream_index: int = 0) -> np.ndarray:
    """Decode one audio stream (0-based among audio streams) to 16 kHz mono float32."""
    with _open(path) as container:
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
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
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
