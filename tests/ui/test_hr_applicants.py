"""HR's 採用試験 tab (issue 13, part 7): an applicant list checked then imported, a window opened
to the selection, the committee's list with 受験番号, deletion refused before the retention date."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from literacy_app.services import assessments
from literacy_app.storage.models import Assessment, AuditLog

from .test_hr_window import _accounts, _hr_window


@pytest.fixture
def exam(staff_exam):  # type: ignore[no-untyped-def]
    """Every HR screen here runs on SQLite and on a real PostgreSQL server."""
    return staff_exam


def test_hr_imports_applicants_opens_their_window_and_lists_them_by_exam_number(qtbot, exam, tmp_path):
    _accounts(exam)
    listed = tmp_path / "応募者.csv"
    listed.write_bytes("受験番号,氏名\r\nR-01,<b>応募 一郎</b>\r\nR-01,応募 重複\r\n".encode("cp932"))
    window = _hr_window(qtbot, exam)
    page = window.hr.page
    view = page.selections_view
    page.tabs.setCurrentWidget(view)
    view.file.setText(str(listed))
    view.code.setText("R9-A")
    view.title_edit.setText("令和9年度 一般行政")
    view.check_button.click()
    qtbot.waitUntil(lambda: "取り込めません" in view.result.toPlainText(), timeout=10_000)
    assert f"{listed}:3:" in view.result.toPlainText() and not view.import_button.isEnabled()
    listed.write_bytes("受験番号,氏名\r\nR-01,<b>応募 一郎</b>\r\nR-02,応募 二郎\r\n".encode("cp932"))
    view.check_button.click()
    qtbot.waitUntil(view.import_button.isEnabled, timeout=10_000)
    assert "追加 2 人" in view.result.toPlainText()
    view.import_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert [view.table.item(0, column).text() for column in range(3)] == ["R9-A", "令和9年度 一般行政", "2"]

    dialog = window.hr.open_window_dialog()
    qtbot.waitUntil(lambda: dialog.target.count() == 2 and dialog.blueprint.count() > 0, timeout=10_000)
    dialog.target.setCurrentIndex(1)
    assert "令和9年度 一般行政" in dialog.target.currentText() and not dialog.units.isEnabled()
    dialog.code.setText("kaijo-7")
    dialog.open_button.click()
    qtbot.waitUntil(lambda: "開きました" in page.status.text(), timeout=10_000)
    with exam.database.uow(read_only=True) as uow:
        made = uow.session.scalars(select(Assessment).order_by(Assessment.id.desc())).first()
    assert made.selection_id is not None and made.cohort["selection"] == made.selection_id
    with exam.database.uow() as uow:  # the applicant signs in with the 受験番号 and sees this window
        _actor, open_now = assessments.examinee_login(uow, "R-02")
    assert [entry.id for entry in open_now] == [made.id]

    page.tabs.setCurrentWidget(page.candidates_view)
    qtbot.waitUntil(lambda: page.assessment.findData(made.id) > 0, timeout=10_000)
    page.assessment.setCurrentIndex(page.assessment.findData(made.id))
    table = page.candidates_view.model
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=10_000)
    assert [table.horizontalHeaderItem(column).text() for column in range(3)] == ["受験番号", "氏名", "採用区分"]
    assert table.item(0, 1).text() == "<b>応募 一郎</b>"  # shown as typed, never as markup

    page.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    view.table.selectRow(0)
    view.delete_check_button.click()
    qtbot.waitUntil(lambda: "期限を過ぎるまで削除できません" in view.result.toPlainText(), timeout=10_000)
    assert not view.delete_button.isEnabled()
    with exam.database.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditLog.action).where(AuditLog.actor == "hr-sato")).all()
    assert "applicants_import" in actions and "assessment_open" in actions
