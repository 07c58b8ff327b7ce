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
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    _window, controller, page = _trainer_window(qtbot, exam, banks)
    original = (banks / "security.yaml").read_text(encoding="utf-8")
    _choose(qtbot, controller, page, "sec-001")
    table = page.editor.answers.table.table
    for row in range(table.rowCount()):  # untick the only right option
        table.item(row, 2).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: bool(page.editor.error_text("key")), timeout=5_000)
    assert "1 つだけに印" in page.editor.error_text("key")
    assert not controller.save() and "直して" in page.status.text()
    table.item(0, 2).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: not page.editor.error_text("key"), timeout=5_000)

    table.item(1, 0).setText("a")  # two options with the same 記号 would merge into one: refused, never merged
    qtbot.waitUntil(lambda: "重複" in page.editor.error_text("key"), timeout=5_000)
    assert not controller.save()
    assert controller.workspace.item(banks / "security.yaml", "sec-001")["options"]["b"]  # nothing merged
    table.item(1, 0).setText("b")

    page.editor.explanation.setPlainText("   ")  # a blank explanation: its own sentence, and the file check
    qtbot.waitUntil(lambda: bool(page.editor.error_text("explanation")), timeout=5_000)
    assert "解説を書いてください" in page.editor.error_text("explanation")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert not controller.save()
    assert "security.yaml:" in warnings[0]  # file:line of the problem
    assert (banks / "security.yaml").read_text(encoding="utf-8") == original  # nothing written
    page.undo_button.click()
    qtbot.waitUntil(lambda: not page.editor.error_text("explanation"), timeout=5_000)
    assert controller.save()
    assert (banks / "security.yaml").read_text(encoding="utf-8") == original  # back to the same content
    assert not controller.workspace.dirty


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
    page.search.setText("標的型攻撃メールと報告")  # a sub-competence
    ids = {page.list.item(r, 0).text() for r in range(page.list.rowCount())}
    assert "sec-001" in ids and all(i.startswith("sec-") for i in ids)


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


def test_publishing_makes_a_new_version_for_new_attempts_while_old_ones_keep_theirs(qtbot, exam, tmp_path,
                                                                                   monkeypatch):
    from literacy_app.core.model import Actor
    from literacy_app.services import attempts, people
    from literacy_app.storage.models import Item, ItemVersion

    from ..conftest import BASIC_BANK

    banks = tmp_path / "basic"
    shutil.copytree(BASIC_BANK, banks)
    with exam.database.uow() as uow:
        first = attempts.start_attempt(uow, Actor("examinee", 1, "000123"), exam.assessment_id, seed=1)
    old_versions = {item.item_id: item.version_id for item in first.items}
    _window, controller, page = _trainer_window(qtbot, exam, banks)
    item_id = next(i for i in old_versions if any(i == row.item_id for row in controller.workspace.rows()))
    _choose(qtbot, controller, page, item_id)
    page.editor.stem.setPlainText("公開のテストのために書き換えた問題文")
    qtbot.waitUntil(lambda: bool(controller.workspace.dirty), timeout=5_000)
    assert controller.save()

    shown = []
    monkeypatch.setattr("literacy_app.ui.trainer.dialogs.confirm_publish",
                        lambda _parent, preview: shown.append(preview) or True)
    page.publish_button.click()
    qtbot.waitUntil(lambda: "公開しました" in page.status.text(), timeout=20_000)
    assert list(shown[0].changed) == [item_id] and not shown[0].new  # the preview named the one change
    assert "変更 1" in page.status.text()

    with exam.database.uow(read_only=True) as uow:
        current = uow.session.get(Item, item_id).current_version_id
        assert uow.session.get(ItemVersion, current).content["stem"] == "公開のテストのために書き換えた問題文"
        resumed = attempts.resume_attempt(uow, Actor("examinee", 1, "000123"), first.attempt_id)
    assert current != old_versions[item_id]
    assert {i.item_id: i.version_id for i in resumed.items}[item_id] == old_versions[item_id]  # keeps its own
    for n in range(12):  # new attempts draw the new version (try people until the item is drawn)
        with exam.database.uow() as uow:
            info = people.add_examinee(uow, SYSTEM, f"0009{n:02d}", f"職員 {n}", "総務局/総務部/総務課", "recruit")
        with exam.database.uow() as uow:
            state = attempts.start_attempt(uow, Actor("examinee", info.id, f"0009{n:02d}"), exam.assessment_id,
                                           seed=100 + n)
        drawn = {i.item_id: i.version_id for i in state.items}
        if item_id in drawn:
            assert drawn[item_id] == current
            break
    else:
        pytest.fail("the edited item was never drawn")

    page.right_tabs.setCurrentIndex(2)  # the history shows both versions and the changed stem
    qtbot.waitUntil(lambda: page.history.count() == 2, timeout=10_000)
    assert "trainer-ito" in page.history.item(0).text()
    diff = page.history_diff.toPlainText()
    assert "+" in diff and "公開のテストのために書き換えた問題文" in diff


