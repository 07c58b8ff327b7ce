"""Drawing forms: counts per area and level, reproducibility, scenarios together, key hidden."""

from __future__ import annotations

import pytest

from literacy_app.core.assembly import PoolItem, draw_form
from literacy_app.core.errors import UserError


def _pool():
    pool = []
    n = 0
    for area in ("security", "data"):
        for level in (1, 2):
            for i in range(6):
                n += 1
                pool.append(PoolItem(n, f"{area}-{level}-{i}", "single", area, level, False, ("a", "b", "c", "d")))
    pool += [PoolItem(100 + i, f"case-{i}", "single", "data", 2, False, ("a", "b", "c", "d"), "sc-1")
             for i in range(3)]
    pool += [PoolItem(200, "ord", "ordering", "security", 1, False, ("a", "b", "c")),
             PoolItem(300, "pilot-1", "single", "data", 1, True, ("a", "b")),
             PoolItem(301, "pilot-2", "single", "data", 1, True, ("a", "b"))]
    return pool


BLUEPRINT = {"draw": {"security": {"1": 3, "2": 2}, "data": {"2": 9}}, "pilot_items": 1,
             "shuffle": {"items": True, "options": True}}


def test_counts_per_area_level_and_pilot():
    pool = {p.version_id: p for p in _pool()}
    form = draw_form(BLUEPRINT, list(pool.values()), seed=1)
    assert len(form) == 15 and len({d.version_id for d in form}) == 15
    chosen = [pool[d.version_id] for d in form]
    assert sum(1 for p in chosen if p.area == "security" and p.level == 1 and not p.pilot) == 3
    assert sum(1 for p in chosen if p.area == "data" and p.level == 2) == 9
    assert [d.pilot for d in form].count(True) == 1
    assert [d.position for d in form] == list(range(1, 16))


def test_same_seed_same_form_other_seed_other_form():
    pool = _pool()
    assert draw_form(BLUEPRINT, pool, 5) == draw_form(BLUEPRINT, list(reversed(pool)), 5)
    forms = {tuple((d.version_id, d.option_order) for d in draw_form(BLUEPRINT, pool, seed)) for seed in range(10)}
    assert len(forms) == 10


def test_scenario_items_stay_together_in_authored_order():
    pool = {p.version_id: p for p in _pool()}
    for seed in range(20):
        form = draw_form(BLUEPRINT, list(pool.values()), seed)
        positions = [d.position for d in form if pool[d.version_id].scenario_id == "sc-1"]
        if positions:
            assert positions == list(range(positions[0], positions[0] + len(positions)))
            names = [pool[d.version_id].item_id for d in form if pool[d.version_id].scenario_id == "sc-1"]
            assert names == sorted(names)


def test_ordering_items_are_never_shown_in_key_order():
    pool = _pool()
    blueprint = {"draw": {"security": {"1": 7}}, "shuffle": {"items": False, "options": False}}
    for seed in range(30):
        for drawn in draw_form(blueprint, pool, seed):
            if drawn.version_id == 200:
                assert drawn.option_order != ("a", "b", "c")


def test_not_enough_items_is_a_clear_error():
    with pytest.raises(UserError) as caught:
        draw_form({"draw": {"security": {"2": 50}}}, _pool(), 1)
    assert caught.value.code == "not_enough_items" and "security" in caught.value.render()
