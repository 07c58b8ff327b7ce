"""HR's 採用試験 tab: the hiring selections (採用区分) with their applicants, an applicant list's
check and import, and deletion once a selection's retention date has passed.

Both changes go in two steps, as the staff roster does: 確認 reads the file (or counts what would
be deleted) and stores nothing; only then does 取り込む / 削除する do it, with the same inputs.
Applicants are kept apart from staff: this tab is the only place they are listed by selection,
and a window for them is opened from 試験を開く by choosing the selection as 対象.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.fiscal import JST
from ..common import error_text, plain_label


class SelectionsView(QWidget):
    load_requested = Signal()
    import_requested = Signal(dict, bool)  # the inputs, dry run
    delete_requested = Signal(str, bool)  # code, apply

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = plain_label(self.tr("採用試験の受験者は職員とは別に、採用区分ごとに受験番号で管理します。"
                                        "職員の集計には含まれません。"), self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("記号"), self.tr("採用区分"), self.tr("受験者"),
                                              self.tr("受験済み"), self.tr("保存期限"), self.tr("状態")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("採用区分の一覧"))
        self.file = QLineEdit(self)
        self.file.setAccessibleName(self.tr("受験者名簿のファイル"))
        self.file.setPlaceholderText(self.tr("受験番号と氏名の列がある CSV または Excel"))
        self.browse = QPushButton(self.tr("参照…"), self)
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("採用区分の記号"))
        self.code.setPlaceholderText(self.tr("例: R9-GYOSEI"))
        self.code.setMaxLength(32)
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("採用区分の名前"))
        self.title_edit.setPlaceholderText(self.tr("例: 令和9年度 一般行政（大卒程度）"))
        self.title_edit.setMaxLength(200)
        self.keep_until = QDateEdit(self)
        self.keep_until.setCalendarPopup(True)
        self.keep_until.setDisplayFormat("yyyy-MM-dd")
        self.keep_until.setAccessibleName(self.tr("保存期限"))
        today = dt.datetime.now(JST).date() + dt.timedelta(days=365)
        self.keep_until.setDate(QDate(today.year, today.month, today.day))
        self.check_button = QPushButton(self.tr("確認"), self)
        self.import_button = QPushButton(self.tr("取り込む"), self)
        self.import_button.setEnabled(False)
        self.delete_check_button = QPushButton(self.tr("選んだ採用区分の削除を確認…"), self)
        self.delete_button = QPushButton(self.tr("削除する"), self)
        self.delete_button.setEnabled(False)
        self.result = QPlainTextEdit(self)  # plain text: file names and roster text are never markup
        self.result.setReadOnly(True)
        self.result.setAccessibleName(self.tr("確認の結果"))
        self.result.setMaximumBlockCount(300)
        form = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        form.addRow(self.tr("受験者名簿"), file_row)
        form.addRow(self.tr("採用区分の記号"), self.code)
        form.addRow(self.tr("採用区分の名前"), self.title_edit)
        form.addRow(self.tr("保存期限（この日の後に削除）"), self.keep_until)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_check_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result, 1)
        self.browse.clicked.connect(self._choose_file)
        self.check_button.clicked.connect(lambda: self.import_requested.emit(self.inputs(), True))
        self.import_button.clicked.connect(lambda: self.import_requested.emit(self.inputs(), False))
        self.delete_check_button.clicked.connect(lambda: self._delete(False))
        self.delete_button.clicked.connect(lambda: self._delete(True))
        for edit in (self.file, self.code, self.title_edit):
            edit.textChanged.connect(lambda _text: self.import_button.setEnabled(False))
        self.keep_until.dateChanged.connect(lambda _date: self.import_button.setEnabled(False))
        self.table.itemSelectionChanged.connect(lambda: self.delete_button.setEnabled(False))

    def inputs(self) -> dict[str, Any]:
        shown = self.keep_until.date()
        return {"path": self.file.text().strip(), "selection": self.code.text().strip(),
                "title": self.title_edit.text().strip() or None,
                "keep_until": dt.date(shown.year(), shown.month(), shown.day())}

    def selected_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).text() if rows else None

    def _delete(self, apply: bool) -> None:
        code = self.selected_code()
        if code is None:
            self.show_result(self.tr("削除する採用区分を一覧で選んでください。"))
            return
        self.delete_button.setEnabled(False)
        self.delete_requested.emit(code, apply)

    def _choose_file(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(self, self.tr("受験者名簿"), "",
                                                      self.tr("名簿 (*.csv *.xlsx)"))
        if path:
            self.file.setText(path)

    def show_selections(self, selections: list[Any]) -> None:
        self.table.setRowCount(len(selections))
        for index, info in enumerate(selections):
            state = (self.tr("{0} に {1} 人を削除済み").format(f"{info.deleted_at.astimezone(JST):%Y-%m-%d}",
                                                          info.deleted_people) if info.deleted_at
                     else self.tr("保存中"))
            for column, text in enumerate([info.code, info.title, str(info.applicants), str(info.sat),
                                           info.retain_until.isoformat(), state]):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def show_result(self, text: str) -> None:
        self.result.setPlainText(text)


class SelectionsPresenter(QObject):
    """Wires the tab to the backend (local services or the exam server) for the signed-in actor."""

    def __init__(self, view: SelectionsView, backend: Any, actor: Callable[[], Any], lang: str) -> None:
        super().__init__(view)
        self.view, self.backend, self.actor, self.lang = view, backend, actor, lang
        view.load_requested.connect(self.load)
        view.import_requested.connect(self.run_import)
        view.delete_requested.connect(self.delete)

    def _failed(self, error: BaseException) -> None:
        self.view.show_result(error_text(error, self.lang))

    def load(self) -> None:
        if self.actor() is not None:
            self.backend.selections(self.actor(), self.view.show_selections, self._failed)

    def run_import(self, inputs: dict[str, Any], dry_run: bool) -> None:
        if not inputs["path"] or not inputs["selection"]:
            self.view.show_result(self.tr("受験者名簿のファイルと採用区分の記号を入力してください。"))
            return

        def done(report: Any) -> None:
            if report.problems:
                more = [self.tr("ほか {0} 件").format(report.unlisted)] if report.unlisted else []
                heading = self.tr("誤りが {0} 件あるため取り込めません。ファイルを直して、もう一度確認してください。")\
                    .format(len(report.problems) + report.unlisted)
                self.view.show_result("\n".join([heading, *report.problems, *more]))
                return
            counts = self.tr("追加 {0} 人、氏名の変更 {1} 人、変更なし {2} 人").format(
                report.new, report.updated, report.unchanged)
            if dry_run:
                self.view.show_result(self.tr("確認しました（まだ保存していません）: {0}。よろしければ「取り込む」を"
                                              "押してください。").format(counts))
                self.view.import_button.setEnabled(True)
            else:
                self.view.show_result(self.tr("採用区分「{0}」に取り込みました: {1}。").format(report.code, counts))
                self.view.import_button.setEnabled(False)
                self.load()

        self.backend.applicants_import(self.actor(), inputs["path"], inputs["selection"], inputs["title"],
                                       inputs["keep_until"], dry_run, done, self._failed)

    def delete(self, code: str, apply: bool) -> None:
        def done(result: Any) -> None:
            if result.dry_run:
                self.view.show_result(self.tr("採用区分「{0}」の受験者 {1} 人と受験 {2} 件（解答を含む）を削除します。"
                                              "元に戻せません。よろしければ「削除する」を押してください。")
                                      .format(code, result.people, result.attempts))
                self.view.delete_button.setEnabled(True)
            else:
                self.view.show_result(self.tr("採用区分「{0}」の受験者 {1} 人と受験 {2} 件を削除しました"
                                              "（監査ログに記録しました）。")
                                      .format(code, result.people, result.attempts))
                self.load()

        self.backend.delete_selection(self.actor(), code, apply, done, self._failed)
