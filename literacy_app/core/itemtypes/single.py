"""Single choice: one right option; other options may carry Moodle partial-credit weights."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..interchange.model import Answer, Question
from .base import AddProblem, ItemContent, ItemType, Warn, bad_response, choice_feedback, common_fields, option_texts


@dataclass(frozen=True, kw_only=True)
class SingleContent(ItemContent):
    key: str
    weights: Mapping[str, float] = field(default_factory=dict)
    """Percent of the points an option other than the key earns (Moodle's ``~%50%``)."""


def _clamped(percent: float) -> float:
    return max(0.0, min(100.0, percent)) / 100.0


class SingleType(ItemType[SingleContent]):
    name = "single"
    label = "単一選択"
    min_options = 2
    shuffle_options = True
    choice = True
    moodle_kind = "multichoice"

    def parse(self, raw: Mapping[str, Any]) -> SingleContent:
        return SingleContent(**common_fields(raw), key=str(raw["key"]),
                             weights={str(k): float(v) for k, v in (raw.get("weights") or {}).items()})

    def normalise(self, content: ItemContent, response: Any) -> Any:
        if not isinstance(response, str) or response not in content.option_ids:
            raise bad_response("one option id")
        return response

    def score(self, content: SingleContent, response: Any) -> float:
        if response == content.key:
            return 1.0
        return _clamped(content.weights.get(response, 0.0)) if content.weights else 0.0

    def correct_response(self, content: SingleContent) -> Any:
        return content.key

    def feedback_keys(self, response: Any) -> list[str]:
        return [response] if isinstance(response, str) else []

    def chosen_options(self, response: Any) -> list[str]:
        return [response] if isinstance(response, str) else []

    def describe(self, value: Any, view: Mapping[str, Any], lang: str) -> str:
        return option_texts(view).get(value, str(value))

    def check(self, item: Any, add: AddProblem) -> None:
        if item.key not in item.options:
            add("key", "key_not_option", key=item.key, options=", ".join(item.options))
        if item.weights and item.weights.get(item.key, 100.0) != 100.0:
            add("weights", "weight_key_not_full", entry=item.key, key=item.key)

    def feedback_answers(self, item: Any) -> set[str]:
        return set(item.options)

    def to_question(self, item: Mapping[str, Any], question: Question, warn: Warn) -> None:
        question.kind, question.single = "multichoice", True
        key = str(item.get("key"))
        weights = {str(k): float(v) for k, v in (item.get("weights") or {}).items()}
        feedback = choice_feedback(item)
        question.answers = [
            Answer(str(text), 100.0 if option == key else weights.get(option, 0.0), feedback.get(option))
            for option, text in ((str(k), v) for k, v in (item.get("options") or {}).items())]


TYPE = SingleType()