def test_the_review_queue_lists_items_past_their_review(qtbot, exam, banks):
    path = banks / "technology.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("reviewed: ")
    old = text[first:first + len("reviewed: 2026-11-27")]
    path.write_text(text.replace(old, "reviewed: 2024-04-01", 1), encoding="utf-8")
    _window, controller, page = _trainer_window(qtbot, exam, banks)
    qtbot.waitUntil(lambda: page.queue.rowCount() >= 1, timeout=20_000)
    due = [page.queue.item(r, 0).text() for r in range(page.queue.rowCount())
           if "見直し期限切れ" in page.queue.item(r, 1).text()]
    assert len(due) == 1 and due[0].startswith("tec-")
    page.due_filter.setChecked(True)
    assert [page.list.item(r, 0).text() for r in range(page.list.rowCount())] == due
    page.queue.cellDoubleClicked.emit(0, 0)
    assert controller.current[1] == page.queue.item(0, 0).text()


def test_the_trainer_window_speaks_english_when_chosen(qtbot, exam, banks):
    with exam.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "trainer-en", PASSWORD, "trainer")
    window = open_app(qtbot, exam, lang="en")
    window.trainer.banks_dir = banks
    window.hr.log_in("trainer-en", PASSWORD)
    qtbot.waitUntil(lambda: window.trainer.workspace is not None, timeout=10_000)
    page = window.trainer.page
    assert page.save_button.text() == "Save"
    assert [page.type_filter.itemText(i) for i in range(1, 3)] == ["Single choice", "Multiple choice"]
    assert page.list.horizontalHeaderItem(0).text() != "問題ID"
    assert page.list.item(0, 4).text() in ("Approved", "Draft", "Retired")
    from literacy_app.ui.trainer.labels import tr  # dialogs and undo steps, which are not QObjects

    assert tr("公開できません") == "Cannot publish"


def test_a_file_saved_by_someone_else_meanwhile_is_not_overwritten(qtbot, exam, banks):
    _window, controller, page = _trainer_window(qtbot, exam, banks)
    _choose(qtbot, controller, page, "sec-001")
    page.editor.stem.setPlainText("私の変更")
    qtbot.waitUntil(lambda: bool(controller.workspace.dirty), timeout=5_000)
    path = banks / "security.yaml"
    theirs = path.read_text(encoding="utf-8").replace("title: 情報セキュリティ", "title: 情報セキュリティ（他の人の変更）", 1)
    path.write_text(theirs, encoding="utf-8")  # another trainer saved the same file
    assert not controller.save()
    assert "別の人" in page.status.text()
    assert path.read_text(encoding="utf-8") == theirs  # their change survives


def test_import_renumbers_taken_ids_and_the_banks_stay_saveable(qtbot, exam, banks, tmp_path, monkeypatch):
    from literacy_app.core.banks import validate_paths
    from literacy_app.core.interchange import gift
    from literacy_app.core.interchange.common import from_item
    from literacy_app.ui.trainer import dialogs

    _window, controller, page = _trainer_window(qtbot, exam, banks)
    exported = tmp_path / "ours.gift"
    rows = [row for row in controller.workspace.rows() if row.path.name == "security.yaml"][:3]
    gift.write([from_item(row.item)[0] for row in rows], exported)  # our own items, ids and all
    monkeypatch.setattr(dialogs.QFileDialog, "getOpenFileName", lambda *a, **k: (str(exported), ""))

    def fake_exec(dialog):
        dialog.bank_id.setText("security")  # taken: the dialog says so and stays open
        dialog._accept()
        assert "もうあります" in dialog.message.text() and not dialog.result()
        dialog.bank_id.setText("shared-in")
        for combo in dialog.combos:
            combo.setCurrentIndex(combo.findData("security"))
        dialog._accept()
        return dialog.result()

    reports = []
    monkeypatch.setattr(dialogs.MappingDialog, "exec", fake_exec)
    monkeypatch.setattr(dialogs, "show_report", lambda _parent, headline, lines: reports.append((headline, lines)))
    page.import_button.click()
    assert "3 問" in reports[0][0]
    assert sum("はもう使われているため" in line for line in reports[0][1]) == 3
    assert not validate_paths([banks]).problems
    assert (banks / "shared-in.yaml").exists() and len(controller.workspace.documents) == 8
    _choose(qtbot, controller, page, "sec-001")
    page.editor.stem.setPlainText("取り込みの後でも保存できる")
    qtbot.waitUntil(lambda: bool(controller.workspace.dirty), timeout=5_000)
    assert controller.save()


