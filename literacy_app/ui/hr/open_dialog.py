"""試験を開く: HR opens an assessment window from the window, as ``assessment open`` does.

The blueprint is chosen from the published ones by its title (no id to remember); dates and times
are Japan time.  Who may sit it: the blueprint's 区分 or another, 所属, and optionally a list of
職員番号 read from a file here (problems shown with their line).  How they prove who they are: one
code for the room, a personal code on a printed 受験票 (the PDF is saved right after opening), or
no code — which the dialog says works on a single PC only (the LAN exam server refuses it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
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

ROOM_CODE, PERSON_CODES, NO_CODE = "room", "person", "none"


def _edit_time(value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def _with_button(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


def _instant(edit: QDateTimeEdit) -> dt.datetime:
    """What the edit shows, read as Japan time (never this PC's zone)."""
    shown = edit.dateTime()
    day, clock = shown.date(), shown.time()
    return dt.datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=JST)


class OpenWindowDialog(QDialog):
    open_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None, now: dt.datetime | None = None, lang: str = "ja") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("試験を開く"))
        self.setMinimumWidth(640)  # the hints in the empty fields stay readable
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
        self.target = QComboBox(self)
        self.target.setAccessibleName(self.tr("対象"))
        self.target.addItem(self.tr("職員"), None)
        self.audience = QComboBox(self)
        self.audience.setAccessibleName(self.tr("対象の区分"))
        self.audience.addItem(self.tr("出題設計の区分"), None)
        for key, names in AUDIENCE_NAMES.items():
            self.audience.addItem(names["ja"], [key])
        self.audience.addItem(self.tr("すべての区分"), [])
        self.staff_list = QLineEdit(self)
        self.staff_list.setPlaceholderText(self.tr("空欄なら名簿の全員（1 行に 1 つの職員番号、CSV または Excel）"))
        self.staff_list.setAccessibleName(self.tr("対象者の名簿ファイル"))
        self.staff_list_button = QPushButton(self.tr("参照…"), self)
        self.mode = QComboBox(self)
        self.mode.setAccessibleName(self.tr("本人確認の方法"))
        self.mode.addItem(self.tr("会場で共通のアクセスコードを入力"), ROOM_CODE)
        self.mode.addItem(self.tr("一人ずつの個人コード（受験票を印刷）"), PERSON_CODES)
        self.mode.addItem(self.tr("コードなし（この PC の単独利用のみ）"), NO_CODE)
        self.slips_path = QLineEdit(self)
        self.slips_path.setAccessibleName(self.tr("受験票の保存先"))
        self.slips_button = QPushButton(self.tr("参照…"), self)
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
        form.addRow(self.tr("受験できる回数"), self.attempts)
        form.addRow(self.tr("対象"), self.target)
        form.addRow(self.tr("対象の区分"), self.audience)
        form.addRow(self.tr("対象の所属"), self.units)
        form.addRow(self.tr("対象者の名簿"), _with_button(self.staff_list, self.staff_list_button))
        form.addRow(self.tr("本人確認"), self.mode)
        form.addRow(self.tr("アクセスコード"), self.code)
        form.addRow(self.tr("受験票の保存先"), _with_button(self.slips_path, self.slips_button))
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
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.staff_list_button.clicked.connect(self._choose_staff_list)
        self.slips_button.clicked.connect(self._choose_slips_path)
        self._mode_changed()

    def set_selections(self, selections: list[Any]) -> None:
        """The hiring selections still kept: a window may be opened to one of them instead of staff."""
        for info in selections:
            if info.deleted_at is None:
                self.target.addItem(self.tr("採用試験: {0}（{1} 人）").format(info.title, info.applicants), info.id)

    def _target_changed(self) -> None:
        staff = self.target.currentData() is None  # applicants have no 区分, 所属 or 職員番号
        for widget in (self.audience, self.units, self.staff_list, self.staff_list_button):
            widget.setEnabled(staff)

    def _mode_changed(self) -> None:
        mode = self.mode.currentData()
        self.code.setEnabled(mode == ROOM_CODE)
        self.slips_path.setEnabled(mode == PERSON_CODES)
        self.slips_button.setEnabled(mode == PERSON_CODES)

    def _choose_staff_list(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(self, self.tr("対象者の名簿"), "",
                                                      self.tr("名簿 (*.txt *.csv *.xlsx)"))
        if path:
            self.staff_list.setText(path)

    def _choose_slips_path(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("受験票の保存先"), "受験票.pdf", "PDF (*.pdf)")
        if path:
            self.slips_path.setText(path)

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
        mode = self.mode.currentData()
        code = self.code.text().strip() if mode == ROOM_CODE else ""
        if info is None:
            self.show_error(self.tr("出題設計を選んでください。"))
        elif closes <= opens:
            self.show_error(self.tr("終了は開始より後にしてください。"))
        elif mode == ROOM_CODE and not code:
            self.show_error(self.tr("アクセスコードを入力してください（受験者に会場で伝えるコードです）。"))
        elif mode == PERSON_CODES and not self.slips_path.text().strip():
            self.show_error(self.tr("受験票（PDF）の保存先を選んでください。"))
        else:
            spec = {"blueprint": info.id, "opens_at": opens, "closes_at": closes,
                    "title": self.title_edit.text().strip() or None, "access_code": code or None,
                    "max_attempts": self.attempts.value(), "person_codes": mode == PERSON_CODES,
                    "org_prefixes": [part.strip() for part in self.units.text().replace("、", ",").split(",")
                                     if part.strip()]}
            if self.target.currentData() is not None:
                spec["selection"] = self.target.currentData()
                spec["org_prefixes"] = []
            elif self.audience.currentData() is not None:
                spec["audiences"] = self.audience.currentData()
            if self.target.currentData() is None and self.staff_list.text().strip():
                numbers = self._read_staff_list(self.staff_list.text().strip())
                if numbers is None:
                    return
                spec["staff_nos"] = numbers
            if mode == PERSON_CODES:
                spec["slips_path"] = self.slips_path.text().strip()
            self.open_button.setEnabled(False)
            self.message.setText("")
            self.open_requested.emit(spec)

    def _read_staff_list(self, path: str) -> list[str] | None:
        """The list's numbers, or None after showing its problems (``file:line: message``)."""
        from pathlib import Path

        from ...core.staff_list import read_staff_list

        found = read_staff_list(Path(path))
        if found.problems:
            shown = [problem.render(self.lang) for problem in found.problems[:5]]
            more = len(found.problems) - len(shown)
            if more:
                shown.append(self.tr("ほか {0} 件").format(more))
            self.show_error("\n".join(shown))
            return None
        return list(found.lines)

    def show_error(self, text: str) -> None:
        self.open_button.setEnabled(True)
        self.message.setText(text)


class WindowEndDialog(QDialog):
    """締め切る / 終了を変更: the window's end as HR sees it (JST), a new end, or 「今すぐ締め切る」.
    Closing now is decided by the database's (or the exam server's) clock, never this PC's."""

    change_requested = Signal(object)  # a datetime, or None for now

    def __init__(self, title: str, closes_at: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("試験の終了"))
        shown = closes_at.astimezone(JST)
        self.info = plain_label(self.tr("{0}: 終了 {1}（日本時間）。受験中の人は、開始時に決まった制限時間まで"
                                        "受験を続けられます。").format(title, f"{shown:%Y-%m-%d %H:%M}"), self)
        self.closes = _edit_time(shown)
        self.closes.setAccessibleName(self.tr("新しい終了日時"))
        self.message = plain_label("", self)
        self.message.setStyleSheet("color: #b00020;")
        self.change_button = QPushButton(self.tr("終了日時を変更"), self)
        self.close_now_button = QPushButton(self.tr("今すぐ締め切る"), self)
        self.cancel_button = QPushButton(self.tr("やめる"), self)
        self.cancel_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("新しい終了（日本時間）"), self.closes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_now_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.change_button.clicked.connect(lambda: self._request(_instant(self.closes)))
        self.close_now_button.clicked.connect(lambda: self._request(None))
        self.cancel_button.clicked.connect(self.reject)

    def _request(self, closes_at: dt.datetime | None) -> None:
        self.change_button.setEnabled(False)
        self.close_now_button.setEnabled(False)
        self.message.setText("")
        self.change_requested.emit(closes_at)

    def show_error(self, text: str) -> None:
        self.change_button.setEnabled(True)
        self.close_now_button.setEnabled(True)
        self.message.setText(text)
