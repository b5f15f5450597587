"""The untrusted inbox, piece by piece: every kind of entry someone could drop, with and without
--follow-links, and what opening, copying, deleting and writing beside it may touch.

Files outside the inbox are watched through inotify on their inodes (`file_access`), so an
open through any name counts: "unread" below means not even opened.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
from pathlib import Path

import pytest

from file_access import AccessWatch
from pipeline.errors import InputError
from pipeline.safe_folder import Changed, Identity, Refused, SafeFolder, copy_out
from pipeline.state import StateStore

SECRET = b"a recording the people who drop files may not read\n" * 100


@pytest.fixture
def places(tmp_path):
    """An inbox and a folder elsewhere holding a private file."""
    inbox, elsewhere = tmp_path / "inbox", tmp_path / "elsewhere"
    inbox.mkdir()
    elsewhere.mkdir()
    private = elsewhere / "private.wav"
    private.write_bytes(SECRET)
    return inbox, elsewhere, private


def plant(kind: str, inbox: Path, elsewhere: Path, private: Path) -> Path:
    """One entry named ``entry.wav`` of the given kind in the inbox."""
    entry = inbox / "entry.wav"
    if kind == "file":
        entry.write_bytes(b"dropped recording")
    elif kind == "symlink":
        entry.symlink_to(private)
    elif kind == "relative-symlink":
        entry.symlink_to(Path("..") / elsewhere.name / private.name)
    elif kind == "dangling-symlink":
        entry.symlink_to(elsewhere / "missing.wav")
    elif kind == "symlink-to-folder":
        entry.symlink_to(elsewhere)
    elif kind == "hardlink":
        os.link(private, entry)
    elif kind == "fifo":
        os.mkfifo(entry)
    elif kind == "folder":
        entry.mkdir()
    return entry


# What `open` does with each kind: (follow_links=False, follow_links=True); a string is the refusal.
EXPECTED = {
    "file": ("opened", "opened"),
    "symlink": ("symlink", "opened"),
    "relative-symlink": ("symlink", "opened"),
    "dangling-symlink": ("symlink", "FileNotFoundError"),
    "symlink-to-folder": ("symlink", "not-a-file"),
    "hardlink": ("hardlink", "opened"),
    "fifo": ("not-a-file", "not-a-file"),
    "folder": ("not-a-file", "not-a-file"),
}


@pytest.mark.parametrize("follow", [False, True], ids=["default", "follow-links"])
@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_every_kind_of_entry_is_opened_or_refused_without_touching_what_it_points_to(places, kind, follow):
    inbox, elsewhere, private = places
    plant(kind, inbox, elsewhere, private)
    expected = EXPECTED[kind][follow]
    outcome = []

    def attempt() -> None:
        try:
            with SafeFolder(inbox) as folder, folder.open("entry.wav", follow) as (fd, info):
                assert stat.S_ISREG(info.st_mode)
                outcome.append("opened")
        except Refused as refusal:
            outcome.append(refusal.reason)
        except OSError as exc:
            outcome.append(type(exc).__name__)

    with AccessWatch([private]) as access:
        worker = threading.Thread(target=attempt, daemon=True)
        worker.start()
        worker.join(5)
        assert not worker.is_alive(), "opening the entry blocked (a named pipe must not hang the watcher)"
        opened_private = any(name == private.name for name, _ in access.poll())
    assert outcome == [expected]
    points_to_private = kind in ("symlink", "relative-symlink", "hardlink")
    assert opened_private == (expected == "opened" and points_to_private)
    assert private.read_bytes() == SECRET


def test_a_refused_entry_says_why_in_one_line(places):
    inbox, elsewhere, private = places
    plant("hardlink", inbox, elsewhere, private)
    with SafeFolder(inbox) as folder, pytest.raises(Refused) as refused:
        with folder.open("entry.wav"):
            pass
    assert str(refused.value) == ("a hard link: the file has 2 names, so its data is also elsewhere "
                                  "(--follow-links takes it)")


def test_the_private_copy_is_exactly_the_bytes_hashed_and_never_written_through_a_link(tmp_path):
    source = tmp_path / "rec.flac"
    source.write_bytes(SECRET)
    work = tmp_path / "work"
    work.mkdir()
    with SafeFolder(tmp_path) as folder, folder.open("rec.flac") as (fd, _):
        os.lseek(fd, 100, os.SEEK_SET)  # the copy starts at the beginning whatever the offset
        sha = copy_out(fd, work / "rec.flac")
        victim = tmp_path / "victim"
        victim.write_bytes(b"keep")
        (work / "planted").symlink_to(victim)
        with pytest.raises(FileExistsError):
            copy_out(fd, work / "planted")
    assert sha == hashlib.sha256(SECRET).hexdigest() == hashlib.sha256((work / "rec.flac").read_bytes()).hexdigest()
    assert stat.S_IMODE((work / "rec.flac").stat().st_mode) == 0o600
    assert victim.read_bytes() == b"keep"


def test_shred_zeroes_only_a_file_whose_only_name_is_in_the_inbox(places):
    inbox, elsewhere, private = places
    alone = inbox / "alone.wav"
    alone.write_bytes(SECRET)
    os.link(private, inbox / "hard.wav")
    (inbox / "sym.wav").symlink_to(private)
    with SafeFolder(inbox) as folder:
        held = os.open(alone, os.O_RDONLY)  # to read the data after the name is gone
        try:
            assert folder.shred("alone.wav", Identity.of(alone.lstat())) is None
            assert os.pread(held, len(SECRET), 0) == bytes(len(SECRET)), "the data was not overwritten"
        finally:
            os.close(held)
        with AccessWatch([private]) as access:
            why = folder.shred("hard.wav", Identity.of((inbox / "hard.wav").lstat()))
            assert why == "the file has 2 names: zeroing it would destroy the others' data"
            why = folder.shred("sym.wav", Identity.of((inbox / "sym.wav").lstat()))
            assert why == "a symbolic link: only the link was removed, its target is untouched"
            writes = [event for event in access.poll() if event[1] == "write"]
        assert not writes
    assert not any(inbox.iterdir()) and private.read_bytes() == SECRET


def test_shred_leaves_a_name_that_now_points_to_another_file(places):
    inbox, elsewhere, private = places
    taken = inbox / "rec.wav"
    taken.write_bytes(b"the recording that was processed")
    identity = Identity.of(taken.lstat())
    swapped = inbox / "swap"
    swapped.symlink_to(private)
    os.replace(swapped, taken)  # a link swapped in after the file was processed
    with SafeFolder(inbox) as folder, pytest.raises(Changed):
        folder.shred("rec.wav", identity)
    assert taken.is_symlink() and private.read_bytes() == SECRET


def test_folders_and_files_of_our_own_replace_planted_links(places):
    inbox, elsewhere, private = places
    (inbox / "processed").symlink_to(elsewhere)
    (inbox / "failed").write_bytes(b"not a folder")
    (inbox / "note.error.txt").symlink_to(private)
    (inbox / "watch.lock").symlink_to(private)
    with SafeFolder(inbox) as folder:
        with folder.subfolder("processed", 0o750) as processed:
            assert processed.path == inbox / "processed"
        assert (inbox / "processed").is_dir() and not (inbox / "processed").is_symlink()
        assert stat.S_IMODE((inbox / "processed").stat().st_mode) == 0o750
        with pytest.raises(InputError, match="exists and is not a folder"):
            folder.subfolder("failed")
        folder.write_atomic("note.error.txt", "failed\n")
        os.close(folder.open_own("watch.lock"))
    assert (inbox / "note.error.txt").read_text() == "failed\n" and not (inbox / "note.error.txt").is_symlink()
    assert not (inbox / "watch.lock").is_symlink()
    assert private.read_bytes() == SECRET and list(elsewhere.iterdir()) == [private]


def test_the_state_file_replaces_planted_links_and_takes_an_older_schema(tmp_path):
    import sqlite3

    hush = tmp_path / ".hush"
    hush.mkdir()
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    (hush / "state.db-wal").symlink_to(victim)
    old = sqlite3.connect(hush / "state.db")  # the schema before inbox entries were recorded
    old.execute("CREATE TABLE inputs (id INTEGER PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL, "
                "mtime REAL NOT NULL, sha256 TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL "
                "DEFAULT 0, error TEXT, moved_to TEXT, moved INTEGER NOT NULL DEFAULT 0, seen_at REAL NOT NULL, "
                "started_at REAL, finished_at REAL, duration REAL, process_s REAL, stem TEXT NOT NULL)")
    old.execute("INSERT INTO inputs (path, size, mtime, sha256, status, seen_at, stem) "
                "VALUES ('/in/a.flac', 1, 1.0, 'ab', 'pending', 1.0, 'a')")
    old.commit()
    old.close()
    store = StateStore(hush / "state.db")
    assert store.next_pending().dev is None
    row = store.add(tmp_path / "b.flac", 2, 2.0, "cd", entry=(7, 11))
    assert (row.dev, row.ino) == (7, 11)
    store.close()
    assert victim.read_bytes() == b"keep" and not (hush / "state.db-wal").is_symlink()


def test_the_inbox_copies_only_the_file_it_took(places, tmp_path):
    from pipeline.inbox import Inbox

    inbox, elsewhere, private = places
    work = tmp_path / "work"
    work.mkdir()
    (inbox / "rec.wav").write_bytes(b"the bytes that were taken")
    info = (inbox / "rec.wav").stat()
    with Inbox(inbox, 0o700, follow_links=False) as box:
        with (inbox / "rec.wav").open("ab"):  # still being written: not taken
            assert box.take("rec.wav", (info.st_size, info.st_mtime_ns)) is None
        assert box.take("rec.wav", (info.st_size + 1, info.st_mtime_ns)) is None  # not what settled
        taken = box.take("rec.wav", (info.st_size, info.st_mtime_ns))
        assert taken.sha256 == hashlib.sha256(b"the bytes that were taken").hexdigest()

        box.copy("rec.wav", taken.entry, taken.sha256, work / "1.wav")
        assert (work / "1.wav").read_bytes() == b"the bytes that were taken"
        (inbox / "rec.wav").write_bytes(b"rewritten in place after it was taken")  # same inode
        with pytest.raises(Changed):
            box.copy("rec.wav", taken.entry, taken.sha256, work / "2.wav")
        (inbox / "swap").symlink_to(private)
        os.replace(inbox / "swap", inbox / "rec.wav")  # another entry under the name
        with AccessWatch([private]) as access:
            with pytest.raises(Changed):
                box.copy("rec.wav", taken.entry, taken.sha256, work / "3.wav")
            with pytest.raises(Changed):
                box.put_away("rec.wav", taken.entry, "")  # not deleted either
            assert access.poll() == []
        (inbox / "rec.wav").unlink()
        with pytest.raises(FileNotFoundError):
            box.copy("rec.wav", taken.entry, taken.sha256, work / "4.wav")
    assert private.read_bytes() == SECRET
