"""Wires the examinee pages to the backend: the whole sitting, from login to result.

Pages only lay out and emit; this controller decides what happens next, calls the backend
(which works off the GUI thread) and moves between pages.  It holds the current examinee and
attempt, and the AnswerSaver that makes every answer durable the moment it is given.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget

from ..backend import ExamineeBackend
from ..common import error_text, wait_for
from ..saver import AnswerSaver
from .login import LoginPage

if TYPE_CHECKING:
    from ...client.journal import Journal
    from ...core.model import Actor, AttemptResult, AttemptState, OpenAssessment
    from .assessments import AssessmentListPage
    from .attempt import AttemptPage
    from .instructions import InstructionsPage
    from .result import ResultPage
    from .review import ReviewPage


log = logging.getLogger(__name__)


class ExamineeController(QObject):
    def __init__(self, backend: ExamineeBackend, stack: QStackedWidget, lang: str) -> None:
        super().__init__(stack)
        self.backend = backend
        self.stack = stack
        self.lang = lang
        self.actor: Actor | None = None
        self.assessment: OpenAssessment | None = None
        self.state: AttemptState | None = None
        self.saver: AnswerSaver | None = None
        self.attempt_key = ""
        """The current attempt's name in the answer journal (where it lives + its id)."""
        self.data_folder: Path | None = None
        """The app's data folder (from its settings), where the answer journal lives."""
        self.finishing = False
        self._journal_told = False
        # Pages: the login now; the others (and their imports: item widgets, charts) when first
        # needed, so the login window appears as fast as a bare window would.
        self.login = LoginPage(lang)
        stack.addWidget(self.login)
        stack.setCurrentWidget(self.login)
        self.backend.ready.connect(lambda: self.login.set_busy(False))
        self.backend.progress.connect(self._progress)
        self.backend.failed.connect(lambda error: self.login.set_busy(True, error_text(error, self.lang)))
        self.login.submitted.connect(self._login)

    @cached_property
    def journal(self) -> Journal | None:
        """This PC's answer journal, opened at the first attempt (None if it cannot be opened at all:
        the answers are then only in memory until stored, and the screen says so)."""
        from ...client.journal import Journal, journal_path

        try:
            return Journal(journal_path(self.data_folder))
        except (OSError, sqlite3.Error):
            log.exception("the answer journal cannot be opened")
            return None

    def _journal_notice(self) -> str:
        from ...core.errors import UserError

        journal = self.journal
        if journal is None:
            return UserError("journal_unavailable").render(self.lang)
        if journal.problem is not None:
            code, params = journal.problem
            return UserError(code, **params).render(self.lang)
        return ""

    @cached_property
    def assessments(self) -> AssessmentListPage:
        from .assessments import AssessmentListPage

        page = AssessmentListPage()
        self.stack.addWidget(page)
        page.chosen.connect(self._chosen)
        page.logout.connect(self.to_login)
        return page

    @cached_property
    def instructions(self) -> InstructionsPage:
        from .instructions import InstructionsPage

        page = InstructionsPage()
        self.stack.addWidget(page)
        page.back.connect(lambda: self._show(self.assessments))
        page.begin.connect(self._begin)
        return page

    @cached_property
    def attempt(self) -> AttemptPage:
        from .attempt import AttemptPage

        page = AttemptPage()
        self.stack.addWidget(page)
        page.answer_changed.connect(self._answer)
        page.flag_toggled.connect(self._flag)
        page.position_changed.connect(self._position)
        page.review_requested.connect(self._to_review)
        page.time_up.connect(self._submit)
        return page

    @cached_property
    def review(self) -> ReviewPage:
        from .review import ReviewPage

        page = ReviewPage()
        self.stack.addWidget(page)
        page.back.connect(lambda: self._show(self.attempt))
        page.jump.connect(self._jump)
        page.submit.connect(self._submit)
        return page

    @cached_property
    def result(self) -> ResultPage:
        from .result import ResultPage

        page = ResultPage(self.lang)
        self.stack.addWidget(page)
        page.done.connect(self.to_login)
        return page

    def _show(self, page: object) -> None:
        """Switch page and put the keyboard focus where that page's user starts."""
        self.stack.setCurrentWidget(page)  # type: ignore[arg-type]
        focus = getattr(page, "focus_default", None)
        if focus is not None:
            focus()

    def _progress(self, step: str) -> None:
        texts = {"migrate": self.tr("データベースを準備しています…"), "publish": self.tr("問題を読み込んでいます…")}
        self.login.set_busy(True, texts.get(step, step))

    # Login and choice ------------------------------------------------------------------------
    def _login(self, staff_no: str) -> None:
        self.login.set_busy(True, self.tr("確認しています…"))

        def done(value: tuple[Actor, list[OpenAssessment]]) -> None:
            self.login.set_busy(False)
            self.actor, listed = value
            self.assessments.set_assessments(staff_no, listed)
            self._show(self.assessments)

        def failed(error: BaseException) -> None:
            self.login.set_busy(False)
            self.login.show_error(error_text(error, self.lang))

        self.backend.login(staff_no, done, failed)

    def _chosen(self, assessment: OpenAssessment) -> None:
        self.assessment = assessment
        self.instructions.show_for(assessment)
        self._show(self.instructions)

    def _begin(self, access_code: str | None) -> None:
        assert self.actor is not None and self.assessment is not None
        self.instructions.begin_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.instructions.begin_button.setEnabled(True)
            self.instructions.show_error(error_text(error, self.lang))

        if self.assessment.unfinished_attempt_id is not None:
            self.backend.resume(self.actor, self.assessment.unfinished_attempt_id, access_code, self._loaded, failed)
        else:
            self.backend.start(self.actor, self.assessment.id, access_code, self._loaded, failed)

    # The attempt -----------------------------------------------------------------------------
    def _loaded(self, state: AttemptState) -> None:
        self.instructions.begin_button.setEnabled(True)
        assert self.actor is not None
        from ...client.journal import attempt_key
        from ...client.outbox import ServerClock

        self.attempt_key = attempt_key(self.backend.journal_where, state.attempt_id)
        if state.status != "in_progress":  # time ran out while the app was closed
            self.state = state
            self._forget_journal()  # the server will take nothing more for this attempt
            self._finish()
            return
        self.finishing = False
        self.saver = AnswerSaver(self.backend.runner, self.backend.save_answer(self.actor, state.attempt_id), self,
                                 journal=self.journal, attempt=self.attempt_key, clock=ServerClock(state.now).now)
        self.saver.state_changed.connect(self.attempt.set_save_state)
        self.saver.refused.connect(self._refused)
        self.attempt.set_save_state(0, False, self.saver.durable)
        replayed = self.saver.replay()  # what a crash left unsent, newest word first on screen
        if replayed:
            answers = {**state.answers, **replayed}
            state = dataclasses.replace(state, answers={p: r for p, r in answers.items() if r is not None})
        self.state = state
        shas = {item.image["sha256"] for item in state.items if item.image}
        if not shas:
            self._show_attempt(state, {})
            return
        images: dict[str, bytes] = {}

        def got(sha: str, data: bytes | None) -> None:
            if data:
                images[sha] = data
            if sha == last:
                self._show_attempt(state, images)

        last = sorted(shas)[-1]
        for sha in sorted(shas):
            self.backend.image(sha, lambda data, s=sha: got(s, data))

    def _show_attempt(self, state: AttemptState, images: dict[str, bytes]) -> None:
        self.attempt.load(state, images)
        self._show(self.attempt)
        self.stack.window().setWindowTitle(self.tr("{0} — ICTリテラシー確認").format(state.title))
        notice = "" if self._journal_told else self._journal_notice()
        if notice:
            self.attempt.show_notice(notice)
            self._journal_told = True  # once per run of the app, not at every attempt
        journal = self.journal
        if journal is not None and journal.submit_requested(self.attempt_key):
            self._submit()  # submitted before the crash: complete it once the answers are in

    def _answer(self, position: int, response: Any) -> None:
        if self.saver is not None and not self.finishing:
            self.saver.save(position, response)

    def _flag(self, position: int, flagged: bool) -> None:
        assert self.actor is not None and self.state is not None
        self.backend.set_flag(self.actor, self.state.attempt_id, position, flagged, lambda _e: None)

    def _position(self, position: int) -> None:
        if self.actor is not None and self.state is not None and not self.finishing:
            self.backend.set_position(self.actor, self.state.attempt_id, position)

    def _refused(self, _position: int, error: BaseException) -> None:
        code = getattr(error, "code", "")
        if code in ("attempt_expired", "attempt_finished"):
            self.attempt.expire() if self.stack.currentWidget() is self.attempt else self._submit()
        else:
            self.attempt.show_notice(error_text(error, self.lang))

    def _to_review(self) -> None:
        self.review.show_summary(self.attempt.summary())
        self._show(self.review)

    def _jump(self, position: int) -> None:
        self._show(self.attempt)
        self.attempt.go_to_position(position)

    def _submit(self) -> None:
        """Submit once every answer is stored (a retrying save delays, never drops, the submit).
        The request is in the journal first, so a crash meanwhile completes it at the next start."""
        if self.finishing:
            return
        self.finishing = True
        if self.journal is not None:
            try:
                self.journal.request_submit(self.attempt_key)
            except sqlite3.Error:
                log.exception("the submit request could not be journaled")
        self._finish()

    def _forget_journal(self) -> None:
        if self.journal is None or not self.attempt_key:
            return
        dropped = len(self.journal.pending(self.attempt_key))
        if dropped:
            log.warning("attempt %s is closed on the server: %d journaled answers could not be sent",
                        self.attempt_key, dropped)
        self.journal.forget(self.attempt_key)

    def _submit_kept(self) -> bool:
        """Is the examinee's submit on this PC's disk (completed at the next start if need be)?"""
        try:
            return self.journal is not None and self.journal.submit_requested(self.attempt_key)
        except sqlite3.Error:
            return False

    def _tell(self, text: str) -> None:
        """A notice on the attempt page, and on the review page when the submit was made there."""
        self.attempt.show_notice(text)
        if "review" in self.__dict__:
            self.review.show_notice(text)

    def _finish(self) -> None:
        if self.saver is not None and self.saver.pending:
            if self.saver.retrying and self.saver.durable and self._submit_kept():
                self._tell(self.tr(
                    "提出を受け付け、このパソコンに記録しました。サーバーにつながりしだい、残りの解答を送ってから"
                    "提出します。アプリを閉じた場合は、次にログインしたときに提出されます。"))
            else:
                self._tell(self.tr("解答を保存しています。保存が終わると提出します…"))
            QTimer.singleShot(200, self._finish)
            return
        assert self.actor is not None and self.state is not None
        self.attempt.stop()

        def done(value: tuple[AttemptResult, dict[str, list[tuple[str, str]]]]) -> None:
            result, links = value
            self._forget_journal()
            assert self.state is not None
            self.backend.show_pass_fail(self.state.assessment_id, lambda show: self._show_result(result, links, show))

        def failed(error: BaseException) -> None:
            if getattr(error, "transient", False) and self._submit_kept():
                self._tell(self.tr(
                    "提出を受け付け、このパソコンに記録しました。サーバーにつながりしだい提出します。"
                    "アプリを閉じた場合は、次にログインしたときに提出されます。"))
            else:
                self._tell(error_text(error, self.lang))
            QTimer.singleShot(2000, self._finish)  # keep trying: the submit must be stored

        self.backend.finish(self.actor, self.state.attempt_id, done, failed)

    def _show_result(self, result: AttemptResult, links: dict[str, list[tuple[str, str]]], show: bool) -> None:
        self._reset_title()
        self.result.show_result(result, links, bool(show))
        self._show(self.result)
        self.state = None
        self.saver = None

    def time_is_up(self) -> bool:
        return "attempt" in self.__dict__ and self.state is not None and self.attempt.remaining_seconds() <= 0

    def submit_and_wait(self, limit_ms: int = 15_000) -> None:
        """Submit now and keep the event loop running until the result is stored (window closing)."""
        if not self.finishing:
            self.attempt.expire()  # stops input and emits time_up, which submits
        wait_for(lambda: self.state is None, limit_ms)

    def in_attempt(self) -> bool:
        return self.state is not None and not self.finishing

    def pending_saves(self) -> int:
        return self.saver.pending if self.saver is not None else 0

    def save_status(self) -> tuple[int, bool]:
        """(answers not yet acknowledged, whether they are on this PC's disk)."""
        if self.saver is None:
            return 0, True
        return self.saver.pending, self.saver.durable

    def _reset_title(self) -> None:
        self.stack.window().setWindowTitle(self.tr("ICTリテラシー確認"))

    def to_login(self) -> None:
        self.actor = None
        self.assessment = None
        self.state = None
        self.saver = None
        self.finishing = False
        if "attempt" in self.__dict__:
            self.attempt.stop()
        self._reset_title()
        self.login.reset()
        self._show(self.login)
