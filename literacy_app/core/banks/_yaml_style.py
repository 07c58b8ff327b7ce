"""How ``banks.write`` turns plain values into ruamel nodes in the house style, and keeps comments.

``BankDocument`` (``write``) decides *what* changes in a bank file; this module decides *how* a value
is spelled and where the comment lines around it go, which is most of the YAML knowledge:

- the ruamel settings under which every shipped file round-trips byte for byte (``_yaml``);
- reading a ruamel value back as the project's YAML 1.1 loader would (``_plain``, ``_same``);
- building nodes (``_node``, ``_mapping``): flow or block collections, and for strings a literal
  block, the old value's quotes, plain, or double quotes, whichever reads back as the same text
  under YAML 1.1 *and* 1.2;
- the "tail" of a value: ruamel hangs a comment on the node *before* it, so the blank line and
  section header between two items belong to the last field of the first.  Each edit detaches
  that tail first and re-attaches it to whatever comes last afterwards (``_take_tail`` /
  ``_put_tail``).

Split out of ``write`` so that the document API there reads as a list of edits.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import math
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import CommentMark
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Quoted
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, PlainScalarString
from ruamel.yaml.scalarstring import SingleQuotedScalarString as SingleQuoted
from ruamel.yaml.tokens import CommentToken

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
_analyser.use_version = (1, 1)  # type: ignore[attr-defined]  # not declared by ruamel's Emitter, but read by the analysis when there is no dumper; 1.1 is the stricter reading


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
