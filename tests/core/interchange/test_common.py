"""The format-neutral question and its conversion to and from bank items."""

from __future__ import annotations

import datetime as dt

import pytest

from literacy_app.core.catalog import AREAS
from literacy_app.core.errors import UserError
from literacy_app.core.interchange.common import (
    NO_EXPLANATION,
    Answer,
    InterchangeWarning,
    NumericAnswer,
    Question,
    ReadResult,
    area_for,
    categories,
    clean_category,
    from_item,
    html_to_text,
    to_bank,
    to_item,
)

TODAY = dt.date(2026, 11, 27)


def convert(question, area="security", item_id="q-1"):
    return to_item(question, area=area, item_id=item_id, today=TODAY)


def codes(warnings):
    return [warning.code for warning in warnings]


# --- html_to_text ----------------------------------------------------------------------------------


def test_html_to_text_strips_tags_and_keeps_lines():
    html = "<p>一行目&amp;<b>太字</b></p><p>二行目<br>三行目</p><ul><li>項目A</li><li>項目B</li></ul>"
    assert html_to_text(html) == "一行目&太字\n\n二行目\n三行目\n\n・項目A\n・項目B"


def test_html_to_text_never_leaves_live_markup():
    assert html_to_text("&lt;script&gt;alert(1)&lt;/script&gt;") == "<script>alert(1)</script>"
    assert html_to_text("<script>alert(1)</script>本文<style>p{}</style>") == "本文"
    assert html_to_text("a&nbsp;&nbsp;b\n   c") == "a b c"
    assert html_to_text('<img src="x.png" alt="地図">') == "［画像: 地図］"
    assert html_to_text("<pre>字下げ\n  のまま</pre>") == "字下げ\nのまま"  # line breaks kept


# --- to_item ---------------------------------------------------------------------------------------


def mc(*answers, single=True, **extra):
    return Question("multichoice", "問い", name="n", line=7, answers=[Answer(*a) for a in answers], single=single,
                    **extra)


def test_single_choice_key_weights_feedback_and_placeholders():
    item, warnings = convert(mc(("正", 100, "よい"), ("半", 50), ("誤", 0, "違う"), ("罰", -100)))
    assert warnings == []
    assert item["type"] == "single" and item["key"] == "a"
    assert item["weights"] == {"b": 50, "d": -100}
    assert item["feedback"] == {"a": "よい", "c": "違う"}
    assert item["status"] == "draft" and item["reviewed"] == TODAY
    assert item["audiences"] == ["recruit", "promotion", "manager"] and item["level"] == 1
    assert item["explanation"] == NO_EXPLANATION and item["sub_competence"] == "未分類（取り込み）"
    assert item["tags"]["itpassport"] == "technology"


def test_single_choice_without_weights_has_none():
    item, _ = convert(mc(("正", 100), ("誤", 0)))
    assert "weights" not in item and "feedback" not in item


@pytest.mark.parametrize(("answers", "code"), [
    ((("誤", 50), ("誤2", 0)), "ix_single_no_full"),
    ((("正", 100), ("正2", 100)), "ix_single_many_full"),
    ((("正", 100),), "ix_too_few_answers"),
    ((("正", 100), ("", 0)), "ix_empty_answer"),
    ((("正", 100), ("ＡＢ", 0), ("ab", 0)), "ix_duplicate_answer"),
    ((("正", 100), ("長" * 501, 0)), "ix_answer_too_long"),
])
def test_single_choice_that_a_bank_cannot_hold_is_skipped(answers, code):
    item, warnings = convert(mc(*answers))
    assert item is None and codes(warnings) == [code]
    assert warnings[0].line == 7 and warnings[0].question == "n"


def test_multiple_default_rule_gives_no_weights():
    item, _ = convert(mc(("a", 100 / 3), ("b", 100 / 3), ("c", 100 / 3), ("d", -100), single=False))
    assert item["type"] == "multiple" and item["key"] == ["a", "b", "c"] and "weights" not in item


def test_multiple_other_weights_are_kept():
    item, _ = convert(mc(("a", 70), ("b", 30), ("c", 0), ("d", -50), single=False))
    assert item["key"] == ["a", "b"] and item["weights"] == {"a": 70, "b": 30, "d": -50}


@pytest.mark.parametrize(("answers", "code"), [
    ((("a", 50), ("b", 40), ("c", -100)), "ix_weights_sum"),
    ((("a", 0), ("b", -50), ("c", -50)), "ix_multiple_no_right"),
    ((("a", 50), ("b", 50), ("c", 0)), None),
    ((("a", 50), ("b", 50)), "ix_too_few_answers"),
    ((("a", 40), ("b", 30), ("c", 30)), "ix_multiple_no_wrong"),
])
def test_multiple_rules(answers, code):
    item, warnings = convert(mc(*answers, single=False))
    assert codes(warnings) == ([code] if code else [])
    assert (item is None) == bool(code)


