"""Issue 13: a newcomer gets from a fresh installation to a finished attempt without the command line.

Found: `bash scripts/run-app` opened a login screen nothing got past — no staff number, no staff
account, and nothing said how to make one.  Now a fresh installation opens 初期設定: create the
administrator (the password rule stated), or try the app in 体験モード, a separate practice
database with demo staff and an open window, where a real attempt is sat at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import create_engine, func, select, text

from literacy_app.config import Settings
from literacy_app.core.passwords import verify_password
from literacy_app.storage.models import Examinee, StaffAccount
from literacy_app.ui.app import Shell

from .conftest import _open_windows, answer_modal
from .test_examinee_flow import _answer_current


def _fresh(qtbot, tmp_path) -> Shell:  # type: ignore[no-untyped-def]
    settings = Settings(f"sqlite:///{tmp_path / 'literacy.sqlite3'}", "ja", tmp_path)
    shell = Shell(QApplication.instance(), settings)
    window = shell.open()  # closed by the test (or replaced by the shell, which closes it)
    qtbot.waitUntil(lambda: "setup_page" in window.__dict__ and window.stack.currentWidget() is window.setup_page,
                    timeout=30_000)
    return shell


def _count(url: str, model) -> int:  # type: ignore[no-untyped-def]
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(model)).scalar_one())
    finally:
        engine.dispose()


def test_a_fresh_installation_asks_for_the_administrator_and_then_says_what_comes_next(qtbot, tmp_path):
    shell = _fresh(qtbot, tmp_path)
    window = shell.window
    _open_windows.append(window)
    page = window.setup_page
    assert "10 文字以上" in page.rule.text()  # the rule is stated before anything is typed
    qtbot.keyClicks(page.username, "kanri")
    qtbot.keyClicks(page.password, "short")
    qtbot.keyClicks(page.again, "short")
    qtbot.keyClick(page.again, Qt.Key.Key_Return)
    assert "短すぎます" in page.message.text()
    page.password.clear()
    qtbot.keyClicks(page.password, "three plain words")
    page.again.clear()
    qtbot.keyClicks(page.again, "three plain wordz")
    qtbot.keyClick(page.again, Qt.Key.Key_Return)
    assert "一致しません" in page.message.text()
    qtbot.keyClicks(page.again, "three plain words")
    qtbot.keyClick(page.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.guide.isVisible(), timeout=20_000)
    assert "管理者「kanri」を作成しました" in page.intro.text()
    assert "roster import" in page.guide.text() and "assessment open recruit-standard" in page.guide.text()
    url = shell.settings.db_url
    engine = create_engine(url)
    with engine.connect() as connection:
        role, stored = connection.execute(text("SELECT role, password_hash FROM staff_account")).one()
        action = connection.execute(text("SELECT actor, action FROM audit_log WHERE action = 'user_add'")).one()
    engine.dispose()
    assert role == "admin" and stored.startswith("scrypt$131072$") and verify_password("three plain words", stored)
    assert tuple(action) == ("初期設定", "user_add")
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.examinee.login
    again = shell.open()  # the next start: an administrator exists, so the login comes up
    _open_windows.append(again)
    qtbot.waitUntil(lambda: again.examinee.login.next_button.isEnabled(), timeout=20_000)
    qtbot.wait(300)
    assert "setup_page" not in again.__dict__ and again.stack.currentWidget() is again.examinee.login


def test_try_out_mode_sits_a_real_attempt_and_leaves_the_real_database_untouched(qtbot, tmp_path):
    shell = _fresh(qtbot, tmp_path)
    first = shell.window
    qtbot.mouseClick(first.setup_page.sandbox_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window is not first, timeout=30_000)
    window = shell.window  # replaced (and closed) by the shell when the sandbox is left
    login = window.examinee.login
    qtbot.waitUntil(lambda: login.next_button.isEnabled(), timeout=30_000)
    assert login.sandbox_note.isVisible() and "体験モード" in login.sandbox_note.text()
    assert "職員番号 900001" in login.sandbox_note.text() and "demo-hr" in login.sandbox_note.text()
    qtbot.keyClicks(login.staff_no, "900001")
    qtbot.keyClick(login.staff_no, Qt.Key.Key_Return)
    examinee = window.examinee
    qtbot.waitUntil(lambda: window.stack.currentWidget() is examinee.assessments, timeout=10_000)
    assert "【体験】" in examinee.assessments.buttons[0].accessibleName()
    qtbot.mouseClick(examinee.assessments.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(examinee.instructions.begin_button, Qt.MouseButton.LeftButton)
    page = examinee.attempt
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=20_000)
    _answer_current(qtbot, page)
    qtbot.waitUntil(lambda: page.save_label.text() == "✓ 保存済み", timeout=10_000)
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    answer_modal(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(examinee.review.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is examinee.result, timeout=20_000)
    assert _count(shell.settings.db_url, Examinee) == 0 and _count(shell.settings.db_url, StaffAccount) == 0
    assert _count(window.backend.db_url, Examinee) == 3
    window.examinee.to_login()
    qtbot.mouseClick(login.leave_button, Qt.MouseButton.LeftButton)  # back to the real, empty installation
    qtbot.waitUntil(lambda: shell.window is not window and shell.sandbox is None, timeout=10_000)
    real = shell.window
    _open_windows.append(real)
    qtbot.waitUntil(lambda: "setup_page" in real.__dict__ and real.stack.currentWidget() is real.setup_page,
                    timeout=20_000)
