"""HR's 職員 tab: find a person by 職員番号, 氏名 or 所属 and correct them, or mark them as having left.

Cells and fields are plain text (roster text is never markup).  An edit goes through the same
rules as a roster import (length, 区分, 所属 separators); making someone inactive keeps their
results.  Every change is audited by the services.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import AUDIENCE_NAMES, AUDIENCES
from ..common import plain_label


class PeopleView(QWidget):
    search_requested = Signal(str)
    change_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("職員番号・氏名の先頭、または所属の一部"))
        self.search.setAccessibleName(self.tr("職員を探す"))
        self.search_button = QPushButton(self.tr("探す"), self)
        self.note = plain_label(self.tr("職員を探して選ぶと、氏名・所属・区分を直したり、退職・転出として無効にしたり"
                                        "できます（変更は監査ログに記録されます）。"), self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("職員番号"), self.tr("氏名"), self.tr("所属"), self.tr("区分"),
                                              self.tr("状態")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("職員の一覧"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("氏名"))
        self.org = QLineEdit(self)
        self.org.setAccessibleName(self.tr("所属"))
        self.audience = QComboBox(self)
        self.audience.setAccessibleName(self.tr("区分"))
        for key in AUDIENCES:
            self.audience.addItem(AUDIENCE_NAMES[key]["ja"], key)
        self.save_button = QPushButton(self.tr("変更を保存"), self)
        self.active_button = QPushButton(self.tr("無効にする（退職・転出）"), self)
        for widget in (self.save_button, self.active_button):
            widget.setEnabled(False)
        search = QHBoxLayout()
        search.addWidget(self.search, 1)
        search.addWidget(self.search_button)
        form = QFormLayout()
        form.addRow(self.tr("氏名"), self.name)
        form.addRow(self.tr("所属"), self.org)
        form.addRow(self.tr("区分"), self.audience)
        buttons = QHBoxLayout()
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.rows: list[Any] = []
        self.search_button.clicked.connect(self._search)
        self.search.returnPressed.connect(self._search)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.save_button.clicked.connect(self._save)
        self.active_button.clicked.connect(self._switch)

    def _search(self) -> None:
        if self.search.text().strip():
            self.search_requested.emit(self.search.text().strip())

    def show_rows(self, rows: list[Any], total: int) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            audience = AUDIENCE_NAMES.get(row.audience, {}).get("ja", row.audience)
            state = self.tr("在籍") if row.active else self.tr("無効")
            values = (row.staff_no, row.name, row.org_path, audience, state)
            for column, text in enumerate(values):
                self.table.setItem(number, column, QTableWidgetItem(text))  # a view's item: plain text
        self.table.resizeColumnsToContents()
        self.note.setText(self.tr("{0} 人のうち {1} 人を表示しています。").format(total, len(rows)) if total
                          else self.tr("見つかりませんでした。"))
        self._chosen()

    def current(self) -> Any:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) and self.table.selectedItems() else None

    def _chosen(self) -> None:
        person = self.current()
        for widget in (self.save_button, self.active_button):
            widget.setEnabled(person is not None)
        if person is None:
            return
        self.name.setText(person.name)
        self.org.setText(person.org_path)
        self.audience.setCurrentIndex(max(0, self.audience.findData(person.audience)))
        self.active_button.setText(self.tr("無効にする（退職・転出）") if person.active else self.tr("在籍に戻す"))

    def _save(self) -> None:
        person = self.current()
        if person is not None:
            self.change_requested.emit({"staff_no": person.staff_no, "name": self.name.text(),
                                        "org_path": self.org.text(), "audience": self.audience.currentData()})

    def _switch(self) -> None:
        person = self.current()
        if person is not None:
            self.change_requested.emit({"staff_no": person.staff_no, "active": not person.active})
