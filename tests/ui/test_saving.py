"""Saving under trouble: a locked database keeps answers pending, shows a calm notice,
retries, and submit waits until every answer is stored.  Also: text size is remembered."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
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
        qtbot.waitUntil(lambda: "送信待ち" in page.save_label.text(), timeout=10_000)
        # truthful: on this PC's disk (the journal), not yet in the database
        assert page.save_label.text().startswith("このパソコンに保存済み")
        assert window.examinee.pending_saves() == 1
        assert len(window.examinee.journal.pending(window.examinee.attempt_key)) == 1
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


def test_answers_given_while_the_database_is_locked_survive_a_crash(qtbot, exam, short_busy_timeout):
    """Found: the notice said the answers were kept on this PC, but they were only in memory and a
    killed app lost them.  Now they are in the journal and the next start sends them."""
    from .test_examinee_flow import _answer_current, _stored

    window = open_app(qtbot, exam)
    page = _login_and_start(qtbot, window)
    blocker = sqlite3.connect(exam.url.removeprefix("sqlite:///"), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        given = []
        for _ in range(2):
            while page.view.item.type not in ("single", "true_false", "numeric", "short_text"):
                qtbot.keyClick(page, Qt.Key.Key_PageDown)
            _answer_current(qtbot, page)
            given.append(page.current_position())
            qtbot.keyClick(page, Qt.Key.Key_PageDown)
        qtbot.waitUntil(lambda: "送信待ち（2 件）" in page.save_label.text(), timeout=10_000)
        text = window._closing_text()
        assert "2 件の解答はこのパソコンに保存済みで、まだ送信されていません" in text
        # the PC crashes: nothing of this window runs again
        window.examinee.saver._retry.stop()
        window.examinee.saver = None
        window.backend.close()
        window.hide()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert not any(a.response is not None for a in _stored(exam).values())

    again = open_app(qtbot, exam)
    examinee = again.examinee
    qtbot.keyClicks(examinee.login.staff_no, "000123")
    qtbot.keyClick(examinee.login.staff_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is examinee.assessments, timeout=10_000)
    qtbot.mouseClick(examinee.assessments.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(examinee.instructions.begin_button, Qt.MouseButton.LeftButton)
    resumed = examinee.attempt
    qtbot.waitUntil(lambda: again.stack.currentWidget() is resumed, timeout=10_000)
    assert set(given) <= set(resumed.answers)  # on screen at once, from the journal
    qtbot.waitUntil(lambda: resumed.save_label.text() == "✓ 保存済み", timeout=10_000)
    stored = {p for p, a in _stored(exam).items() if a.response is not None}
    assert stored == set(given)
    assert examinee.journal.pending(examinee.attempt_key) == []


def test_the_closing_question_says_what_closing_means_and_is_in_japanese(qtbot, exam):
    window = open_app(qtbot, exam)
    _login_and_start(qtbot, window)
    answer_modal_text: dict[str, object] = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, look)
            return
        answer_modal_text["text"] = box.text()
        answer_modal_text["buttons"] = sorted(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "試験に戻る").click()

    QTimer.singleShot(50, look)
    window.close()
    assert window.isVisible()  # stayed in the exam
    assert str(answer_modal_text["text"]).startswith("ここまでの解答はすべて保存済みです。")
    assert answer_modal_text["buttons"] == ["試験に戻る", "閉じる"]


def test_a_damaged_journal_is_set_aside_and_the_examinee_told_once(qtbot, exam):
    """Bad input: the PC's journal file is garbage.  The app starts, the attempt page says what was
    found and where the copy is (for the supervisor), the answers go to a fresh journal — and the
    sentence is not repeated at every later attempt in the same run."""
    (exam.folder / "answer-journal.sqlite3").write_bytes(b"\x00\xffnot a journal" * 200)
    window = open_app(qtbot, exam)
    page = _login_and_start(qtbot, window)
    assert page.banner.isVisible() and "試験監督者" in page.banner.text()
    aside = next(p for p in exam.folder.iterdir() if ".unreadable-" in p.name)
    assert str(aside) in page.banner.text() and aside.read_bytes().startswith(b"\x00\xffnot a journal")
    from .test_examinee_flow import _answer_current

    _answer_current(qtbot, page)
    qtbot.waitUntil(lambda: page.save_label.text() == "✓ 保存済み", timeout=10_000)
    window.examinee.to_login()
    again = _login_and_start(qtbot, window)  # the same run, the same attempt resumed
    assert not again.banner.isVisible() or "試験監督者" not in again.banner.text()
