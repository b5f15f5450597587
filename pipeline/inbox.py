"""What the watcher needs to know about files in an inbox: when one appears (watchdog), which to
ignore, and when one is complete. Opening, moving and deleting them is `pipeline.safe_folder`'s.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

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
