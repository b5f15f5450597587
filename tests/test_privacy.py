"""Privacy guarantees, proven on the real models: no canary anywhere, private files, no residue, no text in logs.

The canaries are the samples' fake identifiers (``samples/*.pii.json``) in written and
spoken form (tests/canaries.py). `hush run` with every option (``--redact-media``,
``--embed-captions``, summaries, ``--style pseudonym``, ``--mapping-key``, ``--keep-raw``)
runs once on all samples; the raw transcripts are read back from ``--keep-raw``'s encrypted
files, in memory. Every canary the redactor caught must then be absent from every file under
the output folder (except the encrypted ``.enc`` files), from what the temp folder held
while ffmpeg ran, from every log record (libraries at DEBUG included), from stdout and
stderr, and from the batch report and the watcher's SQLite state.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from canaries import ONES, TENS, checked_forms, folder_texts, leaks, raw_transcripts
from conftest import SAMPLE_AUDIO, SAMPLES
from media_factory import convert
from pipeline import airlock, media, scrub, tempdir
from pipeline.cli import app

runner = CliRunner()
MODEL = "tiny.en"
TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
VIDEO = SAMPLES / "therapy_intake_video.mp4"
COMMANDS = set(typer.main.get_command(app).commands)


class Collect(logging.Handler):
    """Every log record that reaches a handler, formatted."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record) + " " + " ".join(map(str, record.args or ())))


@dataclass
class Run:
    out: Path
    key: Path
    raw: dict[str, str]
    checked: dict[str, set[str]]
    traces: dict[str, str]
    temp_modes: list[int]
    temp_paths: list[Path]
    temp_root: Path


def checked_by_stem(out: Path, raw: dict[str, str]) -> dict[str, set[str]]:
    return {stem: checked_forms(stem, text, (out / f"{stem}.txt").read_text()) for stem, text in raw.items()}


def assert_no_leak(checked: dict[str, set[str]], traces: dict[str, str], at_least: int = 1) -> None:
    every = set().union(*checked.values())
    assert len(every) >= at_least, f"only {len(every)} caught canary form(s): the check would mean little"
    found = leaks(every, traces)
    assert not found, found


@pytest.fixture(scope="module")
def full_run(tmp_path_factory) -> Run:
    """`hush run` on every sample with every option, logs captured at DEBUG, the temp folder snapshotted."""
    base = tmp_path_factory.mktemp("privacy")
    out, key, temp_root = base / "out", base / "hush.key", base / "tmp"
    temp_root.mkdir()
    snapshot: dict[str, str] = {}
    modes: list[int] = []
    paths: list[Path] = []
    real_ffmpeg = media.run_ffmpeg

    def ffmpeg_watched(*args: str) -> None:
        for folder in tempdir.live():
            modes.append(stat.S_IMODE(folder.stat().st_mode))
            paths.append(folder)
        for path in temp_root.rglob("*"):
            if path.is_file():
                snapshot[f"tmp/{path.relative_to(temp_root)}"] = path.read_text(errors="replace")
        real_ffmpeg(*args)

    scrub.configure_logging()
    collect = Collect()
    root = logging.getLogger()
    lowered = [root, *map(logging.getLogger, scrub.QUIET)]
    levels = [logger.level for logger in lowered]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HUSH_TMPDIR", str(temp_root))
        patch.setattr(media, "run_ffmpeg", ffmpeg_watched)
        root.addHandler(collect)
        for logger in lowered:  # even with every library at DEBUG, no text may reach a handler
            logger.setLevel(logging.DEBUG)
        try:
            result = runner.invoke(app, ["run", *map(str, SAMPLE_AUDIO), str(VIDEO), "-o", str(out), "--model", MODEL,
                                         "--redact-media", "--embed-captions", "--style", "pseudonym",
                                         "--mapping-key", str(key), "--keep-raw"])
        finally:
            root.removeHandler(collect)
            for logger, level in zip(lowered, levels):
                logger.setLevel(level)
    assert result.exit_code == 0, result.output
    raw = raw_transcripts(out, key)
    assert sorted(raw) == sorted([p.stem for p in SAMPLE_AUDIO] + [VIDEO.stem])
    traces = {**folder_texts(out), **snapshot, "stdout": result.stdout, "stderr": result.stderr,
              "log records": "\n".join(collect.lines), **folder_texts(temp_root)}
    return Run(out, key, raw, checked_by_stem(out, raw), traces, modes, paths, temp_root)


