"""Decoding every container PyAV reads, stream selection, and every kind of bad media input."""

import random
from pathlib import Path

import pytest

from media_factory import convert, two_audio_streams, video_only, with_video
from pipeline import media
from pipeline.errors import InputError

from conftest import SAMPLE_AUDIO

SRC = SAMPLE_AUDIO[0]


@pytest.fixture(scope="module")
def reference_seconds():
    return len(media.decode(SRC)) / media.SAMPLE_RATE


@pytest.mark.parametrize("name, codec", [
    ("a.wav", ()), ("a.mp3", ()), ("a.m4a", ("-c:a", "aac")), ("a.ogg", ("-c:a", "libvorbis")),
    ("a.opus", ("-c:a", "libopus")), ("a.flac", ()),
])
def test_audio_containers_decode_to_16k_mono(tmp_path, reference_seconds, name, codec):
    audio = media.decode(convert(SRC, tmp_path / name, *codec))
    assert audio.dtype.name == "float32" and audio.ndim == 1
    assert abs(len(audio) / media.SAMPLE_RATE - reference_seconds) < 0.15
    assert 0.01 < abs(audio).max() <= 1.0


@pytest.mark.parametrize("name, codec", [("v.mp4", "aac"), ("v.mkv", "aac"), ("v.mov", "aac"), ("v.webm", "libopus")])
def test_video_containers_decode_their_audio(tmp_path, reference_seconds, name, codec):
    path = with_video(SRC, tmp_path / name, codec)
    info = media.probe(path)
    assert info.video_streams == 1 and info.audio_streams == 1
    assert abs(len(media.decode(path)) / media.SAMPLE_RATE - reference_seconds) < 0.3


def test_audio_stream_selection(tmp_path):
    path = two_audio_streams(SRC, tmp_path / "two.mp4")
    assert media.probe(path).audio_streams == 2
    silent, speech = media.decode(path, 0), media.decode(path, 1)
    assert abs(silent).max() < 1e-3 < abs(speech).max()
    with pytest.raises(InputError, match="--audio-stream 2 does not exist"):
        media.decode(path, 2)


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input with the cause its error must name."""
    (tmp / "folder.wav").mkdir()
    (tmp / "empty.wav").write_bytes(b"")
    (tmp / "text.wav").write_text("this is not audio at all\n" * 20)
    flac = SRC.read_bytes()
    (tmp / "truncated.flac").write_bytes(flac[: len(flac) // 3])
    mp4 = with_video(SRC, tmp / "full.mp4").read_bytes()
    (tmp / "truncated.mp4").write_bytes(mp4[: len(mp4) // 2])
    # Seeded, not os.urandom: now and then random bytes happen to probe as a stream-less container.
    (tmp / "garbage.mp3").write_bytes(random.Random(0).randbytes(20000))
    video_only(tmp / "silent-film.mp4")
    return {
        "missing": (tmp / "missing.wav", "no such file"),
        "directory": (tmp / "folder.wav", "is a directory"),
        "empty": (tmp / "empty.wav", "empty file"),
        "text": (tmp / "text.wav", "not a recognised audio or video file"),
        "truncated flac": (tmp / "truncated.flac", "truncated or corrupt"),
        "truncated mp4": (tmp / "truncated.mp4", "not a recognised audio or video file"),
        "garbage": (tmp / "garbage.mp3", "not a recognised audio or video file"),
        "no audio": (tmp / "silent-film.mp4", "has no audio stream"),
    }


def test_every_bad_input_names_file_and_cause(tmp_path):
    for label, (path, cause) in bad_inputs(tmp_path).items():
        with pytest.raises(InputError) as info:
            media.probe(path)
            media.decode(path)
        message = str(info.value)
        assert str(path) in message and cause in message, (label, message)
        assert info.value.exit_code == 3
