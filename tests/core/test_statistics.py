"""Item analysis against hand arithmetic, plain-Python references and the invariants of the guide.

The expected numbers are worked out by hand in the comments and written as the arithmetic itself, never
taken from the code under test.  docs/statistics.md fixes the formulas.  No PyPI package
with a published reference dataset (and its α) is installed in the venv (no scipy, statsmodels, pingouin
…), and the brief forbids installing one, so the cross-checks are the hand-built matrices and an
independent exact (Fraction) implementation in plain Python.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from literacy_app.core.statistics import (
    ITEM_FLAGS,
    FormStatistics,
    distractor_analysis,
    extreme_groups,
    group_size,
    item_analysis,
)

pytestmark = pytest.mark.filterwarnings("error")  # no numpy RuntimeWarning may leak (0/0, nan means …)

TOL = 1e-9


def close(actual, expected, tol=TOL):
    return actual is not None and math.isclose(actual, expected, rel_tol=tol, abs_tol=tol)


# Example A: 5 attempts × 3 items, max marks 1, 1, 2 (item 3 has partial credit, so not dichotomous).
#          item1 item2 item3   T
#   a1       1     1     2     4
#   a2       1     0     2     3
#   a3       0     1     1     2
#   a4       1     0     0     1
#   a5       0     0     1     1
A = np.array([[1, 1, 2], [1, 0, 2], [0, 1, 1], [1, 0, 0], [0, 0, 1]], dtype=float)
A_MAX = np.array([1.0, 1.0, 2.0])

# Example B: 6 attempts × 4 dichotomous items (max 1 each), for KR-20/KR-21 and the 27 % groups.
B = np.array([
    [1, 1, 1, 1],  # T 4
    [1, 1, 1, 0],  # T 3
    [1, 1, 0, 0],  # T 2
    [1, 0, 1, 0],  # T 2
    [0, 1, 0, 0],  # T 1
    [0, 0, 0, 0],  # T 0
], dtype=float)
B_MAX = np.ones(4)


def test_example_a_items_by_hand():
    r = item_analysis(A, A_MAX)
    i1, i2, i3 = r.items
    # Item 1: x = 1 1 0 1 0, x̄ = .6, dx = .4 .4 -.6 .4 -.6, Σdx² = 3(.16) + 2(.36) = 1.2, var x = 1.2/4 = .3
    #   y = T - x = 3 2 2 0 1, ȳ = 1.6, dy = 1.4 .4 .4 -1.6 -.6, Σdy² = 1.96+.16+.16+2.56+.36 = 5.2, var y = 1.3
    #   Σdx·dy = .56 + .16 - .24 - .64 + .36 = .2, cov = .05
    #   sorted: x 0 0 1 1 1, y 0 1 2 2 3 → Σ = (-.6)(-1.6) + (-.6)(-.6) + .4(.4) + .4(.4) + .4(1.4) = 2.2, cov max = .55
    #   T = 4 3 2 1 1, T̄ = 2.2, dT = 1.8 .8 -.2 -1.2 -1.2, Σdx·dT = .72+.32+.12-.48+.72 = 1.4, cov(x,T) = .35
    assert i1.n == 5 and close(i1.facility, 3 / 5) and close(i1.sd, math.sqrt(0.3))
    assert close(i1.discrimination_index, 100 * 0.05 / math.sqrt(0.3 * 1.3))
    assert close(i1.discriminative_efficiency, 100 * 0.05 / 0.55)
    # Item 2: x = 1 0 1 0 0, dx = .6 -.4 .6 -.4 -.4, var x = (2(.36) + 3(.16))/4 = .3
    #   y = 3 3 1 1 1, ȳ = 1.8, dy = 1.2 1.2 -.8 -.8 -.8, var y = (2(1.44) + 3(.64))/4 = 1.2
    #   Σdx·dy = .72 - .48 - .48 + .32 + .32 = .4, cov = .1 → DI = 10/√.36 = 16.67
    #   sorted: x 0 0 0 1 1, y 1 1 1 3 3 → Σ = 3(-.4)(-.8) + 2(.6)(1.2) = 2.4, cov max = .6
    #   cov(x,T) = var x + cov(x,y) = .3 + .1 = .4   (direct: Σdx·dT = 1.08-.32-.12+.48+.48 = 1.6, /4)
    assert close(i2.facility, 2 / 5) and close(i2.sd, math.sqrt(0.3))
    assert close(i2.discrimination_index, 100 * 0.1 / math.sqrt(0.3 * 1.2))
    assert close(i2.discriminative_efficiency, 100 * 0.1 / 0.6)
    # Item 3: x = 2 2 1 0 1, x̄ = 1.2, dx = .8 .8 -.2 -1.2 -.2, var x = (1.28 + .08 + 1.44)/4 = .7
    #   y = 2 1 1 1 0, ȳ = 1, dy = 1 0 0 0 -1, var y = 2/4 = .5, Σdx·dy = .8 + .2 = 1, cov = .25
    #   sorted: x 0 1 1 2 2, y 0 1 1 1 2 → Σ = (-1.2)(-1) + .8(1) = 2, cov max = .5
    #   cov(x,T) = .7 + .25 = .95  (direct: 1.44 + .64 + .04 + 1.44 + .24 = 3.8, /4)
    assert close(i3.facility, 1.2 / 2) and close(i3.sd, math.sqrt(0.7))
    assert close(i3.discrimination_index, 100 * 0.25 / math.sqrt(0.7 * 0.5))
    assert close(i3.discriminative_efficiency, 100 * 0.25 / 0.5)
    roots = math.sqrt(0.35) + math.sqrt(0.4) + math.sqrt(0.95)
    for item, cov_xt in zip(r.items, (0.35, 0.4, 0.95), strict=True):
        assert close(item.effective_weight, 100 * math.sqrt(cov_xt) / roots)
    assert [i.intended_weight for i in r.items] == [25.0, 25.0, 50.0]  # 1/4, 1/4, 2/4 of 4 marks
    # 27 % of 5 = 1.35 → 1 attempt per group.  Upper: a1 (T 4).  Lower: a4 and a5 tie at T 1; the
    # tie rule (total, then id = row) puts a4 first, so a4 is the lower group.
    #   D1 = (1 - 1)/1 = 0, D2 = (1 - 0)/1 = 1, D3 = (2 - 0)/1 / 2 = 1
    assert [i.upper_lower_d for i in r.items] == [0.0, 1.0, 1.0]
    assert all(i.flags == ("few_responses",) for i in r.items)  # n = 5 < 30, and no other reason


def test_example_a_form_by_hand():
    r = item_analysis(A, A_MAX)
    # T = 4 3 2 1 1: mean 2.2, sorted 1 1 2 3 4 → median 2 (odd s: the middle one)
    # d = 1.8 .8 -.2 -1.2 -1.2; Σd² = 3.24+.64+.04+1.44+1.44 = 6.8 → m2 = 1.36, k2 = 6.8/4 = 1.7
    # Σd³ = 5.832 + .512 - .008 - 1.728 - 1.728 = 2.88 → m3 = .576, k3 = 25(.576)/(4·3) = 1.2
    # Σd⁴ = 10.4976 + .4096 + .0016 + 2.0736 + 2.0736 = 15.056 → m4 = 3.0112
    #   k4 = 25(6(3.0112) - 3(4)(1.36²)) / (4·3·2) = 25(18.0672 - 22.1952)/24 = -4.3
    # α = 3/2 (1 - (.3 + .3 + .7)/1.7) = 1.5(.4/1.7) = .6/1.7
    assert (r.attempts, r.s, r.p, r.max_total) == (5, 5, 3, 4.0)
    assert close(r.mean, 2.2) and r.median == 2.0 and close(r.sd, math.sqrt(1.7))
    assert close(r.skewness, 1.2 / 1.7**1.5)
    assert close(r.kurtosis, -4.3 / 1.7**2)
    assert close(r.cic, 100 * 0.6 / 1.7)
    assert close(r.error_ratio, 100 * math.sqrt(1 - 0.6 / 1.7))
    assert close(r.standard_error, math.sqrt(1.1 / 1.7) * math.sqrt(1.7))  # = √1.1
    assert r.kr20 is None and r.kr21 is None  # item 3 has a half mark


def test_kr20_equals_alpha_with_the_same_divisor():
    r = item_analysis(B, B_MAX)
    # p_j (share at full marks) = 4/6, 4/6, 3/6, 1/6 → p_j q_j = 8/36, 8/36, 9/36, 5/36, Σ = 30/36 = 5/6
    # T = 4 3 2 2 1 0, mean 2, d = 2 1 0 0 -1 -2, Σd² = 10: σ²(÷s) = 10/6 = 5/3, k2 (÷(s-1)) = 10/5 = 2
    # KR-20, both ÷s:     4/3 (1 - (5/6)/(5/3)) = 4/3 · 1/2 = 2/3
    # α, both ÷(s-1):     item variances p_j q_j · 6/5, Σ = 1 → 4/3 (1 - 1/2) = 2/3   (same ratio)
    # mixed (Σpq ÷s, total ÷(s-1)): 4/3 (1 - (5/6)/2) = 7/9 ≠ α
    assert close(r.kr20, 2 / 3) and close(r.cic, 100 * 2 / 3)
    assert close(r.kr20, r.cic / 100)
    mixed = 4 / 3 * (1 - (5 / 6) / 2)
    assert close(mixed, 7 / 9) and not close(mixed, r.cic / 100)
    # KR-21: M = 2 right of p = 4, σ² = 5/3 → 4/3 (1 - 2·2 / (4 · 5/3)) = 4/3 · 0.4 = 8/15 ≤ KR-20
    assert close(r.kr21, 8 / 15) and r.kr21 <= r.kr20
    # Median, even s: sorted totals 0 1 2 2 3 4 → (2 + 2)/2
    assert r.median == 2.0


def test_27_percent_groups_and_tie_rule():
    r = item_analysis(B, B_MAX)
    # 27 % of 6 = 1.62 → 2 per group.  Ascending by (T, row): a6(0) a5(1) a3(2) a4(2) a2(3) a1(4)
    # lower = a6, a5; upper = a2, a1 → D = (upper right - lower right) / 2
    #   item1 (2 - 0)/2 = 1, item2 (2 - 1)/2 = .5, item3 (2 - 0)/2 = 1, item4 (1 - 0)/2 = .5
    assert [i.upper_lower_d for i in r.items] == [1.0, 0.5, 1.0, 0.5]
    assert [group_size(n) for n in (0, 1, 2, 3, 5, 6, 50, 100)] == [0, 0, 1, 1, 1, 2, 14, 27]
    # In example A, a4 and a5 tie at T 1; with ids making a5 the smaller, a5 is the lower group:
    #   D1 = (1 - 0)/1 = 1, D3 = (2 - 1)/2 = .5
    r = item_analysis(A, A_MAX, attempt_ids=[50, 40, 30, 20, 10])
    assert [i.upper_lower_d for i in r.items] == [1.0, 1.0, 0.5]
    lower, upper = extreme_groups([4, 3, 2, 1, 1], attempt_ids=["e", "d", "c", "b", "a"])
    assert lower.tolist() == [4] and upper.tolist() == [0]
    # Float noise is no tie-breaker: 0.1 + 0.2 and 0.3 tie, and the smaller id (row 0) is the lower.
    lower, upper = extreme_groups([0.1 + 0.2, 0.3, 1.0, 2.0])
    assert lower.tolist() == [0] and upper.tolist() == [3]
    with pytest.raises(ValueError, match="unique"):
        item_analysis(A, A_MAX, attempt_ids=[1, 2, 2, 3, 4])


def test_median_odd_and_even():
    # even s = 4: totals 1 2 4 3 → sorted 1 2 3 4 → (2 + 3)/2 = 2.5; mean 10/4
    even = item_analysis(np.array([[1, 0], [1, 1], [2, 2], [2, 1]], float), [2, 2])
    assert even.median == 2.5 and close(even.mean, 2.5)
    # odd s = 5: totals 1 2 4 3 0 → sorted 0 1 2 3 4 → 2; mean 10/5 = 2
    odd = item_analysis(np.array([[1, 0], [1, 1], [2, 2], [2, 1], [0, 0]], float), [2, 2])
    assert odd.median == 2.0 and close(odd.mean, 2.0)
    # even s with skewed totals, where mean ≠ median: 0 0 0 4 → (0 + 0)/2 = 0, mean 1
    skewed = item_analysis(np.array([[0, 0], [0, 0], [0, 0], [2, 2]], float), [2, 2])
    assert skewed.median == 0.0 and close(skewed.mean, 1.0)


def test_perfect_guttman_pattern():
    # Attempt i has the i easiest of 5 items right (i = 0 … 5): a perfect Guttman scale.
    g = np.array([[1.0 if j < i else 0.0 for j in range(5)] for i in range(6)])
    r = item_analysis(g, np.ones(5))
    assert all(i.discrimination_index > 0 for i in r.items)
    # x and y rise together along the scale, so the covariance is already its maximum.
    assert all(close(i.discriminative_efficiency, 100.0) for i in r.items)
    # p_j = 5/6 … 1/6, Σp_j q_j = (5+8+9+8+5)/36 = 35/36; T = 0 … 5, σ²(÷s) = 35/12
    # α = KR-20 = 5/4 (1 - (35/36)/(35/12)) = 5/4 · 2/3 = 5/6
    assert close(r.cic, 100 * 5 / 6) and close(r.kr20, 5 / 6) and r.cic > 80
    assert not any("negative_discrimination" in i.flags for i in r.items)


def test_constant_columns_do_not_crash():
    # Item 2 everybody earns 0.1 (a constant whose float mean is not exactly 0.1): var x = 0.
    # Item 3 is 0 for all; item 1 is the only one that varies, so the rest score of items 2 and 3 varies.
    m = np.array([[1, 0.1, 0], [0, 0.1, 0], [1, 0.1, 0], [1, 0.1, 0], [0, 0.1, 0]])
    r = item_analysis(m, [1, 1, 1])
    i1, i2, i3 = r.items
    for item in (i2, i3):
        assert item.sd == 0.0
        assert item.discrimination_index is None and item.discriminative_efficiency is None
        assert item.effective_weight == 0.0  # cov(x, T) = 0: weighs nothing, but is not negative
        assert "negative_discrimination" not in item.flags
    # Item 1's rest score is 0.1 for everyone: var y = 0, so its discrimination is undefined too.
    assert i1.discrimination_index is None and i1.discriminative_efficiency is None
    assert close(i1.effective_weight, 100.0)  # the only item with a positive cov(x, T)
    assert close(i3.facility, 0.0) and close(i2.facility, 0.1)
    # A wholly constant matrix: totals constant, so the form's spread figures are undefined.
    flat = item_analysis(np.ones((4, 3)), [1, 1, 1])
    assert flat.sd == 0.0 and flat.cic is None and flat.skewness is None and flat.kurtosis is None
    assert all(i.effective_weight is None for i in flat.items)  # 0/0: no item carries any weight


def test_negative_discrimination_is_flagged():
    # Item 3 is right only for the two weakest attempts.
    #   x3 = 0 0 0 1 1 (x̄ .4, dx -.4 -.4 -.4 .6 .6); T = 2 2 1 1 1 (T̄ 1.4, dT .6 .6 -.4 -.4 -.4)
    #   Σdx·dT = -.24 - .24 + .16 - .24 - .24 = -.8 → cov(x, T) = -.2 < 0: no effective weight
    #   y3 = 2 2 1 0 0 (ȳ 1, dy 1 1 0 -1 -1): Σdx·dy = -.4 - .4 - .6 - .6 = -2 → cov = -.5
    #   var x = 1.2/4 = .3, var y = 4/4 = 1 → DI = -50/√.3
    m = np.array([[1, 1, 0], [1, 1, 0], [1, 0, 0], [0, 0, 1], [0, 0, 1]], float)
    r = item_analysis(m, [1, 1, 1], flag_min_n=5)
    bad = r.items[2]
    assert close(bad.discrimination_index, -50 / math.sqrt(0.3))
    assert bad.effective_weight is None
    assert bad.flags == ("negative_discrimination", "negative_total_covariance")
    assert set(ITEM_FLAGS) >= set(bad.flags)
    # The other items' weights are shared among themselves only.
    assert close(r.items[0].effective_weight + r.items[1].effective_weight, 100.0)


def test_facility_flags_need_enough_responses():
    easy = np.ones((40, 2))
    easy[:1, 0] = 0  # item 1: 39/40 = .975 > .95; item 2: 40/40
    easy[:, 1] = 0
    easy[-5:, 1] = 1  # item 2: 5/40 = .125 < .2
    r = item_analysis(easy, [1, 1])
    assert r.items[0].flags == ("too_easy",) and r.items[1].flags == ("too_hard",)
    r = item_analysis(easy, [1, 1], flag_min_n=41)  # below the threshold: only "few responses"
    assert r.items[0].flags == ("few_responses",) and r.items[1].flags == ("few_responses",)


def _as_tuple(form: FormStatistics):
    return [form.mean, form.median, form.sd, form.skewness, form.kurtosis, form.cic, form.error_ratio,
            form.standard_error, form.kr20, form.kr21]


def _assert_same(a, b, scale=1.0):
    for x, y in zip(a, b, strict=True):
        assert (x is None and y is None) or close(x, y * scale, 1e-12), (x, y)


def test_reversing_the_attempts_changes_nothing():
    for marks, maxes in ((A, A_MAX), (B, B_MAX)):
        ids = np.arange(100, 100 + len(marks))
        forward = item_analysis(marks, maxes, attempt_ids=ids)
        backward = item_analysis(marks[::-1], maxes, attempt_ids=ids[::-1])
        _assert_same(_as_tuple(forward), _as_tuple(backward))
        for f, b in zip(forward.items, backward.items, strict=True):
            _assert_same([f.facility, f.sd, f.discrimination_index, f.discriminative_efficiency,
                          f.effective_weight, f.upper_lower_d],
                         [b.facility, b.sd, b.discrimination_index, b.discriminative_efficiency,
                          b.effective_weight, b.upper_lower_d])
            assert f.flags == b.flags


def test_scaling_all_marks_changes_no_ratio():
    c = 3.7
    base, scaled = item_analysis(A, A_MAX), item_analysis(A * c, A_MAX * c)
    for b, s in zip(base.items, scaled.items, strict=True):
        _assert_same([s.facility, s.discrimination_index, s.discriminative_efficiency, s.effective_weight,
                      s.intended_weight, s.upper_lower_d],
                     [b.facility, b.discrimination_index, b.discriminative_efficiency, b.effective_weight,
                      b.intended_weight, b.upper_lower_d])
        assert close(s.sd, b.sd * c)
    _assert_same([scaled.cic, scaled.error_ratio, scaled.skewness, scaled.kurtosis],
                 [base.cic, base.error_ratio, base.skewness, base.kurtosis])
    _assert_same([scaled.mean, scaled.median, scaled.sd, scaled.standard_error],
                 [base.mean, base.median, base.sd, base.standard_error], scale=c)
    kr = item_analysis(B * c, B_MAX * c)
    assert close(kr.kr20, 2 / 3) and close(kr.kr21, 8 / 15)  # dichotomous at any max mark


def _plain_form(rows):
    """Skewness, kurtosis and α of integer rows, exactly (Fractions), straight from the guide's formulas."""
    s, p = len(rows), len(rows[0])
    totals = [Fraction(sum(r)) for r in rows]
    mean = sum(totals) / s
    m2, m3, m4 = (sum((t - mean) ** r for t in totals) / s for r in (2, 3, 4))
    k2 = s * m2 / (s - 1)
    k3 = s**2 * m3 / ((s - 1) * (s - 2))
    k4 = s**2 * ((s + 1) * m4 - 3 * (s - 1) * m2**2) / ((s - 1) * (s - 2) * (s - 3))
    item_vars = []
    for j in range(p):
        col = [Fraction(r[j]) for r in rows]
        mu = sum(col) / s
        item_vars.append(sum((v - mu) ** 2 for v in col) / (s - 1))
    alpha = Fraction(p, p - 1) * (1 - sum(item_vars) / k2)
    return float(k3) / float(k2) ** 1.5, float(k4 / k2**2), float(alpha)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_skewness_kurtosis_alpha_against_plain_python(seed):
    rng = np.random.default_rng(seed)
    ability = rng.normal(size=(37, 1))
    marks = (rng.normal(size=(37, 6)) + ability > np.linspace(-1, 1.5, 6)).astype(float)
    marks[:, 5] *= 2  # one item worth 2 marks
    r = item_analysis(marks, [1, 1, 1, 1, 1, 2])
    skew, kurt, alpha = _plain_form(marks.astype(int).tolist())
    assert close(r.skewness, skew) and close(r.kurtosis, kurt) and close(r.cic, 100 * alpha)
    assert close(r.kr20, alpha)  # dichotomous (0 or max), same divisor → KR-20 = α


