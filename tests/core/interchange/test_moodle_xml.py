"""Moodle XML: every construct read into questions and bank items, unsupported types and parts as
per-question warnings, broken and hostile files refused with file:line, and round trips
(XML → bank → XML, shipped banks → XML → bank) keeping the meaning."""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from literacy_app.core.banks import validate_paths
from literacy_app.core.banks.schema import BankFile
from literacy_app.core.banks.write import new_bank_text
from literacy_app.core.errors import UserError
from literacy_app.core.interchange import moodle_xml
from literacy_app.core.interchange.common import (
    NO_EXPLANATION,
    Answer,
    NumericAnswer,
    Question,
    from_item,
    to_bank,
)

ROOT = Path(__file__).resolve().parents[3]
FILES = ROOT / "tests" / "_files" / "interchange"
ALL = FILES / "moodle_all_types.xml"
UNSUPPORTED = FILES / "moodle_unsupported.xml"
TODAY = dt.date(2026, 11, 27)
MAP = {"セキュリティ": "security", "Default for 職員研修": "data"}
MOODLE_GRADES = {0, 100, -100} | {s * v for s in (1, -1) for v in (
    90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5)}


def line_of(path: Path, marker: str, after: str | None = None) -> int:
    """1-based line of the first line containing ``marker`` (after the line containing ``after``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and marker in line) + 1


def question_line(path: Path, name: str) -> int:
    """The line of the <question> whose <name> is ``name``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if f"<text>{name}</text>" in line)
    return next(i for i in range(at, -1, -1) if "<question " in lines[i]) + 1


def by_name(result, name):
    return next(q for q in result.questions if q.name == name)


@pytest.fixture(scope="module")
def read_all():
    return moodle_xml.read(ALL)


@pytest.fixture(scope="module")
def items(read_all):
    bank, warnings = to_bank(read_all, MAP, bank_id="mx", title="取り込み", today=TODAY)
    BankFile.model_validate(bank)
    return {item["id"]: item for item in bank["items"]}, warnings


# --- reading every construct ---------------------------------------------------------------------------


def test_questions_lines_names_and_categories(read_all):
    names = [q.name for q in read_all.questions]
    assert names == ["不審メールの初動", "パスワードの管理", "持ち出しの手続", "相関と因果", "用語と説明", "略語",
                     "待ち時間の平均"]
    for q in read_all.questions:
        assert q.line == question_line(ALL, q.name)
    assert [q.category for q in read_all.questions] == ["セキュリティ/標的型攻撃"] * 3 + [
        "Default for 職員研修/データ活用"] * 4
    assert read_all.path == str(ALL)


def test_multichoice_single_html_feedback_grade_idnumber(read_all):
    q = by_name(read_all, "不審メールの初動")
    assert q.kind == "multichoice" and q.single is True
    # HTML (CDATA) as plain text: tags stripped, &nbsp; a space, paragraphs kept
    assert q.text == ("「〇〇省 調査担当」を名乗るメールに、パスワード付き ZIP が添付されていた。\n\n"
                      "最初にとるべき行動は どれか。")
    assert q.general_feedback == "開かずに報告するのが原則です。"
    assert q.points == 2.0
    assert q.id_hint == "mx-001"
    assert [(a.text, a.fraction, a.feedback) for a in q.answers] == [
        ("添付を開かずに情報セキュリティ担当へ報告する", 100.0, "正解です。"),
        ("パスワードのメールを待って中身を確かめる", 0.0, "添付を開くのは危険です。"),
        ("係の全員に転送して意見を求める", -50.0, None)]


def test_multichoice_multiple_with_weights_and_text_formats(read_all):
    weighted = by_name(read_all, "パスワードの管理")
    assert weighted.single is False
    assert weighted.text == "パスワードの扱いとして適切なものをすべて選べ。\n（複数選択）"  # moodle_auto_format keeps breaks
    assert [a.fraction for a in weighted.answers] == [60.0, 40.0, -100.0, 0.0]
    assert weighted.answers[2].feedback == "見られてしまいます。"
    usual = by_name(read_all, "持ち出しの手続")
    assert usual.text.endswith("<br> は文字のまま")  # plain_text: markup is text, never live
    assert [a.fraction for a in usual.answers] == [33.33333] * 3 + [-50.0] * 2


