"""What the examinee must know before the clock starts: time, items, saving, crashes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core.model import OpenAssessment
from ..common import plain_label


class InstructionsPage(QWidget):
    begin = Signal(object)  # access code (str) or None
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Widgets
        self.heading = plain_label("", self, size_delta=6, bold=True)
        self.summary = plain_label("", self, size_delta=2)
        self.rules = plain_label("", self)
        self.custom = plain_label("", self)
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("アクセスコード"))
        self.code.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_row = QWidget(self)
        code_form = QFormLayout(self.code_row)
        self.code_label = plain_label(self.tr("アクセスコード（試験監督者から配られたもの）"), self.code_row)
        self.code_label.setBuddy(self.code)
        code_form.addRow(self.code_label, self.code)
        self.message = plain_label("", self)
        self.message.setStyleSheet("color: #b00020;")
        self.back_button = QPushButton(self.tr("戻る"), self)
        self.begin_button = QPushButton(self.tr("試験を始める"), self)
        self.begin_button.setAccessibleName(self.tr("試験を始める"))
        # Assemble
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.begin_button)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.summary, self.rules, self.custom, self.code_row, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        # Connect
        self.back_button.clicked.connect(self.back.emit)
        self.begin_button.clicked.connect(self._begin)
        self.code.returnPressed.connect(self._begin)

    def show_for(self, assessment: OpenAssessment) -> None:
        resume = assessment.unfinished_attempt_id is not None
        self.heading.setText(assessment.title)
        self.summary.setText(self.tr("問題数 {0} 問 ・ 制限時間 {1} 分").format(
            assessment.item_count, assessment.time_limit_minutes))
        self.rules.setText("\n".join([
            self.tr("・解答は選んだり入力したりした時点で自動的に保存されます。保存ボタンはありません。"),
            self.tr("・パソコンが止まったりアプリが終了したりしても、もう一度ログインすれば同じ問題から続けられます。"
                    "それまでの解答は失われません。"),
            self.tr("・制限時間は試験を始めた時刻から数えます。アプリを閉じている間も時間は進みます。"
                    "受験期限を過ぎると、その時点で終了します。"),
            self.tr("・時間になると、その時点までの解答で自動的に提出されます。"),
            self.tr("・見直したい問題には「あとで見直す」の印を付けられます。最後に見直し画面で確認してから提出します。"),
            self.tr("・キーボード: 数字キーで選択肢を選び、PageDown（または →）で次へ、PageUp（または ←）で前へ"
                    "進みます。入力欄の中では PageDown／PageUp を使ってください。Ctrl+F で見直しの印、"
                    "Ctrl+Enter で見直し画面。Ctrl+＋／Ctrl+− で文字の大きさを変えられます。"),
        ]))
        self.custom.setText(assessment.instructions or "")
        self.custom.setVisible(bool(assessment.instructions))
        # the code is asked again to continue: a 職員番号 alone must not open someone else's attempt
        self.code_row.setVisible(assessment.access_code_required)
        self.code_label.setText(self.tr("受験票のコード") if assessment.seat_codes
                                else self.tr("アクセスコード（試験監督者から配られたもの）"))
        self.code.clear()
        self.message.clear()
        self.begin_button.setText(self.tr("続きから再開する") if resume else self.tr("試験を始める"))

    def focus_default(self) -> None:
        (self.code if self.code_row.isVisibleTo(self) else self.begin_button).setFocus()

    def _begin(self) -> None:
        code = self.code.text().strip() if self.code_row.isVisibleTo(self) else None
        if self.code_row.isVisibleTo(self) and not code:
            self.message.setText(self.tr("アクセスコードを入力してください。"))
            return
        self.begin.emit(code)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
