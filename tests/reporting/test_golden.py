"""The summary HTML for a small fixed dataset, compared with a reviewed golden file.

Volatile parts are masked before comparing: the chart images (font rendering differs between
machines).  To accept an intended change, run with UPDATE_GOLDEN=1 and review the diff of
tests/_reference/summary.html in the commit.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re

from literacy_app.reporting.figures.summary import build_summary
from literacy_app.reporting.rendering.html import write_html

from ..conftest import FILES
from .test_summary import HR

GOLDEN = FILES.parent / "_reference" / "summary.html"


def _mask(html: str) -> str:
    return re.sub(r'src="data:image/png;base64,[^"]*"', 'src="data:image/png;base64,…"', html)


def test_summary_html_matches_the_golden_file(year_2026, tmp_path):
    database, _staff, _percents = year_2026
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    out = tmp_path / "summary.html"
    write_html(summary, out, generated=dt.date(2026, 11, 27))
    actual = _mask(out.read_text(encoding="utf-8"))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "actual", lineterm=""))
    assert actual == expected, diff[:4000]
