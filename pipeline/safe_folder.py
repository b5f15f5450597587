"""A folder other people write to, handled through file descriptors (STYLE #18).

The watcher's inbox is untrusted: anyone who can drop a file there can also drop a symbolic
link to a file elsewhere, a hard link to one, a named pipe, or swap any of these in for a
file between two looks at it. `SafeFolder` holds the folder open and does everything by
name *inside* that descriptor (``dir_fd``), never following a link at the entry:

- `open` opens an entry once with ``O_NOFOLLOW`` and checks the descriptor (``fstat``): a
  regular file with one name, or `Refused` saying why (a link is refused before its target
  is opened at all);
- `copy_out` copies that descriptor into a private file while hashing it, so the bytes hush
  processes are the bytes it hashed, whatever happens to the name afterwards;
- `move_to`, `shred` and `write_atomic` rename, delete or write entries by name in folders
  held the same way, so a folder swapped for a link is not written through either. `shred`
  overwrites a file's bytes only when the entry is still the file that was processed and
  that file has no other name; anything else (a link, a second name, another device) is
  unlinked only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import outputs
from .errors import InputError, OutputError

_READ = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC  # O_NONBLOCK: opening a named pipe must not hang


class Refused(Exception):
    """An entry hush will not read: a symbolic link, a file with another name, not a regular file."""

    def __init__(self, reason: str, why: str) -> None:
        super().__init__(why)
        self.reason = reason  # a short word for the log: symlink, hardlink, not-a-file


@dataclass(frozen=True)
class Identity:
    """Which inode a name pointed to (``lstat``): a name that now points elsewhere is another file."""

    dev: int
    ino: int

    @classmethod
    def of(cls, info: os.stat_result) -> "Identity":
        return cls(info.st_dev, info.st_ino)


class SafeFolder:
    """A folder held open by descriptor; entries are named relative to it and links are never followed.

    The folder itself is opened by its path as given (the administrator's choice, a link
    included); nothing inside it is trusted.
    """

    def __init__(self, path: Path, fd: int | None = None) -> None:
        self.path = path
        try:
            self.fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC) if fd is None else fd
        except OSError as exc:
            raise InputError(f"cannot open folder ({exc.strerror or type(exc).__name__})", path=str(path)) from None
        self.dev = os.fstat(self.fd).st_dev

    def subfolder(self, name: str, mode: int = 0o700) -> "SafeFolder":
        """The folder `name` inside this one, made with `mode` when missing, held open likewise.

        A symbolic link standing at `name` is replaced by a real folder (the link could point
        anywhere; removing it loses nothing); a file there is an error.
        """
        for _ in range(3):  # a link planted again between our steps: try again, then give up
            with contextlib.suppress(FileExistsError):
                os.mkdir(name, mode, dir_fd=self.fd)
            try:
                fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=self.fd)
            except OSError as exc:
                info = self.lstat(name)
                if info is not None and stat.S_ISLNK(info.st_mode):  # ELOOP or ENOTDIR, by kernel
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(name, dir_fd=self.fd)
                    continue
                if exc.errno == errno.ENOTDIR:
                    raise InputError("exists and is not a folder", path=str(self.path / name)) from None
                raise InputError(f"cannot open folder ({exc.strerror})", path=str(self.path / name)) from None
            return SafeFolder(self.path / name, fd)
        raise InputError("keeps being replaced by a symbolic link", path=str(self.path / name))

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def __enter__(self) -> "SafeFolder":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def lstat(self, name: str) -> os.stat_result | None:
        """The entry itself (a link is not followed), or None when there is none."""
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False)
        except FileNotFoundError:
            return None

    @contextlib.contextmanager
    def open(self, name: str, follow_links: bool = False) -> Iterator[tuple[int, os.stat_result]]:
        """A read-only descriptor of the regular file `name` and its ``fstat``, closed after the block.

        Without `follow_links` a symbolic link (``ELOOP``) and a file with more than one name
        (a hard link: its data is also somewhere else) are `Refused`; with it, a link's target
        is read, and may have other names. Anything but a regular file is `Refused` (a pipe
        is opened without blocking and never read).
        """
        if not follow_links:  # look before opening: a refused entry is not even opened
            info = os.stat(name, dir_fd=self.fd, follow_symlinks=False)
            _check(info, follow_links)
        try:
            fd = os.open(name, _READ | (0 if follow_links else os.O_NOFOLLOW), dir_fd=self.fd)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise Refused("symlink", _SYMLINK) from None
            raise
        try:
            info = os.fstat(fd)  # what counts: the descriptor, whatever the name points to now
            _check(info, follow_links)
            os.set_blocking(fd, True)
            yield fd, info
        finally:
            os.close(fd)

    def open_own(self, name: str, mode: int = 0o600) -> int:
        """A read-write descriptor of a file of hush's own here (a lock), created when missing;
        a symbolic link at `name` is replaced, never opened through."""
        for _ in range(3):
            try:
                return os.open(name, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, mode, dir_fd=self.fd)
            except OSError as exc:
                if exc.errno != errno.ELOOP:
                    raise OutputError(f"cannot open ({exc.strerror})", path=str(self.path / name)) from None
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name, dir_fd=self.fd)
        raise OutputError("keeps being replaced by a symbolic link", path=str(self.path / name))

    def unused_name(self, name: str) -> str:
        """`name`, or ``<stem>-2<suffix>``, ``-3``, … when that or its ``.error.txt`` is taken."""
        base, candidate, n = Path(name), name, 2
        while self.lstat(candidate) is not None or self.lstat(candidate + ".error.txt") is not None:
            candidate = f"{base.stem}-{n}{base.suffix}"
            n += 1
        return candidate

    def rename(self, name: str, new_name: str) -> None:
        """Rename an entry within this folder (a link is renamed, not its target)."""
        os.rename(name, new_name, src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def move_to(self, name: str, folder: "SafeFolder", new_name: str) -> None:
        """Move the entry `name` (a link itself, never its target) into `folder` as `new_name`."""
        os.rename(name, new_name, src_dir_fd=self.fd, dst_dir_fd=folder.fd)

    def write_atomic(self, name: str, content: str, mode: int = 0o600) -> None:
        """Write `name` in this folder through a new temp entry (``O_EXCL``) renamed over it:
        a link standing at `name` is replaced, never written through."""
        temp = f".{name}.{os.urandom(4).hex()}.tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, mode,
                     dir_fd=self.fd)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content.encode("utf-8"))
                os.fchmod(handle.fileno(), mode)  # whatever the umask took away
            self.rename(temp, name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp, dir_fd=self.fd)
            raise

    def shred(self, name: str, identity: Identity | None) -> str | None:
        """Delete the entry `name`; overwrite its bytes with zeros first only when that is safe.

        Returns None when the data was zeroed, else why only the name was removed (a symbolic
        link: only the link goes; a file with other names or on another device: its data
        belongs to those too). Raises `Changed` when the entry is no longer `identity` (it
        was replaced after it was processed): nothing is deleted then.
        """
        info = self.lstat(name)
        if info is None:
            return "already gone"
        if identity is not None and Identity.of(info) != identity:
            raise Changed(name)
        if stat.S_ISLNK(info.st_mode):
            os.unlink(name, dir_fd=self.fd)
            return "a symbolic link: only the link was removed, its target is untouched"
        fd = os.open(name, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=self.fd)
        try:
            held = os.fstat(fd)
            if Identity.of(held) != Identity.of(info):
                raise Changed(name)
            why = _why_not_zero(held, self.dev)
            if why is None:
                _zero(fd, held.st_size)
        finally:
            os.close(fd)
        os.unlink(name, dir_fd=self.fd)
        return why


_SYMLINK = "a symbolic link (the inbox takes regular files only; --follow-links reads link targets)"


def _check(info: os.stat_result, follow_links: bool) -> None:
    """Refuse what is not a regular file, or (without `follow_links`) a link or a file with other names."""
    if stat.S_ISLNK(info.st_mode):
        raise Refused("symlink", _SYMLINK)
    if not stat.S_ISREG(info.st_mode):
        raise Refused("not-a-file", "not a regular file")
    if not follow_links and info.st_nlink > 1:
        raise Refused("hardlink", f"a hard link: the file has {info.st_nlink} names, so its data is "
                                  "also elsewhere (--follow-links takes it)")


class Changed(Exception):
    """The name no longer points to the file hush took: something was put in its place."""


def _why_not_zero(info: os.stat_result, folder_dev: int) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_nlink != 1:
        return f"the file has {info.st_nlink} names: zeroing it would destroy the others' data"
    if info.st_dev != folder_dev:
        return "the file is on another device than the inbox"
    return None


def _zero(fd: int, size: int) -> None:
    """Overwrite `size` bytes from the start with zeros and sync. On copy-on-write or flash
    storage old blocks may survive; full-disk encryption is what protects those."""
    zeros, done = bytes(1 << 20), 0
    while done < size:
        done += os.pwrite(fd, zeros[: min(size - done, len(zeros))], done)
    os.fsync(fd)


def copy_out(fd: int, target: Path) -> str:
    """Copy the open file `fd` (from its start) to the new file `target` (0600, ``O_EXCL``) and
    return the sha256 of exactly the bytes copied."""
    out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    with os.fdopen(out, "wb") as handle:
        return outputs.sha256_fd(fd, handle.write)
