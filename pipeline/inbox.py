"""What the watcher knows and does about files in an inbox: when one appears (watchdog), which
to ignore, when one is complete (`Settler`), and (`Inbox`) taking it, copying it for a worker,
and moving or deleting it once done; all through `pipeline.safe_folder`, since the inbox is
written by other people.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from . import outputs
from .safe_folder import Changed, Identity, SafeFolder, copy_out

# Names that file-copy tools, browsers and office programs give files still being written.
PARTIAL_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".opdownload", ".tmp", ".temp",
                    ".filepart", ".!ut", ".!qb", ".swp")
PARTIAL_PREFIXES = (".", "~$")


def ignored(name: str) -> bool:
    """Dot-files, ``~$`` lock files and partial-upload names (``.part``, ``.crdownload``, ``.tmp``, …)."""
    return name.startswith(PARTIAL_PREFIXES) or name.lower().endswith(PARTIAL_SUFFIXES)


@contextlib.contextmanager
def observe(inbox: Path, poll: float | None, sink: Callable[[Path], None],
            fallback: Callable[[str], None]) -> Iterator[None]:
    """Pass the path of every file event in `inbox` to `sink` (from watchdog's thread) inside the block.

    `poll` seconds: a polling observer (file systems without events). Otherwise the OS's
    events, falling back to polling every 2 s (`fallback` is told why) when they can't be had.
    """
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    class Handler(FileSystemEventHandler):
        def on_any_event(self, e: Any) -> None:
            if not e.is_directory:
                for name in (e.src_path, getattr(e, "dest_path", "")):
                    if name:
                        sink(Path(os.fsdecode(name)))

    observer = PollingObserver(timeout=poll) if poll else Observer()
    try:
        # With events, watch processed/ and failed/ too: moving an original there is then a
        # paired move, where an unpaired one would hold up every later event for 0.5 s.
        observer.schedule(Handler(), str(inbox), recursive=not poll)
        observer.start()
    except OSError as exc:  # e.g. the inotify watch limit
        fallback(exc.strerror or type(exc).__name__)
        observer = PollingObserver(timeout=2.0)
        observer.schedule(Handler(), str(inbox), recursive=False)
        observer.start()
    try:
        yield
    finally:
        # watchdog's inotify emitter logs a spurious error when an event races its stop
        logging.getLogger("watchdog").setLevel(logging.CRITICAL)
        observer.stop()
        observer.join(timeout=5)


Signature = tuple[int, int]  # (size, mtime in ns)


class Settler:
    """Decides when a file has stopped changing: the same size and mtime for `settle` seconds.

    Call `watch` for each path an event or a scan names, then `ready(now)` as often as you
    like (`now` from a monotonic clock); a path leaves only through `forget`. Without
    `follow_links` a symbolic link is looked at as itself (it settles at once, to be refused);
    with it, its target is.
    """

    def __init__(self, settle: float, follow_links: bool = False) -> None:
        self.settle = settle
        self.follow_links = follow_links
        self._seen: dict[Path, tuple[Signature, float] | None] = {}

    def __contains__(self, path: Path) -> bool:
        return path in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def watch(self, path: Path) -> None:
        self._seen.setdefault(path, None)

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def restart(self, path: Path) -> None:
        """Start the settle clock again (the file is still open for writing, or changed)."""
        if path in self._seen:
            self._seen[path] = None

    def signature(self, path: Path) -> Signature | None:
        entry = self._seen.get(path)
        return entry[0] if entry else None

    def ready(self, now: float) -> list[Path]:
        """Paths unchanged for the settle time; vanished paths, pipes, folders and devices are dropped."""
        found = []
        for path, entry in list(self._seen.items()):
            try:
                info = os.stat(path, follow_symlinks=self.follow_links)
            except OSError:
                del self._seen[path]
                continue
            if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
                del self._seen[path]
                continue
            signature = (info.st_size, info.st_mtime_ns)
            if entry is None or entry[0] != signature:
                self._seen[path] = entry = (signature, now)
                if self.settle > 0:
                    continue
            if now - entry[1] >= self.settle:
                found.append(path)
        return found


F_SETLEASE = 1024  # Linux <fcntl.h>; Python's fcntl names it only on some versions


def open_for_writing(fd: int) -> bool:
    """Whether some process has the file of `fd` (our read-only descriptor) open for writing
    (Linux: a read lease is refused then).

    False where it can't be told: not Linux, not the file's owner, a file system without
    leases (NFS, SMB). The lease is released at once; the caller ignores SIGIO, the signal
    a lease break would send in that instant.
    """
    if not sys.platform.startswith("linux"):
        return False
    import fcntl

    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_SETLEASE", F_SETLEASE), fcntl.F_RDLCK)
    except OSError as exc:
        return exc.errno in (errno.EAGAIN, errno.EBUSY)
    fcntl.fcntl(fd, getattr(fcntl, "F_SETLEASE", F_SETLEASE), fcntl.F_UNLCK)
    return False


@dataclass(frozen=True)
class Taken:
    """A settled file as it was taken: the hash of its bytes, and the inbox entry it came from."""

    sha256: str
    size: int
    mtime: float
    entry: Identity


class Inbox:
    """The inbox, its ``processed/`` and ``failed/`` folders, held open, and what the watcher does
    to one entry: take it, copy it for a worker, put it away. Nothing here follows a link out of
    the inbox (unless `follow_links`), and nothing is moved or deleted unless its name still
    points to the entry that was taken (`Changed` otherwise).
    """

    def __init__(self, path: Path, folder_mode: int, follow_links: bool) -> None:
        self.path, self.follow_links = path, follow_links
        self._folders = contextlib.ExitStack()
        with self._folders:
            self.box = self._folders.enter_context(SafeFolder(path))
            self.processed = self._folders.enter_context(self.box.subfolder("processed", folder_mode))
            self.failed = self._folders.enter_context(self.box.subfolder("failed", folder_mode))
            self._folders = self._folders.pop_all()

    def close(self) -> None:
        self._folders.close()

    def __enter__(self) -> "Inbox":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def lstat(self, name: str) -> os.stat_result | None:
        return self.box.lstat(name)

    def take(self, name: str, signature: Signature | None) -> Taken | None:
        """Open `name` once and hash it through that descriptor.

        None when it is not ready after all (open for writing, changed since it settled, or
        swapped between the look and the open): settle it again. Raises `Refused` for an entry
        hush will not read, OSError when it is gone.
        """
        with self.box.open(name, self.follow_links) as (fd, info):
            entry = self.box.lstat(name)
            swapped = entry is None or (not self.follow_links and Identity.of(entry) != Identity.of(info))
            if swapped or open_for_writing(fd) or (info.st_size, info.st_mtime_ns) != signature:
                return None
            sha = outputs.sha256_fd(fd)
            after = os.fstat(fd)
            if (after.st_size, after.st_mtime_ns) != signature:  # written to while it was hashed
                return None
        assert entry is not None
        return Taken(sha, info.st_size, info.st_mtime, Identity.of(entry))

    def entry(self, name: str, taken: Identity | None) -> os.stat_result:
        """The entry `name` (``lstat``): FileNotFoundError when gone, `Changed` when it is not `taken`."""
        entry = self.box.lstat(name)
        if entry is None:
            raise FileNotFoundError(name)
        if taken is not None and Identity.of(entry) != taken:
            raise Changed(name)
        return entry

    def copy(self, name: str, taken: Identity | None, sha256: str, target: Path) -> None:
        """Copy the entry taken as `name` to the new file `target` from a descriptor checked to be
        it; `Changed` when the name or the bytes are not what was taken (`sha256`)."""
        entry = self.entry(name, taken)
        with self.box.open(name, self.follow_links) as (fd, info):
            if not self.follow_links and Identity.of(info) != Identity.of(entry):
                raise Changed(name)  # swapped between the look and the open
            if copy_out(fd, target) != sha256:
                raise Changed(name)

    def destination(self, name: str, failed: bool) -> Path:
        """Where an original called `name` can go in ``failed/`` or ``processed/`` without overwriting anything."""
        folder = self.failed if failed else self.processed
        return folder.path / folder.unused_name(name)

    def put_away(self, name: str, taken: Identity | None, moved_to: str, error: str | None = None,
                 mode: int = 0o600) -> str | None:
        """Move the entry to `moved_to` (in ``failed/`` with `error` written beside it as
        ``.error.txt``, or in ``processed/``), or with `moved_to` empty delete it
        (`SafeFolder.shred`: returns why it was only unlinked, None when it was zeroed)."""
        folder = self.failed if error is not None else self.processed
        if error is not None and moved_to:
            folder.write_atomic(Path(moved_to).name + ".error.txt", error, mode)
        self.entry(name, taken)
        if moved_to:
            self.box.move_to(name, folder, Path(moved_to).name)
            return None
        return self.box.shred(name, taken)

    def own_name(self, name: str, wanted: str) -> str:
        """Rename the entry `name` to `wanted`, or ``wanted-2``, … when taken; returns the new name."""
        new = self.box.unused_name(wanted)
        self.box.rename(name, new)
        return new
