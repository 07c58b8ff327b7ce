"""Distractor analysis for one single-choice item, and the 27 % groups every analysis shares.

The upper and lower groups are Kelley's 27 %: the ``group_size(s)`` attempts with the highest and the
lowest totals.  Which attempts those are must not depend on the order the database happens to return
rows in, so the ranking is fixed by one rule, used alike by ``item_analysis`` (upper–lower D) and
``distractor_analysis`` (group shares):

    stable sort ascending by total, then by attempt id; the first g attempts are the lower group,
    the last g the upper group.

So when attempts tie on total at a group boundary, the larger attempt id counts as the higher one.
Totals are compared after rounding to 1e-9 marks, so float noise (0.1 + 0.2 ≠ 0.3) never acts as a
tie-breaker.  Without attempt ids the row position stands in for the id.

Pure numpy, no Qt, no database: the services gather the arrays and the reports format the results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

GROUP_PERCENT = 27
TOTAL_DECIMALS = 9
SAME = 1e-9
"""Values within this fraction of their magnitude are equal (a total of 1.1 − 1 is the same as 0.1)."""
SNAP = 1e-12
"""A correlation or covariance within this (relative) distance of 0 is 0: its sign is rounding noise."""

RARELY_CHOSEN = "rarely_chosen"
POSITIVE_POINT_BISERIAL = "positive_point_biserial"
OPTION_FLAGS = (RARELY_CHOSEN, POSITIVE_POINT_BISERIAL)


def group_size(n: Any) -> Any:
    """Attempts in each of the upper and lower groups: 27 % of ``n`` rounded half up, 0 when n < 2.

    Integer arithmetic, so float error in 0.27·n can never move a boundary (0.27 × 50 = 13.5 → 14).
    Works on an int or on a numpy integer array.
    """
    return (GROUP_PERCENT * n + 50) // 100


def tie_keys(attempt_ids: ArrayLike | None, s: int) -> np.ndarray:
    """The rank (0 … s−1) of each attempt id; the row position when ``attempt_ids`` is None.

    Ids may be ints, strings or any mutually comparable objects; they must be unique, since a
    tie-break by an id two attempts share would not be a rule.
    """
    if attempt_ids is None:
        return np.arange(s)
    ids = np.asarray(attempt_ids)
    if ids.shape != (s,):
        raise ValueError(f"attempt_ids must have one id per attempt ({s}), got shape {ids.shape}")
    order = np.argsort(ids, kind="stable")
    ordered = ids[order]
    if s > 1 and np.any(ordered[1:] == ordered[:-1]):
        raise ValueError("attempt_ids must be unique")
    keys = np.empty(s, dtype=np.int64)
    keys[order] = np.arange(s)
    return keys


def ranking(totals: ArrayLike, attempt_ids: ArrayLike | None = None) -> np.ndarray:
    """Row indices from the lowest to the highest attempt: by total, then by attempt id (module rule)."""
    t = np.asarray(totals, dtype=float)
    return np.lexsort((tie_keys(attempt_ids, t.size), np.round(t, TOTAL_DECIMALS)))


def extreme_groups(totals: ArrayLike, attempt_ids: ArrayLike | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Row indices of the lower and the upper 27 % group (each ``group_size(s)`` long, disjoint)."""
    order = ranking(totals, attempt_ids)
    g = group_size(order.size)
    return order[:g], order[order.size - g:]


@dataclass(frozen=True)
class OptionStatistics:
    """How one option of a single-choice item was chosen.

    Shares are fractions of all attempts given (unanswered ones included), so the options' shares
    plus the unanswered share sum to 1.  ``point_biserial`` is None when nobody or everybody chose
    the option, or all totals are equal (a correlation with a constant is undefined).
    """

    index: int
    option_id: Any
    is_key: bool
    count: int
    share: float | None
    share_upper: float | None
    share_lower: float | None
    point_biserial: float | None
    flags: tuple[str, ...]


