"""One private place for every temporary file hush makes, and its removal on any exit.

`private()` gives a folder of mode 0700 (only this user can list or read it) under
``$HUSH_TMPDIR`` (else the system temp folder, ``$TMPDIR``). Inside a `session()` (the
command line opens one per command) every `private()` folder is a subfolder of one session
folder, created on first use. Each is removed when its block ends: on success, on error, and
on SIGINT, SIGTERM or SIGHUP, whose handlers (`install_signal_handlers`) remove the live
folders at once and then unwind the program with `Interrupted`, so the staged outputs are
deleted too and the process exits 130, 143 or 129.

What is never written anywhere: decoded audio (kept in memory) and the raw transcript
(kept in memory unless ``--keep-raw``, and then only encrypted).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path
from typing import Iterator

PREFIX = "hush-"
_SIGNALS = {"SIGINT": 130, "SIGTERM": 143, "SIGHUP": 129}

_live: list[Path] = []
_session: list[Path | None] = []  # a stack: the current session's folder, None until first used
_lock = threading.Lock()


class Interrupted(BaseException):
    """The process was told to stop (a signal). Not an Exception: nothing may catch it and go on."""

    def __init__(self, signum: int, exit_code: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.exit_code = exit_code


def root() -> Path:
    """Where private folders are made: ``$HUSH_TMPDIR``, else the system temp folder."""
    return Path(os.environ.get("HUSH_TMPDIR") or tempfile.gettempdir()).absolute()


def _make(prefix: str, parent: Path) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))  # mkdtemp: 0700, owned by us
    os.chmod(path, 0o700)  # whatever the umask or a platform's mkdtemp did
    with _lock:
        _live.append(path)
    return path


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    with _lock:
        with contextlib.suppress(ValueError):
            _live.remove(path)


@contextlib.contextmanager
def session() -> Iterator[None]:
    """One command's temp space: the `private()` folders inside it share one 0700 folder, removed at the end."""
    _session.append(None)
    try:
        yield
    finally:
        folder = _session.pop()
        if folder is not None:
            _remove(folder)


@contextlib.contextmanager
def private(prefix: str = "work-") -> Iterator[Path]:
    """A fresh 0700 folder for temporary files, removed when the block ends, however it ends."""
    parent = root()
    if _session:
        if _session[-1] is None:
            _session[-1] = _make(f"{PREFIX}{os.getpid()}-", parent)
        parent = _session[-1]
        path = _make(prefix, parent)
    else:
        path = _make(f"{PREFIX}{prefix}", parent)
    try:
        yield path
    finally:
        _remove(path)


def live() -> tuple[Path, ...]:
    """The private folders that exist now (for tests and `hush doctor`)."""
    with _lock:
        return tuple(_live)


def remove_all() -> None:
    """Remove every live private folder now (from a signal handler; idempotent)."""
    for path in reversed(live()):
        _remove(path)


def _on_signal(signum: int, frame) -> None:
    for name in _SIGNALS:  # a second signal must not cut the clean-up short
        with contextlib.suppress(ValueError, OSError, AttributeError):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    remove_all()
    raise Interrupted(signum, _SIGNALS[signal.Signals(signum).name])


def install_signal_handlers() -> None:
    """SIGINT/SIGTERM/SIGHUP: remove the private folders, then unwind (staged outputs are deleted on the way).

    Only the main thread can set handlers; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for name in _SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_signal)
