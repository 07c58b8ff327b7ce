"""Read bank and blueprint files into validated models, collecting every problem with its place.

``load_paths`` never raises for bad content: whatever a file holds (binary, huge, deeply nested,
tags, aliases, wrong types), the result is a list of ``Problem`` with ``file:line:col``.
A file with problems contributes nothing, so later checks never see half-valid data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from . import yamlread
from .problems import Problem
from .schema import BankFile, BlueprintFile, Item

MAX_FILE_BYTES = 10 * 1024 * 1024
"""A bank of 5,000 items is about 3 MB; anything past this limit is a mistake, not a bank."""

_item_adapter = TypeAdapter(Item)


@dataclass
class LoadedBank:
    """A bank file whose header and scenarios are valid; ``items`` holds only the valid items,
    each with its index in the file, so that one bad item does not hide the rest."""

    path: str
    model: BankFile
    data: yamlread.Map
    items: list[tuple[int, Any]] = field(default_factory=list)

    def item_position(self, index: int, field_name: str | None = None,
                      entry: Any = None) -> tuple[int, int]:
        """Where an item, one of its fields, or one entry of a mapping field is written."""
        items = self.data["items"]
        node = items[index]
        if field_name is None or field_name not in node.key_pos:
            return items.item_pos[index]
        value = node[field_name]
        if entry is not None:
            if isinstance(value, yamlread.Map) and entry in value.key_pos:
                return value.key_pos[entry]
            if isinstance(value, yamlread.Seq) and entry in value:
                return value.item_pos[value.index(entry)]
        return node.key_pos[field_name]


@dataclass
class LoadedBlueprint:
    path: str
    model: BlueprintFile
    data: yamlread.Map

    def position(self, *keys: Any) -> tuple[int, int]:
        return _locate(self.data, keys)[0]


@dataclass
class BankSet:
    """Everything read from a set of paths: the valid files, and all problems found."""

    banks: list[LoadedBank] = field(default_factory=list)
    blueprints: list[LoadedBlueprint] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def items(self) -> Iterable[tuple[LoadedBank, int, Any]]:
        for bank in self.banks:
            for index, item in bank.items:
                yield bank, index, item


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Files to read: each file as given, each folder searched for *.yaml / *.yml (sorted)."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                problems.append(Problem(str(path), 1, 1, "no_yaml_files"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), 1, 1, "path_missing"))
    return files, problems


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or a problem saying why it cannot be a bank file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, Problem(str(path), 1, 1, "file_too_large", {
                "size_mb": size / 1024 / 1024, "limit_mb": MAX_FILE_BYTES // 1024 // 1024})
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(str(path), 1, 1, "file_unreadable", {"detail": exc.strerror or str(exc)})
    if b"\x00" in raw:
        return None, Problem(str(path), 1, 1, "file_not_text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Problem(str(path), line, 1, "file_not_text")
    return text, None


def parse_document(path: str, text: str) -> tuple[Any, list[Problem]]:
    """YAML text → positioned data, or the problem that stops it."""
    try:
        data = yamlread.load(text)
    except yamlread.YamlProblem as exc:
        return None, [Problem(path, exc.line, exc.col, exc.code, exc.params)]
    except RecursionError:  # pragma: no cover - the reader is iterative; belt and braces
        return None, [Problem(path, 1, 1, "yaml_too_deep", {"depth": yamlread.MAX_DEPTH})]
    if not isinstance(data, yamlread.Map):
        return None, [Problem(path, 1, 1, "not_a_mapping")]
    return data, []


def load_paths(paths: Iterable[str | Path]) -> BankSet:
    """Read and validate files one by one (schema only; cross-file rules are in ``checks``)."""
    files, problems = expand_paths(paths)
    result = BankSet(problems=problems)
    for file in files:
        name = str(file)
        text, problem = read_text(file)
        if problem is not None:
            result.problems.append(problem)
            continue
        load_text(name, text or "", result)
    return result


def load_text(name: str, text: str, into: BankSet | None = None) -> BankSet:
    """Parse and validate YAML text as if it had been read from the file ``name``.

    The same path as ``load_paths`` after reading, so that an editor can check what it is about
    to write (``write.BankDocument.validate``) without a round trip through the disk.
    """
    result = into if into is not None else BankSet()
    data, found = parse_document(name, text)
    if found:
        result.problems.extend(found)
    else:
        load_document(name, data, result)
    return result


def load_document(name: str, data: yamlread.Map, into: BankSet) -> None:
    """Validate one parsed document as a blueprint or a bank and add it to ``into``."""
    if "blueprint" in data:
        model_cls: type[BankFile] | type[BlueprintFile] = BlueprintFile
    elif "bank" in data or "items" in data:
        model_cls = BankFile
    else:
        into.problems.append(Problem(name, *data.pos, "not_a_mapping"))
        return
    if model_cls is BlueprintFile:
        try:
            blueprint = BlueprintFile.model_validate(data)
        except ValidationError as exc:
            into.problems.extend(schema_problems(name, data, exc))
            return
        into.blueprints.append(LoadedBlueprint(name, blueprint, data))
        return
    raw_items = data.get("items")
    header = {key: value for key, value in data.items() if key != "items"}
    header_ok = True
    try:
        bank = BankFile.model_validate(header)
    except ValidationError as exc:
        into.problems.extend(schema_problems(name, data, exc))
        header_ok = False
    if raw_items is None:
        raw_items = []
    if not isinstance(raw_items, list):
        into.problems.append(Problem(name, *data.key_pos["items"], "list_type", {"field": "items"}))
        return
    valid: list[tuple[int, Any]] = []
    for index, raw in enumerate(raw_items):
        try:
            valid.append((index, _item_adapter.validate_python(raw)))
        except ValidationError as exc:
            into.problems.extend(schema_problems(name, data, exc, prefix=("items", index)))
    if header_ok:
        bank = bank.model_copy(update={"items": [item for _index, item in valid]})
        into.banks.append(LoadedBank(name, bank, data, valid))


def schema_problems(name: str, data: Any, exc: ValidationError,
                    prefix: tuple[Any, ...] = ()) -> list[Problem]:
    """Turn pydantic's errors into located, translated problems."""
    problems = []
    seen: set[tuple[int, int, str, str]] = set()
    for error in exc.errors(include_url=False):
        loc = prefix + tuple(error["loc"])
        (line, col), field_name = _locate(data, loc)
        code = error["type"]
        params: dict[str, Any] = {"field": field_name, "detail": error["msg"]}
        ctx = error.get("ctx") or {}
        for key, value in ctx.items():
            params[key] = value
        if code == "literal_error":
            params["expected"] = ctx.get("expected", "").replace("'", "")
        if code == "union_tag_invalid":
            params["expected_tags"] = str(ctx.get("expected_tags", "")).replace("'", "")
        if code in ("union_tag_invalid", "union_tag_not_found"):
            (line, col), _ = _locate(data, loc + ("type",))
        for key, value in list(params.items()):
            if isinstance(value, float) and value.is_integer():
                params[key] = int(value)  # "100", not "100.0", in a sentence
        if code not in _KNOWN_CODES:
            code = "schema_other"
        found = (line, col, code, field_name)
        if found in seen:
            continue
        seen.add(found)
        problems.append(Problem(name, line, col, code, params))
    return problems


