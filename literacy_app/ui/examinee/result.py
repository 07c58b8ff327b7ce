"""The result: total, pass/fail where shown, the area profile, what to study next, and — when
the review policy allows — each item's key and explanation."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...core.catalog import area_name
from ...core.itemtypes import TYPES
from ...core.model import AttemptResult
from ..common import plain_label
from ..widgets.chart import area_chart

STUDY_BELOW_PERCENT = 60.0
MAX_STUDY_AREAS = 3


def weakest_areas(result: AttemptResult) -> list[str]:
    """Areas under their minimum or under 60 %, weakest first, at most three."""
    weak = [a for a in result.areas if not a.passed or a.percent < STUDY_BELOW_PERCENT]
    return [a.area for a in sorted(weak, key=lambda a: (a.percent, a.area))[:MAX_STUDY_AREAS]]


def describe(entry: dict[str, Any], value: Any, lang: str) -> str:
    """A response or key in words, using the option texts the examinee saw."""
    if value is None:
        return "（未解答）" if lang == "ja" else "(no answer)"
    kind = TYPES.get(entry["type"])
    return kind.describe(value, entry, lang) if kind else str(value)


class ResultPage(QWidget):
    done = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.body = QWidget()
        self.layout_body = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.done_button = QPushButton(self.tr("終了してログイン画面へ"), self)
        self.done_button.setAccessibleName(self.tr("終了してログイン画面へ"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.done_button.clicked.connect(self.done.emit)
        self.chart: QWidget | None = None

    def show_result(self, result: AttemptResult, links: dict[str, list[tuple[str, str]]],
                    show_pass_fail: bool) -> None:
        while self.layout_body.count():
            child = self.layout_body.takeAt(0).widget()
            if child is not None:
                child.deleteLater()
        add = self.layout_body.addWidget
        add(plain_label(self.tr("結果"), self.body, size_delta=6, bold=True))
        if result.finished_by == "timeout":
            add(plain_label(self.tr("制限時間になったため、その時点までの解答で提出されました。"), self.body))
        add(plain_label(self.tr("得点 {0:g} / {1:g}（{2:.0f}%）").format(
            result.score, result.max_score, result.percent), self.body, size_delta=4, bold=True))
        if show_pass_fail:
            verdict = self.tr("合格基準を満たしています") if result.passed else self.tr("合格基準に達していません")
            add(plain_label(verdict, self.body, size_delta=3, bold=True))
        names = [area_name(a.area, self.lang) for a in result.areas]
        self.chart = area_chart(names, [a.percent for a in result.areas], [a.minimum_percent for a in result.areas],
                                self.tr("領域別の得点率"), self.tr("あなたの得点率"), self.tr("基準"), self.body)
        add(self.chart)
        weak = weakest_areas(result)
        add(plain_label(self.tr("次に学ぶとよい領域"), self.body, size_delta=3, bold=True))
        if not weak:
            add(plain_label(self.tr("すべての領域で基準を上回っています。引き続き新しい情報に触れてください。"),
                            self.body))
        for area in weak:
            add(plain_label(area_name(area, self.lang), self.body, size_delta=1, bold=True))
            for title, url in links.get(area, []):
                add(_link(title, url, self.body))
        if result.review:
            add(plain_label(self.tr("解答と解説"), self.body, size_delta=3, bold=True))
            add(self._review_text(result))
        self.layout_body.addStretch(1)

    def focus_default(self) -> None:
        self.done_button.setFocus()

    def _review_text(self, result: AttemptResult) -> QPlainTextEdit:
        lines = []
        for number, entry in enumerate(result.review, start=1):
            mark = "○" if entry["fraction"] >= 0.999 else ("△" if entry["fraction"] > 0 else "×")
            lines += [
                self.tr("問 {0}　{1}").format(number, mark),
                entry["stem"].strip(),
                self.tr("あなたの解答: {0}").format(describe(entry, entry["response"], self.lang)),
                self.tr("正解: {0}").format(describe(entry, entry["key"], self.lang)),
                *(self.tr("あなたの解答について: {0}").format(text.strip()) for text in entry.get("feedback", [])),
                self.tr("解説: {0}").format(entry["explanation"].strip()),
                "",
            ]
        text = QPlainTextEdit(self.body)
        text.setReadOnly(True)
        text.setPlainText("\n".join(lines))
        text.setMinimumHeight(360)
        text.setAccessibleName(self.tr("解答と解説"))
        return text


def _link(title: str, url: str, parent: QWidget) -> QLabel:
    """A clickable link whose title (from a bank) is escaped, never interpreted as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(f'・<a href="{html.escape(url, quote=True)}">{html.escape(title)}</a>')
    label.setOpenExternalLinks(True)
    label.setAccessibleName(title)
    return label

