"""Writing bank files back: byte-identical round trips, minimal diffs, house style, atomic saves."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil
from pathlib import Path

import pytest

from literacy_app.core.banks import check, load, yamlread
from literacy_app.core.banks.write import FIELD_ORDER, BankDocument, item_field_order, new_bank_text
from literacy_app.core.errors import UserError
from literacy_app.core.i18n import message

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "question_banks"
BANKS = sorted(SHIPPED.glob("*.yaml"))
ALL_FILES = BANKS + sorted((SHIPPED / "blueprints").glob("*.yaml"))


def _diff(before: str, after: str) -> tuple[list[str], list[str]]:
    """Removed and added lines."""
    lines = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [line[2:] for line in lines if line.startswith("- ")], [line[2:] for line in lines if line.startswith("+ ")]


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def _loaded(name: str, text: str) -> load.BankSet:
    result = load.load_text(name, text)
    check(result)
    return result


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(SHIPPED / name, target)
    return target


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_shipped_file_round_trips_byte_for_byte(path):
    document = BankDocument.load(path)
    assert document.text().encode("utf-8") == path.read_bytes()


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_setting_every_item_to_itself_changes_nothing(path):
    document = BankDocument.load(path)
    for item_id in document.item_ids():
        document.set_item(item_id, document.item(item_id))
    for scenario in document.scenarios():
        document.set_scenario(scenario["id"], scenario)
    assert document.text().encode("utf-8") == path.read_bytes()


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_items_are_what_the_project_loader_reads(path):
    document = BankDocument.load(path)
    raw = yamlread.load(path.read_text(encoding="utf-8"))
    assert document.item_ids() == [entry["id"] for entry in raw["items"]]
    for entry in raw["items"]:
        assert document.item(entry["id"]) == entry
    assert document.scenarios() == list(raw.get("scenarios", []))


def test_field_order():
    assert item_field_order() == FIELD_ORDER
    assert FIELD_ORDER[:3] == ("id", "type", "area") and FIELD_ORDER[-1] == "source"
    assert FIELD_ORDER.index("weights") < FIELD_ORDER.index("feedback") < FIELD_ORDER.index("explanation")


@pytest.mark.parametrize(("name", "item_id"), [("security.yaml", "sec-015"), ("collaboration.yaml", "col-001")])
def test_a_new_stem_changes_only_the_stem_lines(name, item_id):
    path = SHIPPED / name
    document = BankDocument.load(path)
    before = document.text()
    item = document.item(item_id)
    old_stem = item["stem"]
    item["stem"] = "新しい問題文です。\n二行目もあります。\n"
    document.set_item(item_id, item)
    after = document.text()
    if old_stem.endswith("\n"):
        old_block = "    stem: |\n" + "".join(f"      {line}\n" for line in old_stem.splitlines())
    else:
        old_block = f"    stem: {old_stem}\n"
    new_block = "    stem: |\n      新しい問題文です。\n      二行目もあります。\n"
    assert before.count(old_block) == 1
    assert after == before.replace(old_block, new_block)
    removed, added = _diff(before, after)
    assert removed and set(removed) <= set(old_block.splitlines())  # ``stem: |`` itself may stay
    assert added and set(added) <= set(new_block.splitlines())
    assert _comments(after) == _comments(before)
    assert document.item(item_id)["stem"] == item["stem"]
    assert _loaded(name, after).problems == []


def test_one_option_and_one_tag_change_one_line_each():
    document = BankDocument.load(SHIPPED / "security.yaml")
    before = document.text()
    item = document.item("sec-003")
    item["options"]["b"] = "係の同僚に確かめる"
    item["tags"]["digcomp"] = "4.2"
    document.set_item("sec-003", item)
    removed, added = _diff(before, document.text())
    assert len(removed) == 2
    assert added == ["      b: 係の同僚に確かめる",
                     '    tags: {dss: "How/留意点/セキュリティ", itpassport: technology, digcomp: "4.2"}']


def test_key_order_in_data_is_not_a_change():
    document = BankDocument.load(SHIPPED / "data.yaml")
    before = document.text()
    item_id = document.item_ids()[3]
    item = document.item(item_id)
    document.set_item(item_id, dict(reversed(list(item.items()))))
    assert document.text() == before


def test_new_keys_land_in_canonical_order_and_removed_keys_go():
    document = BankDocument.load(SHIPPED / "security.yaml")
    before = document.text()
    item = document.item("sec-015")  # the last item before the level-2 section comment
    del item["source"]
    item["feedback"] = {"a": "設定だけでは防げません。", "d": "そのとおりです。\n写真を選び直しましょう。\n"}
    item["weights"] = {"d": 100, "b": 25}
    item["links"] = [{"title": "IPA", "url": "https://www.ipa.go.jp/"}]
    item["points"] = 2
    item["pilot"] = False
    document.set_item("sec-015", item)
    text = document.text()
    expected = [key for key in FIELD_ORDER if key in item]
    assert list(document.item("sec-015")) == expected
    block = text[text.index("  - id: sec-015"):text.index("  - id: sec-016")]
    assert [line.split(":")[0].strip(" -") for line in block.splitlines()
            if line.startswith(("  - ", "    ")) and not line.startswith("     ")] == expected
    assert "    weights: {d: 100, b: 25}\n" in block
    assert "      d: |\n        そのとおりです。\n        写真を選び直しましょう。\n" in block
    assert "    links:\n      - title: IPA\n        url: https://www.ipa.go.jp/\n" in block
    assert block.endswith("    status: approved\n\n  # ───────────── レベル2（全対象） ─────────────\n")
    assert _comments(text) == _comments(before)
    assert _loaded("security.yaml", text).problems == []


def test_dates_stay_dates():
    document = BankDocument.load(SHIPPED / "security.yaml")
    item = document.item("sec-002")
    assert item["reviewed"] == dt.date(2026, 11, 27)
    item["reviewed"] = dt.date(2027, 5, 1)
    document.set_item("sec-002", item)
    item = document.item("sec-003")
    item["reviewed"] = "2027-05-02"  # text from a form field is still written as a date
    document.set_item("sec-003", item)
    text = document.text()
    assert "    reviewed: 2027-05-01\n" in text and "    reviewed: 2027-05-02\n" in text
    assert document.item("sec-003")["reviewed"] == dt.date(2027, 5, 2)
    assert "&id" not in text and "*id" not in text  # shared date objects are not turned into aliases


def test_add_item_after_an_id_and_at_the_end():
    document = BankDocument.load(SHIPPED / "security.yaml")
    before = document.text()
    template = document.item("sec-015")
    document.add_item({**template, "id": "sec-900"}, after="sec-015")
    document.add_item({**template, "id": "sec-901", "status": "draft"})
    text = document.text()
    assert document.item_ids()[document.item_ids().index("sec-015") + 1] == "sec-900"
    assert document.item_ids()[-1] == "sec-901"
    assert "    source: 地方公務員法（秘密を守る義務）；総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」（令和7年3月版）\n\n  - id: sec-900\n" in text
    assert "\n\n  # ───────────── レベル2（全対象） ─────────────\n  - id: sec-016\n" in text
    assert text.endswith("\n\n  - id: sec-901\n" + text.split("  - id: sec-901\n")[1])
    assert "\n\n\n" not in text and not text.endswith("\n\n")
    removed, _added = _diff(before, text)
    assert removed == []
    assert _comments(text) == _comments(before)
    assert _loaded("security.yaml", text).problems == []
    assert document.item("sec-900") == {**template, "id": "sec-900"}


def test_add_item_follows_a_file_without_blank_lines():
    document = BankDocument.load(SHIPPED / "data.yaml")
    first = document.item_ids()[0]
    document.add_item({**document.item(first), "id": "dat-900"}, after=first)
    assert "\n\n" not in document.text()


def test_add_and_remove_reject_unknown_or_duplicate_ids():
    document = BankDocument.load(SHIPPED / "security.yaml")
    with pytest.raises(UserError) as exc:
        document.add_item(document.item("sec-001"))
    assert exc.value.code == "bank_item_exists"
    with pytest.raises(UserError) as exc:
        document.remove_item("nope")
    assert exc.value.code == "bank_item_unknown"
    with pytest.raises(UserError) as exc:
        document.set_item("sec-001", {**document.item("sec-001"), "id": "sec-002"})
    assert exc.value.code == "bank_item_exists"
    with pytest.raises(UserError) as exc:
        document.add_item({"type": "single"})
    assert exc.value.code == "bank_no_id"


def test_remove_item_keeps_the_section_comments():
    document = BankDocument.load(SHIPPED / "security.yaml")
    before = document.text()
    document.remove_item("sec-015")  # followed by the level-2 header
    document.remove_item("sec-016")  # preceded by it
    document.remove_item("sec-001")  # the first item, after the level-1 header
    document.remove_item(document.item_ids()[-1])
    text = document.text()
    assert _comments(text) == _comments(before)
    assert "\n\n  # ───────────── レベル2（全対象） ─────────────\n  - id: sec-017\n" in text
    assert "  # ───────────── レベル1（新規採用） ─────────────\n  - id: sec-002\n" in text
    assert not text.endswith("\n\n")
    removed, added = _diff(before, text)
    assert added == []
    assert _loaded("security.yaml", text).problems == []


def test_remove_the_first_item_keeps_the_header_of_the_next():
    text = "bank: t\ntitle: T\nitems:\n  - id: a\n    x: 1\n\n  # second group\n  - id: b\n    x: 2\n"
    document = BankDocument("t.yaml", text)
    document.remove_item("a")
    assert document.text() == "bank: t\ntitle: T\nitems:\n  # second group\n  - id: b\n    x: 2\n"
    document.remove_item("b")
    assert document.text() == "bank: t\ntitle: T\nitems: []\n"


def test_scenarios_can_be_edited_and_added():
    document = BankDocument.load(SHIPPED / "security.yaml")
    before = document.text()
    scenario = document.scenarios()[0]
    scenario["title"] = "在宅勤務中の出来事"
    document.set_scenario(scenario["id"], scenario)
    removed, added = _diff(before, document.text())
    assert added == ["    title: 在宅勤務中の出来事"] and len(removed) == 1
    document.add_scenario({"id": "sc-new", "title": "新しい事例", "text": "一行目。\n二行目。\n"})
    text = document.text()
    assert "  - id: sc-new\n    title: 新しい事例\n    text: |\n      一行目。\n      二行目。\n\nitems:\n" in text
    assert [s["id"] for s in document.scenarios()] == ["sc-telework-incident", "sc-new"]
    assert _loaded("security.yaml", text).problems == []
    with pytest.raises(UserError) as exc:
        document.set_scenario("nope", scenario)
    assert exc.value.code == "bank_scenario_unknown"


TRICKY = ["yes", "No", "on", "Y", "1e3", "0o17", "010", "1:20", "1_000", "0x1F", ".5", "+1", "-.inf", "null", "~",
          "true", "2026-01-01", "4.1", "=", "<<", " lead", "trail ", "a: b", "x #y", "#x", "%", "@at", "`bt",
          "a, b", "[x]", "{y}", "- z", "? q", "! bang", "& amp", "* star", "| pipe", "> gt", "'quote", '"dq',
          "\\back", "tab\there", "🙂", "\u3000全角\u3000", "multi\nline", "  indented\nsecond\n", "x\n\n",
          "cr\r\nlf", "\x85nel", "long " * 40 + "end"]


def test_tricky_strings_read_back_exactly():
    document = BankDocument.load(SHIPPED / "security.yaml")
    template = document.item("sec-001")
    for number, value in enumerate(TRICKY):
        options = {**template["options"], "e": value}
        document.add_item({**template, "id": f"t-{number}", "stem": value, "source": value, "options": options,
                           "feedback": {"a": value}, "tags": {**template["tags"], "dss": value}})
    text = document.text()
    result = _loaded("security.yaml", text)
    assert result.problems == []
    raw = {entry["id"]: entry for entry in result.banks[0].data["items"]}
    for number, value in enumerate(TRICKY):
        entry = raw[f"t-{number}"]
        assert (entry["stem"], entry["source"], entry["options"]["e"], entry["feedback"]["a"],
                entry["tags"]["dss"]) == (value,) * 5, value
        assert document.item(f"t-{number}")["stem"] == value
    again = BankDocument("security.yaml", text)
    assert again.text() == text


def test_floats_and_keys_that_yaml_would_misread():
    document = BankDocument("t.yaml", "bank: t\ntitle: T\nitems: []\n")
    document.add_item({"id": "n", "type": "numeric", "key": {"value": 1e-05, "tolerance": 1e20},
                       "feedback": {"true": "はい", "false": "いいえ", "on": "x"}})
    text = document.text()
    assert "key: {value: 1.0e-05, tolerance: 1.0e+20}" in text
    assert '"true": はい' in text and '"on": x' in text
    raw = yamlread.load(text)["items"][0]
    assert raw["key"] == {"value": 1e-05, "tolerance": 1e20}
    assert list(raw["feedback"]) == ["true", "false", "on"]


def _new_bank() -> dict:
    shipped = BankDocument.load(SHIPPED / "security.yaml")
    items = [shipped.item(item_id) for item_id in shipped.item_ids()]
    scenario = shipped.scenarios()[0]
    chosen = [item for item in items if item.get("scenario") == scenario["id"]][:1] + items[:3]
    for item in chosen:
        item["id"] = "new-" + item["id"]
    chosen[1]["stem"] = "短い問題文"  # a single-line stem stays plain in a new file
    return {"items": chosen, "title": "新しい問題バンク", "bank": "imported", "scenarios": [scenario],
            "area_links": {"security": [{"title": "IPA", "url": "https://www.ipa.go.jp/security/"}]}}


def test_new_bank_text_validates_and_round_trips(tmp_path):
    bank = _new_bank()
    text = new_bank_text(bank, header="GIFT から取り込み（2026-12-01）\n出典は各問の source に記載")
    assert text.startswith("# GIFT から取り込み（2026-12-01）\n# 出典は各問の source に記載\nbank: imported\n"
                           "title: 新しい問題バンク\narea_links:\n")
    assert "\n\nscenarios:\n" in text and "\n\nitems:\n" in text
    assert text.count("\n\n  - id: new-") == len(bank["items"]) - 1
    assert "    audiences: [recruit]\n" in text and "    tags: {dss: " in text and "digcomp: \"4.1\"}" in text
    assert "    reviewed: 2026-11-27\n" in text and "    stem: |\n" in text and "    stem: 短い問題文\n" in text
    result = _loaded("imported.yaml", text)
    assert result.problems == []
    assert [item.id for _bank, _index, item in result.items()] == [item["id"] for item in bank["items"]]
    path = tmp_path / "imported.yaml"
    path.write_text(text, encoding="utf-8")
    document = BankDocument.load(path)
    assert document.text() == text
    assert document.item(bank["items"][0]["id"]) == bank["items"][0]
    assert document.validate() == []


def test_new_bank_text_puts_each_item_in_canonical_order():
    item = {"status": "draft", "key": "a", "options": {"a": "x", "b": "y"}, "id": "n-1", "type": "single"}
    text = new_bank_text({"items": [item], "title": "T", "bank": "b"})
    assert text == ("bank: b\ntitle: T\n\nitems:\n  - id: n-1\n    type: single\n    options:\n      a: x\n"
                    "      b: y\n    key: a\n    status: draft\n")


def test_validate_reports_what_the_loader_reports(tmp_path):
    path = _copy(tmp_path, "security.yaml")
    document = BankDocument.load(path)
    assert document.validate() == []
    item = document.item("sec-001")
    item["key"] = "z"
    document.set_item("sec-001", item)
    problems = document.validate()
    assert [p.code for p in problems] == ["key_not_option"]
    assert problems[0].path == str(path) and problems[0].line == document.text().splitlines().index("    key: z") + 1
    item["key"] = "a"
    document.set_item("sec-001", item)
    other = document.item("sec-002")
    other["id"] = "col-001"  # exists in collaboration.yaml
    document.set_item("sec-002", other)
    assert document.validate() == []
    shutil.copyfile(SHIPPED / "collaboration.yaml", tmp_path / "collaboration.yaml")
    assert [p.code for p in document.validate(context=[tmp_path])] == ["duplicate_item_id"]


def test_save_writes_atomically_and_keeps_line_endings_and_bom(tmp_path):
    original = (SHIPPED / "technology.yaml").read_bytes()
    path = tmp_path / "technology.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n"))
    document = BankDocument.load(path)
    assert document.text() == original.decode("utf-8").replace("\n", "\r\n")
    item_id = document.item_ids()[0]
    item = document.item(item_id)
    item["status"] = "draft"
    document.set_item(item_id, item)
    document.save()
    saved = path.read_bytes()
    assert saved.startswith(b"\xef\xbb\xbf") and saved.endswith(b"\r\n")
    assert saved.count(b"\n") == saved.count(b"\r\n") == original.count(b"\n")
    assert BankDocument.load(path).item(item_id)["status"] == "draft"
    assert sorted(os.listdir(tmp_path)) == ["technology.yaml"]


def test_a_failed_save_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    path = _copy(tmp_path, "security.yaml")
    before = path.read_bytes()
    document = BankDocument.load(path)
    item = document.item("sec-001")
    item["stem"] = "変更"
    document.set_item("sec-001", item)

    def failing_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(UserError) as exc:
        document.save()
    assert exc.value.code == "bank_file_unwritable"
    assert "No space left on device" in exc.value.render("en")
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["security.yaml"]


def test_files_that_cannot_be_edited(tmp_path):
    cases = {
        "missing.yaml": (None, "bank_file_unreadable"),
        "broken.yaml": ("bank: x\nitems:\n  - id: a\n   type: b\n", "bank_file_yaml"),
        "list.yaml": ("- a\n- b\n", "not_a_mapping"),
        "binary.yaml": (b"\x00\x01", "file_not_text"),
    }
    for name, (content, code) in cases.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content is not None:
            path.write_text(content, encoding="utf-8")
        with pytest.raises(UserError) as exc:
            BankDocument.load(path)
        assert exc.value.code == code, name
        for lang in ("ja", "en"):
            rendered = exc.value.render(lang)
            assert "{" not in rendered and rendered != code


def test_new_messages_exist_in_both_languages():
    for code in ("bank_file_unreadable", "bank_file_yaml", "bank_file_unwritable", "bank_item_unknown",
                 "bank_item_exists", "bank_no_id", "bank_scenario_unknown", "bank_scenario_exists"):
        params = {"path": "x.yaml", "detail": "d", "line": 3, "id": "i"}
        assert message(code, "ja", **params) != message(code, "en", **params) != code
        assert "{" not in message(code, "ja", **params) + message(code, "en", **params)


def test_load_text_is_load_paths_without_the_disk():
    path = SHIPPED / "security.yaml"
    from_disk = load.load_paths([path])
    from_text = load.load_text(str(path), path.read_text(encoding="utf-8"))
    assert [item for _b, _i, item in from_disk.items()] == [item for _b, _i, item in from_text.items()]
    assert from_text.problems == [] and load.load_text("x.yaml", "- a\n").problems[0].code == "not_a_mapping"


def test_inline_comments_and_comment_lines_survive_edits():
    text = ("bank: t\ntitle: T\nitems:\n  - id: a  # first\n    type: single\n    # about the key\n    key: a\n"
            "    audiences: [x]  # inline flow\n\n  # next group\n  - id: b\n    status: approved  # inline last\n")
    document = BankDocument("t.yaml", text)
    document.set_item("a", {"id": "a", "type": "single", "audiences": ["x", "y"], "source": "S"})
    document.set_item("b", {"id": "b", "status": "draft", "source": "T"})
    assert document.text() == (
        "bank: t\ntitle: T\nitems:\n  - id: a  # first\n    type: single\n    # about the key\n"
        "    audiences: [x, y] # inline flow\n    source: S\n\n  # next group\n  - id: b\n"
        "    status: draft     # inline last\n    source: T\n")


def test_a_value_no_file_can_hold_changes_nothing():
    document = BankDocument.load(SHIPPED / "security.yaml")
    before = document.text()
    with pytest.raises(TypeError):
        document.set_item("sec-015", {**document.item("sec-015"), "stem": None, "options": {"a": {1, 2}}})
    assert document.text() == before
