"""Multiple response: several right options.

``partial`` scoring (Moodle's usual weights): each right pick earns 1/R, each wrong pick costs
1/W (R, W = numbers of right and wrong options), floored at 0.  Explicit Moodle weights replace
that rule: the chosen options' percentages are added and the sum clamped to 0–100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..interchange.model import Answer, Question
from .base import AddProblem, ItemContent, ItemType, Warn, bad_response, choice_feedback, common_fields, option_texts


@dataclass(frozen=True, kw_only=True)
class MultipleContent(ItemContent):
    key: tuple[str, ...]
    scoring: str = "partial"
    weights: Mapping[str, float] = field(default_factory=dict)


def check_key_list(item: Any, add: AddProblem) -> None:
    """Every key entry is an option and appears once (multiple response and ordering)."""
    listing = ", ".join(item.options)
    for key, count in Counter(item.key).items():
        if key not in item.options:
            add("key", "key_not_option", entry=key, key=key, options=listing)
        elif count > 1:
            add("key", "key_duplicate", entry=key, key=key)


class MultipleType(ItemType[MultipleContent]):
    name = "multiple"
    label = "複数選択"
    min_options = 3
    shuffle_options = True
    choice = True
    moodle_kind = "multichoice"

    def parse(self, raw: Mapping[str, Any]) -> MultipleContent:
        return MultipleContent(**common_fields(raw), key=tuple(map(str, raw["key"])),
                               scoring=raw.get("scoring", "partial"),
                               weights={str(k): float(v) for k, v in (raw.get("weights") or {}).items()})

    def normalise(self, content: ItemContent, response: Any) -> Any:
        options = content.option_ids
        if not isinstance(response, list) or not all(isinstance(r, str) and r in options for r in response):
            raise bad_response("a list of option ids")
        return sorted(set(response), key=options.index)

    def score(self, content: MultipleContent, response: Any) -> float:
        if content.weights:
            return max(0.0, min(100.0, sum(content.weights.get(option, 0.0) for option in response))) / 100.0
        right = set(content.key)
        wrong = set(content.option_ids) - right
        chosen = set(response)
        if content.scoring == "all_or_nothing":
            return 1.0 if chosen == right else 0.0
        earned = len(chosen & right) / len(right) - (len(chosen & wrong) / len(wrong) if wrong else 0.0)
        return max(0.0, earned)

    def correct_response(self, content: MultipleContent) -> Any:
        return list(content.key)

    def feedback_keys(self, response: Any) -> list[str]:
        return [str(option) for option in response] if isinstance(response, list) else []

    def chosen_options(self, response: Any) -> list[str]:
        return [option for option in response if isinstance(option, str)] if isinstance(response, list) else []

    def describe(self, value: Any, view: Mapping[str, Any], lang: str) -> str:
        texts = option_texts(view)
        return "、".join(texts.get(v, str(v)) for v in value)

    def key_summary(self, key: Any) -> str:
        return "、".join(map(str, key))

    def check(self, item: Any, add: AddProblem) -> None:
        check_key_list(item, add)
        if set(item.key) >= set(item.options):
            add("key", "multiple_all_keys")
        if item.weights:
            positive = {option for option, weight in item.weights.items() if weight > 0}
            total = sum(item.weights[option] for option in positive)
            if abs(total - 100.0) > 0.01:
                add("weights", "weights_sum", total=f"{total:g}")
            if positive != set(item.key):
                add("key", "weights_key_mismatch", positive=", ".join(sorted(positive)))

    def feedback_answers(self, item: Any) -> set[str]:
        return set(item.options)

    def to_question(self, item: Mapping[str, Any], question: Question, warn: Warn) -> None:
        question.kind, question.single = "multichoice", False
        options = {str(k): str(v) for k, v in (item.get("options") or {}).items()}
        keys = [str(k) for k in item.get("key") or []]
        if item.get("scoring") == "all_or_nothing":
            warn("ix_export_all_or_nothing")
        weights = {str(k): float(v) for k, v in (item.get("weights") or {}).items()}
        right, wrong = len(keys), max(1, len(options) - len(keys))
        if weights:
            fractions = {option: weights.get(option, 0.0) for option in options}
        else:
            fractions = {option: 100 / right if option in keys else -100 / wrong for option in options}
        feedback = choice_feedback(item)
        question.answers = [Answer(text, fractions[option], feedback.get(option)) for option, text in options.items()]


TYPE = MultipleType()
