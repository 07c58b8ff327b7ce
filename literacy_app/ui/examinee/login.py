"""Login by 職員番号.  The database opens in the background while this page is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..common import plain_label


class LoginPage(QWidget):
    submitted = Signal(str)
    language_changed = Signal(str)
    staff_login_requested = Signal()
    leave_sandbox = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Widgets
        self.title = plain_label(self.tr("ICTリテラシー確認"), self, size_delta=10, bold=True)
        intro = self.tr("職員番号（採用試験を受ける方は受験番号）を入力して「次へ」を押してください。")
        self.intro = plain_label(intro, self, size_delta=2)
        self.staff_no = QLineEdit(self)
        self.staff_no.setAccessibleName(self.tr("職員番号"))
        self.staff_no.setPlaceholderText(self.tr("例: 001234"))
        self.staff_no.setMaxLength(32)
        self.next_button = QPushButton(self.tr("次へ"), self)
        self.next_button.setAccessibleName(self.tr("次へ"))
        self.next_button.setDefault(True)
        self.message = plain_label("", self)
        self.message.setAccessibleName(self.tr("お知らせ"))
        self.message.setStyleSheet("color: #b00020;")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("準備中"))
        self.progress_text = plain_label("", self)
        self.language = QComboBox(self)
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "ja" else 1)
        self.language.setAccessibleName(self.tr("表示言語"))
        self.staff_button = QPushButton(self.tr("職員ログイン（人事・研修）"), self)
        self.staff_button.setAccessibleName(self.tr("職員ログイン（人事・研修）"))
        self.staff_button.setAutoDefault(False)
        self.sandbox_note = plain_label("", self, selectable=True)  # 体験モード: what to type, and that it is practice
        self.sandbox_note.setStyleSheet("background: #fff4c2; color: #3d2e00; border: 2px solid #b38f00; padding: 8px;")
        self.sandbox_note.setVisible(False)
        self.leave_button = QPushButton(self.tr("体験モードを終える"), self)
        self.leave_button.setAutoDefault(False)
        self.leave_button.setVisible(False)
        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("職員番号"), self.staff_no)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        footer = QHBoxLayout()
        footer.addWidget(self.staff_button)
        footer.addWidget(self.leave_button)
        footer.addStretch(1)
        footer.addWidget(plain_label(self.tr("表示言語"), self))
        footer.addWidget(self.language)
        box = QVBoxLayout()
        box.addWidget(self.sandbox_note)
        box.addWidget(self.title)
        box.addWidget(self.intro)
        box.addSpacing(12)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addWidget(self.progress)
        box.addWidget(self.progress_text)
        box.addStretch(1)
        box.addLayout(footer)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 3)
        outer.addStretch(1)
        # Connect
        self.next_button.clicked.connect(self._submit)
        self.staff_button.clicked.connect(self.staff_login_requested.emit)
        self.leave_button.clicked.connect(self.leave_sandbox.emit)
        self.staff_no.returnPressed.connect(self._submit)
        self.language.currentIndexChanged.connect(
            lambda _index: self.language_changed.emit(self.language.currentData()))
        self.set_busy(True, self.tr("問題を準備しています…"))
        self.staff_no.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_sandbox(self, staff_no: str, hr_username: str, hr_password: str) -> None:
        """体験モード: a practice database; say so, and what to type."""
        self.sandbox_note.setText("\n".join([
            self.tr("体験モード（練習用のデータベースです。本番のデータには何も残りません）"),
            self.tr("受験してみる: 職員番号 {0} を入力して「次へ」").format(staff_no),
            self.tr("人事の画面を見る: 「職員ログイン（人事・研修）」でユーザー名 {0}、パスワード {1}").format(
                hr_username, hr_password),
        ]))
        self.sandbox_note.setVisible(True)
        self.leave_button.setVisible(True)

    def _submit(self) -> None:
        number = self.staff_no.text().strip()
        if not number:
            self.show_error(self.tr("職員番号（または受験番号）を入力してください。"))
            return
        if self.next_button.isEnabled():
            self.show_error("")
            self.submitted.emit(number)

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.next_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_text.setText(text)
        self.progress_text.setVisible(busy and bool(text))

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def reset(self) -> None:
        self.staff_no.clear()
        self.show_error("")

    def focus_default(self) -> None:
        self.staff_no.setFocus(Qt.FocusReason.OtherFocusReason)