_KNOWN_CODES = {
    "missing", "extra_forbidden", "string_type", "int_type", "int_parsing", "int_from_float",
    "float_type", "float_parsing", "bool_type", "bool_parsing", "list_type", "dict_type",
    "model_type", "model_attributes_type", "date_type", "date_parsing",
    "date_from_datetime_parsing", "date_from_datetime_inexact", "literal_error",
    "string_pattern_mismatch", "string_too_short", "string_too_long", "too_short",
    "greater_than_equal", "greater_than", "less_than_equal", "union_tag_invalid",
    "union_tag_not_found", "finite_number",
}


def _locate(data: Any, loc: tuple[Any, ...]) -> tuple[tuple[int, int], str]:
    """Follow a pydantic location through the positioned data.

    Returns the position of the deepest node that exists and a readable field name.  A location
    element that is the union discriminator (``'single'``) or a dict-key marker is skipped.
    """
    node = data
    position = getattr(data, "pos", (1, 1))
    field_name = ""
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(node, yamlread.Map):
            key = part
            if key not in node and isinstance(part, str) and part.isdigit() and int(part) in node:
                key = int(part)
            if key in node:
                position = node.key_pos[key]
                node = node[key]
                field_name = str(part)
            elif node.get("type") == part:
                continue
            else:
                field_name = str(part)
                break
        elif isinstance(node, yamlread.Seq) and isinstance(part, int) and 0 <= part < len(node):
            position = node.item_pos[part]
            node = node[part]
        else:
            field_name = str(part)
            break
    return position, field_name
