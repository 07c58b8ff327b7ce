"""True / false: a statement the examinee judges; no options to shuffle."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..interchange.model import Question
from .base import ItemContent, ItemType, Warn, bad_response, choice_feedback, common_fields


@dataclass(frozen=True, kw_only=True)
class TrueFalseContent(ItemContent):
    key: bool


class TrueFalseType(ItemType[TrueFalseContent]):
    name = "true_false"
    label = "正誤"
    moodle_kind = "truefalse"

    def parse(self, raw: Mapping[str, Any]) -> TrueFalseContent:
        return TrueFalseContent(**common_fields(raw), key=bool(raw["key"]))

    def normalise(self, content: ItemContent, response: Any) -> Any:
        if not isinstance(response, bool):
            raise bad_response("true or false")
        return response

    def score(self, content: TrueFalseContent, response: Any) -> float:
        return 1.0 if response == content.key else 0.0

    def correct_response(self, content: TrueFalseContent) -> Any:
        return content.key

    def feedback_keys(self, response: Any) -> list[str]:
        return ["true" if response else "false"] if isinstance(response, bool) else []

    def describe(self, value: Any, view: Mapping[str, Any], lang: str) -> str:
        if lang == "ja":
            return "○ 正しい" if value else "× 誤り"
        return "True" if value else "False"

    def key_summary(self, key: Any) -> str:
        return "正しい（true）" if key else "誤り（false）"

    def feedback_answers(self, item: Any) -> set[str]:
        return {"true", "false"}

    def to_question(self, item: Mapping[str, Any], question: Question, warn: Warn) -> None:
        question.kind = "truefalse"
        question.truth = bool(item.get("key"))
        feedback = choice_feedback(item)
        question.true_feedback, question.false_feedback = feedback.get("true"), feedback.get("false")


TYPE = TrueFalseType()
