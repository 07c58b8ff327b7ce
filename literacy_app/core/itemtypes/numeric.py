"""Numeric: a value within a tolerance; full-width digits and thousands separators accepted."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..interchange.model import NumericAnswer, Question
from .base import ItemContent, ItemType, Warn, bad_response, common_fields


@dataclass(frozen=True, kw_only=True)
class NumericContent(ItemContent):
    value: float
    tolerance: float = 0.0


def parse_number(response: Any) -> float | None:
    """A typed or sent number as a float; ``None`` for blank text.  Raises ``bad_response`` for
    anything else (the examinee's text field asks this before it saves)."""
    if isinstance(response, bool):
        raise bad_response("a number")
    if isinstance(response, (int, float)):
        value = float(response)
    elif isinstance(response, str):
        text = unicodedata.normalize("NFKC", response).replace(",", "").strip()
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            raise bad_response("a number") from None
    else:
        raise bad_response("a number")
    if not math.isfinite(value):
        raise bad_response("a number")
    return value


def format_number(value: Any) -> str:
    """A number as people write it (4, not 4.0; 0.5); anything else as its text."""
    return f"{value:g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


class NumericType(ItemType[NumericContent]):
    name = "numeric"
    label = "数値"
    moodle_kind = "numerical"

    def parse(self, raw: Mapping[str, Any]) -> NumericContent:
        key = raw["key"]
        return NumericContent(**common_fields(raw), value=float(key["value"]),
                              tolerance=float(key.get("tolerance", 0.0)))

    def normalise(self, content: ItemContent, response: Any) -> Any:
        return parse_number(response)

    def score(self, content: NumericContent, response: Any) -> float:
        return 1.0 if abs(float(response) - content.value) <= content.tolerance + 1e-9 else 0.0

    def correct_response(self, content: NumericContent) -> Any:
        return content.value

    def describe(self, value: Any, view: Mapping[str, Any], lang: str) -> str:
        number = value["value"] if isinstance(value, dict) else value
        text = f"{float(number):g}"
        if isinstance(value, dict) and value.get("tolerance"):
            text += f" ±{value['tolerance']:g}"
        return text + (view.get("unit") or "")

    def key_summary(self, key: Any) -> str:
        return f"{format_number(key.get('value'))}（許容誤差 ±{format_number(key.get('tolerance', 0))}）"

    def to_question(self, item: Mapping[str, Any], question: Question, warn: Warn) -> None:
        question.kind = "numerical"
        key = item.get("key") or {}
        question.numeric = [NumericAnswer(float(key.get("value", 0)), float(key.get("tolerance") or 0.0))]
        question.unit = str(item["unit"]) if item.get("unit") else None


TYPE = NumericType()
