"""`hush watch` on an inbox other people write to: every attack a dropper could try, against the
real watcher process with tiny.en, real files and real links.

Files outside the inbox are watched through inotify on their inodes while the watcher runs
(`file_access.AccessWatch`): "unread" means not even opened, through any name.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import time
from pathlib import Path

import pytest

from clips import make_clips
from file_access import AccessWatch
from pipeline.outputs import sha256_file
from watcher_process import KINDS, Watcher


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def insane_wav(path: Path, channels: int) -> Path:
    """A WAV file whose header declares `channels` channels (a decoder bomb, or just garbage)."""
    block = channels * 2
    data = bytes(16000 * block // 10)
    fmt = struct.pack("<HHIIHH", 1, channels, 16000, 16000 * block, block, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> list[Path]:
    """Four distinct clips: two to keep outside the inbox, two to drop in; one 8 s long."""
    folder = tmp_path_factory.mktemp("hostile-clips")
    return make_clips(folder, 3, seconds=3.0, offset=40.0) + make_clips(folder / "long", 1, seconds=8.0, offset=20.0)


@pytest.fixture
def outside(tmp_path, recordings) -> dict[str, Path]:
    """Files that are not the inbox's: recordings someone may not read, and files a planted link aims at."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "procdir").mkdir(parents=True)
    (elsewhere / "faildir").mkdir()
    files = {"private": elsewhere / "private.flac", "linked": elsewhere / "linked.flac",
             "victim": elsewhere / "victim.txt", "lockvictim": elsewhere / "lock-victim"}
    files["private"].write_bytes(recordings[0].read_bytes())
    files["linked"].write_bytes(recordings[1].read_bytes())
    files["victim"].write_text("not hush's to write\n")
    files["lockvictim"].write_text("not hush's to lock\n")
    return files


def test_links_pipes_lists_and_bombs_dropped_in_the_inbox_are_refused_and_nothing_outside_is_touched(
        tmp_path, recordings, outside):
    watcher = Watcher(tmp_path, "--poll", "0.3", "--settle", "0.5", "--max-attempts", "1", "--delete-originals",
                      "--max-duration", "6s")
    inbox, out, elsewhere = watcher.inbox, watcher.out, outside["private"].parent
    # Links planted where the watcher writes: the output folder, its lock, processed/ and failed/.
    (out / ".hush").mkdir(parents=True)
    (out / "ok.txt").symlink_to(outside["victim"])
    (out / ".hush" / "watch.lock").symlink_to(outside["lockvictim"])
    (inbox / "processed").symlink_to(elsewhere / "procdir")
    (inbox / "failed").symlink_to(elsewhere / "faildir")
    # What a dropper puts in the inbox.
    (inbox / "sym.flac").symlink_to(outside["private"])
    (inbox / "relative.flac").symlink_to(Path("..") / "elsewhere" / "private.flac")
    os.link(outside["linked"], inbox / "hard.flac")
    os.mkfifo(inbox / "pipe.flac")
    (inbox / "playlist.mp4").write_text(f"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n{outside['private']}\n"
                                        "#EXT-X-ENDLIST\n")
    (inbox / "list.mp4").write_text(f"ffconcat version 1.0\nfile '{outside['private']}'\n")
    (inbox / "neighbour.mp4").write_text("ffconcat version 1.0\nfile 'ok.flac'\n")  # another dropper's file
    insane_wav(inbox / "bomb.wav", channels=200)
    (inbox / "long.flac").write_bytes(recordings[3].read_bytes())  # 8 s, over --max-duration 6s
    (inbox / "ok.flac").write_bytes(recordings[2].read_bytes())
    (inbox / "new\nline.flac").write_bytes(recordings[2].read_bytes()[:-1] + b"\0")  # a newline in the name
    before = {name: digest(path) for name, path in outside.items()}
    refused = ["sym.flac", "relative.flac", "hard.flac"]
    broken = ["playlist.mp4", "list.mp4", "neighbour.mp4", "bomb.wav", "long.flac"]

    with AccessWatch(list(outside.values())) as access:
        watcher.start()
        try:
            watcher.wait_for(lambda: watcher.events("done", file="ok.flac") and watcher.events("done", file="new\\nline.flac")
                             and all((inbox / "failed" / n).is_symlink() or (inbox / "failed" / n).is_file()
                                     for n in refused + broken)
                             and len(watcher.events("failed")) >= len(broken), timeout=120, what="every file")
            time.sleep(1.0)  # a rescan or two more: nothing else happens
        finally:
            assert watcher.stop() == 0, watcher.log.read_text()
        touched = access.poll()

    assert touched == [], f"files outside the inbox were opened: {touched}"
    assert {name: digest(path) for name, path in outside.items()} == before
    assert sorted(p.name for p in (elsewhere / "procdir").iterdir()) == []
    assert sorted(p.name for p in (elsewhere / "faildir").iterdir()) == []

    failed = inbox / "failed"
    assert failed.is_dir() and not failed.is_symlink() and not (inbox / "processed").is_symlink()
    assert (failed / "sym.flac").is_symlink() and (failed / "relative.flac").is_symlink()
    assert (failed / "hard.flac").stat().st_nlink == 2  # moved, not zeroed: linked.flac is intact
    for name in refused:
        (event,) = watcher.events("refused", file=name)
        assert event["reason"] == {"hard.flac": "hardlink"}.get(name, "symlink")
        error = (failed / f"{name}.error.txt").read_text()
        assert error.startswith(f"{inbox / name}: refused: a ") and "attempts: 0" in error
    for name in broken:
        error = (failed / f"{name}.error.txt").read_text()
        assert error.startswith(str(inbox / name)) and ".hush" not in error and len(error) < 300
        assert not list(out.glob(f"{Path(name).stem}.*"))
    assert "refused: a playlist, file list" in (failed / "list.mp4.error.txt").read_text()
    assert "refused: a playlist, file list" in (failed / "neighbour.mp4.error.txt").read_text()
    assert "200 audio channels" in (failed / "bomb.wav.error.txt").read_text()
    assert "more than --max-duration (6 s)" in (failed / "long.flac.error.txt").read_text()

    # The one real recording: processed, its planted output link replaced, the original zeroed and gone.
    assert all((out / f"ok{kind}").stat().st_size > 0 for kind in KINDS)
    assert not (out / "ok.txt").is_symlink() and outside["victim"].read_text() == "not hush's to write\n"
    assert not (inbox / "ok.flac").exists() and not list((inbox / "processed").iterdir())
    # The named pipe is left alone; the newline in a name is escaped in the log, one line per event.
    assert (inbox / "pipe.flac").exists() and not [r for r in watcher.rows() if Path(r["path"]).name == "pipe.flac"]
    assert watcher.events("done", file="new\\nline.flac")  # as written: the two characters \ and n
    assert all(line[:4].isdigit() for line in watcher.log.read_text().splitlines()), watcher.log.read_text()
    assert not (out / ".hush" / "watch.lock").is_symlink()
    assert not list((out / ".hush" / "work").iterdir()), "a private copy was left behind"


