"""The item types, one module each, and the registry that maps a type name to its module.

Adding a type means adding one module here (an ``ItemType`` subclass and its content class),
naming it in ``_MODULES``, adding its pydantic model to ``core/banks/schema.py``, and giving the
UI its widget (``ui/widgets/items.py``) and editor pane (``ui/trainer/answers.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import UserError
from . import matching, multiple, numeric, ordering, short_text, single, true_false
from .base import ItemContent, ItemType

_MODULES = (single, multiple, true_false, ordering, matching, numeric, short_text)

TYPES: dict[str, ItemType[Any]] = {module.TYPE.name: module.TYPE for module in _MODULES}
"""Type name → its behaviour, in the order trainers see the types listed."""

TYPE_NAMES: tuple[str, ...] = tuple(TYPES)


def item_type(name: str) -> ItemType[Any]:
    """The behaviour of a type; an unknown name is a refused response, never a KeyError."""
    try:
        return TYPES[name]
    except KeyError:
        raise UserError("bad_response", detail=f"unknown item type {name}") from None


def parse(raw: Mapping[str, Any]) -> ItemContent:
    """Typed content of a published version's stored JSON."""
    return item_type(raw["type"]).parse(raw)


__all__ = ["TYPES", "TYPE_NAMES", "ItemContent", "ItemType", "item_type", "parse"]
