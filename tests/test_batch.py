"""`hush batch`: inputs expanded, resumable by input hash, one failure isolated, and the same
outputs as `hush run` whether it runs inline, on a process pool or on a Dask cluster.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clips import copy_all, make_clips
from conftest import SAMPLE_AUDIO, SAMPLES
from pipeline.batch import summary_table, write_reports
from pipeline.inputs import expand_inputs
from pipeline.cli import app
from pipeline.config import DiarizeOptions, OutputOptions, RunOptions
from pipeline.errors import UsageError
from pipeline.outputs import output_paths, sha256_file
from pipeline.workers import DONE, FAILED, SKIPPED, Outcome, previous_outcome

runner = CliRunner()
KINDS = (".txt", ".srt", ".vtt", ".json", ".summary.md", ".report.json")


@pytest.fixture(scope="module")
def clips(tmp_path_factory) -> list[Path]:
    return make_clips(tmp_path_factory.mktemp("batch-clips"), 3)


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_inputs_are_files_folders_and_globs(tmp_path):
    folder = tmp_path / "recordings"
    x, y = touch(folder / "x.flac"), touch(folder / "sub" / "y.M4A")
    touch(folder / "notes.txt")
    touch(folder / ".hidden.flac")
    touch(folder / ".cache" / "z.wav")
    out = folder / "out"
    touch(out / "old.wav")  # the output folder inside an input folder is left out
    b, notes = touch(tmp_path / "b.wav"), touch(tmp_path / "notes.txt")

    found = expand_inputs([str(folder), str(tmp_path / "*.wav"), str(notes), str(tmp_path / "missing.mp3"),
                           str(tmp_path / "nomatch-*.wav"), str(x)], exclude=out)

    assert found == [y, x, b, notes, tmp_path / "missing.mp3", tmp_path / "nomatch-*.wav"]
    assert expand_inputs([str(tmp_path / "**" / "*.flac")]) == [x]


def test_a_folder_search_never_follows_links_out_of_the_folders_unless_asked(tmp_path):
    folder, elsewhere = tmp_path / "recordings", tmp_path / "elsewhere"
    real = touch(folder / "sub" / "a.flac")
    secret = touch(elsewhere / "private.wav")
    (folder / "loop").symlink_to(folder)                  # a loop
    (folder / "sub" / "away").symlink_to(elsewhere)       # a way out
    (folder / "linked.wav").symlink_to(secret)            # a file elsewhere
    named = tmp_path / "named.wav"
    named.symlink_to(secret)
    skipped: list[Path] = []

    assert expand_inputs([str(folder)], on_skip=skipped.append) == [real]
    assert sorted(skipped) == sorted([folder / "loop", folder / "sub" / "away", folder / "linked.wav"])
    skipped.clear()
    assert expand_inputs([str(tmp_path / "recordings" / "**" / "*.wav")], on_skip=skipped.append) == \
        [tmp_path / "recordings" / "**" / "*.wav"]  # no match: kept, to be reported as missing
    assert folder / "linked.wav" in skipped
    assert expand_inputs([str(named)]) == [named]         # named on the command line: taken

    followed = expand_inputs([str(folder)], follow_links=True)
    assert sorted(followed) == sorted([folder / "linked.wav", real, folder / "sub" / "away" / "private.wav"])
    hidden_parent = touch(tmp_path / ".config" / "recordings" / "b.flac")  # hidden above the folder named
    assert expand_inputs([str(tmp_path / ".config" / "recordings")]) == [hidden_parent]


def test_batch_reports_the_links_it_skipped(tmp_path, clips):
    folder = tmp_path / "in"
    copy_all(clips[:1], folder)
    copy_all(clips[1:2], tmp_path / "elsewhere")
    (folder / "away").symlink_to(tmp_path / "elsewhere")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--model", "tiny.en"])
    assert result.exit_code == 0, result.output
    assert "hush: skipped 1 symbolic link(s) met while searching the folders (--follow-links takes them)" \
        in result.stderr
    assert "1 done, 0 skipped, 0 failed" in result.stdout
    assert (out / f"{clips[0].stem}.txt").is_file() and not (out / f"{clips[1].stem}.txt").exists()


def write_outputs_for(stem: str, out: Path, sha: str, duration: float = 7.5) -> dict[str, Path]:
    targets = output_paths(out, stem, OutputOptions().kinds)
    for target in targets.values():
        touch(target, b"{}")
    targets["report"].write_text(json.dumps({"input_sha256": sha, "duration": duration,
                                             "entities": {"PERSON": 2, "PHONE_NUMBER": 1}}))
    return targets


def test_a_file_is_skipped_only_when_every_output_exists_for_the_same_input(tmp_path):
    audio = touch(tmp_path / "meeting.flac", b"audio bytes")
    options = RunOptions(output=OutputOptions(out_dir=tmp_path / "out"))
    assert previous_outcome(audio, options) is None

    targets = write_outputs_for("meeting", tmp_path / "out", sha256_file(audio))
    skipped = previous_outcome(audio, options)
    assert skipped == Outcome(str(audio), SKIPPED, duration=7.5, entities=3)

    audio.write_bytes(b"other audio")  # same name, different recording: redo
    assert previous_outcome(audio, options) is None
    write_outputs_for("meeting", tmp_path / "out", sha256_file(audio))
    targets["srt"].unlink()  # an incomplete set: redo
    assert previous_outcome(audio, options) is None


def test_outputs_without_speakers_are_redone_when_diarize_is_asked(tmp_path):
    audio = touch(tmp_path / "meeting.flac", b"audio bytes")
    targets = write_outputs_for("meeting", tmp_path / "out", sha256_file(audio))
    diarized = RunOptions(output=OutputOptions(out_dir=tmp_path / "out"), diarize=DiarizeOptions(enabled=True))
    assert previous_outcome(audio, diarized) is None
    report = json.loads(targets["report"].read_text())
    targets["report"].write_text(json.dumps(report | {"diarizer": "resemblyzer", "speakers": 2}))
    assert previous_outcome(audio, diarized) is not None


def test_batch_report_and_table(tmp_path):
    outcomes = [Outcome("/in/a [1].flac", DONE, duration=65.0, entities=4, seconds=3.25),
                Outcome("/in/b.flac", SKIPPED, duration=10.0, entities=1),
                Outcome("/in/c.flac", FAILED, error="/in/c.flac: empty file (0 bytes)", exit_code=3)]
    json_path, csv_path = write_reports(tmp_path, outcomes, wall=4.0, workers=2, scheduler=None)

    report = json.loads(json_path.read_text())
    assert report["totals"] == {"done": 1, "skipped": 1, "failed": 1, "files": 3, "audio_seconds": 65.0,
                                "processing_seconds": 3.25}
    assert [r["status"] for r in report["files"]] == ["done", "skipped", "failed"]
    rows = list(csv.DictReader(csv_path.open()))
    assert rows[2] == {"file": "/in/c.flac", "status": "failed", "duration": "0.0", "seconds": "0.0",
                       "entities": "0", "error": "/in/c.flac: empty file (0 bytes)"}

    from rich.console import Console

    console = Console(record=True, width=100)
    console.print(summary_table(outcomes))
    text = console.export_text()
    assert "a [1].flac" in text and "00:01:05" in text and "1 done, 1 skipped, 1 failed" in text


def test_pool_batch_isolates_a_failure_then_resumes_and_force_redoes(tmp_path, clips):
    inbox = tmp_path / "in"
    copies = copy_all(clips, inbox / "nested")
    broken = touch(inbox / "broken.flac", b"not audio at all")
    out = tmp_path / "out"

    first = runner.invoke(app, ["batch", str(inbox), "-o", str(out), "--workers", "2", "--model", "tiny.en"])
    assert first.exit_code == 1, first.output
    assert f"hush: error: {broken}: " in first.stderr
    assert "3 done, 0 skipped, 1 failed" in first.stdout
    for clip in copies:
        assert all((out / f"{clip.stem}{kind}").stat().st_size > 0 for kind in KINDS)
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temp files left behind"
    report = json.loads((out / "batch-report.json").read_text())
    assert report["totals"]["done"] == 3 and report["totals"]["failed"] == 1 and report["workers"] == 2
    assert len(list(csv.DictReader((out / "batch-report.csv").open()))) == 4

    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("clip*")}
    again = runner.invoke(app, ["batch", str(inbox), "-o", str(out), "--model", "tiny.en"])
    assert again.exit_code == 1
    assert "0 done, 3 skipped, 1 failed" in again.stdout
    assert stamps == {p.name: p.stat().st_mtime_ns for p in out.glob("clip*")}, "a skipped file was rewritten"

    forced = runner.invoke(app, ["batch", str(copies[0]), "-o", str(out), "--force", "--model", "tiny.en", "-q"])
    assert forced.exit_code == 0 and forced.stdout == ""
    assert (out / f"{copies[0].stem}.report.json").stat().st_mtime_ns > stamps[f"{copies[0].stem}.report.json"]


def test_batch_without_media_is_a_usage_error(tmp_path):
    touch(tmp_path / "notes.txt")
    result = runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path / "out")])
    assert isinstance(result.exception, UsageError) and result.exception.exit_code == 2
    assert "no audio or video files" in str(result.exception)


def comparable_report(path: Path) -> dict:
    report = json.loads(path.read_text())
    del report["timings"]  # seconds per stage differ from run to run
    return report


@pytest.mark.allow_hosts(["127.0.0.1"])  # the client talks to a LocalCluster over loopback TCP, nothing else
def test_dask_local_cluster_writes_what_hush_run_writes(tmp_path):
    run_out, batch_out = tmp_path / "run", tmp_path / "batch"
    ran = runner.invoke(app, ["run", *map(str, SAMPLE_AUDIO), "-o", str(run_out), "--model", "tiny.en", "-q"])
    assert ran.exit_code == 0, ran.output

    batched = runner.invoke(app, ["batch", str(SAMPLES / "*.flac"), "-o", str(batch_out), "--scheduler", "local",
                                  "--workers", "2", "--model", "tiny.en"])
    assert batched.exit_code == 0, batched.output
    assert f"{len(SAMPLE_AUDIO)} done, 0 skipped, 0 failed" in batched.stdout

    for audio in SAMPLE_AUDIO:
        for kind in KINDS[:-1]:
            name = f"{audio.stem}{kind}"
            assert (batch_out / name).read_bytes() == (run_out / name).read_bytes(), name
        report = f"{audio.stem}.report.json"
        assert comparable_report(batch_out / report) == comparable_report(run_out / report)
    report = json.loads((batch_out / "batch-report.json").read_text())
    assert report["scheduler"] == "local" and report["totals"]["done"] == len(SAMPLE_AUDIO)


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_workers_run_under_the_airlock():
    """Inside a real Dask worker process: the guard lets the cluster through and refuses the world."""
    from distributed import Client, LocalCluster

    def probe() -> tuple[bool, str]:
        import socket

        from pipeline import airlock
        from pipeline.workers import guard_dask_worker

        guard_dask_worker()
        try:
            socket.create_connection(("192.0.2.1", 443), timeout=5)  # TEST-NET: never routable
        except Exception as exc:  # the airlock's NetworkBlocked, or a timeout without it
            return airlock.installed(), str(exc)
        return airlock.installed(), "connected"

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        installed, error = client.submit(probe, pure=False).result(timeout=60)
        assert installed and "network access refused" in error
        assert client.submit(lambda: 41 + 1).result(timeout=60) == 42  # the cluster itself still works


def test_batch_on_a_dask_scheduler_and_worker_started_by_hand(tmp_path, clips):
    """What the README tells a user with several machines to do, on loopback: `dask scheduler`, `dask worker`."""
    dask = Path(sys.executable).with_name("dask")
    address_file = tmp_path / "scheduler.json"
    common = ["--no-dashboard", "--host", "127.0.0.1"]
    log = (tmp_path / "dask.log").open("wb")
    scheduler = subprocess.Popen([str(dask), "scheduler", "--port", "0", "--scheduler-file", str(address_file),
                                  *common], stdout=log, stderr=log)
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists():
            assert time.monotonic() < deadline and scheduler.poll() is None, "the scheduler did not start"
            time.sleep(0.1)
        worker = subprocess.Popen([str(dask), "worker", "--scheduler-file", str(address_file), "--nworkers", "1",
                                   "--nthreads", "1", *common], stdout=log, stderr=log)
        address = json.loads(address_file.read_text())["address"]
        out = tmp_path / "out"
        done = subprocess.run([sys.executable, "-m", "pipeline", "batch", *map(str, clips[:2]), "-o", str(out),
                               "--scheduler", address, "--model", "tiny.en"], capture_output=True, text=True,
                              timeout=180)
        assert done.returncode == 0, done.stderr
        assert "2 done, 0 skipped, 0 failed" in done.stdout and "airlock" not in done.stderr
        assert all((out / f"{clip.stem}{kind}").is_file() for clip in clips[:2] for kind in KINDS)
        assert json.loads((out / "batch-report.json").read_text())["scheduler"] == address
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(30)
        log.close()


def test_batch_takes_every_output_option_and_resumes_only_complete_sets(tmp_path, clips):
    """--redact-media, --mapping-key, --no-summary (and --diarize with the extra) as `hush run` has them."""
    from pipeline.diarize import extra_installed

    out, key = tmp_path / "out", tmp_path / "k.key"
    options = ["-o", str(out), "--model", "tiny.en", "--redact-media", "--mapping-key", str(key), "--no-summary",
               *(["--diarize", "--speakers", "2"] if extra_installed() else [])]
    first = runner.invoke(app, ["batch", *map(str, clips[:2]), *options])
    assert first.exit_code == 0, first.output
    for clip in clips[:2]:
        assert (out / f"{clip.stem}.redacted.flac").stat().st_size > 0
        assert (out / f"{clip.stem}.mapping.enc").is_file() and not (out / f"{clip.stem}.summary.md").exists()
        if extra_installed():
            assert "SPEAKER_" in (out / f"{clip.stem}.txt").read_text()
    assert "0 done, 2 skipped" in runner.invoke(app, ["batch", *map(str, clips[:2]), *options]).stdout

    (out / f"{clips[0].stem}.redacted.flac").unlink()  # an incomplete set is redone, the complete one not
    again = runner.invoke(app, ["batch", *map(str, clips[:2]), *options])
    assert again.exit_code == 0 and "1 done, 1 skipped" in again.stdout, again.output
    assert (out / f"{clips[0].stem}.redacted.flac").is_file()


def test_dask_is_the_cluster_extra_not_a_core_dependency():
    from importlib.metadata import requires

    core = [r for r in requires("hush") or [] if "extra ==" not in r]
    assert core and not any(r.lower().startswith(("dask", "distributed", "presidio-anonymizer")) for r in core)
    assert any(r.startswith("dask") and 'extra == "cluster"' in r for r in requires("hush"))


def test_without_the_cluster_extra_scheduler_prints_the_install_hint(tmp_path):
    """Simulate a core install: Dask cannot be imported; nothing is written."""
    from pipeline.workers import CLUSTER_HINT

    program = (
        "import sys\n"
        "sys.modules['distributed'] = None\n"
        "from pipeline.cli import main\n"
        f"sys.argv = ['hush', 'batch', {str(SAMPLE_AUDIO[0])!r}, '-o', {str(tmp_path / 'out')!r}, '--scheduler', 'local']\n"
        "main()\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [f"hush: error: {CLUSTER_HINT}"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
