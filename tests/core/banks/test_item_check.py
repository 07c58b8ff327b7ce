"""Live validation of one edited item: each problem lands on the field that causes it."""

from __future__ import annotations

from literacy_app.core.banks.item_check import check_item
from literacy_app.core.banks.write import BankDocument

from ...conftest import ROOT

SECURITY = ROOT / "question_banks" / "security.yaml"


def _item(item_id="sec-001"):
    return BankDocument.load(SECURITY).item(item_id)


def test_a_valid_item_has_no_problems():
    assert check_item(_item(), SECURITY) == {}


def test_problems_are_reported_on_their_fields():
    item = _item()
    item["options"]["e"] = "x" * 600
    item["level"] = 7
    item.pop("explanation")
    found = check_item(item, SECURITY)
    assert [p.code for p in found["options"]] == ["string_too_long"]
    assert [p.code for p in found["level"]] == ["less_than_equal"]
    assert [p.code for p in found["id"]] == ["missing"]  # a missing field belongs to the item as a whole
    assert all(p.path == str(SECURITY) for problems in found.values() for p in problems)
    # rules between fields run once the shape is right
    item = _item()
    item["key"] = "z"
    assert {field: [p.code for p in problems] for field, problems in check_item(item, SECURITY).items()} == {
        "key": ["key_not_option"]}


def test_a_scenario_must_exist_in_the_file():
    item = _item()
    item["scenario"] = "sc-nowhere"
    assert [p.code for p in check_item(item, SECURITY)["scenario"]] == ["scenario_missing"]
    document = BankDocument.load(SECURITY)
    item["scenario"] = document.scenarios()[0]["id"]
    assert check_item(item, SECURITY, document.scenarios()) == {}
