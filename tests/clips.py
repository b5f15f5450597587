"""Short, distinct clips cut from the committed samples, for the batch and watcher tests.

Every clip has different audio (a different window of a sample), so none is a duplicate of
another by hash. They are made once per test session and copied where a test needs them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLE_AUDIO
from pipeline.media import run_ffmpeg


def make_clips(folder: Path, count: int, seconds: float = 3.0, offset: float = 2.0,
               samples: tuple[int, ...] | None = None) -> list[Path]:
    """`count` FLAC clips of `seconds` each: ``clip00.flac``, … (made only if missing).

    Clip n comes from the samples in turn (`samples`: which of them, by index), starting at
    `offset` seconds and `seconds` + 3 s later on each round.
    """
    sources = [SAMPLE_AUDIO[i] for i in samples] if samples else SAMPLE_AUDIO
    folder.mkdir(parents=True, exist_ok=True)
    clips = []
    for n in range(count):
        sample = sources[n % len(sources)]
        start = offset + (n // len(sources)) * (seconds + 3.0)
        clip = folder / f"clip{n:02d}.flac"
        if not clip.exists():
            partial = clip.with_name(clip.name + ".part.flac")
            run_ffmpeg("-ss", f"{start:.2f}", "-t", f"{seconds:.2f}", "-i", str(sample), str(partial))
            partial.rename(clip)
        clips.append(clip)
    return clips


def copy_all(clips: list[Path], folder: Path) -> list[Path]:
    """Copy `clips` into `folder` (made if missing); returns the copies."""
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy2(clip, folder / clip.name)) for clip in clips]
