"""Who spoke when: speaker turns from voice embeddings, behind a small `Diarizer` ABC.

Optional: the backends need the ``hush[diarize]`` extra (torch and a speaker encoder whose
weights ship inside its wheel). This module itself imports neither, so the core install
can say how to get them (`require_extra`) instead of failing on an import.

Speaker labels are not identities. Embeddings are biometric data: they stay in memory and
are never written anywhere.
"""

from __future__ import annotations

import importlib.util
from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from ..errors import UsageError

INSTALL_COMMAND = "pip install 'hush[diarize]' (in a checkout: make install-diarize)"
INSTALL_HINT = f"--diarize needs the optional diarization extra: {INSTALL_COMMAND}"
_EXTRA_MODULES = ("torch", "resemblyzer", "scipy")


Speakers = int | tuple[int, int] | None


def speaker_bounds(speakers: Speakers) -> tuple[int, int] | None:
    """`Speakers` as (fewest, most), or None for a free estimate."""
    return (speakers, speakers) if isinstance(speakers, int) else speakers


@dataclass(frozen=True)
class Turn:
    """A stretch of speech by one speaker; `speaker` is 0-based, in order of first appearance."""

    start: float
    end: float
    speaker: int


class Diarizer(ABC):
    """Audio in, speaker turns out."""

    name: str = ""

    @abstractmethod
    def turns(self, audio: np.ndarray, speakers: Speakers = None) -> list[Turn]:
        """Speaker turns of 16 kHz mono float32 audio.

        `speakers`: None estimates the number; N fixes it; (fewest, most) bounds the estimate.
        """


def extra_installed() -> bool:
    """Whether the ``hush[diarize]`` packages can be imported (checked without importing them)."""
    return all(importlib.util.find_spec(name) is not None for name in _EXTRA_MODULES)


def require_extra() -> None:
    """Fail with the install hint (exit code 2) unless the diarization extra is installed."""
    if not extra_installed():
        raise UsageError(INSTALL_HINT)


def load_diarizer(device: str = "auto", threads: int = 0) -> Diarizer:
    """The default backend (see ``bench/bench_diarize.py`` for why this one), its model loaded."""
    require_extra()
    from .voice_encoder import ResemblyzerDiarizer

    return ResemblyzerDiarizer(device=device, threads=threads)


def merge_turns(pieces: list[tuple[float, float]], labels: list[int] | np.ndarray, bridge: float = 0.5) -> list[Turn]:
    """Consecutive same-speaker pieces, closer than `bridge` seconds, joined into one turn."""
    turns: list[Turn] = []
    for (start, end), label in sorted(zip(pieces, (int(x) for x in labels))):
        if turns and turns[-1].speaker == label and start - turns[-1].end < bridge:
            turns[-1] = Turn(turns[-1].start, max(end, turns[-1].end), label)
        else:
            turns.append(Turn(start, end, label))
    return turns
