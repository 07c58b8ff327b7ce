"""Pure scoring: a response against an item's content, per area, and the pass rule.

Every function here is deterministic and free of I/O so it can be tested exhaustively and used
alike by the services, the reports and the statistics.  A fraction is in [0, 1]; an item's mark
is fraction × points.  An unanswered item (response ``None``) scores 0.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import UserError
from .model import AreaResult
from .text import normalise_answer


def _option_ids(content: Mapping[str, Any], field: str = "options") -> list[str]:
    return [key for key, _text in content.get(field, [])]


def normalise_response(content: Mapping[str, Any], response: Any) -> Any:
    """Check a response's shape for the item type and return its stored form.

    ``None`` clears an answer.  Raises ``UserError('bad_response')`` for anything else that does
    not fit, so a bad client can never store a response the scorer would misread.
    """
    if response is None:
        return None
    kind = content["type"]
    options = _option_ids(content)

    def bad(detail: str) -> UserError:
        return UserError("bad_response", detail=detail)

    if kind == "single":
        if not isinstance(response, str) or response not in options:
            raise bad("one option id")
        return response
    if kind == "multiple":
        if not isinstance(response, list) or not all(isinstance(r, str) and r in options for r in response):
            raise bad("a list of option ids")
        return sorted(set(response), key=options.index)
    if kind == "true_false":
        if not isinstance(response, bool):
            raise bad("true or false")
        return response
    if kind == "ordering":
        if not isinstance(response, list) or sorted(response) != sorted(options):
            raise bad("every option id once, in order")
        return list(response)
    if kind == "matching":
        premises = _option_ids(content, "premises")
        if not isinstance(response, dict):
            raise bad("a mapping of premise to option")
        cleaned = {}
        for premise, choice in response.items():
            if premise not in premises or (choice is not None and choice not in options):
                raise bad("a mapping of premise to option")
            if choice is not None:
                cleaned[premise] = choice
        return cleaned
    if kind == "numeric":
        if isinstance(response, bool):
            raise bad("a number")
        if isinstance(response, (int, float)):
            value = float(response)
        elif isinstance(response, str):
            text = unicodedata.normalize("NFKC", response).replace(",", "").strip()
            if not text:
                return None
            try:
                value = float(text)
            except ValueError:
                raise bad("a number") from None
        else:
            raise bad("a number")
        if not math.isfinite(value):
            raise bad("a number")
        return value
    if kind == "short_text":
        if not isinstance(response, str) or len(response) > 500:
            raise bad("text of at most 500 characters")
        return response if response.strip() else None
    raise bad(f"unknown item type {kind}")


def score_fraction(content: Mapping[str, Any], response: Any) -> float:
    """Fraction of the item's points earned by a (normalised) response."""
    if response is None:
        return 0.0
    kind = content["type"]
    key = content["key"]
    weights = content.get("weights")
    if kind == "single" and weights:
        return 1.0 if response == key else max(0.0, min(100.0, weights.get(response, 0.0))) / 100.0
    if kind in ("single", "true_false"):
        return 1.0 if response == key else 0.0
    if kind == "multiple" and weights:
        return max(0.0, min(100.0, sum(weights.get(option, 0.0) for option in response))) / 100.0
    if kind == "multiple":
        right = set(key)
        wrong = set(_option_ids(content)) - right
        chosen = set(response)
        if content.get("scoring", "partial") == "all_or_nothing":
            return 1.0 if chosen == right else 0.0
        earned = len(chosen & right) / len(right) - (len(chosen & wrong) / len(wrong) if wrong else 0.0)
        return max(0.0, earned)
    if kind == "ordering":
        if list(response) == list(key):
            return 1.0
        if content.get("scoring", "adjacent_pairs") == "all_or_nothing":
            return 0.0
        wanted = set(zip(key, key[1:], strict=False))
        got = sum(1 for pair in zip(response, response[1:], strict=False) if pair in wanted)
        return got / len(wanted)
    if kind == "matching":
        correct = sum(1 for premise, choice in key.items() if response.get(premise) == choice)
        if content.get("scoring", "per_pair") == "all_or_nothing":
            return 1.0 if correct == len(key) else 0.0
        return correct / len(key)
    if kind == "numeric":
        return 1.0 if abs(float(response) - key["value"]) <= key.get("tolerance", 0.0) + 1e-9 else 0.0
    if kind == "short_text":
        given = normalise_answer(response)
        return 1.0 if any(given == normalise_answer(accepted) for accepted in key) else 0.0
    return 0.0


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
    hide a weak security area (the IT Passport 600/300 logic, competence.md).
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
