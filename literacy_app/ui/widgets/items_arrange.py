"""Arranging items: ordering (a list moved with buttons or Alt+arrows) and matching (combo boxes)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.model import FormItem
from ..common import plain_label
from .items_base import AnswerEditor, NoWheelComboBox, push_button

_ID_ROLE = Qt.ItemDataRole.UserRole


class OrderList(QListWidget):
    """The list of an ordering item; Alt+Up / Alt+Down ask to move the selected entry."""

    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content_height = -1
        self.setWordWrap(True)  # long entries wrap at the list's width instead of scrolling sideways
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: tall enough for every entry
        height = self.contentsSize().height()
        if height <= 0:  # not laid out yet
            height = sum(self.sizeHintForRow(row) + 2 * self.spacing() for row in range(self.count()))
        em = self.fontMetrics().height()
        return QSize(20 * em, max(height, 2 * em) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        em = self.fontMetrics().height()
        return QSize(8 * em, min(self.sizeHint().height(), 8 * em))

    def updateGeometries(self) -> None:  # noqa: N802 - Qt override: re-laid out (e.g. wrapped anew)
        super().updateGeometries()
        height = self.contentsSize().height()
        if height != self._content_height:
            self._content_height = height
            self.updateGeometry()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.AltModifier:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key())
            if step is not None:
                self.move_requested.emit(step)
                event.accept()
                return
        super().keyPressEvent(event)


class OrderingEditor(AnswerEditor):
    """The shown order is not an answer until the examinee moves an entry or accepts the order."""

    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self._texts = dict(item.options)
        self._initial = [option_id for option_id, _text in item.options]
        self._answered = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(self.tr(
            "項目を選んで「上へ」「下へ」で正しい順番に並べ替えてください（Alt＋↑・Alt＋↓ でも動かせます）。"), self))
        row = QHBoxLayout()
        self.list = OrderList(self)
        self.list.setAccessibleName(self.tr("並べ替える項目"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list.setSpacing(3)
        row.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.up_button = push_button(self.tr("上へ"), self.tr("選んだ項目を上へ移動"), self)
        self.down_button = push_button(self.tr("下へ"), self.tr("選んだ項目を下へ移動"), self)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row)
        accept_row = QHBoxLayout()
        self.accept_button = push_button(self.tr("この順番で解答する"), self.tr("この順番で解答する"), self)
        accept_row.addWidget(self.accept_button)
        accept_row.addStretch(1)
        layout.addLayout(accept_row)
        self.status = plain_label("", self)
        layout.addWidget(self.status)
        self._fill(self._initial)
        self.list.currentRowChanged.connect(self._update_controls)
        self.list.move_requested.connect(self.move)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.accept_button.clicked.connect(self._accept)
        self._update_controls()

    def order(self) -> list[str]:
        return [self.list.item(row).data(_ID_ROLE) for row in range(self.list.count())]

    def _fill(self, order: list[str]) -> None:
        self.list.clear()
        for option_id in order:
            entry = QListWidgetItem(self._texts[option_id])
            entry.setData(_ID_ROLE, option_id)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)

    def move(self, step: int) -> None:
        """Move the selected entry ``step`` places (−1 up, +1 down); it stays selected."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        focused = QApplication.focusWidget()
        entry = self.list.takeItem(row)
        self.list.insertItem(target, entry)
        self.list.setCurrentRow(target)
        self.list.scrollToItem(entry)
        self._answered = True
        self._update_controls()
        if focused is self.list or (focused in (self.up_button, self.down_button) and not focused.isEnabled()):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)  # the entry keeps focus; an end button is off
        self.changed.emit(self.order())

    def _accept(self) -> None:
        self._answered = True
        self._update_controls()
        self.changed.emit(self.order())

    def _update_controls(self, *_args: Any) -> None:
        row = self.list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
        self.status.setText(self.tr("この順番で解答しています。") if self._answered else
                            self.tr("まだ解答していません。並べ替えるか、このままでよければ「この順番で解答する」を押してください。"))

    def value(self) -> Any:
        return self.order() if self._answered else None

    def set_value(self, value: Any) -> None:
        if isinstance(value, list) and len(value) == len(self._initial) and set(value) == set(self._initial):
            self._fill(value)
            self._answered = True
            self._update_controls()

    def clear(self) -> None:
        self._answered = False
        self._fill(self._initial)
        self._update_controls()

    def controls(self) -> list[QWidget]:
        return [self.list, self.up_button, self.down_button, self.accept_button]


class MatchingEditor(AnswerEditor):
    """One combo box per premise; the first entry means 'not chosen yet'."""

    def __init__(self, item: FormItem, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self._loading = False
        self._premise_ids = [premise_id for premise_id, _text in item.premises]
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self.combos: list[NoWheelComboBox] = []
        for number, (_premise_id, text) in enumerate(item.premises, start=1):
            label = plain_label(text, self)  # no buddy: a buddy would turn '&' in bank text into a mnemonic
            combo = NoWheelComboBox(self)
            combo.setAccessibleName(self.tr("組み合わせ {number}: {text}").format(number=number, text=text))
            combo.addItem(self.tr("（選んでください）"), None)
            for option_id, option_text in item.options:
                combo.addItem(option_text, option_id)
            combo.setSizeAdjustPolicy(NoWheelComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self._index_changed)
            layout.addWidget(label, number - 1, 0)
            layout.addWidget(combo, number - 1, 1)
            self.combos.append(combo)

    def _index_changed(self, _index: int) -> None:
        if not self._loading:
            self.changed.emit(self.value())

    def value(self) -> Any:
        pairs = zip(self._premise_ids, self.combos, strict=True)
        chosen = {premise_id: combo.currentData() for premise_id, combo in pairs if combo.currentIndex() > 0}
        return chosen or None

    def _show(self, value: dict[str, Any]) -> None:
        self._loading = True
        try:
            for premise_id, combo in zip(self._premise_ids, self.combos, strict=True):
                index = combo.findData(value.get(premise_id)) if value.get(premise_id) is not None else 0
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False

    def set_value(self, value: Any) -> None:
        if isinstance(value, dict):
            self._show(value)

    def clear(self) -> None:
        self._show({})

    def controls(self) -> list[QWidget]:
        return list(self.combos)
