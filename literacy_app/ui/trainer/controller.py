"""Wires the trainer's window: the bank folder as a workspace, edits through an undo stack,
live validation, saving back to YAML, publishing, version history and the review queue.

Edits are committed to the in-memory documents a moment after typing stops (when the editor
has re-checked the item), one undo step each.  Saving writes only when the folder validates;
publishing goes through the publishing service (role checked there) and never sees unsaved
edits.  Database work runs on the backend's worker thread.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox, QStackedWidget

from ...core.errors import UserError
from ...resources import question_banks_dir
from ..common import error_text
from . import listing
from .commands import EditCommand, ScenarioCommand, new_item_template
from .labels import TYPES, label

if TYPE_CHECKING:
    from ...core.model import Actor
    from ..backend import ExamineeBackend
    from .page import TrainerPage
    from .workspace import Filters, Row, Workspace

TRAINER_ROLES = ("trainer",)


class TrainerController(QObject):
    def __init__(self, backend: ExamineeBackend, stack: QStackedWidget, back_to: Any, lang: str) -> None:
        super().__init__(stack)
        self.backend = backend
        self.stack = stack
        self.back_to = back_to
        self.lang = lang
        self.banks_dir: Path = question_banks_dir()
        self.actor: Actor | None = None
        self.workspace: Workspace | None = None
        self.current: tuple[Path, str] | None = None
        self.flagged: set[str] = set()
        self.undo = QUndoStack(self)
        self._rows: list[Row] = []
        self._applying = False

    @cached_property
    def page(self) -> TrainerPage:
        from .page import TrainerPage

        page = TrainerPage(self.lang)
        self.stack.addWidget(page)
        page.tree.currentItemChanged.connect(lambda *_a: self.refresh_list())
        page.search.textChanged.connect(lambda _t: self.refresh_list())
        for combo in (page.type_filter, page.level_filter, page.audience_filter, page.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_list())
        page.due_filter.toggled.connect(lambda _on: self.refresh_list())
        page.flagged_filter.toggled.connect(lambda _on: self.refresh_list())
        page.list.currentCellChanged.connect(lambda row, *_a: self._list_row_chosen(row))
        page.queue.cellDoubleClicked.connect(lambda row, _column: self._queue_row_chosen(row))
        page.editor.checked.connect(lambda _ok: self.commit_edit())
        page.editor.image_button.clicked.connect(self.attach_image)
        page.editor.scenario_edit_button.clicked.connect(lambda: self.edit_scenario(new=False))
        page.editor.scenario_new_button.clicked.connect(lambda: self.edit_scenario(new=True))
        page.save_button.clicked.connect(self.save)
        page.undo_button.clicked.connect(self.undo_step)
        page.redo_button.clicked.connect(self.redo_step)
        self.undo.canUndoChanged.connect(page.undo_button.setEnabled)
        self.undo.canRedoChanged.connect(page.redo_button.setEnabled)
        page.undo_button.setEnabled(False)
        page.redo_button.setEnabled(False)
        page.new_button.clicked.connect(self.new_item)
        page.duplicate_button.clicked.connect(self.duplicate_item)
        page.reviewed_button.clicked.connect(self.mark_reviewed)
        page.publish_button.clicked.connect(self.publish)
        page.refresh_queue_button.clicked.connect(self.load_queue)
        # the queue re-reads every answer's statistics: wait until the interval stops changing
        self._queue_timer = QTimer(page)
        self._queue_timer.setSingleShot(True)
        self._queue_timer.setInterval(600)
        self._queue_timer.timeout.connect(self.load_queue)
        page.review_months.valueChanged.connect(lambda _v: (self.refresh_list(), self._queue_timer.start()))
        page.history.currentRowChanged.connect(self._history_row_chosen)
        page.right_tabs.currentChanged.connect(lambda _i: self._load_history())
        page.import_button.clicked.connect(lambda: self._interchange("import"))
        page.export_button.clicked.connect(lambda: self._interchange("export"))
        page.logout.connect(self.logout)
        return page

    # opening -------------------------------------------------------------------------------------
    def open_for(self, actor: Actor) -> None:
        from .workspace import Workspace

        self.actor = actor
        try:
            self.workspace = Workspace.open(self.banks_dir)
        except UserError as error:
            self.back_to.show_error(error_text(error, self.lang))
            return
        self.undo.clear()
        self.current = None
        self.stack.setCurrentWidget(self.page)
        self.fill_tree()
        self.refresh_list()
        self.page.status.setText(self.tr("問題バンクのフォルダ: {0}").format(self.banks_dir))
        self.load_queue()

    def fill_tree(self) -> None:
        assert self.workspace is not None
        listing.fill_tree(self.page.tree, self.workspace, self.lang)
        self.page.editor.setEnabled(self.current is not None)

    def filters(self) -> Filters:
        return listing.filters(self.page, self.flagged)

    def refresh_list(self) -> None:
        if self.workspace is None:
            return
        filters = self.filters()
        every = self.workspace.rows()
        self._rows = [row for row in every if filters.matches(row)]
        listing.fill_list(self.page.list, self._rows, self.current)
        self.page.count.setText(self.tr("{0} 問を表示（全 {1} 問）").format(len(self._rows), len(every)))

    # choosing and editing ----------------------------------------------------------------------------
    def _list_row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.select(self._rows[row].path, self._rows[row].item_id)

    def select(self, path: Path, item_id: str) -> None:
        assert self.workspace is not None
        if self.current is not None and self.current != (path, item_id):
            self.commit_edit()
        self.current = (path, item_id)
        self._applying = True
        self.page.editor.load(self.workspace.item(path, item_id), self.workspace.scenarios(path), str(path))
        self._applying = False
        self.page.editor.setEnabled(True)
        listing.highlight(self.page.list, self._rows, self.current)
        self.update_preview()
        self._load_history()

    def undo_step(self) -> None:
        self.commit_edit()  # typing not yet settled becomes its own step first, so undo removes only it
        self.undo.undo()

    def redo_step(self) -> None:
        self.commit_edit()
        self.undo.redo()

    def commit_edit(self) -> None:
        """Turn the editor's current value into one undo step, if it differs from the file's.

        An edit the bank file cannot hold (a repeated 記号 would merge two options) stays in the
        form with its message until it is put right."""
        if self._applying or self.current is None or self.workspace is None or self.page.editor.blocking():
            return
        path, item_id = self.current
        if item_id not in self.workspace.documents[path].item_ids():
            return
        before = self.workspace.item(path, item_id)
        after = self.page.editor.value()
        if after != before:
            self.undo.push(EditCommand(self, path, item_id, before, after))  # redo() refreshes list and preview

    def changed_in_place(self, path: Path, item_id: str | None) -> None:
        """After an edit, undo or redo: show the affected item as it now is (an undo of another
        item's edit brings that item into view), drop an item that no longer exists from the
        editor, and refresh the tree, the list and the dirty state."""
        assert self.workspace is not None
        exists = item_id is not None and item_id in self.workspace.documents[path].item_ids()
        if exists and self.current != (path, item_id):
            self.current = (path, item_id)
        if exists and self.current == (path, item_id):
            value = self.workspace.item(path, item_id)
            if value != self.page.editor.value() or not self.page.editor.isEnabled():
                self._applying = True
                self.page.editor.load(value, self.workspace.scenarios(path), str(path))
                self._applying = False
            self.page.editor.setEnabled(True)
        if self.current is not None and self.current[1] not in self.workspace.documents[self.current[0]].item_ids():
            self.current = None
            self.page.editor.setEnabled(False)  # the item is gone (an undone new item)
        self.fill_tree()
        self.refresh_list()
        self.update_preview()
        dirty = len(self.workspace.dirty) if self.workspace else 0
        self.page.status.setText(self.tr("未保存の変更があります（{0} ファイル）").format(dirty) if dirty else "")

    def scenarios_changed(self, path: Path) -> None:
        """Reload the editor's scenario list (keeping the edited item's choice) and the preview."""
        if self.current is not None and self.current[0] == path and self.workspace is not None:
            editor = self.page.editor
            value = editor.value()
            self._applying = True
            editor.load(value, self.workspace.scenarios(path), str(path))
            self._applying = False
        self.changed_in_place(path, None if self.current is None else self.current[1])

    def update_preview(self) -> None:
        from .preview import preview_widget

        if self.current is None:
            return
        assert self.workspace is not None
        path = self.current[0]
        widget, scenario = preview_widget(self.page.editor.value(), path, self.workspace.scenarios(path))
        self.page.show_preview(widget, scenario)

    def new_item(self) -> None:
        assert self.workspace is not None and self.actor is not None
        node = self.page.tree.currentItem()
        path, area, sub = node.data(0, Qt.ItemDataRole.UserRole) if node is not None else (None, None, None)
        path = path or (self.current[0] if self.current else next(iter(self.workspace.documents)))
        labels = [label(name) for _value, name in TYPES]
        chosen, ok = QInputDialog.getItem(self.page, self.tr("新しい問題"), self.tr("問題の形式"), labels, 0, False)
        if not ok:
            return
        kind = TYPES[labels.index(chosen)][0]
        item_id = self.workspace.new_item_id(path)
        existing = [row.item for row in self.workspace.rows() if row.path == path]
        data = new_item_template(item_id, kind, area or (existing[0]["area"] if existing else "dx_mindset"),
                                 sub or "", self.actor.name)
        self.undo.push(EditCommand(self, path, item_id, None, data))
        self.select(path, item_id)
        self.page.right_tabs.setCurrentIndex(0)
        self.page.editor.stem.setFocus()

    def duplicate_item(self) -> None:
        """A copy of the edited item under a new id, as a draft reviewed today, placed after it."""
        if self.current is None or self.workspace is None or self.actor is None:
            return
        self.commit_edit()
        path, item_id = self.current
        data = self.workspace.item(path, item_id)
        new_id = self.workspace.new_item_id(path)
        data.update(id=new_id, status="draft", reviewer=self.actor.name)
        data["reviewed"] = dt.date.today()
        self.undo.push(EditCommand(self, path, new_id, None, data, after_id=item_id))
        self.select(path, new_id)
        self.page.right_tabs.setCurrentIndex(0)

    def attach_image(self) -> None:
        from .dialogs import attach_image

        if self.current is not None:
            name = attach_image(self.page, self.current[0].parent)
            if name:
                self.page.editor.image.setText(name)

    def edit_scenario(self, new: bool) -> None:
        """Edit the chosen case text, or add one and attach it to the item (one undo step each)."""
        from .dialogs import ScenarioDialog

        if self.current is None or self.workspace is None:
            return
        path = self.current[0]
        scenarios = self.workspace.scenarios(path)
        chosen = self.page.editor.scenario.currentData()
        before = None if new else next((s for s in scenarios if s.get("id") == chosen), None)
        if not new and before is None:
            return
        taken = {str(row.item.get("scenario")) for row in self.workspace.rows()} | {
            str(s.get("id")) for p in self.workspace.documents for s in self.workspace.scenarios(p)}
        dialog = ScenarioDialog(self.page, before, taken)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        self.commit_edit()
        self.undo.push(ScenarioCommand(self, path, before, dialog.value()))
        if new:
            self.page.editor.scenario.setCurrentIndex(self.page.editor.scenario.findData(dialog.value()["id"]))

    def mark_reviewed(self) -> None:
        if self.current is not None and self.actor is not None:
            self.page.editor.mark_reviewed(self.actor.name)
            self.page.editor.check_now()

    def save(self) -> bool:
        assert self.workspace is not None
        self.commit_edit()
        if self.page.editor.blocking():
            self.page.status.setText(self.tr("編集中の問題の選択肢に直すところがあります。直してから保存してください。"))
            self.page.right_tabs.setCurrentIndex(0)
            self.page.editor.show_first_problem()
            return False
        try:
            problems = self.workspace.save()
        except UserError as error:
            self.page.status.setText(error_text(error, self.lang))
            return False
        if problems:
            lines = [problem.render(self.lang) for problem in problems[:20]]
            self.page.status.setText(self.tr("問題があるため保存していません。直してから保存してください。"))
            self.page.right_tabs.setCurrentIndex(0)
            self.page.editor.show_first_problem()
            QMessageBox.warning(self.page, self.tr("保存できません"), "\n".join(lines))
            return False
        self.page.status.setText(self.tr("保存しました。"))
        self.undo.setClean()
        return True

    # publishing, history, review queue (database, on the worker) -------------------------------------
    def publish(self) -> None:
        from .dialogs import confirm_publish

        assert self.workspace is not None and self.actor is not None
        self.commit_edit()
        if self.workspace.dirty:
            QMessageBox.information(self.page, self.tr("公開"),
                                    self.tr("未保存の変更があります。保存してから公開してください。"))
            return
        actor, paths = self.actor, [self.banks_dir]

        def previewed(preview: Any) -> None:
            if confirm_publish(self.page, preview):
                self.page.status.setText(self.tr("公開しています…"))
                self.backend.trainer_publish(actor, paths, published, self._failed)

        def published(report: Any) -> None:
            self.page.status.setText(self.tr("公開しました: 新規 {0}・変更 {1}・変更なし {2}・廃止 {3}").format(
                report.new, report.changed, report.unchanged, report.retired))
            self._load_history()

        self.backend.trainer_publish_preview(actor, paths, previewed, self._failed)

    def _load_history(self) -> None:
        if self.current is None or self.actor is None or self.page.right_tabs.currentIndex() != 2:
            return
        item_id = self.current[1]

        def done(entries: list[Any]) -> None:
            self._history = entries
            self.page.history.clear()
            for entry in entries:
                self.page.history.addItem(self.tr("第 {0} 版　{1:%Y-%m-%d %H:%M}　{2}").format(
                    entry.version_no, entry.created_at, entry.published_by or "—"))
            if entries:
                self.page.history.setCurrentRow(0)
            else:
                self.page.history_diff.setPlainText(self.tr("まだ公開されていません。"))

        self.backend.trainer_history(self.actor, item_id, done, self._failed)

    def _history_row_chosen(self, row: int) -> None:
        entries = getattr(self, "_history", [])
        if 0 <= row < len(entries):
            self.page.history_diff.setPlainText("\n".join(entries[row].diff_lines) or self.tr("（最初の版）"))

    def load_queue(self) -> None:
        if self.actor is None:
            return

        def done(entries: list[Any]) -> None:
            from .dialogs import fill_queue

            self._queue = entries
            self.flagged = {entry.item_id for entry in entries if set(entry.reasons) - {"review_due"}}
            fill_queue(self.page, entries)
            self.page.middle_tabs.setTabText(1, self.tr("見直し待ち（{0}）").format(len(entries)))

        self.backend.trainer_review_queue(self.actor, [self.banks_dir], self.page.review_months.value(), done,
                                          self._failed)

    def _queue_row_chosen(self, row: int) -> None:
        entries = getattr(self, "_queue", [])
        if 0 <= row < len(entries) and self.workspace is not None:
            entry = entries[row]
            path = Path(entry.path)
            if path in self.workspace.documents and entry.item_id in self.workspace.documents[path].item_ids():
                self.select(path, entry.item_id)
                self.page.right_tabs.setCurrentIndex(0)

    def _interchange(self, action: str) -> None:
        from .dialogs import export_items, import_file

        assert self.workspace is not None
        if action == "export":
            self.commit_edit()
            if self.workspace.dirty:
                QMessageBox.information(self.page, self.tr("書き出し"),
                                        self.tr("未保存の変更があります。保存してから書き出してください。"))
                return
            export_items(self.page, self.workspace, self.filters(), self.lang)
            return
        if self.workspace.dirty and not self.save():
            return
        if import_file(self.page, self.banks_dir, self.lang):
            self.workspace.reload()
            self.undo.clear()
            self.fill_tree()
            self.refresh_list()

    def _failed(self, error: BaseException) -> None:
        self.page.status.setText(error_text(error, self.lang))

    def logout(self) -> bool:
        if self.workspace is not None:
            self.commit_edit()
            if self.workspace.dirty:
                answer = QMessageBox.question(
                    self.page, self.tr("未保存の変更"), self.tr("保存していない変更があります。保存しますか？"),
                    QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                    | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
                if answer == QMessageBox.StandardButton.Cancel or (
                        answer == QMessageBox.StandardButton.Save and not self.save()):
                    return False
        self.actor = None
        self.workspace = None
        self.current = None
        self.stack.setCurrentWidget(self.back_to)
        self.back_to.reset()
        self.back_to.focus_default()
        return True
