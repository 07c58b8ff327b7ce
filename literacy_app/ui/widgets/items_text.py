"""Typed answers: numeric and short text, reported at the next turn of the event loop after a keystroke.

The response is the text as typed; the service normalises full-width digits and commas.  A
numeric answer that is not a number is reported as unanswered (the service would refuse it) and
a gentle hint says how to write it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ...core.errors import UserError
from ...core.itemtypes.numeric import parse_number
from ...core.itemtypes.short_text import MAX_LENGTH
from ...core.model import FormItem
from ..common import plain_label
from .items_base import AnswerEditor

DEBOUNCE_MS = 0
"""No pause before an answer is reported: it goes to the PC's answer journal at once (a crash a
moment after typing must not lose it); keystrokes that arrive together are reported once, and
the saver coalesces what it sends onward."""
SHORT_TEXT_MAX = MAX_LENGTH  # the service refuses longer text


def is_number(text: str) -> bool:
    """Would the service accept ``text`` as a numeric answer (NFKC, commas removed)?"""
    try:
        return parse_number(text) is not None
    except UserError:
        return False


class _TextEditor(AnswerEditor):
    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self._loading = False
        self._reported: Any = None
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.tr("解答欄"))
        self.edit.setClearButtonEnabled(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self.flush)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def _text_changed(self, _text: str) -> None:
        if self._loading:
            return
        self._timer.start()
        self._typing()
        self.edited.emit()

    def _typing(self) -> None:
        """Hook run on every keystroke."""

    def _value_of(self, text: str) -> Any:
        return text if text.strip() else None

    def value(self) -> Any:
        return self._value_of(self.edit.text())

    def has_input(self) -> bool:
        return bool(self.edit.text().strip())

    def flush(self) -> None:
        self._timer.stop()
        value = self.value()
        if value != self._reported:  # the same text twice is no change
            self._reported = value
            self.changed.emit(value)

    def _show_text(self, text: str) -> None:
        self._timer.stop()
        self._loading = True
        try:
            self.edit.setText(text)
        finally:
            self._loading = False
        self._reported = self.value()

    def clear(self) -> None:
        self._show_text("")

    def controls(self) -> list[QWidget]:
        return [self.edit]


class NumericEditor(_TextEditor):
    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.edit.setMaxLength(40)
        self._fit_width()
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        if item.unit:
            self.unit = plain_label(item.unit, self)
            self.unit.setWordWrap(False)
            row.addWidget(self.unit)
            self.edit.setAccessibleName(self.tr("解答欄（単位: {unit}）").format(unit=item.unit))
        row.addStretch(1)
        self._layout.addLayout(row)
        self.hint = plain_label(self.tr("数字で入力してください（全角・半角どちらでも構いません）"), self)
        self.hint.setVisible(False)
        self._layout.addWidget(self.hint)

    def _fit_width(self) -> None:
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 24)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override: follow the app's zoom
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def _value_of(self, text: str) -> Any:
        return text if is_number(text) else None

    def _update_hint(self) -> None:
        wrong = bool(self.edit.text().strip()) and not is_number(self.edit.text())
        self.hint.setVisible(wrong)
        self.edit.setAccessibleDescription(self.hint.text() if wrong else "")

    def _typing(self) -> None:
        if self.hint.isVisibleTo(self) and (is_number(self.edit.text()) or not self.edit.text().strip()):
            self._update_hint()  # the hint goes as soon as the text is right; it comes only after a pause

    def flush(self) -> None:
        self._update_hint()
        super().flush()

    def _show_text(self, text: str) -> None:
        super()._show_text(text)
        self._update_hint()

    def set_value(self, value: Any) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            value = int(value)  # the stored form is a float: show 12, not 12.0
        if isinstance(value, (int, float, str)):
            self._show_text(str(value))


class ShortTextEditor(_TextEditor):
    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.edit.setMaxLength(SHORT_TEXT_MAX)
        self._layout.addWidget(self.edit)

    def set_value(self, value: Any) -> None:
        if isinstance(value, str):
            self._show_text(value[:SHORT_TEXT_MAX])
