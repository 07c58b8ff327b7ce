"""The grid of item numbers: answered, flagged, current — and a click jumps there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QToolButton, QWidget

COLUMNS = 5

_STYLE = {
    (False, False): "",
    (True, False): "background: #cfe3ff;",
    (False, True): "background: #ffe7a8;",
    (True, True): "background: #ffe7a8;",
}


class Navigator(QWidget):
    jump = Signal(int)  # position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(4)
        self.buttons: dict[int, QToolButton] = {}

    def build(self, positions: list[int]) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for index, position in enumerate(positions):
            button = QToolButton(self)
            button.setText(str(position))
            button.setMinimumSize(40, 34)
            button.setAccessibleName(self.tr("問 {0} へ移動").format(position))
            button.clicked.connect(lambda _checked=False, p=position: self.jump.emit(p))
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons[position] = button

    def update_state(self, position: int, answered: bool, flagged: bool, current: bool) -> None:
        button = self.buttons.get(position)
        if button is None:
            return
        mark = "★" if flagged else ""
        button.setText(f"{position}{mark}")
        border = "border: 3px solid #1a4f9c; font-weight: bold;" if current else "border: 1px solid #888;"
        button.setStyleSheet(_STYLE[(answered, flagged)] + border)
        states = [self.tr("解答済み") if answered else self.tr("未解答")]
        if flagged:
            states.append(self.tr("見直し印あり"))
        if current:
            states.append(self.tr("表示中"))
        button.setToolTip("・".join(states))
        button.setAccessibleDescription("・".join(states))
