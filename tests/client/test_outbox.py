"""The outbox: an answer is journaled and dated on the server's clock before it is sent."""

from __future__ import annotations

import datetime as dt
import time

from literacy_app.client.journal import Journal, attempt_key
from literacy_app.client.outbox import Outbox, ServerClock

A = attempt_key("https://exam.example:8443", 7)
SERVER_NOW = dt.datetime(2026, 12, 8, 0, 30, tzinfo=dt.UTC)


def test_the_server_clock_runs_on_this_pcs_monotonic_clock_not_its_wall_clock(monkeypatch):
    clock = ServerClock(SERVER_NOW)
    monkeypatch.setattr(time, "time", lambda: 0.0)  # an examinee sets the PC's clock to 1970
    elapsed = clock.now() - SERVER_NOW
    assert dt.timedelta(0) <= elapsed < dt.timedelta(seconds=5)


def test_a_change_is_journaled_dated_and_forgotten_only_when_stored(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    outbox = Outbox(journal, A, lambda: SERVER_NOW)
    first = outbox.give(3, "a")
    second = outbox.give(3, "b")  # changed again before the first was stored
    assert second.seq > first.seq and second.given_at == SERVER_NOW
    assert journal.pending(A) == [second]
    assert outbox.stored(first) == second  # the newer word still has to go
    assert outbox.stored(second) is None and outbox.pending == {} and journal.pending(A) == []


def test_a_restarted_app_picks_up_the_journal_and_numbers_past_it(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    left = Outbox(journal, A).give(1, "left behind by a crash")
    journal.record(A, left.__class__(2, left.seq + 10**9, "a far-future seq"))  # a PC whose clock ran ahead
    again = Outbox(journal, A)
    assert [change.response for change in again.restore()] == ["left behind by a crash", "a far-future seq"]
    assert again.give(5, "next").seq > left.seq + 10**9


def test_a_refused_change_is_dropped_and_an_unwritable_journal_is_said_not_hidden(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    outbox = Outbox(journal, A)
    outbox.refused(outbox.give(1, "too late"))
    assert outbox.pending == {} and journal.pending(A) == []
    journal.close()  # the disk goes away: writes fail from now on
    kept = outbox.give(2, "in memory")
    assert not outbox.durable and outbox.pending == {2: kept}


def test_retry_pauses_grow_and_are_spread_so_a_room_does_not_return_in_one_burst():
    from literacy_app.client.outbox import RETRY_PAUSES_MS, retry_pause_ms

    for failures, step in enumerate(RETRY_PAUSES_MS, start=1):
        pauses = {retry_pause_ms(failures) for _ in range(300)}
        assert min(pauses) >= step // 2 and max(pauses) <= step
        assert len(pauses) > 50  # 300 PCs failing together come back spread out
    assert max(retry_pause_ms(50) for _ in range(100)) <= RETRY_PAUSES_MS[-1]
