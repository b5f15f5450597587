"""Who touched a file: Linux inotify watches on the files themselves (their inodes), so an open
through any name (a symbolic link, a hard link, the file's own path) is seen.

Used to prove that files outside the inbox are not even opened, let alone changed.
"""

from __future__ import annotations

import ctypes
import errno
import os
import struct
from pathlib import Path

IN_ACCESS, IN_MODIFY, IN_OPEN = 0x001, 0x002, 0x020
IN_NONBLOCK, IN_CLOEXEC = os.O_NONBLOCK, os.O_CLOEXEC
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len


class AccessWatch:
    """Records every open, read and write of the given files (by any name) until `close`."""

    def __init__(self, paths: list[Path]) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._fd = self._libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self._names: dict[int, str] = {}
        for path in paths:
            wd = self._libc.inotify_add_watch(self._fd, os.fsencode(path), IN_OPEN | IN_ACCESS | IN_MODIFY)
            if wd < 0:
                raise OSError(ctypes.get_errno(), "inotify_add_watch", str(path))
            self._names[wd] = path.name
        self.events: list[tuple[str, str]] = []

    def poll(self) -> list[tuple[str, str]]:
        """Every (file name, "open"/"read"/"write") seen so far."""
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                break
            except OSError as exc:
                if exc.errno == errno.EAGAIN:
                    break
                raise
            offset = 0
            while offset < len(data):
                wd, mask, _, size = _EVENT.unpack_from(data, offset)
                offset += _EVENT.size + size
                kind = "write" if mask & IN_MODIFY else "read" if mask & IN_ACCESS else "open"
                self.events.append((self._names.get(wd, "?"), kind))
        return self.events

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> "AccessWatch":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
