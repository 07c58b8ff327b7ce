"""Saving under trouble: a locked database keeps answers pending, shows a calm notice,
retries, and submit waits until every answer is stored.  Also: text size is remembered."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from literacy_app.storage.models import Answer, Attempt
from literacy_app.ui.common import ui_settings

from .conftest import answer_modal, open_app
from .test_examinee_flow import _login_and_start


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """Give up on a locked database after 0.2 s instead of 10 s, so the retry path runs quickly."""
    import literacy_app.storage.engine as engine

    monkeypatch.setattr(engine, "SQLITE_PRAGMAS", tuple(
        "PRAGMA busy_timeout=200" if p.startswith("PRAGMA busy_timeout") else p for p in engine.SQLITE_PRAGMAS))


def test_locked_database_keeps_the_answer_and_submit_waits(qtbot, exam, short_busy_timeout):
    window = open_app(qtbot, exam)
    page = _login_and_start(qtbot, window)
    while page.view.item.type != "single":
        qtbot.keyClick(page, Qt.Key.Key_PageDown)
    blocker = sqlite3.connect(exam.url.removeprefix("sqlite:///"), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # another program holds the database
    try:
        qtbot.keyClick(page, Qt.Key.Key_1)
        qtbot.waitUntil(lambda: "再試行" in page.save_label.text(), timeout=10_000)
        assert window.examinee.pending_saves() == 1
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        answer_modal(qtbot, QMessageBox.StandardButton.Yes)
        qtbot.mouseClick(window.examinee.review.submit_button, Qt.MouseButton.LeftButton)
        qtbot.wait(700)
        assert window.stack.currentWidget() is not window.examinee.result  # waiting, not submitting
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.examinee.result, timeout=30_000)
    with exam.database.uow(read_only=True) as uow:
        attempt = uow.session.scalars(select(Attempt)).one()
        answers = [a for a in uow.session.scalars(select(Answer)) if a.response is not None]
    assert attempt.status == "finished" and len(answers) == 1


def test_text_size_changes_with_ctrl_plus_and_is_remembered(qtbot, exam):
    window = open_app(qtbot, exam)
    app = QApplication.instance()
    before = app.font().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSize() == before + 2
    title = window.examinee.login.title
    assert title.font().pointSize() == before + 2 + 10  # headings keep their relative size
    assert int(ui_settings(exam.folder).value("font_point_size")) == before + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSize() == before + 1
    again = open_app(qtbot, exam)
    assert app.font().pointSize() == before + 1 and again is not window
