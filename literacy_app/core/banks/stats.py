"""Bank statistics for trainers: what the banks hold and what is due for review."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ..fiscal import months_before
from .load import BankSet

REVIEW_MONTHS = 6


def review_due(reviewed: dt.date, today: dt.date, months: int = REVIEW_MONTHS) -> bool:
    """Due when the last review is more than ``months`` months ago (tools change fast)."""
    return reviewed < months_before(today, months)


def bank_stats(bank_set: BankSet, today: dt.date | None = None) -> dict[str, Any]:
    """Counts by area × level × audience × type, key-position balance and review-due counts."""
    today = today or dt.date.today()
    by_cell: Counter[tuple[str, int, str, str]] = Counter()
    by_type: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    key_positions: Counter[int] = Counter()
    longest_is_key = 0
    single_count = 0
    due = 0
    scenario_items = 0
    pilot = 0
    total = 0
    for _bank, _index, item in bank_set.items():
        total += 1
        by_type[item.type] += 1
        by_status[item.status] += 1
        pilot += item.pilot
        scenario_items += item.scenario is not None
        if item.status != "retired" and review_due(item.reviewed, today):
            due += 1
        for audience in item.audiences:
            by_cell[(item.area, item.level, audience, item.type)] += 1
        if item.type == "single":
            single_count += 1
            keys = list(item.options)
            key_positions[keys.index(item.key) + 1] += 1
            lengths = [len(text) for text in item.options.values()]
            if len(item.options[item.key]) == max(lengths) and lengths.count(max(lengths)) == 1:
                longest_is_key += 1
    return {
        "items": total,
        "by_type": dict(sorted(by_type.items())),
        "by_status": dict(sorted(by_status.items())),
        "pilot": pilot,
        "scenario_items": scenario_items,
        "review_due": due,
        "cells": [{"area": a, "level": lv, "audience": au, "type": t, "count": n}
                  for (a, lv, au, t), n in sorted(by_cell.items())],
        "single_key_positions": {str(k): v for k, v in sorted(key_positions.items())},
        "single_longest_option_is_key": longest_is_key,
        "single_items": single_count,
    }