def test_truefalse_matching_shortanswer_numerical(read_all):
    tf = by_name(read_all, "相関と因果")
    assert tf.kind == "truefalse" and tf.truth is False
    assert tf.text == "相関があれば **因果関係** もある。"  # markdown kept as written
    assert (tf.true_feedback, tf.false_feedback) == ("第三の要因があるかもしれません。", "そのとおりです。")
    assert tf.general_feedback == "相関は因果を意味しません。"
    match = by_name(read_all, "用語と説明")
    assert match.pairs == [("平均値", "値の合計を個数で割ったもの"), ("中央値", "大きさの順に並べた真ん中の値"),
                           ("最頻値", "最も多く現れる値"), ("", "最大値と最小値の差")]
    short = by_name(read_all, "略語")
    assert [(a.text, a.fraction) for a in short.answers] == [("デジタル化", 100), ("オンライン化", 100), ("電子化", 50)]
    num = by_name(read_all, "待ち時間の平均")
    assert num.numeric == [NumericAnswer(30.0, 0.5, 100.0, None)]
    assert num.unit == "分" and num.points == 3.0


def test_reader_warnings_of_the_complete_file(read_all):
    assert [(w.line, w.question, w.code, w.params) for w in read_all.warnings] == [
        (question_line(ALL, "待ち時間の平均"), "待ち時間の平均", "ix_xml_parts_dropped", {"parts": "answer *"})]


def test_bank_items(items):
    by_id, warnings = items
    assert list(by_id) == ["mx-001", "mx-002", "mx-003", "mx-004", "mx-005", "mx-006", "mx-007"]
    single = by_id["mx-001"]
    assert single["type"] == "single" and single["area"] == "security" and single["sub_competence"] == "標的型攻撃"
    assert single["key"] == "a" and single["weights"] == {"c": -50} and single["points"] == 2.0
    assert single["feedback"] == {"a": "正解です。", "b": "添付を開くのは危険です。"}
    assert single["explanation"] == "開かずに報告するのが原則です。" and single["status"] == "draft"
    weighted = by_id["mx-002"]
    assert weighted["type"] == "multiple" and weighted["key"] == ["a", "b"]
    assert weighted["weights"] == {"a": 60, "b": 40, "c": -100}
    assert weighted["explanation"] == NO_EXPLANATION
    usual = by_id["mx-003"]
    assert usual["key"] == ["a", "b", "c"] and "weights" not in usual  # 1/R, -1/W is the bank's own rule
    tf = by_id["mx-004"]
    assert tf["type"] == "true_false" and tf["key"] is False and tf["area"] == "data"
    assert tf["feedback"] == {"true": "第三の要因があるかもしれません。", "false": "そのとおりです。"}
    match = by_id["mx-005"]
    assert match["premises"] == {"p1": "平均値", "p2": "中央値", "p3": "最頻値"}
    assert match["options"]["d"] == "最大値と最小値の差" and match["key"] == {"p1": "a", "p2": "b", "p3": "c"}
    assert by_id["mx-006"]["key"] == ["デジタル化", "オンライン化"]
    numeric = by_id["mx-007"]
    assert numeric["key"] == {"value": 30, "tolerance": 0.5} and numeric["unit"] == "分" and numeric["points"] == 3.0
    assert [(w.code, w.question) for w in warnings] == [("ix_partial_dropped", "略語")]


def test_bank_file_written_from_the_import_validates(items, tmp_path):
    by_id, _warnings = items
    path = tmp_path / "imported.yaml"
    path.write_text(new_bank_text({"bank": "mx", "title": "取り込み", "items": list(by_id.values())}),
                    encoding="utf-8")
    assert validate_paths([path]).problems == []


