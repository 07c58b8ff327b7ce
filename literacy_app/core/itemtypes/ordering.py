"""Ordering: put the options in order.  ``adjacent_pairs`` credits each correctly ordered
neighbouring pair, so one misplaced step does not zero the item.  Moodle has no core ordering
type, so these items are not exchanged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .base import AddProblem, ItemContent, ItemType, bad_response, common_fields, option_texts
from .multiple import check_key_list


@dataclass(frozen=True, kw_only=True)
class OrderingContent(ItemContent):
    key: tuple[str, ...]
    scoring: str = "adjacent_pairs"


class OrderingType(ItemType[OrderingContent]):
    name = "ordering"
    label = "並べ替え"
    min_options = 3

    def parse(self, raw: Mapping[str, Any]) -> OrderingContent:
        return OrderingContent(**common_fields(raw), key=tuple(map(str, raw["key"])),
                               scoring=raw.get("scoring", "adjacent_pairs"))

    def arrange(self, option_ids: Sequence[str], shuffle: bool, rng: Any) -> list[str]:
        # always shuffled, and never shown already in the right order: that would give the key away
        order = list(option_ids)
        if len(order) > 1:
            original = list(order)
            while order == original:
                rng.shuffle(order)
        return order

    def normalise(self, content: ItemContent, response: Any) -> Any:
        if not isinstance(response, list) or sorted(response) != sorted(content.option_ids):
            raise bad_response("every option id once, in order")
        return list(response)

    def score(self, content: OrderingContent, response: Any) -> float:
        key = list(content.key)
        if list(response) == key:
            return 1.0
        if content.scoring == "all_or_nothing":
            return 0.0
        wanted = set(zip(key, key[1:], strict=False))
        got = sum(1 for pair in zip(response, response[1:], strict=False) if pair in wanted)
        return got / len(wanted)

    def correct_response(self, content: OrderingContent) -> Any:
        return list(content.key)

    def describe(self, value: Any, view: Mapping[str, Any], lang: str) -> str:
        texts = option_texts(view)
        return " → ".join(texts.get(v, str(v)) for v in value)

    def key_summary(self, key: Any) -> str:
        return " → ".join(map(str, key))

    def check(self, item: Any, add: AddProblem) -> None:
        check_key_list(item, add)
        missing = [o for o in item.options if o not in item.key]
        if missing:
            add("key", "ordering_key_incomplete", missing=", ".join(missing))


TYPE = OrderingType()
