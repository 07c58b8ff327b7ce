"""LAN mode: the same calls the windows make in single-PC mode, sent to the exam server.

``RemoteBackend`` has ``ExamineeBackend``'s methods and signals, so the examinee, HR and trainer
screens do not know which one they have.  Each call runs on the worker thread (the network must
not freeze the window) and is an HTTP request through ``client.api.ServerClient``.  The ``actor``
arguments the screens pass are ignored: on the server, who is calling is decided by the attempt
token or the staff session, never by the PC.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..client.api import ServerClient
    from ..client.journal import Pending
    from ..client.settings import ClientSettings

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class RemoteBackend(QObject):
    ready = Signal()
    failed = Signal(object)
    progress = Signal(str)

    remote = True
    """Screens that offer something only a local database can do (none yet) may check this."""

    def __init__(self, settings: ClientSettings | None, lang: str = "ja", parent: QObject | None = None, *,
                 error: BaseException | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.error = error
        """Why the PC's LAN settings could not be read (shown on the login page, nothing else works)."""
        self.lang = lang
        self.runner = TaskRunner(self)
        self.client: ServerClient | None = None
        self._attempt_id: int | None = None
        self._show_pass_fail = True
        self._closed = False

    @property
    def journal_where(self) -> str:
        """Where this PC's attempts live, for the answer journal's keys: the exam server."""
        return self.settings.server if self.settings is not None else ""

    RETRY_MS = 5000
    """While the server cannot be reached at start, ask again this often (the login page says so
    meanwhile, and becomes usable by itself once the server answers)."""

    def open(self) -> None:
        """Make the HTTPS client (pinned certificate) and ask the server for its version."""

        def job() -> None:
            from ..client.api import ServerClient

            if self.settings is None:
                raise self.error or RuntimeError("no LAN settings")
            if self.client is None:
                self.client = ServerClient(self.settings, self.lang)
            self.client.health()

        def failed(error: BaseException) -> None:
            self.failed.emit(error)
            if getattr(error, "transient", False) and not self._closed:
                QTimer.singleShot(self.RETRY_MS, lambda: None if self._closed else self.open())

        self.runner.submit(job, lambda _none: self.ready.emit(), failed)

    def _call(self, work: Callable[[ServerClient], Any], done: Done, failed: Failed) -> None:
        def job() -> Any:
            assert self.client is not None
            return work(self.client)

        self.runner.submit(job, done, failed)

    # Examinee ---------------------------------------------------------------------------------
    def login(self, staff_no: str, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.exam_login(staff_no), done, failed)

    def _opened(self, state: Any) -> Any:
        self._attempt_id = state.attempt_id
        return state

    def start(self, actor: Any, assessment_id: int, access_code: str | None, done: Done, failed: Failed) -> None:
        self._call(lambda client: self._opened(client.start(actor.name, assessment_id, access_code)), done, failed)

    def resume(self, actor: Any, attempt_id: int, access_code: str | None, done: Done, failed: Failed) -> None:
        self._call(lambda client: self._opened(client.resume(actor.name, attempt_id, access_code)), done, failed)

    def save_answer(self, actor: Any, attempt_id: int) -> Callable[[Pending], bool]:
        def save(change: Pending) -> bool:
            assert self.client is not None
            return self.client.save_answer(attempt_id, change.position, change.response, change.seq, change.given_at)

        return save

    def set_flag(self, actor: Any, attempt_id: int, position: int, flagged: bool, failed: Failed) -> None:
        self._call(lambda client: client.set_flag(attempt_id, position, flagged), _ignore, failed)

    def set_position(self, actor: Any, attempt_id: int, position: int) -> None:
        self._call(lambda client: client.set_position(attempt_id, position), _ignore, _ignore)

    def finish(self, actor: Any, attempt_id: int, done: Done, failed: Failed) -> None:
        def work(client: ServerClient) -> Any:
            result, links, show = client.finish(attempt_id)
            self._show_pass_fail = show
            return result, links

        self._call(work, done, failed)

    def image(self, sha256: str, done: Done) -> None:
        attempt_id = self._attempt_id
        self._call(lambda client: client.image(attempt_id, sha256) if attempt_id else None, done,
                   lambda _error: done(None))

    def show_pass_fail(self, assessment_id: int, done: Done) -> None:
        self.runner.submit(lambda: self._show_pass_fail, done, _ignore)

    # HR -----------------------------------------------------------------------------------------
    def staff_login(self, username: str, password: str, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.sign_in(username, password), done, failed)

    def build_summary(self, actor: Any, choice: Any, done: Done, failed: Failed, preview: bool = False) -> None:
        """(The exam server audits every summary it builds.)"""
        self._call(lambda client: client.build_summary(choice.year, choice.assessment_id, choice.org_unit,
                                                       choice.min_group), done, failed)

    def hr_choices(self, actor: Any, year: int, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.hr_choices(year), done, failed)

    def assessment_progress(self, actor: Any, assessment_id: int, min_group: int, done: Done,
                            failed: Failed) -> None:
        self._call(lambda client: client.assessment_progress(assessment_id, min_group), done, failed)

    def record_export(self, actor: Any, summary: Any, fmt: str, path: str, assessment_id: int | None,
                      done: Done, failed: Failed) -> None:
        self._call(lambda client: client.record_export(summary.year, assessment_id, summary.org_unit,
                                                       summary.min_group, fmt, path), done, failed)

    def candidates(self, actor: Any, assessment_id: int, purpose: str, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.candidates(assessment_id, purpose), done, failed)

    def audit_entries(self, actor: Any, filters: dict[str, Any], export_file: str | None, done: Done,
                      failed: Failed) -> None:
        self._call(lambda client: client.audit_entries(filters, 5000 if export_file else 500, export_file), done,
                   failed)

    def roster_import(self, actor: Any, path: str, full: bool, dry_run: bool, confirmed: list[str], done: Done,
                      failed: Failed) -> None:
        self._call(lambda client: client.roster_import(Path(path), full=full, dry_run=dry_run, confirmed=confirmed),
                   done, failed)

    def retention(self, actor: Any, years: int | None, save: bool, apply: bool, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.retention(years, save, apply), done, failed)

    def selections(self, actor: Any, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.selections(), done, failed)

    def applicants_import(self, actor: Any, path: str, selection: str, title: str | None, keep_until: Any,
                          dry_run: bool, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.applicants_import(Path(path), selection, title, keep_until, dry_run),
                   done, failed)

    def delete_selection(self, actor: Any, code: str, apply: bool, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.delete_selection(code, apply), done, failed)

    def people_results(self, actor: Any, assessment_id: int, file: str, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.people_results(assessment_id, file), done, failed)

    def search_people(self, actor: Any, text: str, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.search_people(text), done, failed)

    def edit_person(self, actor: Any, change: dict[str, Any], done: Done, failed: Failed) -> None:
        self._call(lambda client: client.edit_person(change), done, failed)

    def published_blueprints(self, actor: Any, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.published_blueprints(), done, failed)

    def open_window(self, actor: Any, spec: dict[str, Any], done: Done, failed: Failed) -> None:
        self._call(lambda client: client.open_window(spec), done, failed)

    def change_window(self, actor: Any, assessment_id: int, closes_at: Any, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.change_window(assessment_id, closes_at), done, failed)

    def seat_codes(self, actor: Any, assessment_id: int, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.seat_codes(assessment_id), done, failed)

    # Trainer ------------------------------------------------------------------------------------
    def trainer_review_queue(self, actor: Any, paths: list[Any], months: int, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.review_queue([Path(p) for p in paths], months), done, failed)

    def trainer_history(self, actor: Any, item_id: str, done: Done, failed: Failed) -> None:
        self._call(lambda client: client.item_history(item_id), done, failed)

    def trainer_publish_preview(self, actor: Any, paths: list[Any], done: Done, failed: Failed) -> None:
        self._call(lambda client: client.publish_preview([Path(p) for p in paths]), done, failed)

    def trainer_publish(self, actor: Any, paths: list[Any], done: Done, failed: Failed) -> None:
        self._call(lambda client: client.publish([Path(p) for p in paths]), done, failed)

    def close(self) -> None:
        """Let queued saves finish, sign out, then stop the worker (once)."""
        if self._closed:
            return
        self._closed = True

        def finish() -> None:
            if self.client is not None:
                try:
                    self.client.sign_out()
                except Exception:  # noqa: BLE001 - closing: the session expires by itself anyway
                    pass
                self.client.close()

        self.runner.submit(finish)
        self.runner.stop()


def _ignore(_value: Any) -> None:
    return None
