"""Rules that relate fields and files to each other, each reported at the offending value.

Pydantic checks the shape of one file; these checks need the whole set: duplicate ids across
files, scenarios that must exist, and blueprints that must be drawable from the approved items.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..itemtypes import item_type
from ..itemtypes.base import AddProblem, ItemType
from ..text import normalise_answer
from .load import BankSet, LoadedBank, LoadedBlueprint
from .problems import Problem
from .yamlread import Map, Seq

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
"""Pictures the examinee's window can show (Qt's built-in image formats)."""


def check(bank_set: BankSet) -> list[Problem]:
    """Run every cross-field and cross-file rule; the problems are also added to the set."""
    problems: list[Problem] = []
    items_by_id: dict[str, str] = {}
    scenarios: dict[str, str] = {}
    for bank in bank_set.banks:
        for index, scenario in enumerate(bank.model.scenarios):
            where = _pos(bank, ("scenarios", index, "id"))
            if scenario.id in scenarios:
                problems.append(Problem(bank.path, *where, "duplicate_scenario_id",
                                        {"id": scenario.id, "first": scenarios[scenario.id]}))
            else:
                scenarios[scenario.id] = f"{bank.path}:{where[0]}"
    for bank, index, item in bank_set.items():
        where = bank.item_position(index, "id")
        if item.id in items_by_id:
            problems.append(Problem(bank.path, *where, "duplicate_item_id",
                                    {"id": item.id, "first": items_by_id[item.id]}))
        else:
            items_by_id[item.id] = f"{bank.path}:{where[0]}"
        problems.extend(_item_rules(bank, index, item, scenarios))
    blueprint_ids: dict[str, str] = {}
    for blueprint in bank_set.blueprints:
        where = blueprint.position("blueprint")
        bp_id = blueprint.model.blueprint
        if bp_id in blueprint_ids:
            problems.append(Problem(blueprint.path, *where, "duplicate_blueprint_id",
                                    {"id": bp_id, "first": blueprint_ids[bp_id]}))
        else:
            blueprint_ids[bp_id] = f"{blueprint.path}:{where[0]}"
        problems.extend(_blueprint_rules(bank_set, blueprint))
    bank_set.problems.extend(problems)
    return problems


def _pos(bank: LoadedBank, keys: tuple[Any, ...]) -> tuple[int, int]:
    node: Any = bank.data
    position = node.pos
    for key in keys:
        if isinstance(node, Map) and key in node:
            position = node.key_pos[key]
            node = node[key]
        elif isinstance(node, Seq) and isinstance(key, int) and key < len(node):
            position = node.item_pos[key]
            node = node[key]
        else:
            break
    return position


def _item_rules(bank: LoadedBank, index: int, item: Any, scenarios: dict[str, str]) -> list[Problem]:
    found: list[Problem] = []

    def add(field: str, code: str, entry: Any = None, **params: Any) -> None:
        found.append(Problem(bank.path, *bank.item_position(index, field, entry), code, params))

    options = getattr(item, "options", None)
    kind = item_type(item.type)
    if options is not None:
        minimum = kind.min_options
        if len(options) < minimum:
            add("options", "too_few_options", min=minimum)
        first_with_text: dict[str, str] = {}
        for option_id, text in options.items():
            normal = normalise_answer(text)
            if normal in first_with_text:
                add("options", "duplicate_option_text", entry=option_id, text=text)
            else:
                first_with_text[normal] = option_id
    kind.check(item, add)
    _weight_and_feedback_rules(item, kind, add)
    if item.scenario is not None and item.scenario not in scenarios:
        add("scenario", "scenario_missing", scenario=item.scenario)
    if item.image is not None:
        folder = Path(bank.path).parent.resolve()
        image_path = (folder / item.image).resolve()
        if Path(item.image).is_absolute() or not image_path.is_relative_to(folder):
            add("image", "image_outside_folder", image=item.image)  # publishing stores the file: keep it in the banks
        elif image_path.suffix.lower() not in IMAGE_SUFFIXES:
            add("image", "image_not_picture", image=item.image, suffixes=", ".join(IMAGE_SUFFIXES))
        elif not image_path.is_file():
            add("image", "image_missing", image=item.image)
    return found


def _weight_and_feedback_rules(item: Any, kind: ItemType[Any], add: AddProblem) -> None:
    """Moodle weights and per-answer feedback must name real answers (the type's own rules
    relate weights to the key)."""
    options = getattr(item, "options", None) or {}
    for option_id in getattr(item, "weights", None) or {}:
        if option_id not in options:
            add("weights", "weight_not_option", entry=option_id, option=option_id)
    feedback = getattr(item, "feedback", None)
    if feedback:
        allowed = kind.feedback_answers(item)
        for answer in feedback:
            if answer not in allowed:
                add("feedback", "feedback_not_option", entry=answer, answer=answer)


def pool_counts(bank_set: BankSet, audience: str, pilot: bool = False) -> Counter[tuple[str, int]]:
    """Approved items per (area, level) available to an audience, pilot or regular."""
    counts: Counter[tuple[str, int]] = Counter()
    for _bank, _index, item in bank_set.items():
        if item.status == "approved" and audience in item.audiences and item.pilot == pilot:
            counts[(item.area, item.level)] += 1
    return counts


def _blueprint_rules(bank_set: BankSet, blueprint: LoadedBlueprint) -> list[Problem]:
    model = blueprint.model
    found: list[Problem] = []
    regular = pool_counts(bank_set, model.audience)
    total = 0
    for area, levels in model.draw.items():
        for level, need in levels.items():
            total += need
            have = regular[(area, level)]
            if need > have:
                found.append(Problem(blueprint.path, *blueprint.position("draw", area, level),
                                     "audience_level_draw", {
                                         "blueprint": model.blueprint, "area": area, "level": level,
                                         "need": need, "have": have, "audience": model.audience}))
    if total == 0:
        found.append(Problem(blueprint.path, *blueprint.position("draw"), "blueprint_empty"))
    if model.pilot_items:
        have = sum(pool_counts(bank_set, model.audience, pilot=True).values())
        if model.pilot_items > have:
            found.append(Problem(blueprint.path, *blueprint.position("pilot_items"), "pilot_draw",
                                 {"need": model.pilot_items, "have": have}))
    drawn_areas = {area for area, levels in model.draw.items() if sum(levels.values()) > 0}
    for area in model.pass_rule.area_minimums:
        if area not in drawn_areas:
            found.append(Problem(blueprint.path,
                                 *blueprint.position("pass_rule", "area_minimums", area),
                                 "pass_area_not_drawn", {"area": area}))
    return found