def _as_choices(chosen: ArrayLike, k: int) -> np.ndarray:
    c = np.asarray(chosen)
    if c.ndim != 1:
        raise ValueError(f"chosen must be one option index per attempt, got shape {c.shape}")
    if c.dtype.kind not in "iu":
        f = c.astype(float)
        if not np.all(np.isfinite(f)) or np.any(f != np.round(f)):
            raise ValueError("chosen must hold whole option indices (-1 = unanswered)")
        c = f.astype(np.int64)
    if c.size and (c.min() < -1 or c.max() >= k):
        raise ValueError(f"chosen must be -1 (unanswered) or an option index 0 … {k - 1}")
    return c


def distractor_analysis(
    chosen: ArrayLike,
    option_ids: Sequence[Any],
    totals: ArrayLike,
    attempt_ids: ArrayLike | None = None,
    min_share: float = 0.02,
    *,
    key: int,
) -> list[OptionStatistics]:
    """Per option of one single-choice item: shares overall and in the 27 % groups, point-biserial, flags.

    ``chosen`` holds, for each of the s attempts that were shown the item, the index into
    ``option_ids`` of the option chosen, or -1 when the item was left unanswered (it then scored 0,
    like a wrong answer).  ``totals`` are those attempts' totals: pass the rest-score (total minus
    this item's mark) for the corrected point-biserial.  ``key`` is the index of the correct option;
    it is required because "distractor" means "not the key".

    - share = attempts choosing the option / s; share_upper / share_lower = the same within the upper
      and lower 27 % groups, formed by the module's rule (stable sort by total, then attempt id).
    - point-biserial = the Pearson correlation of the 0/1 indicator "chose this option" with the
      total.  The divisor cancels in a correlation, so the (s − 1) convention gives the same number
      as the textbook (M₁ − M₀)/σ · √(pq) with σ dividing by s.  A working distractor has a negative one.
    - flags: ``rarely_chosen`` when share < ``min_share`` (an option nobody picks does no work);
      ``positive_point_biserial`` when an option other than the key correlates positively with the
      total (strong examinees are drawn to it: check the key and the wording).

    Vectorised: one indicator matrix (s × options), no loop over attempts.
    """
    k = len(option_ids)
    if not 0 <= key < k:
        raise ValueError(f"key must be an option index 0 … {k - 1}")
    c = _as_choices(chosen, k)
    t = np.asarray(totals, dtype=float)
    s = c.size
    if t.shape != (s,) or not np.all(np.isfinite(t)):
        raise ValueError("totals must be one finite total per attempt")

    picks = c[:, None] == np.arange(k)
    count = picks.sum(axis=0)
    lower, upper = extreme_groups(t, attempt_ids)
    g = lower.size
    nan = np.full(k, np.nan)
    share = count / s if s else nan
    share_upper = picks[upper].sum(axis=0) / g if g else nan
    share_lower = picks[lower].sum(axis=0) / g if g else nan

    r = nan
    if s >= 2 and t.max() - t.min() > SAME * np.abs(t).max():
        dp = picks - count / s
        dt = t - t.mean()
        with np.errstate(divide="ignore", invalid="ignore"):
            r = (dp * dt[:, None]).sum(axis=0) / np.sqrt((dp * dp).sum(axis=0) * (dt * dt).sum())
        r = np.where((count > 0) & (count < s), r, np.nan)
        r = np.where(np.abs(r) < SNAP, 0.0, r)

    result = []
    for j in range(k):
        flags = []
        if s and share[j] < min_share:
            flags.append(RARELY_CHOSEN)
        if j != key and r[j] > 0:
            flags.append(POSITIVE_POINT_BISERIAL)
        result.append(OptionStatistics(
            index=j, option_id=option_ids[j], is_key=j == key, count=int(count[j]),
            share=_opt(share[j]), share_upper=_opt(share_upper[j]), share_lower=_opt(share_lower[j]),
            point_biserial=_opt(r[j]), flags=tuple(flags),
        ))
    return result


def _opt(value: Any) -> float | None:
    """A numpy scalar as a Python float; nan (this module's "undefined") as None."""
    value = float(value)
    return None if np.isnan(value) else value
