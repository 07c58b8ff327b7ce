"""Before the final submit: unanswered and flagged items, each one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ..common import plain_label


class ReviewPage(QWidget):
    jump = Signal(int)
    back = Signal()
    submit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unanswered = 0
        # Widgets
        self.heading = plain_label(self.tr("見直し"), self, size_delta=6, bold=True)
        self.summary = plain_label("", self, size_delta=2)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("未解答と見直し印の問題"))
        self.hint = plain_label(self.tr("問題を選んで Enter キーかダブルクリックで、その問題に戻ります。"), self)
        self.notice = plain_label("", self, bold=True)  # why a submit is waiting (saving, server away)
        self.notice.setVisible(False)
        self.back_button = QPushButton(self.tr("試験に戻る"), self)
        self.submit_button = QPushButton(self.tr("提出する"), self)
        self.submit_button.setAccessibleName(self.tr("提出する"))
        self.submit_button.setAutoDefault(False)
        self.back_button.setAutoDefault(False)
        # Assemble
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        # Connect
        self.back_button.clicked.connect(self.back.emit)
        self.submit_button.clicked.connect(self.confirm_submit)
        self.list.itemActivated.connect(lambda entry: self.jump.emit(entry.data(Qt.ItemDataRole.UserRole)))
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.confirm_submit)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_summary(self, entries: list[tuple[int, bool, bool]]) -> None:
        self.show_notice("")
        self.list.clear()
        self._all_answered = False
        self._unanswered = sum(1 for _p, answered, _f in entries if not answered)
        flagged = sum(1 for _p, _a, flag in entries if flag)
        self.summary.setText(self.tr("全 {0} 問のうち、未解答 {1} 問、見直し印 {2} 問です。").format(
            len(entries), self._unanswered, flagged))
        for number, (position, answered, flag) in enumerate(entries, start=1):
            if answered and not flag:
                continue
            states = ([self.tr("未解答")] if not answered else []) + ([self.tr("見直し印")] if flag else [])
            entry = QListWidgetItem(self.tr("問 {0}　{1}").format(number, "・".join(states)))
            entry.setData(Qt.ItemDataRole.UserRole, position)
            self.list.addItem(entry)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(QListWidgetItem(self.tr("すべての問題に解答しています。")))
            self._all_answered = True

    def focus_default(self) -> None:
        (self.submit_button if getattr(self, "_all_answered", False) else self.list).setFocus()

    def confirm_submit(self) -> None:
        text = self.tr("提出すると、解答は変更できなくなります。提出しますか？")
        if self._unanswered:
            text = self.tr("未解答の問題が {0} 問あります。").format(self._unanswered) + "\n" + text
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("提出の確認"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("提出する(&S)"))  # Alt+S: keyboard users too
        box.button(QMessageBox.StandardButton.No).setText(self.tr("戻る(&B)"))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter does not submit by surprise
        box.setTextFormat(Qt.TextFormat.PlainText)
        self._confirm_box = box
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.submit.emit()
