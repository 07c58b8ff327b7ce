"""Choice items: single (radio buttons), multiple (check boxes) and true/false.

Option texts may be long sentences (up to 500 characters), so the buttons here wrap their text
like a label instead of growing as wide as the sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from ...core.model import FormItem
from ..common import plain_label
from .items_base import AnswerEditor, button_text, same_value

_TEXT_FLAGS = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
               | Qt.TextFlag.TextShowMnemonic)
_MARGIN = 2
_HUGE = 1_000_000


class _WrappingButton:
    """Mixin for QRadioButton / QCheckBox: the label wraps to the width the layout gives."""

    _indicator: QStyle.PrimitiveElement
    _metrics: tuple[QStyle.PixelMetric, QStyle.PixelMetric, QStyle.PixelMetric]  # width, height, spacing

    def _setup_wrapping(self) -> None:
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # as a wrapping label
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _indicator_size(self) -> QSize:
        width, height, _spacing = self._metrics
        style = self.style()
        return QSize(style.pixelMetric(width, None, self), style.pixelMetric(height, None, self))

    def _text_left(self) -> int:
        spacing = self.style().pixelMetric(self._metrics[2], None, self)
        return _MARGIN + self._indicator_size().width() + spacing

    def _text_height(self, text_width: int) -> int:
        rect = QRect(0, 0, max(1, text_width), _HUGE)
        return self.fontMetrics().boundingRect(rect, _TEXT_FLAGS, self.text()).height()

    def _natural_text_width(self) -> int:
        return self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, self.text()).width()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        text_height = self._text_height(width - self._text_left() - _MARGIN)
        return max(self._indicator_size().height(), text_height) + 2 * _MARGIN

    def _hint(self, max_ems: int) -> QSize:
        em = self.fontMetrics().height()
        width = self._text_left() + min(self._natural_text_width(), max_ems * em) + _MARGIN
        return QSize(width, self.heightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._hint(30)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._hint(6)

    def hitButton(self, pos) -> bool:  # noqa: N802 - Qt override: the whole row, text included
        return self.rect().contains(pos)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        indicator = QStyleOptionButton(option)
        size = self._indicator_size()
        top = _MARGIN + max(0, (self.fontMetrics().height() - size.height()) // 2)  # beside line 1
        indicator.rect = QRect(_MARGIN, top, size.width(), size.height())
        painter.drawPrimitive(self._indicator, indicator)
        left = self._text_left()
        text_rect = QRect(left, _MARGIN, max(1, self.width() - left - _MARGIN), self.height() - 2 * _MARGIN)
        painter.drawItemText(text_rect, int(_TEXT_FLAGS), option.palette, self.isEnabled(), self.text(),
                             QPalette.ColorRole.WindowText)
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = self.fontMetrics().boundingRect(text_rect, _TEXT_FLAGS, self.text()).adjusted(-1, 0, 1, 0)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)


class WrappingRadioButton(_WrappingButton, QRadioButton):
    _indicator = QStyle.PrimitiveElement.PE_IndicatorRadioButton
    _metrics = (QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
                QStyle.PixelMetric.PM_RadioButtonLabelSpacing)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._setup_wrapping()


class WrappingCheckBox(_WrappingButton, QCheckBox):
    _indicator = QStyle.PrimitiveElement.PE_IndicatorCheckBox
    _metrics = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
                QStyle.PixelMetric.PM_CheckBoxLabelSpacing)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._setup_wrapping()


class _ChoiceEditor(AnswerEditor):
    """Numbered buttons, one per value; subclasses decide exclusivity and the response shape."""

    def __init__(self, item: FormItem, choices: list[tuple[Any, str]], exclusive: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self._values = [value for value, _text in choices]
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._layout = layout
        # Radio buttons share an exclusive group; check boxes get none, so Tab visits each of them
        self._group = QButtonGroup(self) if exclusive else None
        self.buttons: list[QRadioButton | QCheckBox] = []
        kind = WrappingRadioButton if exclusive else WrappingCheckBox
        for number, (_value, text) in enumerate(choices, start=1):
            button = kind(button_text(text), self)
            button.setAccessibleName(self.tr("選択肢 {number}: {text}").format(number=number, text=text))
            if self._group is not None:
                self._group.addButton(button, number - 1)
            button.toggled.connect(lambda checked, index=number - 1: self._toggled(index, checked))
            layout.addWidget(button)
            self.buttons.append(button)

    def _toggled(self, index: int, checked: bool) -> None:
        if not self._loading:
            self._report(index, checked)

    def _report(self, index: int, checked: bool) -> None:
        raise NotImplementedError

    def _set_checked(self, checked: list[bool]) -> None:
        self._loading = True
        if self._group is not None:
            self._group.setExclusive(False)  # an exclusive group refuses to uncheck its last button
        try:
            for button, state in zip(self.buttons, checked, strict=True):
                button.setChecked(state)
        finally:
            if self._group is not None:
                self._group.setExclusive(True)
            self._loading = False

    def _checked_values(self) -> list[Any]:
        return [value for value, button in zip(self._values, self.buttons, strict=True) if button.isChecked()]

    def clear(self) -> None:
        self._set_checked([False] * len(self.buttons))

    def control_for(self, number: int) -> QWidget | None:
        return self.buttons[number - 1] if 1 <= number <= len(self.buttons) else None

    def controls(self) -> list[QWidget]:
        return list(self.buttons)


class _ExclusiveEditor(_ChoiceEditor):
    def __init__(self, item: FormItem, choices: list[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(item, choices, True, parent)

    def _report(self, index: int, checked: bool) -> None:
        if checked:  # the button losing its check also toggles; report the new one only
            self.changed.emit(self._values[index])

    def value(self) -> Any:
        checked = self._checked_values()
        return checked[0] if len(checked) == 1 else None

    def set_value(self, value: Any) -> None:
        self._set_checked([same_value(value, candidate) for candidate in self._values])

    def choose(self, number: int) -> bool:
        button = self.control_for(number)
        if button is None:
            return False
        button.setChecked(True)  # reports through _toggled unless it was already chosen
        return True


class SingleEditor(_ExclusiveEditor):
    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        super().__init__(item, list(item.options), parent)


class TrueFalseEditor(_ExclusiveEditor):
    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        choices = [(True, QCoreApplication.translate("TrueFalseEditor", "○ 正しい")),
                   (False, QCoreApplication.translate("TrueFalseEditor", "× 誤り"))]
        super().__init__(item, choices, parent)


class MultipleEditor(_ChoiceEditor):
    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        super().__init__(item, list(item.options), False, parent)
        self.hint = plain_label(self.tr("当てはまるものをすべて選んでください"), self)
        self._layout.insertWidget(0, self.hint)

    def _report(self, index: int, checked: bool) -> None:
        self.changed.emit(self.value())

    def value(self) -> Any:
        return self._checked_values() or None

    def set_value(self, value: Any) -> None:
        wanted = value if isinstance(value, list) else []
        self._set_checked([candidate in wanted for candidate in self._values])

    def choose(self, number: int) -> bool:
        button = self.control_for(number)
        if button is None:
            return False
        button.setChecked(not button.isChecked())
        return True
