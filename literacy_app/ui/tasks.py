"""Run service calls off the GUI thread; results come back on the GUI thread by signal.

Contract (after Anki's CollectionOp/QueryOp): a job is a plain callable that may touch the
database but never a widget; its ``on_done``/``on_error`` callbacks run on the GUI thread and
may touch widgets but never the database.  Jobs run one at a time, in the order submitted, so
an answer saved before "submit" is always stored before the attempt is finished.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


@dataclass
class Job:
    fn: Callable[[], Any]
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None


class _Worker(QObject):
    finished = Signal(object, object, object)  # job, result, error

    @Slot(object)
    def run(self, job: Job) -> None:
        try:
            result = job.fn()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI as a value
            if not _is_user_error(exc):
                log.exception("background job failed")
            self.finished.emit(job, None, exc)
        else:
            self.finished.emit(job, result, None)


def _is_user_error(exc: BaseException) -> bool:
    from ..core.errors import UserError

    return isinstance(exc, UserError)


class TaskRunner(QObject):
    """One worker thread with a FIFO queue of jobs."""

    _queued = Signal(object)
    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("literacy-worker")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._queued.connect(self._worker.run)
        self._worker.finished.connect(self._deliver)
        self._pending = 0
        self._thread.start()

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self._pending += 1
        self.busy_changed.emit(self._pending)
        self._queued.emit(Job(fn, on_done, on_error))

    @Slot(object, object, object)
    def _deliver(self, job: Job, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        self.busy_changed.emit(self._pending)
        if error is None:
            if job.on_done is not None:
                job.on_done(result)
        elif job.on_error is not None:
            job.on_error(error)

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Finish queued jobs (up to the timeout) and stop the thread."""
        self._thread.quit()
        self._thread.wait(timeout_ms)
