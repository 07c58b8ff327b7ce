"""What privacy costs in detail (issue 14): on the 1,500-person demo, the share of people with a
result whose own 課 (a unit with no units below it) is shown in the 年度 summary with them in it.

Blocks of at least N must not show less than the rule they replaced; the figure before blocks
(per-report suppression, commit 4aed4b3) was 77.9 % for 2026 and 80.4 % for 2025 on this data.
Run: ``bash scripts/benchmarks -k privacy_share``.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from literacy_app.core.model import Actor
from literacy_app.reporting.figures.summary import build_summary
from literacy_app.storage.engine import make_engine
from literacy_app.storage.uow import Database

from ..conftest import ROOT
from ._report import report


@pytest.mark.benchmark
def test_share_of_people_whose_own_section_is_shown(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    env = {**os.environ, "LITERACY_DATA_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "literacy_app", "--db", url, "demo", "generate", "--staff", "1500",
                    "--years", "2"], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    database = Database(make_engine(url))
    for year, before in ((2026, 0.779), (2025, 0.804)):
        with database.uow(read_only=True) as uow:
            summary = build_summary(uow, Actor("staff", 1, "hr", "hr"), year)
        keys = [group.key for group in summary.by_org]
        leaves = [group for group in summary.by_org if "その他" not in group.key
                  and not any(key.startswith(group.key + "/") for key in keys)]
        shown = sum(group.people for group in leaves if not group.suppressed) / summary.finished
        report(f"{year}: people whose own 課 is shown", shown * 100, before * 100, "%",
               "not below the rule before blocks (the baseline)")
    database.dispose()
