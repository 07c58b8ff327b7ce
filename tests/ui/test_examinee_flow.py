"""The whole sitting in the real window, driven by keyboard and mouse (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton
from sqlalchemy import select

from literacy_app.core.model import SYSTEM
from literacy_app.services import assessments
from literacy_app.storage.models import Answer, Attempt

from .conftest import answer_modal, open_app


def _login_and_start(qtbot, window):  # type: ignore[no-untyped-def]
    examinee = window.examinee
    qtbot.keyClicks(examinee.login.staff_no, "000123")
    qtbot.keyClick(examinee.login.staff_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is examinee.assessments, timeout=10_000)
    qtbot.mouseClick(examinee.assessments.buttons[0], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is examinee.instructions
    assert "アプリを閉じている間も時間は進みます" in examinee.instructions.rules.text()
    qtbot.mouseClick(examinee.instructions.begin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is examinee.attempt, timeout=10_000)
    return examinee.attempt


def _answer_current(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """Answer the shown item the way an examinee would for its type."""
    view = page.view
    kind = view.item.type
    if kind in ("single", "true_false"):
        qtbot.keyClick(page, Qt.Key.Key_1)
    elif kind == "multiple":
        qtbot.keyClick(page, Qt.Key.Key_1)
        qtbot.keyClick(page, Qt.Key.Key_2)
    elif kind == "ordering":
        button = next(b for b in view.findChildren(QPushButton) if b.text() == "この順番で解答する")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    elif kind == "matching":
        for combo in view.findChildren(QComboBox):
            combo.setFocus()
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    elif kind == "numeric":
        qtbot.keyClicks(view.findChild(QLineEdit), "14")  # QTest cannot type through an IME
    elif kind == "short_text":
        qtbot.keyClicks(view.findChild(QLineEdit), "csv")


def _stored(exam):  # type: ignore[no-untyped-def]
    with exam.database.uow(read_only=True) as uow:
        return {a.position: a for a in uow.session.scalars(select(Answer))}


def test_whole_sitting_by_keyboard_and_mouse(qtbot, exam):
    window = open_app(qtbot, exam)
    page = _login_and_start(qtbot, window)
    assert page.timer_label.text().startswith("残り ")
    seen_types = set()
    for number in range(len(page.items)):
        seen_types.add(page.view.item.type)
        _answer_current(qtbot, page)
        if number == 2:
            qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        if number < len(page.items) - 1:
            qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton) if number % 2 else \
                qtbot.keyClick(page, Qt.Key.Key_PageDown)
    assert seen_types == {"single", "multiple", "true_false", "ordering", "matching", "numeric", "short_text"}
    qtbot.waitUntil(lambda: window.examinee.pending_saves() == 0 and len(_stored(exam)) == 10, timeout=10_000)
    assert page.save_label.text() == "✓ 保存済み"
    flagged = page.items[2].position
    assert _stored(exam)[flagged].flagged
    # back one page by keyboard and the answer is still shown
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    assert page.view.response() is not None
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    review = window.examinee.review
    assert window.stack.currentWidget() is review
    assert "未解答 0 問、見直し印 1 問" in review.summary.text()
    assert review.list.count() == 1
    answer_modal(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(review.submit_button, Qt.MouseButton.LeftButton)
    result = window.examinee.result
    qtbot.waitUntil(lambda: window.stack.currentWidget() is result, timeout=10_000)
    texts = [label.text() for label in result.findChildren(type(page.title))]
    assert any(text.startswith("得点 ") for text in texts)
    assert result.chart is not None and result.chart.chart().series()
    with exam.database.uow(read_only=True) as uow:
        attempt = uow.session.scalars(select(Attempt)).one()
    assert attempt.status == "finished" and attempt.finished_by == "examinee"


def test_cancelling_the_submit_changes_nothing(qtbot, exam):
    window = open_app(qtbot, exam)
    page = _login_and_start(qtbot, window)
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    review = window.examinee.review
    assert "未解答 10 問" in review.summary.text()
    answer_modal(qtbot, QMessageBox.StandardButton.No)
    qtbot.keyClick(review, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is review
    with exam.database.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Attempt)).one().status == "in_progress"


def test_unknown_staff_number_reveals_nothing(qtbot, exam):
    window = open_app(qtbot, exam)
    login = window.examinee.login
    qtbot.keyClicks(login.staff_no, "999999")
    qtbot.keyClick(login.staff_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(login.message.text()), timeout=10_000)
    unknown = login.message.text()
    assert "職員番号を確認してください" in unknown and window.stack.currentWidget() is login
    # a real number with nothing open gets exactly the same sentence
    with exam.database.uow() as uow:
        from literacy_app.services import people

        people.add_examinee(uow, SYSTEM, "000777", "別の 職員", "市民局", "manager")
    login.staff_no.clear()
    login.show_error("")
    qtbot.keyClicks(login.staff_no, "000777")
    qtbot.keyClick(login.staff_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(login.message.text()), timeout=10_000)
    assert login.message.text() == unknown


def test_resume_after_the_window_is_destroyed(qtbot, exam):
    window = open_app(qtbot, exam)
    page = _login_and_start(qtbot, window)
    for _ in range(3):
        _answer_current(qtbot, page)
        qtbot.keyClick(page, Qt.Key.Key_PageDown)
    position = page.current_position()
    qtbot.waitUntil(lambda: window.examinee.pending_saves() == 0, timeout=10_000)
    answered = {p: a.response for p, a in _stored(exam).items() if a.response is not None}
    remaining_before = page.remaining_seconds()
    window.backend.close()  # no submit, no close dialog: as if the PC had crashed
    window.hide()

    again = open_app(qtbot, exam)
    examinee = again.examinee
    qtbot.keyClicks(examinee.login.staff_no, "000123")
    qtbot.keyClick(examinee.login.staff_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is examinee.assessments, timeout=10_000)
    assert examinee.assessments.buttons[0].text() == "続きから再開"
    qtbot.mouseClick(examinee.assessments.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(examinee.instructions.begin_button, Qt.MouseButton.LeftButton)
    resumed = examinee.attempt
    qtbot.waitUntil(lambda: again.stack.currentWidget() is resumed, timeout=10_000)
    assert resumed.current_position() == position
    assert {p: r for p, r in resumed.answers.items()} == answered
    assert resumed.remaining_seconds() <= remaining_before
    resumed.go_to_position(next(iter(answered)))
    assert resumed.view.response() is not None


def _start_closing_soon(qtbot, exam, title: str, seconds: float):  # type: ignore[no-untyped-def]
    """Open an assessment whose window closes in a few seconds (which caps the deadline), start it."""
    now = dt.datetime.now(dt.UTC)
    with exam.database.uow() as uow:
        assessments.open_assessment(uow, SYSTEM, "test-blueprint", now - dt.timedelta(minutes=1),
                                    now + dt.timedelta(seconds=seconds), title=title)
    window = open_app(qtbot, exam)
    examinee = window.examinee
    qtbot.keyClicks(examinee.login.staff_no, "000123")
    qtbot.keyClick(examinee.login.staff_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is examinee.assessments, timeout=10_000)
    soon = next(b for b in examinee.assessments.buttons if title in b.accessibleName())
    qtbot.mouseClick(soon, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(examinee.instructions.begin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is examinee.attempt, timeout=10_000)
    return window, examinee, examinee.attempt


def test_time_up_submits_what_was_saved(qtbot, exam):
    window, examinee, page = _start_closing_soon(qtbot, exam, "まもなく締切", 6)
    while page.view.item.type not in ("single", "true_false"):
        qtbot.keyClick(page, Qt.Key.Key_PageDown)
    qtbot.keyClick(page, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is examinee.result, timeout=20_000)
    texts = " ".join(label.text() for label in examinee.result.findChildren(type(page.title)))
    assert "制限時間になったため" in texts
    with exam.database.uow(read_only=True) as uow:
        attempt = uow.session.scalars(select(Attempt).where(Attempt.finished_by.is_not(None))).one()
        stored = uow.session.scalars(select(Answer).where(Answer.attempt_id == attempt.id,
                                                         Answer.response.is_not(None))).all()
    assert attempt.finished_by == "timeout" and len(stored) == 1


def test_closing_the_window_as_time_runs_out_stores_the_submit(qtbot, exam):
    window, _examinee, page = _start_closing_soon(qtbot, exam, "閉じる直前", 4)
    page.stop()  # the clock's own submit has not run yet: the window is closed at that moment
    qtbot.waitUntil(lambda: page.remaining_seconds() <= 0, timeout=10_000)
    window.close()
    with exam.database.uow(read_only=True) as uow:
        attempt = uow.session.scalars(select(Attempt)).one()
    assert attempt.status == "finished" and attempt.finished_by == "timeout"
