"""The trainer's window in the real app: edit an item, live validation that blocks saving,
saving that keeps the file's comments, undo/redo, the examinee widget as preview."""

from __future__ import annotations

import difflib
import shutil

import pytest

from literacy_app.core.model import SYSTEM
from literacy_app.services import accounts
from literacy_app.ui.widgets.items import ItemView

from ..conftest import ROOT
from .conftest import open_app

PASSWORD = "a-long-enough-password"


@pytest.fixture
def banks(tmp_path):
    folder = tmp_path / "banks"
    shutil.copytree(ROOT / "question_banks", folder)
    return folder


def _trainer_window(qtbot, exam, banks):
    with exam.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "trainer-ito", PASSWORD, "trainer")
    window = open_app(qtbot, exam)
    window.trainer.banks_dir = banks
    window.hr.log_in("trainer-ito", PASSWORD)
    qtbot.waitUntil(lambda: window.trainer.workspace is not None and window.stack.currentWidget() is window.trainer.page,
                    timeout=10_000)
    return window, window.trainer, window.trainer.page


def _choose(qtbot, controller, page, item_id):
    page.search.setText(item_id)
    qtbot.waitUntil(lambda: page.list.rowCount() >= 1, timeout=5_000)
    row = next(r for r in range(page.list.rowCount()) if page.list.item(r, 0).text() == item_id)
    page.list.setCurrentCell(row, 0)
    qtbot.waitUntil(lambda: controller.current is not None and controller.current[1] == item_id, timeout=5_000)


def test_edit_save_keeps_comments_and_only_the_stem_changes(qtbot, exam, banks):
    _window, controller, page = _trainer_window(qtbot, exam, banks)
    assert page.list.rowCount() == 296  # every shipped item, before any filter
    original = (banks / "security.yaml").read_text(encoding="utf-8")
    _choose(qtbot, controller, page, "sec-001")
    assert isinstance(page.preview_area.widget(), ItemView)  # the examinee's own widget
    assert "〇〇省" in page.preview_area.widget().stem.text()

    page.editor.stem.setPlainText("差出人が官公庁を名乗る不審なメールが届いた。最初にとるべき行動はどれか。")
    qtbot.waitUntil(lambda: "security.yaml" in str(controller.workspace.dirty), timeout=5_000)
    assert page.undo_button.isEnabled()
    assert "不審なメール" in page.preview_area.widget().stem.text()  # the preview follows the edit
    assert controller.save()
    saved = (banks / "security.yaml").read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(original.splitlines(), saved.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-      「〇〇省 調査担当」を名乗る差出人から、「自治体向け実態調査のお願い」というメールが届いた。"
                       "添付はパスワード付きのZIPファイルで、パスワードは別のメールで送ると書かれている。"
                       "差出人のアドレスはフリーメールのものである。最初にとるべき行動として最も適切なものはどれか。",
                       "+      差出人が官公庁を名乗る不審なメールが届いた。最初にとるべき行動はどれか。"]
    assert saved.count("#") == original.count("#")  # every comment is still there

    page.undo_button.click()  # undo brings the old stem back into the editor and the document
    assert "〇〇省" in page.editor.stem.toPlainText()
    assert controller.save()
    assert (banks / "security.yaml").read_text(encoding="utf-8") == original
    page.redo_button.click()
    assert "不審なメール" in page.editor.stem.toPlainText()


def test_an_invalid_edit_shows_its_message_and_blocks_saving(qtbot, exam, banks, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _window, controller, page = _trainer_window(qtbot, exam, banks)
    original = (banks / "security.yaml").read_text(encoding="utf-8")
    _choose(qtbot, controller, page, "sec-001")
    table = page.editor.answers.table.table
    for row in range(table.rowCount()):  # untick the only right option
        table.item(row, 2).setCheckState(table.item(row, 2).checkState().Unchecked)
    qtbot.waitUntil(lambda: bool(page.editor.error_text("key")), timeout=5_000)
    assert "正解" in page.editor.error_text("key")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert not controller.save()
    assert "security.yaml:" in warnings[0]  # file:line of the problem
    assert (banks / "security.yaml").read_text(encoding="utf-8") == original  # nothing written
    table.item(0, 2).setCheckState(table.item(0, 2).checkState().Checked)
    qtbot.waitUntil(lambda: not page.editor.error_text("key"), timeout=5_000)
    assert controller.save()
    assert (banks / "security.yaml").read_text(encoding="utf-8") == original  # back to the same content


def test_filters_and_search(qtbot, exam, banks):
    _window, controller, page = _trainer_window(qtbot, exam, banks)
    page.type_filter.setCurrentIndex(page.type_filter.findData("numeric"))
    numeric = page.list.rowCount()
    assert 0 < numeric < 296 and all(page.list.item(r, 2).text() == "数値" for r in range(numeric))
    page.level_filter.setCurrentIndex(page.level_filter.findData(1))
    assert page.list.rowCount() <= numeric
    page.type_filter.setCurrentIndex(0)
    page.level_filter.setCurrentIndex(0)
    page.search.setText("ＺＩＰ")  # full width finds ZIP
    ids = {page.list.item(r, 0).text() for r in range(page.list.rowCount())}
    assert "sec-001" in ids


def test_a_case_text_is_edited_and_a_new_one_attached(qtbot, exam, banks, monkeypatch):
    from literacy_app.core.banks import validate_paths
    from literacy_app.ui.trainer import dialogs

    _window, controller, page = _trainer_window(qtbot, exam, banks)
    item_id = next(row.item_id for row in controller.workspace.rows() if row.item.get("scenario"))
    _choose(qtbot, controller, page, item_id)
    answers = iter([("", "在宅勤務中の出来事（改訂）", None), ("sc-new-case", "新しい事例", "窓口で起きたこと。\n二行目。")])

    def fake_exec(dialog):
        scenario_id, title, text = next(answers)
        if scenario_id:
            dialog.scenario_id.setText(scenario_id)
        dialog.title_edit.setText(title)
        if text:
            dialog.text_edit.setPlainText(text)
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.ScenarioDialog, "exec", fake_exec)
    page.editor.scenario_edit_button.click()
    path = controller.current[0]
    assert controller.workspace.scenarios(path)[0]["title"] == "在宅勤務中の出来事（改訂）"
    assert "在宅勤務中の出来事（改訂）" in page.preview_scenario.text()  # the preview shows the case text
    page.editor.scenario_new_button.click()
    qtbot.waitUntil(lambda: controller.workspace.item(path, item_id).get("scenario") == "sc-new-case", timeout=5_000)
    assert controller.save()
    bank_set = validate_paths([banks])
    assert not bank_set.problems
    saved = path.read_text(encoding="utf-8")
    assert "id: sc-new-case" in saved and "在宅勤務中の出来事（改訂）" in saved
    page.undo_button.click()  # the item's switch to the new case
    page.undo_button.click()  # the new case itself
    assert "sc-new-case" not in [s["id"] for s in controller.workspace.scenarios(path)]
