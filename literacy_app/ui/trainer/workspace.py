"""The trainer's open bank files: every bank in the folder as a round-trip document, the items
as rows for the list, and the filters over them.  Qt-free, so it is tested without a window.

Edits go into the documents in memory (``set_item``) and mark them dirty; ``save`` writes the
dirty files only when the whole folder validates — a problem in one file blocks saving it, and
nothing on disk is half-written (``BankDocument.save`` is atomic).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core.banks.problems import Problem
from ...core.banks.write import BankDocument
from ...core.errors import UserError
from ...core.text import normalise_answer


@dataclass(frozen=True)
class Row:
    path: Path
    item_id: str
    item: dict[str, Any]


@dataclass
class Filters:
    bank: Path | None = None
    area: str | None = None
    sub_competence: str | None = None
    type: str | None = None
    level: int | None = None
    audience: str | None = None
    status: str | None = None
    review_due_before: dt.date | None = None
    flagged: set[str] | None = None
    text: str = ""

    def matches(self, row: Row) -> bool:
        item = row.item
        checks = [
            self.bank is None or row.path == self.bank,
            self.area is None or item.get("area") == self.area,
            self.sub_competence is None or item.get("sub_competence") == self.sub_competence,
            self.type is None or item.get("type") == self.type,
            self.level is None or item.get("level") == self.level,
            self.audience is None or self.audience in (item.get("audiences") or []),
            self.status is None or item.get("status") == self.status,
            self.review_due_before is None or _reviewed(item) < self.review_due_before,
            self.flagged is None or row.item_id in self.flagged,
        ]
        return all(checks) and (not self.text or _contains(item, self.text))


def _reviewed(item: dict[str, Any]) -> dt.date:
    value = item.get("reviewed")
    return value if isinstance(value, dt.date) else dt.date.min


def _contains(item: dict[str, Any], text: str) -> bool:
    """Search in the id, stem, options, premises, sub-competence, explanation, framework tags and
    source, ignoring width, case and spaces."""
    wanted = normalise_answer(text)
    tags = item.get("tags") or {}
    haystack = [item.get("id", ""), item.get("stem", ""), *(item.get("options") or {}).values(),
                *(item.get("premises") or {}).values(), item.get("sub_competence", ""), item.get("explanation", ""),
                item.get("source") or "", *(str(value) for value in tags.values())]
    return any(wanted in normalise_answer(str(part)) for part in haystack)


@dataclass
class Workspace:
    folder: Path
    documents: dict[Path, BankDocument] = field(default_factory=dict)
    dirty: set[Path] = field(default_factory=set)
    saved: dict[Path, str] = field(default_factory=dict)
    """Each document's text as last read or saved: editing back to it makes the file clean again."""
    on_disk: dict[Path, str] = field(default_factory=dict)
    """SHA-256 of each file as read: a file another trainer saved meanwhile is not overwritten."""

    @classmethod
    def open(cls, folder: Path) -> Workspace:
        workspace = cls(Path(folder))
        workspace.reload()
        return workspace

    def reload(self) -> None:
        """Read every bank file again (blueprints are not edited here)."""
        self.documents = {}
        self.dirty.clear()
        for path in sorted(self.folder.glob("*.yaml")):
            document = BankDocument.load(path)
            if document.is_bank():  # a blueprint beside the banks is not edited here
                self.documents[path] = document
                self.saved[path] = document.text()
                self.on_disk[path] = _digest(path)

    def rows(self) -> list[Row]:
        return [Row(path, item_id, document.item(item_id))
                for path, document in self.documents.items() for item_id in document.item_ids()]

    def item(self, path: Path, item_id: str) -> dict[str, Any]:
        return self.documents[path].item(item_id)

    def scenarios(self, path: Path) -> list[dict[str, Any]]:
        return self.documents[path].scenarios()

    def set_item(self, path: Path, item_id: str, data: dict[str, Any]) -> None:
        self.documents[path].set_item(item_id, data)
        self._touch(path)

    def add_item(self, path: Path, data: dict[str, Any], after: str | None = None) -> None:
        self.documents[path].add_item(data, after)
        self._touch(path)

    def remove_item(self, path: Path, item_id: str) -> None:
        self.documents[path].remove_item(item_id)
        self._touch(path)

    def set_scenario(self, path: Path, scenario_id: str, data: dict[str, Any]) -> None:
        self.documents[path].set_scenario(scenario_id, data)
        self._touch(path)

    def add_scenario(self, path: Path, data: dict[str, Any]) -> None:
        self.documents[path].add_scenario(data)
        self._touch(path)

    def remove_scenario(self, path: Path, scenario_id: str) -> None:
        self.documents[path].remove_scenario(scenario_id)
        self._touch(path)

    def _touch(self, path: Path) -> None:
        if self.documents[path].text() == self.saved.get(path):
            self.dirty.discard(path)
        else:
            self.dirty.add(path)

    def new_item_id(self, path: Path) -> str:
        """``<prefix>-NNN`` after the highest number used with the file's prefix (sec-001 …)."""
        ids = [row.item_id for row in self.rows()]
        own = self.documents[path].item_ids()
        prefix = own[0].rsplit("-", 1)[0] if own and "-" in own[0] else path.stem
        numbers = [int(tail) for item_id in ids if item_id.startswith(prefix + "-")
                   and (tail := item_id[len(prefix) + 1:]).isdigit()]
        return f"{prefix}-{max(numbers, default=0) + 1:03d}"

    def problems(self) -> list[Problem]:
        """What ``bank validate`` would say about the dirty files, with the folder as context."""
        found: list[Problem] = []
        for path in sorted(self.dirty):
            found.extend(problem for problem in self.documents[path].validate(context=[self.folder])
                         if Path(problem.path) == path)
        return found

    def save(self) -> list[Problem]:
        """Write every dirty file if none has a problem; otherwise write nothing and say why."""
        problems = self.problems()
        if problems:
            return problems
        changed = [path for path in sorted(self.dirty) if path.exists() and _digest(path) != self.on_disk.get(path)]
        if changed:
            raise UserError("bank_file_changed_elsewhere", file=", ".join(path.name for path in changed))
        for path in sorted(self.dirty):
            self.documents[path].save()
            self.saved[path] = self.documents[path].text()
            self.on_disk[path] = _digest(path)
        self.dirty.clear()
        return []


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
