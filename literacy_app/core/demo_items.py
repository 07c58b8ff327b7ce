"""Demo data, the pure part for items: a difficulty per item and plausible responses.

Each item gets a difficulty from its level plus noise and popularity weights for its wrong
answers, both fixed by the seed and the item id (the same item behaves alike in every attempt
and every run).  A simulated examinee answers correctly with P = logistic(θ − b); a wrong answer
is a distractor chosen by popularity, or for multi-part items a partly right response.  Every
response has the shape ``scoring.normalise_response`` accepts.
"""

from __future__ import annotations

import bisect
import random
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .demo_model import logistic
from .itemtypes import ItemContent, parse
from .scoring import score_fraction

LEVEL_DIFFICULTY = {1: -1.5, 2: -0.7, 3: 0.0, 4: 0.6}
DIFFICULTY_NOISE = 0.5
SKIP_RATE = 0.012  # items left unanswered although there was time
FLAG_RATE = 0.03
_FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


@dataclass(frozen=True)
class ItemSim:
    """How simulated examinees answer one item version."""

    content: Mapping[str, Any]
    typed: ItemContent
    difficulty: float
    right: tuple[Any, ...]  # responses that score 1 (the first is the usual one)
    wrong: tuple[Any, ...]  # single-part wrong responses (distractors, wrong numbers, texts)
    wrong_cumulative: tuple[float, ...]  # popularity of ``wrong``, cumulative, ending at 1


def _item_rng(seed: int, item_id: str) -> np.random.Generator:
    return np.random.default_rng([seed, 4, zlib.crc32(item_id.encode("utf-8"))])


def _numeric_wrong(key: Mapping[str, Any]) -> list[float]:
    value, tolerance = float(key["value"]), float(key.get("tolerance", 0.0))
    candidates = [value * 10, value / 10, value + 1, value - 1, round(value * 1.2, 1), round(value * 0.8, 1), 0.0]
    unique: list[float] = []
    for candidate in candidates:
        if abs(candidate - value) > tolerance + 1e-9 and candidate not in unique:
            unique.append(candidate)
    return unique


def _short_text_variants(key: Sequence[str]) -> tuple[list[str], list[str]]:
    first = key[0]
    right = list(key) + [first.translate(_FULL_WIDTH), first.lower(), f" {first} "]
    wrong = [first.replace("$", ""), first[:-1], first[1:], first + first[-1], "わからない"]
    return right, wrong


def prepare_item(content: Mapping[str, Any], item_id: str, seed: int) -> ItemSim:
    """Difficulty and answer choices of one item, fixed by the seed and the item id."""
    rng = _item_rng(seed, item_id)
    difficulty = LEVEL_DIFFICULTY.get(int(content["level"]), 0.0) + float(rng.normal(0.0, DIFFICULTY_NOISE))
    kind, key = content["type"], content["key"]
    options = [option for option, _text in content.get("options", [])]
    right: list[Any]
    wrong: list[Any]
    if kind == "single":
        right, wrong = [key], [o for o in options if o != key]
    elif kind == "true_false":
        right, wrong = [key], [not key]
    elif kind == "numeric":
        value = key["value"]
        right, wrong = [int(value) if float(value).is_integer() else value], _numeric_wrong(key)
    elif kind == "short_text":
        right, wrong = _short_text_variants(key)
    else:  # multiple, ordering, matching: built part by part in simulate_response
        right, wrong = [key], []
    # keep only what really scores as intended: a variant the scorer reads otherwise is dropped
    typed = parse(content)
    right = [r for r in right if score_fraction(typed, r) == 1.0] or [right[0]]
    wrong = [w for w in wrong if score_fraction(typed, w) == 0.0 and (not isinstance(w, str) or w.strip())]
    weights = rng.dirichlet(np.full(len(wrong), 0.9)) if wrong else np.array([])
    cumulative = tuple(float(x) for x in np.cumsum(weights))
    if cumulative:
        cumulative = cumulative[:-1] + (1.0,)
    return ItemSim(content, typed, difficulty, tuple(right), tuple(wrong), cumulative)


def _pick_wrong(sim: ItemSim, rng: random.Random) -> Any:
    return sim.wrong[bisect.bisect_left(sim.wrong_cumulative, rng.random())]


def simulate_response(sim: ItemSim, p: float, rng: random.Random) -> Any:
    """A response by someone who gets this item right with probability ``p``."""
    kind = sim.content["type"]
    if kind == "multiple":
        return _multiple(sim, p, rng)
    if kind == "ordering":
        return _ordering(sim, p, rng)
    if kind == "matching":
        return _matching(sim, p, rng)
    if rng.random() < p or not sim.wrong:
        return sim.right[0] if len(sim.right) == 1 or rng.random() < 0.9 else rng.choice(sim.right[1:])
    return _pick_wrong(sim, rng)


def _multiple(sim: ItemSim, p: float, rng: random.Random) -> list[str]:
    key = set(sim.content["key"])
    options = [option for option, _text in sim.content["options"]]
    if rng.random() < p * p:
        return [o for o in options if o in key]
    chosen = [o for o in options if (rng.random() < p if o in key else rng.random() < (1 - p) * 0.5)]
    return chosen or [rng.choice(options)]


def _ordering(sim: ItemSim, p: float, rng: random.Random) -> list[str]:
    order = list(sim.content["key"])
    if rng.random() < p:
        return order
    for _ in range(1 + int(rng.random() * (1 - p) * len(order))):  # a few neighbours swapped
        i = rng.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    return order


def _matching(sim: ItemSim, p: float, rng: random.Random) -> dict[str, str]:
    key = sim.content["key"]
    options = [option for option, _text in sim.content["options"]]
    answer = {}
    for premise, _text in sim.content["premises"]:
        right = key[premise]
        answer[premise] = right if rng.random() < p else rng.choice([o for o in options if o != right] or [right])
    return answer


def simulate_sitting(items: Sequence[tuple[ItemSim, float]], rng: random.Random,
                     answered_until: int | None = None) -> list[tuple[Any, bool]]:
    """(response, flagged) per position for items given as (sim, θ in the item's area).

    ``answered_until``: a sitting cut off by the clock leaves the positions from there empty.
    """
    result = []
    for position, (sim, theta) in enumerate(items):
        flagged = rng.random() < FLAG_RATE
        if (answered_until is not None and position >= answered_until) or rng.random() < SKIP_RATE:
            result.append((None, flagged))
            continue
        result.append((simulate_response(sim, logistic(theta - sim.difficulty), rng), flagged))
    return result
