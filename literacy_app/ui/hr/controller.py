"""Wires HR's page: staff login, summary preview and saving (figures on the worker thread,
drawing on the GUI thread, an audit row for every saved file)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from ...core.fiscal import JST
from ..backend import ExamineeBackend
from ..common import error_text
from ..examinee.login import LoginPage
from .login_dialog import StaffLoginDialog

if TYPE_CHECKING:
    from ...core.model import Actor
    from .page import HrPage

HR_ROLES = ("hr", "admin", "viewer")
"""Roles that open this page; a ``viewer`` sees the aggregate tabs only (``HrPage.set_role``)."""


class HrController(QObject):
    def __init__(self, backend: ExamineeBackend, stack: QStackedWidget, login: LoginPage, lang: str) -> None:
        super().__init__(stack)
        self.backend = backend
        self.stack = stack
        self.login = login
        self.lang = lang
        self.actor: Actor | None = None
        self.trainer_opener: Any = None
        """Called with a trainer's actor: the staff login is shared by HR and trainers."""
        login.staff_login_requested.connect(self.ask_login)

    @cached_property
    def page(self) -> HrPage:
        from .page import HrPage

        page = HrPage()
        self.stack.addWidget(page)
        page.preview_requested.connect(self.preview)
        page.save_requested.connect(self.save)
        page.progress_requested.connect(self.show_progress)
        page.slips_requested.connect(self.issue_slips)
        page.candidates_requested.connect(self.show_candidates)
        page.candidates_export_requested.connect(self.export_candidates)
        page.sheets_requested.connect(self.save_result_sheets)
        page.audit_requested.connect(self.show_audit)
        page.roster_requested.connect(self.open_roster_dialog)
        page.open_window_requested.connect(self.open_window_dialog)
        page.window_end_requested.connect(self.window_end_dialog)
        page.people_search_requested.connect(self.search_people)
        page.person_change_requested.connect(self.change_person)
        page.audit_export_requested.connect(self.export_audit)
        page.year_changed.connect(self.load_choices)
        page.logout.connect(self.logout)
        from .retention_box import RetentionPresenter
        from .selections_view import SelectionsPresenter

        self.selections = SelectionsPresenter(page.selections_view, self.backend, lambda: self.actor, self.lang)
        self.retention = RetentionPresenter(page.retention_box, self.backend, lambda: self.actor, self.lang)
        return page

    def ask_login(self) -> None:
        answer = StaffLoginDialog.ask(self.stack.window())
        if answer is not None:
            self.log_in(*answer)

    def log_in(self, username: str, password: str) -> None:
        def done(actor: Actor) -> None:
            if actor.role == "trainer" and self.trainer_opener is not None:
                self.trainer_opener(actor)
                return
            if actor.role not in HR_ROLES:
                self.login.show_error(self.tr("このアカウントには人事の画面を開く権限がありません。"))
                return
            self.actor = actor
            self.page.set_role(actor.role)
            self.stack.setCurrentWidget(self.page)
            self.page.focus_default()
            self.load_choices(self.page.year.value())

        self.backend.staff_login(username, password, done,
                                 lambda error: self.login.show_error(error_text(error, self.lang)))

    def _failed(self, error: BaseException) -> None:
        self.page.set_busy(False, error_text(error, self.lang))

    def load_choices(self, year: int) -> None:
        """Refill the assessment and 所属 lists for a 年度 (the roster may have changed too)."""
        if self.actor is None:
            return
        self.backend.hr_choices(self.actor, year, lambda choices: self.page.set_choices(*choices), self._failed)

    def preview(self) -> None:
        from ...reporting.rendering.pdf import summary_document

        assert self.actor is not None
        self.page.set_busy(True, self.tr("集計しています…"))

        def done(summary: Any) -> None:
            document = summary_document(summary)
            document.setParent(self.page.preview)
            self.page.preview.setDocument(document)
            scope = summary.org_unit or self.tr("市全体")
            self.page.set_busy(False, self.tr("{0}・{1} の集計を表示しています。").format(summary.label, scope))

        self.backend.build_summary(self.actor, self.page.choice(), done, self._failed, preview=True)

    def save(self, fmt: str, path: str) -> None:
        from ...reporting.exports import write_summary

        assert self.actor is not None
        actor = self.actor
        choice = self.page.choice()
        self.page.set_busy(True, self.tr("集計しています…"))

        def built(summary: Any) -> None:
            try:
                write_summary(summary, fmt, Path(path))
            except Exception as error:  # noqa: BLE001 - shown as a sentence; nothing half-recorded
                self._failed(error)
                return
            saved = self.tr("保存しました: {0}").format(path)
            self.backend.record_export(actor, summary, fmt, path, choice.assessment_id,
                                       lambda _none: self.page.set_busy(False, saved), self._failed)

        self.backend.build_summary(actor, choice, built, self._failed)

    def show_progress(self) -> None:
        """The chosen assessment's 受験状況, limited to the chosen 所属 (suppression is applied
        over the whole cohort first, so showing a part reveals nothing more)."""
        choice = self.page.choice()
        if self.actor is None or choice.assessment_id is None:
            return
        self.page.set_busy(True, self.tr("受験状況を集計しています…"))

        def done(rows: list[Any]) -> None:
            unit = choice.org_unit
            if unit:
                rows = [row for row in rows if row.org_path == unit or row.org_path.startswith(unit + "/")]
            self.page.progress_view.show_rows(rows, choice.min_group)
            shown = dt.datetime.now(JST).strftime("%H:%M:%S")
            self.page.set_busy(False, self.tr("受験状況（{0} 現在。表示中は 30 秒ごとに更新します）").format(shown))

        self.backend.assessment_progress(self.actor, choice.assessment_id, choice.min_group, done, self._failed)

    def show_candidates(self) -> None:
        """受験者一覧 of the chosen window (the server or service audits the view)."""
        choice = self.page.choice()
        if self.actor is None or choice.assessment_id is None:
            return
        self.page.set_busy(True, self.tr("受験者一覧を読み込んでいます…"))

        def done(rows: list[Any]) -> None:
            self.page.set_busy(False)
            self.page.candidates_view.suggested_name = f"受験者一覧-{self.page.assessment.currentText()[:40]}.xlsx"
            self.page.candidates_view.show_rows(rows)

        self.backend.candidates(self.actor, choice.assessment_id, "view", done, self._failed)

    def export_candidates(self, path: str) -> None:
        from ...services.candidates import write_candidates

        choice = self.page.choice()
        if self.actor is None or choice.assessment_id is None:
            return
        self.page.set_busy(True, self.tr("受験者一覧を保存しています…"))

        def done(rows: list[Any]) -> None:
            write_candidates(rows, Path(path))
            self.page.set_busy(False, self.tr("{0} 人の受験者一覧を {1} に保存しました。").format(len(rows), path))

        self.backend.candidates(self.actor, choice.assessment_id, f"export:{Path(path).name}", done, self._failed)

    def save_result_sheets(self, path: str) -> None:
        """Everyone's 個人結果票 of the chosen window, one PDF: figures on the worker (or the server),
        drawn here on the GUI thread (QtCharts needs it)."""
        from ...reporting.rendering.person import write_people_pdf

        choice = self.page.choice()
        if self.actor is None or choice.assessment_id is None:
            return
        self.page.set_busy(True, self.tr("個人結果票を作っています…"))

        def done(people: list[Any]) -> None:
            write_people_pdf(people, Path(path))
            self.page.set_busy(False, self.tr("{0} 人分の個人結果票を {1} に保存しました。").format(len(people), path))

        self.backend.people_results(self.actor, choice.assessment_id, Path(path).name, done, self._failed)

    def search_people(self, text: str) -> None:
        if self.actor is None:
            return
        self.backend.search_people(self.actor, text, lambda found: self.page.people_view.show_rows(*found),
                                   self._failed)

    def change_person(self, change: dict[str, Any]) -> None:
        """An edit or an (in)activation of one person, then the search shown again."""
        if self.actor is None:
            return

        def done(_none: Any) -> None:
            self.page.set_busy(False, self.tr("職員番号 {0} の変更を保存しました。").format(change["staff_no"]))
            self.search_people(self.page.people_view.search.text().strip())

        self.backend.edit_person(self.actor, change, done, self._failed)

    def open_roster_dialog(self) -> Any:
        """名簿の取り込み: preview (a dry run), then the import of what was shown."""
        from .roster_dialog import RosterDialog

        dialog = self.roster_dialog = RosterDialog(self.page)

        def failed(error: BaseException) -> None:
            dialog.show_error(error_text(error, self.lang))

        def preview(path: str, full: bool) -> None:
            assert self.actor is not None
            self.backend.roster_import(self.actor, path, full, True, [], dialog.show_preview, failed)

        def run(path: str, full: bool, confirmed: list[str]) -> None:
            assert self.actor is not None

            def done(report: Any) -> None:
                dialog.show_imported(report)
                self.load_choices(self.page.year.value())  # new 所属 for the filters

            self.backend.roster_import(self.actor, path, full, False, confirmed, done, failed)

        dialog.preview_requested.connect(preview)
        dialog.import_requested.connect(run)
        dialog.open()
        return dialog

    def open_window_dialog(self) -> Any:
        """試験を開く: the published blueprints to choose from, then the window (audited by the service)."""
        from ...core.fiscal import jst_text
        from .open_dialog import OpenWindowDialog

        dialog = self.open_dialog = OpenWindowDialog(self.page, lang=self.lang)

        def failed(error: BaseException) -> None:
            dialog.show_error(error_text(error, self.lang))

        def opened(spec: dict[str, Any], number: int, slips_path: str | None) -> None:
            dialog.accept()
            self.load_choices(self.page.year.value())
            self.page.set_busy(False, self.tr("試験 {0} を開きました（{1} 〜 {2}）。").format(
                number, jst_text(spec["opens_at"]), jst_text(spec["closes_at"])))
            if slips_path:  # the window asks for personal codes from its first minute: print them now
                self.issue_slips(slips_path, number)

        def open_it(spec: dict[str, Any]) -> None:
            assert self.actor is not None
            slips_path = spec.pop("slips_path", None)
            self.backend.open_window(self.actor, spec, lambda number: opened(spec, number, slips_path), failed)

        assert self.actor is not None
        self.backend.published_blueprints(self.actor, dialog.set_blueprints, failed)
        self.backend.selections(self.actor, dialog.set_selections, failed)
        dialog.open_requested.connect(open_it)
        dialog.open()
        return dialog

    def show_audit(self) -> None:
        if self.actor is None:
            return
        self.page.set_busy(True, self.tr("監査ログを読み込んでいます…"))

        def done(page: Any) -> None:
            self.page.set_busy(False)
            self.page.audit_view.show_page(page)

        self.backend.audit_entries(self.actor, self.page.audit_view.filters(), None, done, self._failed)

    def export_audit(self, path: str) -> None:
        from ...services.audit import write_audit

        if self.actor is None:
            return
        self.page.set_busy(True, self.tr("監査ログを保存しています…"))

        def done(page: Any) -> None:
            write_audit(page.entries, Path(path))
            self.page.set_busy(False, self.tr("監査ログ {0} 行を {1} に保存しました。").format(len(page.entries), path))

        self.backend.audit_entries(self.actor, self.page.audit_view.filters(), Path(path).name, done, self._failed)

    def window_end_dialog(self) -> Any:
        """締め切る・延長: the chosen window's end moved, or the window closed now (audited)."""
        from ...core.fiscal import jst_text
        from .open_dialog import WindowEndDialog

        info: Any = self.page.windows.get(self.page.choice().assessment_id or 0)
        if self.actor is None or info is None:
            return None
        dialog = self.end_dialog = WindowEndDialog(info.title, info.closes_at, self.page)
        actor = self.actor

        def done(before: Any) -> None:
            dialog.accept()
            self.load_choices(self.page.year.value())
            self.page.set_busy(False, self.tr("試験 {0} の終了を {1} から変更しました。").format(
                info.title, jst_text(before)))

        dialog.change_requested.connect(lambda closes_at: self.backend.change_window(
            actor, info.id, closes_at, done, lambda error: dialog.show_error(error_text(error, self.lang))))
        dialog.open()
        return dialog

    def issue_slips(self, path: str, assessment_id: int | None = None) -> None:
        """New personal codes for a window (the chosen one unless given), printed once as seat slips."""
        assessment_id = assessment_id or self.page.choice().assessment_id
        if self.actor is None or assessment_id is None:
            return
        self.page.set_busy(True, self.tr("受験票を発行しています…"))

        def done(issued: Any) -> None:
            from ...reporting.rendering.slips import write_slips_pdf

            try:
                write_slips_pdf(issued.title, issued.opens_at, issued.closes_at, list(issued.slips), Path(path))
            except Exception as error:  # noqa: BLE001 - shown as a sentence
                self._failed(error)
                return
            self.page.set_busy(False, self.tr("受験票 {0} 人分を保存しました: {1}").format(len(issued.slips), path))

        self.backend.seat_codes(self.actor, assessment_id, done, self._failed)

    def logout(self) -> None:
        self.actor = None
        self.stack.setCurrentWidget(self.login)
        self.login.reset()
        self.login.focus_default()
