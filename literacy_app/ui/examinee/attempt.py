"""One item per page with the navigator, the timer, the save state and the case text beside.

The page holds layout and keyboard handling only; saving, finishing and timing decisions are
made by the controller, which listens to this page's signals.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.model import AttemptState, FormItem
from ..common import plain_label
from ..widgets.items import ItemView
from .navigator import Navigator

WARN_AT_SECONDS = (300, 60)


class AttemptPage(QWidget):
    answer_changed = Signal(int, object)   # position, response
    flag_toggled = Signal(int, bool)
    position_changed = Signal(int)
    review_requested = Signal()
    time_up = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: AttemptState | None = None
        self.items: list[FormItem] = []
        self.answers: dict[int, Any] = {}
        self.flags: set[int] = set()
        self.images: dict[str, bytes] = {}
        self.index = 0
        self.view: ItemView | None = None
        self._remaining_at_load = 0.0
        self._clock = QElapsedTimer()
        self._warned: set[int] = set()
        self._expired = False
        # Widgets
        self.title = plain_label("", self, size_delta=2, bold=True)
        self.timer_label = plain_label("", self, size_delta=6, bold=True)
        self.timer_label.setAccessibleName(self.tr("残り時間"))
        self.save_label = plain_label("", self)
        self.save_label.setAccessibleName(self.tr("保存の状態"))
        self.banner = plain_label("", self, size_delta=1, bold=True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; border-radius: 4px;")
        self.banner.hide()
        self.navigator = Navigator(self)
        self.counter = plain_label("", self, size_delta=1, bold=True)
        self.scenario_title = plain_label("", self, bold=True)
        self.scenario_text = QPlainTextEdit(self)
        self.scenario_text.setReadOnly(True)
        self.scenario_text.setAccessibleName(self.tr("事例の本文"))
        self.scenario_panel = QWidget(self)
        self.item_area = QScrollArea(self)
        self.item_area.setWidgetResizable(True)
        self.prev_button = QPushButton(self.tr("← 前へ"), self)
        self.flag_button = QPushButton(self.tr("あとで見直す"), self)
        self.flag_button.setCheckable(True)
        self.next_button = QPushButton(self.tr("次へ →"), self)
        self.review_button = QPushButton(self.tr("見直し・提出へ"), self)
        names = ((self.prev_button, self.tr("前の問題へ")), (self.flag_button, self.tr("あとで見直す印")),
                 (self.next_button, self.tr("次の問題へ")), (self.review_button, self.tr("見直し・提出へ")))
        for button, name in names:
            button.setAccessibleName(name)
            button.setAutoDefault(False)  # Enter never jumps pages by surprise
        self._ticker = QTimer(self)
        self._ticker.setInterval(500)
        # Assemble
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.save_label)
        header.addSpacing(16)
        header.addWidget(self.timer_label)
        scenario_layout = QVBoxLayout(self.scenario_panel)
        scenario_layout.setContentsMargins(0, 0, 0, 0)
        scenario_layout.addWidget(self.scenario_title)
        scenario_layout.addWidget(self.scenario_text, 1)
        item_side = QWidget(self)
        item_layout = QVBoxLayout(item_side)
        item_layout.setContentsMargins(0, 0, 0, 0)
        item_layout.addWidget(self.counter)
        item_layout.addWidget(self.item_area, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.scenario_panel)
        self.splitter.addWidget(item_side)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.navigator)
        left.addStretch(1)
        body.addLayout(left)
        body.addWidget(self.splitter, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.prev_button)
        footer.addWidget(self.flag_button)
        footer.addStretch(1)
        footer.addWidget(self.next_button)
        footer.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        self.setTabOrder(self.prev_button, self.flag_button)
        self.setTabOrder(self.flag_button, self.next_button)
        self.setTabOrder(self.next_button, self.review_button)
        # Connect
        self.prev_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.flag_button.clicked.connect(self.toggle_flag)
        self.review_button.clicked.connect(self._review)
        self.navigator.jump.connect(self.go_to_position)
        self._ticker.timeout.connect(self._tick)
        self._shortcuts()

    def _shortcuts(self) -> None:
        def bind(keys: list[QKeySequence | str], slot: Any) -> None:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

        bind(["Right", "PgDown"], lambda: self.go(self.index + 1))
        bind(["Left", "PgUp"], lambda: self.go(self.index - 1))
        bind(["Ctrl+F"], self.toggle_flag)
        bind(["Ctrl+Return", "Ctrl+Enter"], self._review)
        for number in range(1, 10):
            bind([str(number)], lambda n=number: self.view.choose(n) if self.view is not None else None)

    # Loading ---------------------------------------------------------------------------------
    def load(self, state: AttemptState, images: dict[str, bytes] | None = None) -> None:
        self.state = state
        self.items = list(state.items)
        self.answers = dict(state.answers)
        self.flags = set(state.flags)
        self.images = images or {}
        self._expired = False
        self._warned = {limit for limit in WARN_AT_SECONDS if state.remaining_seconds <= limit}
        self.banner.hide()
        self.title.setText(state.title)
        self.navigator.build([item.position for item in self.items])
        self._remaining_at_load = state.remaining_seconds
        self._clock.start()
        self._ticker.start()
        self._tick()
        positions = [item.position for item in self.items]
        start = positions.index(state.last_position) if state.last_position in positions else 0
        self.index = -1
        self.go(start)

    def remaining_seconds(self) -> float:
        return max(0.0, self._remaining_at_load - self._clock.elapsed() / 1000)

    # Navigation ------------------------------------------------------------------------------
    def go_to_position(self, position: int) -> None:
        for index, item in enumerate(self.items):
            if item.position == position:
                self.go(index)

    def go(self, index: int) -> None:
        if not self.items or not 0 <= index < len(self.items) or index == self.index:
            return
        self.commit_typing()
        self.index = index
        item = self.items[index]
        image = self.images.get(item.image["sha256"]) if item.image else None
        previous = self.item_area.takeWidget()
        if previous is not None:
            previous.hide()  # hands the keyboard focus back before the next item takes it
            previous.deleteLater()  # safe even when called from one of its own key events
        self.view = ItemView(item, self.answers.get(item.position), image)
        self.view.answer_changed.connect(lambda response, p=item.position: self._answered(p, response))
        self.view.setEnabled(not self._expired)
        self.item_area.setWidget(self.view)
        self.counter.setText(self.tr("問 {0} / {1}").format(index + 1, len(self.items)))
        if item.scenario:
            self.scenario_title.setText(self.tr("事例: {0}").format(item.scenario.get("title", "")))
            self.scenario_text.setPlainText(item.scenario.get("text", ""))
        self.scenario_panel.setVisible(bool(item.scenario))
        self.flag_button.setChecked(item.position in self.flags)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.items) - 1)
        self._refresh_navigator()
        self.view.focus_first()
        self.position_changed.emit(item.position)

    def commit_typing(self) -> None:
        """A typed answer is reported now, not after the typing pause (leaving the item, submit)."""
        if self.view is not None:
            self.view.commit_pending()

    def focus_default(self) -> None:
        if self.view is not None:
            self.view.focus_first()

    def current_position(self) -> int:
        return self.items[self.index].position

    # Answers and flags -----------------------------------------------------------------------
    def _answered(self, position: int, response: Any) -> None:
        if response is None:
            self.answers.pop(position, None)
        else:
            self.answers[position] = response
        self._refresh_navigator()
        self.answer_changed.emit(position, response)

    def _review(self) -> None:
        self.commit_typing()
        self.review_requested.emit()

    def toggle_flag(self) -> None:
        if not self.items or self._expired:
            return
        position = self.current_position()
        flagged = position not in self.flags
        if flagged:
            self.flags.add(position)
        else:
            self.flags.discard(position)
        self.flag_button.setChecked(flagged)
        self._refresh_navigator()
        self.flag_toggled.emit(position, flagged)

    def _refresh_navigator(self) -> None:
        for index, item in enumerate(self.items):
            self.navigator.update_state(item.position, item.position in self.answers, item.position in self.flags,
                                        index == self.index)

    # Status ----------------------------------------------------------------------------------
    def set_save_state(self, pending: int, retrying: bool, durable: bool) -> None:
        """Three states the examinee can tell apart: sent and acknowledged (保存済み), on this PC's
        disk but not yet acknowledged, and — only if the journal cannot be written — in memory."""
        if retrying and durable:
            text = self.tr("このパソコンに保存済み・送信待ち（{0} 件）。接続が戻ると自動で送信します").format(pending)
            self.save_label.setStyleSheet("color: #8a5300;")
        elif retrying:
            text = self.tr("保存を再試行しています。アプリを閉じないでください（未保存 {0} 件）").format(pending)
            self.save_label.setStyleSheet("color: #a31515;")
        elif pending:
            text = self.tr("このパソコンに保存済み・送信中…") if durable else self.tr("保存中…")
            self.save_label.setStyleSheet("color: #555;")
        else:
            text = self.tr("✓ 保存済み")
            self.save_label.setStyleSheet("color: #1b6e20;")
        self.save_label.setText(text)

    def show_notice(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _tick(self) -> None:
        remaining = self.remaining_seconds()
        minutes, seconds = divmod(int(remaining + 0.999), 60)
        self.timer_label.setText(self.tr("残り {0}:{1:02d}").format(minutes, seconds))
        for limit in WARN_AT_SECONDS:
            if remaining <= limit and limit not in self._warned:
                self._warned.add(limit)
                self.show_notice(self.tr("残り {0} 分です。").format(limit // 60))
        if remaining <= 0 and not self._expired:
            self.expire()

    def expire(self) -> None:
        """Time is up: no more answers; the controller stores and submits what there is."""
        self.commit_typing()
        self._expired = True
        self._ticker.stop()
        if self.view is not None:
            self.view.setEnabled(False)
        self.show_notice(self.tr("時間になりました。ここまでの解答で提出しています…"))
        self.time_up.emit()

    def stop(self) -> None:
        self._ticker.stop()

    def summary(self) -> list[tuple[int, bool, bool]]:
        """(position, answered, flagged) for the review page."""
        return [(item.position, item.position in self.answers, item.position in self.flags) for item in self.items]
