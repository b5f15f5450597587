"""Cost of `--redact-media` as a ratio to transcription time, on a ~30-minute recording.

    .venv/bin/python bench/bench_media.py [--model tiny.en] [--minutes 30] [--rounds 3]
                                          [--transcribe-minutes M] [--no-video]

The input is the bundled samples concatenated to at least `--minutes` (16 kHz mono FLAC, as
they are). hush transcribes and redacts it once with the real models; then the redacted
recording is written `--rounds` times (median): the whole media step of `hush run
--redact-media`, i.e. span planning, probing, one ffmpeg run and staging, as timed in the
report's ``media.seconds``. The same is done for an mp4 holding the same speech as 48 kHz
stereo AAC beside a small video stream (the heavier, common case), against the same
transcription time. Target: ratio at most 0.10.

`--transcribe-minutes M` transcribes only the first M minutes and scales the time up
linearly (says so in the output); by default the whole file is transcribed.
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
import time
from pathlib import Path

from pipeline import media, media_redact, models, outputs
from pipeline.config import AsrOptions, MediaOptions, OutputOptions, RunOptions
from pipeline.media import run_ffmpeg as ffmpeg
from pipeline.process import Engines, transcribe_file
from pipeline.progress import Stopwatch

ROOT = Path(__file__).resolve().parent.parent


def concatenated(samples: list[Path], minutes: float, folder: Path) -> Path:
    """The samples, repeated until the file lasts at least `minutes`."""
    one_round = sum(len(media.decode(p)) / media.SAMPLE_RATE for p in samples)
    listing = folder / "list.txt"
    listing.write_text("".join(f"file '{p}'\n" for p in samples * math.ceil(minutes * 60 / one_round)))
    out = folder / "meeting.flac"
    ffmpeg("-f", "concat", "-safe", "0", "-i", str(listing), "-c:a", "flac", str(out))
    return out


def as_video(audio: Path, folder: Path) -> Path:
    """The same speech as 48 kHz stereo AAC in an mp4 with a small video stream."""
    out = folder / "meeting.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x90:rate=5", "-i", str(audio), "-shortest", "-map", "0:v",
           "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "96k", "-ar", "48000",
           "-ac", "2", str(out))
    return out


def media_seconds(source: Path, redacted, options: RunOptions, rounds: int) -> tuple[float, dict]:
    """Median wall time of the media step, and its report."""
    times, report = [], {}
    for _ in range(rounds):
        began = time.perf_counter()
        with outputs.staged(options.output.out_dir) as pending:
            report = media_redact.stage(pending, source, redacted, options).report
        times.append(time.perf_counter() - began)
    return statistics.median(times), report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--transcribe-minutes", type=float, default=None)
    parser.add_argument("--no-video", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = concatenated(sorted((ROOT / "samples").glob("*.flac")), args.minutes, folder)
        options = RunOptions(asr=AsrOptions(model=args.model, device="cpu"),
                             output=OutputOptions(out_dir=folder / "out"), media=MediaOptions(enabled=True))
        options.output.out_dir.mkdir()
        engines = Engines(options)
        engines.transcriber, engines.redactor  # load both before timing  # noqa: B018
        duration = len(media.decode(path)) / media.SAMPLE_RATE

        watch = Stopwatch()
        transcript = transcribe_file(path, engines, True, watch)
        transcribe_s = watch.seconds["transcribe"]
        note = ""
        if args.transcribe_minutes:  # time a slice, scale to the whole file
            piece = folder / "slice.flac"
            ffmpeg("-i", str(path), "-t", str(args.transcribe_minutes * 60), str(piece))
            watch = Stopwatch()
            transcribe_file(piece, engines, True, watch)
            transcribe_s = watch.seconds["transcribe"] * duration / (args.transcribe_minutes * 60)
            note = f" (measured on the first {args.transcribe_minutes:g} min, scaled)"
        redacted = engines.redactor.redact_transcript(transcript)

        print(f"file: {duration / 60:.1f} min of audio, model {models.resolve(args.model).name}, "
              f"{len(redacted.entities)} redactions")
        print(f"transcription:                  {transcribe_s:7.2f} s{note}")
        cases = [("flac, 16 kHz mono", path)]
        if not args.no_video:
            cases.append(("mp4, 48 kHz stereo AAC + video", as_video(path, folder)))
        for label, source in cases:
            seconds, report = media_seconds(source, redacted, options, args.rounds)
            print(f"--redact-media, {label:<31} {seconds:7.2f} s   ratio {seconds / transcribe_s:.3f}   "
                  f"({len(report['spans'])} spans, {report['widened']} widened, median of {args.rounds})")
        print("target: ratio <= 0.10")


if __name__ == "__main__":
    main()
