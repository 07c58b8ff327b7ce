"""bank stats: counts, key balance, review due."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from literacy_app.core.banks import validate_paths
from literacy_app.core.banks.stats import bank_stats, review_due

from ...conftest import BASIC_BANK, ROOT


def test_review_due_after_six_months():
    today = dt.date(2026, 11, 27)
    assert review_due(dt.date(2026, 5, 1), today)
    assert not review_due(dt.date(2026, 6, 1), today)
    assert review_due(dt.date(2025, 12, 31), dt.date(2026, 8, 31))


def test_counts_of_the_basic_bank():
    stats = bank_stats(validate_paths([BASIC_BANK]), today=dt.date(2026, 11, 27))
    assert stats["items"] == 11 and stats["pilot"] == 1 and stats["scenario_items"] == 1
    assert stats["by_type"] == {"matching": 1, "multiple": 1, "numeric": 1, "ordering": 1, "short_text": 1,
                                "single": 5, "true_false": 1}
    assert stats["review_due"] == 1  # t-dat-002 was reviewed on 2026-04-01
    assert stats["single_key_positions"] == {"1": 2, "2": 2, "3": 1}  # a: p01, dat-004; b: sec-006, dat-003; c: sec-001
    cell = {(c["area"], c["level"], c["audience"], c["type"]): c["count"] for c in stats["cells"]}
    assert cell[("security", 1, "recruit", "single")] == 3


def test_stats_json_from_the_command_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "literacy_app", "bank", "stats", "--json", str(BASIC_BANK)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={"LITERACY_DATA_DIR": str(tmp_path), "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["items"] == 11
