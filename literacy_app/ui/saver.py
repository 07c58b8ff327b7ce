"""Saving answers the moment they are given, and never losing one.

Each change gets a new sequence number and is queued to the worker at once.  A save that fails
for a passing reason (database locked, disk full, server away) stays pending and is retried
with a growing pause; the examinee sees a calm notice, keeps working, and submitting waits until
every answer is stored.  A refusal (time is up, already submitted) is final and reported.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.errors import UserError
from .tasks import TaskRunner

RETRY_DELAYS_MS = (500, 1000, 2000, 5000, 10_000)

SaveFunction = Callable[[int, Any, int], bool]
"""(position, response, seq) → stored; runs on the worker thread."""


class AnswerSaver(QObject):
    """Pending answers by position; ``state_changed(pending, retrying)`` drives the status label."""

    state_changed = Signal(int, bool)
    saved = Signal(int)               # position
    refused = Signal(int, object)     # position, UserError

    def __init__(self, runner: TaskRunner, save: SaveFunction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._save = save
        self._seq = itertools.count(int(time.time() * 1000))  # grows across restarts of the app
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

    def save(self, position: int, response: Any) -> None:
        self._pending[position] = (next(self._seq), response)
        self._send(position)
        self._emit_state()

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
        current = self._pending.get(position)
        if current is not None and current[0] == seq:
            del self._pending[position]
            self.saved.emit(position)
        elif current is not None:
            self._send(position)  # changed again while this save was under way
        self._emit_state()

    def _failed(self, position: int, seq: int, error: BaseException) -> None:
        self._in_flight.discard(position)
        if isinstance(error, UserError):
            current = self._pending.get(position)
            if current is not None and current[0] == seq:
                del self._pending[position]
            self.refused.emit(position, error)
        else:
            delay = RETRY_DELAYS_MS[min(self._failures, len(RETRY_DELAYS_MS) - 1)]
            self._failures += 1
            if not self._retry.isActive():
                self._retry.start(delay)
        self._emit_state()

    def _emit_state(self) -> None:
        self.state_changed.emit(len(self._pending), self._failures > 0)
