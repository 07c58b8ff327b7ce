"""Small helpers every screen uses: plain-text labels, message rendering, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ..core.errors import UserError


def plain_label(text: str = "", parent: QWidget | None = None, *, size_delta: int = 0, bold: bool = False,
                selectable: bool = False) -> QLabel:
    """A word-wrapped label that never interprets its text as markup (bank text is untrusted)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if size_delta or bold:
        label.setProperty("size_delta", size_delta)
        label.setProperty("bold", bold)
        apply_relative_font(label, label.font().pointSize())
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def apply_relative_font(widget: QWidget, base_point_size: int) -> None:
    """Headings keep their size relative to the app's text size when the examinee changes it."""
    delta = int(widget.property("size_delta") or 0)
    font = widget.font()
    font.setPointSize(max(6, base_point_size + delta))
    font.setBold(bool(widget.property("bold")))
    widget.setFont(font)


def error_text(error: BaseException, lang: str) -> str:
    """A sentence for the examinee; anything unexpected becomes a calm generic message."""
    if isinstance(error, UserError):
        return error.render(lang)
    if lang == "en":
        return "Something went wrong. Please tell the exam supervisor; your answers so far are kept."
    return "問題が発生しました。試験監督者に伝えてください。ここまでの解答は保存されています。"


def ui_settings(data_dir: Path) -> QSettings:
    """Per-user UI preferences (language, text size) in the app's data folder."""
    return QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)


def wait_for(condition: Callable[[], bool], limit_ms: int) -> None:
    """Keep the event loop (and so the worker's callbacks) running until ``condition`` or the limit."""
    clock = QElapsedTimer()
    clock.start()
    while not condition() and clock.elapsed() < limit_ms:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
