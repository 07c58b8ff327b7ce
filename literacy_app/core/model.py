"""Plain, frozen records that cross the service boundary.

Screens and reports receive these, never ORM rows, so nothing can lazily hit the database from
the GUI thread and nothing an examinee's screen receives can contain an answer key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Actor:
    """Who is calling a service.  ``kind`` is 'examinee' or 'staff'; staff have a role."""

    kind: str
    id: int
    name: str
    role: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.kind == "staff"


SYSTEM = Actor("staff", 0, "system", "admin")
"""The actor for jobs the program does by itself (first-run publish, auto-finish)."""


@dataclass(frozen=True)
class ExamineeInfo:
    id: int
    staff_no: str
    name: str
    org_path: str
    audience: str


@dataclass(frozen=True)
class OpenAssessment:
    id: int
    title: str
    audience: str
    time_limit_minutes: int
    item_count: int
    attempts_left: int
    access_code_required: bool
    closes_at: dt.datetime | None
    unfinished_attempt_id: int | None
    instructions: str | None = None
    seat_codes: bool = False
    """The code asked for is the person's own (from the seat slip), not the room's."""


@dataclass(frozen=True)
class FormItem:
    """One item as an examinee may see it: no key, no explanation, no scoring rule."""

    position: int
    item_id: str
    version_id: int
    type: str
    stem: str
    options: tuple[tuple[str, str], ...]
    premises: tuple[tuple[str, str], ...]
    area: str
    unit: str | None
    scenario: dict[str, str] | None
    image: dict[str, str] | None
    points: float

    @classmethod
    def from_view(cls, position: int, item_id: str, version_id: int, view: dict[str, Any]) -> FormItem:
        """The form item of an examinee view (``core.itemtypes``: the only form that may leave the
        server before the review policy allows more)."""
        return cls(position=position, item_id=item_id, version_id=version_id, type=view["type"],
                   stem=view["stem"], options=tuple((k, t) for k, t in view["options"]),
                   premises=tuple((k, t) for k, t in view["premises"]), area=view["area"],
                   unit=view["unit"], scenario=view["scenario"], image=view["image"], points=view["points"])


@dataclass(frozen=True)
class AttemptState:
    """What a (re)opened attempt screen needs: the form, saved answers and the clock."""

    attempt_id: int
    assessment_id: int
    title: str
    items: tuple[FormItem, ...]
    answers: dict[int, Any]
    flags: frozenset[int]
    started_at: dt.datetime
    deadline_at: dt.datetime
    now: dt.datetime
    status: str
    last_position: int
    token: str | None = None
    """The attempt token the server issued (LAN mode): every further exam call carries it."""

    @property
    def remaining_seconds(self) -> float:
        return max(0.0, (self.deadline_at - self.now).total_seconds())


@dataclass(frozen=True)
class AreaResult:
    area: str
    score: float
    max_score: float
    percent: float
    minimum_percent: float
    passed: bool


@dataclass(frozen=True)
class AttemptResult:
    attempt_id: int
    status: str
    score: float
    max_score: float
    percent: float
    passed: bool
    areas: tuple[AreaResult, ...]
    finished_at: dt.datetime
    finished_by: str
    review: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    """Per-item key and explanation — filled only when the review policy allows."""


@dataclass(frozen=True)
class PublishReport:
    new: int
    changed: int
    unchanged: int
    retired: int
    metadata_updated: int
    blueprints: int
    publish_id: int | None
