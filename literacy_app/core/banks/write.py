"""Write bank files back, keeping comments, order and formatting: an unchanged item gives no diff.

Trainers annotate bank files with section comments, blank lines and their own quoting, and review
changes as diffs, so ``BankDocument`` keeps ruamel.yaml's round-trip tree from load to save and an
edit replaces only the values that changed.  Validation stays with the project's own loader
(libyaml, YAML 1.1): the serialised text is handed to it, so an editor saves exactly what ``bank
validate`` accepts, and new strings are quoted when YAML 1.1 *or* 1.2 would read them as
something else (``yes``, ``4.1``, ``1e3``).

ruamel hangs a comment on the node *before* it: the blank line and section header between two
items belong to the last field of the first.  Each edit therefore detaches that "tail" first
and re-attaches it to whatever comes last afterwards (``_take_tail`` / ``_put_tail``).
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import io
import math
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Quoted
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, PlainScalarString
from ruamel.yaml.scalarstring import SingleQuotedScalarString as SingleQuoted
from ruamel.yaml.tokens import CommentToken

from ..errors import UserError
from . import load
from .checks import check
from .problems import Problem

FIELD_ORDER = (
    "id", "type", "area", "sub_competence", "level", "audiences", "pilot", "scenario", "stem", "image",
    "options", "premises", "key", "scoring", "weights", "feedback", "unit", "points", "explanation", "links",
    "tags", "reviewed", "reviewer", "status", "source",
)
"""Where a new item field goes: the order every shipped bank file uses."""
SCENARIO_ORDER = ("id", "title", "text")
BANK_ORDER = ("bank", "title", "area_links", "scenarios", "items")

_FLOW_FIELDS = frozenset({"audiences", "tags", "key", "weights"})
"""Short collections the files write on one line: ``[recruit]``, ``{dss: …}``, ``[a, c]``."""
_PROSE_FIELDS = frozenset({"stem", "explanation", "text", "instructions", "feedback"})
LONG_TEXT = 80
"""Prose longer than this goes into a literal block in files without a majority style of their own."""

_STR = "tag:yaml.org,2002:str"
_resolver_11 = pyyaml.resolver.Resolver()
_constructor_11 = pyyaml.constructor.SafeConstructor()
_resolver_12 = VersionedResolver(version=(1, 2))
_analyser = Emitter(None, allow_unicode=True)  # only its scalar analysis is used: plain, quoted or block?
_analyser.use_version = (1, 1)  # read by the analysis when there is no dumper; 1.1 is the stricter reading


def item_field_order() -> tuple[str, ...]:
    return FIELD_ORDER


class _Representer(RoundTripRepresenter):
    pass


def _represent_float(representer: RoundTripRepresenter, value: float) -> Any:
    """``1.0e-05``, not ruamel's ``1e-05``, which the YAML 1.1 loader reads as text."""
    text = repr(value)
    if math.isfinite(value) and "e" in text and "." not in text:
        return representer.represent_scalar("tag:yaml.org,2002:float", text.replace("e", ".0e", 1))
    return RoundTripRepresenter.represent_float(representer, value)


_Representer.add_representer(float, _represent_float)


def _yaml() -> YAML:
    """The settings under which every shipped file round-trips byte for byte."""
    handler = YAML(typ="rt")
    handler.Representer = _Representer
    handler.preserve_quotes = True
    handler.width = 4096  # never fold a long line the author wrote as one
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


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


