"""Where recordings are processed: here, in a local process pool, or on a Dask cluster (STYLE #7).

Every executor runs the same job, `run_job`: one input path in, one `Outcome` out. Only
paths, counts and error messages cross a process boundary; audio and text never do (Dask
workers read inputs from, and write outputs to, paths they share with the client). Models
are loaded once per worker process and reused for every file it gets.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import json
import multiprocessing
import os
import signal
import sys
import threading
import uuid
from abc import ABC, abstractmethod
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import outputs
from .config import RunOptions
from .errors import HushError, UsageError
from .language_check import LanguageCheck
from .process import Engines, process_isolated

DONE, SKIPPED, FAILED = "done", "skipped", "failed"


@dataclass(frozen=True)
class Outcome:
    """What became of one input, without any text: done, skipped (outputs already there) or failed.

    crashed: the worker process died while it held this file (a crash, or killed); the
        file itself may be innocent, so callers may retry it.
    """

    path: str
    status: str
    duration: float = 0.0
    entities: int = 0
    seconds: float = 0.0
    error: str = ""
    exit_code: int = 0
    notices: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    crashed: bool = False


def _extras_complete(report: dict, options: RunOptions) -> bool:
    """Whether what the report tells of the options holds: the redacted recording it names
    exists (``--redact-media``), and it says the outputs carry speaker labels (``--diarize``)."""
    if options.media.enabled:
        name = (report.get("media") or {}).get("output")
        if not isinstance(name, str) or not name or not (options.output.out_dir / Path(name).name).is_file():
            return False
    return not options.diarize.enabled or "diarizer" in report


def previous_outcome(path: Path, options: RunOptions) -> Outcome | None:
    """A `skipped` Outcome when every output of `path` exists (the encrypted mapping and raw
    files too when asked for, and `_extras_complete`) and its report has `path`'s sha256."""
    out = options.output
    kinds = out.kinds + ("mapping",) * (out.mapping_key is not None) + ("raw",) * out.keep_raw
    try:
        sha = outputs.sha256_file(path) if out.names != "stem" else None
        targets = outputs.output_paths(out.out_dir, outputs.output_stem(path, out.names, sha), kinds)
        report = targets.get("report")
        if report is None or not all(t.is_file() for t in targets.values()):
            return None
        data = json.loads(report.read_text(encoding="utf-8"))
        if data.get("input_sha256") != (sha or outputs.sha256_file(path)):
            return None
        if not _extras_complete(data, options):
            return None
    except (OSError, ValueError, AttributeError):
        return None
    earlier = LanguageCheck.from_report(data.get("language_check"))
    return Outcome(str(path), SKIPPED, duration=float(data.get("duration", 0.0)),
                   entities=sum(data.get("entities", {}).values()),
                   warnings=tuple(filter(None, [earlier and earlier.warning("speech")])))


def run_job(path: str, engines: Engines, force: bool) -> Outcome:
    """Process one file (or skip it when its outputs are complete, unless `force`); never raises."""
    target = Path(path)
    if not force and (previous := previous_outcome(target, engines.options)) is not None:
        return previous
    result = process_isolated(target, engines)
    if isinstance(result, HushError):
        return Outcome(path, FAILED, error=str(result), exit_code=result.exit_code)
    return Outcome(path, DONE, duration=result.duration, entities=result.entities,
                   seconds=result.seconds, notices=result.notices, warnings=result.warnings)


def warm(engines: Engines) -> None:
    """Load the models now rather than on the first file; a failure shows on that file instead."""
    with contextlib.suppress(Exception):
        _ = engines.transcriber
        engines.redactor.find("warm up")


def share_cores(options: RunOptions, workers: int) -> RunOptions:
    """Split this machine's cores between `workers` processes unless threads were set explicitly."""
    if options.asr.threads or workers <= 1:
        return options
    threads = max(1, (os.cpu_count() or 1) // workers)
    return dataclasses.replace(options, asr=dataclasses.replace(options.asr, threads=threads))


class Executor(ABC):
    """Runs `run_job` for many paths somewhere and hands back an Outcome for each."""

    workers: int = 1

    @abstractmethod
    def submit(self, path: Path) -> Any:
        """Start one file; returns a future (``done()``, and `outcome` to read it)."""

    @abstractmethod
    def outcome(self, future: Any) -> Outcome:
        """The finished future's Outcome; a lost worker becomes a `failed` Outcome, never an exception."""

    def as_completed(self, futures: Iterable[Any]) -> Iterator[Any]:
        """The futures in the order they finish."""
        return cf.as_completed(list(futures))

    def close(self, abandon: bool = False) -> None:  # noqa: B027 (nothing to release by default)
        """Release the workers; with `abandon`, stop the files they hold at once."""

    def map_unordered(self, paths: Iterable[Path]) -> Iterator[Outcome]:
        """Outcomes for `paths` as they finish; a file whose worker died is retried once."""
        futures = {self.submit(p): p for p in paths}
        retried: set[Path] = set()
        while futures:
            for future in self.as_completed(list(futures)):
                path, result = futures.pop(future), self.outcome(future)
                if result.crashed and path not in retried:
                    retried.add(path)
                    futures[self.submit(path)] = path
                    break  # the retry joins the set being waited on
                yield result

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, kind: type | None, *_: object) -> None:
        self.close(abandon=kind is not None)


class InlineExecutor(Executor):
    """One file at a time in this process: no start-up cost, the same models for every file."""

    def __init__(self, engines: Engines, force: bool = False) -> None:
        self.engines, self.force = engines, force

    def submit(self, path: Path) -> cf.Future:
        future: cf.Future = cf.Future()
        future.set_result(run_job(str(path), self.engines, self.force))
        return future

    def outcome(self, future: cf.Future) -> Outcome:
        return future.result()


