"""The real window in LAN mode: a PC with only a ``client.toml`` sits an assessment through a real
``serve`` process, loses the PC, and finishes on another — never opening a database itself."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from literacy_app.config import Settings
from literacy_app.core.model import SYSTEM
from literacy_app.services import assessments
from literacy_app.storage.models import Answer, Attempt

from ..server._lan import Lan
from .conftest import Exam, answer_modal, open_app
from .test_examinee_flow import _answer_current

pytestmark = pytest.mark.slow
CODE = "momiji-77"


class LanPc:
    """What open_app needs: settings whose database URL points nowhere (the PC has none)."""

    def __init__(self, folder, exam) -> None:  # type: ignore[no-untyped-def]
        self.folder = folder
        self.database = exam.database

    def settings(self, lang: str = "ja") -> Settings:
        return Settings(f"sqlite:///{self.folder / 'must-not-exist.sqlite3'}", lang, self.folder)


@pytest.fixture
def served(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    exam = Exam(tmp_path)
    now = dt.datetime.now(dt.UTC)
    with exam.database.uow() as uow:
        assessments.open_assessment(uow, SYSTEM, "test-blueprint", now - dt.timedelta(minutes=1),
                                    now + dt.timedelta(hours=1), title="LAN 試験", access_code=CODE)
    lan = Lan(exam.url, exam.database)
    lan.start()
    (tmp_path / "pc").mkdir()
    config = tmp_path / "pc" / "client.toml"
    config.write_text(f'server = "{lan.url}"\n', encoding="utf-8")
    monkeypatch.setenv("LITERACY_CLIENT_CONFIG", str(config))
    yield lan, LanPc(tmp_path / "pc", exam)
    lan.stop()


def _open_lan_attempt(qtbot, window, code: str):  # type: ignore[no-untyped-def]
    examinee = window.examinee
    qtbot.keyClicks(examinee.login.staff_no, "000123")
    qtbot.keyClick(examinee.login.staff_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is examinee.assessments, timeout=10_000)
    button = next(b for b in examinee.assessments.buttons if "LAN 試験" in b.accessibleName())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert examinee.instructions.code_row.isVisibleTo(examinee.instructions)  # asked at start and at resume
    qtbot.keyClicks(examinee.instructions.code, code)
    qtbot.mouseClick(examinee.instructions.begin_button, Qt.MouseButton.LeftButton)


def test_a_sitting_through_the_server_survives_a_lost_pc(qtbot, served):
    lan, pc = served
    window = open_app(qtbot, pc)
    assert type(window.backend).__name__ == "RemoteBackend"
    _open_lan_attempt(qtbot, window, CODE)
    page = window.examinee.attempt
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=10_000)
    for _ in range(3):
        _answer_current(qtbot, page)
        qtbot.keyClick(page, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.examinee.pending_saves() == 0, timeout=10_000)
    with lan.database.uow(read_only=True) as uow:
        stored = uow.session.scalars(select(Answer.position).where(Answer.response.is_not(None))).all()
    assert len(stored) == 3 and page.save_label.text() == "✓ 保存済み"
    window.backend.close()  # the PC is lost: no submit
    window.hide()

    again = open_app(qtbot, pc)
    _open_lan_attempt(qtbot, again, "wrong-code")
    instructions = again.examinee.instructions
    qtbot.waitUntil(lambda: bool(instructions.message.text()), timeout=10_000)
    assert "コードが違います" in instructions.message.text()
    instructions.code.clear()
    qtbot.keyClicks(instructions.code, CODE)
    qtbot.mouseClick(instructions.begin_button, Qt.MouseButton.LeftButton)
    resumed = again.examinee.attempt
    qtbot.waitUntil(lambda: again.stack.currentWidget() is resumed, timeout=10_000)
    assert len(resumed.answers) == 3
    qtbot.keyClick(resumed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    answer_modal(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(again.examinee.review.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is again.examinee.result, timeout=10_000)
    with lan.database.uow(read_only=True) as uow:
        attempt = uow.session.scalars(select(Attempt).where(Attempt.status == "finished")).one()
    assert attempt.finished_by == "examinee" and attempt.score is not None
    assert not (pc.folder / "must-not-exist.sqlite3").exists()  # the PC never had a database


def test_hr_and_the_trainer_work_through_the_server(qtbot, served, tmp_path):
    from openpyxl import load_workbook

    from literacy_app.services import accounts
    from literacy_app.storage.models import AuditLog

    lan, pc = served
    with lan.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "hr-sato", "a-long-enough-password", "hr")
    with lan.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "trainer-ito", "a-long-enough-password", "trainer")
    window = open_app(qtbot, pc)
    window.hr.log_in("hr-sato", "a-long-enough-password")
    qtbot.waitUntil(lambda: "page" in window.hr.__dict__ and window.stack.currentWidget() is window.hr.page,
                    timeout=20_000)
    page = window.hr.page
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.preview_button.isEnabled() and "集計を表示" in page.status.text(), timeout=30_000)
    assert "ICTリテラシー確認 結果報告" in page.preview.toPlainText()
    out = tmp_path / "summary.xlsx"
    window.hr.save("xlsx", str(out))
    qtbot.waitUntil(lambda: "保存しました" in page.status.text(), timeout=30_000)
    assert load_workbook(out).sheetnames[0] == "全体"
    with lan.database.uow(read_only=True) as uow:  # the audit row is the server's, naming the signed-in person
        row = uow.session.scalars(select(AuditLog).where(AuditLog.action == "report_summary")).one()
    assert row.actor == "hr-sato" and row.detail["file"] == str(out)
    # seat slips for the LAN window, issued on the server, printed on the PC
    assert not page.slips_button.isEnabled()  # only for one chosen window
    page.assessment.setCurrentIndex(page.assessment.findText("LAN 試験", Qt.MatchFlag.MatchStartsWith))
    assert page.slips_button.isEnabled()
    slips = tmp_path / "受験票.pdf"
    window.hr.issue_slips(str(slips))
    qtbot.waitUntil(lambda: "受験票" in page.status.text() and "保存しました" in page.status.text(), timeout=30_000)
    assert slips.stat().st_size > 1000 and "1 人分" in page.status.text()
    with lan.database.uow(read_only=True) as uow:
        issued = uow.session.scalars(select(AuditLog).where(AuditLog.action == "seat_codes_issued")).one()
    assert issued.actor == "hr-sato"

    other = open_app(qtbot, pc)
    other.hr.log_in("trainer-ito", "a-long-enough-password")
    qtbot.waitUntil(lambda: other.trainer.workspace is not None, timeout=20_000)
    assert other.stack.currentWidget() is other.trainer.page and "page" not in other.hr.__dict__
    assert not (pc.folder / "must-not-exist.sqlite3").exists()


def test_a_pc_started_before_the_server_waits_for_it(qtbot, tmp_path, monkeypatch):
    from literacy_app.ui.remote_backend import RemoteBackend

    from ..server._lan import free_port

    exam = Exam(tmp_path)
    port = free_port()
    (tmp_path / "pc").mkdir()
    config = tmp_path / "pc" / "client.toml"
    config.write_text(f'server = "http://127.0.0.1:{port}"\n', encoding="utf-8")
    monkeypatch.setenv("LITERACY_CLIENT_CONFIG", str(config))
    monkeypatch.setattr(RemoteBackend, "RETRY_MS", 300)
    pc = LanPc(tmp_path / "pc", exam)
    from PySide6.QtWidgets import QApplication

    from literacy_app.ui.app import build_window

    window, backend = build_window(QApplication.instance(), pc.settings(), "ja")
    window.show()
    backend.open()
    login = window.examinee.login
    qtbot.waitUntil(lambda: "試験サーバーに接続できません" in login.progress_text.text(), timeout=10_000)
    assert not login.next_button.isEnabled()
    lan = Lan(exam.url, exam.database)
    try:
        lan.start(port=port)  # the server comes up: the login becomes usable without restarting the app
        qtbot.waitUntil(lambda: login.next_button.isEnabled(), timeout=15_000)
    finally:
        backend.close()
        window.examinee.state = None
        window.close()
        lan.stop()


def test_answers_given_while_the_server_is_away_survive_closing_the_window(qtbot, served):
    """Found: with the server unreachable, closing the window lost 3 of 6 answers while the
    closing question said 「ここまでの解答は保存されています」.  Now the question says they are on this
    PC only, and the next start sends them from the journal."""
    lan, pc = served
    window = open_app(qtbot, pc)
    _open_lan_attempt(qtbot, window, CODE)
    page = window.examinee.attempt
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=10_000)
    port = int(lan.url.rsplit(":", 1)[1])
    lan.process.kill()  # the server is gone (pulled cable, crashed host)
    lan.process.wait()
    for _ in range(3):
        _answer_current(qtbot, page)
        qtbot.keyClick(page, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: "送信待ち（3 件）" in page.save_label.text(), timeout=15_000)
    assert window._closing_text().startswith("3 件の解答はこのパソコンに保存済みで、まだ送信されていません。")
    answer_modal(qtbot, "閉じる")
    window.close()
    assert not window.isVisible()
    with lan.database.uow(read_only=True) as uow:
        assert not uow.session.scalars(select(Answer).where(Answer.response.is_not(None))).all()

    lan.start(port=port)
    again = open_app(qtbot, pc)
    _open_lan_attempt(qtbot, again, CODE)
    resumed = again.examinee.attempt
    qtbot.waitUntil(lambda: again.stack.currentWidget() is resumed, timeout=10_000)
    assert len(resumed.answers) == 3  # shown at once, from the journal
    qtbot.waitUntil(lambda: resumed.save_label.text() == "✓ 保存済み", timeout=15_000)
    with lan.database.uow(read_only=True) as uow:
        stored = uow.session.scalars(select(Answer.position).where(Answer.response.is_not(None))).all()
    assert len(stored) == 3


def test_a_submit_while_the_server_is_away_is_kept_and_completes_by_itself(qtbot, served):
    """Submit with the server gone: the examinee is told the submit is recorded on this PC and will be
    made once the server is back — and it is, without a click."""
    lan, pc = served
    window = open_app(qtbot, pc)
    _open_lan_attempt(qtbot, window, CODE)
    page = window.examinee.attempt
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=10_000)
    port = int(lan.url.rsplit(":", 1)[1])
    lan.process.kill()
    lan.process.wait()
    _answer_current(qtbot, page)
    qtbot.waitUntil(lambda: "送信待ち" in page.save_label.text(), timeout=15_000)
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    answer_modal(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.examinee.review.submit_button, Qt.MouseButton.LeftButton)
    review = window.examinee.review  # the examinee is still on the review page: told there
    qtbot.waitUntil(lambda: "このパソコンに記録しました" in review.notice.text(), timeout=15_000)
    assert review.notice.isVisible() and "このパソコンに記録しました" in page.banner.text()
    assert window.examinee.journal.submit_requested(window.examinee.attempt_key)
    lan.start(port=port)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.examinee.result, timeout=30_000)
    with lan.database.uow(read_only=True) as uow:
        attempt = uow.session.scalars(select(Attempt)).one()
        answered = uow.session.scalars(select(Answer).where(Answer.response.is_not(None))).all()
    assert attempt.status == "finished" and attempt.finished_by == "examinee" and len(answered) == 1
    assert not window.examinee.journal.attempts()  # nothing of the attempt is left on the PC
