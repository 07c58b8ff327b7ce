"""Write bank files back, keeping comments, order and formatting: an unchanged item gives no diff.

Trainers annotate bank files with section comments, blank lines and their own quoting, and review
changes as diffs, so ``BankDocument`` keeps ruamel.yaml's round-trip tree from load to save and an
edit replaces only the values that changed.  Validation stays with the project's own loader
(libyaml, YAML 1.1): the serialised text is handed to it, so an editor saves exactly what ``bank
validate`` accepts, and new strings are quoted when YAML 1.1 *or* 1.2 would read them as
something else (``yes``, ``4.1``, ``1e3``).

ruamel hangs a comment on the node *before* it: the blank line and section header between two
items belong to the last field of the first.  Each edit therefore detaches that "tail" first
and re-attaches it to whatever comes last afterwards (``_take_tail`` / ``_put_tail``).  Those
helpers, and how a value is spelled (quotes, literal blocks, flow style), are in ``_yaml_style``;
this module is the ``BankDocument`` API and ``new_bank_text``.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from ..errors import UserError
from . import load
from ._yaml_style import (
    LONG_TEXT,
    _delete_key,
    _has_comment,
    _insert_key,
    _is_flow,
    _keeps_order,
    _key,
    _mapping,
    _node,
    _plain,
    _prose_preferences,
    _put_tail,
    _ranker,
    _same,
    _take_tail,
    _usual_gap,
    _yaml,
)
from .checks import check
from .problems import Problem

__all__ = ["BANK_ORDER", "FIELD_ORDER", "LONG_TEXT", "SCENARIO_ORDER", "BankDocument", "item_field_order",
           "new_bank_text"]

FIELD_ORDER = (
    "id", "type", "area", "sub_competence", "level", "audiences", "pilot", "scenario", "stem", "image",
    "options", "premises", "key", "scoring", "weights", "feedback", "unit", "points", "explanation", "links",
    "tags", "reviewed", "reviewer", "status", "source",
)
"""Where a new item field goes: the order every shipped bank file uses."""
SCENARIO_ORDER = ("id", "title", "text")
BANK_ORDER = ("bank", "title", "area_links", "scenarios", "items")


def item_field_order() -> tuple[str, ...]:
    return FIELD_ORDER


class BankDocument:
    """One bank (or blueprint) file as a ruamel tree, edited entry by entry and saved atomically.

    ``BankDocument(path, text)`` wraps text that is not on disk yet (an importer's new file);
    ``BankDocument.load(path)`` reads a file.  Values go in and out as plain Python data.
    """

    def __init__(self, path: str | Path, text: str) -> None:
        self.path = Path(path)
        self._newline = "\r\n" if "\r\n" in text else "\n"
        self._bom = False
        self._yaml = _yaml()
        try:
            data = self._yaml.load(text.replace("\r\n", "\n"))
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            raise UserError("bank_file_yaml", path=str(self.path), line=mark.line + 1 if mark else 1,
                            detail=getattr(exc, "problem", None) or str(exc)) from None
        if not isinstance(data, CommentedMap):
            raise UserError("not_a_mapping", path=str(self.path))
        self._data = data
        self._prose = _prose_preferences(data)

    @classmethod
    def load(cls, path: str | Path) -> BankDocument:
        path = Path(path)
        text, problem = load.read_text(path)
        if problem is not None:
            code = "bank_file_unreadable" if problem.code == "file_unreadable" else problem.code
            raise UserError(code, path=str(path), **problem.params)
        document = cls(path, text or "")
        document._bom = path.read_bytes().startswith(b"\xef\xbb\xbf")  # kept on save, as are CRLFs
        return document

    def item_ids(self) -> list[str]:
        return [str(entry["id"]) for entry in self._section("items") if isinstance(entry, dict) and "id" in entry]

    def item(self, item_id: str) -> dict[str, Any]:
        return _plain(self._section("items")[self._index("items", item_id)])

    def is_bank(self) -> bool:
        """A question bank (``bank:``), not a blueprint."""
        return "bank" in self._data

    def title(self) -> str:
        """The bank's ``title`` (its file name when it has none)."""
        return str(self._data.get("title") or self.path.stem)

    def scenarios(self) -> list[dict[str, Any]]:
        return [_plain(entry) for entry in self._section("scenarios")]

    def set_item(self, item_id: str, data: dict[str, Any]) -> None:
        """Make the item equal ``data``, rewriting only the values that differ (``None`` = absent).

        Numbers compare by value, so ``1`` in the file stays ``1`` when the editor sends ``1.0``.
        """
        self._set("items", item_id, data, FIELD_ORDER)

    def add_item(self, data: dict[str, Any], after: str | None = None) -> None:
        self._add("items", data, FIELD_ORDER, after)

    def remove_item(self, item_id: str) -> None:
        self._remove("items", item_id)

    def set_scenario(self, scenario_id: str, data: dict[str, Any]) -> None:
        self._set("scenarios", scenario_id, data, SCENARIO_ORDER)

    def add_scenario(self, data: dict[str, Any]) -> None:
        self._add("scenarios", data, SCENARIO_ORDER, None)

    def remove_scenario(self, scenario_id: str) -> None:
        self._remove("scenarios", scenario_id)

    def text(self) -> str:
        """The file's content as it would be saved, in the file's own line endings."""
        buffer = io.StringIO()
        self._yaml.dump(self._data, buffer)
        out = buffer.getvalue() if buffer.getvalue().endswith("\n") else buffer.getvalue() + "\n"
        return out.replace("\n", self._newline) if self._newline != "\n" else out

    def save(self) -> None:
        """Write through a temporary file in the same folder, so a crash or a full disk leaves
        either the old file or the new one, never half of each."""
        payload = ("\ufeff" if self._bom else "").encode() + self.text().encode("utf-8")
        temporary: str | None = None
        try:
            mode = self.path.stat().st_mode & 0o7777 if self.path.exists() else 0o644
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, self.path)
            temporary = None
        except OSError as exc:
            raise UserError("bank_file_unwritable", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def validate(self, context: Iterable[str | Path] = ()) -> list[Problem]:
        """What ``bank validate`` would report on ``text()`` saved — with ``context`` (other files or
        folders; this file among them is skipped) also duplicate ids and blueprint pools across files.
        Problems of those other files are included: filter on ``problem.path`` if needed."""
        name = str(self.path)
        result = load.BankSet()
        if context:
            own = self.path.resolve()
            files, result.problems = load.expand_paths(context)
            others = load.load_paths([file for file in files if file.resolve() != own])
            result.banks, result.blueprints = others.banks, others.blueprints
            result.problems.extend(others.problems)
        text = self.text()
        size = len(text.encode("utf-8"))
        if size > load.MAX_FILE_BYTES:
            result.problems.append(Problem(name, 1, 1, "file_too_large", {
                "size_mb": size / 1024 / 1024, "limit_mb": load.MAX_FILE_BYTES // 1024 // 1024}))
        else:
            load.load_text(name, text, result)
        check(result)
        return sorted(result.problems, key=lambda p: (p.path, p.line, p.col))

    def _section(self, name: str, create: bool = False) -> CommentedSeq:
        seq = self._data.get(name)
        if not create or isinstance(seq, CommentedSeq) and len(seq):
            return seq if isinstance(seq, CommentedSeq) else CommentedSeq()
        new = CommentedSeq()  # block style: an empty ``items: []`` is replaced
        new.fa.set_block_style()
        if name in self._data:
            self._data[name] = new
        else:
            _insert_key(self._data, name, new, BANK_ORDER)
        return new

    def _index(self, section: str, entry_id: str) -> int:
        for index, entry in enumerate(self._section(section)):
            if isinstance(entry, dict) and str(entry.get("id")) == entry_id:
                return index
        raise UserError("bank_item_unknown" if section == "items" else "bank_scenario_unknown", id=entry_id)

    def _check_id(self, section: str, data: dict[str, Any], keep: str | None) -> None:
        for key, value in data.items():
            _node(value, key)  # a value no bank file can hold raises here, before anything changed
        new_id = data.get("id")
        if new_id is None:
            raise UserError("bank_no_id")
        taken = self.item_ids() if section == "items" else [str(s.get("id")) for s in self.scenarios()]
        if str(new_id) != keep and str(new_id) in taken:
            raise UserError("bank_item_exists" if section == "items" else "bank_scenario_exists", id=str(new_id))

    def _set(self, section: str, entry_id: str, data: dict[str, Any], order: tuple[str, ...]) -> None:
        data = {key: value for key, value in data.items() if value is not None}
        seq = self._section(section)
        index = self._index(section, entry_id)
        self._check_id(section, data, keep=entry_id)
        entry = seq[index]
        if set(entry) == set(data) and all(_same(_plain(entry[key]), data[key]) for key in data):
            return  # the file's field order is style, not content
        tail = _take_tail(seq, index)
        for key in [key for key in entry if key not in data]:
            _delete_key(entry, key)
        for key, value in data.items():
            if key in entry:
                self._assign(entry, key, value, key)
            else:
                _insert_key(entry, key, _node(value, key, prose=self._prose), order)
        _put_tail(seq, index, tail)

    def _add(self, section: str, data: dict[str, Any], order: tuple[str, ...], after: str | None) -> None:
        data = {key: value for key, value in data.items() if value is not None}
        self._check_id(section, data, keep=None)
        position = None if after is None else self._index(section, after) + 1
        seq = self._section(section, create=True)
        gap, node = _usual_gap(seq), _mapping(data, order, self._prose)
        if not seq:
            seq.append(node)
            return
        position = len(seq) if position is None else position
        tail = _take_tail(seq, position - 1)
        seq.insert(position, node)
        _put_tail(seq, position - 1, gap)
        _put_tail(seq, position, tail)

    def _remove(self, section: str, entry_id: str) -> None:
        """Remove an entry; comment lines around it stay (a section header moves to the next one)."""
        seq = self._section(section)
        index = self._index(section, entry_id)
        tail = _take_tail(seq, index)
        if index > 0:
            before = _take_tail(seq, index - 1)
            del seq[index]
            joined = tail if not _has_comment(before) else before if not _has_comment(tail) else (
                before + tail.lstrip("\n"))
            _put_tail(seq, index - 1, joined)
            return
        del seq[0]
        if not seq:  # ``items: []`` cannot carry the list's opening comment
            self._data.ca.items.pop(section, None)
            seq.ca.comment = None
        elif _has_comment(tail):  # the next entry's header joins the list's opening comment
            tokens = [CommentToken(line.strip() + "\n", CommentMark(len(line) - len(line.lstrip())))
                      for line in tail.splitlines() if line.strip()]
            if seq.ca.comment and seq.ca.comment[1] is not None:
                seq.ca.comment[1].extend(tokens)  # in place: the parent key shares this list
            else:
                seq.ca.comment = [seq.ca.comment[0] if seq.ca.comment else None, tokens]

    def _assign(self, parent: Any, key: Any, value: Any, field: str) -> None:
        """Give ``parent[key]`` the plain ``value``, recursing so that unchanged parts stay as written."""
        old = parent[key]
        if _same(_plain(old), value):
            return
        tail = _take_tail(parent, key)
        flow = _is_flow(old)
        if isinstance(old, CommentedMap) and isinstance(value, dict) and _keeps_order(old, value):
            for gone in [k for k in old if k not in value]:
                _delete_key(old, gone)
            position = 0
            for child, child_value in value.items():
                if child in old:
                    self._assign(old, child, child_value, field)
                    position = list(old).index(child) + 1
                else:
                    old.insert(position, _key(child, flow), _node(child_value, field, flow, prose=self._prose))
                    position += 1
        elif isinstance(old, CommentedSeq) and isinstance(value, (list, tuple)) and len(old) == len(value):
            for index, child_value in enumerate(value):
                self._assign(old, index, child_value, field)
        else:
            parent[key] = _node(value, field, _is_flow(parent), like=old, prose=self._prose)
        _put_tail(parent, key, tail)


def new_bank_text(bank: dict[str, Any], header: str | None = None) -> str:
    """A complete new bank file in the house style: canonical key order, one blank line between
    items and before ``scenarios:`` / ``items:``, optional ``# `` comment lines on top."""
    top = CommentedMap()
    for key in sorted((k for k, v in bank.items() if v is not None), key=_ranker(BANK_ORDER)):
        value = bank[key]
        if key in ("items", "scenarios") and isinstance(value, (list, tuple)) and value:
            order = FIELD_ORDER if key == "items" else SCENARIO_ORDER
            seq = CommentedSeq(_mapping(entry, order, {}) for entry in value)
            for index in range(len(seq) - 1):
                _put_tail(seq, index, "\n")
            top[key] = seq
        else:
            top[key] = _node(value, key, prose={})
    keys = list(top)
    for index, key in enumerate(keys):
        if key in ("scenarios", "items") and index > 0:
            _put_tail(top, keys[index - 1], "\n")
    buffer = io.StringIO()
    _yaml().dump(top, buffer)
    lines = (header or "").splitlines()
    comment = "".join(("# " + line).rstrip() + "\n" if not line.startswith("#") else line + "\n" for line in lines)
    return comment + buffer.getvalue()
