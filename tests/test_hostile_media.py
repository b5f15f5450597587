"""Media files built to misuse FFmpeg or hush: playlists and file lists that name other recordings,
headers that declare absurd formats, files that lie about their length, named pipes.

Each is refused with one line naming the file and the cause (exit 3), before anything else is
read and without leaving an output; a file it names is not even opened.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SAMPLE_AUDIO
from file_access import AccessWatch
from media_factory import convert
from pipeline import media
from pipeline.cli import app
from pipeline.errors import InputError, UsageError
from test_watch_hostile import insane_wav

runner = CliRunner()


@pytest.fixture(scope="module")
def recording(tmp_path_factory) -> Path:
    return convert(SAMPLE_AUDIO[0], tmp_path_factory.mktemp("hostile") / "private.wav", "-t", "6")


def playlists(folder: Path, target: Path) -> dict[str, str]:
    """Text files FFmpeg would read as lists of other files, each naming `target`."""
    hls = "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n{}\n#EXT-X-ENDLIST\n"
    return {
        "hls-absolute.mp4": hls.format(target),
        "hls-url.mp4": hls.format(f"file://{target}"),
        "hls-relative.m3u8": hls.format(target.name),
        "concat-absolute.mp4": f"ffconcat version 1.0\nfile '{target}'\n",
        "concat-relative.mp4": f"ffconcat version 1.0\nfile '{target.name}'\n",  # FFmpeg's "safe" mode allows this
    }


def lying_flac(source: Path, target: Path, declared_seconds: float) -> Path:
    """`source` (FLAC) with STREAMINFO's total sample count changed to `declared_seconds`."""
    data = bytearray(source.read_bytes())
    assert data[:4] == b"fLaC" and data[4] & 0x7F == 0  # the first metadata block is STREAMINFO
    rate = int.from_bytes(data[18:21], "big") >> 4
    field = int.from_bytes(data[21:26], "big")
    total = int(declared_seconds * rate)
    data[21:26] = ((field & ~((1 << 36) - 1)) | total).to_bytes(5, "big")
    target.write_bytes(data)
    return target


@pytest.mark.parametrize("name", sorted(playlists(Path("/x"), Path("/x/y.wav"))))
def test_playlists_and_file_lists_are_refused_without_opening_what_they_name(tmp_path, recording, name):
    target = tmp_path / recording.name
    target.write_bytes(recording.read_bytes())
    hostile = tmp_path / name
    hostile.write_text(playlists(tmp_path, target)[name])
    with AccessWatch([target]) as access:
        result = runner.invoke(app, ["run", str(hostile), "-o", str(tmp_path / "out"), "--model", "tiny.en", "-q"])
        touched = access.poll()
    assert result.exit_code == 3, result.output
    # hush's demuxer list refuses it, or FFmpeg's HLS probe already would not take a playlist named .mp4
    cause = ("not a recognised audio or video file (corrupt or unsupported)" if name.startswith("hls-") and
             name.endswith(".mp4") else "refused: a playlist, file list or other format that makes FFmpeg "
             "read other files or devices")
    assert result.stderr.strip().splitlines()[-1] == f"hush: error: {hostile}: {cause}"
    assert touched == [] and os.listdir(tmp_path / "out") == []


def test_a_refused_file_list_is_one_line_from_the_command(tmp_path, recording):
    target = tmp_path / recording.name
    target.write_bytes(recording.read_bytes())
    hostile = tmp_path / "meeting.mp4"
    hostile.write_text(playlists(tmp_path, target)["concat-relative.mp4"])
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(hostile), "-o", str(tmp_path / "out"),
                           "--model", "tiny.en"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 3 and done.stdout == ""
    assert done.stderr.splitlines() == [f"hush: error: {hostile}: refused: a playlist, file list or other "
                                        "format that makes FFmpeg read other files or devices"]


def test_the_refused_demuxers_are_off_and_the_usual_ones_on():
    allowed = set(media.allowed_demuxers().split(","))
    assert not allowed & media.REFUSED_DEMUXERS
    assert {"wav", "flac", "mp3", "mov", "matroska", "ogg", "aac", "asf", "mpegts", "aiff", "caf"} <= allowed


@pytest.mark.parametrize("channels, rate, cause", [
    (200, 16000, "declares 200 audio channels (hush takes 1 to 64)"),
    (1, 10, "declares an audio sample rate of 10 Hz (hush takes 1000 to 768000)"),
    (1, 5_000_000, "declares an audio sample rate of 5000000 Hz (hush takes 1000 to 768000)"),
])
def test_absurd_headers_are_refused_before_decoding(tmp_path, channels, rate, cause):
    bomb = insane_wav(tmp_path / "bomb.wav", channels)
    if rate != 16000:
        data = bytearray(bomb.read_bytes())
        data[24:28] = rate.to_bytes(4, "little")  # the fmt chunk's sample rate
        bomb.write_bytes(data)
    with pytest.raises(InputError) as refused:
        media.probe(bomb, 3600)
    assert str(refused.value) == f"{bomb}: {cause}"


def test_max_duration_refuses_a_long_file_and_one_that_lies_about_its_length(tmp_path):
    flac = SAMPLE_AUDIO[0]
    result = runner.invoke(app, ["run", str(flac), "-o", str(tmp_path / "out"), "--model", "tiny.en", "-q",
                                 "--max-duration", "30s"])
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines()[-1] == \
        f"hush: error: {flac}: declares 53.2 s of audio, more than --max-duration (30 s)"
    liar = lying_flac(flac, tmp_path / "liar.flac", declared_seconds=2.0)
    assert media.probe(liar, 30).duration == pytest.approx(2.0)
    with pytest.raises(InputError, match=r"liar.flac: holds more than --max-duration \(30 s\) of audio"):
        media.decode(liar, 0, 30)
    assert len(media.decode(liar, 0, 3600)) / media.SAMPLE_RATE == pytest.approx(53.2, abs=0.1)
    assert os.listdir(tmp_path / "out") == []
    bad = runner.invoke(app, ["run", str(flac), "-o", str(tmp_path / "out"), "--max-duration", "soon"])
    assert isinstance(bad.exception, UsageError) and bad.exception.exit_code == 2
    assert "--max-duration must be seconds or a number with s, m or h" in str(bad.exception)


def test_a_named_pipe_given_as_input_is_an_error_not_a_hang(tmp_path):
    pipe = tmp_path / "call.wav"
    os.mkfifo(pipe)
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(
        runner.invoke(app, ["run", str(pipe), "-o", str(tmp_path / "out"), "--model", "tiny.en", "-q"])), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "hush run blocked on a named pipe"
    assert outcome[0].exit_code == 3
    assert f"{pipe}: not a regular file (a pipe, socket or device)" in outcome[0].stderr
