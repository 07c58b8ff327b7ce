"""HR's page: choose 年度 and the minimum group size, preview the summary, save it.

The figures are built on the worker thread; charts, HTML and PDF are drawn here on the GUI
thread (QtCharts needs it) and every saved file is written to the audit log.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.fiscal import fiscal_year
from ..common import plain_label

FORMATS = (("html", "HTML (*.html)"), ("pdf", "PDF (*.pdf)"), ("xlsx", "Excel (*.xlsx)"), ("csv", "CSV (*.csv)"))


class HrPage(QWidget):
    preview_requested = Signal(int, int)          # year, min group
    save_requested = Signal(int, int, str, str)   # year, min group, format, path
    logout = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Widgets
        self.heading = plain_label(self.tr("結果報告（人事）"), self, size_delta=6, bold=True)
        self.year = QSpinBox(self)
        self.year.setRange(2019, 2100)
        self.year.setValue(fiscal_year(dt.date.today()))
        self.year.setAccessibleName(self.tr("年度"))
        self.min_group = QSpinBox(self)
        self.min_group.setRange(3, 50)
        self.min_group.setValue(5)
        self.min_group.setAccessibleName(self.tr("表示する最小の人数"))
        self.preview_button = QPushButton(self.tr("プレビュー"), self)
        self.save_buttons = {fmt: QPushButton(self.tr("{0} で保存").format(fmt.upper()), self) for fmt, _f in FORMATS}
        self.logout_button = QPushButton(self.tr("ログアウト"), self)
        self.status = plain_label("", self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("報告書のプレビュー"))
        # Assemble
        options = QHBoxLayout()
        options.addWidget(plain_label(self.tr("年度"), self))
        options.addWidget(self.year)
        options.addWidget(plain_label(self.tr("この人数未満の集団は表示しない"), self))
        options.addWidget(self.min_group)
        options.addWidget(self.preview_button)
        options.addStretch(1)
        options.addWidget(self.logout_button)
        saves = QHBoxLayout()
        for button in self.save_buttons.values():
            saves.addWidget(button)
        saves.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(options)
        layout.addLayout(saves)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        # Connect
        self.preview_button.clicked.connect(
            lambda: self.preview_requested.emit(self.year.value(), self.min_group.value()))
        for fmt, button in self.save_buttons.items():
            button.clicked.connect(lambda _checked=False, f=fmt: self._ask_path(f))
        self.logout_button.clicked.connect(self.logout.emit)

    def _ask_path(self, fmt: str) -> None:
        pattern = dict(FORMATS)[fmt]
        suggested = f"ict-literacy-{self.year.value()}.{fmt}"
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("保存先"), suggested, pattern)
        if path:
            self.save_requested.emit(self.year.value(), self.min_group.value(), fmt, path)

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        self.status.setText(text)
        for button in (self.preview_button, *self.save_buttons.values()):
            button.setEnabled(not busy)

    def focus_default(self) -> None:
        self.preview_button.setFocus()
