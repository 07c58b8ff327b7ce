"""The shipped question banks: counts, balance, drawability and form (issue 4's content rules).

These are the checks a careful trainer would run before a bank goes live; they read the real
files in question_banks/ and draw real forms from them.
"""

from __future__ import annotations

from collections import Counter

import pytest

from literacy_app.core.assembly import PoolItem, draw_form
from literacy_app.core.banks import validate_paths
from literacy_app.core.catalog import AREAS, SUB_COMPETENCES
from literacy_app.core.text import normalise_answer
from literacy_app.resources import question_banks_dir

BLUEPRINTS = ("recruit-standard", "promotion-standard", "manager-standard")


@pytest.fixture(scope="module")
def banks():
    result = validate_paths([question_banks_dir()])
    assert result.ok, "\n".join(p.render() for p in result.problems)
    return result


@pytest.fixture(scope="module")
def items(banks):
    return [item for _bank, _index, item in banks.items()]


def test_at_least_240_approved_items_in_seven_areas(items):
    assert len(items) >= 240
    assert {item.area for item in items} == set(AREAS)
    assert all(item.status == "approved" for item in items)


def test_type_mix(items):
    types = Counter(item.type for item in items)
    assert types["multiple"] >= 20
    assert types["ordering"] + types["matching"] >= 10
    assert types["numeric"] + types["short_text"] >= 10
    assert sum(1 for item in items if item.scenario) >= 12
    assert types["single"] > len(items) / 2  # mostly single choice


def test_every_item_is_complete_and_tagged(items):
    for item in items:
        assert item.sub_competence in SUB_COMPETENCES[item.area], (item.id, item.sub_competence)
        assert len(item.explanation) >= 40, item.id  # why the key is right and the distractor wrong
        assert item.tags.dss and item.tags.digcomp and item.tags.itpassport
        assert item.audiences


def test_stems_are_unique(items):
    stems = Counter(normalise_answer(item.stem) for item in items)
    assert [stem for stem, count in stems.items() if count > 1] == []


def test_explanations_never_name_an_option_by_letter(items):
    """Options are shuffled on screen, so 「aは誤り」 would point at the wrong option."""
    import re

    pattern = re.compile(r"(?<![A-Za-z])[a-f](?:は|が|を|の選択肢|）|\))")
    offenders = [item.id for item in items if getattr(item, "options", None) and pattern.search(item.explanation)]
    assert offenders == []


def test_single_choice_key_position_and_length_balance(items):
    singles = [item for item in items if item.type == "single"]
    positions = Counter(list(item.options).index(item.key) for item in singles)
    assert max(positions.values()) / len(singles) <= 0.35, positions
    longest = 0
    for item in singles:
        lengths = [len(text) for text in item.options.values()]
        if len(item.options[item.key]) == max(lengths) and lengths.count(max(lengths)) == 1:
            longest += 1
    assert longest / len(singles) <= 0.40


def _pool(items, audience):
    return [PoolItem(number, item.id, item.type, item.area, item.level, item.pilot,
                     tuple(getattr(item, "options", {}) or ()), item.scenario)
            for number, item in enumerate(items, start=1)
            if item.status == "approved" and audience in item.audiences]


@pytest.mark.parametrize("blueprint_id", BLUEPRINTS)
def test_each_blueprint_has_three_times_its_draw_and_draws_20_forms(banks, items, blueprint_id):
    blueprint = next(b.model for b in banks.blueprints if b.model.blueprint == blueprint_id)
    pool = _pool(items, blueprint.audience)
    available = Counter((p.area, p.level) for p in pool if not p.pilot)
    for area, levels in blueprint.draw.items():
        for level, need in levels.items():
            assert available[(area, level)] >= 3 * need, (blueprint_id, area, level, available[(area, level)])
    pilots = sum(1 for p in pool if p.pilot)
    assert blueprint.pilot_items and pilots >= blueprint.pilot_items
    total = sum(sum(levels.values()) for levels in blueprint.draw.values())
    assert 0.08 <= blueprint.pilot_items / total <= 0.15  # about 10 % unscored pilot items
    forms = set()
    for seed in range(20):
        form = draw_form(blueprint.model_dump(mode="json"), pool, seed)
        ids = [d.version_id for d in form]
        assert len(ids) == len(set(ids)) == total + blueprint.pilot_items
        forms.add(tuple(sorted(ids)))
    assert len(forms) >= 15  # repeated sittings differ


def test_blueprints_follow_the_guide(banks):
    by_id = {b.model.blueprint: b.model for b in banks.blueprints}
    expected = {  # docs/competence.md: items per area, time, pass rule
        "recruit-standard": ({"dx_mindset": 5, "data": 6, "technology": 6, "collaboration": 7, "security": 10,
                              "digital_gov": 6}, 45, 60),
        "promotion-standard": ({"dx_mindset": 5, "data": 8, "technology": 6, "collaboration": 6, "security": 10,
                                "digital_gov": 8, "dx_management": 7}, 60, 65),
        "manager-standard": ({"dx_mindset": 5, "data": 5, "technology": 4, "collaboration": 3, "security": 7,
                              "digital_gov": 6, "dx_management": 10}, 60, 65),
    }
    for blueprint_id, (counts, minutes, total_percent) in expected.items():
        blueprint = by_id[blueprint_id]
        assert {area: sum(levels.values()) for area, levels in blueprint.draw.items()} == counts
        assert blueprint.time_limit_minutes == minutes
        assert blueprint.pass_rule.total_percent == total_percent
        assert blueprint.pass_rule.area_minimums["security"] == 60
    assert by_id["manager-standard"].pass_rule.area_minimums["dx_management"] == 60


def test_learning_links_for_every_area(banks):
    areas = {area for bank in banks.banks for area, links in bank.model.area_links.items() if links}
    assert areas == set(AREAS)
    for bank in banks.banks:
        for links in bank.model.area_links.values():
            for link in links:
                assert link.url.startswith("https://www.") and link.url.split("/")[2].endswith(".go.jp")
