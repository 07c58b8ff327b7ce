"""HR's 監査ログ tab: who did what and when (Japan time), filtered by person, action and period.

Rows are plain-text items (an actor or a detail is never rendered as markup); the detail is the
row's JSON as stored.  Saving the shown rows to a file is itself recorded in the log.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.fiscal import JST
from ..common import plain_label


class AuditView(QWidget):
    load_requested = Signal()
    export_requested = Signal(str)  # path: .xlsx or .csv

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.who = QLineEdit(self)
        self.who.setPlaceholderText(self.tr("誰が（職員番号・アカウント名。前方一致）"))
        self.who.setAccessibleName(self.tr("誰が"))
        self.action = QComboBox(self)
        self.action.setAccessibleName(self.tr("操作"))
        self.action.addItem(self.tr("すべての操作"), "")
        self.period = QComboBox(self)
        self.period.setAccessibleName(self.tr("期間"))
        for days, label in ((7, self.tr("直近 7 日")), (30, self.tr("直近 30 日")), (365, self.tr("直近 1 年")),
                            (0, self.tr("すべて"))):
            self.period.addItem(label, days)
        self.show_button = QPushButton(self.tr("表示"), self)
        self.export_button = QPushButton(self.tr("保存…"), self)
        self.export_button.setEnabled(False)
        self.note = plain_label(self.tr("条件を選んで「表示」を押すと、新しい順に表示します（時刻は日本時間）。"), self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("日時（日本時間）"), self.tr("誰が"), self.tr("操作"),
                                              self.tr("内容")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for column in range(3):  # the headers read in full before any row is there
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("監査ログ"))
        filters = QHBoxLayout()
        filters.addWidget(self.who, 2)
        filters.addWidget(self.action, 1)
        filters.addWidget(self.period)
        filters.addWidget(self.show_button)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.load_requested.emit)
        self.who.returnPressed.connect(self.load_requested.emit)
        self.export_button.clicked.connect(self._ask_path)

    def filters(self, now: dt.datetime | None = None) -> dict[str, Any]:
        days = int(self.period.currentData() or 0)
        since = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days) if days else None
        return {"since": since, "who": self.who.text().strip(), "action": self.action.currentData() or ""}

    def show_page(self, page: Any) -> None:
        chosen = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(self.tr("すべての操作"), "")
        for action in page.actions:
            self.action.addItem(action, action)
        self.action.setCurrentIndex(max(0, self.action.findData(chosen)))
        self.action.blockSignals(False)
        self.table.setRowCount(len(page.entries))
        for row, entry in enumerate(page.entries):
            values = (entry.at.astimezone(JST).strftime("%Y-%m-%d %H:%M:%S"), entry.actor, entry.action,
                      json.dumps(entry.detail, ensure_ascii=False, sort_keys=True))
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))  # a view's item: plain text
        self.export_button.setEnabled(bool(page.entries))
        self.note.setText(self.tr("{0} 行のうち {1} 行を表示しています（新しい順、時刻は日本時間）。").format(
            page.total, len(page.entries)))

    def _ask_path(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("監査ログの保存先"), "監査ログ.xlsx",
                                                      "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            self.export_requested.emit(path)
