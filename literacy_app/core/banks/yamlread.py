"""Safe, fast YAML reading that remembers where every value came from.

Why not ``yaml.safe_load``: trainers need ``file:line:col`` for each problem, and a bank file
is untrusted input.  We drive libyaml's event stream ourselves (PyYAML's C parser), so that

* every mapping and sequence records the line and column of each key / element;
* aliases and anchors are refused outright — nothing is ever expanded, so an alias bomb costs
  nothing (bank files have no use for them);
* explicit tags (``!!python/object`` …) are refused: only plain YAML data is accepted;
* nesting depth is bounded without recursion, so a deeply nested file cannot blow the stack.

It is also several times faster than composing a node graph, which matters for large banks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C parser is part of the PyYAML wheels; the pure one is a slow but correct fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 64
"""Deepest nesting a bank file may use; real banks need about six levels."""

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

_STR = "tag:yaml.org,2002:str"


class YamlProblem(Exception):
    """A file that is not acceptable YAML; ``code`` is a message key, ``line``/``col`` 1-based."""

    def __init__(self, code: str, line: int, col: int, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.col = col
        self.params = params


class Map(dict):
    """A mapping that remembers the position of each key (1-based line, col)."""

    __slots__ = ("pos", "key_pos")

    def __init__(self, pos: tuple[int, int]) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[Any, tuple[int, int]] = {}


class Seq(list):
    """A sequence that remembers the position of each element (1-based line, col)."""

    __slots__ = ("pos", "item_pos")

    def __init__(self, pos: tuple[int, int]) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[tuple[int, int]] = []


@dataclass
class _Frame:
    container: Map | Seq
    pending_key: Any = None
    has_key: bool = False
    key_position: tuple[int, int] = (0, 0)
    seen: set[tuple[type, Any]] = field(default_factory=set)


_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


def _scalar(event: Any) -> Any:
    """Resolve a plain scalar the way YAML 1.1 safe loading does (ints, bools, dates …)."""
    if event.tag is not None and event.tag != "!":
        tag = event.tag
    else:
        tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR:
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    method = _constructor.yaml_constructors.get(tag)
    if method is None:
        raise YamlProblem("yaml_tag", *_pos(event), tag=tag)
    try:
        return method(_constructor, node)
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
        # e.g. 2026-02-30 looks like a date but is none: keep the text and let the schema say
        # which field wants what; an explicit tag on a bad value is the writer's mistake
        if event.implicit[0]:
            return event.value
        short = tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlProblem("yaml_tag_value", *_pos(event), tag=short, value=event.value) from None


def _pos(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _check_tag(event: Any) -> None:
    tag = getattr(event, "tag", None)
    if tag is None or tag == "!":
        return
    if isinstance(event, yaml.ScalarEvent) and event.implicit[0]:
        return
    if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) and event.implicit:
        return
    if tag not in _SAFE_TAGS and tag != "tag:yaml.org,2002:timestamp":
        raise YamlProblem("yaml_tag", *_pos(event), tag=tag)


def load(text: str) -> Any:
    """Parse one YAML document into plain dicts/lists (``Map``/``Seq``) with positions.

    Raises ``YamlProblem`` for anything that is not a single plain YAML document.
    """
    loader = _Loader(text)
    try:
        return _build(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
            mark = exc.context_mark  # point at the opening quote, not at the end of the file
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        quote_line = _unclosed_quote_before(text, line)
        if quote_line is not None:
            raise YamlProblem("yaml_unclosed_quote", quote_line, 1, error_line=line) from None
        raise YamlProblem("yaml_syntax", line, col, detail=exc.problem or str(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("yaml_syntax", 1, 1, detail=str(exc)) from None
    finally:
        loader.dispose()


def _unclosed_quote_before(text: str, error_line: int) -> int | None:
    """The first line up to ``error_line`` with an odd number of double quotes, if any.

    A forgotten closing quote swallows the following lines, so libyaml reports the failure far
    below the real mistake; this points the writer back at the line that opened the quote.
    """
    for number, line in enumerate(text.splitlines()[:error_line], start=1):
        body = line.split(" #", 1)[0].replace('\\"', "")
        stripped = body.lstrip()
        if stripped.startswith("#") or stripped.startswith("'") or ": '" in body:
            continue
        if body.count('"') % 2 == 1:
            return number
    return None


def _build(loader: Any) -> Any:
    stack: list[_Frame] = []
    root: Any = None
    documents = 0

    def attach(value: Any, position: tuple[int, int]) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame.container
        if isinstance(container, Seq):
            container.append(value)
            container.item_pos.append(position)
        elif not frame.has_key:
            if isinstance(value, (Map, Seq)):
                raise YamlProblem("yaml_complex_key", *position)
            try:
                hash(value)
            except TypeError:
                raise YamlProblem("yaml_complex_key", *position) from None
            identity = (type(value), value)  # 1 and true are different keys in a file
            if identity in frame.seen:
                raise YamlProblem("yaml_duplicate_key", *position, key=str(value))
            frame.seen.add(identity)
            frame.pending_key = value
            frame.has_key = True
            frame.key_position = position
        else:
            container[frame.pending_key] = value
            container.key_pos[frame.pending_key] = frame.key_position
            frame.has_key = False

    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem("yaml_alias", *_pos(event))
        if getattr(event, "anchor", None):
            raise YamlProblem("yaml_alias", *_pos(event))
        if isinstance(event, yaml.ScalarEvent):
            _check_tag(event)
            attach(_scalar(event), _pos(event))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            _check_tag(event)
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem("yaml_too_deep", *_pos(event), depth=MAX_DEPTH)
            position = _pos(event)
            container = Map(position) if isinstance(event, yaml.MappingStartEvent) else Seq(position)
            attach(container, position)
            stack.append(_Frame(container))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem("yaml_multi_document", *_pos(event))
    return root