def test_items_not_shown():
    # Example A plus a sixth attempt a6 = [1, not shown, 2].
    m = np.vstack([A, [1, np.nan, 2]])
    r = item_analysis(m, A_MAX)
    assert [i.n for i in r.items] == [6, 5, 6]
    # Form figures use the complete rows only: exactly example A's.
    assert (r.attempts, r.s) == (6, 5)
    _assert_same(_as_tuple(r), _as_tuple(item_analysis(A, A_MAX)))
    # Item 2 was seen by a1 … a5 only, whose totals are as in example A: the same figures.
    a2 = item_analysis(A, A_MAX).items[1]
    assert close(r.items[1].discrimination_index, a2.discrimination_index) and close(r.items[1].facility, 0.4)
    # Item 1 over six attempts; a6's total counts the items a6 saw: 1 + 2 = 3.
    #   x = 1 1 0 1 0 1, x̄ = 2/3, dx = 1/3 1/3 -2/3 1/3 -2/3 1/3, Σdx² = (4·1 + 2·4)/9 = 4/3, var x = 4/15
    #   y = 3 2 2 0 1 2, ȳ = 5/3, dy = 4/3 1/3 1/3 -5/3 -2/3 1/3, Σdy² = (16+1+1+25+4+1)/9 = 16/3, var y = 16/15
    #   Σdx·dy = (4 + 1 - 2 - 5 + 4 + 1)/9 = 1/3, cov = 1/15 → DI = 100 (1/15) / √(4/15 · 16/15) = 100/8
    assert close(r.items[0].facility, 2 / 3) and close(r.items[0].sd, math.sqrt(4 / 15))
    assert close(r.items[0].discrimination_index, 12.5)
    # D for item 1 (n 6, groups of 2): ascending (T, row) a4(1) a5(1) a3(2) a2(3) a6(3) a1(4)
    #   lower a4, a5 → 1 + 0; upper a6, a1 → 1 + 1; D = (2 - 1)/2
    # D for item 2 (n 5, groups of 1): a6 did not see it → lower a4 (0), upper a1 (1): D = 1
    assert r.items[0].upper_lower_d == 0.5 and r.items[1].upper_lower_d == 1.0


