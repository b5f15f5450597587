"""`hush run --redact-media` with the real models: the redacted recordings no longer say the identifiers.

Each redacted recording is transcribed again with the same model (tiny.en). Every fake
identifier the text redactor caught in the original (a canary heard in the raw transcript but
absent from the sanitized `.txt`) must be absent from the new transcript; the signal is the
tone inside every span and sample-exact outside them; video streams are bit-identical.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import av
import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import CORPUS, SAMPLE_AUDIO, SAMPLES, sample_pii
from media_checks import TONE_HZ, TONE_LEVEL, as_float, decode_native, mask, packet_digests, tone_like
from media_factory import convert
from pipeline.cli import app
from pipeline.config import AsrOptions, RunOptions
from pipeline.process import Engines, transcribe_file
from pipeline.progress import Stopwatch

runner = CliRunner()
MODEL = "tiny.en"
# What the redactor caught when these tests were written; more is fine, fewer is a regression.
PRESIDIO_TODAY = {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
VIDEO_SAMPLE = SAMPLES / "therapy_intake_video.mp4"
NASA = CORPUS / "video_samples" / "nasa_13013.mp4"


def hush_run(out: Path, *inputs: Path, extra: tuple[str, ...] = ()) -> Path:
    result = runner.invoke(app, ["run", *map(str, inputs), "-o", str(out), "--model", MODEL, "-q", "--redact-media", *extra])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def engines() -> dict[int, Engines]:
    """One loaded model; an Engines per audio stream to transcribe."""
    first = Engines(RunOptions(asr=AsrOptions(model=MODEL)))
    return {0: first, 1: Engines(RunOptions(asr=AsrOptions(model=MODEL, audio_stream=1)), transcriber=first.transcriber)}


def heard(path: Path, engines: dict[int, Engines], audio_stream: int = 0) -> str:
    """The words tiny.en hears in one audio stream of `path`, lower case."""
    segments = transcribe_file(path, engines[audio_stream], True, Stopwatch()).segments
    return " ".join(w.text for s in segments for w in s.words).lower()


def caught(pii: list[dict], raw: str, sanitized: str) -> tuple[set[str], set[str]]:
    """(canaries the text redactor caught, canaries of the types it redacts today that were heard)."""
    sanitized = sanitized.lower()
    all_heard = {c.lower() for item in pii for c in item["canaries"] if c.lower() in raw}
    today = {c.lower() for item in pii if item["entity"] in PRESIDIO_TODAY for c in item["canaries"]} & all_heard
    return {c for c in all_heard if c not in sanitized}, today


@pytest.fixture(scope="module")
def samples_out(tmp_path_factory) -> Path:
    return hush_run(tmp_path_factory.mktemp("redacted-samples"), *SAMPLE_AUDIO)


def test_redacted_samples_no_longer_say_the_identifiers(samples_out, engines):
    checked = 0
    for audio in SAMPLE_AUDIO:
        redacted = samples_out / f"{audio.stem}.redacted.flac"
        raw, again = heard(audio, engines), heard(redacted, engines)
        hidden, today = caught(sample_pii(audio), raw, (samples_out / f"{audio.stem}.txt").read_text())
        assert len(hidden & today) >= 0.7 * len(today), (audio.name, "the text redactor missed", today - hidden)
        for canary in hidden:
            assert canary not in again, (audio.name, canary)
        checked += len(hidden)
        assert len(again.split()) > 0.5 * len(raw.split())  # the rest of the meeting is still there
    assert checked >= 12


def test_inside_each_span_the_tone_outside_the_original_samples(samples_out):
    for audio in SAMPLE_AUDIO:
        report = json.loads((samples_out / f"{audio.stem}.report.json").read_text())["media"]
        assert report["output"] == f"{audio.stem}.redacted.flac" and report["spans"] and not report["fallback"]
        before, rate = decode_native(audio)
        after, _ = decode_native(samples_out / report["output"])
        assert after.shape == before.shape and after.dtype == before.dtype == np.int16
        spans, n = report["spans"], before.shape[1]
        outside = ~mask(spans, rate, n, margin_s=2 / rate)
        assert np.array_equal(after[:, outside], before[:, outside]), audio.name
        inside = mask(spans, rate, n, margin_s=-2 / rate)
        tone = np.round(TONE_LEVEL * np.sin(2 * np.pi * TONE_HZ * np.arange(n) / rate) * 32768)
        assert np.abs(after[0, inside] - tone[inside]).max() <= 1, audio.name
        for start, end in spans:
            assert tone_like(as_float(after[0, round(start * rate):round(end * rate)]), rate)
        assert "biometric identifier" in report["notice"]


@pytest.fixture(scope="module")
def video_out(tmp_path_factory) -> Path:
    return hush_run(tmp_path_factory.mktemp("redacted-video"), VIDEO_SAMPLE,
                    extra=("--embed-captions", "--redact-mode", "silence"))


def test_the_synthetic_video_sample_silenced(video_out, engines):
    assert VIDEO_SAMPLE.stat().st_size < 1_000_000
    redacted = video_out / "therapy_intake_video.redacted.mp4"
    report = json.loads((video_out / "therapy_intake_video.report.json").read_text())["media"]
    assert (report["audio_streams"], report["video_streams_copied"], report["streams_dropped"]) == (2, 2, 2)
    before, after = packet_digests(VIDEO_SAMPLE), packet_digests(redacted)
    assert [d for d in after if d[0] == "video"] == [d for d in before if d[0] == "video"]
    assert [d[0] for d in after] == ["video", "audio", "video", "audio", "subtitle"]  # ours: sanitized captions
    assert b"Lopez" not in redacted.read_bytes() and b"555-123" not in redacted.read_bytes()
    for index in (0, 1):
        audio, rate = decode_native(redacted, index)
        for start, end in report["spans"]:
            piece = as_float(audio[:, round((start + 0.03) * rate):round((end - 0.03) * rate)])
            assert np.sqrt(np.mean(piece ** 2)) < 1e-3, (index, start)  # AAC's rendering of digital silence
    # both audio streams carry the same meeting: what the text redactor caught in the first
    hidden, today = caught(sample_pii(SAMPLES / "therapy_intake.flac"), heard(VIDEO_SAMPLE, engines),
                           (video_out / "therapy_intake_video.txt").read_text())
    assert hidden and len(hidden & today) >= 0.7 * len(today)
    for index in (0, 1):
        again = heard(redacted, engines, index)
        assert not [c for c in hidden if c in again], index
    captions = convert(redacted, video_out / "embedded.srt", "-map", "0:s:0").read_text()
    assert "[PERSON]" in captions and "lopez" not in captions.lower()


@pytest.mark.skipif(not NASA.is_file(), reason="../shared/corpus/video_samples is not here")
def test_nasa_video_two_video_two_audio_two_caption_streams(tmp_path, engines):
    out = hush_run(tmp_path, NASA)
    redacted = out / "nasa_13013.redacted.mp4"
    report = json.loads((out / "nasa_13013.report.json").read_text())["media"]
    assert report["spans"] and (report["audio_streams"], report["video_streams_copied"], report["streams_dropped"]) == (2, 2, 2)
    before, after = packet_digests(NASA), packet_digests(redacted)
    assert [d for d in after if d[0] == "video"] == [d for d in before if d[0] == "video"]
    assert [d[0] for d in after] == ["video", "audio", "video", "audio"]  # both caption streams dropped
    with av.open(str(redacted)) as container:
        assert [s.codec_context.sample_rate for s in container.streams.audio] == [8000, 16000]
    for index in (0, 1):
        audio, rate = decode_native(redacted, index)
        for start, end in report["spans"]:
            piece = as_float(audio.mean(axis=0)[round((start + 0.03) * rate):round((end - 0.03) * rate)])
            assert tone_like(piece, rate), (index, start)
    # the words the text redactor hid ("Greenbelt") are not in what the redacted audio says
    raw = heard(NASA, engines)
    sanitized = set(re.findall(r"[a-z']+", (out / "nasa_13013.txt").read_text().lower()))
    hidden = {w for w in re.findall(r"[a-z']+", raw) if w not in sanitized}
    assert hidden
    for index in (0, 1):
        again = set(re.findall(r"[a-z']+", heard(redacted, engines, index)))
        assert not hidden & again, index


def test_a_raw_stream_falls_back_to_wav_with_a_notice(tmp_path):
    clip = convert(SAMPLE_AUDIO[0], tmp_path / "call.aac", "-t", "12", "-c:a", "aac")
    result = runner.invoke(app, ["run", str(clip), "-o", str(tmp_path / "out"), "--model", MODEL, "--redact-media"])
    assert result.exit_code == 0, result.output
    assert (f"hush: notice: {clip}: hush cannot write its container (aac, .aac) back; "
            "the redacted recording is call.redacted.wav") in result.stderr.splitlines()
    report = json.loads((tmp_path / "out" / "call.report.json").read_text())["media"]
    assert report["output"] == "call.redacted.wav" and report["fallback"]
