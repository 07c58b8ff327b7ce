"""HR's page in the real window: staff login with role check, preview, save with an audit row."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from literacy_app.core.fiscal import fiscal_year
from literacy_app.core.model import SYSTEM
from literacy_app.services import accounts, assessments, people
from literacy_app.storage.models import AuditLog

from .conftest import open_app


@pytest.fixture
def exam(staff_exam):  # type: ignore[no-untyped-def]
    """Every HR screen here runs on SQLite and on a real PostgreSQL server."""
    return staff_exam


def _accounts(exam):
    with exam.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "hr-sato", "a-long-enough-password", "hr")
    with exam.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "trainer-ito", "a-long-enough-password", "trainer")


def _hr_window(qtbot, exam):  # type: ignore[no-untyped-def]
    """The real window with HR's page open for hr-sato."""
    window = open_app(qtbot, exam)
    window.hr.log_in("hr-sato", "a-long-enough-password")
    qtbot.waitUntil(lambda: "page" in window.hr.__dict__ and window.stack.currentWidget() is window.hr.page,
                    timeout=10_000)
    return window


def test_a_trainer_gets_the_bank_editor_not_the_hr_page(qtbot, exam):
    _accounts(exam)
    window = open_app(qtbot, exam)
    window.hr.log_in("trainer-ito", "a-long-enough-password")
    login = window.examinee.login
    qtbot.waitUntil(lambda: window.trainer.workspace is not None, timeout=10_000)
    assert window.stack.currentWidget() is window.trainer.page and "page" not in window.hr.__dict__
    assert window.trainer.logout() and window.stack.currentWidget() is login
    window.hr.log_in("hr-sato", "wrong password!!")
    qtbot.waitUntil(lambda: bool(login.message.text()), timeout=10_000)
    assert "パスワード" in login.message.text()


def test_hr_previews_and_saves_the_summary_with_an_audit_row(qtbot, exam, tmp_path):
    _accounts(exam)
    window = _hr_window(qtbot, exam)
    page = window.hr.page
    assert page.year.value() == fiscal_year(dt.date.today())
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.preview_button.isEnabled() and "集計を表示" in page.status.text(), timeout=20_000)
    assert "ICTリテラシー確認 結果報告" in page.preview.toPlainText()
    out = tmp_path / "summary.xlsx"
    window.hr.save("xlsx", str(out))
    qtbot.waitUntil(lambda: "保存しました" in page.status.text(), timeout=20_000)
    assert load_workbook(out).sheetnames[0] == "全体"
    with exam.database.uow(read_only=True) as uow:
        row = uow.session.scalars(select(AuditLog).where(AuditLog.action == "report_summary")).one()
    assert row.actor == "hr-sato" and row.detail["format"] == "xlsx"


def test_hr_filters_by_assessment_and_unit_and_follows_progress(qtbot, exam):
    _accounts(exam)
    with exam.database.uow() as uow:
        for n in range(6):
            people.add_examinee(uow, SYSTEM, f"00020{n}", f"職員 {n}", "総務局/総務部/総務課", "recruit")
        for n in range(2):
            people.add_examinee(uow, SYSTEM, f"00030{n}", f"職員 {n}", "市民局/区政部/戸籍課", "recruit")
        for n in range(3):  # people of the 部 itself (部長 and staff)
            people.add_examinee(uow, SYSTEM, f"00040{n}", f"職員 {n}", "総務局/総務部", "recruit")
        uow.commit()
    window = open_app(qtbot, exam)
    window.hr.log_in("hr-sato", "a-long-enough-password")
    qtbot.waitUntil(lambda: "page" in window.hr.__dict__ and window.hr.page.assessment.count() == 2, timeout=10_000)
    page = window.hr.page
    units = [page.org_unit.itemData(i) for i in range(page.org_unit.count())]
    assert units == [None, "市民局", "市民局/区政部", "総務局", "総務局/総務部"]
    assert not page.refresh_progress_button.isEnabled()  # 「すべての試験」: no single cohort to follow

    page.tabs.setCurrentIndex(1)
    page.assessment.setCurrentIndex(1)
    table = page.progress_view.table
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=10_000)
    rows = {table.item(r, 0).toolTip(): [table.item(r, c).text() for c in range(1, 6)] for r in range(table.rowCount())}
    assert rows["対象者全体"] == ["12", "12", "0", "0", "0%"]
    assert rows["総務局/総務部/総務課"] == ["7", "7", "0", "0", "0%"]
    assert rows["市民局"] == ["—"] * 5  # two people: merged upward, with a note saying so
    # the 部's own three and 市民局's two make the 「その他」 at the top; 総務部 shows 総務課 only （一部）
    assert rows["対象者全体 のその他（少人数）"] == ["5", "5", "0", "0", "0%"]
    assert rows["総務局/総務部"][0] == "7"
    names = [table.item(r, 0).text().strip("　") for r in range(table.rowCount())]
    assert "総務部（一部）" in names
    assert "5 人未満" in page.progress_view.note.text() and "（一部）" in page.progress_view.note.text()

    page.org_unit.setCurrentIndex(units.index("総務局"))
    page.refresh_progress_button.click()
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=10_000)
    assert [table.item(r, 0).toolTip() for r in range(3)] == ["総務局", "総務局/総務部", "総務局/総務部/総務課"]

    page.tabs.setCurrentIndex(0)
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.preview_button.isEnabled() and "集計を表示" in page.status.text(), timeout=20_000)
    assert "総務局" in page.status.text()


