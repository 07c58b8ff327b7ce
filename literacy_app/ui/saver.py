"""Saving answers the moment they are given, and never losing one.

Each change gets a new sequence number and is written to this PC's answer journal
(``client.journal``, on the disk when ``save`` returns) before it is queued to the worker, and
leaves the journal only when the database or server acknowledges it.  A save that fails for a
passing reason (database locked, server away) stays in the journal and is retried with a growing
pause; the examinee sees a calm notice, keeps working, and submitting waits until every answer
is stored.  A refusal (time is up, already submitted) is final and reported.  When the attempt is
opened again after a crash, ``replay`` sends what the journal still holds, oldest first.
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.errors import UserError
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..client.journal import Journal

log = logging.getLogger(__name__)

RETRY_DELAYS_MS = (500, 1000, 2000, 5000, 10_000)

SaveFunction = Callable[[int, Any, int], bool]
"""(position, response, seq) → stored; runs on the worker thread."""


class AnswerSaver(QObject):
    """Pending answers by position; ``state_changed(pending, retrying, durable)`` drives the status label.

    ``journal`` None (or a journal that fails to write, e.g. a full disk) means the pending
    answers are only in memory: ``durable`` says which, so the screen never claims more.
    """

    state_changed = Signal(int, bool, bool)
    saved = Signal(int)               # position
    refused = Signal(int, object)     # position, UserError

    def __init__(self, runner: TaskRunner, save: SaveFunction, parent: QObject | None = None, *,
                 journal: Journal | None = None, attempt: str = "") -> None:
        super().__init__(parent)
        self._runner = runner
        self._save = save
        self._journal = journal
        self._attempt = attempt
        first = int(time.time() * 1000)  # grows across restarts of the app, and past what the journal kept
        if journal is not None:
            first = max(first, journal.last_seq(attempt) + 1)
        self._seq = itertools.count(first)
        self._pending: dict[int, tuple[int, Any]] = {}
        self._in_flight: set[int] = set()
        self._failures = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._send_all)

    @property
    def pending(self) -> int:
        return len(self._pending)

    @property
    def retrying(self) -> bool:
        return self._failures > 0

    @property
    def durable(self) -> bool:
        """Are the pending answers on this PC's disk (True) or only in memory?"""
        return self._journal is not None

    def save(self, position: int, response: Any) -> None:
        seq = next(self._seq)
        self._write(position, seq, response)
        self._pending[position] = (seq, response)
        self._send(position)
        self._emit_state()

    def replay(self) -> dict[int, Any]:
        """Send again what the journal kept for this attempt (oldest first); returns position →
        response so the screen shows the examinee's last word, not the server's older one."""
        if self._journal is None:
            return {}
        kept = self._journal.pending(self._attempt)
        for entry in kept:
            self._pending[entry.position] = (entry.seq, entry.response)
        for entry in kept:
            self._send(entry.position)
        self._emit_state()
        return {entry.position: entry.response for entry in kept}

    def _write(self, position: int, seq: int, response: Any) -> None:
        if self._journal is None:
            return
        try:
            self._journal.record(self._attempt, position, seq, response)
        except sqlite3.Error:  # a full or failing disk: go on in memory, and say so (``durable``)
            log.exception("the answer journal cannot be written; answers are kept in memory only")
            self._journal = None

    def _forget(self, position: int, seq: int) -> None:
        if self._journal is None:
            return
        try:
            self._journal.acknowledge(self._attempt, position, seq)
        except sqlite3.Error:  # left behind, it is only sent again (idempotent by seq)
            log.exception("an acknowledged answer could not be removed from the journal")

    def _send(self, position: int) -> None:
        if position in self._in_flight or self._retry.isActive():
            return  # the newer value goes out when the current attempt returns
        seq, response = self._pending[position]
        self._in_flight.add(position)
        self._runner.submit(lambda: self._save(position, response, seq),
                            lambda _stored: self._done(position, seq),
                            lambda error: self._failed(position, seq, error))

    def _send_all(self) -> None:
        for position in list(self._pending):
            self._send(position)

    def _done(self, position: int, seq: int) -> None:
        self._in_flight.discard(position)
        self._failures = 0
        self._forget(position, seq)
        current = self._pending.get(position)
        if current is not None and current[0] == seq:
            del self._pending[position]
            self.saved.emit(position)
        elif current is not None:
            self._send(position)  # changed again while this save was under way
        self._emit_state()

    def _failed(self, position: int, seq: int, error: BaseException) -> None:
        self._in_flight.discard(position)
        if isinstance(error, UserError) and not getattr(error, "transient", False):  # a server away is passing
            current = self._pending.get(position)
            if current is not None and current[0] == seq:
                del self._pending[position]
            self._forget(position, seq)  # refused for good (time is up, submitted): sending it again cannot help
            self.refused.emit(position, error)
        else:
            delay = RETRY_DELAYS_MS[min(self._failures, len(RETRY_DELAYS_MS) - 1)]
            self._failures += 1
            if not self._retry.isActive():
                self._retry.start(delay)
        self._emit_state()

    def _emit_state(self) -> None:
        self.state_changed.emit(len(self._pending), self._failures > 0, self._journal is not None)
