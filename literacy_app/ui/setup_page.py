"""初期設定: shown instead of the login while the installation has no staff account.

Two ways on: create the administrator (the password rule is stated before it is typed), after
which a short guide says what comes next; or 体験モード, a sandbox with demo staff and an open
window, to sit a real attempt within a minute.  Pages lay out and emit; the main window decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..services.accounts import MIN_PASSWORD_LENGTH
from .common import plain_label


class SetupPage(QWidget):
    create_requested = Signal(str, str, str)  # username, password, display name
    sandbox_requested = Signal()
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Widgets
        self.title = plain_label(self.tr("初期設定"), self, size_delta=10, bold=True)
        self.intro = plain_label(self.tr(
            "このアプリにはまだ職員のアカウントがありません。はじめに管理者のアカウントを作成してください。"
            "まず操作を試したいときは「体験モード」を選ぶと、練習用のデータで実際に受験できます"
            "（本番のデータには何も残りません）。"), self, size_delta=1)
        self.username = QLineEdit(self)
        self.username.setAccessibleName(self.tr("管理者のユーザー名"))
        self.username.setMaxLength(100)
        self.display_name = QLineEdit(self)
        self.display_name.setAccessibleName(self.tr("表示名"))
        self.display_name.setMaxLength(200)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("パスワード"))
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("パスワード（確認）"))
        self.rule = plain_label(self.tr("パスワードは {0} 文字以上にしてください。長い文（例: 好きな言葉を 3 つ"
                                        "並べる）が覚えやすく安全です。").format(MIN_PASSWORD_LENGTH), self)
        self.create_button = QPushButton(self.tr("管理者を作成する"), self)
        self.create_button.setDefault(True)
        self.sandbox_button = QPushButton(self.tr("体験モードで試す(&T)"), self)  # Alt+T
        self.sandbox_button.setAutoDefault(False)
        self.message = plain_label("", self)
        self.message.setAccessibleName(self.tr("お知らせ"))
        self.message.setStyleSheet("color: #b00020;")
        self.guide = plain_label("", self, selectable=True)
        self.guide.setVisible(False)
        self.login_button = QPushButton(self.tr("ログイン画面へ"), self)
        self.login_button.setVisible(False)
        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("管理者のユーザー名"), self.username)
        form.addRow(self.tr("表示名（任意）"), self.display_name)
        form.addRow(self.tr("パスワード"), self.password)
        form.addRow(self.tr("パスワード（確認）"), self.again)
        self.form = QWidget(self)
        self.form.setLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sandbox_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        box = QVBoxLayout()
        for widget in (self.title, self.intro, self.form, self.rule):
            box.addWidget(widget)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addWidget(self.guide)
        box.addWidget(self.login_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 3)
        outer.addStretch(1)
        # Connect
        self.create_button.clicked.connect(self._create)
        self.again.returnPressed.connect(self._create)
        self.sandbox_button.clicked.connect(self._sandbox)
        self.login_button.clicked.connect(self.done.emit)

    def focus_default(self) -> None:
        (self.login_button if self.login_button.isVisible() else self.username).setFocus()

    def _create(self) -> None:
        if not self.username.text().strip():
            self.show_error(self.tr("管理者のユーザー名を入力してください。"))
            self.username.setFocus()
        elif len(self.password.text()) < MIN_PASSWORD_LENGTH:
            self.show_error(self.tr("パスワードが短すぎます（{0} 文字以上）。").format(MIN_PASSWORD_LENGTH))
            self.password.setFocus()
        elif self.password.text() != self.again.text():
            self.show_error(self.tr("確認のパスワードが一致しません。もう一度入力してください。"))
            self.again.clear()
            self.again.setFocus()
        else:
            self.set_busy(True, self.tr("作成しています…"))
            self.create_requested.emit(self.username.text().strip(), self.password.text(),
                                       self.display_name.text().strip())

    def _sandbox(self) -> None:
        self.set_busy(True, self.tr("体験用のデータを準備しています…"))
        self.sandbox_requested.emit()

    def set_busy(self, busy: bool, text: str = "") -> None:
        for button in (self.create_button, self.sandbox_button):
            button.setEnabled(not busy)
        self.message.setStyleSheet("" if busy else "color: #b00020;")
        self.message.setText(text)

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)

    def show_created(self, username: str) -> None:
        """The administrator exists: what to do next, in order."""
        self.password.clear()
        self.again.clear()
        self.form.setVisible(False)
        self.rule.setVisible(False)
        self.create_button.setVisible(False)
        self.sandbox_button.setVisible(False)
        self.message.clear()
        self.intro.setText(self.tr("管理者「{0}」を作成しました。").format(username))
        self.guide.setText("\n".join([
            self.tr("次の手順:"),
            self.tr("1. 人事担当・研修担当のアカウントを作ります: "
                    "literacy-app user add <名前> --role hr（または trainer）"),
            self.tr("2. 職員の名簿（CSV または Excel）を取り込みます: literacy-app roster import <ファイル>"
                    "（--dry-run で先に確認できます）"),
            self.tr("3. 試験を公開します: literacy-app assessment open recruit-standard（出題設計の名前を間違えると、"
                    "使える名前が表示されます）"),
            self.tr("4. 結果は「職員ログイン（人事・研修）」から人事の画面で確認し、報告書を作ります。"),
            self.tr("詳しくは README と docs/ の説明を読んでください。"),
        ]))
        self.guide.setVisible(True)
        self.login_button.setVisible(True)
        self.login_button.setDefault(True)
        self.login_button.setFocus()