def test_hr_lists_the_candidates_of_a_window_sorts_filters_and_saves_them(qtbot, exam, tmp_path):
    """Issue 13: HR could not list the candidates with their results for a 昇任 decision."""
    from PySide6.QtCore import Qt

    from literacy_app.core.model import Actor
    from literacy_app.services import attempts, finishing

    _accounts(exam)
    with exam.database.uow() as uow:
        for n in range(3):
            people.add_examinee(uow, SYSTEM, f"00040{n}", f"<b>候補 {n}</b>", "総務局/総務部/総務課", "recruit")
        uow.commit()
    from literacy_app.storage.models import Examinee

    with exam.database.uow() as uow:
        sitter = uow.session.scalars(select(Examinee).where(Examinee.staff_no == "000401")).one()
        actor = Actor("examinee", sitter.id, sitter.staff_no)
    with exam.database.uow() as uow:
        state = attempts.start_attempt(uow, actor, exam.assessment_id, seed=1)
    with exam.database.uow() as uow:
        finishing.finish_attempt(uow, actor, state.attempt_id)
    window = open_app(qtbot, exam)
    window.hr.log_in("hr-sato", "a-long-enough-password")
    qtbot.waitUntil(lambda: "page" in window.hr.__dict__ and window.hr.page.assessment.count() == 2, timeout=10_000)
    page = window.hr.page
    view = page.candidates_view
    page.tabs.setCurrentIndex(2)
    page.assessment.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 4, timeout=10_000)
    cells = [[view.proxy.index(r, c).data() for c in range(5)] for r in range(4)]
    assert cells[0][:2] == ["000401", "<b>候補 1</b>"] and cells[0][4] == "受験済み"  # text, never markup
    assert sorted(row[4] for row in cells[1:]) == ["未受験"] * 3
    assert "4 人" in view.note.text() and "監査ログ" in view.note.text()
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert view.proxy.index(0, 0).data() == "000402"
    view.filter.setText("候補 2")
    assert view.proxy.rowCount() == 1
    out = tmp_path / "候補者.xlsx"
    window.hr.export_candidates(str(out))
    qtbot.waitUntil(lambda: "保存しました" in page.status.text(), timeout=10_000)
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "職員番号" and sheet.max_row == 5
    with exam.database.uow(read_only=True) as uow:
        purposes = [row.detail["purpose"] for row in uow.session.scalars(
            select(AuditLog).where(AuditLog.action == "candidate_list").order_by(AuditLog.id))]
    assert purposes == ["view", "export:候補者.xlsx"]
    assert view.sheets_button.isEnabled()  # someone finished: their 個人結果票 can be printed
    sheets = tmp_path / "個人結果票.pdf"
    window.hr.save_result_sheets(str(sheets))
    qtbot.waitUntil(lambda: "1 人分の個人結果票" in page.status.text(), timeout=20_000)
    from ..reporting.test_person import _pdf_text

    assert "000401" in _pdf_text(sheets) and "000402" not in _pdf_text(sheets)