# --- what is not supported: per-question warnings, never a crash ---------------------------------------


def test_unsupported_types_parts_and_images_are_warnings():
    result = moodle_xml.read(UNSUPPORTED)
    kinds = [(q.kind, q.name) for q in result.questions]
    assert kinds[:5] == [("essay", "クラウド利用の説明"), ("cloze", "穴埋め"), ("cloze", "穴埋め（旧名）"),
                         ("description", "説明"), ("ddwtos", "ドラッグ")]
    warnings = {(w.question, w.code): w for w in result.warnings}
    image = warnings[("ネットワーク図", "ix_image_dropped")]
    assert image.line == question_line(UNSUPPORTED, "ネットワーク図") and "network.png" in image.params["files"]
    parts = warnings[("ネットワーク図", "ix_xml_parts_dropped")].params["parts"]
    assert parts == "correctfeedback, incorrectfeedback, hint, tags"  # the empty partiallycorrectfeedback is no loss
    assert ("古い正誤", "ix_xml_truefalse_order") in warnings
    assert warnings[("壊れた数値", "ix_xml_bad_number")].params["element"] in ("defaultgrade", "answer")
    assert sum(1 for w in result.warnings if w.code == "ix_xml_bad_number") == 2

    bank, skipped = to_bank(result, {"*": "technology"}, bank_id="mx", title="t", today=TODAY)
    assert [(w.question, w.code, w.line) for w in skipped] == [
        ("クラウド利用の説明", "ix_skip_essay", question_line(UNSUPPORTED, "クラウド利用の説明")),
        ("穴埋め", "ix_skip_cloze", question_line(UNSUPPORTED, "穴埋め")),
        ("穴埋め（旧名）", "ix_skip_cloze", question_line(UNSUPPORTED, "穴埋め（旧名）")),
        ("説明", "ix_skip_description", question_line(UNSUPPORTED, "説明")),
        ("ドラッグ", "ix_skip_kind", question_line(UNSUPPORTED, "ドラッグ"))]
    imported = {item["stem"].split("\n")[0]: item for item in bank["items"]}
    assert imported["図の A にあたる機器はどれか。"]["key"] == "a"
    assert imported["LGWAN はインターネットから分離されている。"]["key"] is True  # answers read in order
    assert imported["2 + 2 は？"]["key"]["value"] == 4 and "points" not in imported["2 + 2 は？"]
    for warning in result.warnings + skipped:
        assert warning.render(str(UNSUPPORTED), "en").startswith(f"{UNSUPPORTED}:{warning.line}: ")


def test_usecase_fixed_order_and_units_with_multipliers_are_reported(tmp_path):
    path = tmp_path / "q.xml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>順序固定</text></name>
    <questiontext><text>選べ</text></questiontext>
    <shuffleanswers>false</shuffleanswers>
    <answer fraction="100"><text>あ</text></answer>
    <answer fraction="0"><text>上記のいずれでもない</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>大文字</text></name>
    <questiontext><text>略語は？</text></questiontext>
    <usecase>1</usecase>
    <answer fraction="100"><text>LGWAN\\*</text></answer>
  </question>
  <question type="numerical">
    <name><text>単位</text></name>
    <questiontext><text>何 km か</text></questiontext>
    <answer fraction="100"><text>1.5</text><tolerance>-0.1</tolerance></answer>
    <units>
      <unit><multiplier>1</multiplier><unit_name>km</unit_name></unit>
      <unit><multiplier>1000</multiplier><unit_name>m</unit_name></unit>
    </units>
  </question>
