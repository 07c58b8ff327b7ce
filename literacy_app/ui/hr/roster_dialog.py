"""名簿の取り込み in HR's window: choose the file, see what it would do, then import it.

The preview is a dry run of the real import (nothing stored): how many people would be added,
changed or left as they are, every bad row with its row number (the first 200, then the count),
and — when the file is declared the whole roster — who would be deactivated.  「取り込む」 is
enabled only after a clean preview of the same file and choice, and imports exactly what was shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..common import plain_label


class RosterDialog(QDialog):
    preview_requested = Signal(str, bool)           # path, full
    import_requested = Signal(str, bool, list)      # path, full, confirmed 職員番号

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("名簿の取り込み"))
        self.resize(760, 560)
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("名簿のファイル"))
        self.browse = QPushButton(self.tr("ファイルを選ぶ…"), self)
        self.full = QCheckBox(self.tr("この名簿は全職員分です（載っていない人を無効にする: 退職・転出など）"), self)
        self.preview_button = QPushButton(self.tr("内容を確認する"), self)
        self.import_button = QPushButton(self.tr("取り込む"), self)
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("閉じる"), self)
        self.status = plain_label(self.tr("CSV（UTF-8 または Shift_JIS）か Excel の名簿を選び、"
                                          "「内容を確認する」を押してください。確認の段階では何も保存しません。"), self)
        self.result = QPlainTextEdit(self)  # plain text: roster cells are never markup
        self.result.setReadOnly(True)
        self.result.setAccessibleName(self.tr("確認の結果"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.full)
        layout.addWidget(self.status)
        layout.addWidget(self.result, 1)
        layout.addLayout(buttons)
        self.browse.clicked.connect(self._browse)
        self.preview_button.clicked.connect(self._preview)
        self.import_button.clicked.connect(self._import)
        self.close_button.clicked.connect(self.reject)
        self.path.textChanged.connect(self._forget)
        self.full.toggled.connect(self._forget)
        self._checked: tuple[str, bool, list[str]] | None = None

    def _browse(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(self, self.tr("名簿のファイル"), "",
                                                      "CSV / Excel (*.csv *.txt *.xlsx)")
        if path:
            self.path.setText(path)

    def _forget(self) -> None:
        self._checked = None
        self.import_button.setEnabled(False)

    def _preview(self) -> None:
        if not self.path.text().strip():
            self.status.setText(self.tr("名簿のファイルを選んでください。"))
            return
        self.set_busy(True, self.tr("確認しています…"))
        self.preview_requested.emit(self.path.text().strip(), self.full.isChecked())

    def _import(self) -> None:
        if self._checked is None:
            return
        self.set_busy(True, self.tr("取り込んでいます…"))
        self.import_requested.emit(*self._checked)

    def set_busy(self, busy: bool, text: str = "") -> None:
        for button in (self.preview_button, self.browse):
            button.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self._checked is not None)
        if text:
            self.status.setText(text)

    def show_preview(self, report: Any) -> None:
        """The dry run's report (``services.roster.RosterReport``)."""
        lines = [self.tr("取り込むと: 新規 {0} 人、更新 {1} 人、変更なし {2} 人").format(
            report.new, report.updated, report.unchanged)]
        if report.deactivated:
            lines.append(self.tr("名簿にないため無効にする人: {0} 人（結果は残り、新しい試験には表示されなく"
                                 "なります）").format(len(report.deactivated)))
            lines += [f"  {staff_no}\t{name}\t{org}" for staff_no, name, org in report.deactivated]
        if report.problems:
            lines = [self.tr("誤りが {0} 件あるため取り込めません。ファイルを直して、もう一度確認して"
                             "ください。").format(len(report.problems) + report.unlisted), *report.problems]
            if report.unlisted:
                lines.append(self.tr("ほかにも {0} 件の誤りがあります（最初の {1} 件だけを表示しています）").format(
                    report.unlisted, len(report.problems)))
        self.result.setPlainText("\n".join(lines))
        clean = not report.problems
        self._checked = ((self.path.text().strip(), self.full.isChecked(),
                          [staff_no for staff_no, _name, _org in report.deactivated]) if clean else None)
        self.set_busy(False, self.tr("確認しました（まだ保存していません）。よければ「取り込む」を押してください。")
                      if clean else self.tr("誤りがあります。何も保存していません。"))

    def show_imported(self, report: Any) -> None:
        self._checked = None
        self.set_busy(False, self.tr("取り込みました: 新規 {0} 人、更新 {1} 人、変更なし {2} 人、無効にした人 "
                                     "{3} 人").format(report.new, report.updated, report.unchanged,
                                                       len(report.deactivated)))

    def show_error(self, text: str) -> None:
        self.set_busy(False, text)