def test_new_item_undo_and_quick_undo_keep_the_editor_honest(qtbot, exam, banks, monkeypatch):
    from literacy_app.ui.trainer import controller as trainer_controller

    _window, controller, page = _trainer_window(qtbot, exam, banks)
    page.search.setText("sec-00")
    _choose(qtbot, controller, page, "sec-001")
    page.search.setText("")
    monkeypatch.setattr(trainer_controller.QInputDialog, "getItem", lambda *a, **k: (a[3][5], True))  # 数値
    page.new_button.click()
    new_id = controller.current[1]
    assert controller.workspace.item(controller.current[0], new_id)["type"] == "numeric"
    assert page.list.item(page.list.currentRow(), 0).text() == new_id  # the list shows what is edited
    assert "正解の数値を書いてください" in page.editor.error_text("key")
    page.undo_button.click()  # the new item is gone, and so is it from the editor
    assert controller.current is None and not page.editor.isEnabled()
    assert new_id not in [row.item_id for row in controller.workspace.rows()]

    _choose(qtbot, controller, page, "sec-002")
    page.editor.stem.setPlainText("FIRST")
    qtbot.waitUntil(lambda: "FIRST" in controller.workspace.item(controller.current[0], "sec-002")["stem"],
                    timeout=5_000)
    page.editor.stem.setPlainText("SECOND")
    page.undo_button.click()  # at once, before the edit has settled: only SECOND is undone
    assert page.editor.stem.toPlainText().strip() == "FIRST"
    page.redo_button.click()
    assert page.editor.stem.toPlainText().strip() == "SECOND"


def test_a_matching_premise_chooses_its_answer_from_the_options(qtbot, exam, banks):
    from PySide6.QtWidgets import QComboBox

    _window, controller, page = _trainer_window(qtbot, exam, banks)
    item_id = next(row.item_id for row in controller.workspace.rows() if row.item["type"] == "matching")
    _choose(qtbot, controller, page, item_id)
    answers = page.editor.answers
    premises = answers.premises.table
    combo = premises.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    options = [row[0] for row in answers.options.rows()]
    assert [combo.itemData(i) for i in range(1, combo.count())] == options  # the drop-down offers the options
    before = controller.workspace.item(controller.current[0], item_id)["key"]
    first_premise = premises.item(0, 0).text()
    other = next(option for option in options if option != before[first_premise])
    combo.setCurrentIndex(combo.findData(other))
    qtbot.waitUntil(lambda: controller.workspace.item(controller.current[0], item_id)["key"][first_premise] == other,
                    timeout=5_000)
    answers.options.table.item(len(options) - 1, 0).setText("zz")  # renaming an option updates the drop-downs
    qtbot.waitUntil(lambda: premises.cellWidget(0, 2).findData("zz") > 0, timeout=5_000)


def test_duplicate_makes_a_draft_copy_after_the_item(qtbot, exam, banks):
    from literacy_app.core.banks import validate_paths

    _window, controller, page = _trainer_window(qtbot, exam, banks)
    _choose(qtbot, controller, page, "sec-002")
    page.duplicate_button.click()
    path, new_id = controller.current
    assert new_id != "sec-002" and new_id.startswith("sec-")
    copy = controller.workspace.item(path, new_id)
    original = controller.workspace.item(path, "sec-002")
    assert copy["stem"] == original["stem"] and copy["status"] == "draft" and copy["reviewer"] == "trainer-ito"
    ids = controller.workspace.documents[path].item_ids()
    assert ids[ids.index("sec-002") + 1] == new_id  # right after the item it copies
    assert controller.save()
    assert not validate_paths([banks]).problems
