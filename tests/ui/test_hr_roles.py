"""Who may do what in HR's window: the administrator's retention setting, and the viewer role that
sees figures only (issue 13 part 6, issue 14 part 2) — on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from literacy_app.core.model import SYSTEM
from literacy_app.services import accounts
from literacy_app.storage.models import AuditLog

from .conftest import open_app
from .test_hr_window import _accounts, _hr_window


@pytest.fixture
def exam(staff_exam):  # type: ignore[no-untyped-def]
    return staff_exam


def test_the_retention_period_is_set_previewed_and_applied_by_an_administrator(qtbot, exam):
    """Issue 13, part 6: the period is a stored setting; a preview shows how many before anything
    changes; an HR officer who is not an administrator is told so."""
    from literacy_app.services import accounts
    from literacy_app.storage.models import Examinee

    _accounts(exam)
    with exam.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "admin-kato", "a-long-enough-password", "admin")
    window = _hr_window(qtbot, exam)  # hr-sato: HR, not administrator
    box = window.hr.page.retention_box
    box.check_button.click()
    qtbot.waitUntil(lambda: "権限" in box.state.text(), timeout=10_000)
    window.hr.logout()
    window.hr.log_in("admin-kato", "a-long-enough-password")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.hr.page and window.hr.actor.role == "admin",
                    timeout=10_000)
    box.check_button.click()
    qtbot.waitUntil(lambda: "まだ設定されていません" in box.state.text(), timeout=10_000)
    box.years.setValue(3)
    box.save_button.click()
    qtbot.waitUntil(lambda: "保存期間: 3 年度" in box.state.text(), timeout=10_000)
    assert "0 人が仮名化の対象" in box.state.text() and not box.apply_button.isEnabled()
    with exam.database.uow(read_only=True) as uow:
        logged = uow.session.scalars(select(AuditLog).where(AuditLog.action == "retention_setting")).one()
        people = uow.session.scalars(select(Examinee.name)).all()
    assert logged.actor == "admin-kato" and logged.detail["years"] == 3
    window.hr.retention.run(apply=True)  # nobody is due: nothing changes, and that is said
    qtbot.waitUntil(lambda: "0 人を仮名化しました" in box.state.text(), timeout=10_000)
    with exam.database.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Examinee.name)).all() == people


def test_a_viewer_sees_the_figures_only_and_every_look_is_audited(qtbot, exam):
    """Issue 14, part 2: department heads and the board get the aggregates — the summary and the
    受験状況 — and nothing that names a person; previews and progress views are audited."""
    from literacy_app.core.errors import NotAllowed
    from literacy_app.core.model import Actor
    from literacy_app.services import candidates, roster

    with exam.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "bucho-mori", "a-long-enough-password", "viewer")
    window = open_app(qtbot, exam)
    window.hr.log_in("bucho-mori", "a-long-enough-password")
    qtbot.waitUntil(lambda: "page" in window.hr.__dict__ and window.stack.currentWidget() is window.hr.page,
                    timeout=10_000)
    page = window.hr.page
    visible = [page.tabs.tabText(i) for i in range(page.tabs.count()) if page.tabs.isTabVisible(i)]
    assert visible == ["結果報告", "受験状況"]
    assert not page.roster_button.isVisible() and not page.open_window_button.isVisible()
    page.preview_button.click()
    qtbot.waitUntil(lambda: "集計を表示" in page.status.text(), timeout=20_000)
    qtbot.waitUntil(lambda: page.assessment.count() == 2, timeout=10_000)
    page.tabs.setCurrentIndex(1)
    page.assessment.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.progress_view.table.rowCount() > 0, timeout=10_000)
    page.refresh_progress_button.click()  # a second look within minutes: one audit row, not two
    qtbot.waitUntil(lambda: "現在" in page.status.text(), timeout=10_000)
    with exam.database.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(AuditLog).where(AuditLog.actor == "bucho-mori")).all()
    actions = [row.action for row in rows]
    assert actions.count("report_preview") == 1 and actions.count("progress_view") == 1
    viewer = Actor("staff", window.hr.actor.id, "bucho-mori", "viewer")
    with exam.database.uow() as uow, pytest.raises(NotAllowed):  # no names, whatever the PC sends
        candidates.candidate_list(uow, viewer, exam.assessment_id)
    with exam.database.uow() as uow, pytest.raises(NotAllowed):
        roster.import_roster(uow, viewer, exam.folder / "nothing.csv")
