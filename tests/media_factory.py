"""Test media made on the fly from the committed samples with the real ffmpeg binary."""

from __future__ import annotations

from pathlib import Path

from pipeline.media import run_ffmpeg as ffmpeg


def convert(src: Path, dst: Path, *codec: str) -> Path:
    """Re-encode `src` into `dst`'s container (codec options optional)."""
    ffmpeg("-i", str(src), *codec, str(dst))
    return dst


def with_video(src: Path, dst: Path, audio_codec: str = "aac") -> Path:
    """A small colour-bars video with `src` as its only audio stream."""
    video_codec = ["-c:v", "libvpx", "-b:v", "50k"] if dst.suffix == ".webm" else ["-c:v", "mpeg4", "-q:v", "31"]
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-i", str(src), "-shortest",
           *video_codec, "-c:a", audio_codec, "-map", "0:v", "-map", "1:a", str(dst))
    return dst


def two_audio_streams(src: Path, dst: Path) -> Path:
    """mp4 with video, a silent first audio stream and `src` as the second audio stream."""
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono",
           "-i", str(src), "-shortest", "-map", "0:v", "-map", "1:a", "-map", "2:a",
           "-c:v", "mpeg4", "-q:v", "31", "-c:a", "aac", str(dst))
    return dst


def video_only(dst: Path) -> Path:
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-t", "2", "-c:v", "mpeg4", str(dst))
    return dst
