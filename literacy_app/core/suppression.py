"""Minimum group size: no figure, nor any difference of figures, describes fewer than N people.

N is 5 by default and never below 3 (the city's setting: ``services.settings``).  How it holds
across every report — blocks of at least N that every figure adds up whole — is
``core.partition`` and docs/privacy.md; this module keeps the limits.
"""

from __future__ import annotations

DEFAULT_MIN_GROUP = 5
FLOOR_MIN_GROUP = 3
SEPARATOR = "/"


class MinGroupTooSmall(ValueError):
    """A configured minimum below the floor: refused, never silently raised."""


def check_min_group(value: int) -> int:
    if value < FLOOR_MIN_GROUP:
        raise MinGroupTooSmall(f"the minimum group size must be at least {FLOOR_MIN_GROUP}")
    return value