_worker_engines: Engines | None = None


def _die_with_parent(parent: int) -> None:
    """Linux: have the kernel kill this worker when its parent dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)


def guard_process() -> None:
    """A worker runs models on text too: the command's airlock and log hygiene here as well (idempotent)."""
    from . import airlock, scrub

    airlock.install()
    scrub.configure_logging()


def _start_worker(options: RunOptions, parent: int) -> None:
    """Pool initializer: follow the parent's fate and leave signals to it, then load the models once."""
    global _worker_engines
    _die_with_parent(parent)
    guard_process()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _worker_engines = Engines(options)
    warm(_worker_engines)


def _pool_job(path: str, force: bool) -> Outcome:
    assert _worker_engines is not None, "pool worker started without its initializer"
    return run_job(path, _worker_engines, force)


def _ready() -> int:
    return os.getpid()


class PoolExecutor(Executor):
    """A local pool of worker processes, each loading the models once (spawned, not forked)."""

    def __init__(self, options: RunOptions, workers: int, force: bool = False) -> None:
        self.options, self.workers, self.force = share_cores(options, workers), workers, force
        self._paths: dict[cf.Future, str] = {}
        self._pool = self._new_pool()

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                      initializer=_start_worker, initargs=(self.options, os.getpid()))

    def start(self) -> None:
        """Start every worker and wait until each has loaded its models."""
        for future in [self._pool.submit(_ready) for _ in range(self.workers)]:
            with contextlib.suppress(BrokenProcessPool):
                future.result()

    def submit(self, path: Path) -> cf.Future:
        try:
            future = self._pool.submit(_pool_job, str(path), self.force)
        except BrokenProcessPool:  # a worker died earlier: start a fresh pool
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            future = self._pool.submit(_pool_job, str(path), self.force)
        self._paths[future] = str(path)
        return future

    def outcome(self, future: cf.Future) -> Outcome:
        path = self._paths.pop(future, "?")
        try:
            return future.result()
        except BrokenProcessPool:
            return Outcome(path, FAILED, error=f"{path}: worker process died (crashed or was killed)",
                           exit_code=1, crashed=True)

    def close(self, abandon: bool = False) -> None:
        if abandon:  # the workers ignore SIGINT/SIGTERM, so stop them the hard way
            for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                with contextlib.suppress(Exception):
                    process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)


_dask_engines: dict[RunOptions, Engines] = {}
_dask_lock = threading.Lock()


def guard_dask_worker() -> None:
    """`guard_process` in a Dask worker; its scheduler, its own and its nanny's addresses stay
    reachable (off loopback, a worker talks to them through the machine's network address)."""
    from distributed import get_worker

    from . import airlock

    worker = get_worker()
    for address in (worker.scheduler.address, worker.address, getattr(worker, "nanny", None)):
        if isinstance(address, str) and address:
            airlock.allow(address)
    guard_process()


def _dask_job(path: str, options: RunOptions, force: bool) -> Outcome:
    """The task a Dask worker runs: the models are cached per worker process, keyed by the options."""
    with _dask_lock:
        if not _dask_engines:
            guard_dask_worker()
        engines = _dask_engines.get(options)
        if engines is None:
            engines = _dask_engines[options] = Engines(options)
            warm(engines)
    return run_job(path, engines, force)


CLUSTER_INSTALL = "pip install 'hush[cluster]'"
CLUSTER_HINT = f"--scheduler needs the optional cluster extra (Dask): {CLUSTER_INSTALL}"


class DaskExecutor(Executor):
    """Files as tasks on a Dask distributed cluster: an existing scheduler, or ``local`` (a LocalCluster)."""

    def __init__(self, options: RunOptions, address: str, workers: int, force: bool = False) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError(CLUSTER_HINT) from None
        self.force, self.workers, self._cluster = force, workers, None
        if address == "local":
            self.options = share_cores(options, workers)
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         host="127.0.0.1", dashboard_address=None)
            address = self._cluster.scheduler_address
        else:
            from . import airlock

            airlock.allow(address)  # the one connection hush makes: to the scheduler it was given
            self.options = options
        try:
            self._client = Client(address, timeout="30s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise UsageError(f"cannot reach the Dask scheduler at {address} ({type(exc).__name__})") from None
        self._paths: dict[Any, str] = {}

    def submit(self, path: Path) -> Any:
        future = self._client.submit(_dask_job, str(path), self.options, self.force,
                                     key=f"hush-{uuid.uuid4().hex}", pure=False)
        self._paths[future] = str(path)
        return future

    def as_completed(self, futures: Iterable[Any]) -> Iterator[Any]:
        from distributed import as_completed

        return iter(as_completed(list(futures)))

    def outcome(self, future: Any) -> Outcome:
        path = self._paths.pop(future, "?")
        try:
            return future.result()
        except Exception as exc:  # KilledWorker, a lost connection, ...: the file failed, the batch goes on
            return Outcome(path, FAILED, error=f"{path}: Dask task failed ({type(exc).__name__})", exit_code=1)

    def close(self, abandon: bool = False) -> None:
        for part in (getattr(self, "_client", None), self._cluster):
            if part is not None:
                with contextlib.suppress(Exception):
                    part.close()


def make_executor(options: RunOptions, workers: int = 1, scheduler: str | None = None,
                  force: bool = False) -> Executor:
    """The executor for a batch: Dask with a scheduler, else a pool for several workers, else inline."""
    if workers < 1:
        raise UsageError("--workers must be 1 or more")
    if scheduler:
        return DaskExecutor(options, scheduler, workers, force)
    if workers > 1:
        return PoolExecutor(options, workers, force)
    return InlineExecutor(Engines(options), force)
