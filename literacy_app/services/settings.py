"""Rules the city decides once and every PC and the exam server share (``AppSetting``).

The minimum group size of every published figure is one of them: blocks of people are cut at
this size (``core.partition``), and the same blocks must serve every report of a 年度 — a report
asking for a different size on its own would open differences between two partitions.  A report
may ask to show *more* caution (a larger minimum), never less.
"""

from __future__ import annotations

from ..core.errors import UserError
from ..core.model import Actor
from ..core.suppression import DEFAULT_MIN_GROUP, FLOOR_MIN_GROUP
from ..storage.models import AppSetting
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff

MIN_GROUP_KEY = "min_group"
MAX_MIN_GROUP = 50


def privacy_min_group(uow: UnitOfWork) -> int:
    """The city's minimum group size (default 5, never below 3)."""
    stored = uow.session.get(AppSetting, MIN_GROUP_KEY)
    return int(stored.value["people"]) if stored is not None else DEFAULT_MIN_GROUP


def set_privacy_min_group(uow: UnitOfWork, actor: Actor, people: int) -> int:
    """Store the minimum group size (admin; audited with the previous value, which is returned)."""
    require_staff(actor, "admin")
    if not FLOOR_MIN_GROUP <= people <= MAX_MIN_GROUP:
        raise UserError("min_group_out_of_range", min=FLOOR_MIN_GROUP, max=MAX_MIN_GROUP)
    before = privacy_min_group(uow)
    stored = uow.session.get(AppSetting, MIN_GROUP_KEY)
    if stored is None:
        uow.session.add(AppSetting(key=MIN_GROUP_KEY, value={"people": people}, updated_at=uow.now,
                                   updated_by=actor.name))
    else:
        stored.value = {"people": people}
        stored.updated_at = uow.now
        stored.updated_by = actor.name
    audit(uow, actor, "min_group_setting", people_before=before, people=people)
    uow.commit()
    return before
