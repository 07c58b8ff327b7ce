"""The trainer's services (issue 6): the review queue, an item's version history, and a preview of
what publishing the banks would do.  Qt-free; the trainer window (``ui/trainer``) calls these.

Every function takes ``(uow, actor, …)`` and checks the role itself (trainer or admin): the
window hiding a button is a convenience, never the protection.  Nothing here writes — the editor
writes YAML, ``publishing.publish_bank`` writes the database.

- ``review_queue``: items of the bank files that are due for their periodic review, or that the
  statistics over every finished attempt flag (``trainer_stats``).
- ``item_history``: every published version, newest first, each with a readable diff
  (``trainer_history``).
- ``publish_preview``: the new / changed / unchanged / metadata-only / retired items and the
  blueprint changes ``publish_bank`` would make, from the very comparison it makes
  (``publishing.plan_publish``), or the validation problems that stop it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.banks import Problem, load_paths, validate_paths
from ..core.fiscal import months_before
from ..core.i18n import message
from ..core.itemtypes import item_type
from ..core.model import Actor
from ..core.statistics import NEGATIVE_DISCRIMINATION, TOO_EASY, TOO_HARD
from ..storage.uow import UnitOfWork
from ._common import require_staff
from .publishing import hash_image, plan_blueprints, plan_publish
from .trainer_history import VersionEntry, item_history, render_content
from .trainer_stats import MIN_RESPONSES, WEAK_DISTRACTOR, ItemFigures, compute_figures, item_figures

__all__ = [
    "REASONS", "REVIEW_DUE", "ItemFigures", "PublishPreview", "ReviewEntry", "VersionEntry", "item_figures",
    "item_history", "months_before", "publish_preview", "render_content", "review_queue",
]

REVIEW_DUE = "review_due"
REASONS = (REVIEW_DUE, NEGATIVE_DISCRIMINATION, TOO_EASY, TOO_HARD, WEAK_DISTRACTOR)
"""The reason codes, in the order an entry lists them; each is a message code of ``core.i18n``
whose parameters are the entry's ``details``."""
EXCERPT = 60
"""Characters of the stem shown in the queue."""


@dataclass(frozen=True)
class ReviewEntry:
    """One item of the bank files that needs a trainer's look, and why.

    ``reasons`` are codes from ``REASONS``:

    - ``review_due``: status draft or approved and ``reviewed`` is before the date ``months``
      calendar months before today (exactly 6 months ago is not yet due, 6 months and a day is);
    - ``negative_discrimination``: the pooled discrimination index is below 0 (at any n);
    - ``too_easy`` / ``too_hard``: facility above 0.95 / below 0.2, with at least min_responses;
    - ``weak_distractor``: an option that is not part of the key was chosen by under 2 % of at
      least min_responses responses (single and multiple items; only options still in the file).

    ``details`` holds the figures behind them: ``reviewed`` (date), ``months_since`` (whole
    calendar months) and ``review_months`` for a due review; and whenever finished attempts have
    answered the item ``n``, ``pilot_n``, ``assessments``, ``facility`` (0–1),
    ``discrimination_index`` (× 100, None if undefined), ``few_responses`` (n < min_responses),
    ``weak_options`` ({option id: share}) and ``weak_options_text`` (“d 1.2%, e 0.0%”).
    ``message(reason, lang, **details)`` renders a reason as a sentence.
    """

    item_id: str
    path: str
    line: int
    area: str
    status: str
    pilot: bool
    stem_excerpt: str
    reasons: tuple[str, ...]
    details: dict[str, Any] = field(default_factory=dict)

    def sentences(self, lang: str = "ja") -> list[str]:
        return [message(reason, lang, **self.details) for reason in self.reasons]


@dataclass(frozen=True)
class PublishPreview:
    """What ``publish_bank`` would do with these files; empty lists when ``problems`` stop it.

    Item ids per outcome, in file order (``retired``: in the database's order): ``new`` (no such id
    yet), ``changed`` (new content: a new or earlier version becomes current), ``unchanged``,
    ``metadata_updated`` (same content; status, review date, reviewer, audiences, source or pilot
    differ: no new version), ``retired`` (published, absent from the files, not yet retired);
    blueprint ids ``blueprints_new`` and ``blueprints_changed``.  The counts equal those of the
    ``PublishReport`` the publish would return (``blueprints`` = new + changed blueprints).
    """

    problems: tuple[Problem, ...] = ()
    new: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    metadata_updated: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()
    blueprints_new: tuple[str, ...] = ()
    blueprints_changed: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def blueprints(self) -> int:
        return len(self.blueprints_new) + len(self.blueprints_changed)

    def summary(self, lang: str = "ja") -> str:
        if not self.ok:
            return message("publish_preview_invalid", lang, count=len(self.problems))
        return message("publish_preview", lang, new=len(self.new), changed=len(self.changed),
                       unchanged=len(self.unchanged), metadata=len(self.metadata_updated),
                       retired=len(self.retired), blueprints=self.blueprints)


