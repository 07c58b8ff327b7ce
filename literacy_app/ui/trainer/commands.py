"""The trainer's undo steps: one settled edit of an item (or its creation), one case text
edited or added.  Each applies to the workspace and tells the controller to refresh; the
controller pushes them on its QUndoStack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QUndoCommand

from .labels import tr

if TYPE_CHECKING:  # the workspace loads ruamel and pydantic: only when the trainer window opens
    from .workspace import Workspace


class TrainerController(Protocol):
    """What an undo step needs of the trainer's controller (which owns the undo stack): the open
    folder and the two refresh calls.  A protocol, so this module need not import the controller."""

    workspace: Workspace | None

    def changed_in_place(self, path: Path, item_id: str | None) -> None: ...

    def scenarios_changed(self, path: Path) -> None: ...


class EditCommand(QUndoCommand):
    """One settled edit of one item (or its creation, when ``before`` is None)."""

    def __init__(self, controller: TrainerController, path: Path, item_id: str, before: dict[str, Any] | None,
                 after: dict[str, Any], after_id: str | None = None) -> None:
        super().__init__(tr("{0} の編集").format(item_id))
        self.controller, self.path, self.item_id, self.before, self.after = controller, path, item_id, before, after
        self.after_id = after_id
        """Where a new item goes (after this one; None: at the end of the file)."""

    def redo(self) -> None:
        workspace = self.controller.workspace
        assert workspace is not None
        if self.before is None and self.item_id not in workspace.documents[self.path].item_ids():
            workspace.add_item(self.path, self.after, self.after_id)
        else:
            workspace.set_item(self.path, self.item_id, self.after)
        self.controller.changed_in_place(self.path, self.item_id)

    def undo(self) -> None:
        workspace = self.controller.workspace
        assert workspace is not None
        if self.before is None:
            workspace.remove_item(self.path, self.item_id)
            self.controller.changed_in_place(self.path, None)
        else:
            workspace.set_item(self.path, self.item_id, self.before)
            self.controller.changed_in_place(self.path, self.item_id)


class ScenarioCommand(QUndoCommand):
    """A case text edited or added (``before`` None)."""

    def __init__(self, controller: TrainerController, path: Path, before: dict[str, Any] | None,
                 after: dict[str, Any]) -> None:
        super().__init__(tr("事例 {0} の編集").format(after["id"]))
        self.controller, self.path, self.before, self.after = controller, path, before, after

    def redo(self) -> None:
        self._apply(self.after, adding=self.before is None)

    def undo(self) -> None:
        workspace = self.controller.workspace
        assert workspace is not None
        if self.before is None:
            workspace.remove_scenario(self.path, self.after["id"])
        else:
            workspace.set_scenario(self.path, self.before["id"], self.before)
        self.controller.scenarios_changed(self.path)

    def _apply(self, value: dict[str, Any], adding: bool) -> None:
        workspace = self.controller.workspace
        assert workspace is not None
        if adding:
            workspace.add_scenario(self.path, value)
        else:
            workspace.set_scenario(self.path, value["id"], value)
        self.controller.scenarios_changed(self.path)


def new_item_template(item_id: str, kind: str, area: str, sub_competence: str, reviewer: str) -> dict[str, Any]:
    """A draft item of a type, to be filled in (it is invalid until stem and explanation are written)."""
    item: dict[str, Any] = {"id": item_id, "type": kind, "area": area, "sub_competence": sub_competence, "level": 1,
                            "audiences": ["recruit"], "stem": ""}
    if kind in ("single", "multiple", "ordering"):
        item["options"] = {"a": "", "b": "", "c": ""}
        item["key"] = {"single": "a", "multiple": ["a"], "ordering": ["a", "b", "c"]}[kind]
    elif kind == "matching":
        item.update(premises={"p1": ""}, options={"a": "", "b": ""}, key={"p1": "a"})
    elif kind == "true_false":
        item["key"] = True
    elif kind == "numeric":
        item["key"] = {"value": ""}  # to be written: a forgotten answer must not pass as 0
    else:
        item["key"] = [""]
    item.update(explanation="", tags={"dss": "", "itpassport": "strategy", "digcomp": ""},
                reviewed=dt.date.today(), reviewer=reviewer, status="draft")
    return item
