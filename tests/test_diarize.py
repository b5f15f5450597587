"""Speaker diarization with the real encoder on real audio, and the install hint without it.

The samples hold two distinct synthetic voices; `samples/<stem>.rttm` (written by
make_samples.sh as it builds the audio) says exactly who speaks when.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_AUDIO, load_bench
from pipeline import media
from pipeline.cli import app
from pipeline.diarize import INSTALL_HINT, extra_installed
from pipeline.errors import UsageError

runner = CliRunner()
needs_extra = pytest.mark.skipif(not extra_installed(), reason="needs the diarization extra (make install-diarize)")


def reference_turns(audio: Path) -> list[tuple[float, float, str]]:
    """(start, end, role) from samples/<stem>.rttm."""
    return load_bench("diarization").read_rttm(audio.with_suffix(".rttm"), audio.stem)


def majority(labels_by_time, start: float, end: float):
    """The label covering most of [start, end]."""
    covered: Counter = Counter()
    for s, e, label in labels_by_time:
        covered[label] += max(0.0, min(e, end) - max(s, start))
    label, seconds = covered.most_common(1)[0]
    return label if seconds > 0 else None


def assert_one_to_one(pairs: list[tuple[str, str]]) -> None:
    """Each role maps to exactly one label and no two roles share one."""
    mapping: dict[str, set[str]] = {}
    for role, label in pairs:
        mapping.setdefault(role, set()).add(label)
    assert all(len(labels) == 1 for labels in mapping.values()), mapping
    assert len({next(iter(v)) for v in mapping.values()}) == len(mapping), mapping


@pytest.fixture(scope="module")
def diarizer():
    if not extra_installed():
        pytest.skip("needs the diarization extra (make install-diarize)")
    from pipeline.diarize import load_diarizer

    return load_diarizer(threads=2)


@needs_extra
@pytest.mark.slow
@pytest.mark.parametrize("audio", SAMPLE_AUDIO, ids=lambda p: p.stem)
def test_every_sample_turn_goes_to_its_speaker(diarizer, audio):
    reference = reference_turns(audio)
    turns = diarizer.turns(media.decode(audio))
    hypothesis = [(t.start, t.end, t.speaker) for t in turns]
    assert len({t.speaker for t in turns}) == 2
    assert_one_to_one([(role, majority(hypothesis, start, end)) for start, end, role in reference])
    for t in turns:  # no turn straddles two reference turns
        assert len({role for s, e, role in reference if min(e, t.end) - max(s, t.start) > 0.1}) == 1


@needs_extra
@pytest.mark.slow
def test_fixed_speaker_count(diarizer):
    audio = media.decode(SAMPLE_AUDIO[0])
    assert len({t.speaker for t in diarizer.turns(audio, speakers=3)}) == 3
    assert {t.speaker for t in diarizer.turns(audio, speakers=1)} == {0}
    assert len({t.speaker for t in diarizer.turns(audio, speakers=(3, 6))}) == 3
    assert len({t.speaker for t in diarizer.turns(audio, speakers=(1, 6))}) == 2


@needs_extra
@pytest.mark.slow
def test_silence_has_no_turns(diarizer):
    import numpy as np

    assert diarizer.turns(np.zeros(16000 * 3, dtype=np.float32)) == []


@needs_extra
@pytest.mark.slow
def test_hush_run_diarize_labels_every_output(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", *map(str, SAMPLE_AUDIO), "-o", str(out), "--model", "tiny.en",
                                 "--diarize", "--quiet"])
    assert result.exit_code == 0, result.output
    for audio in SAMPLE_AUDIO:
        reference = reference_turns(audio)
        document = json.loads((out / f"{audio.stem}.json").read_text())
        pairs = [(majority(reference, s["start"], s["end"]), s["speaker"]) for s in document["segments"]]
        assert sum(role is None for role, _ in pairs) <= 1  # a segment Whisper timed inside a pause
        pairs = [(role, label) for role, label in pairs if role is not None]
        assert_one_to_one(pairs)
        for segment in document["segments"]:  # every word sits in its segment's speaker's turn
            for word in segment["words"]:
                middle = (word["start"] + word["end"]) / 2
                role = majority(reference, middle - 0.05, middle + 0.05)
                assert role is None or dict(pairs)[role] == segment["speaker"]
        assert [s["speaker"] for s in document["speakers"]] and document["speakers"][0]["share"] > 0.3
        txt = (out / f"{audio.stem}.txt").read_text().splitlines()
        assert all(" SPEAKER_1: " in line or " SPEAKER_2: " in line for line in txt)
        vtt = (out / f"{audio.stem}.vtt").read_text()
        assert vtt.count("<v SPEAKER_") == vtt.count(" --> ")
        assert "## Talk time" in (out / f"{audio.stem}.summary.md").read_text()
        report = json.loads((out / f"{audio.stem}.report.json").read_text())
        assert report["speakers"] == 2 and report["diarizer"] == "resemblyzer" and report["timings"]["diarize"] > 0


def test_speakers_needs_diarize():
    result = runner.invoke(app, ["run", str(SAMPLE_AUDIO[0]), "--speakers", "2"])
    assert isinstance(result.exception, UsageError) and result.exception.exit_code == 2
    assert "--speakers needs --diarize" in str(result.exception)
    result = runner.invoke(app, ["run", str(SAMPLE_AUDIO[0]), "--diarize", "--speakers", "two"])
    assert isinstance(result.exception, UsageError) and "--speakers must be auto, N or MIN-MAX" in str(result.exception)


def test_without_the_extra_diarize_prints_the_install_hint(tmp_path):
    """Simulate a core install: the extra's modules cannot be found."""
    program = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name in ('torch', 'resemblyzer') else real(name, *a)\n"
        "from pipeline.cli import main\n"
        f"sys.argv = ['hush', 'run', {str(SAMPLE_AUDIO[0])!r}, '-o', {str(tmp_path / 'out')!r}, '--diarize']\n"
        "main()\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"hush: error: {INSTALL_HINT}"]
    assert not (tmp_path / "out").exists()


