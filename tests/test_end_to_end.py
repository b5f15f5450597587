"""`hush run` with the real models on the committed samples: outputs valid, identifiers gone."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_AUDIO, sample_pii
from media_factory import convert
from pipeline import models
from pipeline.cli import app
from pipeline.config import AsrOptions, RunOptions
from pipeline.process import Engines, transcribe_file
from pipeline.progress import Stopwatch

runner = CliRunner()
KINDS = (".txt", ".srt", ".vtt", ".json", ".summary.md", ".report.json")
# Safe Harbor keeps the year of a date, so a bare year is no leak (the month and day are).
_YEAR = re.compile(r"^(19|20)\d\d$")
_HEX_DIGEST = re.compile(r"\b[0-9a-f]{64}\b")
SRT_TIMING = re.compile(r"^(\d\d):(\d\d):(\d\d),(\d\d\d) --> (\d\d):(\d\d):(\d\d),(\d\d\d)$")
VTT_TIMING = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$")


def canaries(audio: Path) -> list[str]:
    """Every fake identifier of the sample: names, phones, e-mails, addresses, dates (not bare years)."""
    return sorted({c for item in sample_pii(audio) for c in item["canaries"] if not _YEAR.match(c)})


def base_model_or_skip() -> str:
    store = Path(__file__).resolve().parent.parent / "models"
    if not (store / "base" / models.MANIFEST).is_file():
        pytest.skip("Whisper base not installed here (make test installs it)")
    return str(store / "base")


@pytest.fixture(scope="module", params=["tiny.en", "base"])
def run_outputs(request, tmp_path_factory):
    model = request.param if request.param == "tiny.en" else base_model_or_skip()
    out = tmp_path_factory.mktemp(f"out-{request.param}")
    result = runner.invoke(app, ["run", *map(str, SAMPLE_AUDIO), "-o", str(out), "--model", model, "--quiet"])
    assert result.exit_code == 0, result.output
    return model, out


def parse_cues(text: str, timing: re.Pattern, numbered: bool) -> list[tuple[float, float, list[str]]]:
    blocks = text.strip("\n").split("\n\n")
    if timing is VTT_TIMING:
        assert blocks.pop(0) == "WEBVTT"
    cues = []
    for n, block in enumerate(blocks, start=1):
        lines = block.split("\n")
        if numbered:
            assert lines.pop(0) == str(n)
        match = timing.match(lines.pop(0))
        assert match, block
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, match.groups())
        cues.append((h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000, lines))
    return cues


def test_every_output_exists_and_opens(run_outputs):
    _, out = run_outputs
    for audio in SAMPLE_AUDIO:
        for kind in KINDS:
            assert (out / f"{audio.stem}{kind}").stat().st_size > 0
        document = json.loads((out / f"{audio.stem}.json").read_text())
        assert document["segments"] and document["language"] == "en"
        assert all(w["start"] <= w["end"] for s in document["segments"] for w in s["words"])
        report = json.loads((out / f"{audio.stem}.report.json").read_text())
        assert report["input"] == audio.name and report["duration"] > 30
        assert sum(report["entities"].values()) == len(document["entities"]) > 0
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temp files left behind"


def test_captions_validate(run_outputs):
    _, out = run_outputs
    for audio in SAMPLE_AUDIO:
        for ext, timing, numbered in (("srt", SRT_TIMING, True), ("vtt", VTT_TIMING, False)):
            cues = parse_cues((out / f"{audio.stem}.{ext}").read_text(), timing, numbered)
            assert len(cues) >= 5
            previous_end = 0.0
            for start, end, lines in cues:
                assert previous_end <= start < end and end - start <= 7.5
                assert 1 <= len(lines) <= 2 and all(0 < len(line) <= 42 for line in lines)
                previous_end = end


def test_no_identifier_survives_in_any_output(run_outputs):
    model, out = run_outputs
    engines = Engines(RunOptions(asr=AsrOptions(model=model)))
    heard, total = 0, 0
    for audio in SAMPLE_AUDIO:
        raw = " ".join(w.text for s in transcribe_file(audio, engines, True, Stopwatch()).segments for w in s.words)
        outputs = " ".join(_HEX_DIGEST.sub("", (out / f"{audio.stem}{kind}").read_text()) for kind in KINDS)
        for canary in canaries(audio):
            total += 1
            heard += canary.lower() in raw.lower()
            assert canary.lower() not in outputs.lower(), (audio.name, canary)
    # The check means something only if the recognizer really heard the identifiers.
    assert heard >= 0.7 * total, f"only {heard}/{total} canaries in the raw transcripts"


@pytest.fixture(scope="module")
def short_clip(tmp_path_factory):
    """The first 12 s of a sample, for quick CLI runs."""
    folder = tmp_path_factory.mktemp("clip")
    return convert(SAMPLE_AUDIO[0], folder / "clip.wav", "-t", "12")


def test_one_bad_file_does_not_stop_the_others(tmp_path, short_clip):
    bad = tmp_path / "broken.wav"
    bad.write_text("not audio")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(bad), str(short_clip), "-o", str(out), "--model", "tiny.en", "-q"])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(f"clip{k}" for k in KINDS)
    assert f"{bad}: not a recognised audio or video file" in result.stderr


def test_unwritable_output_folder_is_exit_3_and_writes_nothing(tmp_path, short_clip):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = runner.invoke(app, ["run", str(short_clip), "-o", str(blocker / "out"), "--model", "tiny.en", "-q"])
    assert result.exception.exit_code == 3 and "cannot create output folder" in str(result.exception)
    assert not (blocker / "out").exists()


def test_cli_error_is_one_line_without_traceback(tmp_path):
    empty = tmp_path / "empty file.wav"
    empty.write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(empty), "-o", str(tmp_path / "o"),
                           "--model", "tiny.en"], capture_output=True, text=True)
    assert done.returncode == 3
    assert done.stderr.strip().splitlines() == [f"hush: error: {empty}: empty file (0 bytes)"]
    assert not list((tmp_path / "o").iterdir())


def test_second_audio_stream_of_a_video(tmp_path):
    from media_factory import two_audio_streams

    video = two_audio_streams(SAMPLE_AUDIO[0], tmp_path / "meeting.mp4")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(video), "-o", str(out), "--model", "tiny.en", "-q", "--audio-stream", "1"])
    assert result.exit_code == 0, result.output
    assert len((out / "meeting.txt").read_text().split()) > 50