def test_no_caught_canary_in_any_output_log_or_temp_file(full_run):
    assert_no_leak(full_run.checked, full_run.traces, at_least=20)
    # The checks cover every kind of trace, media metadata and embedded captions included.
    names = set(full_run.traces)
    for stem in full_run.raw:
        assert {f"{stem}.txt", f"{stem}.srt", f"{stem}.vtt", f"{stem}.json", f"{stem}.summary.md",
                f"{stem}.report.json"} <= names
    assert {"therapy_intake_video.redacted.mp4", "clinic_call.redacted.flac", "stdout", "stderr", "log records"} <= names
    assert any(name.startswith("tmp/") and name.endswith("graph.txt") for name in names)
    assert any(name.startswith("tmp/") and name.endswith("captions.vtt") for name in names)


def test_spoken_forms_are_checked_too(full_run):
    every = set().union(*full_run.checked.values())
    number_words = set(ONES[1:] + TENS[2:])
    spoken = {f for f in every if " dot " in f or re.fullmatch(r"\d+( \d+)+", f) or number_words & set(f.split())}
    assert spoken, sorted(every)  # e.g. "james dot wilson", "81 35" (tiny.en's "555, 246, 81, 35")


def test_the_raw_transcript_is_written_only_encrypted(full_run):
    encrypted = sorted(full_run.out.glob("*.raw.enc"))
    assert len(encrypted) == len(full_run.raw)
    for path in encrypted:
        data = path.read_bytes()
        assert data.startswith(b"gAAAAA")  # a Fernet token
        assert not leaks(full_run.checked[path.name.removesuffix(".raw.enc")], {path.name: data.decode()})
    done = subprocess.run([sys.executable, "-m", "pipeline", "unmask", str(encrypted[0]), "--mapping-key",
                           str(full_run.out / "missing.key")], capture_output=True, text=True)
    assert done.returncode == 2 and "key file not found" in done.stderr


def test_outputs_are_owner_only_and_the_temp_folder_private_and_gone(full_run):
    assert stat.S_IMODE(full_run.out.stat().st_mode) == 0o700
    for path in full_run.out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert full_run.temp_modes and set(full_run.temp_modes) == {0o700}
    assert all(p.is_relative_to(full_run.temp_root) for p in full_run.temp_paths)
    assert list(full_run.temp_root.iterdir()) == []
    assert not [p for p in full_run.out.iterdir() if p.name.startswith(".")]