def test_hr_reads_the_audit_log_in_the_window_and_its_export_is_recorded(qtbot, exam, tmp_path):
    """Issue 13: HR could not read the audit log without the command line."""
    _accounts(exam)
    with exam.database.uow() as uow:
        people.add_examinee(uow, SYSTEM, "000777", "<i>監査 太郎</i>", "総務局", "recruit")
    window = _hr_window(qtbot, exam)
    page = window.hr.page
    view = page.audit_view
    page.tabs.setCurrentIndex(3)
    view.show_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=10_000)
    actions = [view.table.item(r, 2).text() for r in range(view.table.rowCount())]
    assert "staff_login" in actions and "examinee_upsert" in actions
    assert view.table.item(0, 0).text().count(":") == 2 and "日本時間" in view.note.text()
    view.action.setCurrentIndex(view.action.findData("examinee_upsert"))
    view.show_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() and all(
        view.table.item(r, 2).text() == "examinee_upsert" for r in range(view.table.rowCount())), timeout=10_000)
    assert any("000777" in view.table.item(r, 3).text() for r in range(view.table.rowCount()))
    out = tmp_path / "監査.csv"
    window.hr.export_audit(str(out))
    qtbot.waitUntil(lambda: "保存しました" in page.status.text(), timeout=10_000)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and "examinee_upsert" in out.read_text(encoding="utf-8-sig")
    with exam.database.uow(read_only=True) as uow:
        recorded = uow.session.scalars(select(AuditLog).where(AuditLog.action == "audit_export")).one()
    assert recorded.actor == "hr-sato" and recorded.detail["file"] == "監査.csv"


def test_hr_imports_the_roster_in_the_window_after_a_preview(qtbot, exam, tmp_path):
    """Issue 13: roster import from the window — a preview first (bad rows with their row number,
    who would be deactivated), nothing stored until 「取り込む」."""
    from literacy_app.storage.models import Examinee

    _accounts(exam)
    window = _hr_window(qtbot, exam)
    dialog = window.hr.open_roster_dialog()
    bad = tmp_path / "名簿-誤り.csv"
    bad.write_bytes("職員番号,氏名,所属,区分\r\n000500,新人 一郎,総務局,係長\r\n".encode("cp932"))
    dialog.path.setText(str(bad))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: "誤りが 1 件" in dialog.result.toPlainText(), timeout=10_000)
    assert f"{bad.name}:2:" in dialog.result.toPlainText() and not dialog.import_button.isEnabled()
    good = tmp_path / "名簿.csv"
    good.write_bytes("職員番号,氏名,所属,区分\r\n000500,<b>新人 一郎</b>,総務局/総務部,新規採用\r\n".encode("cp932"))
    dialog.path.setText(str(good))
    dialog.full.setChecked(True)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    text = dialog.result.toPlainText()
    assert "新規 1 人" in text and "無効にする人: 1 人" in text and "000123\t髙﨑 花子" in text
    with exam.database.uow(read_only=True) as uow:  # the preview stored nothing
        assert uow.session.scalars(select(Examinee.staff_no)).all() == ["000123"]
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "取り込みました" in dialog.status.text(), timeout=10_000)
    with exam.database.uow(read_only=True) as uow:
        stored = dict(uow.session.execute(select(Examinee.staff_no, Examinee.active)).all())
        logged = uow.session.scalars(select(AuditLog).where(AuditLog.action == "roster_import")).one()
    assert stored == {"000123": False, "000500": True}
    assert logged.actor == "hr-sato" and logged.detail["deactivated_staff_nos"] == ["000123"]
    dialog.reject()


def test_hr_opens_a_window_from_the_window_in_japan_time(qtbot, exam):
    """Issue 13: opening a window took `assessment open` and a blueprint id listed nowhere."""
    import datetime as dt

    from literacy_app.core.fiscal import JST
    from literacy_app.storage.models import Assessment

    _accounts(exam)
    window = _hr_window(qtbot, exam)
    dialog = window.hr.open_window_dialog()
    qtbot.waitUntil(lambda: dialog.blueprint.count() > 0, timeout=10_000)
    assert "テスト試験" in dialog.blueprint.itemText(0) and "新規採用" in dialog.blueprint.itemText(0)
    assert "LAN の試験サーバーでは受験できません" in dialog.note.text()
    dialog.opens.setDateTime(dialog.opens.dateTime().fromString("2026-12-01 09:00", "yyyy-MM-dd HH:mm"))
    dialog.closes.setDateTime(dialog.closes.dateTime().fromString("2026-11-30 17:00", "yyyy-MM-dd HH:mm"))
    dialog.open_button.click()
    assert "終了は開始より後" in dialog.message.text()
    dialog.closes.setDateTime(dialog.closes.dateTime().fromString("2026-12-15 17:00", "yyyy-MM-dd HH:mm"))
    dialog.code.setText("nashi-9")
    dialog.attempts.setValue(2)
    dialog.units.setText("総務局、市民局/区政部")
    dialog.open_button.click()
    page = window.hr.page
    qtbot.waitUntil(lambda: "開きました" in page.status.text(), timeout=10_000)
    assert "2026-12-01 09:00 JST" in page.status.text()
    with exam.database.uow(read_only=True) as uow:
        made = uow.session.scalars(select(Assessment).order_by(Assessment.id.desc())).first()
        logged = uow.session.scalars(select(AuditLog).where(AuditLog.action == "assessment_open")
                                     .order_by(AuditLog.id.desc())).first()
    assert made.opens_at == dt.datetime(2026, 12, 1, 9, 0, tzinfo=JST) and made.max_attempts == 2
    assert made.cohort["org_prefixes"] == ["総務局", "市民局/区政部"] and made.access_code_hash
    assert logged is not None and logged.actor == "hr-sato"


