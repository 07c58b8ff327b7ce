"""A small table of rows with add / remove / move buttons, for options, premises and answers.

Cells are plain text (never markup).  A column is text, a check box, or a number; the editor
reads and writes rows as lists of Python values, so the answer editors stay declarative.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

TEXT, CHECK, NUMBER, CHOICE = "text", "check", "number", "choice"
"""CHOICE: a drop-down of ids given by ``set_choices`` (a matching premise's right option)."""


class RowsTable(QWidget):
    changed = Signal()

    def __init__(self, columns: list[tuple[str, str]], name: str, parent: QWidget | None = None,
                 stretch: int = 1) -> None:
        super().__init__(parent)
        self.columns = columns
        self.id_prefix = ""
        self.choices: list[str] = []
        """New rows get ids a, b, c … or, with a prefix such as "p", p1, p2 … (matching premises)."""
        self.table = QTableWidget(0, len(columns), self)
        self.table.setHorizontalHeaderLabels([header for header, _kind in columns])
        self.table.setAccessibleName(name)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for index in range(len(columns)):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch if index == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.table.setMinimumWidth(0)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # fits the pane
        self.add_button = QPushButton(self.tr("行を追加"), self)
        self.remove_button = QPushButton(self.tr("行を削除"), self)
        self.up_button = QPushButton(self.tr("上へ"), self)
        self.down_button = QPushButton(self.tr("下へ"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button.clicked.connect(self._add_row)
        self.remove_button.clicked.connect(self._remove_row)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))

    # rows as data ------------------------------------------------------------------------------
    def rows(self) -> list[list[Any]]:
        result = []
        for row in range(self.table.rowCount()):
            values: list[Any] = []
            for column, (_header, kind) in enumerate(self.columns):
                cell = self.table.item(row, column)
                if kind == CHECK:
                    values.append(cell is not None and cell.checkState() == Qt.CheckState.Checked)
                    continue
                if kind == CHOICE:
                    combo = self.table.cellWidget(row, column)
                    values.append(combo.currentData() or "" if isinstance(combo, QComboBox) else "")
                    continue
                text = cell.text().strip() if cell is not None else ""
                if kind == NUMBER:
                    values.append(_number(text))
                else:
                    values.append(text)
            result.append(values)
        return result

    def problems(self, what: str) -> list[str]:
        """What the rows cannot say in a bank file: an empty or repeated 記号 (a dict would silently
        merge the rows), a number column that is not a number.  ``what`` names the rows."""
        found: list[str] = []
        ids = [str(row[0]) for row in self.rows()]
        if any(not identifier for identifier in ids):
            found.append(self.tr("{0}に記号が空の行があります。").format(what))
        repeated = sorted({identifier for identifier in ids if identifier and ids.count(identifier) > 1})
        if repeated:
            found.append(self.tr("{0}の記号「{1}」が重複しています。記号は行ごとに変えてください。").format(
                what, "」「".join(repeated)))
        for row in range(self.table.rowCount()):
            for column, (header, kind) in enumerate(self.columns):
                cell = self.table.item(row, column)
                text = cell.text().strip() if cell is not None else ""
                if kind == NUMBER and text and _number(text) is None:
                    found.append(self.tr("{0} 行目の「{1}」は数値で書いてください（「{2}」）。").format(
                        row + 1, header, text))
        return found

    def set_choices(self, choices: list[str]) -> None:
        """The ids a CHOICE column offers; a row keeps its choice while it is still offered."""
        self.choices = list(choices)
        rows = self.rows()
        self.set_rows(rows)

    def set_rows(self, rows: list[list[Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows:
            self._append(values)
        self.table.blockSignals(False)

    def _append(self, values: list[Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, (header, kind) in enumerate(self.columns):
            value = values[column] if column < len(values) else None
            cell = QTableWidgetItem()
            if kind == CHOICE:
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if kind == CHECK:
                cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                              | Qt.ItemFlag.ItemIsSelectable)
                cell.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            elif kind == CHOICE:
                combo = QComboBox(self.table)
                combo.addItem(self.tr("（選ぶ）"), "")
                for choice in self.choices:
                    combo.addItem(choice, choice)
                if value and value not in self.choices:
                    combo.addItem(str(value), str(value))  # an id the options lack: shown, and reported
                combo.setCurrentIndex(max(0, combo.findData(str(value or ""))))
                combo.setAccessibleName(header)
                combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
                self.table.setCellWidget(row, column, combo)
            else:
                cell.setText("" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)))
                cell.setToolTip(cell.text() if kind == TEXT and len(cell.text()) > 12 else "")
            self.table.setItem(row, column, cell)

    def _add_row(self) -> None:
        used = {values[0] for values in self.rows()}
        if self.id_prefix:
            new_id = next(f"{self.id_prefix}{n}" for n in range(1, 100) if f"{self.id_prefix}{n}" not in used)
        else:
            new_id = next(letter for letter in "abcdefghijklmnopqrstuvwxyz" + "".join(map(str, range(10)))
                          if letter not in used)
        self._append([new_id])
        self.table.setCurrentCell(self.table.rowCount() - 1, 1 if len(self.columns) > 1 else 0)
        self.changed.emit()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows[row], rows[target] = rows[target], rows[row]
        self.set_rows(rows)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()


def _number(text: str) -> float | None:
    try:
        return float(text.replace("％", "").replace("%", "")) if text else None
    except ValueError:
        return None
