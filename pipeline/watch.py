"""`hush watch`: every recording dropped into INBOX processed exactly once, across restarts and crashes.

One supervisor process notices files (watchdog events, or polling for file systems without
events), waits until each is complete, records it in the state file (`pipeline.state`) and
hands it to a pool of worker processes that keep the models loaded. Outputs go to OUT as
`hush run` writes them (staged, then moved into place together); only after the final
status is committed does the original move to ``INBOX/processed/`` (or ``failed/``). A
crash at any point leaves a state the next start finishes: nothing is lost, nothing is
done twice. Log lines carry names, statuses and durations; never transcript text.

The inbox is untrusted (other people write to it): every entry is opened without following
links and checked on its descriptor (`pipeline.safe_folder`); a symbolic link or a file with
a second name is refused (moved to ``failed/``) unless ``--follow-links``; what a worker
processes is a private copy made from the checked descriptor (``OUT/.hush/work``, 0700), so
a name swapped for a link after the file settled changes nothing; and the original is moved
or deleted only while its name still points to the file that was taken.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import fcntl
import glob
import json
import logging
import os
import queue
import shutil
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterator

from . import outputs
from .config import RunOptions, WatchOptions
from .errors import InputError, UsageError
from .inbox import Inbox, Settler, ignored, observe
from .process import Engines
from .safe_folder import Changed, Identity, Refused, SafeFolder
from .state import ACTIVE, DONE, DUPLICATE, FAILED, PROCESSING, Row, StateStore
from .workers import DONE as JOB_DONE, Outcome, PoolExecutor

TICK_S = 0.05
TAKE_BUDGET_S = 0.5  # hashing settled files may not hold up dispatching for longer than this
log = logging.getLogger("hush.watch")


def _value(value: object) -> str:
    text = f"{value:.3f}" if isinstance(value, float) else str(value)
    return json.dumps(text) if not text or any(c in text for c in ' "=\\\n') else text


def event(level: int, name: str, **fields: object) -> None:
    """One structured log line: ``event=NAME key=value …`` (names, statuses, durations; no text)."""
    log.log(level, " ".join([f"event={name}"] + [f"{k}={_value(v)}" for k, v in fields.items() if v is not None]))


class Watcher:
    """The supervisor: notices, settles, records, dispatches, collects, moves; one thread."""

    def __init__(self, options: RunOptions, watch: WatchOptions) -> None:
        self.options, self.watch = options, watch
        self.inbox, self.out = watch.inbox, options.output.out_dir
        self.work = self.out / ".hush" / "work"  # private copies of the files in hand
        self._events: queue.SimpleQueue[Path] = queue.SimpleQueue()
        self._settler = Settler(watch.settle, watch.follow_links)
        self._inflight: dict[Any, tuple[Row, float, Path]] = {}
        self._taken_at: dict[int, float] = {}
        self._held: set[str] = set()  # paths of rows not finished, or whose original is not moved yet
        self._stop_at: float | None = None
        self._abandon = self._told_stop = False
        self._next_scan = self._next_settle = 0.0

    # -- life cycle -------------------------------------------------------------------------

    def run(self) -> int:
        """Watch until SIGINT/SIGTERM; returns the exit code (0)."""
        self._check_folders()
        Engines(self.options)  # resolve the model here: a missing one fails before anything is touched
        with self._folders(), self._exclusive(), contextlib.closing(StateStore(self.out / ".hush" / "state.db")) as self.state:
            self._clear_work()
            self._recover()
            self.executor = PoolExecutor(self.options, self.watch.workers, force=True)
            try:
                with self._signals(), self._observer():
                    began = time.monotonic()
                    self.executor.start()
                    event(logging.INFO, "ready", inbox=str(self.inbox), workers=self.watch.workers,
                          load_s=time.monotonic() - began)
                    while not self._finished():
                        self._step()
            finally:
                self._abandon_inflight()
                self._clear_work()
        event(logging.INFO, "stopped")
        return 0

    def stop(self, *_: object) -> None:
        """Stop taking files; a second call abandons the files in hand (they are retried next start)."""
        if self._stop_at is None:
            self._stop_at = time.monotonic() + self.watch.grace
        else:
            self._abandon = True

    def _finished(self) -> bool:
        if self._stop_at is None:
            return False
        if not self._told_stop:
            self._told_stop = True
            event(logging.INFO, "stopping", in_hand=len(self._inflight))
        return not self._inflight or self._abandon or time.monotonic() >= self._stop_at

    def _check_folders(self) -> None:
        if not self.inbox.is_dir():
            raise InputError("inbox is not an existing folder", path=str(self.inbox))
        if self.out.resolve() == self.inbox.resolve():
            raise UsageError("the output folder must not be the inbox itself (use e.g. INBOX/out)")
        outputs.ensure_writable(self.out, self.options.output.file_mode)

    @contextlib.contextmanager
    def _folders(self) -> Iterator[None]:
        """Hold the inbox, ``processed/``, ``failed/`` and ``OUT/.hush`` open (a link planted at
        one of the last three is replaced by a real folder, never followed)."""
        mode = outputs.folder_mode(self.options.output.file_mode)
        with contextlib.ExitStack() as stack:
            self.box = stack.enter_context(Inbox(self.inbox, mode, self.watch.follow_links))
            out = stack.enter_context(SafeFolder(self.out))
            self.private = stack.enter_context(out.subfolder(".hush", 0o700))
            with contextlib.suppress(OSError):  # names and hashes of recordings, and copies of them
                os.fchmod(self.private.fd, 0o700)
            yield

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        """One watcher per output folder: an exclusive lock the kernel drops if the process dies."""
        fd = self.private.open_own("watch.lock")
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise UsageError("another hush watch is using this output folder", path=str(self.out)) from None
            yield
        finally:
            os.close(fd)

    def _clear_work(self) -> None:
        """Remove every private copy (left by a crash, or by the run now ending); keep the folder 0700."""
        shutil.rmtree(self.work, ignore_errors=True)
        self.private.subfolder(self.work.name, 0o700).close()

    @contextlib.contextmanager
    def _signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        saved = {s: signal.signal(s, self.stop) for s in (signal.SIGINT, signal.SIGTERM)}
        saved[signal.SIGIO] = signal.signal(signal.SIGIO, signal.SIG_IGN)  # see inbox.open_for_writing
        try:
            yield
        finally:
            for number, handler in saved.items():
                signal.signal(number, handler)

    @contextlib.contextmanager
    def _observer(self) -> Iterator[None]:
        def fallback(reason: str) -> None:
            event(logging.WARNING, "polling", reason=reason)

        with observe(self.inbox, self.watch.poll, self._events.put, fallback):
            yield

    # -- the loop ---------------------------------------------------------------------------

    def _step(self) -> None:
        now = time.monotonic()
        if self._stop_at is None:
            self._notice(now)
            if now >= self._next_settle:  # stat the candidates a few times per settle period, not every tick
                self._next_settle = now + min(0.25, self.watch.settle / 8)
                for path in self._settler.ready(now):
                    if time.monotonic() - now < TAKE_BUDGET_S:
                        self._take(path)
            self._dispatch()
        if self._inflight:
            cf.wait(list(self._inflight), timeout=TICK_S, return_when=cf.FIRST_COMPLETED)
        else:
            time.sleep(TICK_S)
        self._collect()

    def _notice(self, now: float) -> None:
        """Feed the settler from file events, and from a full scan now and then."""
        found: list[Path] = []
        with contextlib.suppress(queue.Empty):
            while True:
                found.append(self._events.get_nowait())
        if now >= self._next_scan:
            self._next_scan = now + self.watch.rescan
            with os.scandir(self.inbox) as entries:  # files and links; pipes and folders are not taken
                found += [Path(e.path) for e in entries if e.is_symlink() or e.is_file(follow_symlinks=False)]
        for path in found:
            if path.parent == self.inbox and not ignored(path.name) and str(path) not in self._held:
                self._settler.watch(path)

    def _take(self, path: Path) -> None:
        """A settled file: open it once (no links followed), hash it through that descriptor, then
        queue it, retire it as a duplicate of content already done, or refuse it."""
        try:
            taken = self.box.take(path.name, self._settler.signature(path))
        except Refused as refusal:
            self._settler.forget(path)
            self._refuse(path, refusal)
            return
        except OSError:
            self._settler.forget(path)
            return
        owner = None if taken is None else self.state.by_hash(taken.sha256)
        if taken is None or (owner is not None and owner.status in ACTIVE):
            self._settler.restart(path)  # not ready after all, or the same content is in hand
            return
        self._settler.forget(path)
        entry = (taken.entry.dev, taken.entry.ino)
        if owner is not None:
            row = self.state.add(path, taken.size, taken.mtime, taken.sha256, DUPLICATE, entry=entry)
            self._finish(row, DUPLICATE, Outcome(str(path), DUPLICATE, duration=owner.duration or 0.0))
            event(logging.INFO, "duplicate", file=path.name, of=Path(owner.path).name, status=DUPLICATE)
            return
        own = self._own_name(path, taken.sha256)
        if own is None:  # could not be renamed: try again after another settle period
            self._settler.watch(path)
            return
        row = self.state.add(own, taken.size, taken.mtime, taken.sha256, entry=entry)
        self._held.add(row.path)
        self._taken_at[row.id] = time.monotonic()
        event(logging.INFO, "queued", file=own.name, size=taken.size)

    def _refuse(self, path: Path, refusal: Refused) -> None:
        """An entry hush will not read (a link, a second name): one log line, then to ``failed/``
        with its ``.error.txt``; the entry itself is moved, never what it points to."""
        entry = self.box.lstat(path.name)
        if entry is None:
            return
        error = f"{path}: refused: {refusal}"
        row = self.state.add(path, entry.st_size, entry.st_mtime, "", FAILED,
                             entry=(entry.st_dev, entry.st_ino), error=error)
        event(logging.WARNING, "refused", file=path.name, reason=refusal.reason)
        self._finish(row, FAILED, Outcome(str(path), FAILED, error=error))

    def _own_name(self, path: Path, sha: str) -> Path | None:
        """Rename a file whose stem another recording's outputs already use, so none is overwritten
        (outputs named by content hash never need it)."""
        if self.options.output.names != "stem":
            return path
        owner = self.state.stem_owner(path.stem)
        report = self.out / f"{path.stem}.report.json"
        try:
            foreign = report.is_file() and json.loads(report.read_text()).get("input_sha256") != sha
        except (OSError, ValueError, AttributeError):
            foreign = True
        if (owner is None or owner.sha256 == sha) and not foreign:
            return path
        wanted = f"{path.stem}-{sha[:8]}{path.suffix}"
        try:
            target = self.inbox / self.box.own_name(path.name, wanted)
        except OSError as exc:
            event(logging.ERROR, "rename-failed", file=path.name, to=wanted, error=exc.strerror)
            return None
        event(logging.INFO, "renamed", file=path.name, to=target.name, reason="name used by another recording")
        return target

    def _dispatch(self) -> None:
        while len(self._inflight) < self.watch.workers:
            row = self.state.next_pending()
            if row is None:
                return
            copy = self._private_copy(row)
            if copy is None:
                continue
            row = self.state.start(row.id)
            self._inflight[self.executor.submit(copy)] = (row, time.monotonic(), copy)
            event(logging.INFO, "start", file=Path(row.path).name, attempt=row.attempts)

    def _private_copy(self, row: Row) -> Path | None:
        """Copy the taken file, from a descriptor checked to be it, to ``OUT/.hush/work/<id>/<name>``
        (what the worker reads); None when it can't be processed now (the row is settled here)."""
        name = Path(row.path).name
        folder = self.work / str(row.id)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(mode=0o700)
        try:
            try:
                self.box.copy(name, _identity(row), row.sha256, folder / name)
            except BaseException:  # no half-made copy is left, whatever went wrong
                shutil.rmtree(folder, ignore_errors=True)
                raise
            return folder / name
        except Changed:
            self.state.forget(row.id)
            self._taken_at.pop(row.id, None)
            self._release(row)
            event(logging.WARNING, "changed", file=name, reason="replaced or rewritten after it was taken; taken anew")
        except Refused as refusal:  # e.g. given a second name since it was taken
            event(logging.WARNING, "refused", file=name, reason=refusal.reason)
            self._finish(row, FAILED, Outcome(row.path, FAILED, error=f"{row.path}: refused: {refusal}"))
        except FileNotFoundError:
            error = f"{row.path}: original disappeared from the inbox before it was processed"
            self._finish(row, FAILED, Outcome(row.path, FAILED, error=error))
            event(logging.WARNING, "failed", file=name, status=FAILED, error=error)
        except OSError as exc:  # e.g. no space for the copy: an attempt, retried like any failure
            row = self.state.start(row.id)
            self._failed_attempt(row, f"{row.path}: cannot make a private copy ({exc.strerror or type(exc).__name__})")
        return None

    def _release(self, row: Row) -> None:
        """The name in the inbox is free again: whatever stands there now is a new file to settle."""
        self._held.discard(row.path)
        self._settler.watch(Path(row.path))

    def _collect(self) -> None:
        for future in [f for f in self._inflight if f.done()]:
            row, began, copy = self._inflight.pop(future)
            outcome = self.executor.outcome(future)
            shutil.rmtree(copy.parent, ignore_errors=True)
            outcome = dataclasses.replace(outcome, path=row.path, error=outcome.error.replace(str(copy), row.path))
            name = Path(row.path).name
            if outcome.status == JOB_DONE:
                self._finish(row, DONE, outcome)
                taken = self._taken_at.pop(row.id, began)
                event(logging.INFO, "done", file=name, status=DONE, attempts=row.attempts,
                      audio_s=outcome.duration, entities=outcome.entities, process_s=outcome.seconds,
                      wait_s=began - taken, overhead_s=time.monotonic() - began - outcome.seconds)
                for warning in outcome.warnings:  # e.g. speech in a language the redactor has no model for
                    event(logging.WARNING, "warning", file=name, warning=warning)
            else:
                self._failed_attempt(row, outcome.error)

    def _failed_attempt(self, row: Row, error: str) -> None:
        """Retry the file, or fail it for good once it has had `max_attempts` tries."""
        name = Path(row.path).name
        if row.attempts >= self.watch.max_attempts:
            self._finish(row, FAILED, Outcome(row.path, FAILED, error=error))
            event(logging.ERROR, "failed", file=name, status=FAILED, attempts=row.attempts, error=error)
        else:
            self.state.retry(row.id, error)
            event(logging.WARNING, "retry", file=name, attempts=row.attempts, error=error)

    # -- finishing a file -------------------------------------------------------------------

    def _finish(self, row: Row, status: str, outcome: Outcome) -> None:
        """Commit the final status and the original's destination, then move (or delete) it."""
        keep = status == FAILED or not self.watch.delete_originals
        destination = str(self.box.destination(Path(row.path).name, failed=status == FAILED)) if keep else ""
        row = self.state.finish(row.id, status, destination, error=outcome.error or None,
                                duration=outcome.duration, process_s=outcome.seconds)
        self._move(row)

    def _move(self, row: Row) -> None:
        """Put a final row's original where `moved_to` says; safe to repeat after a crash.

        Only the inbox entry that was taken is moved or deleted: a link is moved (or unlinked)
        as itself, and a name that now points to something else is left to be taken anew.
        """
        name = Path(row.path).name
        if row.moved_to is None:  # died between adding a duplicate row and finishing it
            row = self.state.finish(row.id, row.status, str(self.box.destination(name, failed=False)))
        error = f"{row.error or 'failed'}\nattempts: {row.attempts}\n" if row.status == FAILED else None
        try:
            why = self.box.put_away(name, _identity(row), row.moved_to or "", error, self.options.output.file_mode)
            if why is not None:
                event(logging.WARNING, "unlinked", file=name, reason=f"deleted without overwriting: {why}")
        except FileNotFoundError:
            pass  # already moved (a crash after the move), or taken away by whoever put it there
        except Changed:
            event(logging.WARNING, "changed", file=name, reason="replaced after it was taken; the new file is taken anew")
            self.state.mark_moved(row.id)
            self._release(row)
            return
        except OSError as exc:  # left for the next start; meanwhile the file is not taken again
            self._held.add(row.path)
            event(logging.ERROR, "move-failed", file=name, to=row.moved_to or "(delete)",
                  error=exc.strerror or type(exc).__name__)
            return
        self._held.discard(row.path)
        self.state.mark_moved(row.id)

    def _recover(self) -> None:
        """Finish what a previous run left: retry interrupted files, move originals of finished ones."""
        for row in self.state.with_status(PROCESSING):
            self._clean_temps(row)
            name = Path(row.path).name
            if row.attempts >= self.watch.max_attempts:
                error = f"{row.path}: interrupted {row.attempts} time(s) while being processed"
                self._finish(row, FAILED, Outcome(row.path, FAILED, error=error))
                event(logging.ERROR, "failed", file=name, status=FAILED, attempts=row.attempts, error=error)
            else:
                self.state.retry(row.id, f"{row.path}: interrupted while being processed")
                event(logging.WARNING, "recovered", file=name, attempts=row.attempts)
        for row in self.state.unmoved():
            self._move(row)
        self._held = {row.path for row in self.state.with_status(*ACTIVE) + self.state.unmoved()}

    def _abandon_inflight(self) -> None:
        """On the way out: keep what finished, stop the rest; those are retried next start, uncounted."""
        self._collect()
        self.executor.close(abandon=bool(self._inflight))
        for row, _, _ in self._inflight.values():
            self.state.retry(row.id, None, count=False)
            self._clean_temps(row)
            event(logging.WARNING, "abandoned", file=Path(row.path).name)
        self._inflight.clear()

    def _clean_temps(self, row: Row) -> None:
        """Delete the temp files a killed worker left while staging this input's outputs."""
        stem = row.stem if self.options.output.names == "stem" else row.sha256[:16]
        for temp in self.out.glob(f".{glob.escape(stem)}.*.tmp"):
            with contextlib.suppress(OSError):
                temp.unlink()


def _identity(row: Row) -> Identity | None:
    """The inbox entry a row took, when recorded (rows of an older state file lack it)."""
    return Identity(row.dev, row.ino) if row.dev is not None and row.ino is not None else None


def run_watch(options: RunOptions, watch: WatchOptions, quiet: bool = False) -> int:
    """`hush watch`: structured log lines on stderr (warnings and errors only with `quiet`)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s level=%(levelname)s %(message)s"))
    saved = log.level, log.propagate
    log.addHandler(handler)
    log.setLevel(logging.WARNING if quiet else logging.INFO)
    log.propagate = False
    try:
        return Watcher(options, watch).run()
    finally:
        log.removeHandler(handler)
        log.level, log.propagate = saved
