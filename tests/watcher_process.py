"""`hush watch` run as a real process (`python -m pipeline watch INBOX -o OUT …`), for tests that
start, signal, kill and restart it like a service and read its structured log."""

from __future__ import annotations

import json
import os
import shlex
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from pipeline.outputs import sha256_file

KINDS = (".txt", ".srt", ".vtt", ".json", ".summary.md", ".report.json")
ROOT = Path(__file__).resolve().parent.parent


class Watcher:
    """`python -m pipeline watch INBOX -o OUT …` with its stderr in a log file (appended across restarts)."""

    def __init__(self, root: Path, *args: str) -> None:
        self.inbox, self.out, self.log = root / "inbox", root / "out", root / "watch.log"
        self.inbox.mkdir(parents=True, exist_ok=True)
        self.args = args
        env = {**os.environ, "HUSH_HOME": str(root / "home"), "HUSH_MODELS": str(root / "home" / "models")}
        env.pop("HUSH_DEBUG", None)
        self.env = env
        self.proc: subprocess.Popen | None = None

    def start(self) -> "Watcher":
        command = [sys.executable, "-m", "pipeline", "watch", str(self.inbox), "-o", str(self.out),
                   "--model", "tiny.en", *self.args]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, env=self.env, cwd=ROOT)
        return self

    def events(self, name: str | None = None, file: str | None = None) -> list[dict[str, str]]:
        found = []
        for line in self.log.read_text().splitlines():
            if " event=" not in line:
                continue
            try:
                fields = dict(part.split("=", 1) for part in shlex.split(line.split(" ", 2)[2]) if "=" in part)
            except ValueError:  # a line still being written
                continue
            if (name is None or fields.get("event") == name) and (file is None or fields.get("file") == file):
                found.append(fields)
        return found

    def wait_for(self, ready: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            assert self.proc is None or self.proc.poll() is None, f"watcher exited:\n{self.log.read_text()}"
            assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{self.log.read_text()}"
            time.sleep(0.1)

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 60) -> int:
        assert self.proc is not None
        self.proc.send_signal(signum)
        return self.proc.wait(timeout)

    def rows(self) -> list[sqlite3.Row]:
        db = sqlite3.connect(f"file:{self.out / '.hush' / 'state.db'}?mode=ro", uri=True)
        db.row_factory = sqlite3.Row
        try:
            return db.execute("SELECT * FROM inputs ORDER BY id").fetchall()
        finally:
            db.close()

    def assert_processed_once(self, names: list[str]) -> None:
        """Each name: one `done` event, one complete output set from its bytes, its original in processed/."""
        for name in names:
            stem = Path(name).stem
            assert len(self.events("done", file=name)) == 1, (name, self.log.read_text())
            original = self.inbox / "processed" / name
            assert original.is_file(), f"original of {name} lost"
            report = json.loads((self.out / f"{stem}.report.json").read_text())
            assert report["input_sha256"] == sha256_file(original)
            assert all((self.out / f"{stem}{kind}").stat().st_size > 0 for kind in KINDS)
        assert not [p.name for p in self.out.iterdir() if p.name.startswith(".") and p.name != ".hush"], \
            "partial outputs left behind"


def processed(watcher: Watcher, names: list[str]) -> Callable[[], bool]:
    """Each original is in processed/ and its `done` event is logged: the watcher moves the
    original first and logs after, so waiting for the move alone raced the log check."""
    return lambda: all((watcher.inbox / "processed" / n).exists() and watcher.events("done", file=n) for n in names)
