"""The plain main window opens on a seeded database and shows what it loaded."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from literacy_app.config import Settings
from literacy_app.ui.app import MainWindow


def test_main_window_shows_loaded_counts(qtbot, published, tmp_path):
    window = MainWindow(published, Settings("sqlite:///x", "ja", tmp_path))
    qtbot.addWidget(window)
    window.show()
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert "問題 11 問・出題設計 1 件を読み込みました。" in texts
    assert window.windowTitle() == "ICTリテラシー確認"
