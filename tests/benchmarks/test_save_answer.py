"""save_answer through the service against a raw sqlite3 upsert + commit with the same pragmas.

Goal (issue 2): service p50 ≤ 2× the raw statement, p99 ≤ 10 ms on SQLite.  Both loops run in
the same process, interleaved in rounds, so machine noise hits both alike.
"""

from __future__ import annotations

import json
import sqlite3
import time

import pytest

from literacy_app.core.model import SYSTEM
from literacy_app.services import attempts, publishing
from literacy_app.storage import migrate
from literacy_app.storage.engine import SQLITE_PRAGMAS, make_engine
from literacy_app.storage.uow import Database

from ..conftest import BASIC_BANK, add_examinee, open_window
from ._report import report, summary

ROUNDS = 10
PER_ROUND = 150


@pytest.mark.benchmark
def test_save_answer_vs_raw_sqlite(tmp_path, clock):
    engine = make_engine(f"sqlite:///{tmp_path / 'service.sqlite3'}")
    migrate.upgrade(engine)
    database = Database(engine, clock)
    with database.uow() as uow:
        publishing.publish_bank(uow, SYSTEM, [BASIC_BANK])
    examinee = add_examinee(database)
    assessment_id = open_window(database, clock)
    with database.uow() as uow:
        state = attempts.start_attempt(uow, examinee, assessment_id, seed=1)
    single = [i for i in state.items if i.type == "single"]

    raw = sqlite3.connect(tmp_path / "raw.sqlite3", isolation_level=None)
    for pragma in SQLITE_PRAGMAS:
        raw.execute(pragma)
    raw.execute("CREATE TABLE answer (attempt_id INTEGER, position INTEGER, response TEXT, seq INTEGER,"
                " saved_at TEXT, PRIMARY KEY (attempt_id, position))")

    service_times: list[float] = []
    raw_times: list[float] = []
    seq = 0
    for _round in range(ROUNDS):
        for _ in range(PER_ROUND):
            seq += 1
            item = single[seq % len(single)]
            choice = item.options[seq % len(item.options)][0]
            start = time.perf_counter()
            with database.uow() as uow:
                attempts.save_answer(uow, examinee, state.attempt_id, item.position, choice, seq=seq)
            service_times.append((time.perf_counter() - start) * 1000)
        for _ in range(PER_ROUND):
            seq += 1
            start = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO answer VALUES (?, ?, ?, ?, ?) ON CONFLICT (attempt_id, position) DO UPDATE"
                        " SET response = excluded.response, seq = excluded.seq, saved_at = excluded.saved_at",
                        (1, seq % 10, json.dumps("a"), seq, "2026-11-02T00:30:00"))
            raw.execute("COMMIT")
            raw_times.append((time.perf_counter() - start) * 1000)
    raw.close()
    database.dispose()
    service, baseline = summary(service_times), summary(raw_times)
    report("save_answer p50", service["p50"], baseline["p50"], "ms", "≤ 2× raw insert + commit")
    report("save_answer p99", service["p99"], baseline["p99"], "ms", "p99 ≤ 10 ms")
    assert len(service_times) == ROUNDS * PER_ROUND
