"""GUI fixtures: a real SQLite database prepared through the services, and the real window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from literacy_app.config import Settings
from literacy_app.core.model import SYSTEM
from literacy_app.core.passwords import hash_password
from literacy_app.services import assessments, people, publishing
from literacy_app.storage import migrate
from literacy_app.storage.engine import make_engine
from literacy_app.storage.models import StaffAccount
from literacy_app.storage.uow import Database
from literacy_app.ui.app import build_window
from literacy_app.ui.widgets.items import ItemView

from ..conftest import BASIC_BANK


class Exam:
    """A database in use: the basic bank, an administrator (so no 初期設定), examinee 000123
    (recruit) and one open assessment."""

    def __init__(self, folder: Path, minutes_open: float = 120, bank: Path = BASIC_BANK,
                 url: str | None = None) -> None:
        self.folder = folder
        self.url = url or f"sqlite:///{folder / 'gui.sqlite3'}"
        engine = make_engine(self.url)
        migrate.upgrade(engine)
        self.database = Database(engine)
        now = dt.datetime.now(dt.UTC)
        with self.database.uow() as uow:
            publishing.publish_bank(uow, SYSTEM, [bank])
        with self.database.uow() as uow:
            people.add_examinee(uow, SYSTEM, "000123", "髙﨑 花子", "総務局/総務部/総務課", "recruit")
        with self.database.uow() as uow:  # a light hash: this account is never signed in with
            uow.session.add(StaffAccount(username="admin", display_name="管理者", role="admin", created_at=now,
                                         password_hash=hash_password("not-used-in-tests", n=2**4),
                                         failed_logins=0, locked=False, active=True))
            uow.commit()
        with self.database.uow() as uow:
            self.assessment_id = assessments.open_assessment(
                uow, SYSTEM, "test-blueprint", now - dt.timedelta(minutes=1), now + dt.timedelta(minutes=minutes_open))

    def settings(self, lang: str = "ja") -> Settings:
        return Settings(self.url, lang, self.folder)


@pytest.fixture
def exam(tmp_path: Path) -> Iterator[Exam]:
    prepared = Exam(tmp_path)
    yield prepared
    prepared.database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def staff_exam(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Exam]:
    """``exam`` once on SQLite and once on a real PostgreSQL server: HR's window on both engines."""
    if request.param == "sqlite":
        prepared = Exam(tmp_path)
        yield prepared
        prepared.database.dispose()
        return
    from ..conftest import _drop, _pg_database

    server = request.getfixturevalue("pg_server")
    name, url = _pg_database(server)
    prepared = Exam(tmp_path, url=url)
    yield prepared
    prepared.database.dispose()
    _drop(server, name)


_open_windows: list = []


@pytest.fixture(autouse=True)
def _close_windows() -> Iterator[None]:
    """Close the app windows a test opened, skipping the "interrupt the exam?" question."""
    yield
    while _open_windows:
        window = _open_windows.pop()
        window.examinee.state = None  # not in an attempt any more: close without asking
        window.trainer.workspace = None  # no bank edits to ask about
        window.close()
        window.deleteLater()


def open_app(qtbot, exam: Exam, lang: str = "ja"):  # type: ignore[no-untyped-def]
    """The real main window on the exam database, with the backend opened and ready."""
    app = QApplication.instance()
    window, backend = build_window(app, exam.settings(lang), lang)
    _open_windows.append(window)
    window.show()
    backend.open()
    login = window.examinee.login
    qtbot.waitUntil(lambda: login.next_button.isEnabled(), timeout=20_000)
    return window


def answer_modal(qtbot, button: QMessageBox.StandardButton | str) -> None:  # type: ignore[no-untyped-def]
    """Press a button (a standard one, or one with this text) of the next modal message box as soon as it opens."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            target = (next((b for b in box.buttons() if b.text() == button), None) if isinstance(button, str)
                      else box.button(button))
            assert isinstance(target, QPushButton)
            target.click()
        else:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(50, press)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, press)


@pytest.fixture
def show(qtbot):
    """Build an ItemView, show it in an active window and return it."""

    def build(item, response: Any = None, image_bytes: bytes | None = None, width: int = 640) -> ItemView:
        view = ItemView(item, response, image_bytes)
        qtbot.addWidget(view)
        view.resize(width, 600)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        return view

    return build
