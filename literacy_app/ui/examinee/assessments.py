"""The assessments open to this person now; an unfinished attempt offers 「続きから再開」."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...core.model import OpenAssessment
from ..common import plain_label


class AssessmentListPage(QWidget):
    chosen = Signal(object)  # OpenAssessment
    logout = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Widgets
        self.heading = plain_label(self.tr("受験できる試験"), self, size_delta=6, bold=True)
        self.greeting = plain_label("", self)
        self.logout_button = QPushButton(self.tr("戻る"), self)
        self.logout_button.setAccessibleName(self.tr("ログイン画面に戻る"))
        self.list_area = QScrollArea(self)
        self.list_area.setWidgetResizable(True)
        self.list_body = QWidget()
        self.list_layout = QVBoxLayout(self.list_body)
        self.list_area.setWidget(self.list_body)
        self.buttons: list[QPushButton] = []
        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.logout_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.greeting)
        layout.addWidget(self.list_area, 1)
        # Connect
        self.logout_button.clicked.connect(self.logout.emit)

    def set_assessments(self, staff_no: str, assessments: list[OpenAssessment]) -> None:
        self.greeting.setText(self.tr("職員番号 {0} で受験できる試験です。").format(staff_no))
        while self.list_layout.count():
            child = self.list_layout.takeAt(0).widget()
            if child is not None:
                child.deleteLater()
        self.buttons = []
        for assessment in assessments:
            self.list_layout.addWidget(self._card(assessment))
        self.list_layout.addStretch(1)

    def focus_default(self) -> None:
        (self.buttons[0] if self.buttons else self.logout_button).setFocus()

    def _card(self, assessment: OpenAssessment) -> QFrame:
        card = QFrame(self.list_body)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        closes = assessment.closes_at.astimezone().strftime("%Y-%m-%d %H:%M") if assessment.closes_at else "-"
        details = self.tr("問題数 {0} 問 ・ 制限時間 {1} 分 ・ 受験期限 {2} ・ 残り受験回数 {3} 回").format(
            assessment.item_count, assessment.time_limit_minutes, closes, assessment.attempts_left)
        resume = assessment.unfinished_attempt_id is not None
        button = QPushButton(self.tr("続きから再開") if resume else self.tr("受験する"), card)
        button.setAccessibleName(f"{button.text()}: {assessment.title}")
        button.clicked.connect(lambda _checked=False, a=assessment: self.chosen.emit(a))
        self.buttons.append(button)
        layout = QHBoxLayout(card)
        text = QVBoxLayout()
        text.addWidget(plain_label(assessment.title, card, size_delta=3, bold=True))
        text.addWidget(plain_label(details, card))
        if resume:
            text.addWidget(plain_label(self.tr("途中の解答があります。時間は中断中も進んでいます。"), card))
        layout.addLayout(text, 1)
        layout.addWidget(button)
        return card
