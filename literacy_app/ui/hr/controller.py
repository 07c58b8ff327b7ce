"""Wires HR's page: staff login, summary preview and saving (figures on the worker thread,
drawing on the GUI thread, an audit row for every saved file)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from ..backend import ExamineeBackend
from ..common import error_text
from ..examinee.login import LoginPage
from .login_dialog import StaffLoginDialog

if TYPE_CHECKING:
    from ...core.model import Actor
    from .page import HrPage

HR_ROLES = ("hr", "admin")


class HrController(QObject):
    def __init__(self, backend: ExamineeBackend, stack: QStackedWidget, login: LoginPage, lang: str) -> None:
        super().__init__(stack)
        self.backend = backend
        self.stack = stack
        self.login = login
        self.lang = lang
        self.actor: Actor | None = None
        login.staff_login_requested.connect(self.ask_login)

    @cached_property
    def page(self) -> HrPage:
        from .page import HrPage

        page = HrPage()
        self.stack.addWidget(page)
        page.preview_requested.connect(self.preview)
        page.save_requested.connect(self.save)
        page.logout.connect(self.logout)
        return page

    def ask_login(self) -> None:
        answer = StaffLoginDialog.ask(self.stack.window())
        if answer is not None:
            self.log_in(*answer)

    def log_in(self, username: str, password: str) -> None:
        def done(actor: Actor) -> None:
            if actor.role not in HR_ROLES:
                self.login.show_error(self.tr("このアカウントには人事の画面を開く権限がありません。"))
                return
            self.actor = actor
            self.stack.setCurrentWidget(self.page)
            self.page.focus_default()

        self.backend.staff_login(username, password, done,
                                 lambda error: self.login.show_error(error_text(error, self.lang)))

    def _failed(self, error: BaseException) -> None:
        self.page.set_busy(False, error_text(error, self.lang))

    def preview(self, year: int, min_group: int) -> None:
        from ...reporting.render import summary_document

        assert self.actor is not None
        self.page.set_busy(True, self.tr("集計しています…"))

        def done(summary: Any) -> None:
            document = summary_document(summary)
            document.setParent(self.page.preview)
            self.page.preview.setDocument(document)
            self.page.set_busy(False, self.tr("{0} の集計を表示しています。").format(summary.label))

        self.backend.build_summary(self.actor, year, min_group, done, self._failed)

    def save(self, year: int, min_group: int, fmt: str, path: str) -> None:
        from ...reporting.exports import write_summary

        assert self.actor is not None
        actor = self.actor
        self.page.set_busy(True, self.tr("集計しています…"))

        def built(summary: Any) -> None:
            try:
                write_summary(summary, fmt, Path(path))
            except Exception as error:  # noqa: BLE001 - shown as a sentence; nothing half-recorded
                self._failed(error)
                return
            saved = self.tr("保存しました: {0}").format(path)
            self.backend.record_export(actor, summary, fmt, path, lambda _none: self.page.set_busy(False, saved),
                                       self._failed)

        self.backend.build_summary(actor, year, min_group, built, self._failed)

    def logout(self) -> None:
        self.actor = None
        self.stack.setCurrentWidget(self.login)
        self.login.reset()
        self.login.focus_default()
