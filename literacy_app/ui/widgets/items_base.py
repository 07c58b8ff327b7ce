"""Shared pieces of the item widgets: safe text helpers and the answer-editor base class.

Bank text is never markup: labels are plain text, button texts have their '&' doubled so Qt does
not turn them into keyboard mnemonics.  Each item type has an ``AnswerEditor`` that owns the
answer controls; ``ItemView`` (items.py) wraps one with the stem, the image and the clear button.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from ...core.model import FormItem


def button_text(text: str) -> str:
    """A button label that shows ``text`` literally ('&' would otherwise become a mnemonic)."""
    return text.replace("&", "&&")


def push_button(text: str, accessible_name: str, parent: QWidget | None = None) -> QPushButton:
    """A push button that never becomes a dialog's default (Enter in a text field must not press it)."""
    button = QPushButton(button_text(text), parent)
    button.setAutoDefault(False)
    button.setDefault(False)
    button.setAccessibleName(accessible_name)
    return button


def same_value(a: Any, b: Any) -> bool:
    """Equality that tells True from 1 and 1.0 from '1' (responses of different types differ)."""
    return type(a) is type(b) and a == b


class NoWheelComboBox(QComboBox):
    """A combo box that ignores the mouse wheel, so scrolling the page never changes an answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()


class AnswerEditor(QWidget):
    """The answer controls of one item type.

    ``changed`` carries the new value (shape of ``normalise_response``) after a user action;
    ``edited`` says only that what is on screen changed (e.g. a keystroke before the debounce).
    ``set_value`` and ``clear`` are silent: the owning view decides what to emit.
    """

    changed = Signal(object)
    edited = Signal()

    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item

    def value(self) -> Any:
        """The current response, None when unanswered."""
        return None

    def set_value(self, value: Any) -> None:
        """Show a saved response; a value of the wrong shape is ignored (shows unanswered)."""

    def clear(self) -> None:
        """Back to unanswered."""

    def has_input(self) -> bool:
        """Is there anything on screen the clear button could take away?"""
        return self.value() is not None

    def choose(self, number: int) -> bool:
        """Keyboard digit ``number`` (1-based); False when this type has no numbered choices."""
        return False

    def control_for(self, number: int) -> QWidget | None:
        """The control that ``choose(number)`` acts on, if any."""
        return None

    def controls(self) -> list[QWidget]:
        """The answer controls in tab order."""
        return []

    def flush(self) -> None:
        """Report an answer typed but not yet reported (text types debounce)."""
