"""Shared fixtures: isolated state (HUSH_HOME/HUSH_MODELS in tmp), the samples, a fake transcriber."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pipeline  # noqa: F401  (first: it sets NumPy's BLAS threads, which NumPy reads when it loads)
import numpy as np
import pytest

from pipeline.transcribe import Transcriber, TranscriptionInfo
from pipeline.types import Segment, Word

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_AUDIO = sorted(SAMPLES.glob("*.flac"))
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory, monkeypatch):
    """Each test gets its own HUSH_HOME and model store (STYLE #15)."""
    home = tmp_path_factory.mktemp("hush-home")
    monkeypatch.setenv("HUSH_HOME", str(home))
    monkeypatch.setenv("HUSH_MODELS", str(home / "models"))
    monkeypatch.delenv("HUSH_DEBUG", raising=False)


def load_bench(name: str):
    """A module of bench/ (not a package) by file name, e.g. ``load_bench("corpora")``."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(f"hush_bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def sample_pii(audio: Path) -> list[dict]:
    """The fake identifiers spoken in a sample (samples/<stem>.pii.json)."""
    return json.loads((audio.with_suffix("").with_suffix(".pii.json")).read_text())


def words(text: str, start: float = 0.0, step: float = 0.4) -> tuple[Word, ...]:
    """Timed words for a fake transcript: one word every `step` seconds."""
    return tuple(Word(w, start + i * step, start + i * step + step * 0.8) for i, w in enumerate(text.split()))


class FakeTranscriber(Transcriber):
    """Returns fixed segments whatever the audio: fast unit tests of everything after ASR."""

    def __init__(self, texts: list[str]) -> None:
        self.segments = []
        t = 0.0
        for text in texts:
            ws = words(text, start=t)
            self.segments.append(Segment(ws[0].start, ws[-1].end, ws))
            t = ws[-1].end + 1.5

    def transcribe(self, audio: np.ndarray) -> tuple[Iterator[Segment], TranscriptionInfo]:
        info = TranscriptionInfo(duration=len(audio) / 16000, language="en", model="fake", device="cpu")
        return iter(self.segments), info
