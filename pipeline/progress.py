"""A progress bar over transcription: percent of audio done, elapsed time, real-time factor.

Shown on stderr when it is a terminal; silent when not, or with ``--quiet``. It shows the
file name and times only, never transcript text.
"""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Iterable, Iterator

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from .types import Segment


class RealTimeFactorColumn(ProgressColumn):
    """Seconds of compute per second of audio so far."""

    def render(self, task: Task) -> Text:
        if not task.completed or task.elapsed is None:
            return Text("RTF –", style="progress.data.speed")
        return Text(f"RTF {task.elapsed / task.completed:.2f}", style="progress.data.speed")


def enabled(quiet: bool) -> bool:
    """Whether to draw a bar: only on a terminal and when not quiet."""
    return not quiet and sys.stderr.isatty()


def track(segments: Iterable[Segment], duration: float, label: str, quiet: bool) -> Iterator[Segment]:
    """Yield `segments` unchanged while advancing a bar by each segment's end time."""
    if not enabled(quiet) or duration <= 0:
        yield from segments
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
               TimeElapsedColumn(), RealTimeFactorColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=duration)
        for segment in segments:
            bar.update(task, completed=min(segment.end, duration))
            yield segment
        bar.update(task, completed=duration)


@contextlib.contextmanager
def status(label: str, quiet: bool) -> Iterator[None]:
    """A spinner with `label` (a file name and a stage, never text) while a step without progress runs."""
    if not enabled(quiet):
        yield
        return
    with Console(stderr=True).status(label):
        yield


class Stopwatch:
    """Accumulates wall time per named stage: ``with watch("decode"): ...``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, stage: str) -> "_Lap":
        return _Lap(self, stage)


class _Lap:
    def __init__(self, watch: Stopwatch, stage: str) -> None:
        self.watch, self.stage = watch, stage

    def __enter__(self) -> None:
        self.began = time.perf_counter()

    def __exit__(self, *exc) -> None:
        elapsed = time.perf_counter() - self.began
        self.watch.seconds[self.stage] = self.watch.seconds.get(self.stage, 0.0) + elapsed
