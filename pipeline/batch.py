"""`hush batch`: many recordings, resumable, on a local process pool or a Dask cluster.

Inputs are files, folders (searched recursively) and glob patterns. A file whose outputs
and report already exist with its sha256 is skipped (``force`` redoes it), so an
interrupted batch resumes where it stopped. One file's failure never stops the others
(STYLE #10); the batch ends with a summary table and ``OUT/batch-report.json`` / ``.csv``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__, outputs
from .config import RunOptions
from .errors import UsageError
from .inputs import expand_inputs
from .process import Engines, check_distinct_stems
from .workers import DONE, FAILED, SKIPPED, Outcome, make_executor

REPORT_FIELDS = ("file", "status", "duration", "seconds", "entities", "error")


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
              force: bool = False, quiet: bool = False, stdout: TextIO | None = None,
              follow_links: bool = False) -> int:
    """Process every input, reporting each as it finishes; returns 1 if any failed, else 0."""
    out_dir = options.output.out_dir
    links: set[Path] = set()
    paths = expand_inputs(items, exclude=out_dir, follow_links=follow_links, on_skip=links.add)
    if links and not quiet:
        print(f"hush: skipped {len(links)} symbolic link(s) met while searching the folders "
              "(--follow-links takes them)", file=sys.stderr)
    if not paths:
        raise UsageError("no audio or video files found in the inputs")
    check_distinct_stems(paths, options.output.names)
    outputs.ensure_writable(out_dir, options.output.file_mode)
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
            for warning in outcome.warnings:  # shown with --quiet too: the outputs may not be sanitized
                print(f"hush: warning: {outcome.path}: {warning}", file=sys.stderr)
    outcomes.sort(key=lambda o: order.get(o.path, len(order)))
    json_path, _ = write_reports(out_dir, outcomes, time.perf_counter() - began, workers, scheduler)
    if not quiet:
        console = Console(file=stdout or sys.stdout)
        console.print(summary_table(outcomes))
        console.print(f"report: {json_path} (and .csv)")
    return 1 if any(o.status == FAILED for o in outcomes) else 0
