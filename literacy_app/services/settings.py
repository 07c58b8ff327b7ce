"""Rules the city decides once and every PC and the exam server share (``AppSetting``).

The minimum group size of every published figure is one of them: blocks of people are cut at
this size (``core.partition``), and the same blocks must serve every report of a 年度 — a report
asking for a different size on its own would open differences between two partitions.  A report
may ask to show *more* caution (a larger minimum), never less.
"""

from __future__ import annotations

from typing import Any

from ..core.errors import UserError
from ..core.model import Actor
from ..core.suppression import DEFAULT_MIN_GROUP, FLOOR_MIN_GROUP
from ..storage.models import AppSetting
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff

MIN_GROUP_KEY = "min_group"
MAX_MIN_GROUP = 50


def stored_setting(uow: UnitOfWork, key: str) -> dict[str, Any] | None:
    found = uow.session.get(AppSetting, key)
    return None if found is None else dict(found.value)


def store_setting(uow: UnitOfWork, actor: Actor, key: str, value: dict[str, Any]) -> dict[str, Any] | None:
    """Store a setting and write ``<key>_setting`` to the audit log with each field before and after
    (``years_before``, ``years``; committed); returns the value before.  The caller checks the role
    and the value."""
    found = uow.session.get(AppSetting, key)
    before = None if found is None else dict(found.value)
    if found is None:
        uow.session.add(AppSetting(key=key, value=value, updated_at=uow.now, updated_by=actor.name))
    else:
        found.value, found.updated_at, found.updated_by = value, uow.now, actor.name
    audit(uow, actor, f"{key}_setting", **{f"{field}_before": (before or {}).get(field) for field in value}, **value)
    uow.commit()
    return before


def privacy_min_group(uow: UnitOfWork) -> int:
    """The city's minimum group size (default 5, never below 3)."""
    value = stored_setting(uow, MIN_GROUP_KEY)
    return int(value["people"]) if value is not None else DEFAULT_MIN_GROUP


def set_privacy_min_group(uow: UnitOfWork, actor: Actor, people: int) -> int:
    """Store the minimum group size (admin; audited with the previous value, which is returned)."""
    require_staff(actor, "admin")
    if not FLOOR_MIN_GROUP <= people <= MAX_MIN_GROUP:
        raise UserError("min_group_out_of_range", min=FLOOR_MIN_GROUP, max=MAX_MIN_GROUP)
    before = store_setting(uow, actor, MIN_GROUP_KEY, {"people": people})
    return int(before["people"]) if before is not None else DEFAULT_MIN_GROUP
