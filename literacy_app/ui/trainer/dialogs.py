"""The trainer's dialogs: confirm a publish, fill the review queue, import and export items.

Import writes a new bank file of draft items (never merged into an existing file), after a
mapping step from the file's categories to the areas; export writes the listed items in the
chosen format.  Per-question warnings are shown, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import AREAS, area_name
from ...core.errors import UserError
from ..common import error_text, plain_label
from .labels import REASONS, label, tr


def confirm_publish(parent: QWidget, preview: Any) -> bool:
    """Show what a publish will do (new / changed / retired) and ask to confirm."""
    if preview.problems:
        lines = "\n".join(problem.render() for problem in preview.problems[:20])
        QMessageBox.warning(parent, tr("公開できません"),
                            tr("問題バンクに問題があるため公開できません。") + "\n\n" + lines)
        return False
    if not (preview.new or preview.changed or preview.retired):
        QMessageBox.information(parent, tr("公開"), tr("公開済みの内容から変わった問題はありません。"))
        return False

    def listing(ids: list[str]) -> str:
        return "、".join(ids[:30]) + (tr(" ほか {0} 問").format(len(ids) - 30) if len(ids) > 30 else "")

    text = tr("新規 {0} 問・変更 {1} 問・廃止 {2} 問・変更なし {3} 問").format(
        len(preview.new), len(preview.changed), len(preview.retired), len(preview.unchanged))
    details = "\n".join(f"{label}: {listing(ids)}" for label, ids in (
        (tr("新規"), preview.new), (tr("変更"), preview.changed), (tr("廃止"), preview.retired))
        if ids)
    box = QMessageBox(QMessageBox.Icon.Question, tr("公開の確認"),
                      text + "\n\n" + tr(
                          "変更された問題は新しい版になります。実施中の試験は元の版のまま採点されます。公開してよいですか？"),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDetailedText(details)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def fill_queue(page: Any, entries: list[Any]) -> None:
    table: QTableWidget = page.queue
    table.setRowCount(len(entries))
    for row, entry in enumerate(entries):
        reasons = "、".join(label(REASONS[code]) if code in REASONS else code for code in entry.reasons)
        details = " ".join(entry.sentences(page.lang))
        for column, text in enumerate((entry.item_id, reasons, f"{Path(entry.path).name}:{entry.line}", details)):
            cell = QTableWidgetItem(text)
            cell.setToolTip(details)
            table.setItem(row, column, cell)
    for column in range(3):
        table.resizeColumnToContents(column)


# import -------------------------------------------------------------------------------------------
class MappingDialog(QDialog):
    """Map each category of the file to an area, and name the new bank."""

    def __init__(self, parent: QWidget, categories: list[str], bank_id: str, banks_dir: Path) -> None:
        from ...core.interchange.common import area_for, category_label

        super().__init__(parent)
        self.banks_dir = banks_dir
        self.message = plain_label("", self)
        self.message.setStyleSheet("color: #b00020;")
        self.setWindowTitle(self.tr("カテゴリと領域の対応"))
        self.bank_id = QLineEdit(bank_id, self)
        self.bank_id.setAccessibleName(self.tr("新しい問題バンクのID"))
        self.table = QTableWidget(len(categories), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("取り込むファイルのカテゴリ"), self.tr("領域")])
        self.table.verticalHeader().hide()
        self.categories = categories
        self.combos: list[QComboBox] = []
        for row, category in enumerate(categories):
            self.table.setItem(row, 0, QTableWidgetItem(category_label(category)))
            combo = QComboBox(self)
            combo.addItem(self.tr("（選んでください）"), None)
            for area in AREAS:
                combo.addItem(area_name(area), area)
            combo.setCurrentIndex(max(0, combo.findData(area_for(category, {}))))
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("問題バンクのID"), self.bank_id)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("取り込んだ問題はすべて「下書き」になります。内容・水準・対象を確かめてから承認してください。"),
                                     self))
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        """Stay open, saying what is missing, until every category has an area and the id is free."""
        from ...core.interchange.common import IDENTIFIER

        bank_id = self.bank_id.text().strip()
        if not IDENTIFIER.match(bank_id):
            self.message.setText(self.tr("問題バンクのIDは英数字で始め、英数字・-・_ だけで書いてください。"))
        elif (self.banks_dir / f"{bank_id}.yaml").exists():
            self.message.setText(self.tr("「{0}.yaml」はもうあります。別のIDにしてください。").format(bank_id))
        elif any(combo.currentData() is None for combo in self.combos):
            self.message.setText(self.tr("すべてのカテゴリに領域を選んでください。"))
        else:
            self.accept()

    def mapping(self) -> dict[str, str]:
        return {category: combo.currentData() for category, combo in zip(self.categories, self.combos, strict=True)
                if combo.currentData()}


def import_file(parent: QWidget, banks_dir: Path, lang: str) -> bool:
    """Ask for a GIFT / Moodle XML file, map its categories, write a new bank file of drafts."""
    from ...core.banks import validate_paths
    from ...core.banks.write import new_bank_text
    from ...core.i18n import message
    from ...core.interchange.common import categories, to_bank
    from ...core.interchange.files import default_bank_id, read_questions, renumber_clashes, taken_ids

    name, _selected = QFileDialog.getOpenFileName(parent, tr("取り込むファイル"), "",
                                                  tr("GIFT・Moodle XML (*.gift *.txt *.xml)"))
    if not name:
        return False
    source = Path(name)
    try:
        result = read_questions(source)
        dialog = MappingDialog(parent, categories(result) or [""], default_bank_id(source), banks_dir)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        bank_id = dialog.bank_id.text().strip()
        bank, warnings = to_bank(result, dialog.mapping(), bank_id=bank_id, title=f"取り込み: {source.name}",
                                 today=dt.date.today(), source_file=source.name)
        if not bank["items"]:
            raise UserError("ix_import_nothing", skipped=len(result.questions))
        renamed = renumber_clashes(bank, taken_ids(banks_dir))
        target = banks_dir / f"{bank_id}.yaml"
        target.write_text(new_bank_text(bank), encoding="utf-8")
    except UserError as error:
        QMessageBox.warning(parent, tr("取り込めません"), error_text(error, lang))
        return False
    problems = [problem.render(lang) for problem in validate_paths([banks_dir]).problems]
    notes = [message("ix_renumbered", lang, old=old, new=new) for old, new in renamed]
    notes += [warning.render(source.name, lang) for warning in [*result.warnings, *warnings]]
    show_report(parent, tr("取り込みました: {0}（{1} 問）").format(target.name, len(bank["items"])),
                problems + notes)
    return True


def export_items(parent: QWidget, workspace: Any, filters: Any, lang: str) -> None:
    """Write the items the list shows (its filters) as GIFT, Moodle XML or a QTI 2.1 package."""
    from ...core.interchange import gift, moodle_xml, qti
    from ...core.interchange.common import from_item

    formats = {"GIFT (*.gift)": (gift, ".gift"), "Moodle XML (*.xml)": (moodle_xml, ".xml"),
               "QTI 2.1 (*.zip)": (qti, ".zip")}
    choice, ok = QInputDialog.getItem(parent, tr("書き出し"),
                                      tr("形式（一覧に表示中の問題を書き出します）"), list(formats), 0, False)
    if not ok:
        return
    module, suffix = formats[choice]
    name, _selected = QFileDialog.getSaveFileName(parent, tr("保存先"), f"questions{suffix}", choice)
    if not name:
        return
    questions, notes = [], []
    for row in workspace.rows():
        if not filters.matches(row):
            continue
        scenario = next((s for s in workspace.scenarios(row.path) if s.get("id") == row.item.get("scenario")), None)
        question, found = from_item(row.item, scenario=scenario)
        notes += [warning.render(row.path.name, lang) for warning in found]
        if question is not None:
            questions.append(question)
    try:
        notes += [warning.render(name, lang) for warning in module.write(questions, Path(name))]
    except (UserError, OSError) as error:
        QMessageBox.warning(parent, tr("書き出せません"), error_text(error, lang))
        return
    show_report(parent, tr("{0} 問を書き出しました: {1}").format(len(questions), name), notes)


def show_report(parent: QWidget, headline: str, lines: list[str]) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(headline)
    text = QPlainTextEdit(dialog)
    text.setReadOnly(True)
    text.setPlainText("\n".join(lines) if lines else tr("注意事項はありません。"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(plain_label(headline, dialog, bold=True))
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(720, 420)
    dialog.exec()


class ScenarioDialog(QDialog):
    """Edit a case text (id fixed once it exists: items refer to it) or write a new one."""

    def __init__(self, parent: QWidget, scenario: dict[str, Any] | None, taken: set[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("事例の編集") if scenario else self.tr("新しい事例"))
        self.taken = taken
        self.scenario_id = QLineEdit((scenario or {}).get("id", ""), self)
        self.scenario_id.setReadOnly(scenario is not None)
        self.title_edit = QLineEdit((scenario or {}).get("title", ""), self)
        self.text_edit = QPlainTextEdit((scenario or {}).get("text", ""), self)
        self.message = plain_label("", self)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("事例ID（英数字）"), self.scenario_id)
        form.addRow(self.tr("題名"), self.title_edit)
        form.addRow(self.tr("本文"), self.text_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def value(self) -> dict[str, Any]:
        text = self.text_edit.toPlainText().rstrip()
        return {"id": self.scenario_id.text().strip(), "title": self.title_edit.text().strip(),
                "text": text + ("\n" if "\n" in text else "")}

    def _accept(self) -> None:
        from ...core.banks.schema import Scenario

        value = self.value()
        if not self.scenario_id.isReadOnly() and value["id"] in self.taken:
            self.message.setText(self.tr("事例ID「{0}」はもう使われています。").format(value["id"]))
            return
        try:
            Scenario.model_validate(value)
        except ValueError:
            self.message.setText(self.tr("事例IDは英数字で始め、題名と本文を書いてください。"))
            return
        self.accept()


def attach_image(parent: QWidget, banks_dir: Path) -> str | None:
    """Copy a picture into the bank folder's images/ and return its path relative to the folder."""
    import shutil

    name, _selected = QFileDialog.getOpenFileName(parent, tr("図のファイル"), "",
                                                  tr("画像 (*.png *.jpg *.jpeg)"))
    if not name:
        return None
    source = Path(name)
    target = banks_dir / "images" / source.name
    if target.exists() and target.read_bytes() != source.read_bytes():
        QMessageBox.warning(parent, tr("図"), tr("同じ名前の別の図がすでにあります: {0}。"
                                                             "ファイル名を変えてから選んでください。").format(target))
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        shutil.copyfile(source, target)
    return f"images/{source.name}"
