"""The diarization references in ../shared/corpus and the diarization error rate (DER) against them.

DER is pyannote.metrics' `DiarizationErrorRate` with ``collar=0.5`` (pyannote's collar is the
total width: ±0.25 s around every reference boundary is not scored) and overlapped speech
scored (``skip_overlap=False``): missed speech + false alarm + speaker confusion, over the
reference speech time, inside the file's UEM (the whole file unless the corpus gives one).

Used by bench/bench_diarize.py and tests/test_diarize_corpus.py. Reads the corpus in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
COLLAR = 0.5  # pyannote's collar: total width, i.e. ±0.25 s


@dataclass(frozen=True)
class Recording:
    """One corpus file with its reference RTTM (and UEM)."""

    uri: str
    wav: Path
    rttm: Path
    uem: tuple[float, float] | None = None

    @property
    def available(self) -> bool:
        return self.wav.is_file() and self.rttm.is_file()


RECORDINGS = (
    Recording("mixture", CORPUS / "diar_pyannote_ami_meeting_mixture/mixture.wav",
              CORPUS / "diar_pyannote_ami_meeting_mixture/mixture.rttm"),
    Recording("tst00", CORPUS / "diar_pyannote_ami_debug/tst00.wav",
              CORPUS / "diar_pyannote_ami_debug/debug.test.rttm", (0.0, 30.0)),
    Recording("tst01", CORPUS / "diar_pyannote_ami_debug/tst01.wav",
              CORPUS / "diar_pyannote_ami_debug/debug.test.rttm", (0.0, 30.0)),
    Recording("falcon_test", CORPUS / "diar_picovoice/falcon_test.wav",
              CORPUS / "diar_picovoice/falcon_test.rttm"),
)


def read_rttm(path: Path, uri: str) -> list[tuple[float, float, str]]:
    """(start, end, speaker) of the RTTM's SPEAKER lines for `uri`."""
    turns = []
    for line in path.read_text().splitlines():
        fields = line.split()
        if len(fields) >= 8 and fields[0] == "SPEAKER" and fields[1] == uri:
            start, duration = float(fields[3]), float(fields[4])
            turns.append((start, start + duration, fields[7]))
    return turns


def annotation(turns, uri: str):
    """A pyannote Annotation from (start, end, label) triples."""
    from pyannote.core import Annotation, Segment

    result = Annotation(uri=uri)
    for start, end, label in turns:
        if end > start:
            result[Segment(start, end)] = str(label)
    return result


def der(reference, hypothesis, uri: str, uem: tuple[float, float]) -> dict[str, float]:
    """DER and its parts (seconds) for two lists of (start, end, label)."""
    from pyannote.core import Segment, Timeline
    from pyannote.metrics.diarization import DiarizationErrorRate

    metric = DiarizationErrorRate(collar=COLLAR, skip_overlap=False)
    scored = Timeline([Segment(*uem)])
    parts = metric.compute_components(annotation(reference, uri), annotation(hypothesis, uri), uem=scored)
    total = parts["total"] or 1.0
    return {"der": (parts["missed detection"] + parts["false alarm"] + parts["confusion"]) / total,
            "missed": parts["missed detection"], "false_alarm": parts["false alarm"],
            "confusion": parts["confusion"], "speech": parts["total"]}


def load_audio(path: Path) -> np.ndarray:
    """16 kHz mono float32, decoded the way `hush run` decodes."""
    from pipeline import media

    return media.decode(path)
