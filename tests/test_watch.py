"""`hush watch`: every file dropped into the inbox processed exactly once, also across a SIGKILL.

The pieces (names ignored, settling, the open-for-writing check, the state file) are tested
directly; the watcher itself runs as a real `python -m pipeline watch` process with tiny.en,
so it can be killed and restarted like a service.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import psutil
import pytest

from clips import copy_all, make_clips
from pipeline.config import AsrOptions, OutputOptions, RunOptions
from pipeline.errors import InputError, UsageError
from pipeline.inbox import Settler, ignored, open_for_writing
from pipeline.safe_folder import SafeFolder
from pipeline.state import DONE, FAILED, PENDING, PROCESSING, StateStore
from pipeline.config import WatchOptions
from pipeline.watch import run_watch
from watcher_process import Watcher, processed



# -- the pieces --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, skip", [
    ("meeting.m4a", False), ("Team sync 3.flac", False), ("call.m4a.part", True), ("call.crdownload", True),
    ("upload.TMP", True), ("~$notes.docx", True), (".DS_Store", True), (".meeting.m4a.swp", True),
    ("x.partial", True), ("a~b.wav", False),
])
def test_partial_upload_names_are_ignored(name, skip):
    assert ignored(name) is skip


def test_a_file_settles_only_after_size_and_mtime_stop_changing(tmp_path):
    path = tmp_path / "a.flac"
    path.write_bytes(b"1")
    settler = Settler(settle=2.0)
    settler.watch(path)
    assert settler.ready(0.0) == []       # first sight starts the clock
    assert settler.ready(1.9) == []
    with path.open("ab") as handle:
        handle.write(b"2")                # still growing: the clock restarts
    assert settler.ready(2.5) == []
    assert settler.ready(4.4) == []
    assert settler.ready(4.5) == [path]
    settler.restart(path)
    assert settler.ready(5.0) == [] and settler.ready(7.0) == [path]
    path.unlink()
    assert settler.ready(8.0) == [] and path not in settler
    path.write_bytes(b"3")
    eager = Settler(settle=0.0)
    eager.watch(path)
    assert eager.ready(0.0) == [path]  # no settle time: taken at first sight (still subject to the lease check)


def writing(path: Path) -> bool:
    with SafeFolder(path.parent) as folder, folder.open(path.name) as (fd, _):
        return open_for_writing(fd)


def test_a_file_open_for_writing_is_seen(tmp_path):
    path = tmp_path / "rec.flac"
    path.write_bytes(b"data")
    assert writing(path) is False
    with path.open("ab"):
        assert writing(path) is (sys.platform == "linux")
    with path.open("rb"):
        assert writing(path) is False


def test_unused_name_never_overwrites_and_delete_overwrites_first(tmp_path):
    (tmp_path / "a.flac").write_bytes(b"1")
    (tmp_path / "a-2.flac.error.txt").write_text("x")
    with SafeFolder(tmp_path) as folder:
        assert folder.unused_name("a.flac") == "a-3.flac"
        assert folder.unused_name("b.flac") == "b.flac"
        assert folder.shred("a.flac", None) is None  # None: zeroed, then deleted
    assert not (tmp_path / "a.flac").exists()


def test_state_rows_record_attempts_and_dedupe_by_hash(tmp_path):
    store = StateStore(tmp_path / "state.db")
    row = store.add(tmp_path / "a.flac", 10, 1.5, "ab" * 32)
    assert store.by_hash("ab" * 32).id == row.id and store.stem_owner("a").id == row.id
    assert store.start(row.id).attempts == 1 and store.get(row.id).status == PROCESSING
    store.retry(row.id, "a.flac: boom")
    assert store.get(row.id).status == PENDING and store.get(row.id).error == "a.flac: boom"
    store.start(row.id)
    store.retry(row.id, None, count=False)  # abandoned on shutdown: the attempt is given back
    assert store.get(row.id).attempts == 1
    done = store.finish(row.id, DONE, str(tmp_path / "processed" / "a.flac"), duration=3.0, process_s=1.0)
    assert done.status == DONE and store.unmoved() == [done]
    store.mark_moved(row.id)
    assert store.unmoved() == [] and store.by_hash("ab" * 32).status == DONE
    store.close()
    mode = sqlite3.connect(tmp_path / "state.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_watch_options_are_checked(tmp_path):
    for bad in ({"poll": 0}, {"settle": -1}, {"max_attempts": 0}, {"workers": 0}):
        with pytest.raises(UsageError):
            WatchOptions(tmp_path, **bad)


def test_a_second_watcher_on_the_same_output_and_bad_folders_are_refused(tmp_path):
    import fcntl

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    options = RunOptions(asr=AsrOptions(model="tiny.en"), output=OutputOptions(out_dir=out))
    (out / ".hush").mkdir(parents=True)
    with open(out / ".hush" / "watch.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running watcher holds it
        with pytest.raises(UsageError, match="another hush watch"):
            run_watch(options, WatchOptions(inbox))
    with pytest.raises(InputError):
        run_watch(options, WatchOptions(tmp_path / "missing"))
    with pytest.raises(UsageError, match="must not be the inbox"):
        run_watch(RunOptions(asr=AsrOptions(model="tiny.en"), output=OutputOptions(out_dir=inbox)),
                  WatchOptions(inbox))
    assert not (out / ".hush" / "state.db").exists()


# -- the watcher as a process --------------------------------------------------------------------

@pytest.fixture(scope="module")
def clips(tmp_path_factory) -> list[Path]:
    return make_clips(tmp_path_factory.mktemp("watch-clips"), 20)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> list[Path]:
    """Two more clips, different from the burst's (the same bytes would count as duplicates)."""
    return make_clips(tmp_path_factory.mktemp("watch-fresh"), 2, seconds=2.5, offset=5.0)


