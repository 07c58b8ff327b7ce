"""One attempt's answers on their way: in the journal first, then sent, forgotten when acknowledged.

The bookkeeping every PC needs whatever drives the sending: a new sequence number per change
(growing across restarts of the app, and past whatever the journal kept), the change dated on the
server's clock, written to the journal before anything else, kept as the latest word per item
until the database or server acknowledges it.  The app's ``ui.saver.AnswerSaver`` drives it from
the GUI thread with a worker and retry timers; the fault tests' simulated PCs drive it from plain
threads.  Qt-free, and not thread-safe: one driver per outbox.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .journal import Pending

if TYPE_CHECKING:
    from .journal import Journal

log = logging.getLogger(__name__)

RETRY_PAUSES_MS = (500, 1000, 2000, 5000, 10_000)
"""After the 1st, 2nd, … failed send in a row, wait about this long before sending again (then the
last, for as long as it takes): quick after a blip, calm during an outage of a room's 300 PCs."""


def retry_pause_ms(failures: int) -> int:
    """The pause after ``failures`` failed sends in a row: between half and all of its step, at
    random, so the PCs of a room that lost the server together do not all return in one burst."""
    step = RETRY_PAUSES_MS[min(max(failures, 1), len(RETRY_PAUSES_MS)) - 1]
    return step // 2 + random.randint(0, step // 2)


class ServerClock:
    """The server's time as this PC reckons it: the server's ``now`` at the last contact plus this
    PC's monotonic clock since — never the PC's wall clock, which an examinee can set."""

    def __init__(self, server_now: dt.datetime) -> None:
        self._anchor = server_now
        self._at = time.monotonic()

    def now(self) -> dt.datetime:
        return self._anchor + dt.timedelta(seconds=time.monotonic() - self._at)


class Outbox:
    """The changes not yet acknowledged, by position (``pending``), mirrored in the journal.

    ``journal`` None (or a journal that fails to write, e.g. a full disk) means the changes are only
    in memory: ``durable`` says which, so the screen never claims more than is true.
    """

    def __init__(self, journal: Journal | None, attempt: str, clock: Callable[[], dt.datetime] | None = None) -> None:
        self._journal = journal
        self.attempt = attempt
        self._clock = clock
        first = int(time.time() * 1000)
        if journal is not None:
            first = max(first, journal.last_seq(attempt) + 1)
        self._seq = itertools.count(first)
        self.pending: dict[int, Pending] = {}

    @property
    def durable(self) -> bool:
        """Are the pending changes on this PC's disk (True) or only in memory?"""
        return self._journal is not None

    def give(self, position: int, response: Any) -> Pending:
        """The examinee's new word on an item: journaled (on the disk when this returns) and pending."""
        change = Pending(position, next(self._seq), response, self._clock() if self._clock else None)
        if self._journal is not None:
            try:
                self._journal.record(self.attempt, change)
            except sqlite3.Error:  # a full or failing disk: go on in memory, and say so (``durable``)
                log.exception("the answer journal cannot be written; answers are kept in memory only")
                self._journal = None
        self.pending[position] = change
        return change

    def restore(self) -> list[Pending]:
        """What the journal kept for this attempt (a crash or a closed app left it), oldest first;
        it becomes pending again."""
        if self._journal is None:
            return []
        kept = self._journal.pending(self.attempt)
        for change in kept:
            self.pending[change.position] = change
        return kept

    def stored(self, change: Pending) -> Pending | None:
        """The database or server has ``change``: forget it.  Returns a newer change of the same
        item still waiting to be sent, if the examinee changed it meanwhile."""
        self._forget(change)
        current = self.pending.get(change.position)
        if current is not None and current.seq == change.seq:
            del self.pending[change.position]
            return None
        return current

    def refused(self, change: Pending) -> None:
        """Refused for good (time is up, submitted): sending it again cannot help."""
        current = self.pending.get(change.position)
        if current is not None and current.seq == change.seq:
            del self.pending[change.position]
        self._forget(change)

    def _forget(self, change: Pending) -> None:
        if self._journal is None:
            return
        try:
            self._journal.acknowledge(self.attempt, change.position, change.seq)
        except sqlite3.Error:  # left behind, it is only sent again (idempotent by seq)
            log.exception("an acknowledged answer could not be removed from the journal")