</quiz>
""", encoding="utf-8")
    result = moodle_xml.read(path)
    fixed, short, numerical = result.questions
    assert short.answers == [Answer("LGWAN*", 100.0, None)]
    assert numerical.numeric == [NumericAnswer(1.5, 0.1, 100.0, None)]
    assert numerical.unit == "km"
    assert [(w.question, w.params) for w in result.warnings] == [
        ("順序固定", {"parts": "shuffleanswers"}), ("大文字", {"parts": "usecase"}), ("単位", {"parts": "units (m)"})]


# --- broken and hostile files -------------------------------------------------------------------------


def refused(path: Path) -> UserError:
    with pytest.raises(UserError) as caught:
        moodle_xml.read(path)
    return caught.value


def test_unclosed_tag_names_both_lines():
    path = FILES / "moodle_broken_unclosed.xml"
    error = refused(path)
    assert error.code == "ix_xml_mismatched_tag"
    assert error.params["line"] == line_of(path, "</questiontext>")
    assert error.params["open_line"] == line_of(path, "この text 要素は閉じられていない")
    assert (error.params["tag"], error.params["open_tag"]) == ("questiontext", "text")
    assert f"{path}:{error.params['line']}:" in error.render("ja")
    assert f"{path}:{error.params['line']}:" in error.render("en")


def test_truncated_file_names_the_unclosed_element():
    path = FILES / "moodle_broken_truncated.xml"
    error = refused(path)
    assert error.code == "ix_xml_unclosed"
    assert error.params["line"] == line_of(path, '<question type="truefalse">')
    assert error.params["open_tag"] == "question"
    assert f"{path}:{error.params['line']}:" in error.render()


def test_html_entity_outside_cdata():
    path = FILES / "moodle_broken_entity.xml"
    error = refused(path)
    assert (error.code, error.params["entity"], error.params["line"]) == (
        "ix_xml_entity", "nbsp", line_of(path, "&nbsp;"))
    assert "CDATA" in error.render("en")


@pytest.mark.parametrize("name", ["moodle_doctype_entities.xml", "moodle_xxe.xml"])
def test_doctype_and_entities_are_refused(name):
    started = time.monotonic()
    error = refused(FILES / name)
    assert time.monotonic() - started < 2  # the entity bomb is never expanded
    assert error.code == "ix_xml_doctype" and error.params["line"] == 2
    assert "root:" not in error.render() and "DOCTYPE" in error.render("en")


def test_not_a_quiz_empty_not_utf8_missing(tmp_path):
    assert refused(FILES / "moodle_not_quiz.xml").params["tag"] == "questions"
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    assert refused(empty).code == "ix_xml_syntax"
    sjis = tmp_path / "sjis.xml"
    sjis.write_bytes('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="essay">'
                     '<questiontext><text>日本語</text></questiontext></question>\n</quiz>\n'.encode("cp932"))
    error = refused(sjis)
    assert (error.code, error.params["line"]) == ("ix_file_not_utf8", 3)
    assert refused(tmp_path / "missing.xml").code == "ix_file_unreadable"


def test_utf8_bom_and_crlf_are_read(tmp_path):
    path = tmp_path / "bom.xml"
    path.write_bytes(b"\xef\xbb\xbf" + '<?xml version="1.0" encoding="UTF-8"?>\r\n<quiz>\r\n'
                     '<question type="truefalse">\r\n<name><text>改行</text></name>\r\n'
                     '<questiontext format="moodle_auto_format"><text>一行目\r\n二行目</text></questiontext>\r\n'
                     '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>\r\n'
                     '</question>\r\n</quiz>\r\n'.encode())
    (q,) = moodle_xml.read(path).questions
    assert (q.line, q.text, q.truth) == (3, "一行目\n二行目", True)


# --- writing ---------------------------------------------------------------------------------------------


def test_written_file_is_moodle_xml(read_all, tmp_path):
    out = tmp_path / "out.xml"
    assert moodle_xml.write(read_all.questions, out) == []
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = ET.fromstring(raw.encode())
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert [q.get("type") for q in questions] == [
        "category", "multichoice", "multichoice", "multichoice",
        "category", "truefalse", "matching", "shortanswer", "numerical"]
    assert questions[0].findtext("category/text") == "$course$/top/セキュリティ/標的型攻撃"
    first = questions[1]
    assert first.findtext("name/text") == "不審メールの初動"
    assert first.find("questiontext").get("format") == "html"
    assert first.findtext("questiontext/text") == ("<p>「〇〇省 調査担当」を名乗るメールに、パスワード付き ZIP が添付されていた。</p>"
                                                   "<p>最初にとるべき行動は どれか。</p>")
    assert first.findtext("defaultgrade") == "2" and first.findtext("idnumber") == "mx-001"
    assert first.findtext("single") == "true" and first.findtext("shuffleanswers") == "true"
    assert [a.get("fraction") for a in first.findall("answer")] == ["100", "0", "-50"]
    assert first.find("answer/feedback/text").text == "正解です。"
    assert questions[2].findtext("single") == "false"
    assert [a.get("fraction") for a in questions[3].findall("answer")] == ["33.33333"] * 3 + ["-50"] * 2
    for answer in root.iter("answer"):
        if answer.get("fraction") is not None:
            assert float(answer.get("fraction")) in MOODLE_GRADES
    tf = questions[5]
    assert [(a.findtext("text"), a.get("fraction")) for a in tf.findall("answer")] == [("true", "0"), ("false", "100")]
    match = questions[6]
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in match.findall("subquestion")][-1] == (
        "", "最大値と最小値の差")
    numerical = questions[8]
    assert numerical.findtext("answer/tolerance") == "0.5"
    assert numerical.findtext("units/unit/unit_name") == "分" and numerical.findtext("units/unit/multiplier") == "1"
    assert "<![CDATA[" in raw


def test_plain_text_is_escaped_and_survives(tmp_path):
    nasty = "A < B && C > D\n<script>alert(1)</script> ]]> 終わり\n\n次の段落\n  A1：番号\u3000B1：方法  （桁揃え）"
    q = Question(kind="multichoice", text=nasty, name="<名前> & 記号", general_feedback="x ]]> y",
                 answers=[Answer("<b>太字ではない</b>", 100, "fb ]]>"), Answer("*", 0)])
    short = Question(kind="shortanswer", text="記号", answers=[Answer("C*", 100)])
    out = tmp_path / "out.xml"
    moodle_xml.write([q, short], out)
    ET.parse(out)  # well-formed
    back = moodle_xml.read(out).questions
    assert back[0].text == nasty and back[0].name == "<名前> & 記号" and back[0].general_feedback == "x ]]> y"
    assert [(a.text, a.feedback) for a in back[0].answers] == [("<b>太字ではない</b>", "fb ]]>"), ("*", None)]
    assert back[1].answers[0].text == "C*"
    raw = out.read_text(encoding="utf-8")
    assert "C\\*" in raw  # a literal asterisk, not Moodle's wildcard
    assert "<br>&nbsp;&nbsp;A1：番号\u3000B1：方法&nbsp;&nbsp;（桁揃え）" in raw  # browsers collapse plain spaces


def test_fractions_moodle_refuses_are_snapped_with_a_warning(tmp_path):
    q = Question(kind="multichoice", text="選べ", single=False, id_hint="w-1",
                 answers=[Answer("あ", 100 / 3), Answer("い", 100 / 3), Answer("う", 100 / 3), Answer("え", -35),
                          Answer("お", -100 / 7)])
    warnings = moodle_xml.write([q], tmp_path / "w.xml")
    assert [(w.question, w.code, w.params) for w in warnings] == [
        ("w-1", "ix_moodle_fraction_rounded", {"answer": "え", "value": "-35", "written": "-33.33333"})]
    fractions = [a.get("fraction") for a in ET.parse(tmp_path / "w.xml").getroot().iter("answer")]
    assert fractions == ["33.33333", "33.33333", "33.33333", "-33.33333", "-14.28571"]


def test_unwritable_kinds_and_uncategorised_questions(tmp_path):
    questions = [Question(kind="truefalse", text="分類あり", category="security", truth=True),
                 Question(kind="essay", text="作文", name="作文"),
                 Question(kind="truefalse", text="分類なし", truth=False)]
    warnings = moodle_xml.write(questions, tmp_path / "o.xml")
    assert [(w.question, w.code, w.params) for w in warnings] == [("作文", "ix_export_kind", {"kind": "essay"})]
    back = moodle_xml.read(tmp_path / "o.xml").questions
    # a category question applies to all that follow, so the uncategorised question comes first
    assert [(q.text, q.category) for q in back] == [("分類なし", None), ("分類あり", "security")]


# --- round trips ------------------------------------------------------------------------------------------


def without_source(item: dict) -> dict:
    return {key: value for key, value in item.items() if key != "source"}


def test_xml_bank_xml_keeps_the_meaning(items, tmp_path):
    by_id, _warnings = items
    questions = []
    for item in by_id.values():
        question, warnings = from_item(item)
        assert warnings == []
        questions.append(question)
    out = tmp_path / "again.xml"
    assert moodle_xml.write(questions, out) == []
    again = moodle_xml.read(out)
    assert again.warnings == []
    # exported categories start with the area id, so no map is needed the second time
    bank, warnings = to_bank(again, {}, bank_id="mx", title="取り込み", today=TODAY)
    assert [w.code for w in warnings] == []
    assert [without_source(item) for item in bank["items"]] == [without_source(item) for item in by_id.values()]


def option_texts(item: dict, keys) -> list[str]:
    return [item["options"][key] for key in keys]


def meaning(item: dict) -> dict:
    """What an item asks and what it accepts, independent of option ids."""
    kind = item["type"]
    result = {"type": kind, "stem": item["stem"].strip(), "points": float(item.get("points", 1.0)),
              "area": item["area"]}
    if kind in ("single", "multiple"):
        keys = [item["key"]] if kind == "single" else item["key"]
        result["options"] = list(item["options"].values())
        result["key"] = option_texts(item, keys)
        result["weights"] = {item["options"][k]: round(float(v), 3) for k, v in (item.get("weights") or {}).items()}
    elif kind == "true_false":
        result["key"] = item["key"]
    elif kind == "matching":
        result["pairs"] = {item["premises"][p]: item["options"][o] for p, o in item["key"].items()}
        result["options"] = sorted(item["options"].values())
    elif kind == "numeric":
        result["key"] = (float(item["key"]["value"]), float(item["key"].get("tolerance", 0)), item.get("unit"))
    elif kind == "short_text":
        result["key"] = list(item["key"])
    result["explanation"] = item["explanation"].strip()
    result["feedback"] = item.get("feedback") or {}
    return result


def test_shipped_banks_export_and_reimport(tmp_path):
    bank_set = validate_paths(sorted((ROOT / "question_banks").glob("*.yaml")))
    assert bank_set.problems == []
    originals = {}
    questions = []
    skipped = []
    for _bank, _index, model in bank_set.items():
        item = model.model_dump(mode="json", exclude_none=True)
        question, warnings = from_item(item)
        if question is None:
            skipped.append(item["type"])
            continue
        originals[item["id"]] = item
        questions.append(question)
    assert set(skipped) == {"ordering"}  # Moodle XML has no ordering type of its own
    out = tmp_path / "banks.xml"
    assert moodle_xml.write(questions, out) == []
    back = moodle_xml.read(out)
    assert back.warnings == [] and len(back.questions) == len(originals)
    bank, warnings = to_bank(back, {}, bank_id="shipped", title="再取り込み", today=TODAY)
    assert warnings == []
    reimported = {item["id"]: item for item in bank["items"]}
    assert sorted(reimported) == sorted(originals)  # grouped by category, so the order may differ
    for item_id, original in originals.items():
        again = meaning(reimported[item_id])
        expected = meaning(original)
        if original["type"] == "multiple" and not original.get("weights"):
            assert again.pop("weights") == {} and expected.pop("weights") == {}
        assert again == expected, item_id
        assert reimported[item_id]["sub_competence"] == original["sub_competence"]
