"""Composition root of the GUI: settings → database → main window.

Until the examinee screens land this is a plain status window, so that the launch command can
be tried on a fresh PC: it shows which database is open and what the shipped banks hold.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget
from sqlalchemy import func, select

from ..bootstrap import open_database
from ..config import Settings
from ..core.errors import UserError
from ..storage.models import Blueprint, Item
from ..storage.uow import Database


class MainWindow(QMainWindow):
    """The application window; holds its database and nothing global."""

    def __init__(self, database: Database, settings: Settings) -> None:
        super().__init__()
        self.setWindowTitle("ICTリテラシー確認")
        with database.uow(read_only=True) as uow:
            items = uow.session.scalar(select(func.count()).select_from(Item)) or 0
            blueprints = uow.session.scalar(select(func.count()).select_from(Blueprint)) or 0
        # Assemble
        body = QWidget(self)
        layout = QVBoxLayout(body)
        title = QLabel("ICTリテラシー確認アプリ", body)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        status = QLabel(f"問題 {items} 問・出題設計 {blueprints} 件を読み込みました。", body)
        where = QLabel(f"データベース: {settings.db_url}", body)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (title, status, where):
            widget.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setCentralWidget(body)
        self.resize(720, 480)


def run(settings: Settings) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    try:
        database = open_database(settings.db_url)
    except UserError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "ICTリテラシー確認", exc.render(settings.lang))
        return 1
    window = MainWindow(database, settings)
    window.show()
    code = app.exec()
    database.dispose()
    return int(code)