@pytest.fixture(scope="module")
def watcher(tmp_path_factory):
    """One polling watcher, two workers, shared by the burst, slow-file and corrupt-file tests."""
    running = Watcher(tmp_path_factory.mktemp("polling"), "--poll", "0.3", "--settle", "1.5", "--workers", "2",
                      "--max-attempts", "2").start()
    yield running
    assert running.stop() == 0
    assert running.events("stopped")


def test_a_burst_of_20_files_is_each_processed_exactly_once(watcher, clips):
    copy_all(clips, watcher.inbox)
    names = [c.name for c in clips]
    watcher.wait_for(processed(watcher, names), timeout=150, what="the burst")
    watcher.assert_processed_once(names)
    assert not [p for p in watcher.inbox.iterdir() if p.is_file()]
    rows = {Path(r["path"]).name: r for r in watcher.rows()}
    assert all(rows[n]["status"] == DONE and rows[n]["attempts"] == 1 and rows[n]["moved"] == 1 for n in names)
    assert len(watcher.events("queued")) == 20 and not watcher.events("retry") and not watcher.events("failed")


def test_a_slowly_written_file_is_taken_only_once_complete(watcher, fresh):
    data = fresh[0].read_bytes()
    target = watcher.inbox / "slow.flac"
    chunks = [data[i:i + len(data) // 8 + 1] for i in range(0, len(data), len(data) // 8 + 1)]
    with target.open("wb") as handle:
        for n, chunk in enumerate(chunks):
            handle.write(chunk)
            handle.flush()
            lease_works = n > 0 or writing(target)
            # Pauses shorter than the settle time, and one longer while the file is held open
            # for writing (where that can be checked): neither may let a partial file through.
            time.sleep(2.5 if (n == 3 and lease_works) else 0.4)
    finished = time.time()
    watcher.wait_for(processed(watcher, ["slow.flac"]), timeout=60, what="the slow file")
    row = next(r for r in watcher.rows() if Path(r["path"]).name == "slow.flac")
    assert row["size"] == len(data) and row["attempts"] == 1 and row["status"] == DONE
    assert row["started_at"] >= finished - 0.05
    assert len(watcher.events("queued", file="slow.flac")) == 1
    duration = json.loads((watcher.out / "slow.report.json").read_text())["duration"]
    assert duration == pytest.approx(2.5, abs=0.1)


def test_a_corrupt_file_fails_alone_and_duplicates_and_partials_are_not_processed(watcher, clips, fresh):
    if not (watcher.inbox / "processed" / clips[1].name).exists():  # run alone, without the burst
        copy_all([clips[1]], watcher.inbox)
        watcher.wait_for(processed(watcher, [clips[1].name]), timeout=60, what=clips[1].name)
    (watcher.inbox / "corrupt.flac").write_bytes(b"fLaC" + random.Random(6).randbytes(4000))
    (watcher.inbox / "upload.flac.part").write_bytes(fresh[1].read_bytes())
    (watcher.inbox / "~$lock.flac").write_bytes(b"lock")
    copy_all([clips[1]], watcher.inbox / "again")[0].rename(watcher.inbox / "copy-of-clip01.flac")
    watcher.wait_for(lambda: (watcher.inbox / "failed" / "corrupt.flac").exists()
                     and (watcher.inbox / "processed" / "copy-of-clip01.flac").exists(), timeout=60,
                     what="the corrupt file and the duplicate")

    error = (watcher.inbox / "failed" / "corrupt.flac.error.txt").read_text()
    assert "corrupt.flac" in error and "attempts: 2" in error and len(error) < 300
    assert not list(watcher.out.glob("corrupt.*")) and not list(watcher.out.glob("copy-of-clip01.*"))
    statuses = {Path(r["path"]).name: r["status"] for r in watcher.rows()}
    assert statuses["corrupt.flac"] == FAILED and statuses["copy-of-clip01.flac"] == "duplicate"

    time.sleep(2.0)  # well past the settle time: the partial upload and the lock file stay untouched
    assert (watcher.inbox / "upload.flac.part").exists() and (watcher.inbox / "~$lock.flac").exists()
    (watcher.inbox / "upload.flac.part").rename(watcher.inbox / "upload.flac")
    watcher.wait_for(processed(watcher, ["upload.flac"]), timeout=60, what="the renamed upload")
    watcher.assert_processed_once(["upload.flac"])


# Three watcher processes, SIGKILL and signals racing real transcription: once in about a
# dozen runs on a loaded machine it failed in development without a reproducible cause, so it
# gets one rerun (the failure's watcher log is in the assertion message). One race, found
# later in `processed` (the move is seen before the `done` line is written), may have been it.
@pytest.mark.flaky(reruns=1)
def test_killed_mid_file_and_restarted_every_file_ends_processed_exactly_once(tmp_path, clips):
    # Clips of the two samples tiny.en gets through at an even pace (one of the third's windows
    # sends it into slow temperature fallbacks), long enough for the kill to land mid-file.
    long_clips = make_clips(tmp_path / "long", 4, seconds=8.0, offset=8.0, samples=(1, 2))
    names = [c.name for c in long_clips]
    first = Watcher(tmp_path, "--settle", "0.5").start()
    copy_all(long_clips, first.inbox)
    first.wait_for(lambda: len(first.events("start")) >= 2, timeout=90, what="the second file to start")
    time.sleep(0.1)
    workers = psutil.Process(first.proc.pid).children(recursive=True)
    assert workers
    assert first.stop(signal.SIGKILL) == -signal.SIGKILL
    alive = psutil.wait_procs(workers, timeout=10)[1]
    assert not alive, f"{alive} outlived the killed watcher"
    interrupted = first.events("start")[-1]["file"]
    assert not first.events("done", file=interrupted), f"the kill did not land mid-file:\n{first.log.read_text()}"
    assert (first.inbox / interrupted).exists(), "an original left the inbox before its outputs were complete"

    second = Watcher(tmp_path, "--settle", "0.5").start()
    second.wait_for(processed(second, names), timeout=120, what="every file after the restart")
    assert second.events("recovered", file=interrupted), second.log.read_text()
    second.assert_processed_once(names)

    # SIGTERM while a file is in hand: it is finished, and the watcher exits 0.
    extra = copy_all(make_clips(tmp_path / "extra", 2, seconds=16.0, offset=30.0, samples=(1, 2)),
                     tmp_path / "extra-copies")
    extra[0].rename(second.inbox / "graceful.flac")
    second.wait_for(lambda: second.events("start", file="graceful.flac"), timeout=30, what="graceful.flac")
    assert second.stop(signal.SIGTERM) == 0
    assert second.events("done", file="graceful.flac"), second.log.read_text()

    # Two signals: the file in hand is abandoned, not counted, and done by the next start.
    third = Watcher(tmp_path, "--settle", "0.5").start()
    extra[1].rename(third.inbox / "abandoned.flac")
    third.wait_for(lambda: third.events("start", file="abandoned.flac"), timeout=60, what="abandoned.flac")
    third.proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)  # two signals, not one: the first asks to finish, the second to abandon
    assert third.stop(signal.SIGTERM) == 0
    assert third.events("abandoned", file="abandoned.flac") and not third.events("done", file="abandoned.flac"), \
        third.log.read_text()
    assert (third.inbox / "abandoned.flac").exists()
    fourth = Watcher(tmp_path, "--settle", "0.5").start()
    fourth.wait_for(processed(fourth, ["abandoned.flac"]), timeout=60, what="abandoned.flac after restart")
    assert fourth.stop() == 0

    fourth.assert_processed_once(names + ["graceful.flac", "abandoned.flac"])
    rows = {Path(r["path"]).name: r for r in fourth.rows()}
    assert rows[interrupted]["attempts"] == 2 and rows["abandoned.flac"]["attempts"] == 1, fourth.log.read_text()
    assert all(r["status"] == DONE and r["moved"] == 1 for r in rows.values())
    assert not [p for p in fourth.inbox.iterdir() if p.is_file()] and not list((fourth.inbox / "failed").iterdir())


def test_the_watcher_takes_the_output_options_of_hush_run(tmp_path, fresh):
    """A drop folder for recordings that must come out beeped: --redact-media and --no-summary."""
    running = Watcher(tmp_path, "--poll", "0.3", "--settle", "1", "--redact-media", "--no-summary").start()
    try:
        copy_all(fresh[:1], running.inbox)
        running.wait_for(processed(running, [fresh[0].name]), timeout=120, what="the clip")
    finally:
        assert running.stop() == 0
    stem = fresh[0].stem
    assert (running.out / f"{stem}.redacted.flac").stat().st_size > 0
    assert (running.out / f"{stem}.txt").is_file() and not (running.out / f"{stem}.summary.md").exists()
