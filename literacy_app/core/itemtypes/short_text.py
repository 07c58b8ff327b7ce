"""Short text: accepted answers compared after NFKC normalisation (full/half width), case
folding and removal of spaces, so ＡＩ, ai and 'A I' are the same answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..interchange.model import Answer, Question
from ..text import normalise_answer
from .base import AddProblem, ItemContent, ItemType, Warn, bad_response, common_fields

MAX_LENGTH = 500
"""Longest answer stored; the examinee's field stops there too."""


@dataclass(frozen=True, kw_only=True)
class ShortTextContent(ItemContent):
    key: tuple[str, ...]


class ShortTextType(ItemType[ShortTextContent]):
    name = "short_text"
    label = "短答"
    moodle_kind = "shortanswer"

    def parse(self, raw: Mapping[str, Any]) -> ShortTextContent:
        return ShortTextContent(**common_fields(raw), key=tuple(map(str, raw["key"])))

    def normalise(self, content: ItemContent, response: Any) -> Any:
        if not isinstance(response, str) or len(response) > MAX_LENGTH:
            raise bad_response(f"text of at most {MAX_LENGTH} characters")
        return response if response.strip() else None

    def score(self, content: ShortTextContent, response: Any) -> float:
        given = normalise_answer(response)
        return 1.0 if any(given == normalise_answer(accepted) for accepted in content.key) else 0.0

    def correct_response(self, content: ShortTextContent) -> Any:
        return content.key[0]

    def describe(self, value: Any, view: Mapping[str, Any], lang: str) -> str:
        return " ／ ".join(value) if isinstance(value, list) else str(value)

    def key_summary(self, key: Any) -> str:
        return " / ".join(map(str, key))

    def check(self, item: Any, add: AddProblem) -> None:
        for answer in item.key:
            if not normalise_answer(answer):
                add("key", "short_text_empty_after_normalising", entry=answer, answer=answer)

    def to_question(self, item: Mapping[str, Any], question: Question, warn: Warn) -> None:
        question.kind = "shortanswer"
        question.answers = [Answer(str(text), 100.0) for text in item.get("key") or []]


TYPE = ShortTextType()
