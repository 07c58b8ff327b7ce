"""The examinee screens' one way into the services, run on the worker thread.

Screens call these methods with callbacks; each method submits one job that opens one unit of
work, calls one service and returns plain records.  Nothing here imports SQLAlchemy at module
level: the window appears first and the database layer loads in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..client.journal import Pending
    from ..core.model import Actor
    from ..storage.uow import Database

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class ExamineeBackend(QObject):
    """Owns the database (opened on the worker) and the task runner."""

    ready = Signal()
    failed = Signal(object)
    progress = Signal(str)

    def __init__(self, db_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_url = db_url
        self.runner = TaskRunner(self)
        self.database: Database | None = None
        self._closed = False

    @property
    def journal_where(self) -> str:
        """Where this PC's attempts live, for the answer journal's keys: the database (never its password)."""
        from sqlalchemy.engine import make_url

        return make_url(self.db_url).render_as_string(hide_password=True)

    # Opening ---------------------------------------------------------------------------------
    def open(self) -> None:
        """Open (and on first run migrate and seed) the database without blocking the window."""

        def job() -> Database:
            from ..bootstrap import open_database

            return open_database(self.db_url, progress=self.progress.emit)

        def done(database: Database) -> None:
            self.database = database
            self.ready.emit()

        self.runner.submit(job, done, self.failed.emit)

    def _call(self, work: Callable[[Any], Any], done: Done, failed: Failed, read_only: bool = False) -> None:
        def job() -> Any:
            assert self.database is not None
            with self.database.uow(read_only=read_only) as uow:
                return work(uow)

        self.runner.submit(job, done, failed)

    # First run ---------------------------------------------------------------------------------
    def needs_setup(self, done: Done, failed: Failed) -> None:
        """True while the installation has no staff account (the window offers 初期設定)."""
        from ..services import setup

        self._call(setup.needs_setup, done, failed, read_only=True)

    def create_first_admin(self, username: str, password: str, name: str, done: Done, failed: Failed) -> None:
        from ..services import setup

        self._call(lambda uow: setup.create_first_admin(uow, username, password, name), done, failed)

    def make_sandbox(self, data_dir: Path, done: Done, failed: Failed) -> None:
        """A fresh sandbox database beside the real one (``services.setup``): the old one is replaced."""

        def job() -> Any:
            from ..bootstrap import open_database
            from ..services import setup

            path = setup.sandbox_path(data_dir)
            for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                part.unlink(missing_ok=True)
            url = f"sqlite:///{path}"
            database = open_database(url)
            try:
                with database.uow() as uow:
                    return setup.fill_sandbox(uow, database.clock(), url)
            finally:
                database.dispose()

        self.runner.submit(job, done, failed)

    # Use cases -------------------------------------------------------------------------------
    def login(self, staff_no: str, done: Done, failed: Failed) -> None:
        """Identify the examinee and list what is open to them: (actor, [OpenAssessment])."""

        from ..services import assessments

        self._call(lambda uow: assessments.examinee_login(uow, staff_no), done, failed)

    def start(self, actor: Actor, assessment_id: int, access_code: str | None, done: Done, failed: Failed) -> None:
        from ..services import attempts

        self._call(lambda uow: attempts.start_attempt(uow, actor, assessment_id, access_code), done, failed)

    def resume(self, actor: Actor, attempt_id: int, access_code: str | None, done: Done, failed: Failed) -> None:
        from ..services import attempts

        self._call(lambda uow: attempts.resume_attempt(uow, actor, attempt_id, access_code), done, failed)

    def save_answer(self, actor: Actor, attempt_id: int) -> Callable[[Pending], bool]:
        """A save function for the AnswerSaver (runs on the worker thread)."""
        from ..services import attempts

        def save(change: Pending) -> bool:
            assert self.database is not None
            with self.database.uow() as uow:
                return attempts.save_answer(uow, actor, attempt_id, change.position, change.response, seq=change.seq,
                                            given_at=change.given_at)

        return save

    def set_flag(self, actor: Actor, attempt_id: int, position: int, flagged: bool, failed: Failed) -> None:
        from ..services import attempts

        self._call(lambda uow: attempts.set_flag(uow, actor, attempt_id, position, flagged), _ignore, failed)

    def set_position(self, actor: Actor, attempt_id: int, position: int) -> None:
        from ..services import attempts

        self._call(lambda uow: attempts.set_position(uow, actor, attempt_id, position), _ignore, _ignore)

    def finish(self, actor: Actor, attempt_id: int, done: Done, failed: Failed) -> None:
        """Submit (or record the time-out) and return the result with the areas' study links."""
        from ..services import finishing

        def work(uow: Any) -> tuple[Any, dict[str, list[tuple[str, str]]]]:
            result = finishing.finish_attempt(uow, actor, attempt_id)
            links = finishing.learning_links(uow, [area.area for area in result.areas])
            return result, links

        self._call(work, done, failed)

    def image(self, sha256: str, done: Done) -> None:
        from ..storage.models import ImageBlob

        self._call(lambda uow: (lambda row: row.data if row else None)(uow.session.get(ImageBlob, sha256)),
                   done, _ignore, read_only=True)

    def show_pass_fail(self, assessment_id: int, done: Done) -> None:
        from ..services import attempts

        self._call(lambda uow: attempts.blueprint_content(uow, assessment_id).get("show_pass_fail", True),
                   done, _ignore, read_only=True)

    # HR -------------------------------------------------------------------------------------
    def staff_login(self, username: str, password: str, done: Done, failed: Failed) -> None:
        from ..services import accounts

        self._call(lambda uow: accounts.login_staff(uow, username, password), done, failed)

    def build_summary(self, actor: Actor, choice: Any, done: Done, failed: Failed, preview: bool = False) -> None:
        """The summary for HR's choice (ui.hr.page.ReportChoice), read-only; item statistics
        computed on a cache miss are stored afterwards in a short write.  ``preview``: shown on
        screen, so audited as a view (a save is audited as the export)."""
        from ..reporting.figures.summary import make_summary

        def job() -> Any:
            assert self.database is not None
            return make_summary(self.database, actor, choice.year, assessment_id=choice.assessment_id,
                                org_unit=choice.org_unit, min_group=choice.min_group, preview=preview)

        self.runner.submit(job, done, failed)

    def hr_choices(self, actor: Actor, year: int, done: Done, failed: Failed) -> None:
        """(the 年度's assessment windows, the roster's 局 and 局/部) for HR's filters."""
        from ..services import progress

        self._call(lambda uow: (progress.assessments_in_year(uow, actor, year), progress.org_units(uow, actor)),
                   done, failed, read_only=True)

    def assessment_progress(self, actor: Actor, assessment_id: int, min_group: int, done: Done,
                            failed: Failed) -> None:
        from ..services import progress

        self._call(lambda uow: progress.assessment_progress(uow, actor, assessment_id, min_group), done, failed)

    def record_export(self, actor: Actor, summary: Any, fmt: str, path: str, assessment_id: int | None,
                      done: Done, failed: Failed) -> None:
        from pathlib import Path

        from ..reporting.exports import record_summary_export

        self._call(lambda uow: record_summary_export(uow, actor, summary, fmt, Path(path), assessment_id),
                   done, failed)

    def candidates(self, actor: Actor, assessment_id: int, purpose: str, done: Done, failed: Failed) -> None:
        """受験者一覧 (audited with ``purpose``: a view, or the file an export goes to)."""
        from ..services import candidates

        self._call(lambda uow: candidates.candidate_list(uow, actor, assessment_id, purpose=purpose), done, failed)

    def audit_entries(self, actor: Actor, filters: dict[str, Any], export_file: str | None, done: Done,
                      failed: Failed) -> None:
        """A page of the audit log; with ``export_file`` the export about to be written is recorded."""
        from ..services import audit

        self._call(lambda uow: audit.read_audit(uow, actor, export_file=export_file, **filters), done, failed)

    def roster_import(self, actor: Actor, path: str, full: bool, dry_run: bool, confirmed: list[str], done: Done,
                      failed: Failed) -> None:
        """A dry run (the preview) or the import of what was confirmed (``services.roster``)."""
        from ..services import roster

        self._call(lambda uow: roster.import_roster(uow, actor, Path(path), dry_run=dry_run, full=full,
                                                    confirmed=confirmed), done, failed)

    def retention(self, actor: Actor, years: int | None, save: bool, apply: bool, done: Done,
                  failed: Failed) -> None:
        """The retention period and what it does (``services.retention.retention_action``)."""
        from ..services import retention

        self._call(lambda uow: retention.retention_action(uow, actor, years=years, save=save, apply=apply),
                   done, failed)

    # Hiring selection ---------------------------------------------------------------------------
    def selections(self, actor: Actor, done: Done, failed: Failed) -> None:
        from ..services import applicants

        self._call(lambda uow: applicants.list_selections(uow, actor), done, failed, read_only=True)

    def applicants_import(self, actor: Actor, path: str, selection: str, title: str | None, keep_until: Any,
                          dry_run: bool, done: Done, failed: Failed) -> None:
        """A check (dry run) or the import of one selection's applicant list (``services.applicants``)."""
        from ..services import applicants

        self._call(lambda uow: applicants.import_applicants(uow, actor, Path(path), selection, title=title,
                                                            retain_until=keep_until, dry_run=dry_run),
                   done, failed)

    def delete_selection(self, actor: Actor, code: str, apply: bool, done: Done, failed: Failed) -> None:
        from ..services import applicants

        self._call(lambda uow: applicants.delete_selection(uow, actor, code, dry_run=not apply), done, failed)

    def people_results(self, actor: Actor, assessment_id: int, file: str, done: Done, failed: Failed) -> None:
        """Everyone's results for the 個人結果票 of a window (printed on the GUI thread); audited."""
        from ..reporting.exports import people_results

        self._call(lambda uow: people_results(uow, actor, assessment_id, file), done, failed)

    def search_people(self, actor: Actor, text: str, done: Done, failed: Failed) -> None:
        from ..services import people

        self._call(lambda uow: people.search_people(uow, actor, text), done, failed, read_only=True)

    def edit_person(self, actor: Actor, change: dict[str, Any], done: Done, failed: Failed) -> None:
        """``change``: staff_no and either name/org_path/audience (an edit) or active (a switch)."""
        from ..services import people

        self._call(lambda uow: people.edit_person(uow, actor, **change), done, failed)

    def published_blueprints(self, actor: Actor, done: Done, failed: Failed) -> None:
        from ..services import assessments

        self._call(lambda uow: assessments.published_blueprints(uow, actor), done, failed, read_only=True)

    def open_window(self, actor: Actor, spec: dict[str, Any], done: Done, failed: Failed) -> None:
        """``spec``: blueprint, opens_at, closes_at, title, access_code, max_attempts, person_codes and
        the cohort's org_prefixes, audiences, staff_nos (see ``assessments.window_cohort``)."""
        from ..services import assessments

        def work(uow: Any) -> int:
            return assessments.open_assessment(
                uow, actor, spec["blueprint"], spec["opens_at"], spec["closes_at"], title=spec.get("title"),
                cohort=assessments.window_cohort(spec), access_code=spec.get("access_code"),
                max_attempts=spec.get("max_attempts"), person_codes=bool(spec.get("person_codes")))

        self._call(work, done, failed)

    def change_window(self, actor: Actor, assessment_id: int, closes_at: Any, done: Done, failed: Failed) -> None:
        """Close now (``closes_at`` None: this database's clock) or move the end; done(previous end)."""
        from ..services import assessments

        self._call(lambda uow: assessments.change_window(uow, actor, assessment_id, closes_at or uow.now),
                   done, failed)

    def seat_codes(self, actor: Actor, assessment_id: int, done: Done, failed: Failed) -> None:
        from ..services import codes

        self._call(lambda uow: codes.issue_seat_codes(uow, actor, assessment_id), done, failed)

    # Trainer ----------------------------------------------------------------------------------
    def trainer_review_queue(self, actor: Actor, paths: list[Any], months: int, done: Done, failed: Failed) -> None:
        import datetime as dt

        from ..services import trainer

        self._call(lambda uow: trainer.review_queue(uow, actor, paths, today=dt.date.today(), months=months),
                   done, failed, read_only=True)

    def trainer_history(self, actor: Actor, item_id: str, done: Done, failed: Failed) -> None:
        from ..services.trainer_history import item_history

        self._call(lambda uow: item_history(uow, actor, item_id), done, failed, read_only=True)

    def trainer_publish_preview(self, actor: Actor, paths: list[Any], done: Done, failed: Failed) -> None:
        from ..services import trainer

        self._call(lambda uow: trainer.publish_preview(uow, actor, paths), done, failed, read_only=True)

    def trainer_publish(self, actor: Actor, paths: list[Any], done: Done, failed: Failed) -> None:
        from ..services.publishing import publish_bank

        self._call(lambda uow: publish_bank(uow, actor, paths), done, failed)

    def close(self) -> None:
        """Let queued saves finish, then stop the worker and release the database (once)."""
        if self._closed:
            return
        self._closed = True
        database = self.database
        if database is not None:
            self.runner.submit(database.dispose)
        self.runner.stop()


def _ignore(_value: Any) -> None:
    return None
