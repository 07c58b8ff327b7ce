"""個人データの保存期間 (in HR's 職員 tab): the city's retention period, what it would do now, and
carrying it out — administrators only (the service refuses anyone else, and says so here).

Pseudonymisation cannot be undone, so 実行 is enabled only after a preview has shown how many
people it concerns, and only for that stored period.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ..common import error_text, plain_label


class RetentionBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("個人データの保存期間（管理者）"), parent)
        self.years = QSpinBox(self)
        self.years.setRange(1, 100)
        self.years.setValue(5)
        self.years.setSuffix(self.tr(" 年度"))
        self.years.setAccessibleName(self.tr("保存する年度の数"))
        self.save_button = QPushButton(self.tr("保存期間を設定"), self)
        self.check_button = QPushButton(self.tr("対象を確認"), self)
        self.apply_button = QPushButton(self.tr("仮名化を実行…"), self)
        self.apply_button.setEnabled(False)
        self.state = plain_label(self.tr("退職・転出した人の氏名と職員番号を、保存期間を過ぎたら仮名に置き換えます"
                                         "（結果と統計は残ります）。「対象を確認」で現在の設定を表示します。"), self)
        row = QHBoxLayout()
        row.addWidget(self.years)
        row.addWidget(self.save_button)
        row.addWidget(self.check_button)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.state)


class RetentionPresenter(QObject):
    def __init__(self, box: RetentionBox, backend: Any, actor: Callable[[], Any], lang: str) -> None:
        super().__init__(box)
        self.box, self.backend, self.actor, self.lang = box, backend, actor, lang
        box.save_button.clicked.connect(lambda: self.run(save=True))
        box.check_button.clicked.connect(lambda: self.run())
        box.apply_button.clicked.connect(self.confirm_apply)

    def confirm_apply(self) -> None:
        """Pseudonymisation cannot be undone: ask once more, in the app's own words."""
        from PySide6.QtWidgets import QMessageBox

        question = QMessageBox(QMessageBox.Icon.Warning, self.tr("仮名化の実行"),
                               self.tr("確認した人の氏名と職員番号を仮名に置き換えます。元に戻せません。実行しますか？"),
                               parent=self.box)
        run = question.addButton(self.tr("実行する"), QMessageBox.ButtonRole.AcceptRole)
        question.addButton(self.tr("やめる"), QMessageBox.ButtonRole.RejectRole)
        question.exec()
        if question.clickedButton() is run:
            self.run(apply=True)

    def run(self, *, save: bool = False, apply: bool = False) -> None:
        if self.actor() is None:
            return
        self.box.apply_button.setEnabled(False)

        def done(status: Any) -> None:
            if status.years is None:
                self.box.state.setText(self.tr("保存期間はまだ設定されていません。年度の数を選んで「保存期間を設定」を"
                                               "押してください。"))
                return
            self.box.years.setValue(status.years)
            report = status.report
            if report.dry_run:
                self.box.state.setText(self.tr("保存期間: {0} 年度。{1} 年度より前に退職・転出し、その後受験していない "
                                               "{2} 人が仮名化の対象です（まだ何も変えていません）。")
                                       .format(status.years, report.before_year, report.people))
                self.box.apply_button.setEnabled(report.people > 0)
            else:
                self.box.state.setText(self.tr("{0} 人を仮名化しました（監査ログに記録しました）。")
                                       .format(report.people))

        self.backend.retention(self.actor(), self.box.years.value() if save else None, save, apply, done,
                               lambda error: self.box.state.setText(error_text(error, self.lang)))
