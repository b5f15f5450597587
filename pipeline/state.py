"""The watcher's memory: one SQLite row per input, in ``OUT/.hush/state.db`` (WAL mode).

A row's life: ``pending`` (taken from the inbox) → ``processing`` (a worker has it; one
attempt counted) → ``done`` / ``failed`` / ``duplicate`` (final). The original is moved
after the final status is committed, and ``moved`` set once it is; so after a crash at
any point the next start knows what to finish: a ``processing`` row is retried, a final
row with ``moved = 0`` has its original moved. Rows hold names, sizes, hashes, counts and
error messages; never transcript text.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

PENDING, PROCESSING, DONE, FAILED, DUPLICATE = "pending", "processing", "done", "failed", "duplicate"
ACTIVE = (PENDING, PROCESSING)
FINAL = (DONE, FAILED, DUPLICATE)

SCHEMA = """
CREATE TABLE IF NOT EXISTS inputs (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,     -- where the original was in the inbox when taken
    size        INTEGER NOT NULL,
    mtime       REAL NOT NULL,
    sha256      TEXT NOT NULL,
    status      TEXT NOT NULL,     -- pending, processing, done, failed, duplicate
    attempts    INTEGER NOT NULL DEFAULT 0,
    error       TEXT,              -- the last error message (names the file and the cause; no text)
    moved_to    TEXT,              -- where the original goes once final ('' when deleted)
    moved       INTEGER NOT NULL DEFAULT 0,
    seen_at     REAL NOT NULL,     -- times are Unix seconds
    started_at  REAL,
    finished_at REAL,
    duration    REAL,              -- seconds of audio
    process_s   REAL,              -- seconds the worker spent on it
    stem        TEXT NOT NULL,     -- its outputs are OUT/<stem>.*
    dev         INTEGER,           -- the inbox entry taken (lstat): a name that points
    ino         INTEGER            --   elsewhere later is another file, never moved or deleted as this one
);
CREATE INDEX IF NOT EXISTS inputs_sha256 ON inputs (sha256);
CREATE INDEX IF NOT EXISTS inputs_stem ON inputs (stem);
CREATE INDEX IF NOT EXISTS inputs_status ON inputs (status);
"""


@dataclass(frozen=True)
class Row:
    """One input as the state file knows it."""

    id: int
    path: str
    size: int
    mtime: float
    sha256: str
    status: str
    attempts: int
    error: str | None
    moved_to: str | None
    moved: int
    seen_at: float
    started_at: float | None
    finished_at: float | None
    duration: float | None
    process_s: float | None
    stem: str
    dev: int | None = None
    ino: int | None = None


class StateStore:
    """Transactions over the ``inputs`` table; every change is committed (and synced) before it returns."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
            link = path.with_name(name)
            if link.is_symlink():  # SQLite would open through it: replace it, never write through
                link.unlink()
        self._db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # a committed status survives a power cut
        self._db.executescript(SCHEMA)
        columns = {c[1] for c in self._db.execute("PRAGMA table_info(inputs)")}
        for column in ("dev", "ino"):  # a state file from before they were recorded
            if column not in columns:
                self._db.execute(f"ALTER TABLE inputs ADD COLUMN {column} INTEGER")
        self._db.row_factory = lambda cursor, values: Row(*values)

    def close(self) -> None:
        self._db.close()

    def _one(self, sql: str, *args: object) -> Row | None:
        return self._db.execute(sql, args).fetchone()

    def _all(self, sql: str, *args: object) -> list[Row]:
        return self._db.execute(sql, args).fetchall()

    def get(self, row_id: int) -> Row:
        row = self._one("SELECT * FROM inputs WHERE id = ?", row_id)
        assert row is not None, f"no state row {row_id}"
        return row

    def add(self, path: Path, size: int, mtime: float, sha256: str, status: str = PENDING,
            entry: tuple[int, int] | None = None, error: str | None = None) -> Row:
        """Record a newly taken input; `entry` is its inbox entry's (device, inode)."""
        dev, ino = entry if entry is not None else (None, None)
        cursor = self._db.execute(
            "INSERT INTO inputs (path, size, mtime, sha256, status, seen_at, stem, dev, ino, error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(path), size, mtime, sha256, status, time.time(), path.stem, dev, ino, error))
        return self.get(int(cursor.lastrowid or 0))

    def forget(self, row_id: int) -> None:
        """Drop a row whose file changed before it was processed: it is taken again as a new file."""
        self._db.execute("DELETE FROM inputs WHERE id = ?", (row_id,))

    def by_hash(self, sha256: str) -> Row | None:
        """The row that owns this content: in progress or done (failed and duplicate rows don't count)."""
        return self._one("SELECT * FROM inputs WHERE sha256 = ? AND status IN (?, ?, ?) ORDER BY id LIMIT 1",
                         sha256, PENDING, PROCESSING, DONE)

    def stem_owner(self, stem: str) -> Row | None:
        """A row in progress or done whose outputs are ``OUT/<stem>.*``."""
        return self._one("SELECT * FROM inputs WHERE stem = ? AND status IN (?, ?, ?) ORDER BY id LIMIT 1",
                         stem, PENDING, PROCESSING, DONE)

    def with_status(self, *statuses: str) -> list[Row]:
        marks = ", ".join("?" * len(statuses))
        return self._all(f"SELECT * FROM inputs WHERE status IN ({marks}) ORDER BY id", *statuses)

    def next_pending(self) -> Row | None:
        """The oldest input waiting for a worker."""
        return self._one("SELECT * FROM inputs WHERE status = ? ORDER BY id LIMIT 1", PENDING)

    def unmoved(self) -> list[Row]:
        """Final rows whose original has not been moved (or deleted) yet."""
        return self._all("SELECT * FROM inputs WHERE status IN (?, ?, ?) AND moved = 0 ORDER BY id", *FINAL)

    def start(self, row_id: int) -> Row:
        """A worker takes the file: one more attempt."""
        self._db.execute("UPDATE inputs SET status = ?, attempts = attempts + 1, started_at = ? WHERE id = ?",
                         (PROCESSING, time.time(), row_id))
        return self.get(row_id)

    def retry(self, row_id: int, error: str | None, count: bool = True) -> None:
        """Back to pending; without `count` the attempt is given back (the file was abandoned, not tried)."""
        self._db.execute("UPDATE inputs SET status = ?, error = COALESCE(?, error), "
                         "attempts = attempts - ? WHERE id = ?", (PENDING, error, 0 if count else 1, row_id))

    def finish(self, row_id: int, status: str, moved_to: str, error: str | None = None,
               duration: float | None = None, process_s: float | None = None) -> Row:
        """Commit the final status and where the original will go; `moved` follows once it has."""
        self._db.execute("UPDATE inputs SET status = ?, moved_to = ?, error = COALESCE(?, error), "
                         "duration = COALESCE(?, duration), process_s = COALESCE(?, process_s), finished_at = ? "
                         "WHERE id = ?",
                         (status, moved_to, error, duration, process_s, time.time(), row_id))
        return self.get(row_id)

    def mark_moved(self, row_id: int) -> None:
        self._db.execute("UPDATE inputs SET moved = 1 WHERE id = ?", (row_id,))
