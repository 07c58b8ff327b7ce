"""試験を開く: HR opens an assessment window from the window, as ``assessment open`` does.

The blueprint is chosen from the published ones by its title (no id to remember); dates and times
are Japan time; the access code is asked for, and the dialog says that a window without one can
be sat on a single PC only (the LAN exam server refuses it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import AUDIENCE_NAMES
from ...core.fiscal import JST
from ..common import plain_label


def _edit_time(value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def _instant(edit: QDateTimeEdit) -> dt.datetime:
    """What the edit shows, read as Japan time (never this PC's zone)."""
    shown = edit.dateTime()
    day, clock = shown.date(), shown.time()
    return dt.datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=JST)


class OpenWindowDialog(QDialog):
    open_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None, now: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("試験を開く"))
        start = (now or dt.datetime.now(JST)).astimezone(JST).replace(second=0, microsecond=0)
        self.blueprint = QComboBox(self)
        self.blueprint.setAccessibleName(self.tr("出題設計"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("試験の名前"))
        self.opens = _edit_time(start)
        self.closes = _edit_time(start + dt.timedelta(days=14))
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("アクセスコード"))
        self.code.setMaxLength(64)
        self.attempts = QSpinBox(self)
        self.attempts.setRange(1, 10)
        self.attempts.setAccessibleName(self.tr("受験できる回数"))
        self.units = QLineEdit(self)
        self.units.setPlaceholderText(self.tr("空欄なら全所属（例: 総務局, 市民局/区政部）"))
        self.units.setAccessibleName(self.tr("対象の所属"))
        self.note = plain_label(self.tr("日時は日本時間です。コードを付けない試験は、LAN の試験サーバーでは"
                                        "受験できません（この PC の単独利用でのみ受験できます）。"), self)
        self.message = plain_label("", self)
        self.message.setStyleSheet("color: #b00020;")
        self.open_button = QPushButton(self.tr("開く"), self)
        self.open_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("やめる"), self)
        form = QFormLayout()
        form.addRow(self.tr("出題設計"), self.blueprint)
        form.addRow(self.tr("試験の名前"), self.title_edit)
        form.addRow(self.tr("開始（日本時間）"), self.opens)
        form.addRow(self.tr("終了（日本時間）"), self.closes)
        form.addRow(self.tr("アクセスコード"), self.code)
        form.addRow(self.tr("受験できる回数"), self.attempts)
        form.addRow(self.tr("対象の所属"), self.units)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.blueprint.currentIndexChanged.connect(self._blueprint_changed)
        self.open_button.clicked.connect(self._open)
        self.cancel_button.clicked.connect(self.reject)

    def set_blueprints(self, blueprints: list[Any]) -> None:
        self.blueprint.clear()
        for info in blueprints:
            audience = AUDIENCE_NAMES.get(info.audience, {}).get("ja", info.audience)
            self.blueprint.addItem(self.tr("{0}（{1}・{2} 問・{3} 分）").format(info.title, audience, info.items,
                                                                             info.minutes), info)

    def _blueprint_changed(self) -> None:
        info = self.blueprint.currentData()
        if info is not None:
            self.title_edit.setText(info.title)

    def _open(self) -> None:
        info = self.blueprint.currentData()
        opens, closes = _instant(self.opens), _instant(self.closes)
        if info is None:
            self.show_error(self.tr("出題設計を選んでください。"))
        elif closes <= opens:
            self.show_error(self.tr("終了は開始より後にしてください。"))
        else:
            self.open_button.setEnabled(False)
            self.message.setText("")
            prefixes = [part.strip() for part in self.units.text().replace("、", ",").split(",") if part.strip()]
            self.open_requested.emit({"blueprint": info.id, "opens_at": opens, "closes_at": closes,
                                      "title": self.title_edit.text().strip() or None,
                                      "access_code": self.code.text().strip() or None,
                                      "max_attempts": self.attempts.value(), "org_prefixes": prefixes})

    def show_error(self, text: str) -> None:
        self.open_button.setEnabled(True)
        self.message.setText(text)
