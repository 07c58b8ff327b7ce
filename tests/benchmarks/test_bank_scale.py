"""Validate and publish a synthetic 5,000-item bank.

Goals (issue 2): validate ≤ 1 s, publish ≤ 5 s.  Baselines in the same run: parsing the same
file with PyYAML's C loader (no positions, no checks) and inserting the same 5,000 JSON rows
with raw sqlite3 in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
import yaml

from literacy_app.core.banks import validate_paths
from literacy_app.core.model import SYSTEM
from literacy_app.services.publishing import publish_bank
from literacy_app.storage import migrate
from literacy_app.storage.engine import SQLITE_PRAGMAS, make_engine
from literacy_app.storage.uow import Database

from ._report import report

ITEMS = 5000
AREAS = ("dx_mindset", "data", "technology", "collaboration", "security", "digital_gov", "dx_management")


def write_synthetic_bank(folder: Path, items: int = ITEMS) -> Path:
    """A bank of ``items`` single-choice items, each distinct, with realistic field sizes."""
    lines = ["bank: synthetic", "title: 合成バンク", "items:"]
    for i in range(items):
        lines += [
            f"  - id: syn-{i:05d}", "    type: single", f"    area: {AREAS[i % 7]}",
            "    sub_competence: 合成データ", f"    level: {1 + i % 4}",
            "    audiences: [recruit, promotion, manager]",
            f"    stem: 合成問題 {i} の問題文です。窓口業務で次の状況になったとき、最も適切な対応はどれか。",
            "    options:",
            f"      a: 選択肢Aの文章 {i}", f"      b: 選択肢Bの文章 {i}",
            f"      c: 選択肢Cの文章 {i}", f"      d: 選択肢Dの文章 {i}",
            f"    key: {'abcd'[i % 4]}",
            "    explanation: 解説の文章です。正解の理由と、誤答がなぜ誤りかを説明します。",
            '    tags: {dss: "How/留意点/セキュリティ", itpassport: technology, digcomp: "4.1"}',
            "    reviewed: 2026-10-01", "    status: approved",
        ]
    path = folder / "synthetic.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.benchmark
def test_validate_and_publish_5000_items(tmp_path):
    path = write_synthetic_bank(tmp_path)
    text = path.read_text(encoding="utf-8")

    start = time.perf_counter()
    yaml.load(text, Loader=yaml.CSafeLoader)
    parse_baseline = time.perf_counter() - start

    start = time.perf_counter()
    result = validate_paths([path])
    validate_time = time.perf_counter() - start
    assert result.ok and len(result.banks[0].items) == ITEMS
    report("validate 5,000 items", validate_time, parse_baseline, "s", "≤ 1 s")

    engine = make_engine(f"sqlite:///{tmp_path / 'publish.sqlite3'}")
    migrate.upgrade(engine)
    database = Database(engine)
    start = time.perf_counter()
    with database.uow() as uow:
        outcome = publish_bank(uow, SYSTEM, [path])
    publish_time = time.perf_counter() - start
    assert outcome.new == ITEMS
    start = time.perf_counter()
    with database.uow() as uow:
        again = publish_bank(uow, SYSTEM, [path])
    republish_time = time.perf_counter() - start
    assert again.unchanged == ITEMS
    database.dispose()

    raw = sqlite3.connect(tmp_path / "raw.sqlite3", isolation_level=None)
    for pragma in SQLITE_PRAGMAS:
        raw.execute(pragma)
    raw.execute("CREATE TABLE item_version (id INTEGER PRIMARY KEY, item_id TEXT, content TEXT)")
    rows = [(item["id"], json.dumps(item, ensure_ascii=False, default=str))
            for item in yaml.load(text, Loader=yaml.CSafeLoader)["items"]]
    start = time.perf_counter()
    raw.execute("BEGIN")
    raw.executemany("INSERT INTO item_version (item_id, content) VALUES (?, ?)", rows)
    raw.execute("COMMIT")
    insert_baseline = time.perf_counter() - start
    raw.close()
    report("publish 5,000 items (incl. validation)", publish_time, insert_baseline, "s", "≤ 5 s")
    report("re-publish unchanged 5,000 items", republish_time, insert_baseline, "s", "nothing changes")
