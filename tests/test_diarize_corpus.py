"""Diarization error rate on the real recordings of ../shared/corpus, against the one-speaker baseline.

DER as bench/diarization.py computes it (pyannote.metrics, ±0.25 s collar, overlap scored).
Skipped where the corpus is not beside the checkout or the extra is not installed.
"""

from __future__ import annotations

import pytest

from conftest import load_bench
from pipeline.diarize import extra_installed

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not extra_installed(), reason="needs the diarization extra (make install-diarize)")]


bench = load_bench("diarization")
BY_URI = {r.uri: r for r in bench.RECORDINGS}


@pytest.fixture(scope="module")
def diarizer():
    from pipeline.diarize import load_diarizer

    return load_diarizer(threads=2)


def scores(diarizer, uri: str, speakers: int | None = None) -> tuple[float, float]:
    """(hush DER, one-speaker DER) for one corpus recording."""
    rec = BY_URI[uri]
    if not rec.available:
        pytest.skip(f"corpus recording {rec.wav} not here")
    audio = bench.load_audio(rec.wav)
    uem = rec.uem or (0.0, len(audio) / 16000)
    reference = bench.read_rttm(rec.rttm, uri)
    hypothesis = [(t.start, t.end, t.speaker) for t in diarizer.turns(audio, speakers)]
    one = [(0.0, len(audio) / 16000, "one")]
    return bench.der(reference, hypothesis, uri, uem)["der"], bench.der(reference, one, uri, uem)["der"]


def test_ami_meeting_is_twenty_points_below_one_speaker(diarizer):
    ours, baseline = scores(diarizer, "mixture")
    assert ours <= baseline - 0.20, (ours, baseline)


def test_ami_meeting_finds_four_speakers(diarizer):
    rec = BY_URI["mixture"]
    if not rec.available:
        pytest.skip("corpus not here")
    assert len({t.speaker for t in diarizer.turns(bench.load_audio(rec.wav))}) == 4


@pytest.mark.parametrize("speakers", [None, 3])
def test_picovoice_three_speakers(diarizer, speakers):
    ours, baseline = scores(diarizer, "falcon_test", speakers)
    assert ours <= baseline - 0.5, (ours, baseline)


def test_der_matches_hand_computed_values():
    """The scorer itself: perfect scores 0; ±0.25 s around each boundary (0, 10, 20) is not scored."""
    reference = [(0.0, 10.0, "A"), (10.0, 20.0, "B")]
    assert bench.der(reference, [(0.0, 10.0, 1), (10.0, 20.0, 2)], "x", (0.0, 20.0))["der"] == 0.0
    swapped = bench.der(reference, [(0.0, 20.0, 1)], "x", (0.0, 20.0))
    assert swapped["confusion"] == pytest.approx(9.5) and swapped["der"] == pytest.approx(0.5)
    missed = bench.der(reference, [(0.0, 10.0, 1)], "x", (0.0, 20.0))
    assert missed["missed"] == pytest.approx(9.5)  # 0.25 s each side of 10 and 20 is not scored
