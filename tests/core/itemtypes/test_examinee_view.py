"""What an examinee may see of each item type: its view holds no key, explanation, weight, scoring
rule or per-answer feedback.  Asserted on the serialized bytes that would leave the server."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path
from typing import Any

import pytest

from literacy_app.core import itemtypes
from literacy_app.core.itemtypes import TYPES, item_type
from literacy_app.core.model import FormItem

SECRETS = ("EXPLANATION-SECRET", "FEEDBACK-SECRET", "ACCEPTED-SECRET", "98765.4321", "37.5", "all_or_nothing",
           '"key"', '"explanation"', '"feedback"', '"weights"', '"scoring"', '"links"', "LINK-SECRET")
"""Strings a view must never contain: texts only the key side holds, numbers only a key or weight
holds, and the names of the fields that carry them."""

COMMON = {"stem": "次のうち正しいものはどれか。", "area": "security", "sub_competence": "標的型攻撃", "level": 2,
          "points": 2.0, "explanation": "EXPLANATION-SECRET の理由で正しい。",
          "links": [{"title": "LINK-SECRET", "url": "https://example.org/"}],
          "tags": {"dss": "1", "itpassport": "technology", "digcomp": "4.1"},
          "scenario": {"id": "case-1", "title": "事例", "text": "ある日のこと"}}
OPTIONS = [["a", "開かずに報告する"], ["b", "開いて確かめる"], ["c", "転送する"], ["d", "削除する"]]

# Per type: two contents that differ only in what the examinee must not learn (key, weights,
# scoring, feedback).  Their views must be byte-identical.
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "single": ({"options": OPTIONS, "key": "a", "weights": {"c": 37.5}, "feedback": {"b": "FEEDBACK-SECRET"}},
               {"options": OPTIONS, "key": "d"}),
    "multiple": ({"options": OPTIONS, "key": ["a", "c"], "scoring": "all_or_nothing",
                  "feedback": {"a": "FEEDBACK-SECRET"}},
                 {"options": OPTIONS, "key": ["b"], "weights": {"b": 100, "a": -37.5}}),
    "true_false": ({"key": True, "feedback": {"true": "FEEDBACK-SECRET"}}, {"key": False}),
    "ordering": ({"options": OPTIONS, "key": ["a", "b", "c", "d"], "scoring": "all_or_nothing"},
                 {"options": OPTIONS, "key": ["d", "c", "b", "a"]}),
    "matching": ({"options": OPTIONS, "premises": [["p", "メール"], ["q", "USB"]], "key": {"p": "a", "q": "b"},
                  "scoring": "all_or_nothing"},
                 {"options": OPTIONS, "premises": [["p", "メール"], ["q", "USB"]], "key": {"p": "c", "q": "d"}}),
    "numeric": ({"key": {"value": 98765.4321, "tolerance": 37.5}, "unit": "円"},
                {"key": {"value": 1.0}, "unit": "円"}),
    "short_text": ({"key": ["ACCEPTED-SECRET", "ＡＣＣＥＰＴＥＤ"]}, {"key": ["別の答え"]}),
}


def _content(kind: str, specific: dict[str, Any]) -> dict[str, Any]:
    return {"type": kind, **COMMON, **specific}


def _view_bytes(kind: str, specific: dict[str, Any]) -> bytes:
    raw = _content(kind, specific)
    behaviour = item_type(kind)
    content = behaviour.parse(raw)
    order = behaviour.arrange(content.option_ids, True, random.Random(3))
    view = behaviour.examinee_view(content, order)
    form_item = FormItem.from_view(1, "sec-001", 11, view)
    return (json.dumps(view, ensure_ascii=False, sort_keys=True)
            + json.dumps(dataclasses.asdict(form_item), ensure_ascii=False, sort_keys=True)).encode("utf-8")


def test_every_registered_type_has_a_view_case_and_a_module():
    assert set(CASES) == set(TYPES)
    modules = {path.stem for path in Path(itemtypes.__file__).parent.glob("*.py")} - {"__init__", "base"}
    assert modules == set(TYPES), "each item type is one module, and each module is registered"


@pytest.mark.parametrize("kind", sorted(CASES))
def test_the_view_holds_no_key_explanation_or_feedback(kind):
    first, second = CASES[kind]
    shown = _view_bytes(kind, first)
    for secret in SECRETS:
        assert secret.encode("utf-8") not in shown, f"{kind}: {secret} reached the examinee view"
    # what the examinee sees does not depend on the key, weights, scoring rule or feedback
    assert shown == _view_bytes(kind, second)
    assert "次のうち正しいものはどれか。".encode() in shown and "ある日のこと".encode() in shown


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_response_is_checked_from_the_view_alone_and_the_key_scores_full(kind):
    raw = _content(kind, CASES[kind][0])
    behaviour = item_type(kind)
    content = behaviour.parse(raw)
    right = behaviour.correct_response(content)
    # the shape check needs only what the view holds, so a client can run it before it sends
    view = behaviour.examinee_view(content, content.option_ids)
    from literacy_app.core.scoring import normalise_response, score_fraction

    stored = normalise_response(view, right)
    assert score_fraction(content, stored) == 1.0
    assert score_fraction(raw, stored) == 1.0


def test_ordering_is_never_shown_in_the_right_order():
    behaviour = item_type("ordering")
    for seed in range(50):
        assert behaviour.arrange(["a", "b", "c"], False, random.Random(seed)) != ["a", "b", "c"]