def test_degenerate_inputs():
    one = item_analysis(np.array([[1.0, np.nan]]), [1, 1])  # one attempt, one item never seen
    assert one.s == 0 and one.mean is None and one.cic is None
    assert one.items[0].facility == 1.0 and one.items[0].sd is None and one.items[0].upper_lower_d is None
    assert one.items[1].n == 0 and one.items[1].facility is None and one.items[1].discrimination_index is None
    single = item_analysis(A[:, :1], [1])  # one item: α undefined (p − 1 = 0)
    assert single.cic is None and single.error_ratio is None and single.skewness is not None
    empty = item_analysis(np.zeros((0, 3)), [1, 1, 1])
    assert empty.s == 0 and all(i.n == 0 for i in empty.items)
    with pytest.raises(ValueError):
        item_analysis(A, [1, 1])
    with pytest.raises(ValueError):
        item_analysis(A, [1, 0, 2])
    with pytest.raises(ValueError):
        item_analysis(A, A_MAX, random_guess=[0.25])
    assert item_analysis(A, A_MAX, random_guess=[0.25, None, 0.5]).items[0].random_guess_score == 0.25


# Distractor example: 8 attempts, options A (key) B C D, one unanswered.
#   attempt  a1  a2  a3  a4  a5  a6  a7  a8
#   chosen   A   A   C   A   B   B   -   C
#   total    10  9   8   7   5   4   3   6
CHOSEN = [0, 0, 2, 0, 1, 1, -1, 2]
TOTALS = [10, 9, 8, 7, 5, 4, 3, 6]