def _paths(paths: str | Path | Iterable[str | Path]) -> list[str | Path]:
    return [paths] if isinstance(paths, (str, Path)) else list(paths)


def _months_since(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 when later is not after earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    while months > 0 and months_before(later, months) < earlier:
        months -= 1
    return max(0, months)


def review_queue(uow: UnitOfWork, actor: Actor, paths: str | Path | Iterable[str | Path], *, today: dt.date,
                 months: int = 6, min_responses: int = MIN_RESPONSES) -> list[ReviewEntry]:
    """Items of the bank files (a folder or files) that are due for review or flagged by statistics.

    The files are read with the project's loader (``load_paths``: schema only), so one broken item
    or file does not hide the rest; what cannot be read contributes nothing — showing problems is
    the validation's job.  Retired items are left out: they are never drawn.  The statistics are
    ``trainer_stats``' figures over every finished attempt in the database, pilot items included.
    Entries come in file order (path, then line).  ``today`` is explicit so the caller decides
    which day it is (the window passes the local date).
    """
    require_staff(actor, "trainer", "admin")
    bank_set = load_paths(_paths(paths))
    figures = compute_figures(uow, min_responses)
    cutoff = months_before(today, months)
    entries = []
    for bank, index, item in bank_set.items():
        if item.status == "retired":
            continue
        reasons: list[str] = []
        details: dict[str, Any] = {}
        if item.reviewed < cutoff:
            reasons.append(REVIEW_DUE)
            details.update(reviewed=item.reviewed, months_since=_months_since(item.reviewed, today),
                           review_months=months)
        found = figures.get(item.id)
        if found is not None:
            reasons += _statistics_reasons(item, found, min_responses, details)
        if reasons:
            line, _col = bank.item_position(index)
            entries.append(ReviewEntry(item.id, bank.path, line, item.area, item.status, item.pilot,
                                       _excerpt(item.stem), tuple(reasons), details))
    entries.sort(key=lambda e: (e.path, e.line))
    return entries


def _statistics_reasons(item: Any, found: ItemFigures, min_responses: int, details: dict[str, Any]) -> list[str]:
    """The statistics' flags that concern the item as it is in the file, and their figures."""
    kind = item_type(item.type)
    keys = set(kind.chosen_options(item.key))  # a choice item's key names options as a response does
    distractors = set(getattr(item, "options", None) or ()) - keys if kind.choice else set()
    weak = {option: share for option, share in found.weak_options(min_responses).items() if option in distractors}
    details.update(n=found.n, pilot_n=found.pilot_n, assessments=found.assessments, facility=found.facility,
                   discrimination_index=found.discrimination_index, few_responses=found.n < min_responses,
                   weak_options=weak,
                   weak_options_text=", ".join(f"{option} {share:.1%}" for option, share in weak.items()))
    reasons = [flag for flag in (NEGATIVE_DISCRIMINATION, TOO_EASY, TOO_HARD) if flag in found.flags]
    if weak:
        reasons.append(WEAK_DISTRACTOR)
    return reasons


def _excerpt(stem: str) -> str:
    text = " ".join(stem.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"


def publish_preview(uow: UnitOfWork, actor: Actor, paths: str | Path | Iterable[str | Path], *,
                    retire_missing: bool = True) -> PublishPreview:
    """What ``publish_bank(uow, actor, paths, retire_missing)`` would do, without writing anything.

    The files are validated exactly as publishing validates them (``validate_paths``); if they
    have problems, the preview lists them and nothing else, since nothing could be published.
    Otherwise the items and blueprints are compared with the database by ``plan_publish`` and
    ``plan_blueprints`` — the functions ``publish_bank`` itself runs — with images only hashed,
    never stored, so the preview and the publish cannot disagree.
    """
    require_staff(actor, "trainer", "admin")
    bank_set = validate_paths(_paths(paths))
    if not bank_set.ok:
        return PublishPreview(problems=tuple(bank_set.problems))
    session = uow.session
    plan = plan_publish(session, bank_set, hash_image, retire_missing)
    by_action: dict[str, list[str]] = {"new": [], "changed": [], "unchanged": [], "metadata_updated": []}
    for planned in plan.items:
        by_action[planned.action].append(planned.model.id)
    blueprints: dict[str, list[str]] = {"new": [], "changed": [], "unchanged": []}
    for loaded, _content, _digest, action in plan_blueprints(session, bank_set):
        blueprints[action].append(loaded.model.blueprint)
    return PublishPreview(
        new=tuple(by_action["new"]), changed=tuple(by_action["changed"]), unchanged=tuple(by_action["unchanged"]),
        metadata_updated=tuple(by_action["metadata_updated"]), retired=tuple(plan.retire),
        blueprints_new=tuple(blueprints["new"]), blueprints_changed=tuple(blueprints["changed"]))
