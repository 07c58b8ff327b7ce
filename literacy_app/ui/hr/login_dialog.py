"""Staff login (user name and password) for the HR and trainer screens."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from ..common import plain_label


class StaffLoginDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("職員ログイン"))
        # Widgets
        self.username = QLineEdit(self)
        self.username.setAccessibleName(self.tr("ユーザー名"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("パスワード"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("ログイン"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("やめる"))
        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("ユーザー名"), self.username)
        form.addRow(self.tr("パスワード"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("人事担当者のアカウントでログインしてください。"), self))
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Connect
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[str, str] | None:
        """(user name, password), or None when cancelled."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.username.text().strip(), dialog.password.text()
