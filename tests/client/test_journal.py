"""The answer journal on the PC: durable, keyed by attempt, and safe with a bad file."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap

from literacy_app.client.journal import FORMAT, Journal, Pending, attempt_key
from literacy_app.core.errors import UserError

A = attempt_key("https://exam.example:8443", 7)
B = attempt_key("https://exam.example:8443", 8)


def test_a_change_survives_a_killed_process_and_only_its_own_attempt_sees_it(tmp_path):
    path = tmp_path / "journal.sqlite3"
    # another process writes and is killed at once (no close, no clean exit)
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from literacy_app.client.journal import Journal, Pending
        journal = Journal(Path({str(path)!r}))
        journal.record({A!r}, Pending(3, 101, "42"))
        journal.record({A!r}, Pending(1, 102, ["a", "c"]))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    journal = Journal(path)
    assert journal.problem is None
    assert [(p.position, p.seq, p.response) for p in journal.pending(A)] == [(3, 101, "42"), (1, 102, ["a", "c"])]
    assert journal.pending(B) == []  # never offered to another attempt
    assert journal.last_seq(A) == 102 and journal.last_seq(B) == 0


def test_only_a_newer_change_replaces_and_an_acknowledgement_keeps_a_later_one(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    journal.record(A, Pending(1, 10, "first"))
    journal.record(A, Pending(1, 9, "older, arriving late"))
    assert [p.response for p in journal.pending(A)] == ["first"]
    journal.record(A, Pending(1, 11, "second"))
    journal.acknowledge(A, 1, 10)  # the server confirms the first while the second is on its way
    assert [p.response for p in journal.pending(A)] == ["second"]
    journal.acknowledge(A, 1, 11)
    assert journal.pending(A) == []
    journal.record(A, Pending(2, 12, None))  # a cleared answer is a change too
    assert [p.response for p in journal.pending(A)] == [None]


def test_a_submit_request_is_kept_until_the_attempt_is_forgotten(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    journal.record(A, Pending(1, 1, "x"))
    journal.request_submit(A)
    journal.request_submit(A)
    assert journal.submit_requested(A) and not journal.submit_requested(B)
    assert journal.attempts() == [A]
    journal.forget(A)
    assert not journal.submit_requested(A) and journal.pending(A) == [] and journal.attempts() == []


def _set_aside(tmp_path, code: str) -> Journal:
    journal = Journal(tmp_path / "j.sqlite3")
    assert journal.problem is not None and journal.problem[0] == code
    aside = journal.problem[1]["path"]
    assert aside != str(journal.path) and (tmp_path / aside.rsplit("/", 1)[-1]).exists()
    journal.record(A, Pending(1, 1, "works"))  # and a fresh journal is in use
    assert [p.response for p in journal.pending(A)] == ["works"]
    message = UserError(code, **journal.problem[1]).render("ja")
    assert aside in message and "試験監督者" in message
    return journal


def test_garbage_bytes_are_set_aside_with_a_sentence(tmp_path):
    (tmp_path / "j.sqlite3").write_bytes(b"\x00\xffnot a database at all" * 100)
    _set_aside(tmp_path, "journal_corrupt")
    kept = [p for p in tmp_path.iterdir() if "unreadable" in p.name]
    assert kept and kept[0].read_bytes().startswith(b"\x00\xffnot a database")


def test_another_programs_sqlite_file_is_never_used(tmp_path):
    other = sqlite3.connect(tmp_path / "j.sqlite3")
    other.execute("CREATE TABLE notes (text TEXT)")
    other.execute("INSERT INTO notes VALUES ('keep me')")
    other.commit()
    other.close()
    _set_aside(tmp_path, "journal_foreign")
    kept = next(p for p in tmp_path.iterdir() if "unreadable" in p.name and p.suffix == ".sqlite3")
    assert sqlite3.connect(kept).execute("SELECT text FROM notes").fetchone() == ("keep me",)


def test_a_journal_from_a_newer_app_is_kept_aside_not_misread(tmp_path):
    Journal(tmp_path / "j.sqlite3").close()
    newer = sqlite3.connect(tmp_path / "j.sqlite3")
    newer.execute(f"PRAGMA user_version={FORMAT + 1}")
    newer.commit()
    newer.close()
    _set_aside(tmp_path, "journal_newer")


def test_when_given_is_kept_on_the_servers_clock_and_a_format_1_file_is_upgraded(tmp_path):
    old = sqlite3.connect(tmp_path / "j.sqlite3")  # what the first release wrote: no ``given`` column
    old.executescript(f"""
        CREATE TABLE entry (attempt TEXT NOT NULL, position INTEGER NOT NULL, seq INTEGER NOT NULL,
                            response TEXT NOT NULL, written TEXT NOT NULL, PRIMARY KEY (attempt, position));
        CREATE TABLE submit (attempt TEXT PRIMARY KEY, requested TEXT NOT NULL);
        INSERT INTO entry VALUES ('{A}', 4, 7, '"kept"', '2026-12-01T09:00:00+09:00');
        PRAGMA application_id={0x4C4A524E}; PRAGMA user_version=1;
    """)
    old.close()
    journal = Journal(tmp_path / "j.sqlite3")
    assert journal.problem is None
    assert journal.pending(A) == [Pending(4, 7, "kept", None)]
    given = dt.datetime(2026, 12, 1, 0, 29, 59, 500000, tzinfo=dt.UTC)
    journal.record(A, Pending(5, 8, "new", given))
    journal.close()
    assert Journal(tmp_path / "j.sqlite3").pending(A)[1] == Pending(5, 8, "new", given)
