"""年度 arithmetic and minimum-group suppression, including suppression by subtraction."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from literacy_app.core.fiscal import fiscal_label, fiscal_year, fiscal_year_range, reiwa_name
from literacy_app.core.suppression import MinGroupTooSmall, hidden_groups


def test_fiscal_year_runs_april_to_march():
    assert fiscal_year(dt.date(2026, 3, 31)) == 2025
    assert fiscal_year(dt.date(2026, 4, 1)) == 2026
    assert fiscal_year_range(2026) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def test_reiwa_names():
    assert reiwa_name(2019) == "令和元年度" and reiwa_name(2026) == "令和8年度"
    assert reiwa_name(2018) == "平成30年度"
    assert fiscal_label(2026) == "2026年度（令和8年度）"


def test_small_groups_are_hidden():
    counts = {"": 60, "総務局": 60, "総務局/総務課": 30, "総務局/人事課": 26, "総務局/法務課": 4}
    hidden = hidden_groups(counts)
    assert "総務局/法務課" in hidden


def _leaks(counts, hidden, min_n=5):
    """Shown parents whose remainder (parent − shown children) describes 1..min_n−1 people."""
    leaks = []
    for parent in counts:
        if parent in hidden:
            continue
        children = [p for p in counts if p and (p.rsplit("/", 1)[0] if "/" in p else "") == parent]
        if not children:
            continue
        residual = counts[parent] - sum(counts[c] for c in children if c not in hidden)
        if 0 < residual < min_n:
            leaks.append(parent)
    return leaks


def test_a_hidden_group_cannot_be_recovered_by_subtraction():
    counts = {"": 60, "総務局": 60, "総務局/総務課": 30, "総務局/人事課": 26, "総務局/法務課": 4}
    hidden = hidden_groups(counts)
    assert "総務局/人事課" in hidden  # the next-smallest sibling goes too
    assert "総務局/総務課" not in hidden
    assert _leaks(counts, hidden) == []


def test_members_directly_in_a_parent_are_part_of_the_remainder():
    # 2 people sit in 総務局 itself: 局 − 総務課 − 人事課 = 法務課 + those 2 = 6 people, enough
    counts = {"総務局": 62, "総務局/総務課": 30, "総務局/人事課": 26, "総務局/法務課": 4}
    assert hidden_groups(counts) == {"総務局/法務課"}
    # 3 people in the 局 itself beside one 課: the 局 minus the 課 would describe those 3
    counts = {"総務局": 33, "総務局/総務課": 30}
    hidden = hidden_groups(counts)
    assert hidden == {"総務局/総務課"} and _leaks(counts, hidden) == []


def test_no_exhaustive_counter_example_on_small_trees():
    """Every split of up to 3 課 of 1..9 people, plus 0..4 people in the 局 itself, is safe."""
    for sizes in itertools.product(range(1, 10), repeat=3):
        for direct in range(5):
            counts = {"局": sum(sizes) + direct, **{f"局/課{i}": n for i, n in enumerate(sizes)}}
            hidden = hidden_groups(counts)
            assert all(counts[p] >= 5 for p in counts if p not in hidden)
            assert _leaks(counts, hidden) == [], (sizes, direct, hidden)


def test_the_minimum_is_configurable_but_never_below_three():
    counts = {"局": 20, "局/課A": 4, "局/課B": 16}
    assert hidden_groups(counts, min_n=3) == set()
    with pytest.raises(MinGroupTooSmall):
        hidden_groups(counts, min_n=2)


def test_a_hidden_parent_whose_size_is_derivable_still_protects_its_children():
    # 部A (9) is hidden only to protect 部B's remainder; 局 − 部C reveals 部A's 9, and
    # 部A − 課A1 (shown, 6) would then describe 課A2's 3 people — so 課A1 must go as well.
    counts = {"局": 30, "局/部A": 9, "局/部A/課A1": 6, "局/部A/課A2": 3, "局/部B": 4, "局/部C": 17}
    hidden = hidden_groups(counts)
    assert {"局/部B", "局/部A/課A2", "局/部A/課A1"} <= hidden
