"""The trainer's window: banks → areas → sub-competences, a filtered item list, and the item
editor with the examinee's own widget as preview, the version history and the review queue.

Plain widgets only; the controller (controller.py) owns the workspace, undo stack and backend.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import AUDIENCE_NAMES
from ..common import plain_label
from .editor import ItemEditor
from .labels import LIST_COLUMNS, STATUSES, TYPES, label


class TrainerPage(QWidget):
    logout = Signal()

    def __init__(self, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        # Toolbar
        self.heading = plain_label(self.tr("問題バンクの編集（研修担当）"), self, size_delta=6, bold=True)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.undo_button = QPushButton(self.tr("元に戻す"), self)
        self.redo_button = QPushButton(self.tr("やり直す"), self)
        self.new_button = QPushButton(self.tr("新しい問題"), self)
        self.duplicate_button = QPushButton(self.tr("複製"), self)
        self.duplicate_button.setToolTip(self.tr("編集中の問題を、新しいIDの下書きとして複製します"))
        self.reviewed_button = QPushButton(self.tr("見直し済みにする"), self)
        self.publish_button = QPushButton(self.tr("公開…"), self)
        self.import_button = QPushButton(self.tr("取り込み…"), self)
        self.import_button.setToolTip(
            self.tr("Moodle の GIFT・Moodle XML ファイルから問題を取り込みます（すべて下書き）"))
        self.export_button = QPushButton(self.tr("書き出し…"), self)
        self.export_button.setToolTip(self.tr("一覧に表示中の問題を GIFT・Moodle XML・QTI 2.1 で書き出します"))
        self.logout_button = QPushButton(self.tr("ログアウト"), self)
        self.status = plain_label("", self)
        # Left: banks → areas → sub-competences
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("問題バンク"), self.tr("問題数")])
        self.tree.setAccessibleName(self.tr("問題バンク・領域・小領域"))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumWidth(180)
        # Middle: filters, search, list; the review queue
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("問題文・選択肢・解説・小領域・IDを検索"))
        self.search.setAccessibleName(self.tr("検索"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = self._combo(self.tr("形式"), [(value, label(name)) for value, name in TYPES])
        self.level_filter = self._combo(self.tr("水準"), [(n, self.tr("水準 {0}").format(n)) for n in range(1, 5)])
        self.audience_filter = self._combo(self.tr("対象"), [(key, names.get(lang, names["ja"]))
                                                           for key, names in AUDIENCE_NAMES.items()])
        self.status_filter = self._combo(self.tr("状態"), [(value, label(name)) for value, name in STATUSES])
        self.due_filter = QCheckBox(self.tr("見直し期限切れ"), self)
        self.flagged_filter = QCheckBox(self.tr("統計で要確認"), self)
        self.list = QTableWidget(0, len(LIST_COLUMNS), self)
        self.list.setHorizontalHeaderLabels([label(name) for name in LIST_COLUMNS])
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(len(LIST_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.list.setAccessibleName(self.tr("問題の一覧"))
        self.list.setMinimumWidth(320)
        self.list.setWordWrap(False)
        self.count = plain_label("", self)
        self.queue = QTableWidget(0, 4, self)
        self.queue.setHorizontalHeaderLabels([self.tr("問題ID"), self.tr("理由"), self.tr("ファイル"), self.tr("詳細")])
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.verticalHeader().hide()
        self.queue.horizontalHeader().setStretchLastSection(True)
        self.queue.setAccessibleName(self.tr("見直し待ちの問題"))
        self.queue_note = plain_label(self.tr("見直しの間隔を過ぎた問題と、受験結果の統計で確認が必要な問題です。"
                                              "行をダブルクリックすると編集できます。"), self)
        self.refresh_queue_button = QPushButton(self.tr("見直し待ちを更新"), self)
        self.queue_detail = plain_label("", self, selectable=True)
        self.queue.currentCellChanged.connect(
            lambda row, *_a: self.queue_detail.setText(self.queue.item(row, 3).text() if row >= 0 and
                                                       self.queue.item(row, 3) else ""))
        self.review_months = QSpinBox(self)
        self.review_months.setRange(1, 36)
        self.review_months.setValue(6)
        self.review_months.setSuffix(self.tr(" か月"))
        self.review_months.setAccessibleName(self.tr("見直しの間隔"))
        # Right: editor, preview, history
        self.editor = ItemEditor(lang, self)
        self.preview_area = QScrollArea(self)
        self.preview_area.setWidgetResizable(True)
        self.preview_scenario = plain_label("", self)
        self.history = QListWidget(self)
        self.history.setAccessibleName(self.tr("公開された版"))
        self.history_diff = QPlainTextEdit(self)
        self.history_diff.setReadOnly(True)
        self.history_diff.setFont(QFont("monospace"))
        self.history_diff.setAccessibleName(self.tr("前の版との違い"))
        self.right_tabs = QTabWidget(self)
        # Assemble
        toolbar = QHBoxLayout()
        for button in (self.save_button, self.undo_button, self.redo_button, self.new_button, self.duplicate_button,
                       self.reviewed_button,
                       self.publish_button, self.import_button, self.export_button):
            button.setAutoDefault(False)
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.logout_button)
        filters = QGridLayout()  # two rows of three: the list stays narrow enough for the editor
        for index, widget in enumerate((self.type_filter, self.level_filter, self.audience_filter,
                                        self.status_filter, self.due_filter, self.flagged_filter)):
            filters.addWidget(widget, index // 3, index % 3)
        list_tab = QWidget(self)
        list_layout = QVBoxLayout(list_tab)
        list_layout.addWidget(self.search)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.list, 1)
        list_layout.addWidget(self.count)
        queue_tab = QWidget(self)
        queue_layout = QVBoxLayout(queue_tab)
        queue_layout.addWidget(self.queue_note)
        queue_row = QHBoxLayout()
        queue_row.addWidget(plain_label(self.tr("見直しの間隔"), self))
        queue_row.addWidget(self.review_months)
        queue_row.addWidget(self.refresh_queue_button)
        queue_row.addStretch(1)
        queue_layout.addLayout(queue_row)
        queue_layout.addWidget(self.queue, 1)
        queue_layout.addWidget(self.queue_detail)
        self.middle_tabs = QTabWidget(self)
        self.middle_tabs.addTab(list_tab, self.tr("問題一覧"))
        self.middle_tabs.addTab(queue_tab, self.tr("見直し待ち"))
        preview_tab = QWidget(self)
        preview_layout = QVBoxLayout(preview_tab)
        note = self.tr("受験者の画面と同じ表示です（選択肢の順序は受験時に入れ替わります）。")
        preview_layout.addWidget(plain_label(note, self))
        preview_layout.addWidget(self.preview_scenario)
        preview_layout.addWidget(self.preview_area, 1)
        history_tab = QWidget(self)
        history_layout = QVBoxLayout(history_tab)
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.history_diff, 2)
        self.right_tabs.addTab(self.editor, self.tr("編集"))
        self.right_tabs.addTab(preview_tab, self.tr("プレビュー"))
        self.right_tabs.addTab(history_tab, self.tr("版の履歴"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.middle_tabs)
        splitter.addWidget(self.right_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([200, 440, 640])  # the editor gets the most room; the user may drag
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(toolbar)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.logout_button.clicked.connect(self.logout.emit)

    def _combo(self, name: str, choices: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("{0}: すべて").format(name), None)
        for value, text in choices:
            combo.addItem(text, value)
        combo.setAccessibleName(name)
        return combo

    def show_preview(self, widget: QWidget, scenario_text: str) -> None:
        old = self.preview_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.preview_area.setWidget(widget)
        self.preview_scenario.setText(scenario_text)
        self.preview_scenario.setVisible(bool(scenario_text))
