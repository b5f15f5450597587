"""Redacted media without the models: spans, the ffmpeg run, containers, fallbacks, failures.

Real audio (a clip of a sample meeting) and real ffmpeg, both the one on PATH and the one
inside imageio-ffmpeg; the transcript is made by hand, so each span is known exactly.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_AUDIO, SAMPLES, FakeTranscriber
from media_checks import (TONE_HZ, TONE_LEVEL, as_float, decode_native, mask, packet_digests, tone_like,
                          transcript)
from media_factory import convert, with_video
from pipeline import media, media_redact, outputs
from pipeline.cli import app
from pipeline.config import MediaOptions, OutputOptions, RedactOptions, RunOptions
from pipeline.errors import OutputError
from pipeline.media_spans import plan_spans
from pipeline.process import Engines, process_file
from pipeline.redact import Redactor
from pipeline.types import RedactedSegment, RedactedTranscript, Token

runner = CliRunner()
REDACTIONS = [(1.0, 1.6), (3.2, 4.0), (6.5, 6.9)]
VIDEO_SAMPLE = SAMPLES / "therapy_intake_video.mp4"


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    """8 s of a sample meeting as 16 kHz mono 16-bit WAV."""
    return convert(SAMPLE_AUDIO[0], tmp_path_factory.mktemp("clip") / "clip.wav", "-t", "8")


@pytest.fixture(params=["PATH", "imageio-ffmpeg"])
def ffmpeg_from(request, monkeypatch) -> str:
    """Run the test with the ffmpeg on PATH, then with the one inside the imageio-ffmpeg wheel."""
    if request.param == "imageio-ffmpeg":
        monkeypatch.setattr(media.shutil, "which", lambda name: None)
    elif shutil.which("ffmpeg") is None:
        pytest.skip("no ffmpeg on PATH")
    return media.ffmpeg_binary()


def redact(source: Path, out: Path, redactions=REDACTIONS, **settings) -> media_redact.MediaOutput:
    """Stage and commit the redacted copy of `source` for a hand-made transcript."""
    out.mkdir(exist_ok=True)
    options = RunOptions(output=OutputOptions(out_dir=out), media=MediaOptions(enabled=True, **settings))
    fake = transcript(redactions, duration=10.0)
    with outputs.staged(out) as pending:
        result = media_redact.stage(pending, source, source.stem, fake, options)
    return result


def span_samples(spans, rate: int, shrink_s: float) -> list[slice]:
    return [slice(round((start + shrink_s) * rate), round((end - shrink_s) * rate)) for start, end in spans]


# --- spans -----------------------------------------------------------------------------------

def test_spans_are_padded_clamped_and_close_ones_merge():
    fake = transcript([(0.05, 0.5), (1.0, 1.5), (1.75, 2.0), (3.0, 3.4), (3.65, 3.8)], duration=10)
    plan = plan_spans(fake, MediaOptions(enabled=True, pad_ms=100))
    # 1.5→1.75 pads to a 50 ms gap (< pad): merged; 3.4→3.65 leaves 50 ms too; 0.05 clamps at 0
    assert plan.spans == ((0.0, 0.6), (0.9, 2.1), (2.9, 3.9))
    assert (plan.redactions, plan.widened) == (5, 0)
    apart = plan_spans(transcript([(1.0, 1.5), (1.85, 2.0)], 10), MediaOptions(enabled=True, pad_ms=100))
    assert apart.spans == ((0.9, 1.6), (1.75, 2.1))
    unpadded = plan_spans(transcript([(1.0, 1.5), (1.5, 2.0)], 10), MediaOptions(enabled=True, pad_ms=0))
    assert unpadded.spans == ((1.0, 2.0),)


def segment(*tokens: Token, start: float = 10.0, end: float = 14.0) -> RedactedSegment:
    return RedactedSegment(start, end, tokens)


@pytest.mark.parametrize("label, tokens", [
    ("zero length", (Token("a", 10.0, 10.5), Token("[PERSON]", 11.0, 11.0, "PERSON"), Token("b", 11.0, 11.4))),
    ("overlaps the next word", (Token("[PERSON]", 11.0, 11.8, "PERSON"), Token("b", 11.3, 11.6))),
    ("overlaps the previous word", (Token("a", 10.0, 11.5), Token("[PERSON]", 11.0, 11.8, "PERSON"))),
    ("longer than a few seconds", (Token("a", 10.0, 10.2), Token("[PERSON]", 10.2, 13.9, "PERSON"))),
])
def test_suspicious_word_timings_widen_to_the_segment(label, tokens):
    fake = RedactedTranscript("f", 20, "en", "m", "hipaa", "tag", (segment(*tokens),))
    plan = plan_spans(fake, MediaOptions(enabled=True, pad_ms=100))
    assert plan.spans == ((9.9, 14.1),) and plan.widened == 1, label


def test_plausible_timings_are_not_widened():
    tokens = (Token("a", 10.0, 10.4), Token("[PHONE_NUMBER]", 10.4, 14.0, "PHONE_NUMBER", word_count=4),
              Token(".", 14.0, 14.0), Token("b", 14.0, 14.3))
    fake = RedactedTranscript("f", 20, "en", "m", "hipaa", "tag", (segment(*tokens, end=14.3),))
    plan = plan_spans(fake, MediaOptions(enabled=True, pad_ms=50))
    assert plan.spans == ((10.35, 14.05),) and plan.widened == 0


# --- the signal ------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["beep", "silence"])
@pytest.mark.parametrize("ext", [".wav", ".flac"])
def test_lossless_output_is_tone_inside_and_sample_exact_outside(tmp_path, clip, ffmpeg_from, mode, ext):
    source = convert(clip, tmp_path / f"in{ext}")
    result = redact(source, tmp_path / "out", mode=mode)
    assert result.target == tmp_path / "out" / f"in.redacted{ext}" and result.notices == ()
    before, rate = decode_native(source)
    after, after_rate = decode_native(result.target)
    assert (after_rate, after.dtype, after.shape) == (rate, before.dtype, before.shape)
    spans = result.report["spans"]
    assert len(spans) == len(REDACTIONS)
    outside = ~mask(spans, rate, before.shape[1], margin_s=2 / rate)
    assert np.array_equal(after[:, outside], before[:, outside])
    inside = mask(spans, rate, before.shape[1], margin_s=-2 / rate)
    n = np.arange(before.shape[1])
    expected = np.round(TONE_LEVEL * np.sin(2 * np.pi * TONE_HZ * n / rate) * 32768) if mode == "beep" else 0 * n
    assert np.abs(after[0, inside] - expected[inside]).max() <= 1
    for piece in span_samples(spans, rate, 0.0):
        assert tone_like(as_float(after[0, piece]), rate) if mode == "beep" else not after[0, piece].any()


def test_bit_depth_rate_and_channels_are_kept(tmp_path, clip):
    for name, codec in (("deep.wav", ("-c:a", "pcm_s24le")), ("deep.flac", ("-sample_fmt", "s32"))):
        source = convert(clip, tmp_path / name, "-ar", "44100", "-ac", "2", *codec)
        result = redact(source, tmp_path / "out")
        before, rate = decode_native(source)
        after, _ = decode_native(result.target)
        with av.open(str(source)) as a, av.open(str(result.target)) as b:
            assert [(s.codec_context.name, s.codec_context.format.name, s.codec_context.sample_rate, s.codec_context.layout.name)
                    for s in (a.streams.audio[0], b.streams.audio[0])] == [("pcm_s24le" if name.endswith("wav") else "flac",
                                                                            "s32", 44100, "stereo")] * 2
        outside = ~mask(result.report["spans"], rate, before.shape[1], margin_s=2 / rate)
        assert np.array_equal(after[:, outside], before[:, outside])


def test_hundreds_of_spans_are_one_ffmpeg_run(tmp_path, ffmpeg_from, monkeypatch):
    source = tmp_path / "long.wav"
    media.run_ffmpeg("-f", "lavfi", "-i", "anoisesrc=d=900:r=8000:a=0.2:seed=7", "-c:a", "pcm_s16le", str(source))
    redactions = [(0.4 * i + 0.1, 0.4 * i + 0.2) for i in range(2200)]  # a filter graph > 128 KiB
    calls = []
    real = media.run_ffmpeg
    monkeypatch.setattr(media, "run_ffmpeg", lambda *args: (calls.append(args), real(*args))[1])
    result = redact(source, tmp_path / "out", redactions, pad_ms=20)
    assert len(calls) == 1 and len(result.report["spans"]) == 2200
    before, rate = decode_native(source)
    after, _ = decode_native(result.target)
    outside = ~mask(result.report["spans"], rate, before.shape[1], margin_s=2 / rate)
    assert np.array_equal(after[:, outside], before[:, outside])
    inside = mask(result.report["spans"], rate, before.shape[1], margin_s=-2 / rate)
    expected = np.round(TONE_LEVEL * np.sin(2 * np.pi * TONE_HZ * np.arange(before.shape[1]) / rate) * 32768)
    assert np.abs(after[0, inside] - expected[inside]).max() <= 1


# --- containers ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, codec", [
    ("a.mp3", ()), ("a.m4a", ("-c:a", "aac")), ("a.ogg", ("-c:a", "libvorbis")), ("a.opus", ("-c:a", "libopus")),
    ("a.mka", ("-c:a", "flac")), ("a.aiff", ()),
])
def test_audio_containers_are_written_back(tmp_path, clip, name, codec):
    source = convert(clip, tmp_path / name, *codec)
    result = redact(source, tmp_path / "out")
    assert result.target.name == f"a.redacted{source.suffix}" and not result.report["fallback"]
    with av.open(str(source)) as a, av.open(str(result.target)) as b:
        assert b.format.name == a.format.name
        sa, sb = a.streams.audio[0].codec_context, b.streams.audio[0].codec_context
        assert (sb.codec.canonical_name, sb.sample_rate, sb.layout.name) == (sa.codec.canonical_name, sa.sample_rate, sa.layout.name)
    after, rate = decode_native(result.target)
    for piece in span_samples(result.report["spans"], rate, 0.03):
        assert tone_like(as_float(after[0, piece]), rate), name


@pytest.mark.parametrize("name, codec", [("v.mp4", "aac"), ("v.mkv", "aac"), ("v.mov", "aac"), ("v.webm", "libopus")])
def test_video_streams_are_copied_and_audio_redacted(tmp_path, clip, name, codec):
    source = with_video(clip, tmp_path / name, codec)
    result = redact(source, tmp_path / "out")
    assert result.target.suffix == source.suffix and result.report["video_streams_copied"] == 1
    before, after = packet_digests(source), packet_digests(result.target)
    assert [d for d in after if d[0] == "video"] == [d for d in before if d[0] == "video"]
    audio, rate = decode_native(result.target)
    for piece in span_samples(result.report["spans"], rate, 0.03):
        assert tone_like(as_float(audio[0, piece]), rate), name


def test_tags_chapters_and_subtitles_are_dropped(tmp_path):
    source = VIDEO_SAMPLE
    assert b"Maria Lopez" in source.read_bytes()  # in its tags, chapter title and subtitle track
    result = redact(source, tmp_path / "out")
    assert b"Lopez" not in result.target.read_bytes() and b"555-123" not in result.target.read_bytes()
    with av.open(str(result.target)) as out:
        assert [s.type for s in out.streams] == ["video", "audio", "video", "audio"]
        assert not {"title", "comment", "artist"} & set(out.metadata)
        assert not any("title" in s.metadata for s in out.streams)
    assert result.report["streams_dropped"] == 2 and result.report["audio_streams"] == 2
    before, after = packet_digests(source), packet_digests(result.target)
    assert [d for d in after if d[0] == "video"] == [d for d in before if d[0] == "video"]
    for index in (0, 1):
        audio, rate = decode_native(result.target, index)
        for piece in span_samples(result.report["spans"], rate, 0.03):
            assert tone_like(as_float(audio.mean(axis=0)[piece]), rate)


def first_packet_time(path: Path, kind: str) -> float:
    """Time of the first packet of the first `kind` stream that carries data (mov_text pads with 2-byte ones)."""
    with av.open(str(path)) as container:
        stream = next(s for s in container.streams if s.type == kind)
        packet = next(p for p in container.demux(stream) if p.size > 2)
        return float(packet.pts * stream.time_base)


@pytest.mark.parametrize("name, codec, subtitle", [("v.mp4", "aac", "mov_text"), ("v.mkv", "aac", "subrip"),
                                                   ("v.webm", "libopus", "webvtt")])
def test_embedded_captions_are_the_sanitized_ones(tmp_path, clip, ffmpeg_from, name, codec, subtitle):
    source = with_video(clip, tmp_path / name, codec)
    result = redact(source, tmp_path / "out", embed_captions=True)
    assert result.report["captions_embedded"] and result.notices == ()
    with av.open(str(result.target)) as out:
        assert [s.codec_context.codec.canonical_name for s in out.streams.subtitles] == [subtitle]
    # the first cue ("said", 0.7 s) keeps its place against the picture, whatever the muxer shifts
    moved = first_packet_time(result.target, "video") - first_packet_time(source, "video")
    assert abs(first_packet_time(result.target, "subtitle") - moved - 0.7) < 0.01
    text = convert(result.target, tmp_path / "captions.srt", "-map", "0:s:0").read_text()
    assert text.count("said [PERSON] today.") == len(REDACTIONS)


def test_captions_in_an_audio_file_are_a_notice(tmp_path, clip):
    result = redact(convert(clip, tmp_path / "a.flac"), tmp_path / "out", embed_captions=True)
    assert not result.report["captions_embedded"]
    assert result.notices == ("captions not embedded: a .flac file has no subtitle track",)


# --- fallbacks -------------------------------------------------------------------------------

def test_raw_audio_stream_falls_back_to_wav(tmp_path, clip):
    source = convert(clip, tmp_path / "raw.aac", "-c:a", "aac")
    result = redact(source, tmp_path / "out")
    assert result.target.name == "raw.redacted.wav" and result.report["fallback"]
    assert result.notices == ("hush cannot write its container (aac, .aac) back; the redacted recording is raw.redacted.wav",)
    after, rate = decode_native(result.target)
    assert rate == 16000 and after.dtype == np.int16
    for piece in span_samples(result.report["spans"], rate, 0.03):
        assert tone_like(as_float(after[0, piece]), rate)


def test_video_the_container_cannot_hold_falls_back_to_mkv(tmp_path, clip):
    odd = with_video(clip, tmp_path / "odd.mkv", "flac")
    source = odd.rename(tmp_path / "odd.webm")  # webm holds neither mpeg4 video nor flac: ffmpeg refuses
    result = redact(source, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["odd.redacted.mkv"]
    assert result.notices == ("hush cannot write its container (matroska, .webm) back; "
                              "the redacted recording is odd.redacted.mkv",)
    before, after = packet_digests(source), packet_digests(result.target)
    assert [d for d in after if d[0] == "video"] == [d for d in before if d[0] == "video"]


# --- through process_file and the CLI --------------------------------------------------------

class FakeRedactor(Redactor):
    """Redacts the second word of every segment; loads no model."""

    def __init__(self) -> None:
        self.options = RedactOptions()

    def redact_transcript(self, raw, names=None) -> RedactedTranscript:
        segments = []
        for seg in raw.segments:
            tokens = tuple(Token("[PERSON]", w.start, w.end, "PERSON", 0.9) if i == 1 else Token(w.text, w.start, w.end)
                           for i, w in enumerate(seg.words))
            segments.append(RedactedSegment(seg.start, seg.end, tokens))
        return RedactedTranscript(raw.source, raw.duration, raw.language, raw.model, "hipaa", "tag", tuple(segments))


def fake_engines(out: Path, **settings) -> Engines:
    options = RunOptions(output=OutputOptions(out_dir=out), media=MediaOptions(enabled=True, **settings))
    return Engines(options, transcriber=FakeTranscriber(["my name is here", "call me later please"]),
                   redactor=FakeRedactor())


def test_report_describes_the_redacted_recording(tmp_path, clip):
    result = process_file(clip, fake_engines(tmp_path / "out", pad_ms=50))
    assert tmp_path / "out" / "clip.redacted.wav" in result.outputs and result.notices == ()
    report = json.loads((tmp_path / "out" / "clip.report.json").read_text())
    media_report = report["media"]
    assert media_report["output"] == "clip.redacted.wav" and media_report["redactions"] == 2
    assert media_report["spans"] == [[0.35, 0.77], [3.37, 3.79]] and media_report["widened"] == 0
    assert "biometric identifier" in media_report["notice"] and "not de-identified" in media_report["notice"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_a_failed_media_run_leaves_no_output_at_all(tmp_path, clip, monkeypatch):
    def broken(*args):
        raise subprocess.CalledProcessError(1, "ffmpeg", stderr=b"Conversion failed!\n")

    monkeypatch.setattr(media, "run_ffmpeg", broken)
    with pytest.raises(OutputError, match="cannot write the redacted recording \\(ffmpeg: Conversion failed!\\)"):
        process_file(clip, fake_engines(tmp_path / "out"))
    assert list((tmp_path / "out").iterdir()) == []


def test_bad_inputs_fail_as_without_redact_media(tmp_path):
    from test_media import bad_inputs

    out = tmp_path / "out"
    for label, (path, cause) in bad_inputs(tmp_path).items():
        result = runner.invoke(app, ["run", str(path), "-o", str(out), "--model", "tiny.en", "-q", "--redact-media"])
        assert result.exit_code == 3 and f"hush: error: {path}: {cause}" in result.stderr, label
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("args, message", [
    (["--redact-mode", "bleep"], "--redact-mode must be one of beep, silence"),
    (["--pad-ms", "-5"], "--pad-ms must be between 0 and 5000"),
    (["--embed-captions"], "--embed-captions needs --redact-media"),
])
def test_bad_media_options_are_usage_errors(tmp_path, clip, args, message):
    result = runner.invoke(app, ["run", str(clip), "-o", str(tmp_path), "--model", "tiny.en", *args])
    assert result.exit_code == 2 or getattr(result.exception, "exit_code", None) == 2
    assert message in (result.output + str(result.exception))


def test_run_help_documents_the_media_options():
    result = runner.invoke(app, ["run", "--help"], terminal_width=200)
    for option in ("--redact-media", "--redact-mode", "--pad-ms", "--embed-captions"):
        assert option in result.output
