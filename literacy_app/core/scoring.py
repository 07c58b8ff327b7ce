"""Pure scoring: a response against an item's content, per area, and the pass rule.

Every function here is deterministic and free of I/O so it can be tested exhaustively and used
alike by the services, the reports and the statistics.  A fraction is in [0, 1]; an item's mark
is fraction × points.  An unanswered item (response ``None``) scores 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .itemtypes import ItemContent, item_type, parse
from .itemtypes.base import common_fields
from .model import AreaResult


def typed(content: Mapping[str, Any] | ItemContent) -> ItemContent:
    """Typed content from stored JSON (a typed content passes through)."""
    return content if isinstance(content, ItemContent) else parse(content)


def normalise_response(content: Mapping[str, Any] | ItemContent, response: Any) -> Any:
    """Check a response's shape for the item type and return its stored form.

    ``None`` clears an answer.  Raises ``UserError('bad_response')`` for anything else that does
    not fit, so a bad client can never store a response the scorer would misread.  The rules
    per type are in ``core/itemtypes/``.
    """
    if response is None:
        return None
    if not isinstance(content, ItemContent):
        content = ItemContent(**common_fields(content))  # the shape needs no key: the view suffices
    return item_type(content.type).normalise(content, response)


def score_fraction(content: Mapping[str, Any] | ItemContent, response: Any) -> float:
    """Fraction of the item's points earned by a (normalised) response; unanswered earns 0."""
    if response is None:
        return 0.0
    content = typed(content)
    return item_type(content.type).score(content, response)


@dataclass(frozen=True)
class ScoredItem:
    area: str
    points: float
    fraction: float
    pilot: bool

    @property
    def mark(self) -> float:
        return self.points * self.fraction


@dataclass(frozen=True)
class PassRuleSpec:
    total_percent: float
    area_minimum_percent: float
    area_minimums: Mapping[str, float]

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> PassRuleSpec:
        return cls(float(raw["total_percent"]), float(raw.get("area_minimum_percent", 0.0)),
                   dict(raw.get("area_minimums", {})))


@dataclass(frozen=True)
class Outcome:
    score: float
    max_score: float
    percent: float
    passed: bool
    areas: tuple[AreaResult, ...]


def _percent(score: float, maximum: float) -> float:
    return 100.0 * score / maximum if maximum > 0 else 0.0


def evaluate(items: Iterable[ScoredItem], rule: PassRuleSpec, area_order: Iterable[str]) -> Outcome:
    """Totals per area and overall (pilot items excluded) and the pass decision.

    Passing needs the total percentage AND every area's minimum: strength in one area cannot
    hide a weak security area (the IT Passport 600/300 logic, docs/competence.md).
    """
    area_order = list(area_order)
    scores: dict[str, float] = {}
    maxima: dict[str, float] = {}
    for item in items:
        if item.pilot:
            continue
        scores[item.area] = scores.get(item.area, 0.0) + item.mark
        maxima[item.area] = maxima.get(item.area, 0.0) + item.points
    order = [a for a in area_order if a in maxima] + sorted(a for a in maxima if a not in area_order)
    areas = []
    for area in order:
        minimum = max(rule.area_minimum_percent, rule.area_minimums.get(area, 0.0))
        percent = _percent(scores[area], maxima[area])
        areas.append(AreaResult(area, round(scores[area], 6), maxima[area], round(percent, 4),
                                minimum, percent + 1e-9 >= minimum))
    total = sum(scores.values())
    maximum = sum(maxima.values())
    percent = _percent(total, maximum)
    passed = percent + 1e-9 >= rule.total_percent and all(a.passed for a in areas)
    return Outcome(round(total, 6), maximum, round(percent, 4), passed, tuple(areas))
