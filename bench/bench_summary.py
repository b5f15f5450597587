"""Summary time as a share of transcription time, for the same recording.

    .venv/bin/python bench/bench_summary.py [--model tiny.en] [--repeat 3] [--rounds 20] [--device cpu]

The input is the bundled samples concatenated `--repeat` times (about 160 s of audio per
repeat). Transcription (decode + faster-whisper, model already loaded) runs once; the
summary of the redacted transcript runs `--rounds` times and the median counts. Target:
summary time at most 2% of transcription time. Also prints the summary's own speed in
seconds per hour of meeting.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench_run import ROOT, concatenated

from pipeline.config import AsrOptions, OutputOptions, RunOptions
from pipeline.process import Engines, transcribe_file
from pipeline.progress import Stopwatch
from pipeline.summarize import ExtractiveSummarizer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = concatenated(sorted((ROOT / "samples").glob("*.flac")), args.repeat, folder)
        engines = Engines(RunOptions(asr=AsrOptions(model=args.model, device=args.device),
                                     output=OutputOptions(out_dir=folder / "out")))
        engines.transcriber, engines.redactor  # load both before timing  # noqa: B018
        watch = Stopwatch()
        transcript = transcribe_file(path, engines, True, watch)
        transcribe_s = watch.seconds["decode"] + watch.seconds["transcribe"]
        redacted = engines.redactor.redact_transcript(transcript)
        summarizer = ExtractiveSummarizer()
        summary = summarizer.summarize(redacted)  # warm-up (imports, first numpy call)
        times = []
        for _ in range(args.rounds):
            began = time.perf_counter()
            summarizer.summarize(redacted)
            times.append(time.perf_counter() - began)
        summary_s = statistics.median(times)
        hours = transcript.duration / 3600
        items = sum(len(getattr(summary, f)) for f in ("purpose", "key_points", "decisions", "action_items",
                                                         "open_questions"))
        print(f"file: {transcript.duration:.1f} s of audio, model {engines.model.name}, "
              f"device {engines.transcriber.device}, {len(redacted.segments)} segments, {items} summary items")
        print(f"transcription (decode + ASR): {transcribe_s:.2f} s")
        print(f"summary ({args.rounds} rounds, median): {summary_s * 1000:.1f} ms   "
              f"({summary_s / hours:.3f} s per hour of meeting)")
        print(f"summary / transcription:      {100 * summary_s / transcribe_s:.2f} %   (target <= 2 %)")


if __name__ == "__main__":
    main()
