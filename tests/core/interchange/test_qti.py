"""QTI 2.1 export: a content package whose manifest lists every item file, one assessmentItem per
choice question with the right response declaration and scoring, and a warning for every other kind.

The QTI 2.1 XSD is not available offline, so the structure is checked with explicit asserts on the
elements and attributes the schema requires (order of the item's top-level elements included)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from literacy_app.core.banks import validate_paths
from literacy_app.core.interchange import qti
from literacy_app.core.interchange.common import Answer, NumericAnswer, Question, from_item

ROOT = Path(__file__).resolve().parents[3]
Q = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
TOP_ORDER = ["responseDeclaration", "outcomeDeclaration", "templateDeclaration", "templateProcessing",
             "stylesheet", "itemBody", "responseProcessing", "modalFeedback"]


def unpack(path: Path) -> tuple[ET.Element, dict[str, ET.Element]]:
    """The manifest and every item, each parsed; asserts the manifest and the files agree."""
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        parsed = {name: ET.fromstring(archive.read(name)) for name in names}
        for name in names:
            assert archive.read(name).startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    manifest = parsed.pop("imsmanifest.xml")
    assert manifest.tag == f"{CP}manifest" and NCNAME.match(manifest.get("identifier"))
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "QTIv2.1 Package"
    assert manifest.find(f"{CP}organizations") is not None
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    listed = {}
    for resource in resources:
        assert resource.get("type") == "imsqti_item_xmlv2p1"
        assert NCNAME.match(resource.get("identifier"))
        href = resource.get("href")
        assert [f.get("href") for f in resource.findall(f"{CP}file")] == [href]
        listed[href] = resource
    assert len({r.get("identifier") for r in resources}) == len(resources)
    assert set(listed) == set(parsed)  # every item file is listed, and nothing else is in the zip
    items = {}
    for href, item in parsed.items():
        check_item(item)
        assert href == f"items/{item.get('identifier')}.xml"
        items[item.get("identifier")] = item
    return manifest, items


def check_item(item: ET.Element) -> None:
    """What the QTI 2.1 schema requires of a choice item, asserted one by one."""
    assert item.tag == f"{Q}assessmentItem"
    for attribute in ("identifier", "title", "adaptive", "timeDependent"):
        assert item.get(attribute), attribute
    assert NCNAME.match(item.get("identifier"))
    order = [TOP_ORDER.index(child.tag.removeprefix(Q)) for child in item]
    assert order == sorted(order)
    (response,) = item.findall(f"{Q}responseDeclaration")
    assert response.get("identifier") == "RESPONSE" and response.get("baseType") == "identifier"
    outcomes = {o.get("identifier"): o for o in item.findall(f"{Q}outcomeDeclaration")}
    assert outcomes["SCORE"].get("cardinality") == "single" and outcomes["SCORE"].get("baseType") == "float"
    (interaction,) = item.findall(f"{Q}itemBody/{Q}choiceInteraction")
    assert interaction.get("responseIdentifier") == "RESPONSE" and interaction.get("shuffle") in ("true", "false")
    choices = [choice.get("identifier") for choice in interaction.findall(f"{Q}simpleChoice")]
    assert len(choices) >= 2 and len(set(choices)) == len(choices) and all(NCNAME.match(c) for c in choices)
    assert all((choice.text or "").strip() for choice in interaction.findall(f"{Q}simpleChoice"))
    single = response.get("cardinality") == "single"
    assert interaction.get("maxChoices") == ("1" if single else "0")
    assert response.get("cardinality") in ("single", "multiple")
    correct = [value.text for value in response.findall(f"{Q}correctResponse/{Q}value")]
    assert correct and set(correct) <= set(choices) and (len(correct) == 1 or not single)
    template = item.find(f"{Q}responseProcessing").get("template")
    mapping = response.find(f"{Q}mapping")
    if template.endswith("/map_response"):
        assert mapping is not None
        assert {entry.get("mapKey") for entry in mapping.findall(f"{Q}mapEntry")} <= set(choices)
        assert float(mapping.get("lowerBound")) == 0 and float(mapping.get("upperBound")) > 0
    else:
        assert template == "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
        assert mapping is None
    assert item.find(f"{Q}itemBody/{Q}p") is not None  # the stem


def write(tmp_path, questions):
    path = tmp_path / "package.zip"
    warnings = qti.write(questions, path)
    return path, warnings


def test_shipped_banks_as_a_package(tmp_path):
    bank_set = validate_paths(sorted((ROOT / "question_banks").glob("*.yaml")))
    questions, kinds = [], {}
    for _bank, _index, model in bank_set.items():
        question, _warnings = from_item(model.model_dump(mode="json", exclude_none=True))
        if question is not None:
            questions.append(question)
            kinds[model.id] = model.type
    path, warnings = write(tmp_path, questions)
    _manifest, items = unpack(path)
    choice_ids = {item_id for item_id, kind in kinds.items() if kind in ("single", "multiple", "true_false")}
    assert set(items) == choice_ids  # bank ids are already NCNames
    skipped = {w.question: w.params["kind"] for w in warnings if w.code == "ix_qti_choice_only"}
    assert set(skipped) == set(kinds) - choice_ids
    assert set(skipped.values()) == {"matching", "numerical", "shortanswer"}
    for item_id, kind in kinds.items():
        if kind in ("single", "true_false"):
            assert items[item_id].find(f"{Q}responseDeclaration").get("cardinality") == "single"
        elif kind == "multiple":
            assert items[item_id].find(f"{Q}responseDeclaration").get("cardinality") == "multiple"


def item_of(tmp_path, question):
    path, warnings = write(tmp_path, [question])
    _manifest, items = unpack(path)
    (item,) = items.values()
    return item, warnings


def mapping_of(item):
    return {e.get("mapKey"): float(e.get("mappedValue")) for e in item.iter(f"{Q}mapEntry")}


def test_single_choice_uses_match_correct(tmp_path):
    q = Question(kind="multichoice", text="一行目\n二行目\n\n次の段落 <b>&</b>", id_hint="sec-001",
                 answers=[Answer("報告する", 100), Answer("削除する", 0), Answer("転送する", 0)])
    item, warnings = item_of(tmp_path, q)
    assert warnings == []
    assert item.get("identifier") == "sec-001" and item.get("title") == "sec-001"
    assert item.find(f"{Q}responseDeclaration").get("cardinality") == "single"
    assert [v.text for v in item.iter(f"{Q}value") if v.text in "ABC"] == ["A"]
    assert item.find(f"{Q}responseProcessing").get("template").endswith("/match_correct")
    paragraphs = item.findall(f"{Q}itemBody/{Q}p")
    assert len(paragraphs) == 2 and paragraphs[0].text == "一行目" and paragraphs[0][0].tail == "二行目"
    assert paragraphs[1].text == "次の段落 <b>&</b>"  # plain text, escaped, never markup
    assert [c.text for c in item.iter(f"{Q}simpleChoice")] == ["報告する", "削除する", "転送する"]


def test_spaces_that_align_text_are_kept(tmp_path):
    q = Question(kind="truefalse", text="表:\n  A1：番号\u3000B1  方法", truth=True, id_hint="t-1")
    item, _warnings = item_of(tmp_path, q)
    (paragraph,) = item.findall(f"{Q}itemBody/{Q}p")
    assert paragraph[0].tail == "\xa0\xa0A1：番号\u3000B1\xa0\xa0方法"


def test_weights_and_points_use_map_response(tmp_path):
    single = Question(kind="multichoice", text="部分点", id_hint="w-1",
                      answers=[Answer("正解", 100), Answer("惜しい", 50), Answer("誤り", -100)])
    item, _ = item_of(tmp_path, single)
    assert item.find(f"{Q}responseProcessing").get("template").endswith("/map_response")
    assert mapping_of(item) == {"A": 1.0, "B": 0.5, "C": -1.0}
    multiple = Question(kind="multichoice", text="すべて選べ", single=False, points=2, id_hint="w-2",
                        answers=[Answer("あ", 60), Answer("い", 40), Answer("う", -100), Answer("え", 0)])
    item, _ = item_of(tmp_path, multiple)
    response = item.find(f"{Q}responseDeclaration")
    assert response.get("cardinality") == "multiple"
    assert item.find(f".//{Q}choiceInteraction").get("maxChoices") == "0"
    assert [v.text for v in response.iter(f"{Q}value")] == ["A", "B"]
    assert mapping_of(item) == {"A": 1.2, "B": 0.8, "C": -2.0}
    assert response.find(f"{Q}mapping").get("upperBound") == "2"
    assert item.find(f"{Q}outcomeDeclaration[@identifier='MAXSCORE']").findtext(f"{Q}defaultValue/{Q}value") == "2"


def test_true_false_is_a_two_choice_item(tmp_path):
    q = Question(kind="truefalse", text="相関は因果である。", truth=False, name="相関", false_feedback="そのとおり")
    item, warnings = item_of(tmp_path, q)
    choices = [(c.get("identifier"), c.text) for c in item.iter(f"{Q}simpleChoice")]
    assert choices == [("true", "正しい"), ("false", "誤り")]
    assert [v.text for v in item.find(f"{Q}responseDeclaration").iter(f"{Q}value")] == ["false"]
    assert item.find(f".//{Q}choiceInteraction").get("shuffle") == "false"
    assert [(w.code, w.question) for w in warnings] == [("ix_qti_feedback_dropped", "相関")]
    assert item.get("identifier") == "item001"  # a Japanese name is no NCName


def test_identifiers_are_ncnames_and_unique(tmp_path):
    questions = [Question(kind="truefalse", text=f"問{n}", truth=True, id_hint=hint)
                 for n, hint in enumerate(["1st-item", "a b", "a_b", None])]
    path, _warnings = write(tmp_path, questions)
    _manifest, items = unpack(path)
    assert sorted(items) == ["I1st-item", "a_b", "a_b_2", "item004"]


@pytest.mark.parametrize("question", [
    Question(kind="numerical", text="数値", name="数値", numeric=[NumericAnswer(3, 0)]),
    Question(kind="matching", text="組合せ", name="組合せ", pairs=[("a", "b"), ("c", "d")]),
    Question(kind="shortanswer", text="記述", name="記述", answers=[Answer("x", 100)]),
    Question(kind="essay", text="作文", name="作文"),
])
def test_other_kinds_are_warned_and_left_out(tmp_path, question):
    path, warnings = write(tmp_path, [question])
    manifest, items = unpack(path)
    assert items == {} and manifest.findall(f"{CP}resources/{CP}resource") == []
    assert [(w.code, w.question, w.params) for w in warnings] == [
        ("ix_qti_choice_only", question.name, {"kind": question.kind})]
    assert "QTI export covers choice items only" in warnings[0].render(lang="en")
