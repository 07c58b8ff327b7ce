"""The application window: a stack of the examinee's pages, text size, and a safe close."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget

from .backend import ExamineeBackend
from .common import apply_relative_font, wait_for
from .examinee.controller import ExamineeController
from .hr.controller import HrController
from .trainer.controller import TrainerController

MIN_POINT_SIZE, MAX_POINT_SIZE, DEFAULT_POINT_SIZE = 9, 28, 13


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    sandbox_requested = Signal(object)  # services.setup.Sandbox, made: open a window on it
    sandbox_left = Signal()

    def __init__(self, backend: ExamineeBackend, settings: QSettings, lang: str, *, sandbox: Any = None,
                 data_folder: Path | None = None) -> None:
        super().__init__()
        self.backend = backend
        self.settings = settings
        self.lang = lang
        self.sandbox = sandbox
        self.data_folder = data_folder
        self.setWindowTitle(self.tr("ICTリテラシー確認"))
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.examinee = ExamineeController(backend, self.stack, lang)
        self.hr = HrController(backend, self.stack, self.examinee.login, lang)
        self.trainer = TrainerController(backend, self.stack, self.examinee.login, lang)
        self.hr.trainer_opener = self.trainer.open_for
        self.examinee.login.language_changed.connect(self.language_requested.emit)
        self.examinee.login.leave_sandbox.connect(self.sandbox_left.emit)
        if sandbox is not None:
            self.examinee.login.show_sandbox(sandbox.staff_no, sandbox.hr_username, sandbox.hr_password)
        elif hasattr(backend, "needs_setup"):  # one PC with its own database (a LAN PC has none to set up)
            backend.ready.connect(self._check_setup)
        # Ctrl+plus / Ctrl+minus, also as typed on a Japanese (JIS) keyboard, where + is Shift+;.
        # Each sequence once: two shortcuts on one sequence would be ambiguous and neither fires.
        for keys, step in (("Ctrl++", 1), ("Ctrl+=", 1), ("Ctrl+;", 1), ("Ctrl+-", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda s=step: self.change_text_size(s))
        self.resize(1100, 760)

    # First run -----------------------------------------------------------------------------------
    def _check_setup(self) -> None:
        self.backend.needs_setup(lambda needed: self._show_setup() if needed else None, lambda _error: None)

    def _show_setup(self) -> None:
        from .common import error_text
        from .setup_page import SetupPage

        page = self.setup_page = SetupPage(self.stack)
        self.stack.addWidget(page)

        def create(username: str, password: str, name: str) -> None:
            self.backend.create_first_admin(username, password, name, lambda _id: page.show_created(username),
                                            lambda error: page.show_error(error_text(error, self.lang)))

        def sandbox() -> None:
            assert self.data_folder is not None
            self.backend.make_sandbox(self.data_folder, self.sandbox_requested.emit,
                                      lambda error: page.show_error(error_text(error, self.lang)))

        page.create_requested.connect(create)
        page.sandbox_requested.connect(sandbox)
        page.done.connect(self._to_login)
        self.stack.setCurrentWidget(page)
        page.focus_default()

    def _to_login(self) -> None:
        self.stack.setCurrentWidget(self.examinee.login)
        self.examinee.login.focus_default()

    def change_text_size(self, step: int) -> None:
        """Ctrl+plus / Ctrl+minus: the whole app's text, remembered for next time."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        font = app.font()
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, font.pointSize() + step))
        font.setPointSize(size)
        app.setFont(font)
        for widget in app.allWidgets():
            if widget.property("size_delta") is not None:
                apply_relative_font(widget, size)
        self.settings.setValue("font_point_size", size)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.examinee.time_is_up():
            self.examinee.submit_and_wait()  # closing just as time runs out: store the submit first
        elif self.examinee.in_attempt():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("試験を中断しますか"),
                              self._closing_text(), QMessageBox.StandardButton.NoButton, self)
            close = box.addButton(self.tr("閉じる"), QMessageBox.ButtonRole.AcceptRole)
            stay = box.addButton(self.tr("試験に戻る"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(stay)
            box.exec()
            if box.clickedButton() is not close:
                event.ignore()
                return
        elif self.trainer.workspace is not None and not self.trainer.logout():
            event.ignore()  # unsaved bank edits: the trainer chose to stay
            return
        self._drain_saves()
        self.backend.close()
        event.accept()

    def _closing_text(self) -> str:
        """What closing now means for the answers, exactly (all stored / on this PC / in memory)."""
        pending, durable = self.examinee.save_status()
        if not pending:
            first = self.tr("ここまでの解答はすべて保存済みです。")
        elif durable:
            first = self.tr("{0} 件の解答はこのパソコンに保存済みで、まだ送信されていません。"
                            "このパソコンで受験を再開すると送信されます。").format(pending)
        else:
            first = self.tr("{0} 件の解答はまだ保存されていません。"
                            "いま閉じると、その解答は失われます。").format(pending)
        return first + self.tr("アプリを閉じても制限時間は進みます。閉じてよいですか？")

    def _drain_saves(self) -> None:
        """Give answers still being saved a moment to reach the database before closing: long when
        they are only in memory, short when the journal holds them (the next start sends them)."""
        _pending, durable = self.examinee.save_status()
        wait_for(lambda: not self.examinee.pending_saves(), 1500 if durable else 8000)

