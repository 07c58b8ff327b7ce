"""HR's 受験者一覧 tab: one window's people by name with their results, sortable and filterable.

Names are shown here, so the tab says that every view and export is recorded in the audit log
(the service audits them).  Cells are plain text items: roster text is never rendered as markup,
and no tooltip carries it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from ...core.catalog import AREA_SHORT, AREAS, AUDIENCE_NAMES
from ...core.fiscal import JST
from ..common import plain_label


class CandidatesView(QWidget):
    export_requested = Signal(str)  # path of the .xlsx
    sheets_requested = Signal(str)  # path of the PDF of everyone's 個人結果票

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = plain_label(self.tr("試験を選ぶと、その受験者を氏名と結果で一覧にします。"
                                        "この一覧の表示と保存は、監査ログに記録されます。"), self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("絞り込み（職員番号・氏名・所属・状況）"))
        self.filter.setAccessibleName(self.tr("絞り込み"))
        self.export_button = QPushButton(self.tr("Excel で保存…"), self)
        self.export_button.setEnabled(False)
        self.sheets_button = QPushButton(self.tr("個人結果票（全員）を PDF で保存…"), self)
        self.sheets_button.setEnabled(False)
        self.model = QStandardItemModel(0, 0, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("受験者一覧"))
        tools = QHBoxLayout()
        tools.addWidget(self.filter, 1)
        tools.addWidget(self.export_button)
        tools.addWidget(self.sheets_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.export_button.clicked.connect(self._ask_path)
        self.sheets_button.clicked.connect(self._ask_sheets)
        self.suggested_name = "受験者一覧.xlsx"

    def headers(self, applicants: bool = False) -> list[str]:
        """The columns; a hiring-selection window names 受験番号 and 採用区分 instead."""
        if applicants:
            first = [self.tr("受験番号"), self.tr("氏名"), self.tr("採用区分"), self.tr("種別")]
        else:
            first = [self.tr("職員番号"), self.tr("氏名"), self.tr("所属（受験時）"), self.tr("区分")]
        return [*first, self.tr("状況"),
                self.tr("得点率"), self.tr("合否"), self.tr("受験日時"), self.tr("回数"),
                *[AREA_SHORT.get(area, area) for area in AREAS]]

    def show_rows(self, rows: list[Any]) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels(self.headers(bool(rows) and rows[0].applicant))
        for row in rows:
            when = row.finished_at.astimezone(JST).strftime("%Y-%m-%d %H:%M") if row.finished_at else ""
            passed = "" if row.passed is None else (self.tr("合格") if row.passed else self.tr("不合格"))
            values: list[tuple[str, Any]] = [
                (row.staff_no, row.staff_no), (row.name, row.name), (row.org_path, row.org_path),
                (AUDIENCE_NAMES.get(row.audience, {}).get("ja", row.audience), row.audience),
                (row.status, row.status), _percent(row.percent), (passed, passed), (when, when),
                (str(row.attempts or ""), row.attempts), *[_percent(row.areas.get(area)) for area in AREAS]]
            self.model.appendRow([_cell(text, key) for text, key in values])
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)  # the service's order (finished first, by 所属) until a header is clicked
        self.table.resizeColumnsToContents()
        self.export_button.setEnabled(bool(rows))
        self.sheets_button.setEnabled(any(row.status == "受験済み" for row in rows))
        self.note.setText(self.tr("{0} 人。見出しをクリックすると並べ替えます。この一覧の表示と保存は、"
                                  "監査ログに記録されます。").format(len(rows)))

    def clear(self, text: str) -> None:
        self.model.clear()
        self.export_button.setEnabled(False)
        self.sheets_button.setEnabled(False)
        self.note.setText(text)

    def _ask_path(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("受験者一覧の保存先"), self.suggested_name,
                                                      "Excel (*.xlsx)")
        if path:
            self.export_requested.emit(path)


    def _ask_sheets(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("個人結果票の保存先"),
                                                      self.suggested_name.replace("受験者一覧", "個人結果票").replace(
                                                          ".xlsx", ".pdf"), "PDF (*.pdf)")
        if path:
            self.sheets_requested.emit(path)


def _percent(value: float | None) -> tuple[str, float]:
    return ("", -1.0) if value is None else (f"{value:.1f}%", float(value))


def _cell(text: str, key: Any) -> QStandardItem:
    item = QStandardItem(text)  # a view's item: drawn as plain text
    item.setData(-1 if key is None else key, Qt.ItemDataRole.UserRole)  # what sorting compares
    item.setEditable(False)
    return item