def test_hr_finds_a_person_corrects_them_and_marks_them_as_left(qtbot, exam):
    """Issue 13: person search and edit, and deactivating a retiree, from the window."""
    from literacy_app.storage.models import Examinee

    _accounts(exam)
    with exam.database.uow() as uow:
        people.add_examinee(uow, SYSTEM, "004711", "<b>佐藤 誤字</b>", "総務局/総務部", "recruit")
    window = _hr_window(qtbot, exam)
    page = window.hr.page
    view = page.people_view
    page.tabs.setCurrentIndex(4)
    view.search.setText("００４７")  # full-width digits, as typed with the IME on
    view.search_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert view.table.item(0, 1).text() == "<b>佐藤 誤字</b>" and view.table.item(0, 4).text() == "在籍"
    view.table.selectRow(0)
    view.name.setText("佐藤 正字")
    view.org.setText("市民局／区政部")
    view.save_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1 and view.table.item(0, 1).text() == "佐藤 正字",
                    timeout=10_000)
    assert view.table.item(0, 2).text() == "市民局/区政部"  # the roster's own rule for 所属
    view.table.selectRow(0)
    view.active_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1 and view.table.item(0, 4).text() == "無効", timeout=10_000)
    view.table.selectRow(0)
    view.org.setText("市民局/区政部/戸籍課")  # a correction keeps the person inactive
    view.save_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1 and view.table.item(0, 2).text() == "市民局/区政部/戸籍課",
                    timeout=10_000)
    assert view.table.item(0, 4).text() == "無効"
    view.table.selectRow(0)
    view.name.setText("長" * 300)
    view.save_button.click()
    qtbot.waitUntil(lambda: "長すぎます" in page.status.text(), timeout=10_000)
    with exam.database.uow(read_only=True) as uow:
        person = uow.session.scalars(select(Examinee).where(Examinee.staff_no == "004711")).one()
        actions = uow.session.scalars(select(AuditLog.action).where(AuditLog.actor == "hr-sato")).all()
    assert (person.name, person.org_path, person.active) == ("佐藤 正字", "市民局/区政部/戸籍課", False)
    assert "examinee_upsert" in actions and "examinee_active" in actions


