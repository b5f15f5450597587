"""hush run vs bare faster-whisper on the same file, same model and decoding options, one process.

    .venv/bin/python bench/bench_run.py [--model tiny.en] [--repeat N] [--rounds 3]

The input is the bundled samples concatenated `--repeat` times (about 160 s per repeat),
so fixed costs don't dominate. Both sides run with their models already loaded; the ratio
is hush's whole per-file time (decode, transcribe, redact, write every output) over bare
transcription (decode + faster-whisper segments and words). Target: at most 1.15.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from faster_whisper import WhisperModel, decode_audio

from pipeline import models
from pipeline.config import AsrOptions, OutputOptions, RunOptions
from pipeline.media import run_ffmpeg as ffmpeg
from pipeline.process import Engines, process_file

ROOT = Path(__file__).resolve().parent.parent


def concatenated(samples: list[Path], repeat: int, folder: Path) -> Path:
    listing = folder / "list.txt"
    listing.write_text("".join(f"file '{p}'\n" for p in samples * repeat))
    out = folder / "meeting.flac"
    ffmpeg("-f", "concat", "-safe", "0", "-i", str(listing), "-ar", "16000", "-ac", "1", str(out))
    return out


def bare(model: WhisperModel, path: Path, options: AsrOptions) -> float:
    began = time.perf_counter()
    audio = decode_audio(str(path), sampling_rate=16000)
    segments, _ = model.transcribe(audio, language="en", beam_size=options.beam_size, vad_filter=True,
                                   word_timestamps=True, condition_on_previous_text=False)
    for segment in segments:
        _ = segment.words
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = concatenated(sorted((ROOT / "samples").glob("*.flac")), args.repeat, folder)
        asr = AsrOptions(model=args.model, device="cpu")
        resolved = models.resolve(args.model)
        whisper = WhisperModel(str(resolved.path), device="cpu", compute_type="int8", cpu_threads=asr.cpu_threads)
        engines = Engines(RunOptions(asr=asr, output=OutputOptions(out_dir=folder / "out")))
        engines.redactor, engines.transcriber  # load both before timing  # noqa: B018
        bare_times, hush_times = [], []
        for _ in range(args.rounds):  # interleaved, so drift in machine load hits both sides
            bare_times.append(bare(whisper, path, asr))
            began = time.perf_counter()
            result = process_file(path, engines)
            hush_times.append(time.perf_counter() - began)
        b, h = statistics.median(bare_times), statistics.median(hush_times)
        print(f"file: {result.duration:.1f} s of audio, model {resolved.name}, {args.rounds} rounds (median)")
        print(f"bare faster-whisper: {b:.2f} s   (RTF {b / result.duration:.3f})")
        print(f"hush run:            {h:.2f} s   (RTF {h / result.duration:.3f})")
        print(f"ratio hush / bare:   {h / b:.3f}   (target <= 1.15)")


if __name__ == "__main__":
    main()
