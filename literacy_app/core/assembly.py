"""Blueprint → a drawn form, seeded and reproducible.

The same seed and the same pool always give the same form, so a disputed sitting can be
re-derived.  Items sharing a scenario stay next to each other (the case text is read once);
unscored pilot items are placed among the scored ones so examinees cannot tell them apart.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .catalog import AREAS
from .errors import UserError
from .itemtypes import item_type


@dataclass(frozen=True)
class PoolItem:
    """An approved item version that may be drawn, with what assembly needs to know."""

    version_id: int
    item_id: str
    type: str
    area: str
    level: int
    pilot: bool
    option_ids: tuple[str, ...]
    scenario_id: str | None = None


@dataclass(frozen=True)
class DrawnItem:
    position: int
    version_id: int
    option_order: tuple[str, ...]
    pilot: bool


def draw_form(blueprint: Mapping[str, Any], pool: Sequence[PoolItem], seed: int) -> list[DrawnItem]:
    """Draw a form: per area and level the blueprint's count, plus its pilot items."""
    rng = random.Random(seed)
    ordered_pool = sorted(pool, key=lambda p: p.item_id)
    regular = [p for p in ordered_pool if not p.pilot]
    chosen: list[tuple[PoolItem, bool]] = []
    draw = blueprint["draw"]
    for area in [a for a in AREAS if a in draw] + sorted(a for a in draw if a not in AREAS):
        for level in sorted(draw[area], key=int):
            need = int(draw[area][level])
            if need == 0:
                continue
            candidates = [p for p in regular if p.area == area and p.level == int(level)]
            if len(candidates) < need:
                raise UserError("not_enough_items", area=area, level=level, need=need,
                                have=len(candidates))
            chosen.extend((p, False) for p in rng.sample(candidates, need))
    pilots_wanted = int(blueprint.get("pilot_items", 0))
    if pilots_wanted:
        pilot_pool = [p for p in ordered_pool if p.pilot]
        take = min(pilots_wanted, len(pilot_pool))
        chosen.extend((p, True) for p in rng.sample(pilot_pool, take))

    shuffle = blueprint.get("shuffle", {})
    groups: dict[str, list[tuple[PoolItem, bool]]] = {}
    units: list[list[tuple[PoolItem, bool]]] = []
    for entry in chosen:
        scenario = entry[0].scenario_id
        if scenario is None:
            units.append([entry])
        elif scenario in groups:
            groups[scenario].append(entry)
        else:
            groups[scenario] = [entry]
            units.append(groups[scenario])
    if shuffle.get("items", True):
        rng.shuffle(units)
    for unit in units:
        unit.sort(key=lambda e: e[0].item_id)  # a case's questions read in authored order

    form = []
    for position, (item, pilot) in enumerate((e for unit in units for e in unit), start=1):
        form.append(DrawnItem(position, item.version_id, _option_order(item, shuffle, rng), pilot))
    return form


def _option_order(item: PoolItem, shuffle: Mapping[str, Any], rng: random.Random) -> tuple[str, ...]:
    return tuple(item_type(item.type).arrange(item.option_ids, shuffle.get("options", True), rng))
