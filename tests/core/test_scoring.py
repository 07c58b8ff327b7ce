"""Pure scoring of every item type, partial credit, per-area totals and the pass rule."""

from __future__ import annotations

import pytest

from literacy_app.core.errors import UserError
from literacy_app.core.scoring import PassRuleSpec, ScoredItem, evaluate, normalise_response, score_fraction

OPTIONS5 = [["a", "一"], ["b", "二"], ["c", "三"], ["d", "四"], ["e", "五"]]


def test_single_and_true_false():
    single = {"type": "single", "options": OPTIONS5[:4], "key": "c"}
    assert score_fraction(single, "c") == 1.0 and score_fraction(single, "a") == 0.0
    assert score_fraction(single, None) == 0.0
    tf = {"type": "true_false", "key": False}
    assert score_fraction(tf, False) == 1.0 and score_fraction(tf, True) == 0.0


@pytest.mark.parametrize("chosen, expected", [
    (["a", "c"], 1.0),          # both right
    (["a"], 0.5),               # one of two right
    (["a", "c", "b"], 1 - 1 / 3),  # both right, one of three wrong
    (["b", "d", "e"], 0.0),     # all wrong: floored at 0, never negative
    ([], 0.0),
    (["a", "b", "c", "d", "e"], 0.0),  # ticking everything earns nothing
])
def test_multiple_partial_credit(chosen, expected):
    item = {"type": "multiple", "options": OPTIONS5, "key": ["a", "c"], "scoring": "partial"}
    assert score_fraction(item, chosen) == pytest.approx(expected)


def test_multiple_all_or_nothing():
    item = {"type": "multiple", "options": OPTIONS5, "key": ["a", "c"], "scoring": "all_or_nothing"}
    assert score_fraction(item, ["c", "a"]) == 1.0 and score_fraction(item, ["a"]) == 0.0


def test_ordering_adjacent_pairs_and_all_or_nothing():
    item = {"type": "ordering", "options": OPTIONS5[:4], "key": ["a", "b", "c", "d"]}
    assert score_fraction(item, ["a", "b", "c", "d"]) == 1.0
    assert score_fraction(item, ["b", "a", "c", "d"]) == pytest.approx(1 / 3)  # only c→d kept
    assert score_fraction(item, ["d", "c", "b", "a"]) == 0.0
    strict = dict(item, scoring="all_or_nothing")
    assert score_fraction(strict, ["a", "b", "d", "c"]) == 0.0


def test_matching_per_pair():
    item = {"type": "matching", "premises": [["p1", "x"], ["p2", "y"], ["p3", "z"]],
            "options": OPTIONS5[:4], "key": {"p1": "a", "p2": "b", "p3": "c"}}
    assert score_fraction(item, {"p1": "a", "p2": "b", "p3": "c"}) == 1.0
    assert score_fraction(item, {"p1": "a", "p2": "c"}) == pytest.approx(1 / 3)
    assert score_fraction(dict(item, scoring="all_or_nothing"), {"p1": "a", "p2": "b"}) == 0.0


def test_numeric_tolerance_and_full_width_input():
    item = {"type": "numeric", "key": {"value": 12.5, "tolerance": 0.5}}
    assert normalise_response(item, "１３") == 13.0
    assert normalise_response(item, "1,200") == 1200.0
    assert score_fraction(item, 13.0) == 1.0 and score_fraction(item, 12.0) == 1.0
    assert score_fraction(item, 13.01) == 0.0
    with pytest.raises(UserError):
        normalise_response(item, "nan")
    with pytest.raises(UserError):
        normalise_response(item, True)


def test_short_text_normalises_width_case_and_spaces():
    item = {"type": "short_text", "key": ["CSV"]}
    for given in ("CSV", "csv", "ｃｓｖ", " C S V ", "ＣＳＶ"):
        assert score_fraction(item, given) == 1.0, given
    assert score_fraction(item, "TSV") == 0.0
    assert normalise_response(item, "   ") is None


def test_area_totals_pilot_excluded_and_pass_rule():
    items = [ScoredItem("security", 1, 1.0, False)] * 6 + [ScoredItem("security", 1, 0.0, False)] * 4 \
        + [ScoredItem("data", 1, 1.0, False)] * 5 + [ScoredItem("data", 1, 0.0, True)] * 3
    rule = PassRuleSpec(60, 30, {"security": 60})
    outcome = evaluate(items, rule, ["data", "security"])
    assert (outcome.score, outcome.max_score) == (11, 15)
    assert [(a.area, a.percent, a.passed) for a in outcome.areas] == [("data", 100.0, True),
                                                                      ("security", 60.0, True)]
    assert outcome.passed
    weaker = items[:5] + [ScoredItem("security", 1, 0.0, False)] * 5 + items[10:]
    outcome = evaluate(weaker, rule, ["data", "security"])
    assert outcome.percent == pytest.approx(100 * 10 / 15) and outcome.percent >= 60
    assert not outcome.passed  # a strong total cannot hide a weak security area


def test_points_weight_marks():
    outcome = evaluate([ScoredItem("data", 2, 0.5, False), ScoredItem("data", 1, 1.0, False)],
                       PassRuleSpec(50, 0, {}), ["data"])
    assert (outcome.score, outcome.max_score) == (2.0, 3.0)


def test_moodle_weights_single_partial_credit():
    content = {"type": "single", "options": [["a", "A"], ["b", "B"], ["c", "C"]], "key": "a",
               "weights": {"a": 100, "b": 50, "c": -25}}
    assert score_fraction(content, "a") == 1.0
    assert score_fraction(content, "b") == 0.5
    assert score_fraction(content, "c") == 0.0   # a negative weight never makes the item negative


@pytest.mark.parametrize(("chosen", "expected"), [
    (["a", "b"], 1.0), (["a"], 0.7), (["a", "c"], 0.2), (["c"], 0.0), (["a", "b", "c"], 0.5)])
def test_moodle_weights_multiple_add_and_clamp(chosen, expected):
    content = {"type": "multiple", "options": [["a", "A"], ["b", "B"], ["c", "C"]], "key": ["a", "b"],
               "weights": {"a": 70, "b": 30, "c": -50}}
    assert score_fraction(content, chosen) == pytest.approx(expected)