@pytest.mark.skipif("batch" not in COMMANDS, reason="no `hush batch` here")
def test_batch_leaves_no_canary(full_run, tmp_path, monkeypatch, capfd):
    sample = SAMPLE_AUDIO[0]
    monkeypatch.setenv("HUSH_TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(sample), "-o", str(out), "--model", MODEL, "--style", "pseudonym"])
    assert result.exit_code == 0, result.output
    captured = capfd.readouterr()
    traces = {**folder_texts(out), **folder_texts(tmp_path / "tmp"), "stdout": result.stdout,
              "stderr": result.stderr, "fd out": captured.out, "fd err": captured.err}
    assert any(name.startswith("batch-report") for name in traces)
    assert_no_leak({sample.stem: full_run.checked[sample.stem]}, traces)


@pytest.mark.skipif("watch" not in COMMANDS, reason="no `hush watch` here")
def test_watch_leaves_no_canary_in_outputs_state_or_log(full_run, tmp_path):
    sample = SAMPLE_AUDIO[1]
    inbox, out, temp = tmp_path / "inbox", tmp_path / "out", tmp_path / "tmp"
    inbox.mkdir()
    temp.mkdir()
    watcher = subprocess.Popen([sys.executable, "-m", "pipeline", "watch", str(inbox), "-o", str(out), "--model",
                                MODEL, "--settle", "0.2", "--style", "pseudonym"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "HUSH_TMPDIR": str(temp)})
    try:
        shutil.copy(sample, inbox / sample.name)
        deadline = time.monotonic() + 150
        while not (inbox / "processed" / sample.name).exists() and time.monotonic() < deadline:
            assert watcher.poll() is None, watcher.stderr.read()
            time.sleep(0.2)
    finally:
        watcher.send_signal(signal.SIGTERM)
        stdout, stderr = watcher.communicate(timeout=60)
    assert (out / f"{sample.stem}.txt").is_file(), stderr
    traces = {**folder_texts(out), **folder_texts(temp), **folder_texts(inbox, skip=(".enc", sample.name)),
              "stdout": stdout, "stderr": stderr}
    assert any(name.endswith(".db") for name in traces), sorted(traces)
    assert_no_leak({sample.stem: full_run.checked[sample.stem]}, traces)


def test_debug_run_as_a_subprocess_leaks_nothing_and_leaves_no_residue(tmp_path):
    """stderr of ``hush --debug run`` (fd level: native libraries included), HOME untouched, temp folder empty."""
    sample = SAMPLE_AUDIO[2]
    home, temp, out, key = tmp_path / "home", tmp_path / "tmp", tmp_path / "out", tmp_path / "k.key"
    home.mkdir()
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ORT_"))}
    done = subprocess.run([sys.executable, "-m", "pipeline", "--debug", "run", str(sample), "-o", str(out), "--model",
                           MODEL, "--redact-media", "--mapping-key", str(key), "--keep-raw"],
                          capture_output=True, text=True, timeout=300,
                          env={**env, "HOME": str(home), "HUSH_TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr
    raw = raw_transcripts(out, key)
    checked = checked_by_stem(out, raw)
    assert_no_leak(checked, {"stdout": done.stdout, "stderr": done.stderr, **folder_texts(out)}, at_least=4)
    assert "airlock refused" not in done.stderr
    assert list(temp.iterdir()) == []
    assert [str(p.relative_to(home)) for p in home.rglob("*")] == []  # e.g. no onnxruntime telemetry database


def driver(body: str) -> str:
    """A Python program that runs `hush` with a fake transcriber (no model load) and `body`'s patches."""
    return textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(TESTS)!r})
        from conftest import FakeTranscriber
        from pipeline import cli, media, process
        TEXT = "Maria Lopez called from 555 123 4567 about her appointment at 42 Oak Street."
        process.WhisperTranscriber = lambda model, options: FakeTranscriber([TEXT])
    """) + textwrap.dedent(body) + "\ncli.main()\n"


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    return convert(SAMPLE_AUDIO[0], tmp_path_factory.mktemp("clip") / "clip.wav", "-t", "12")


@pytest.mark.parametrize("debug", [True, False])
def test_an_error_while_handling_text_never_shows_the_text(tmp_path, clip, debug):
    code = driver(f"""
        class Exploding:
            def __init__(self, options): pass
            def replacer(self): return None
            def redact_transcript(self, transcript, names=None):
                words = " ".join(w.text for s in transcript.segments for w in s.words)
                raise ValueError("cannot redact: " + words)
        process.Redactor = Exploding
        sys.argv = ["hush", *(["--debug"] if {debug} else []), "run", {str(clip)!r}, "-o", {str(tmp_path / "out")!r},
                    "--model", "tiny.en", "-q"]
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    for word in ("Maria", "Lopez", "4567", "Oak"):
        assert word not in done.stderr + done.stdout
    lines = done.stderr.strip().splitlines()
    if debug:
        assert lines[0] == "Traceback (most recent call last):"
        assert any("pipeline/process.py" in line for line in lines)
        assert "ValueError (message withheld: it may hold transcript text)" in lines
        assert lines[-1] == "hush: internal error (ValueError)"
    else:
        assert lines == [f"hush: error: {clip}: internal error (ValueError); rerun with --debug"]


def test_format_exception_keeps_frames_and_types_and_hush_messages():
    def inner(text: str) -> None:
        raise KeyError(text)

    try:
        try:
            inner("airaM"[::-1])  # the value is not in the source line the traceback shows
        except KeyError as exc:
            from pipeline.errors import InputError

            raise InputError("not UTF-8 text", path="notes.txt") from exc
    except Exception as exc:
        shown = scrub.format_exception(exc)
    assert "Maria" not in shown
    assert "KeyError (message withheld: it may hold transcript text)" in shown
    assert "pipeline.errors.InputError: notes.txt: not UTF-8 text" in shown
    assert "The above exception was the direct cause of the following exception:" in shown
    assert shown.index("KeyError") < shown.index("InputError")
    assert 'in inner' in shown and 'raise KeyError(text)' in shown


def test_pretty_exceptions_stay_disabled():
    assert app.pretty_exceptions_enable is False
    assert app.pretty_exceptions_show_locals is False


def test_library_logs_never_carry_text(capfd):
    import presidio_analyzer  # noqa: F401  (adds its own "decision_process" handler on import)
    import spacy  # noqa: F401  (adds its own "spacy" handler on import)

    secret = "".join(reversed("zepoL airaM"))  # not in any source line a logging error could print
    scrub.configure_logging()
    records = Collect()
    logging.getLogger().addHandler(records)
    try:
        for name in ("presidio-analyzer", "decision_process", "spacy", "faster_whisper", "some.other.lib"):
            logger = logging.getLogger(name)
            logger.warning("found %s", secret)
            logger.error(f"bad token {secret} at {name}")
            try:
                raise ValueError(secret)
            except ValueError:
                logger.exception("oops")
        logging.getLogger("decision_process").info("decision on %s", secret)  # presidio's own INFO handler
        logging.getLogger("hush.watch").warning("event=failed file=meeting.flac")
    finally:
        logging.getLogger().removeHandler(records)
    captured = capfd.readouterr()
    everything = "\n".join(records.lines) + captured.out + captured.err
    assert "Maria" not in everything and "Lopez" not in everything, everything
    assert "presidio-analyzer warning at" in everything and scrub.WITHHELD in everything
    assert "event=failed file=meeting.flac" in everything  # hush's own lines pass (they carry no text)


def test_python_warnings_never_carry_text():
    done = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import warnings
        from pipeline import scrub
        scrub.configure_logging()
        secret = "".join(reversed("zepoL airaM"))
        warnings.warn(f"W030 Some entities could not be aligned in the text {secret!r}", UserWarning)
    """)], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stderr.strip() == f"UserWarning at <string>:6 ({scrub.WITHHELD})"


def test_presidio_decision_process_stays_off():
    from pipeline.config import RedactOptions
    from pipeline.redact import Redactor

    assert Redactor(RedactOptions())._engine.log_decision_process is False


def test_keep_raw_without_a_key_is_a_one_line_usage_error(tmp_path, clip):
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(clip), "-o", str(tmp_path / "out"),
                           "--keep-raw"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "hush: error: --keep-raw needs --mapping-key: the raw transcript is only ever written encrypted"]
    assert not (tmp_path / "out").exists()


def test_a_key_file_group_or_others_can_read_is_refused_like_ssh_refuses_a_loose_key(tmp_path):
    notes, clean, key = tmp_path / "notes.txt", tmp_path / "clean.txt", tmp_path / "hush.key"
    notes.write_text("Call Maria Lopez at 555 123 4567.\n")
    made = subprocess.run([sys.executable, "-m", "pipeline", "redact", str(notes), "-o", str(clean),
                           "--mapping-key", str(key)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600  # a key hush creates is the owner's alone
    clean.unlink()
    for mode, command in ((0o644, ["redact", str(notes), "-o", str(clean)]),
                          (0o620, ["unmask", str(tmp_path / "clean.txt.mapping.enc")])):
        key.chmod(mode)
        done = subprocess.run([sys.executable, "-m", "pipeline", *command, "--mapping-key", str(key)],
                              capture_output=True, text=True)
        assert done.returncode == 2, (mode, command, done.stderr)
        assert done.stderr.splitlines() == [f"hush: error: {key}: key file permissions {mode:04o} are too open: "
                                            f"group or others have access (chmod 600 {key})"]
        assert "Maria" not in done.stdout and not clean.exists()


def test_output_mode_is_configurable(tmp_path, clip):
    out = tmp_path / "shared"
    result = runner.invoke(app, ["run", str(clip), "-o", str(out), "--model", MODEL, "-q", "--output-mode", "640",
                                 "--no-summary"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o640}
    for bad in ("0644x", "200"):
        result = runner.invoke(app, ["run", str(clip), "-o", str(out), "--output-mode", bad])
        assert result.exit_code != 0 and "--output-mode" in str(result.exception)


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_removes_the_temp_folder_and_the_staged_outputs(tmp_path, clip, signum, code):
    temp, out = tmp_path / "tmp", tmp_path / "out"
    temp.mkdir()
    program = driver(f"""
        real = media.run_ffmpeg
        def stalled(*args):
            if any("filter_complex" in a for a in args):
                print("READY", flush=True)
                time.sleep(120)
            real(*args)
        media.run_ffmpeg = stalled
        sys.argv = ["hush", "run", {str(clip)!r}, "-o", {str(out)!r}, "--model", "tiny.en", "-q", "--redact-media"]
    """)
    hush = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "HUSH_TMPDIR": str(temp)})
    try:
        assert hush.stdout.readline().strip() == "READY", hush.stderr.read()
        (session,) = temp.iterdir()
        assert stat.S_IMODE(session.stat().st_mode) == 0o700
        assert [p.name for p in session.rglob("graph.txt")] == ["graph.txt"]
        assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")]  # the staged redacted recording
        hush.send_signal(signum)
        _, stderr = hush.communicate(timeout=60)
    finally:
        if hush.poll() is None:
            hush.kill()
    assert hush.returncode == code, stderr
    assert stderr.strip().splitlines()[-1] == "hush: interrupted"
    assert list(temp.iterdir()) == []
    assert list(out.iterdir()) == []


def test_private_folders_nest_in_a_session_and_go_on_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HUSH_TMPDIR", str(tmp_path))
    with pytest.raises(RuntimeError):
        with tempdir.session():
            with tempdir.private("media-") as one:
                (one / "graph.txt").write_text("x")
                assert one.parent.parent == tmp_path and stat.S_IMODE(one.parent.stat().st_mode) == 0o700
                with tempdir.private("other-") as two:
                    assert two.parent == one.parent and stat.S_IMODE(two.stat().st_mode) == 0o700
                raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == [] and tempdir.live() == ()


def test_an_unexpected_network_attempt_during_a_run_fails_that_file_with_a_clear_error(tmp_path, clip):
    code = driver(f"""
        import socket
        real = media.decode
        def phoning_home(path, *args):
            socket.getaddrinfo("telemetry.example.com", 443)
            return real(path, *args)
        media.decode = phoning_home
        sys.argv = ["hush", "run", {str(clip)!r}, "-o", {str(tmp_path / "out")!r}, "--model", "tiny.en", "-q"]
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == ("hush: error: network access refused: __main__ tried to reach "
                                           "telemetry.example.com:443 (hush runs offline; see `hush doctor`)")
    assert airlock.NetworkBlocked.exit_code == 1
