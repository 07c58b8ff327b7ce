"""Item analysis of a form: Moodle's quiz-statistics figures plus the classical measures Moodle lacks.

The formulas are those of docs/statistics.md.  Notation: s attempts, p items; for item j,
x is the mark earned on it (fraction × max mark), T the attempt total, y = T − x the rest of the test.

Conventions
- Every variance and covariance divides by (s − 1): the unbiased sample estimate, as Moodle does, since
  the attempts are a sample of the staff who could sit the form.  The exceptions say so: KR-20/KR-21
  (divide by s, see ``FormStatistics``) and the moments m_r inside skewness and kurtosis (divide by s,
  as the k-statistic formulas require; the k-statistics themselves are unbiased).
- Unanswered: an item left unanswered in a finished attempt has already scored 0 (the services write a
  0 answer row at finish), so here it is indistinguishable from a wrong answer.  Reports say so.
- Not shown: ``np.nan`` marks an item the attempt never saw (random draws, differing forms).  Each
  item's figures use only the n attempts that saw it, with T = the sum of the marks over the items that
  attempt saw; the form-level figures (mean … KR-21) use only the complete rows, the attempts that saw
  every item, so that every total is over the same items.  With no nan both are the same s attempts.
- "Undefined" is None, never nan or a crash: a correlation with a constant column, a form of one item,
  fewer than two attempts.
- Upper–lower D and the 27 % groups follow the tie rule of ``statistics_distractors``: stable sort by
  total, then by attempt id (the row position when no ids are given).

Everything is vectorised over attempts (arrays of s × p); only the final records are built per item.
Pure numpy: the core never imports Qt or the database.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .statistics_distractors import (
    OPTION_FLAGS,
    SAME,
    SNAP,
    OptionStatistics,
    distractor_analysis,
    extreme_groups,
    group_size,
    ranking,
)

__all__ = [
    "ITEM_FLAGS", "OPTION_FLAGS", "FormStatistics", "ItemStatistics", "OptionStatistics",
    "distractor_analysis", "extreme_groups", "group_size", "item_analysis", "ranking",
]

NEGATIVE_DISCRIMINATION = "negative_discrimination"
NEGATIVE_TOTAL_COVARIANCE = "negative_total_covariance"
TOO_EASY = "too_easy"
TOO_HARD = "too_hard"
FEW_RESPONSES = "few_responses"
ITEM_FLAGS = (NEGATIVE_DISCRIMINATION, NEGATIVE_TOTAL_COVARIANCE, TOO_EASY, TOO_HARD, FEW_RESPONSES)
EASY_ABOVE = 0.95
HARD_BELOW = 0.2


@dataclass(frozen=True)
class ItemStatistics:
    """One item's figures.  None = undefined for this data (see each field).

    - n: attempts that saw the item.
    - facility = mean(x) / max mark (Moodle's facility index as a fraction 0–1); None when n = 0.
    - sd = √(Σ(x − x̄)² / (n − 1)), in marks (× 100 / max_mark gives Moodle's percentage); None when n < 2.
    - discrimination_index = 100 · cov(x, y) / √(var x · var y): the corrected item–total correlation
      × 100 (Moodle's, not the 27 % method); None when either variance is 0 or n < 2.
    - discriminative_efficiency = 100 · cov(x, y) / covariance max, where covariance max pairs x and y
      each sorted ascending on its own; None when covariance max is 0 (x or y constant).
    - effective_weight = 100 · √cov(x, T) / Σₖ √cov(x_k, T), the sum over items with cov(x_k, T) ≥ 0;
      None (and flag ``negative_total_covariance``) when cov(x, T) < 0.
    - intended_weight = 100 · max mark / Σ max marks.
    - random_guess_score: the expected fraction from uniform guessing, as given by the caller.
    - upper_lower_d = (mean x in the upper 27 % − mean x in the lower 27 %) / max mark, in −1 … 1, groups
      by total over the attempts that saw the item, ties by attempt id; None when n < 2.
    - flags: codes from ``ITEM_FLAGS``, in that order: ``negative_discrimination`` (index < 0, at any n:
      the item works against the test and goes to the review queue); ``negative_total_covariance``
      (cov(x, T) < 0, no effective weight); ``too_easy`` (facility > 0.95) and ``too_hard`` (< 0.2) only
      when n ≥ flag_min_n; ``few_responses`` when n < flag_min_n (show the figures greyed).
    """

    index: int
    n: int
    max_mark: float
    facility: float | None
    sd: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    effective_weight: float | None
    intended_weight: float
    random_guess_score: float | None
    upper_lower_d: float | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class FormStatistics:
    """The form's figures over its complete attempts, and every item's figures.

    - attempts: rows given; s: complete rows (attempts that saw every item) the figures below use.
    - mean, median (mean of the two middle totals when s is even), sd = √k₂ (divides by s − 1).
    - skewness = k₃ / k₂^1.5 (s ≥ 3) and excess kurtosis = k₄ / k₂² (s ≥ 4), with the exact
      k-statistics of the guide; None when all totals are equal.
    - cic = Cronbach's α × 100 = 100 · p/(p − 1) · (1 − Σ var(x_j) / k₂), all variances over s − 1.
    - error_ratio = 100 · √(1 − cic/100); standard_error = error_ratio · sd / 100 (the SEM, in marks).
    - kr20 (a coefficient, not × 100): only when every item is dichotomous (each mark 0 or the item's
      max mark), else None.  KR-20 = p/(p − 1) · (1 − Σ p_j q_j m_j² / σ²_T), where p_j is the share at
      full marks and m_j the max mark.  p_j q_j m_j² is the item variance dividing by s (it is built
      from proportions), so σ²_T divides by s too: with the same divisor in numerator and denominator
      the ratio equals α's (s − 1)-based ratio and KR-20 = cic / 100 exactly.  It equals α only because
      both variances use the same divisor; pairing Σpq with the (s − 1) total variance, as some
      textbooks do, gives a different (larger) value.
    - kr21 = p/(p − 1) · (1 − M(p − M) / (p · σ²)), M and σ² (divides by s, as for KR-20) of the number of
      items at full marks; only when every item is dichotomous with one common max mark.  KR-21 ≤ KR-20.
    """

    attempts: int
    s: int
    p: int
    max_total: float
    mean: float | None
    median: float | None
    sd: float | None
    skewness: float | None
    kurtosis: float | None
    cic: float | None
    error_ratio: float | None
    standard_error: float | None
    kr20: float | None
    kr21: float | None
    items: tuple[ItemStatistics, ...]


def item_analysis(
    marks: ArrayLike,
    max_marks: ArrayLike,
    *,
    attempt_ids: ArrayLike | None = None,
    random_guess: Sequence[float | None] | None = None,
    flag_min_n: int = 30,
) -> FormStatistics:
    """Item and form statistics of an (s attempts × p items) matrix of marks earned.

    ``marks[i, j]`` is the mark attempt i earned on item j (unanswered already 0; ``np.nan`` = item not
    shown to that attempt: the item's figures use only the attempts that saw it, the form's figures
    only the complete rows).  ``max_marks`` holds the p max marks (> 0).  ``attempt_ids`` (unique, any
    comparable type) only break ties in total for the 27 % groups; without them the row position does,
    so then reordering rows can move a tied attempt between groups, and nothing else.
    ``random_guess`` gives each item's random guess score (or None).  Conventions: module docstring,
    ``ItemStatistics`` and ``FormStatistics``.
    """
    x = np.asarray(marks, dtype=float)
    if x.ndim != 2:
        raise ValueError(f"marks must be a 2-D array (attempts × items), got shape {x.shape}")
    s_all, p = x.shape
    max_marks = np.asarray(max_marks, dtype=float)
    if max_marks.shape != (p,) or not np.all(np.isfinite(max_marks) & (max_marks > 0)):
        raise ValueError(f"max_marks must be {p} positive finite numbers")
    if np.any(np.isinf(x)):
        raise ValueError("marks must be finite (np.nan = item not shown)")
    if random_guess is None:
        random_guess = [None] * p
    if len(random_guess) != p:
        raise ValueError(f"random_guess must have one entry per item ({p})")
    shown = ~np.isnan(x)
    a = _item_arrays(x, shown, max_marks, ranking(np.where(shown, x, 0.0).sum(axis=1), attempt_ids))

    items = []
    for j in range(p):
        n = int(a["n"][j])
        facility = _opt(a["facility"][j])
        discrimination = _opt(a["discrimination"][j])
        flags = []
        if discrimination is not None and discrimination < 0:
            flags.append(NEGATIVE_DISCRIMINATION)
        if a["negative_total_covariance"][j]:
            flags.append(NEGATIVE_TOTAL_COVARIANCE)
        if n >= flag_min_n and facility is not None and facility > EASY_ABOVE:
            flags.append(TOO_EASY)
        if n >= flag_min_n and facility is not None and facility < HARD_BELOW:
            flags.append(TOO_HARD)
        if n < flag_min_n:
            flags.append(FEW_RESPONSES)
        guess = random_guess[j]
        items.append(ItemStatistics(
            index=j, n=n, max_mark=float(max_marks[j]), facility=facility, sd=_opt(a["sd"][j]),
            discrimination_index=discrimination,
            discriminative_efficiency=_opt(a["efficiency"][j]),
            effective_weight=_opt(a["effective_weight"][j]),
            intended_weight=float(100 * max_marks[j] / max_marks.sum()),
            random_guess_score=None if guess is None or math.isnan(guess) else float(guess),
            upper_lower_d=_opt(a["d"][j]),
            flags=tuple(flags),
        ))
    form = _form_figures(x[shown.all(axis=1)], max_marks)
    return FormStatistics(attempts=s_all, p=p, max_total=float(max_marks.sum()), items=tuple(items), **form)


def _constant(values: np.ndarray, shown: np.ndarray) -> np.ndarray:
    """Per column: are the shown values all equal, up to float noise?

    The rest score y = T − x of a constant column is computed, so 1.1 − 1 ≠ 0.1 + 0: equality is
    taken to 1e-9 of the column's magnitude (scale-free), and such a column then counts as exactly
    constant (deviations 0), so it never yields a spurious correlation or sign.
    """
    hi = np.where(shown, values, -np.inf).max(axis=0, initial=-np.inf)
    lo = np.where(shown, values, np.inf).min(axis=0, initial=np.inf)
    return hi - lo <= SAME * np.maximum(np.abs(hi), np.abs(lo))


def _deviations(values: np.ndarray, shown: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Deviations from each column's mean over the shown cells; 0 elsewhere and in constant columns."""
    mean = values.sum(axis=0) / n
    return np.where(shown & ~_constant(values, shown), values - mean, 0.0)


def _snap(cov: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """A covariance within rounding noise of 0 is 0, so its sign never raises a flag."""
    return np.where(np.abs(cov) <= SNAP * np.sqrt(scale), 0.0, cov)


def _item_arrays(x: np.ndarray, shown: np.ndarray, max_marks: np.ndarray, order: np.ndarray) -> dict[str, Any]:
    """Every per-item figure as a length-p array, nan where undefined (turned into None by the caller)."""
    x0 = np.where(shown, x, 0.0)
    n = shown.sum(axis=0)
    total = x0.sum(axis=1)
    rest = np.where(shown, total[:, None] - x0, 0.0)
    tot = np.where(shown, total[:, None], 0.0)
    enough = n >= 2
    nan = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        df = n - 1
        dx, dy, dt = (_deviations(v, shown, n) for v in (x0, rest, tot))
        var_x, var_y, var_t = ((d * d).sum(axis=0) / df for d in (dx, dy, dt))
        cov_xy = _snap((dx * dy).sum(axis=0) / df, var_x * var_y)
        cov_xt = _snap((dx * dt).sum(axis=0) / df, var_x * var_t)
        varies = enough & ~_constant(x0, shown) & ~_constant(rest, shown)
        discrimination = np.where(varies, 100 * cov_xy / np.sqrt(var_x * var_y), nan)

        # Covariance max: x and y each sorted ascending on its own (not-shown cells sort last as nan).
        xs = np.sort(np.where(shown, x0, nan), axis=0)
        ys = np.sort(np.where(shown, rest, nan), axis=0)
        dxs = np.nan_to_num(xs - x0.sum(axis=0) / n)
        dys = np.nan_to_num(ys - rest.sum(axis=0) / n)
        cov_max = (dxs * dys).sum(axis=0) / df
        efficiency = np.where(varies & (cov_max > 0), 100 * cov_xy / cov_max, nan)

        usable = enough & (cov_xt >= 0)
        root = np.sqrt(np.where(usable, cov_xt, 0.0))
        effective_weight = np.where(usable, 100 * root / root.sum(), nan)

        # Upper–lower D: rank the attempts that saw each item by the shared ordering.
        g = group_size(n)
        seen, marks_in_order = shown[order], x0[order]
        rank = np.cumsum(seen, axis=0)
        lower = seen & (rank <= g)
        upper = seen & (rank > n - g)
        d = ((marks_in_order * upper).sum(axis=0) - (marks_in_order * lower).sum(axis=0)) / (g * max_marks)

        return {
            "n": n,
            "facility": np.where(n > 0, x0.sum(axis=0) / n / max_marks, nan),
            "sd": np.where(enough, np.sqrt(var_x), nan),
            "discrimination": discrimination,
            "efficiency": efficiency,
            "effective_weight": effective_weight,
            "negative_total_covariance": enough & (cov_xt < 0),
            "d": np.where(g > 0, d, nan),
        }


def _form_figures(xc: np.ndarray, max_marks: np.ndarray) -> dict[str, Any]:
    """Mean … KR-21 over the complete rows ``xc`` (s × p); conventions in ``FormStatistics``."""
    s, p = xc.shape
    out: dict[str, float | int | None] = dict.fromkeys(
        ("mean", "median", "sd", "skewness", "kurtosis", "cic", "error_ratio", "standard_error", "kr20", "kr21"))
    out["s"] = s
    if s == 0:
        return out
    totals = xc.sum(axis=1)
    mean = totals.mean()
    out["mean"], out["median"] = float(mean), float(np.median(totals))
    if s < 2:
        return out
    varies = not _constant(totals[:, None], np.ones((s, 1), dtype=bool))[0]
    dev = totals - mean if varies else np.zeros(s)
    m2, m3, m4 = ((dev**r).sum() / s for r in (2, 3, 4))
    k2 = s * m2 / (s - 1)
    sd = math.sqrt(k2)
    out["sd"] = sd
    if not varies:
        return out
    if s >= 3:
        k3 = s**2 * m3 / ((s - 1) * (s - 2))
        out["skewness"] = float(k3 / k2**1.5)
    if s >= 4:
        k4 = s**2 * ((s + 1) * m4 - 3 * (s - 1) * m2**2) / ((s - 1) * (s - 2) * (s - 3))
        out["kurtosis"] = float(k4 / k2**2)
    if p < 2:
        return out
    alpha = p / (p - 1) * (1 - xc.var(axis=0, ddof=1).sum() / k2)
    out["cic"] = float(100 * alpha)
    error_ratio = 100 * math.sqrt(max(0.0, 1 - alpha))
    out["error_ratio"] = error_ratio
    out["standard_error"] = error_ratio * sd / 100
    full = xc == max_marks
    if np.all(full | (xc == 0)):
        share = full.mean(axis=0)
        out["kr20"] = float(p / (p - 1) * (1 - (share * (1 - share) * max_marks**2).sum() / m2))
        if np.all(max_marks == max_marks[0]):
            right = totals.mean() / max_marks[0]
            out["kr21"] = float(p / (p - 1) * (1 - right * (p - right) / (p * m2 / max_marks[0] ** 2)))
    return out


def _opt(value: Any) -> float | None:
    """A numpy scalar as a Python float; nan (this module's "undefined") as None."""
    value = float(value)
    return None if math.isnan(value) else value
