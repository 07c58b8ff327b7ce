"""Minimum group size: no figure about fewer than N people is shown, even by subtraction.

HR never shows a group smaller than N (default 5, configurable, never below 3).  Hiding a small
課 is not enough when its 部 total and the other 課 are shown: the hidden figure could be
recovered as 部 − Σ(shown 課).  So, in every family of siblings, while the remainder is
smaller than N, the next-smallest member is hidden too (secondary suppression), until what subtraction
reveals covers at least N people.  People who sit directly in a parent but in none of its
children are part of that remainder too: three people in a 局 itself, beside one shown 課, could
otherwise be described by subtraction.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_MIN_GROUP = 5
FLOOR_MIN_GROUP = 3
SEPARATOR = "/"


class MinGroupTooSmall(ValueError):
    """A configured minimum below the floor: refused, never silently raised."""


def check_min_group(value: int) -> int:
    if value < FLOOR_MIN_GROUP:
        raise MinGroupTooSmall(f"the minimum group size must be at least {FLOOR_MIN_GROUP}")
    return value


def parent_of(path: str) -> str:
    return path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in path else ""


def hidden_groups(counts: Mapping[str, int], min_n: int = DEFAULT_MIN_GROUP) -> set[str]:
    """Paths (局, 局/部, 局/部/課 …) whose figures must not be shown.

    ``counts`` gives the number of people in each group, a parent's count including its
    children.  Primary suppression hides every group under ``min_n``.  Then, for every shown
    parent, the residual — parent minus its shown children — is what subtraction reveals; it
    must be 0 or at least ``min_n`` people, so while it is not, the smallest shown child is
    hidden as well (or the parent, if no child is left).
    """
    min_n = check_min_group(min_n)
    hidden = {path for path, n in counts.items() if n < min_n}
    families: dict[str, list[str]] = {}
    for path in counts:
        if path:
            families.setdefault(parent_of(path), []).append(path)
    changed = True
    while changed:  # hiding one group can open another gap further up; repeat until stable
        changed = False
        for parent, children in families.items():
            # a hidden parent is checked too: its size may itself be derivable one level up
            if parent not in counts:
                continue
            shown = sorted((counts[c], c) for c in children if c not in hidden)
            residual = counts[parent] - sum(n for n, _c in shown)
            target = shown[0][1] if shown else parent
            if 0 < residual < min_n and target not in hidden:
                hidden.add(target)
                changed = True
    return hidden
