"""The safe YAML reader: positions, and refusal of aliases, tags and deep nesting."""

from __future__ import annotations

import datetime as dt

import pytest

from literacy_app.core.banks import yamlread


def test_positions_of_keys_and_elements():
    data = yamlread.load("a: 1\nb:\n  - x\n  - {c: 2020-01-02}\n")
    assert data.key_pos == {"a": (1, 1), "b": (2, 1)}
    assert data["b"].item_pos == [(3, 5), (4, 5)]
    assert data["b"][1]["c"] == dt.date(2020, 1, 2)
    assert data["a"] == 1


@pytest.mark.parametrize("text, code, line", [
    ("a: &x 1\nb: *x\n", "yaml_alias", 1),
    ("a: !!python/object/apply:os.system ['echo hi']\n", "yaml_tag", 1),
    ("a: !include other.yaml\n", "yaml_tag", 1),
    ("a: 1\na: 2\n", "yaml_duplicate_key", 2),
    ("a: 1\n---\nb: 2\n", "yaml_multi_document", 2),
    ("a: [1, 2\n", "yaml_syntax", 2),
    ("[" * 500 + "]" * 500, "yaml_too_deep", 1),
])
def test_refusals(text, code, line):
    with pytest.raises(yamlread.YamlProblem) as caught:
        yamlread.load(text)
    assert (caught.value.code, caught.value.line) == (code, line)


def test_alias_bomb_is_refused_without_expansion():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(yamlread.YamlProblem) as caught:
        yamlread.load("\n".join(lines))
    assert caught.value.code == "yaml_alias" and caught.value.line == 1