# --- plain data ------------------------------------------------------------------------------
def _plain(node: Any) -> Any:
    """A ruamel value as plain Python, read the way the project's YAML 1.1 loader reads it."""
    if isinstance(node, dict):
        return {_plain(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, (bool, ScalarBoolean)):
        return bool(node)
    if isinstance(node, (int, float)):
        return int(node) if isinstance(node, int) else float(node)
    if isinstance(node, dt.datetime):
        return dt.datetime.combine(node.date(), node.timetz())
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if type(node) is str:  # plain (unquoted) in the file: ``yes`` is true to the loader
        tag = _resolver_11.resolve(pyyaml.ScalarNode, node, (True, False))
        constructor = _constructor_11.yaml_constructors.get(tag)
        if tag != _STR and constructor is not None:
            with contextlib.suppress(ValueError, TypeError, KeyError):
                return constructor(_constructor_11, pyyaml.ScalarNode(tag, node))
    if isinstance(node, str):
        return str(node)
    return node


def _same(a: Any, b: Any) -> bool:
    """Equal as content: dict order counts (options are shown in it), numbers by value, bools strictly."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    loose = (int, float) if not isinstance(a, bool) and not isinstance(b, bool) else ()
    return a == b and (type(a) is type(b) or isinstance(a, loose) and isinstance(b, loose)
                       or isinstance(a, str) and isinstance(b, str))


def _keeps_order(old: CommentedMap, new: dict[str, Any]) -> bool:
    return [key for key in old if key in new] == [key for key in new if key in old]


# --- building nodes --------------------------------------------------------------------------
def _ranker(order: tuple[str, ...]) -> Any:
    rank = {name: index for index, name in enumerate(order)}
    return lambda key: rank.get(key, len(order))


def _mapping(data: dict[str, Any], order: tuple[str, ...], prose: dict[str, bool]) -> CommentedMap:
    out = CommentedMap()
    for key in sorted((k for k, v in data.items() if v is not None), key=_ranker(order)):
        out[key] = _node(data[key], key, prose=prose)
    return out


def _node(value: Any, field: str | None, flow: bool = False, like: Any = None,
          prose: dict[str, bool] | None = None) -> Any:
    """A ruamel value for plain ``value`` in the house style (``like``: the value it replaces)."""
    if isinstance(value, (dict, list, tuple)):
        as_flow = flow or field in _FLOW_FIELDS or _is_flow(like) or not value
        if isinstance(value, dict):
            out: Any = CommentedMap()
            for key, child in value.items():
                out[_key(key, as_flow)] = _node(child, field, as_flow, prose=prose)
        else:
            out = CommentedSeq(_node(child, field, as_flow, prose=prose) for child in value)
        out.fa.set_flow_style() if as_flow else out.fa.set_block_style()
        return out
    if isinstance(value, str):
        if field == "reviewed":
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(value)  # a date, never the quoted text of one
        return _text(value, field, flow, like, (prose or {}).get(field or ""))
    if isinstance(value, dt.date):  # a fresh object: ruamel writes a shared one as an &anchor
        return value.replace()
    if value is None or isinstance(value, (bool, int, float)):
        return value
    raise TypeError(f"a bank file cannot hold {type(value).__name__}")


def _key(key: Any, flow: bool) -> Any:
    return _text(key, None, flow, None, None, literal=False) if isinstance(key, str) else key


def _text(value: str, field: str | None, flow: bool, like: Any, prose_literal: bool | None,
          literal: bool = True) -> str:
    """Literal ``|`` for multi-line text (and prose as the file writes it), the old value's quotes
    if it had some, plain if it reads back as the same text, else double quotes as the files do.

    Never ``|+`` (a blank line after it would join the text), nor a block holding NEL / LS / PS,
    which YAML 1.1 reads as line breaks.
    """
    analysis = _analyser.analyze_scalar(value)
    block = analysis.allow_block and not value.endswith("\n\n") and not set(value) & set("\x85\u2028\u2029")
    if literal and not flow and value.strip() and block and (
            "\n" in value or isinstance(like, (LiteralScalarString, FoldedScalarString))
            or (like is None and field in _PROSE_FIELDS
                and (prose_literal if prose_literal is not None else len(value) > LONG_TEXT))):
        return LiteralScalarString(value)
    if "\n" not in value and isinstance(like, (SingleQuoted, Quoted)) and str(like):
        return type(like)(value)  # an empty string had to be quoted: that says nothing of the file's style
    plain = analysis.allow_flow_plain if flow else analysis.allow_block_plain
    if plain and not analysis.multiline and _reads_as_text(value):
        return PlainScalarString(value)
    return Quoted(value)


def _reads_as_text(value: str) -> bool:
    return (_resolver_11.resolve(pyyaml.ScalarNode, value, (True, False)) == _STR
            and str(_resolver_12.resolve(ScalarNode, value, (True, False))) == _STR)


def _prose_preferences(data: CommentedMap) -> dict[str, bool]:
    """Per prose field, whether this file mostly writes it as a literal block (security.yaml does,
    most others write one long plain line) — new values follow the file they land in."""
    counts: dict[str, collections.Counter[bool]] = {}
    for section, fields in (("items", ("stem", "explanation")), ("scenarios", ("text",))):
        entries = data.get(section)
        for entry in entries if isinstance(entries, list) else []:
            for field in fields:
                if isinstance(entry, dict) and isinstance(entry.get(field), str):
                    counts.setdefault(field, collections.Counter())[isinstance(entry[field], LiteralScalarString)] += 1
    return {field: count[True] > count[False] for field, count in counts.items()}


# --- comments that follow a value ------------------------------------------------------------
def _is_flow(node: Any) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and bool(node.fa.flow_style())


def _tail_slot(parent: Any, key: Any) -> tuple[Any, Any]:
    """The innermost last (container, key) under ``parent[key]``: where the following comment lives."""
    node = parent[key]
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node) and not _is_flow(node):
        parent, key = node, (list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1)
        node = parent[key]
    return parent, key


def _token(parent: Any, key: Any) -> CommentToken | None:
    value = parent[key]
    if _is_flow(value):
        return value.ca.comment[0] if value.ca.comment else None
    entry = parent.ca.items.get(key)
    return (entry[2] if isinstance(parent, CommentedMap) else entry[0]) if entry else None


def _set_token(parent: Any, key: Any, token: CommentToken | None) -> None:
    value = parent[key]
    slot = 2 if isinstance(parent, CommentedMap) else 0
    if key in parent.ca.items:
        parent.ca.items[key][slot] = None
    if _is_flow(value):
        value.ca.comment = [token, value.ca.comment[1] if value.ca.comment else None]
    elif token is not None:
        parent.ca.items.setdefault(key, [None, None, None, None])[slot] = token


def _take_tail(parent: Any, key: Any, remove: bool = True) -> str:
    """Detach the lines (blank or comment) after ``parent[key]``; an inline ``# …`` stays put."""
    slot_parent, slot_key = _tail_slot(parent, key)
    token = _token(slot_parent, slot_key)
    if token is None:
        return ""
    if isinstance(slot_parent[slot_key], (LiteralScalarString, FoldedScalarString)):
        inline, rest = "", token.value  # a block scalar ends its own line
    else:
        inline, _, rest = token.value.partition("\n")
    if remove:
        if inline:
            token.value = inline + "\n"
        else:
            _set_token(slot_parent, slot_key, None)
    return rest


def _put_tail(parent: Any, key: Any, rest: str) -> None:
    if not rest:
        return
    slot_parent, slot_key = _tail_slot(parent, key)
    token = _token(slot_parent, slot_key)
    if isinstance(slot_parent[slot_key], (LiteralScalarString, FoldedScalarString)):
        text = (token.value if token else "") + rest
    else:
        inline, _, old = token.value.partition("\n") if token else ("", "", "")
        text = inline + "\n" + old + rest
    if token is None:
        token = CommentToken(text, CommentMark(0), None)
    token.value = text
    _set_token(slot_parent, slot_key, token)


def _has_comment(text: str) -> bool:
    return any(line.strip().startswith("#") for line in text.splitlines())


def _usual_gap(seq: CommentedSeq) -> str:
    """What separates entries in this list (most often one blank line); a blank line if unknown."""
    gaps = collections.Counter(_take_tail(seq, index, remove=False) for index in range(len(seq) - 1))
    plain = [(count, gap) for gap, count in gaps.items() if not _has_comment(gap)]
    return max(plain)[1] if plain else "\n"


def _delete_key(mapping: CommentedMap, key: Any) -> None:
    """Remove a key; comment lines that followed it move to the key before."""
    keys = list(mapping)
    tail = _take_tail(mapping, key)
    mapping.ca.items.pop(key, None)
    del mapping[key]
    index = keys.index(key)
    if index > 0:
        _put_tail(mapping, keys[index - 1], tail)


def _insert_key(mapping: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Insert at the canonical place; a key that becomes last takes over the mapping's tail."""
    rank = _ranker(order)
    keys = list(mapping)
    position = next((index for index, existing in enumerate(keys) if rank(existing) > rank(key)), len(keys))
    tail = _take_tail(mapping, keys[-1]) if keys and position == len(keys) else ""
    mapping.insert(position, key, value)
    _put_tail(mapping, key, tail)