def test_without_diarize_no_diarization_code_loads(tmp_path):
    """Without --diarize neither torch nor the encoder nor hush's backend is imported, even
    with the extra installed (spaCy is imported with its torch support off)."""
    program = (
        "import sys\n"
        "from pipeline.cli import main\n"
        f"sys.argv = ['hush', 'run', {str(SAMPLE_AUDIO[0])!r}, '-o', {str(tmp_path / 'out')!r}, '-m', 'tiny.en', '-q']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "loaded = {'torch', 'resemblyzer', 'librosa', 'scipy.cluster', 'pipeline.diarize.voice_encoder'} & set(sys.modules)\n"
        "assert not loaded, loaded\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def test_core_dependencies_hold_no_torch():
    from importlib.metadata import requires

    core = [r for r in requires("hush") or [] if "extra ==" not in r]
    assert core and not any(r.lower().startswith(("torch", "resemblyzer")) for r in core)
    assert any(r.startswith("torch") and 'extra == "diarize"' in r for r in requires("hush"))


@needs_extra
@pytest.mark.slow
def test_diarize_in_a_fresh_process_makes_no_network_attempt_and_says_nothing(tmp_path):
    """torch, resemblyzer and librosa load under the airlock: any attempt would be reported on stderr."""
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(SAMPLE_AUDIO[0]), "-o", str(out),
                           "--model", "tiny.en", "--diarize", "--speakers", "2", "-q"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stderr == "", done.stderr[-2000:]
    assert "SPEAKER_2" in (out / f"{SAMPLE_AUDIO[0].stem}.txt").read_text()


def test_doctor_without_the_extra_gives_the_same_install_command_as_run(monkeypatch):
    from pipeline import diarize, doctor

    monkeypatch.setattr(diarize, "extra_installed", lambda: False)
    check = doctor._diarization()
    assert check.ok is None and check.detail.endswith(diarize.INSTALL_COMMAND)
    assert "make install-diarize" in check.detail and diarize.INSTALL_COMMAND in INSTALL_HINT
