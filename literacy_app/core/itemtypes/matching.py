"""Matching: each premise to one option; options may outnumber premises (a distractor)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..interchange.model import Question
from .base import AddProblem, ItemContent, ItemType, Warn, bad_response, common_fields, option_texts


@dataclass(frozen=True, kw_only=True)
class MatchingContent(ItemContent):
    key: Mapping[str, str] = field(default_factory=dict)
    scoring: str = "per_pair"


class MatchingType(ItemType[MatchingContent]):
    name = "matching"
    label = "組合せ"
    min_options = 2
    shuffle_options = True
    moodle_kind = "matching"

    def parse(self, raw: Mapping[str, Any]) -> MatchingContent:
        return MatchingContent(**common_fields(raw), key={str(k): str(v) for k, v in raw["key"].items()},
                               scoring=raw.get("scoring", "per_pair"))

    def normalise(self, content: ItemContent, response: Any) -> Any:
        premises = [key for key, _text in content.premises]
        options = content.option_ids
        if not isinstance(response, dict):
            raise bad_response("a mapping of premise to option")
        cleaned = {}
        for premise, choice in response.items():
            if premise not in premises or (choice is not None and choice not in options):
                raise bad_response("a mapping of premise to option")
            if choice is not None:
                cleaned[premise] = choice
        return cleaned

    def score(self, content: MatchingContent, response: Any) -> float:
        correct = sum(1 for premise, choice in content.key.items() if response.get(premise) == choice)
        if content.scoring == "all_or_nothing":
            return 1.0 if correct == len(content.key) else 0.0
        return correct / len(content.key)

    def correct_response(self, content: MatchingContent) -> Any:
        return dict(content.key)

    def describe(self, value: Any, view: Mapping[str, Any], lang: str) -> str:
        options, premises = option_texts(view), option_texts(view, "premises")
        return " ／ ".join(f"{premises.get(p, p)} = {options.get(o, o)}" for p, o in value.items())

    def key_summary(self, key: Any) -> str:
        return "、".join(f"{premise} → {choice}" for premise, choice in key.items())

    def check(self, item: Any, add: AddProblem) -> None:
        listing = ", ".join(item.options)
        for premise, choice in item.key.items():
            if premise not in item.premises:
                add("key", "matching_unknown_premise", entry=premise, premise=premise)
            if choice not in item.options:
                add("key", "key_not_option", entry=premise, key=choice, options=listing)
        for premise in item.premises:
            if premise not in item.key:
                add("key", "matching_premise_unmatched", premise=premise)

    def to_question(self, item: Mapping[str, Any], question: Question, warn: Warn) -> None:
        question.kind = "matching"
        if item.get("scoring") == "all_or_nothing":
            warn("ix_export_all_or_nothing")
        options = {str(k): str(v) for k, v in (item.get("options") or {}).items()}
        premises = {str(k): str(v) for k, v in (item.get("premises") or {}).items()}
        key = {str(k): str(v) for k, v in (item.get("key") or {}).items()}
        question.pairs = [(text, options.get(key.get(premise, ""), "")) for premise, text in premises.items()]
        used = set(key.values())
        question.pairs += [("", text) for option, text in options.items() if option not in used]


TYPE = MatchingType()