def test_with_follow_links_targets_are_read_but_only_the_links_are_deleted(tmp_path, outside):
    watcher = Watcher(tmp_path, "--poll", "0.3", "--settle", "0.5", "--delete-originals", "--follow-links")
    inbox = watcher.inbox
    (inbox / "sym.flac").symlink_to(outside["private"])
    os.link(outside["linked"], inbox / "hard.flac")
    private, linked = digest(outside["private"]), digest(outside["linked"])
    watcher.start()
    try:
        watcher.wait_for(lambda: watcher.events("done", file="sym.flac") and watcher.events("done", file="hard.flac")
                         and not (inbox / "sym.flac").is_symlink() and not (inbox / "hard.flac").exists(),
                         timeout=120, what="both links")
    finally:
        assert watcher.stop() == 0
    assert digest(outside["private"]) == private and digest(outside["linked"]) == linked
    assert outside["linked"].stat().st_nlink == 1
    for name, source in (("sym", outside["private"]), ("hard", outside["linked"])):
        assert json.loads((watcher.out / f"{name}.report.json").read_text())["input_sha256"] == sha256_file(source)
    reasons = {e["file"]: e["reason"] for e in watcher.events("unlinked")}
    assert "symbolic link" in reasons["sym.flac"] and "2 names" in reasons["hard.flac"]


def test_a_link_swapped_in_after_the_file_settled_changes_nothing(tmp_path, recordings, outside):
    """One file is swapped for a link while it waits for the only worker, the other while it is
    being transcribed: the first is taken anew (and refused), the second's outputs come from the
    bytes that were taken; the link's target is never opened, and never zeroed."""
    clips = make_clips(tmp_path / "clips", 2, seconds=16.0, offset=30.0, samples=(1, 2))
    watcher = Watcher(tmp_path, "--poll", "0.3", "--settle", "0.5", "--workers", "1", "--delete-originals")
    inbox = watcher.inbox
    taken = {}
    for clip in clips:
        taken[clip.name] = sha256_file(clip)
        (inbox / clip.name).write_bytes(clip.read_bytes())

    def swap(name: str) -> None:
        (inbox / "swap").symlink_to(outside["private"])
        os.replace(inbox / "swap", inbox / name)

    with AccessWatch([outside["private"]]) as access:
        watcher.start()
        try:
            watcher.wait_for(lambda: watcher.events("start") and len(watcher.events("queued")) == 2,
                             timeout=90, what="one file in hand, one waiting")
            busy = watcher.events("start")[0]["file"]
            waiting = next(n for n in taken if n != busy)
            swap(waiting)
            swap(busy)
            assert not watcher.events("start", file=waiting) and not watcher.events("done", file=busy), \
                f"the swaps came too late to test anything:\n{watcher.log.read_text()}"
            watcher.wait_for(lambda: watcher.events("done", file=busy)
                             and len(watcher.events("refused")) == 2, timeout=120, what="both swaps handled")
        finally:
            assert watcher.stop() == 0, watcher.log.read_text()
        touched = access.poll()
    assert touched == [], f"the link's target was opened: {touched}"
    assert digest(outside["private"]) == digest(recordings[0])
    report = json.loads((watcher.out / f"{Path(busy).stem}.report.json").read_text())
    assert report["input_sha256"] == taken[busy]  # processed from the private copy of what was taken
    assert not list(watcher.out.glob(f"{Path(waiting).stem}.*"))
    assert {e["file"] for e in watcher.events("changed")} == {busy, waiting}
    failed = inbox / "failed"
    assert (failed / busy).is_symlink() and (failed / waiting).is_symlink()
    assert not list((watcher.out / ".hush" / "work").iterdir())
