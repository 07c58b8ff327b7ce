"""年度 arithmetic and the floor of the minimum group size (the blocks themselves: test_partition)."""

from __future__ import annotations

import datetime as dt

import pytest

from literacy_app.core.fiscal import fiscal_label, fiscal_year, fiscal_year_range, reiwa_name
from literacy_app.core.suppression import MinGroupTooSmall, check_min_group


def test_fiscal_year_runs_april_to_march():
    assert fiscal_year(dt.date(2026, 3, 31)) == 2025
    assert fiscal_year(dt.date(2026, 4, 1)) == 2026
    assert fiscal_year_range(2026) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def test_reiwa_names():
    assert reiwa_name(2019) == "令和元年度" and reiwa_name(2026) == "令和8年度"
    assert reiwa_name(2018) == "平成30年度"
    assert fiscal_label(2026) == "2026年度（令和8年度）"


def test_the_minimum_is_configurable_but_never_below_three():
    assert check_min_group(3) == 3
    with pytest.raises(MinGroupTooSmall):
        check_min_group(2)