def test_hr_opens_a_window_with_personal_codes_for_listed_people_then_extends_and_closes_it(qtbot, exam, tmp_path):
    """Issue 13: 受験票 from 試験を開く (codes from the window's first minute), a list of people read
    with its line numbers, close and extend from the window, each audited."""
    from literacy_app.core.fiscal import JST
    from literacy_app.storage.models import Assessment

    from ..reporting.test_person import _pdf_text

    _accounts(exam)
    with exam.database.uow() as uow:
        for n in range(4):
            people.add_examinee(uow, SYSTEM, f"00050{n}", f"受験 {n}郎", "総務局/総務部", "promotion")
    listed = tmp_path / "対象者.txt"
    listed.write_text("職員番号\n000500\n0005x1!\n", encoding="utf-8")
    window = _hr_window(qtbot, exam)
    dialog = window.hr.open_window_dialog()
    qtbot.waitUntil(lambda: dialog.blueprint.count() > 0, timeout=10_000)
    dialog.mode.setCurrentIndex(dialog.mode.findData("person"))
    assert not dialog.code.isEnabled() and dialog.slips_path.isEnabled()
    dialog.open_button.click()
    assert "保存先を選んでください" in dialog.message.text()
    slips = tmp_path / "受験票.pdf"
    dialog.slips_path.setText(str(slips))
    dialog.staff_list.setText(str(listed))
    dialog.open_button.click()
    assert f"{listed}:3:" in dialog.message.text()  # the bad line, by its number
    listed.write_text("職員番号\n000500\n000502\n009999\n", encoding="utf-8")
    dialog.open_button.click()
    qtbot.waitUntil(lambda: "登録されていません" in dialog.message.text(), timeout=10_000)
    assert "009999" in dialog.message.text()
    listed.write_text("000500\n000502\n", encoding="utf-8")
    dialog.open_button.click()
    page = window.hr.page
    qtbot.waitUntil(lambda: "受験票 2 人分を保存しました" in page.status.text(), timeout=20_000)
    text = _pdf_text(slips)
    assert "受験 0郎" in text and "受験 2郎" in text and "受験 1郎" not in text
    with exam.database.uow(read_only=True) as uow:
        made = uow.session.scalars(select(Assessment).order_by(Assessment.id.desc())).first()
    assert made.person_codes and made.access_code_hash is None
    assert made.cohort == {"staff_nos": ["000500", "000502"], "audiences": []}

    # extend, then close now, from the 受験状況 tab
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.assessment.findData(made.id) > 0, timeout=10_000)
    page.assessment.setCurrentIndex(page.assessment.findData(made.id))
    qtbot.waitUntil(page.window_end_button.isEnabled, timeout=10_000)  # after the 受験状況 has loaded
    page.window_end_button.click()
    end = window.hr.end_dialog
    assert made.title in end.info.text()
    end.closes.setDateTime(end.closes.dateTime().fromString("2030-03-31 17:00", "yyyy-MM-dd HH:mm"))
    end.change_button.click()
    qtbot.waitUntil(lambda: "終了を" in page.status.text() and "変更しました" in page.status.text(), timeout=10_000)
    with exam.database.uow(read_only=True) as uow:
        assert uow.session.get(Assessment, made.id).closes_at == dt.datetime(2030, 3, 31, 17, 0, tzinfo=JST)
    qtbot.waitUntil(lambda: made.id in page.windows and page.windows[made.id].closes_at.year == 2030, timeout=10_000)
    assert "03/31" in page.assessment.itemText(page.assessment.findData(made.id))  # the list shows the new end
    page.assessment.setCurrentIndex(page.assessment.findData(made.id))
    qtbot.waitUntil(page.window_end_button.isEnabled, timeout=10_000)
    page.window_end_button.click()
    assert "2030-03-31 17:00" in window.hr.end_dialog.info.text()
    window.hr.end_dialog.close_now_button.click()
    qtbot.waitUntil(lambda: "2030-03-31 17:00 JST から変更しました" in page.status.text(), timeout=10_000)
    with exam.database.uow(read_only=True) as uow:
        closed = uow.session.get(Assessment, made.id).closes_at
        changes = uow.session.scalars(select(AuditLog).where(AuditLog.action == "assessment_window_change")).all()
    assert closed <= dt.datetime.now(dt.UTC) and [row.actor for row in changes] == ["hr-sato", "hr-sato"]


def test_the_progress_tab_follows_the_room_without_a_click(qtbot, exam):
    """Issue 13: 受験状況 is live — while the tab is shown it is fetched again by itself."""
    from literacy_app.services import attempts

    _accounts(exam)
    with exam.database.uow() as uow:
        for n in range(5):
            people.add_examinee(uow, SYSTEM, f"00070{n}", f"職員 {n}", "総務局/総務部/総務課", "recruit")
    window = _hr_window(qtbot, exam)
    page = window.hr.page
    page.live.setInterval(300)  # 30 s in use; the test does not wait that long
    qtbot.waitUntil(lambda: page.assessment.count() == 2, timeout=10_000)
    page.tabs.setCurrentIndex(1)
    page.assessment.setCurrentIndex(1)
    table = page.progress_view.table
    qtbot.waitUntil(lambda: table.rowCount() > 0 and table.item(0, 3).text() == "0", timeout=10_000)
    assert "現在" in page.status.text()
    with exam.database.uow() as uow:  # someone starts in the room
        actor, _listed = assessments.examinee_login(uow, "000700")
    with exam.database.uow() as uow:
        attempts.start_attempt(uow, actor, exam.assessment_id, seed=1)
    qtbot.waitUntil(lambda: table.item(0, 3).text() == "1", timeout=10_000)  # 受験中, no click
