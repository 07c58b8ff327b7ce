"""Screenshots of the examinee's screens from a real window on a real X server.

Run through scripts/screenshots (it starts Xvfb).  Builds a throwaway database with the test
bank (every item type, a case text), sits an attempt through the real window, then opens HR's
page with the summary preview, and saves a PNG of each screen into docs/screenshots/.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from literacy_app.config import Settings  # noqa: E402
from literacy_app.core.model import SYSTEM  # noqa: E402
from literacy_app.services import accounts, assessments, people, publishing  # noqa: E402
from literacy_app.storage import migrate  # noqa: E402
from literacy_app.storage.engine import make_engine  # noqa: E402
from literacy_app.storage.uow import Database  # noqa: E402
from literacy_app.ui.app import build_window  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
BANK = ROOT / "tests" / "_files" / "banks" / "basic"


def wait_until(condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def shoot(window, name: str) -> None:  # type: ignore[no-untyped-def]
    settle()
    picture = window.screen().grabWindow(window.winId())
    picture.save(str(OUT / f"{name}.png"))
    print(f"wrote docs/screenshots/{name}.png")


def prepare(folder: Path) -> str:
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    database = Database(engine)
    now = dt.datetime.now(dt.UTC)
    with database.uow() as uow:
        publishing.publish_bank(uow, SYSTEM, [BANK])
    with database.uow() as uow:
        people.add_examinee(uow, SYSTEM, "001234", "髙﨑 花子", "総務局/総務部/総務課", "recruit")
        for n in range(14):  # enough people for the progress view to show figures, not only dashes
            org = "総務局/総務部/総務課" if n < 8 else "市民局/区政部/戸籍課"
            people.add_examinee(uow, SYSTEM, f"0020{n:02d}", f"職員 {n}", org, "recruit")
    with database.uow() as uow:
        assessments.open_assessment(uow, SYSTEM, "test-blueprint", now - dt.timedelta(minutes=1),
                                    now + dt.timedelta(days=7), title="令和8年度 新規採用職員 ICTリテラシー確認")
    with database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "hr-demo", "screenshot-password", "hr")
    with database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "trainer-demo", "screenshot-password", "trainer")
    database.dispose()
    return url


def shoot_hr_cycle(window, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """HR's exam cycle: 試験を開く, 受験者一覧, 監査ログ, 職員 and 採用試験 (docs/hr.md shows them)."""
    page = window.hr.page
    dialog = window.hr.open_window_dialog()
    wait_until(lambda: dialog.blueprint.count() > 0)
    dialog.mode.setCurrentIndex(dialog.mode.findData("person"))
    dialog.slips_path.setText(str(folder / "受験票.pdf"))
    shoot(dialog, "14-hr-open-window")
    dialog.reject()
    page.tabs.setCurrentWidget(page.candidates_view)
    page.assessment.setCurrentIndex(1)
    wait_until(lambda: page.candidates_view.model.rowCount() > 0)
    shoot(window, "15-hr-candidates")
    page.tabs.setCurrentWidget(page.audit_view)
    page.audit_view.show_button.click()
    wait_until(lambda: page.audit_view.table.rowCount() > 0)
    shoot(window, "16-hr-audit")
    page.tabs.setCurrentWidget(page.people_view)
    page.people_view.search.setText("総務局")
    page.people_view.search_button.click()
    wait_until(lambda: page.people_view.table.rowCount() > 0)
    shoot(window, "17-hr-people")
    applicants = folder / "応募者.csv"
    applicants.write_text("受験番号,氏名\n" + "".join(f"R9-{n:04d},応募者 {n}\n" for n in range(1, 31)),
                          encoding="utf-8")
    view = page.selections_view
    page.tabs.setCurrentWidget(view)
    view.file.setText(str(applicants))
    view.code.setText("R9-GYOSEI")
    view.title_edit.setText("令和9年度 一般行政（大卒程度）")
    view.check_button.click()
    wait_until(view.import_button.isEnabled)
    view.import_button.click()
    wait_until(lambda: view.table.rowCount() == 1)
    shoot(window, "18-hr-applicants")
    page.tabs.setCurrentIndex(0)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        url = prepare(Path(folder))
        window, backend = build_window(app, Settings(url, "ja", Path(folder)), "ja")
        window.resize(1180, 800)
        window.show()
        backend.open()
        examinee = window.examinee
        wait_until(lambda: examinee.login.next_button.isEnabled())
        QTest.keyClicks(examinee.login.staff_no, "001234")
        shoot(window, "01-login")
        QTest.keyClick(examinee.login.staff_no, Qt.Key.Key_Return)
        wait_until(lambda: window.stack.currentWidget() is examinee.assessments)
        shoot(window, "02-assessments")
        examinee.assessments.buttons[0].click()
        shoot(window, "03-instructions")
        examinee.instructions.begin_button.click()
        page = examinee.attempt
        wait_until(lambda: window.stack.currentWidget() is page)
        done: set[str] = set()
        for index, item in enumerate(page.items):
            page.go(index)
            view = page.view
            if item.type in ("single", "true_false"):
                view.choose(2)
            elif item.type == "multiple":
                view.choose(1)
                view.choose(3)
            if index == 1:
                page.toggle_flag()
            kind = "case" if item.scenario else item.type
            if kind not in done:
                done.add(kind)
                shoot(window, f"04-item-{kind}")
        page.go(0)
        wait_until(lambda: examinee.pending_saves() == 0)
        page.review_button.click()
        shoot(window, "05-review")
        def confirm() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                shoot(box, "06-confirm")  # the dialog itself
                box.button(QMessageBox.StandardButton.Yes).click()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(600, confirm)
        examinee.review.submit_button.click()
        wait_until(lambda: window.stack.currentWidget() is examinee.result)
        shoot(window, "07-result")
        examinee.result.done_button.click()
        window.hr.log_in("hr-demo", "screenshot-password")
        wait_until(lambda: "page" in window.hr.__dict__ and window.stack.currentWidget() is window.hr.page)
        hr_page = window.hr.page
        hr_page.preview_button.click()
        wait_until(lambda: hr_page.preview_button.isEnabled() and hr_page.preview.toPlainText() != "")
        shoot(window, "08-hr-summary")
        hr_page.tabs.setCurrentIndex(1)
        hr_page.assessment.setCurrentIndex(1)
        wait_until(lambda: hr_page.progress_view.table.rowCount() > 0)
        shoot(window, "09-hr-progress")
        shoot_hr_cycle(window, Path(folder))
        hr_page.logout_button.click()
        shutil.copytree(ROOT / "question_banks", Path(folder) / "banks")
        aged = Path(folder) / "banks" / "technology.yaml"  # two items overdue for their six-monthly review
        aged.write_text(aged.read_text(encoding="utf-8").replace("reviewed: 2026-11-27", "reviewed: 2025-10-01", 2),
                        encoding="utf-8")
        window.trainer.banks_dir = Path(folder) / "banks"
        window.hr.log_in("trainer-demo", "screenshot-password")
        wait_until(lambda: window.trainer.workspace is not None)
        trainer = window.trainer.page
        trainer.search.setText("sec-001")
        wait_until(lambda: trainer.list.rowCount() == 1)
        trainer.list.setCurrentCell(0, 0)
        wait_until(lambda: window.trainer.current is not None)
        shoot(window, "10-trainer-editor")
        trainer.right_tabs.setCurrentIndex(1)
        shoot(window, "11-trainer-preview")
        trainer.right_tabs.setCurrentIndex(0)
        table = trainer.editor.answers.table.table
        table.item(0, 2).setCheckState(Qt.CheckState.Unchecked)
        trainer.editor.check_now()
        trainer.editor.show_first_problem()
        settle()
        shoot(window, "12-trainer-invalid")
        trainer.middle_tabs.setCurrentIndex(1)
        wait_until(lambda: trainer.queue.rowCount() > 0)
        trainer.queue.setCurrentCell(0, 0)
        settle(0.5)
        shoot(window, "13-trainer-review-queue")
        window.trainer.workspace = None
        window.examinee.state = None
        window.close()
        backend.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
