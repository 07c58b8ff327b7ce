"""GIFT: every construct of Moodle's format read into bank items, broken files with line numbers,
and GIFT → bank → GIFT → bank keeping the meaning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from literacy_app.core.banks import validate_paths
from literacy_app.core.banks.write import new_bank_text
from literacy_app.core.errors import UserError
from literacy_app.core.interchange import gift
from literacy_app.core.interchange.common import NO_EXPLANATION, from_item, to_bank

FILES = Path(__file__).resolve().parents[2] / "_files" / "interchange"
ALL = FILES / "all_constructs.gift"
TODAY = dt.date(2026, 11, 27)
MAP = {"セキュリティ": "security", "データ活用": "data"}


def bank_of(result, mapping=MAP):
    bank, warnings = to_bank(result, mapping, bank_id="imported", title="取り込み", today=TODAY)
    return bank, warnings


@pytest.fixture(scope="module")
def imported():
    result = gift.read(ALL)
    bank, warnings = bank_of(result)
    return result, {item["id"]: item for item in bank["items"]}, result.warnings + warnings


def by_name(result, name):
    return next(q for q in result.questions if q.name == name)


# --- reading every construct ------------------------------------------------------------------------


def test_question_lines_names_and_categories(imported):
    result, items, _ = imported
    assert [(q.name, q.line) for q in result.questions][:4] == [
        ("mc-single", 6), ("mc-multi", 14), ("mc-multi-default", 21), ("tf-true", 28)]
    assert by_name(result, "mc-single").category == "セキュリティ/標的型攻撃"  # $course$/top/ removed
    assert by_name(result, "match").category == "データ活用"
    assert items["mc-single"]["area"] == "security" and items["mc-single"]["sub_competence"] == "標的型攻撃"
    assert items["match"]["area"] == "data"


def test_single_choice_with_partial_and_negative_weights_and_feedback(imported):
    _, items, _ = imported
    item = items["mc-single"]
    assert item["type"] == "single" and item["key"] == "a"
    assert item["options"] == {"a": "開かずに情報セキュリティ担当へ報告する", "b": "添付を開いて中身を確かめる",
                               "c": "差出人に電話して送ったかどうかを確かめる", "d": "係の全員に転送して意見を聞く"}
    assert item["weights"] == {"c": 50, "d": -100}
    assert item["feedback"] == {"a": "そのとおりです。報告が組織の対応の出発点です。",
                                "b": "開いた時点で感染するおそれがあります。", "c": "確認は大切ですが、まず報告します。"}
    assert item["explanation"] == "不審なメールは、開かずにまず報告するのが原則です。"
    assert item["status"] == "draft" and item["reviewed"] == TODAY and item["level"] == 1
    assert item["source"] == f"取り込み: {ALL}:6 「mc-single」"


def test_multiple_answers_keep_weights_unless_they_are_the_default_rule(imported):
    _, items, _ = imported
    explicit = items["mc-multi"]
    assert explicit["type"] == "multiple" and explicit["key"] == ["a", "b"]
    assert explicit["weights"] == {"a": 50, "b": 50, "c": -100, "d": -100}  # -100 each is not the 1/W rule
    assert explicit["feedback"] == {"a": "そのとおりです。"}
    default = items["mc-multi-default"]
    assert default["type"] == "multiple" and default["key"] == ["a", "b"] and "weights" not in default
    assert default["explanation"] == NO_EXPLANATION


def test_true_false_with_feedback_in_moodle_order(imported):
    _, items, _ = imported
    item = items["tf-true"]
    assert item["type"] == "true_false" and item["key"] is True
    # {T#feedback when wrong#feedback when right}: answering "false" is wrong here
    assert item["feedback"] == {"true": "正しいです。知識に加えて所持や生体の要素を使います。",
                                "false": "誤りです。多要素認証は漏えい時の被害を防ぐ有効な手段です。"}
    assert items["tf-false"]["key"] is False
    assert items["tf-false"]["explanation"] == "検出されないことは安全の証明になりません。"
    assert items["tf-letter"]["key"] is True and "feedback" not in items["tf-letter"]


def test_matching_with_an_extra_answer_as_distractor(imported):
    _, items, _ = imported
    item = items["match"]
    assert item["type"] == "matching"
    assert item["premises"] == {"p1": "平均", "p2": "中央値", "p3": "最頻値"}
    assert item["options"]["d"] == "最大値と最小値の差"
    assert {item["premises"][p]: item["options"][o] for p, o in item["key"].items()} == {
        "平均": "値の合計を個数で割ったもの", "中央値": "小さい順に並べたときに真ん中にくる値",
        "最頻値": "最も多く現れる値"}


def test_short_answer_and_partial_credit_warning(imported):
    _, items, warnings = imported
    assert items["short"]["type"] == "short_text" and items["short"]["key"] == ["オープンデータ", "open data"]
    assert items["short-partial"]["key"] == ["RPA"]
    codes = {(w.question, w.code, w.line) for w in warnings}
    assert ("short-partial", "ix_partial_dropped", 45) in codes
    assert ("short-partial", "ix_feedback_dropped", 45) in codes


def test_numerical_tolerance_range_and_several_answers(imported):
    _, items, warnings = imported
    assert items["num-tol"]["type"] == "numeric" and items["num-tol"]["key"] == {"value": 3.14, "tolerance": 0.005}
    assert items["num-range"]["key"] == {"value": 3, "tolerance": 2}
    assert items["num-multi"]["key"] == {"value": 2024, "tolerance": 0}
    assert ("num-multi", "ix_numeric_partial_dropped", 51) in {(w.question, w.code, w.line) for w in warnings}


def test_missing_word_keeps_the_blank(imported):
    _, items, _ = imported
    item = items["missing"]
    assert item["stem"] == "標的型攻撃メールを受け取ったら ＿＿＿ のが原則である。"
    assert item["options"][item["key"]] == "報告する"


def test_text_formats(imported):
    _, items, _ = imported
    assert items["html"]["stem"] == "次のうち、個人情報に当たるものはどれか。"  # tags gone
    assert items["html"]["options"]["b"] == "市全体の人口&世帯数"  # entity decoded, answers in the same format
    assert items["markdown"]["stem"] == "**重要**：共有フォルダのアクセス権は、必要な人だけに絞る。"
    assert items["plain"]["stem"] == "<b>は強調のタグである。"  # [plain] is never read as markup


def test_escaped_control_characters(imported):
    _, items, _ = imported
    item = items["escaped"]
    assert item["stem"] == "比 1:2 と式 a=b、{括弧}、~、# を含み、\\ は逆斜線、ここで改行\nここから次の行。"
    assert item["options"] == {"a": "正しい#1", "b": "誤り=でない"}


def test_essay_description_and_cloze_are_skipped_with_a_warning_each(imported):
    result, items, warnings = imported
    kinds = {q.name: q.kind for q in result.questions}
    assert kinds["essay"] == "essay" and kinds["説明文"] == "description" and kinds["cloze"] == "cloze"
    found = {(w.question, w.code, w.line) for w in warnings}
    assert {("essay", "ix_skip_essay", 69), ("説明文", "ix_skip_description", 71),
            ("cloze", "ix_skip_cloze", 73)} <= found
    assert not {"essay", "説明文", "cloze"} & set(items)


def test_ids_are_names_when_they_fit_else_bank_numbered(imported):
    result, items, _ = imported
    position = [q.name for q in result.questions].index("日本語の名前") + 1
    assert f"imported-{position:03d}" in items
    assert items[f"imported-{position:03d}"]["source"].endswith("「日本語の名前」")


def test_warning_renders_with_file_line_and_name(imported):
    _, _, warnings = imported
    essay = next(w for w in warnings if w.code == "ix_skip_essay")
    assert essay.render("quiz.gift") == "quiz.gift:69: 「essay」: 記述式（essay）の問題はバンクに取り込めないため飛ばしました"
    assert "essay questions cannot be held" in essay.render("quiz.gift", "en")


def test_imported_bank_file_validates(imported, tmp_path):
    result, _, _ = imported
    bank, _ = bank_of(result)
    path = tmp_path / "imported.yaml"
    path.write_text(new_bank_text(bank), encoding="utf-8")
    checked = validate_paths([path])
    assert checked.problems == []
    assert len(checked.banks[0].model.items) == len(bank["items"]) == 18


def test_bom_crlf_and_comments():
    result = gift.read(FILES / "bom_crlf.gift")
    assert [(q.name, q.line, q.truth) for q in result.questions] == [("bom", 1, True), ("crlf", 3, False)]


def test_category_line_with_the_question_in_the_same_chunk():
    result = gift.read_text("$CATEGORY: 研修\n::q::同じ塊に書いた問題。{T}\n")
    assert result.questions[0].category == "研修" and result.questions[0].line == 2


def test_answer_with_its_own_format_and_unknown_bracket_text():
    result = gift.read_text("[foo] は普通の文字。{=[html]<i>斜体</i>の答え ~別の答え}")
    question = result.questions[0]
    assert question.text == "[foo] は普通の文字。"
    assert question.answers[0].text == "斜体の答え"


def test_numerical_catch_all_feedback_is_dropped_with_a_warning():
    result = gift.read_text("::n::値は。{#\n=5:0#正解\n~#違います}")
    assert result.questions[0].numeric[0].value == 5
    assert [w.code for w in result.warnings] == ["ix_numeric_other_feedback_dropped"]


def test_inline_image_warns():
    result = gift.read_text('::img::[html]<p>図を見よ <img src="a.png" alt="図1"></p>{T}')
    assert result.questions[0].text == "図を見よ ［画像: 図1］"
    assert [w.code for w in result.warnings] == ["ix_image_dropped"]


# --- broken files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "line", "code"), [
    ("broken_unclosed.gift", 4, "gift_unclosed_brace"),
    ("broken_number.gift", 4, "gift_bad_number"),
    ("broken_weight.gift", 3, "gift_bad_weight"),
    ("broken_stray.gift", 1, "gift_stray_brace"),
    ("broken_joined.gift", 2, "gift_missing_blank_line"),
    ("not_utf8.gift", 1, "ix_file_not_utf8"),
])
def test_broken_files_name_the_line(name, line, code):
    with pytest.raises(UserError) as raised:
        gift.read(FILES / name)
    assert raised.value.code == code
    assert f"{FILES / name}:{line}: " in raised.value.render()
    assert f"{FILES / name}:{line}: " in raised.value.render("en")


def test_every_error_of_a_file_is_kept():
    with pytest.raises(UserError) as raised:
        gift.read(FILES / "broken_weight.gift")
    rest = [problem.render() for problem in raised.value.problems]
    assert len(rest) == 1 and f"{FILES / 'broken_weight.gift'}:8: 重み「%150%」を読めません" in rest[0]
    with pytest.raises(UserError) as raised:
        gift.read(FILES / "broken_number.gift")
    assert [p.code for p in raised.value.problems] == ["gift_bad_range"]


@pytest.mark.parametrize("text", [
    "{", "}", "::", "::a", "{#}", "{~%}", "{=a->}", "a{=b}c{", "{#1..}", "{#:}", "{~%-%x}", "\\", "{T#", "{=->->}",
    "$CATEGORY:", "{####}", "{\n\n}", "{=%50%}", "::x::[html]<p>{T}", "{#=%x%1}", "{~~~}", "{#1e999}",
])
def test_garbage_never_raises_anything_but_user_error(text):
    try:
        result = gift.read_text(text)
    except UserError as error:
        assert ":" in error.render()
        return
    for question in result.questions:  # and whatever was read converts without a crash
        to_bank(type(result)([question], []), {"*": "security"}, bank_id="g", title="g", today=TODAY)


def test_missing_file_and_unknown_weight_word():
    with pytest.raises(UserError) as raised:
        gift.read(FILES / "no-such-file.gift")
    assert raised.value.code == "ix_file_unreadable"
    with pytest.raises(UserError) as raised:
        gift.read_text("::w::問い。{=正 ~%abc%誤}", "w.gift")
    assert raised.value.render() .startswith("w.gift:1: 重み「%abc%」")


# --- writing and the round trip --------------------------------------------------------------------


def _export(items):
    questions = []
    for item in items:
        question, _ = from_item(item)
        questions.append(question)
    return gift.write_text(questions)


MEANING = ("type", "area", "sub_competence", "stem", "options", "premises", "key", "weights", "feedback",
           "explanation", "unit", "points")


def _meaning(items):
    return [{field: item.get(field) for field in MEANING} | {"id": item["id"]} for item in items]


def test_gift_bank_gift_bank_keeps_the_meaning(imported):
    result, _, _ = imported
    first, _ = bank_of(result)
    text, warnings = _export(first["items"])
    assert warnings == []
    second, _ = bank_of(gift.read_text(text, "round.gift"), {})  # exported categories start with the area id
    assert _meaning(second["items"]) == _meaning(first["items"])
    text_again, _ = _export(second["items"])
    assert text_again == text  # a fixed point: nothing drifts on repeated trips


def test_written_gift_uses_categories_names_escapes_weights_and_missing_word(imported):
    result, _, _ = imported
    text, _ = _export(bank_of(result)[0]["items"])
    assert "$CATEGORY: security/標的型攻撃\n" in text and "$CATEGORY: data/データ活用\n" in text
    assert "::mc-single::[plain]" in text
    assert "\t~%50%差出人に電話して送ったかどうかを確かめる#確認は大切ですが、まず報告します。\n" in text
    assert "\t~%-100%係の全員に転送して意見を聞く\n" in text
    assert "\t####不審なメールは、開かずにまず報告するのが原則です。\n" in text
    assert "比 1\\:2 と式 a\\=b、\\{括弧\\}、\\~、\\# を含み、\\\\ は逆斜線、ここで改行\\nここから次の行。" in text
    assert "::missing::[plain]標的型攻撃メールを受け取ったら {\n" in text and "} のが原則である。" in text
    assert "{TRUE#誤りです。多要素認証は漏えい時の被害を防ぐ有効な手段です。#正しいです。" in text
    assert "::num-range::[plain]1から5までの整数の平均はいくつか。{#3:2}" in text
    assert "\t= -> 最大値と最小値の差\n" in text


def test_write_to_a_file_and_warnings_for_what_gift_cannot_hold(tmp_path):
    numeric = {"id": "n-1", "type": "numeric", "area": "data", "sub_competence": "率", "stem": "何%か。",
               "key": {"value": 12.5, "tolerance": 0.1}, "unit": "%", "explanation": "解説"}
    question, _ = from_item(numeric)
    warnings = gift.write([question], tmp_path / "out.gift")
    assert [w.code for w in warnings] == ["ix_export_unit_dropped"]
    back = gift.read(tmp_path / "out.gift").questions[0]
    assert (back.numeric[0].value, back.numeric[0].tolerance, back.category) == (12.5, 0.1, "data/率")


def test_writer_skips_arrows_it_cannot_escape():
    item = {"id": "m-1", "type": "matching", "area": "data", "stem": "組み合わせよ。",
            "premises": {"p1": "A->B", "p2": "C"}, "options": {"a": "x", "b": "y"}, "key": {"p1": "a", "p2": "b"},
            "explanation": "e"}
    question, _ = from_item(item)
    text, warnings = gift.write_text([question])
    assert [w.code for w in warnings] == ["ix_export_arrow"] and "m-1" not in text


def test_shipped_banks_export_and_reimport_to_the_same_stems_and_keys():
    shipped = validate_paths([Path(__file__).resolve().parents[3] / "question_banks"])
    items = {}
    questions = []
    for _bank, _index, item in shipped.items():
        data = item.model_dump(mode="python", exclude_none=True)
        question, _ = from_item(data)
        if question is None:
            assert item.type == "ordering"
            continue
        items[item.id] = data
        questions.append(question)
    text, _warnings = gift.write_text(questions)
    back, warnings = bank_of(gift.read_text(text, "shipped.gift"), {})
    assert warnings == []
    assert {item["id"] for item in back["items"]} == set(items)
    for item in back["items"]:
        original = items[item["id"]]
        assert (item["type"], item["area"], item["stem"]) == (original["type"], original["area"],
                                                             original["stem"].strip()), item["id"]
        assert item["explanation"] == original["explanation"].strip()
        if item["type"] == "matching":
            def pairs(entry):
                return {entry["premises"][p]: entry["options"][o] for p, o in entry["key"].items()}
            assert pairs(item) == pairs(original)
            assert sorted(item["options"].values()) == sorted(original["options"].values())
        else:
            assert item["key"] == original["key"], item["id"]
            assert item.get("options") == original.get("options")
            assert item.get("weights") == original.get("weights")
            assert item.get("feedback") == original.get("feedback")


def test_awkward_texts_survive_the_round_trip():
    """Seeded random items whose texts are full of GIFT's control characters and format names."""
    import random

    from literacy_app.core.interchange.common import to_item

    pieces = list("{}~=#%:\\[]$/ \t<>&;aTF.09あ") + ["::", "####", "[html]", "<p>", "$CATEGORY:", "%50%", "..",
                                                   "TRUE", "//", "[plain]", "＿＿＿", "&amp;", "\\n", "\n"]
    rng = random.Random(7)

    def text(length=8):
        while True:
            value = "".join(rng.choice(pieces) for _ in range(rng.randint(1, length))).strip()
            if value:
                return value

    checked = 0
    for number in range(600):
        kind = rng.choice(["single", "multiple", "true_false", "matching", "numeric", "short_text"])
        item = {"id": f"x-{number}", "type": kind, "area": "data", "sub_competence": "s", "stem": text(30),
                "explanation": text(20)}
        ids = "abcd"
        if kind in ("single", "multiple"):
            item["options"] = {option: text() for option in ids}
            item["key"] = rng.choice(ids) if kind == "single" else sorted(rng.sample(ids, 2))
            item["feedback"] = {rng.choice(ids): text()}
        elif kind == "true_false":
            item["key"] = rng.random() < 0.5
            item["feedback"] = {"true": text(), "false": text()}
        elif kind == "matching":
            item["premises"] = {"p1": text(), "p2": text()}
            item["options"] = {option: text() for option in ids}
            item["key"] = {"p1": "a", "p2": "b"}
        elif kind == "numeric":
            item["key"] = {"value": rng.choice([0, -1.5, 3.14159, 1e-7, 12345678.9]), "tolerance": 0.001}
        else:
            item["key"] = [text(), text()]
        question, _ = from_item(item)
        expected, _ = to_item(question, area="data", item_id=item["id"], today=TODAY)
        written, warnings = gift.write_text([question])
        if expected is None or warnings:  # duplicate options, "->" … are refused, never garbled
            continue
        back, _ = bank_of(gift.read_text(written), {})
        assert _meaning(back["items"]) == _meaning([expected]), written
        checked += 1
    assert checked > 500
