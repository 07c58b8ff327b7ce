"""Reporting fixtures: one 年度 of finished attempts in a small city."""

from __future__ import annotations

import datetime as dt

import pytest

from .test_summary import ORGS, _sit


@pytest.fixture
def year_2026(published, clock):
    staff = [(f"{n:06d}", org) for n, org in enumerate(ORGS, start=1)]
    share = {staff_no: (n % 5) / 4 for n, (staff_no, _org) in enumerate(staff)}
    percents = _sit(published, clock, staff, share, dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    return published, staff, percents
