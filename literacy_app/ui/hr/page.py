"""HR's page: choose 年度, assessment, 所属 and the minimum group size; preview the summary and
save it; follow an assessment's 受験状況 (progress) by 所属.

The figures are built on the worker thread; charts, HTML and PDF are drawn here on the GUI
thread (QtCharts needs it) and every saved file is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.fiscal import fiscal_year
from ..common import plain_label
from .audit_view import AuditView
from .candidates_view import CandidatesView
from .people_view import PeopleView
from .progress_view import ProgressView
from .retention_box import RetentionBox
from .selections_view import SelectionsView

LIVE_REFRESH_MS = 30_000
"""受験状況 is fetched again this often while its tab is shown (counts only: a light query)."""
FORMATS = (("html", "HTML (*.html)"), ("pdf", "PDF (*.pdf)"), ("xlsx", "Excel (*.xlsx)"), ("csv", "CSV (*.csv)"))


@dataclass(frozen=True)
class ReportChoice:
    year: int
    assessment_id: int | None
    org_unit: str | None
    min_group: int


class HrPage(QWidget):
    preview_requested = Signal()
    save_requested = Signal(str, str)   # format, path
    progress_requested = Signal()
    slips_requested = Signal(str)       # path of the seat slips PDF
    candidates_requested = Signal()
    candidates_export_requested = Signal(str)  # path of the .xlsx
    sheets_requested = Signal(str)  # path of the PDF of everyone's 個人結果票
    audit_requested = Signal()
    roster_requested = Signal()
    open_window_requested = Signal()
    window_end_requested = Signal()
    people_search_requested = Signal(str)
    person_change_requested = Signal(dict)
    audit_export_requested = Signal(str)
    year_changed = Signal(int)
    logout = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Widgets
        self.heading = plain_label(self.tr("人事の画面"), self, size_delta=6, bold=True)
        self.year = QSpinBox(self)
        self.year.setRange(2019, 2100)
        self.year.setValue(fiscal_year(dt.date.today()))
        self.year.setAccessibleName(self.tr("年度"))
        self.assessment = QComboBox(self)
        self.assessment.setAccessibleName(self.tr("試験"))
        self.assessment.setMinimumContentsLength(24)
        self.org_unit = QComboBox(self)
        self.org_unit.setAccessibleName(self.tr("所属"))
        self.org_unit.setMinimumContentsLength(16)
        self.min_group = QSpinBox(self)
        self.min_group.setRange(3, 50)
        self.min_group.setValue(5)
        self.min_group.setAccessibleName(self.tr("表示する最小の人数"))
        self.preview_button = QPushButton(self.tr("プレビュー"), self)
        self.save_buttons = {fmt: QPushButton(self.tr("{0} で保存").format(fmt.upper()), self) for fmt, _f in FORMATS}
        self.refresh_progress_button = QPushButton(self.tr("受験状況を更新"), self)
        self.slips_button = QPushButton(self.tr("受験票（個人コード）を発行…"), self)
        self.slips_button.setToolTip(self.tr("選んだ試験の対象者全員に個人コードを発行し、受験票を PDF に保存します。"
                                             "以前に発行したコードは使えなくなります。"))
        self.window_end_button = QPushButton(self.tr("締め切る・延長…"), self)
        self.window_end_button.setToolTip(self.tr("選んだ試験を今すぐ締め切るか、終了日時を変更します（監査ログに記録）。"))
        self.windows: dict[int, object] = {}
        """The year's windows by id (services.progress.WindowInfo), for their title and end."""
        self.logout_button = QPushButton(self.tr("ログアウト"), self)
        self.roster_button = QPushButton(self.tr("名簿を取り込む…"), self)
        self.open_window_button = QPushButton(self.tr("試験を開く…"), self)
        self.status = plain_label("", self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("報告書のプレビュー"))
        self.progress_view = ProgressView(self)
        self.candidates_view = CandidatesView(self)
        self.audit_view = AuditView(self)
        self.people_view = PeopleView(self)
        self.selections_view = SelectionsView(self)
        self.retention_box = RetentionBox(self.people_view)
        self.people_view.layout().addWidget(self.retention_box)
        self.tabs = QTabWidget(self)
        self.set_choices([], [])
        # Assemble
        choices = QGridLayout()
        for row, column, text in ((0, 0, self.tr("年度")), (0, 2, self.tr("試験")), (1, 0, self.tr("所属"))):
            label = plain_label(text, self)
            label.setWordWrap(False)  # a two-character label must not break into a column of characters
            choices.addWidget(label, row, column)
        choices.addWidget(self.year, 0, 1)
        choices.addWidget(self.assessment, 0, 3)
        choices.addWidget(self.org_unit, 1, 1, 1, 3)
        choices.addWidget(plain_label(self.tr("この人数未満の集団は表示しない"), self), 0, 4)
        choices.addWidget(self.min_group, 0, 5)
        choices.setColumnStretch(3, 1)
        top = QHBoxLayout()
        top.addLayout(choices, 1)
        top.addWidget(self.roster_button)
        top.addWidget(self.open_window_button)
        top.addWidget(self.logout_button)
        report_tab = QWidget(self)
        saves = QHBoxLayout()
        saves.addWidget(self.preview_button)
        saves.addSpacing(16)
        for button in self.save_buttons.values():
            saves.addWidget(button)
        saves.addStretch(1)
        report_layout = QVBoxLayout(report_tab)
        report_layout.addLayout(saves)
        report_layout.addWidget(self.preview, 1)
        progress_tab = QWidget(self)
        progress_layout = QVBoxLayout(progress_tab)
        refresh = QHBoxLayout()
        refresh.addWidget(self.refresh_progress_button)
        refresh.addWidget(self.slips_button)
        refresh.addWidget(self.window_end_button)
        refresh.addStretch(1)
        progress_layout.addLayout(refresh)
        progress_layout.addWidget(self.progress_view, 1)
        self.tabs.addTab(report_tab, self.tr("結果報告"))
        self.tabs.addTab(progress_tab, self.tr("受験状況"))
        self.tabs.addTab(self.candidates_view, self.tr("受験者一覧"))
        self.tabs.addTab(self.audit_view, self.tr("監査ログ"))
        self.tabs.addTab(self.people_view, self.tr("職員"))
        self.tabs.addTab(self.selections_view, self.tr("採用試験"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        # Connect
        self.preview_button.clicked.connect(self.preview_requested.emit)
        for fmt, button in self.save_buttons.items():
            button.clicked.connect(lambda _checked=False, f=fmt: self._ask_path(f))
        self.refresh_progress_button.clicked.connect(self.progress_requested.emit)
        self.slips_button.clicked.connect(self._ask_slips)
        self.window_end_button.clicked.connect(self.window_end_requested.emit)
        self.candidates_view.export_requested.connect(self.candidates_export_requested.emit)
        self.candidates_view.sheets_requested.connect(self.sheets_requested.emit)
        self.audit_view.load_requested.connect(self.audit_requested.emit)
        self.people_view.search_requested.connect(self.people_search_requested.emit)
        self.people_view.change_requested.connect(self.person_change_requested.emit)
        self.audit_view.export_requested.connect(self.audit_export_requested.emit)
        self.year.valueChanged.connect(self.year_changed.emit)
        self.assessment.currentIndexChanged.connect(self._assessment_changed)
        self.tabs.currentChanged.connect(self._assessment_changed)
        self.live = QTimer(self)  # 受験状況 follows the room while it is shown
        self.live.setInterval(LIVE_REFRESH_MS)
        self.live.timeout.connect(self._refresh_live)
        self.live.start()
        self.logout_button.clicked.connect(self.logout.emit)
        self.roster_button.clicked.connect(self.roster_requested.emit)
        self.open_window_button.clicked.connect(self.open_window_requested.emit)

    def set_choices(self, windows: list, units: list[str]) -> None:  # type: ignore[type-arg]
        """Fill the assessment and 所属 lists (``windows``: services.progress.WindowInfo)."""
        kept_unit = self.org_unit.currentData()
        self.assessment.blockSignals(True)
        self.assessment.clear()
        self.assessment.addItem(self.tr("この年度のすべての試験"), None)
        self.windows = {window.id: window for window in windows}
        for window in windows:
            self.assessment.addItem(f"{window.title}（{window.opens_at:%m/%d}〜{window.closes_at:%m/%d}）", window.id)
        self.assessment.blockSignals(False)
        self.org_unit.clear()
        self.org_unit.addItem(self.tr("市全体"), None)
        for unit in units:
            depth = unit.count("/")
            self.org_unit.addItem("　" * depth + unit.rsplit("/", 1)[-1], unit)
            self.org_unit.setItemData(self.org_unit.count() - 1, unit, 3)  # tooltip: the full path
        index = self.org_unit.findData(kept_unit)
        self.org_unit.setCurrentIndex(max(0, index))
        self._assessment_changed()

    def choice(self) -> ReportChoice:
        return ReportChoice(self.year.value(), self.assessment.currentData(), self.org_unit.currentData(),
                            self.min_group.value())

    def _assessment_changed(self) -> None:
        if self.tabs.currentWidget() is self.selections_view:
            self.selections_view.load_requested.emit()
        has_one = self.assessment.currentData() is not None
        self.refresh_progress_button.setEnabled(has_one)
        self.slips_button.setEnabled(has_one)
        self.window_end_button.setEnabled(has_one)
        if not has_one:
            self.progress_view.clear(self.tr("試験を選ぶと、その受験状況を所属ごとに表示します。"))
            self.candidates_view.clear(self.tr("試験を選ぶと、その受験者を氏名と結果で一覧にします。"
                                               "この一覧の表示と保存は、監査ログに記録されます。"))
        elif self.tabs.currentIndex() == 1:
            self.progress_requested.emit()
        elif self.tabs.currentIndex() == 2:
            self.candidates_requested.emit()

    def _refresh_live(self) -> None:
        if (self.isVisible() and self.tabs.currentIndex() == 1 and self.assessment.currentData() is not None
                and self.refresh_progress_button.isEnabled()):  # enabled: no other call under way
            self.progress_requested.emit()

    def _ask_path(self, fmt: str) -> None:
        pattern = dict(FORMATS)[fmt]
        suggested = f"ict-literacy-{self.year.value()}.{fmt}"
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("保存先"), suggested, pattern)
        if path:
            self.save_requested.emit(fmt, path)

    def _ask_slips(self) -> None:
        sure = QMessageBox.question(
            self, self.tr("受験票の発行"),
            self.tr("この試験の対象者全員に新しい個人コードを発行します。以前に発行したコードは使えなくなり、"
                    "以後は受験票のコードで開始・再開します。発行しますか？"))
        if sure != QMessageBox.StandardButton.Yes:
            return
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("受験票の保存先"), "seat-slips.pdf", "PDF (*.pdf)")
        if path:
            self.slips_requested.emit(path)

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        self.status.setText(text)
        for button in (self.preview_button, *self.save_buttons.values()):
            button.setEnabled(not busy)
        self.refresh_progress_button.setEnabled(not busy and self.assessment.currentData() is not None)
        self.slips_button.setEnabled(not busy and self.assessment.currentData() is not None)
        self.window_end_button.setEnabled(not busy and self.assessment.currentData() is not None)

    def set_role(self, role: str | None) -> None:
        """A ``viewer`` (department heads, the board) gets the figures only: the summary and 受験状況,
        no names, no roster, no windows to open (the services refuse them anyway)."""
        hr = role != "viewer"
        self.heading.setText(self.tr("人事の画面") if hr else self.tr("結果報告"))
        for widget in (self.roster_button, self.open_window_button, self.slips_button, self.window_end_button):
            widget.setVisible(hr)
        for view in (self.candidates_view, self.audit_view, self.people_view, self.selections_view):
            self.tabs.setTabVisible(self.tabs.indexOf(view), hr)
        if not hr:
            self.tabs.setCurrentIndex(0)

    def focus_default(self) -> None:
        self.preview_button.setFocus()
