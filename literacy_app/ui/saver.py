"""Saving answers the moment they are given, and never losing one.

Each change gets a new sequence number and is written to this PC's answer journal
(``client.outbox`` and ``client.journal``: on the disk when ``save`` returns) before it is queued
to the worker, and leaves the journal only when the database or server acknowledges it.  A save that fails for a
passing reason (database locked, server away) stays in the journal and is retried with a growing
pause; the examinee sees a calm notice, keeps working, and submitting waits until every answer
is stored.  A refusal (time is up, already submitted) is final and reported.  When the attempt is
opened again after a crash, ``replay`` sends what the journal still holds, oldest first.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..client.outbox import Outbox, retry_pause_ms
from ..core.errors import UserError
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..client.journal import Journal, Pending

log = logging.getLogger(__name__)

SaveFunction = Callable[["Pending"], bool]
"""change → stored; runs on the worker thread."""


class AnswerSaver(QObject):
    """Sends the outbox's changes, one in flight per item; ``state_changed(pending, retrying,
    durable)`` drives the status label."""

    state_changed = Signal(int, bool, bool)
    saved = Signal(int)               # position
    refused = Signal(int, object)     # position, UserError

    def __init__(self, runner: TaskRunner, save: SaveFunction, parent: QObject | None = None, *,
                 journal: Journal | None = None, attempt: str = "",
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._save = save
        self._outbox = Outbox(journal, attempt, clock)
        self._in_flight: set[int] = set()
        self._failures = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._send_all)

    @property
    def pending(self) -> int:
        return len(self._outbox.pending)

    @property
    def retrying(self) -> bool:
        return self._failures > 0

    @property
    def durable(self) -> bool:
        """Are the pending answers on this PC's disk (True) or only in memory?"""
        return self._outbox.durable

    def save(self, position: int, response: Any) -> None:
        self._outbox.give(position, response)
        self._send(position)
        self._emit_state()

    def replay(self) -> dict[int, Any]:
        """Send again what the journal kept for this attempt (oldest first); returns position →
        response so the screen shows the examinee's last word, not the server's older one."""
        kept = self._outbox.restore()
        for change in kept:
            self._send(change.position)
        self._emit_state()
        return {change.position: change.response for change in kept}

    def _send(self, position: int) -> None:
        if position in self._in_flight or self._retry.isActive():
            return  # the newer value goes out when the current attempt returns
        change = self._outbox.pending[position]
        self._in_flight.add(position)
        self._runner.submit(lambda: self._save(change),
                            lambda _stored: self._done(change),
                            lambda error: self._failed(change, error))

    def _send_all(self) -> None:
        for position in list(self._outbox.pending):
            self._send(position)

    def _done(self, change: Pending) -> None:
        self._in_flight.discard(change.position)
        self._failures = 0
        if self._outbox.stored(change) is not None:
            self._send(change.position)  # changed again while this save was under way
        elif change.position not in self._outbox.pending:
            self.saved.emit(change.position)
        self._emit_state()

    def _failed(self, change: Pending, error: BaseException) -> None:
        self._in_flight.discard(change.position)
        if isinstance(error, UserError) and not getattr(error, "transient", False):  # a server away is passing
            self._outbox.refused(change)
            self.refused.emit(change.position, error)
        else:
            self._failures += 1
            delay = retry_pause_ms(self._failures)
            if not self._retry.isActive():
                self._retry.start(delay)
        self._emit_state()

    def _emit_state(self) -> None:
        self.state_changed.emit(len(self._outbox.pending), self._failures > 0, self._outbox.durable)
