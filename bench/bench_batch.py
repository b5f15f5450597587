"""Throughput of `hush batch` with 1 and 2 workers, and the watcher's per-file overhead.

    .venv/bin/python bench/bench_batch.py [--model tiny.en] [--files 24] [--seconds 20] [--drops 10] [--watch-only]

1. `hush batch` (a separate process each time, as a user runs it) over the same set of
   `--files` clips of `--seconds` cut from the samples, with ``--workers 1`` and then 2.
   End to end: wall time of the command, start-up and model loading included. After
   start-up: the same files through a `PoolExecutor` of 1 and of 2 workers whose models are
   already loaded (what a long batch converges to). The ratio is 1 worker's time over 2's.
2. `hush watch --settle 0`: once its models are loaded (its ``event=ready`` line), `--drops`
   files are dropped one at a time (written under a partial-upload name, then renamed),
   each after the previous one's original has reached ``processed/``. The overhead of a
   file is the time from its rename to its original in ``processed/``, less the processing
   time the watcher logs for it (``process_s``): noticing, settling, opening and hashing it,
   the state file's commits, the private copy the worker reads, handing it to the worker
   and back, and moving the original. ``--watch-only`` measures just this.
   Target: under 0.5 s per file. (``--settle`` is a wait the user chooses, so it is 0 here.)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.media import run_ffmpeg  # noqa: E402


def clips(folder: Path, count: int, seconds: float) -> list[Path]:
    """`count` distinct clips: windows of the samples, in turn."""
    samples = sorted((ROOT / "samples").glob("*.flac"))
    folder.mkdir(parents=True)
    made = []
    for n in range(count):
        start = 1.0 + (n // len(samples)) * 3.0
        clip = folder / f"clip{n:02d}.flac"
        run_ffmpeg("-ss", f"{start}", "-t", f"{seconds}", "-i", str(samples[n % len(samples)]), str(clip))
        made.append(clip)
    return made


def hush(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=ROOT, **kwargs)


def batch_wall(inputs: Path, out: Path, workers: int, model: str) -> float:
    began = time.perf_counter()
    code = hush("batch", str(inputs), "-o", str(out), "--workers", str(workers), "--model", model, "-q").wait()
    wall = time.perf_counter() - began
    if code != 0:
        raise SystemExit(f"hush batch --workers {workers} exited {code}")
    return wall


def warm_pool_wall(set_: list[Path], out: Path, workers: int, model: str) -> float:
    from pipeline.config import AsrOptions, OutputOptions, RunOptions
    from pipeline.workers import FAILED, PoolExecutor

    options = RunOptions(asr=AsrOptions(model=model, device="cpu"), output=OutputOptions(out_dir=out))
    out.mkdir(parents=True)
    with PoolExecutor(options, workers, force=True) as executor:
        executor.start()
        began = time.perf_counter()
        failed = [o for o in executor.map_unordered(set_) if o.status == FAILED]
        wall = time.perf_counter() - began
    if failed:
        raise SystemExit(f"{len(failed)} file(s) failed: {failed[0].error}")
    return wall


def watcher_overhead(set_: list[Path], folder: Path, drops: int, model: str) -> dict[str, float]:
    inbox, out, log = folder / "inbox", folder / "out", folder / "watch.log"
    inbox.mkdir(parents=True)
    with log.open("wb") as handle:
        proc = hush("watch", str(inbox), "-o", str(out), "--settle", "0", "--model", model,
                    stdout=subprocess.DEVNULL, stderr=handle)
    try:
        deadline = time.monotonic() + 120
        while "event=ready" not in log.read_text():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the watcher did not start:\n{log.read_text()}")
            time.sleep(0.05)
        totals = []
        for clip in set_[:drops]:  # distinct contents: the same bytes twice would be a duplicate
            name = f"drop{len(totals):02d}-{clip.name}"
            partial = inbox / f"{name}.part"
            shutil.copyfile(clip, partial)
            began = time.perf_counter()
            os.rename(partial, inbox / name)
            while not (inbox / "processed" / name).exists():
                time.sleep(0.005)
            totals.append((name, time.perf_counter() - began))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    text = log.read_text()
    process = {m[1]: float(m[2]) for m in re.finditer(r"event=done file=(\S+) .*?process_s=([\d.]+)", text)
               if m[1]}
    logged = [float(m) for m in re.findall(r"event=done .*overhead_s=([\d.]+)", text)]
    overhead = [total - process[name] for name, total in totals]
    return {"files": len(totals), "mean_s": statistics.mean(overhead), "max_s": max(overhead),
            "median_s": statistics.median(overhead), "dispatch_to_done_mean_s": statistics.mean(logged),
            "process_mean_s": statistics.mean(process.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--drops", type=int, default=10)
    parser.add_argument("--watch-only", action="store_true", help="only the watcher's per-file overhead")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        set_ = clips(folder / "set", args.files, args.seconds)
        audio = args.files * args.seconds
        if args.watch_only:
            overhead = watcher_overhead(set_, folder / "watch", args.drops, args.model)
            print(json.dumps({"watch": overhead}))
            return
        walls = {w: batch_wall(folder / "set", folder / f"out-{w}", w, args.model) for w in (1, 2)}
        for workers, wall in walls.items():
            print(f"hush batch --workers {workers}: {args.files} files, {audio:.0f} s of audio in {wall:.1f} s "
                  f"({audio / wall:.1f} s of audio per second, {60 * args.files / wall:.1f} files/min)")
        print(f"end to end, throughput ratio 2 workers / 1 worker: {walls[1] / walls[2]:.2f}x "
              f"(on {os.cpu_count()} cores)")
        warm = {w: warm_pool_wall(set_, folder / f"warm-{w}", w, args.model) for w in (1, 2)}
        for workers, wall in warm.items():
            print(f"after start-up, {workers} worker(s): {wall:.1f} s ({audio / wall:.1f} s of audio per second)")
        print(f"after start-up, throughput ratio 2 workers / 1 worker: {warm[1] / warm[2]:.2f}x")
        overhead = watcher_overhead(set_, folder / "watch", args.drops, args.model)
        print(f"hush watch per-file overhead beyond processing, {overhead['files']} files: "
              f"mean {overhead['mean_s']:.3f} s, median {overhead['median_s']:.3f} s, max {overhead['max_s']:.3f} s "
              f"(target < 0.5 s; processing {overhead['process_mean_s']:.2f} s per file; of the overhead, "
              f"dispatch to done {overhead['dispatch_to_done_mean_s']:.3f} s)")
        print(json.dumps({"batch_wall_s": walls, "ratio": walls[1] / walls[2], "warm_wall_s": warm,
                          "warm_ratio": warm[1] / warm[2], "watch": overhead}))


if __name__ == "__main__":
    main()
