"""Reading published item versions: the one reader every service uses.

A published version never changes, so its parsed content is kept in the ``Database``'s own
cache (never in a module global: one process may open several databases, whose ids overlap).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..core.errors import UserError
from ..core.itemtypes import ItemContent, ItemType, item_type
from ..storage.models import ItemVersion
from ..storage.uow import CONTENT_CACHE_LIMIT, UnitOfWork


@dataclass(frozen=True)
class Version:
    """One published item version: the stored JSON, its typed content and its type's rules."""

    raw: dict[str, Any]
    content: ItemContent
    kind: ItemType[Any]


def version(uow: UnitOfWork, version_id: int) -> Version:
    """The version ``version_id`` of this unit of work's database (cached per database)."""
    cache = uow.database.content_cache
    found = cache.get(version_id)
    if found is None:
        raw = uow.connection.scalar(select(ItemVersion.content).where(ItemVersion.id == version_id))
        if raw is None:
            raise UserError("attempt_not_found")
        kind = item_type(raw["type"])
        found = Version(raw, kind.parse(raw), kind)
        if len(cache) >= CONTENT_CACHE_LIMIT:
            cache.clear()
        cache[version_id] = found
    return found


def versions(uow: UnitOfWork, version_ids: list[int]) -> dict[int, Version]:
    """Several versions at once: those not cached yet are read in one query (a form's start)."""
    cache = uow.database.content_cache
    missing = [v for v in version_ids if v not in cache]
    if missing:
        if len(cache) + len(missing) >= CONTENT_CACHE_LIMIT:
            cache.clear()
        for version_id, raw in uow.connection.execute(
                select(ItemVersion.id, ItemVersion.content).where(ItemVersion.id.in_(missing))):
            kind = item_type(raw["type"])
            cache[version_id] = Version(raw, kind.parse(raw), kind)
    return {v: version(uow, v) for v in version_ids}
