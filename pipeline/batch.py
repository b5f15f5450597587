"""`hush batch`: many recordings, resumable, on a local process pool or a Dask cluster.

Inputs are files, folders (searched recursively) and glob patterns. A file whose outputs
and report already exist with its sha256 is skipped (``force`` redoes it), so an
interrupted batch resumes where it stopped. One file's failure never stops the others
(STYLE #10); the batch ends with a summary table and ``OUT/batch-report.json`` / ``.csv``.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import sys
import time
from pathlib import Path
from typing import Iterable, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__, outputs
from .config import RunOptions
from .errors import UsageError
from .process import Engines, check_distinct_stems
from .workers import DONE, FAILED, SKIPPED, Outcome, make_executor

# What a folder or glob search picks up (a file named on the command line is always taken).
MEDIA_SUFFIXES = frozenset(
    ".wav .flac .mp3 .m4a .aac .ogg .oga .opus .wma .aif .aiff .aifc .amr .caf .mka .mp2 "
    ".mp4 .m4v .mkv .webm .mov .avi .wmv .mpg .mpeg .ts .mts .3gp".split()
)
REPORT_FIELDS = ("file", "status", "duration", "seconds", "entities", "error")


def _searched(found: Iterable[Path], exclude: Path | None) -> list[Path]:
    """Media files among `found`, leaving out hidden ones and anything under `exclude`."""
    keep = []
    for path in sorted(found):
        parts = path.parts
        if (path.is_file() and path.suffix.lower() in MEDIA_SUFFIXES
                and not any(p.startswith(".") and p not in (".", "..") for p in parts)
                and not (exclude is not None and path.resolve().is_relative_to(exclude))):
            keep.append(path)
    return keep


def expand_inputs(items: Iterable[str], exclude: Path | None = None) -> list[Path]:
    """Files as given; folders searched recursively and globs expanded (``**`` recurses) for media files.

    A name that is neither an existing path nor a matching pattern is kept, so it is reported
    as a failed file ("no such file") like any other. Duplicates are dropped; order is kept.
    """
    exclude = exclude.resolve() if exclude is not None else None
    found: dict[Path, None] = {}
    for item in items:
        path = Path(item)
        if path.is_dir():
            found.update(dict.fromkeys(_searched(path.rglob("*"), exclude)))
        elif not path.exists() and any(c in item for c in "*?["):
            matches = [Path(m) for m in glob.glob(item, recursive=True)]
            inner = [q for m in matches if m.is_dir() for q in m.rglob("*")]
            found.update(dict.fromkeys(_searched([m for m in matches if m.is_file()] + inner, exclude)
                                       or [path]))
        else:
            found[path] = None
    return list(found)


def _row(outcome: Outcome) -> dict[str, object]:
    return {"file": outcome.path, "status": outcome.status, "duration": round(outcome.duration, 3),
            "seconds": round(outcome.seconds, 3), "entities": outcome.entities, "error": outcome.error}


def write_reports(out_dir: Path, outcomes: list[Outcome], wall: float, workers: int,
                  scheduler: str | None) -> tuple[Path, Path]:
    """``OUT/batch-report.json`` and ``.csv``: one row per input (no text), written atomically."""
    rows = [_row(o) for o in outcomes]
    totals = {status: sum(o.status == status for o in outcomes) for status in (DONE, SKIPPED, FAILED)}
    document = {
        "hush_version": __version__,
        "workers": workers,
        "scheduler": scheduler,
        "wall_seconds": round(wall, 3),
        "totals": {**totals, "files": len(outcomes),
                   "audio_seconds": round(sum(o.duration for o in outcomes if o.status == DONE), 3),
                   "processing_seconds": round(sum(o.seconds for o in outcomes), 3)},
        "files": rows,
    }
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=REPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    json_path, csv_path = out_dir / "batch-report.json", out_dir / "batch-report.csv"
    outputs.atomic_write(json_path, json.dumps(document, indent=2) + "\n")
    outputs.atomic_write(csv_path, buffer.getvalue())
    return json_path, csv_path


def summary_table(outcomes: list[Outcome]) -> Table:
    """File, audio duration, status, processing seconds and entities found, one row per input."""
    counts = {s: sum(o.status == s for o in outcomes) for s in (DONE, SKIPPED, FAILED)}
    table = Table(title=f"hush batch: {counts[DONE]} done, {counts[SKIPPED]} skipped, {counts[FAILED]} failed")
    for name, justify in (("file", "left"), ("duration", "right"), ("status", "left"),
                          ("seconds", "right"), ("entities", "right")):
        table.add_column(name, justify=justify)
    style = {DONE: "green", SKIPPED: "cyan", FAILED: "bold red"}
    for o in outcomes:  # Text, not markup: a file name may hold brackets
        table.add_row(Text(Path(o.path).name), outputs.clock(o.duration) if o.duration else "–",
                      Text(o.status, style=style[o.status]), f"{o.seconds:.1f}" if o.status == DONE else "–",
                      str(o.entities) if o.status != FAILED else "–")
    return table


def _line(n: int, total: int, outcome: Outcome) -> str:
    name = Path(outcome.path).name
    if outcome.status == DONE:
        return (f"[{n}/{total}] {name}: done, {outcome.duration:.1f} s of audio, "
                f"{outcome.entities} redaction(s), {outcome.seconds:.1f} s")
    return f"[{n}/{total}] {name}: skipped (outputs complete for this input)"


def run_batch(items: list[str], options: RunOptions, workers: int = 1, scheduler: str | None = None,
              force: bool = False, quiet: bool = False, stdout: TextIO | None = None) -> int:
    """Process every input, reporting each as it finishes; returns 1 if any failed, else 0."""
    out_dir = options.output.out_dir
    paths = expand_inputs(items, exclude=out_dir)
    if not paths:
        raise UsageError("no audio or video files found in the inputs")
    check_distinct_stems(paths)
    outputs.ensure_writable(out_dir)
    if scheduler in (None, "local"):
        Engines(options)  # resolve the model here: a missing one fails before any work starts
    began, order = time.perf_counter(), {str(p): n for n, p in enumerate(paths)}
    outcomes: list[Outcome] = []
    with make_executor(options, workers, scheduler, force) as executor:
        for outcome in executor.map_unordered(paths):
            outcomes.append(outcome)
            if outcome.status == FAILED:
                print(f"hush: error: {outcome.error}", file=sys.stderr)
            elif not quiet:
                print(_line(len(outcomes), len(paths), outcome), file=sys.stderr)
    outcomes.sort(key=lambda o: order.get(o.path, len(order)))
    json_path, _ = write_reports(out_dir, outcomes, time.perf_counter() - began, workers, scheduler)
    if not quiet:
        console = Console(file=stdout or sys.stdout)
        console.print(summary_table(outcomes))
        console.print(f"report: {json_path} (and .csv)")
    return 1 if any(o.status == FAILED for o in outcomes) else 0