def test_distractor_analysis_by_hand():
    opts = distractor_analysis(CHOSEN, ["A", "B", "C", "D"], TOTALS, key=0)
    a, b, c, d = opts
    # Shares of 8: A 3/8, B 2/8, C 2/8, D 0 (and 1/8 unanswered)
    assert [o.count for o in opts] == [3, 2, 2, 0]
    assert [o.share for o in opts] == [3 / 8, 2 / 8, 2 / 8, 0.0]
    # 27 % of 8 = 2.16 → 2.  Ascending: a7(3) a6(4) a5(5) a8(6) a4(7) a3(8) a2(9) a1(10)
    # lower a7 (unanswered), a6 (B); upper a2 (A), a1 (A)
    assert [o.share_upper for o in opts] == [1.0, 0.0, 0.0, 0.0]
    assert [o.share_lower for o in opts] == [0.0, 0.5, 0.0, 0.0]
    # r_pb = (M1 - M0)/σ · √(pq), σ dividing by 8: mean 52/8 = 6.5,
    #   Σ(t - 6.5)² = 12.25+6.25+2.25+.25+2.25+6.25+12.25+.25 = 42 → σ = √(42/8) = √5.25
    sigma = math.sqrt(5.25)
    # A: M1 = (10+9+7)/3 = 26/3, M0 = (8+5+4+3+6)/5 = 26/5, p = 3/8
    assert close(a.point_biserial, (26 / 3 - 26 / 5) / sigma * math.sqrt(3 / 8 * 5 / 8))
    # B: M1 = (5+4)/2 = 4.5, M0 = (10+9+8+7+3+6)/6 = 43/6, p = 2/8
    assert close(b.point_biserial, (4.5 - 43 / 6) / sigma * math.sqrt(2 / 8 * 6 / 8))
    # C: M1 = (8+6)/2 = 7, M0 = (10+9+7+5+4+3)/6 = 38/6, p = 2/8: positive for a distractor
    assert close(c.point_biserial, (7 - 38 / 6) / sigma * math.sqrt(2 / 8 * 6 / 8))
    assert d.point_biserial is None
    assert a.is_key and a.flags == () and b.flags == ()
    assert c.flags == ("positive_point_biserial",)
    assert d.flags == ("rarely_chosen",)
    stricter = distractor_analysis(CHOSEN, ["A", "B", "C", "D"], TOTALS, min_share=0.3, key=0)
    assert [o.flags for o in stricter] == [(), ("rarely_chosen",), ("rarely_chosen", "positive_point_biserial"),
                                           ("rarely_chosen",)]


def test_distractor_analysis_edge_cases():
    # Everybody chose A and all totals equal: correlations undefined, no crash.
    opts = distractor_analysis([0, 0, 0], ["A", "B"], [2, 2, 2], key=0)
    assert [o.point_biserial for o in opts] == [None, None]
    assert opts[1].flags == ("rarely_chosen",)
    # Ties at the group boundary are broken by attempt id: a2 (id 1) is below a1 (id 2).
    opts = distractor_analysis([0, 1, 0, 0], ["A", "B"], [1, 1, 5, 6], attempt_ids=[2, 1, 3, 4], key=0)
    assert opts[1].share_lower == 1.0
    opts = distractor_analysis([0, 1, 0, 0], ["A", "B"], [1, 1, 5, 6], attempt_ids=[1, 2, 3, 4], key=0)
    assert opts[1].share_lower == 0.0
    with pytest.raises(ValueError):
        distractor_analysis([0, 3], ["A", "B"], [1, 2], key=0)
    with pytest.raises(ValueError):
        distractor_analysis([0, 1], ["A", "B"], [1, 2], key=2)
