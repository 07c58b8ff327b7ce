"""The trainer's tree (banks → areas → sub-competences) and item list, filled from the
workspace, and the filters read from the page's controls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem

from ...core.catalog import AREA_SHORT, area_name
from ...core.fiscal import months_before
from .labels import STATUSES, TYPES, label

if TYPE_CHECKING:
    from .workspace import Filters, Row, Workspace


def fill_tree(tree: QTreeWidget, workspace: Workspace, lang: str) -> None:
    """「すべての問題」, then each bank with its areas and their sub-competences, with counts;
    the node that was chosen stays chosen (when it still exists)."""
    node = tree.currentItem()
    kept = node.data(0, Qt.ItemDataRole.UserRole) if node is not None else None
    tree.blockSignals(True)
    tree.clear()
    rows = workspace.rows()
    everything = QTreeWidgetItem([QCoreApplication.translate("TrainerController", "すべての問題"), str(len(rows))])
    everything.setData(0, Qt.ItemDataRole.UserRole, (None, None, None))
    tree.addTopLevelItem(everything)
    for path, document in workspace.documents.items():
        own = [row for row in rows if row.path == path]
        bank = QTreeWidgetItem([document.title(), str(len(own))])
        bank.setToolTip(0, str(path))
        bank.setData(0, Qt.ItemDataRole.UserRole, (path, None, None))
        tree.addTopLevelItem(bank)
        areas: dict[str, dict[str, int]] = {}
        for row in own:
            subs = areas.setdefault(str(row.item.get("area")), {})
            sub = str(row.item.get("sub_competence"))
            subs[sub] = subs.get(sub, 0) + 1
        for area, subs in areas.items():
            node = QTreeWidgetItem([area_name(area, lang), str(sum(subs.values()))])
            node.setData(0, Qt.ItemDataRole.UserRole, (path, area, None))
            bank.addChild(node)
            for sub, count in subs.items():
                leaf = QTreeWidgetItem([sub, str(count)])
                leaf.setData(0, Qt.ItemDataRole.UserRole, (path, area, sub))
                node.addChild(leaf)
    chosen = everything
    if kept is not None:
        for candidate in _walk(tree):
            if candidate.data(0, Qt.ItemDataRole.UserRole) == kept:
                chosen = candidate
                break
    tree.setCurrentItem(chosen)
    if chosen.parent() is not None:
        chosen.parent().setExpanded(True)
    tree.blockSignals(False)


def _walk(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    found: list[QTreeWidgetItem] = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.child(i) for i in range(node.childCount()))
    return found


def filters(page: Any, flagged: set[str]) -> Filters:
    from .workspace import Filters

    node = page.tree.currentItem()
    path, area, sub = node.data(0, Qt.ItemDataRole.UserRole) if node is not None else (None, None, None)
    due = months_before(dt.date.today(), page.review_months.value()) if page.due_filter.isChecked() else None
    return Filters(bank=path, area=area, sub_competence=sub, type=page.type_filter.currentData(),
                   level=page.level_filter.currentData(), audience=page.audience_filter.currentData(),
                   status=page.status_filter.currentData(), review_due_before=due,
                   flagged=flagged if page.flagged_filter.isChecked() else None, text=page.search.text())


def fill_list(table: QTableWidget, rows: list[Row], current: tuple[Path, str] | None) -> None:
    table.blockSignals(True)
    table.setRowCount(len(rows))
    type_names, status_names = dict(TYPES), dict(STATUSES)
    for index, row in enumerate(rows):
        item = row.item
        stem = " ".join(str(item.get("stem", "")).split())
        kind, status = str(item.get("type")), str(item.get("status"))
        values = [row.item_id, AREA_SHORT.get(str(item.get("area")), str(item.get("area"))),
                  label(type_names.get(kind, kind)), str(item.get("level", "")),
                  label(status_names.get(status, status)), str(item.get("reviewed", "")), stem[:80]]
        for column, text in enumerate(values):
            cell = QTableWidgetItem(text)
            if column == len(values) - 1:
                cell.setToolTip(stem[:400])
            table.setItem(index, column, cell)
    table.blockSignals(False)
    table.resizeColumnsToContents()
    highlight(table, rows, current)


def highlight(table: QTableWidget, rows: list[Row], current: tuple[Path, str] | None) -> None:
    """Make the list's current row the item being edited — or none, so that a click on any row
    is a change the list reports (a stale current cell would swallow it)."""
    selected = next((i for i, row in enumerate(rows) if current == (row.path, row.item_id)), -1)
    table.blockSignals(True)
    if selected >= 0:
        table.setCurrentCell(selected, table.currentColumn() if table.currentColumn() >= 0 else 0)
        table.selectRow(selected)
    else:
        table.setCurrentCell(-1, -1)
        table.clearSelection()
    table.blockSignals(False)
