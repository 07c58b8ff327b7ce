"""HR's 受験状況 table: per 所属, how many of an assessment's cohort have not started, are
sitting, or have finished.  Counts only (never names), every row a sum over blocks of at least the
minimum size (docs/privacy.md): a unit merged into a 「その他（少人数）」 above shows a dash, a row
that leaves some of its people to such a block is marked （一部）, as ``assessment progress`` prints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..common import plain_label

SUPPRESSED = "—"


class ProgressView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = plain_label(self.tr("試験を選ぶと、その受験状況を所属ごとに表示します。"), self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("所属"), self.tr("対象者"), self.tr("未受験"),
                                              self.tr("受験中"), self.tr("修了"), self.tr("修了率")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("所属別の受験状況"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def clear(self, note: str) -> None:
        self.table.setRowCount(0)
        self.note.setText(note)

    def show_rows(self, rows: list, min_group: int) -> None:  # type: ignore[type-arg]
        """``rows``: services.progress.ProgressRow, the whole cohort first, then 局 › 部 › 課."""
        self.table.setRowCount(len(rows))
        hidden = 0
        partial = other = False
        for index, row in enumerate(rows):
            leaf = row.org_path.rsplit("/", 1)[-1]
            name = "　" * (row.depth - 1) + leaf if row.org_path else self.tr("対象者全体")
            full = row.org_path or self.tr("対象者全体")
            if row.other:
                other = True
                name = "　" * (row.depth - 1) + self.tr("その他（少人数）")
                full = self.tr("{0} のその他（少人数）").format(row.org_path or self.tr("対象者全体"))
            elif row.partial:
                partial = True
                name += self.tr("（一部）")
            if row.suppressed:
                hidden += 1
                values = [SUPPRESSED] * 5
            else:
                rate = f"{row.finished / row.target * 100:.0f}%" if row.target else SUPPRESSED
                values = [str(row.target), str(row.not_started), str(row.in_progress), str(row.finished), rate]
            for column, text in enumerate([name, *values]):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 0:
                    cell.setToolTip(full)
                self.table.setItem(index, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        note = self.tr("人数のみを表示します（氏名は表示しません）。どの数字も {0} 人以上のまとまりの合計です。")\
            .format(min_group)
        if hidden or other:
            note += self.tr("{0} 人未満の所属は、上位の所属の「その他（少人数）」にまとめています（「—」の行）。")\
                .format(min_group)
        if partial:
            note += self.tr("（一部）: この所属の一部の人は上位の「その他（少人数）」に含まれ、"
                            "この行には入っていません。")
        self.note.setText(note)