def test_true_false():
    item, _ = convert(Question("truefalse", "正しいか。", truth=False, true_feedback="違います", false_feedback="そう"))
    assert item["type"] == "true_false" and item["key"] is False
    assert item["feedback"] == {"true": "違います", "false": "そう"}
    item, warnings = convert(Question("truefalse", "答えなし"))
    assert item is None and codes(warnings) == ["ix_truefalse_no_answer"]


def test_matching_shares_options_and_keeps_extra_answers():
    question = Question("matching", "組み合わせよ。", pairs=[("東", "朝"), ("西", "夕"), ("日の出", "朝"), ("", "夜")])
    item, _ = convert(question)
    assert item["premises"] == {"p1": "東", "p2": "西", "p3": "日の出"}
    assert item["options"] == {"a": "朝", "b": "夕", "c": "夜"}
    assert item["key"] == {"p1": "a", "p2": "b", "p3": "a"}
    item, warnings = convert(Question("matching", "一組だけ", pairs=[("東", "朝")]))
    assert item is None and codes(warnings) == ["ix_matching_too_few"]


def test_short_answer_keeps_full_answers_and_warns_about_the_rest():
    question = Question("shortanswer", "略語は。", answers=[Answer("AI", 100), Answer("ai", 100), Answer("A*", 100),
                                                           Answer("人工", 50, "惜しい")])
    item, warnings = convert(question)
    assert item["key"] == ["AI", "ai", "A*"]
    assert codes(warnings) == ["ix_partial_dropped", "ix_wildcard", "ix_feedback_dropped"]
    item, warnings = convert(Question("shortanswer", "部分点だけ", answers=[Answer("x", 50)]))
    assert item is None and codes(warnings) == ["ix_partial_dropped", "ix_no_full_answer"]


def test_numeric():
    question = Question("numerical", "値は。", numeric=[NumericAnswer(2.5, 0.1), NumericAnswer(3, 0, 100),
                                                      NumericAnswer(2, 0, 50)], unit="km")
    item, warnings = convert(question)
    assert item["key"] == {"value": 2.5, "tolerance": 0.1} and item["unit"] == "km"
    assert codes(warnings) == ["ix_numeric_partial_dropped", "ix_numeric_extra_dropped"]
    item, warnings = convert(Question("numerical", "正解なし", numeric=[NumericAnswer(1, 0, 50)]))
    assert item is None and "ix_no_full_answer" in codes(warnings)


@pytest.mark.parametrize(("kind", "code"), [("essay", "ix_skip_essay"), ("cloze", "ix_skip_cloze"),
                                            ("description", "ix_skip_description"), ("calculated", "ix_skip_kind")])
def test_kinds_a_bank_cannot_hold(kind, code):
    item, warnings = convert(Question(kind, "何か"))
    assert item is None and codes(warnings) == [code]


def test_points_category_leaf_and_general_feedback():
    question = Question("truefalse", "問い", truth=True, points=2, category="セキュリティ/パスワード・多要素認証",
                        general_feedback="全体の解説")
    item, _ = convert(question)
    assert item["points"] == 2 and item["sub_competence"] == "パスワード・多要素認証"
    assert item["explanation"] == "全体の解説"
    item, warnings = convert(Question("truefalse", "問い", truth=True, points=0))
    assert "points" not in item and codes(warnings) == ["ix_points_out_of_range"]


def test_empty_and_too_long_stems():
    assert codes(convert(Question("truefalse", "  ", truth=True))[1]) == ["ix_empty_text"]
    assert codes(convert(Question("truefalse", "長" * 20_001, truth=True))[1]) == ["ix_text_too_long"]


# --- from_item -------------------------------------------------------------------------------------

BASE = {"area": "security", "sub_competence": "媒体・持ち出し", "stem": "問い\n", "explanation": "解説\n"}


def test_from_item_single_multiple_true_false():
    question, warnings = from_item(BASE | {"id": "s", "type": "single", "options": {"a": "A", "b": "B", "c": "C"},
                                           "key": "b", "weights": {"c": 50}, "feedback": {"a": "違う"}})
    assert warnings == [] and question.kind == "multichoice" and question.single
    assert [(a.text, a.fraction, a.feedback) for a in question.answers] == [("A", 0, "違う"), ("B", 100, None),
                                                                            ("C", 50, None)]
    assert question.text == "問い" and question.general_feedback == "解説" and question.name == "s"
    assert question.category == "security/媒体・持ち出し"
    question, _ = from_item(BASE | {"id": "m", "type": "multiple", "options": {"a": "A", "b": "B", "c": "C", "d": "D"},
                                    "key": ["a", "b"]})
    assert [a.fraction for a in question.answers] == [50, 50, -50, -50] and not question.single
    question, _ = from_item(BASE | {"id": "t", "type": "true_false", "key": True, "feedback": {True: "はい"}})
    assert question.truth is True and question.true_feedback == "はい"


