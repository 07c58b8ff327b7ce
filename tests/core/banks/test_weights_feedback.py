"""Moodle weights and per-answer feedback in bank files: each inconsistency is reported at its line."""

from __future__ import annotations

from literacy_app.core.banks import validate_paths

ITEM = """\
bank: t
title: t
items:
  - id: t-1
    type: {type}
    area: security
    sub_competence: 試験
    level: 1
    audiences: [recruit]
    stem: 問い
{body}
    explanation: 解説
    tags: {{dss: x, itpassport: technology, digcomp: "4.1"}}
    reviewed: 2026-11-01
    status: approved
"""


def _codes(tmp_path, kind, body):
    path = tmp_path / "t.yaml"
    path.write_text(ITEM.format(type=kind, body=body), encoding="utf-8")
    return [(p.code, p.line) for p in validate_paths([path]).problems]


def test_valid_weights_and_feedback_pass(tmp_path):
    body = """    options: {a: あ, b: い, c: う}
    key: [a, b]
    weights: {a: 60, b: 40, c: -100}
    feedback: {a: よい, c: 違います}"""
    assert _codes(tmp_path, "multiple", body) == []


def test_weights_must_sum_to_100_and_match_the_key(tmp_path):
    body = """    options: {a: あ, b: い, c: う}
    key: [a]
    weights: {a: 60, b: 30, z: -10}"""
    codes = _codes(tmp_path, "multiple", body)
    assert ("weights_sum", 13) in codes
    assert ("weights_key_mismatch", 12) in codes
    assert ("weight_not_option", 13) in codes


def test_single_key_must_weigh_100_and_feedback_names_options(tmp_path):
    body = """    options: {a: あ, b: い}
    key: a
    weights: {a: 50, b: 50}
    feedback: {x: 何か}"""
    codes = _codes(tmp_path, "single", body)
    assert ("weight_key_not_full", 13) in codes
    assert ("feedback_not_option", 14) in codes


def test_true_false_feedback_keys(tmp_path):
    assert _codes(tmp_path, "true_false", "    key: true\n    feedback: {true: 正しい, false: 誤り}") == []


def test_a_picture_must_be_an_image_inside_the_bank_folder(tmp_path):
    for image, code in (("/etc/hostname", "image_outside_folder"), ("../secret.png", "image_outside_folder"),
                        ("notes.txt", "image_not_picture"), ("images/none.png", "image_missing")):
        body = f"""    key: true
    image: {image}"""
        assert code in [found for found, _line in _codes(tmp_path, "true_false", body)], image
