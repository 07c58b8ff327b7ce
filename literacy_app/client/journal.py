"""The answer journal: every answer given on this PC is on its disk before anything else happens.

An answer travels to the database (single PC) or the exam server (LAN) on a worker thread, and
either can be away for a while: a locked SQLite file, a restarting server, a pulled cable.  So
the examinee's change is first written here, a small SQLite file beside the app's data
(WAL, ``synchronous=FULL``: once ``record`` returns, a power cut or ``kill -9`` does not lose
it), and removed only when the database or server has acknowledged that sequence number.  When
the attempt is opened again, whatever is still here is sent again in order; the saves are
idempotent by sequence number, so a change that did arrive before the crash is not applied twice.

Entries are keyed by the attempt *and* where it lives (the server's address or the database's
URL), so an entry is never sent to another attempt or another server.  Only the latest change
per item is kept: older ones are superseded on the server by sequence number anyway.

A file that is not a journal (garbage, another program's SQLite file, a newer format) is moved
aside with the time in its name and a fresh journal is started; ``problem`` then says what was
found and where the copy is, for the window to tell the examinee and the supervisor.

Standard library ``sqlite3`` on purpose: the journal must work before (and without) the app's
database, and one table needs no ORM.  Qt-free, used from the GUI thread only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import data_dir

FORMAT = 2
"""Stored as ``PRAGMA user_version``; a file with a higher one was written by a newer app.
Format 1 lacked ``entry.given``; it is added when such a file is opened."""
APPLICATION_ID = 0x4C4A524E  # "LJRN" in ``PRAGMA application_id``: tells our file from any other SQLite file
FILE_NAME = "answer-journal.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (
    attempt  TEXT    NOT NULL,  -- where the attempt lives + '#' + its id
    position INTEGER NOT NULL,
    seq      INTEGER NOT NULL,  -- the save's sequence number: the server keeps only a newer one
    response TEXT    NOT NULL,  -- JSON; null for a cleared answer
    written  TEXT    NOT NULL,  -- this PC's time, for people reading the file (never for deadlines)
    given    TEXT,              -- when given, on the server's clock as this PC reckons it (ISO 8601)
    PRIMARY KEY (attempt, position)
);
CREATE TABLE IF NOT EXISTS submit (
    attempt   TEXT PRIMARY KEY, -- the examinee asked to submit; completed when the server answers
    requested TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Pending:
    """One change not yet acknowledged."""

    position: int
    seq: int
    response: Any
    given_at: dt.datetime | None = None
    """When the examinee gave it, on the server's clock (``client.outbox.ServerClock``): lets the
    server accept it after the deadline if it was given before (``services.finishing.LATE_LIMIT``)."""


def journal_path(folder: Path | None = None) -> Path:
    """``LITERACY_JOURNAL`` (several copies of the app on one PC), else the file in the app's data folder."""
    override = os.environ.get("LITERACY_JOURNAL")
    return Path(override) if override else (folder or data_dir()) / FILE_NAME


def attempt_key(where: str, attempt_id: int) -> str:
    """The journal's name for an attempt: the server or database it lives in, and its id."""
    return f"{where}#{attempt_id}"


class Journal:
    """The open journal file.  ``problem`` is a sentence key + params when a bad file was set aside."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or journal_path()
        self.problem: tuple[str, dict[str, str]] | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except (sqlite3.DatabaseError, _Foreign) as found:
            aside = self._set_aside()
            kind = found.kind if isinstance(found, _Foreign) else "journal_corrupt"
            self.problem = (kind, {"path": str(aside)})
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            application_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if application_id not in (0, APPLICATION_ID) or (application_id == 0 and tables):
                raise _Foreign("journal_foreign")
            if version > FORMAT:
                raise _Foreign("journal_newer")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # a returned write is on the disk
            db.executescript(_SCHEMA)
            if "given" not in {row[1] for row in db.execute("PRAGMA table_info(entry)")}:  # format 1
                db.execute("ALTER TABLE entry ADD COLUMN given TEXT")
            db.executescript(f"PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={FORMAT};")
            db.execute("SELECT count(*) FROM entry").fetchone()  # a damaged page shows here, not mid-exam
            return db
        except BaseException:
            db.close()
            raise

    def _set_aside(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.unreadable-{stamp}{self.path.suffix}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                os.replace(part, str(aside) + suffix)
        return aside

    # Answers ------------------------------------------------------------------------------------
    def record(self, attempt: str, change: Pending) -> None:
        """Keep this change (durable when this returns); an older seq never replaces a newer one."""
        given = change.given_at.isoformat() if change.given_at is not None else None
        self._db.execute(
            "INSERT INTO entry (attempt, position, seq, response, written, given) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (attempt, position) DO UPDATE SET seq = excluded.seq, response = excluded.response,"
            " written = excluded.written, given = excluded.given WHERE entry.seq < excluded.seq",
            (attempt, change.position, change.seq, json.dumps(change.response, ensure_ascii=False), _now(), given))

    def acknowledge(self, attempt: str, position: int, seq: int) -> None:
        """The server or database has this seq (or a newer one): the entry may go, unless it changed since."""
        self._db.execute("DELETE FROM entry WHERE attempt = ? AND position = ? AND seq <= ?",
                         (attempt, position, seq))

    def pending(self, attempt: str) -> list[Pending]:
        """What this attempt still has to send, oldest first."""
        rows = self._db.execute("SELECT position, seq, response, given FROM entry WHERE attempt = ? ORDER BY seq",
                                (attempt,)).fetchall()
        return [Pending(position, seq, json.loads(response), _moment(given)) for position, seq, response, given in rows]

    def last_seq(self, attempt: str) -> int:
        """The highest sequence number kept for this attempt (0 if none): a new one must exceed it."""
        return int(self._db.execute("SELECT coalesce(max(seq), 0) FROM entry WHERE attempt = ?",
                                    (attempt,)).fetchone()[0])

    # Submitting ---------------------------------------------------------------------------------
    def request_submit(self, attempt: str) -> None:
        self._db.execute("INSERT OR IGNORE INTO submit (attempt, requested) VALUES (?, ?)", (attempt, _now()))

    def submit_requested(self, attempt: str) -> bool:
        return self._db.execute("SELECT 1 FROM submit WHERE attempt = ?", (attempt,)).fetchone() is not None

    def forget(self, attempt: str) -> None:
        """The attempt is finished on the server: nothing of it is needed here any more."""
        with contextlib.closing(self._db.cursor()) as cursor:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("DELETE FROM entry WHERE attempt = ?", (attempt,))
            cursor.execute("DELETE FROM submit WHERE attempt = ?", (attempt,))
            cursor.execute("COMMIT")

    def attempts(self) -> list[str]:
        """Every attempt with something kept (for the supervisor's look at a PC)."""
        rows = self._db.execute("SELECT attempt FROM entry UNION SELECT attempt FROM submit ORDER BY 1")
        return [row[0] for row in rows]

    def close(self) -> None:
        self._db.close()


class _Foreign(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def _moment(text: str | None) -> dt.datetime | None:
    """A stored ``given``; None when absent or not a time with its zone (the server then treats the
    change as given when it arrives)."""
    try:
        moment = dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="milliseconds")