def test_from_item_matching_numeric_short_text_and_ordering():
    question, _ = from_item(BASE | {"id": "mt", "type": "matching", "premises": {"p1": "甲", "p2": "乙"},
                                    "options": {"a": "一", "b": "二", "c": "三"}, "key": {"p1": "b", "p2": "a"},
                                    "scoring": "all_or_nothing"})
    assert question.pairs == [("甲", "二"), ("乙", "一"), ("", "三")]
    question, _ = from_item(BASE | {"id": "n", "type": "numeric", "key": {"value": 5, "tolerance": 0.5}, "unit": "人"})
    assert (question.numeric[0].value, question.numeric[0].tolerance, question.unit) == (5, 0.5, "人")
    question, _ = from_item(BASE | {"id": "st", "type": "short_text", "key": ["LGWAN", "総合行政ネットワーク"]})
    assert [a.text for a in question.answers] == ["LGWAN", "総合行政ネットワーク"]
    question, warnings = from_item(BASE | {"id": "o", "type": "ordering", "options": {"a": "1", "b": "2"},
                                           "key": ["a", "b"]})
    assert question is None and codes(warnings) == ["ix_export_kind"]


def test_from_item_warnings_scenario_image_placeholder():
    question, warnings = from_item(BASE | {"id": "x", "type": "true_false", "key": False, "image": "a.png",
                                           "explanation": NO_EXPLANATION, "scoring": "x"},
                                   scenario={"id": "sc", "title": "出来事", "text": "事例の本文"})
    assert question.text == "【出来事】\n事例の本文\n\n問い"
    assert question.general_feedback is None
    assert codes(warnings) == ["ix_export_scenario_inlined", "ix_export_image_dropped"]


# --- to_bank and categories ------------------------------------------------------------------------


def result_of(*questions):
    return ReadResult(list(questions), [])


def tf(name, category, line=1):
    return Question("truefalse", f"{name} の問い", name=name, category=category, truth=True, line=line)


def test_categories_and_area_lookup():
    result = result_of(tf("a", "セキュリティ/標的型"), tf("b", None), tf("c", "セキュリティ/標的型"),
                       tf("d", "data/相関と因果"))
    assert categories(result) == ["セキュリティ/標的型", "", "data/相関と因果"]
    mapping = {"セキュリティ": "security", "*": "dx_mindset"}
    assert area_for("セキュリティ/標的型", mapping) == "security"  # the parent's entry
    assert area_for(None, mapping) == "dx_mindset"
    assert area_for("data/相関と因果", {}) == "data"  # an area id as the first segment
    assert area_for("data/相関と因果", {"data/相関と因果": "technology"}) == "technology"
    assert area_for("研修", {}) is None


def test_clean_category():
    assert clean_category("$course$/top/セキュリティ/ 標的型 /") == "セキュリティ/標的型"
    assert clean_category("$system$/top") == ""
    assert clean_category("研修/情報") == "研修/情報"


def test_unmapped_categories_give_the_listed_sentence():
    result = result_of(tf("a", "研修/情報政策"), tf("b", None), Question("essay", "記述", category="記述だけ"))
    with pytest.raises(UserError) as raised:
        to_bank(result, {}, bank_id="t", title="t", today=TODAY)
    text = raised.value.render()
    assert "「研修/情報政策」、（カテゴリなし）" in text and "記述だけ" not in text
    assert "--map \"カテゴリ=領域ID\"" in text and ", ".join(AREAS) in text
    assert "--map" in raised.value.render("en")


def test_bad_map_area_and_bank_id():
    with pytest.raises(UserError) as raised:
        to_bank(result_of(tf("a", "x")), {"x": "securty"}, bank_id="t", title="t", today=TODAY)
    assert raised.value.code == "ix_map_bad_area"
    with pytest.raises(UserError) as raised:
        to_bank(result_of(tf("a", "x")), {"x": "security"}, bank_id="日本語", title="t", today=TODAY)
    assert raised.value.code == "ix_bad_bank_id"


def test_ids_unique_and_sources():
    result = result_of(tf("same", "x", 3), tf("same", "x", 5), tf("t-002", "x", 7), tf("名前", "x", 9))
    bank, warnings = to_bank(result, {"x": "data"}, bank_id="t", title="題", today=TODAY, source_file="q.gift")
    assert warnings == []
    assert [item["id"] for item in bank["items"]] == ["same", "t-002", "t-003", "t-004"]
    assert bank["items"][1]["source"] == "取り込み: q.gift:5 「same」"
    assert bank["bank"] == "t" and bank["title"] == "題"


def test_warning_render_variants():
    warning = InterchangeWarning(4, "名", "ix_skip_essay", {})
    assert warning.render().startswith("4: 「名」: 記述式")
    assert InterchangeWarning(0, None, "ix_skip_essay").render("f.gift").startswith("f.gift: 記述式")
