"""Item statistics across every finished attempt, for the trainer's review queue.

``reporting.figures.item_stats`` analyses one assessment; a trainer reviews an *item*, which may have been
drawn into many assessments (several 年度, several audiences, scored or as a pilot), so here the
figures are pooled per item id over all finished attempts and all published versions of the item.

Definitions (docs/statistics.md; x = the mark on the item = fraction × points):

- n: answer rows of the item in finished attempts (an unanswered item scored 0 and counts).
- facility = mean(x / max mark) = the mean fraction over the n rows (Moodle's facility index).
- discrimination index: Moodle's — 100 × the correlation of x with the rest of the test y = T − x,
  T being the attempt's *scored* total (pilot items are unscored, so for a pilot item y = T; this is
  the same criterion ``reporting.figures.item_stats`` uses for pilot items).  Totals of different
  assessments are not on one scale (other blueprints, lengths, cohorts), so one correlation over
  all attempts would mix between-assessment differences into the index and can even reverse its
  sign (Simpson's paradox).  The index is therefore the *pooled within-assessment* correlation:
  x and y are centred on their means within each (item, assessment) group and

      index = 100 · Σ dx·dy / √(Σ dx² · Σ dy²)     (sums over all the item's rows)

  For an item seen in one assessment this is exactly Moodle's index, i.e. the
  ``discrimination_index`` of ``core.statistics.item_analysis`` over that assessment (the divisor
  s − 1 cancels in a correlation).  Over several assessments it weights each one by its centred
  sums of squares — its information — which is what an n-weighted mean of per-assessment indices
  only approximates, and an assessment in which the item or the rest score is constant simply
  adds nothing instead of needing a special case.  None when Σ dx² or Σ dy² is 0 (up to float
  noise, the ``SAME`` rule of ``core.statistics``); a covariance within rounding noise of 0 is 0
  (``SNAP``), so noise never raises a flag.
- distractor shares (single and multiple items): for each option that is not part of the key in
  the version shown, the share of the rows shown that version which chose it (unanswered rows
  included in the denominator, as in ``core.statistics_distractors``), pooled over versions.

Rows come from ONE SQL query (attempt, assessment, item version, item id, fraction, pilot and —
for choice items only — the stored response); per-version facts (points, options, key) come from
one small query over the distinct versions.  Everything is then vectorised with numpy
(``np.unique``/``np.bincount``); the only Python pass over rows flattens the chosen option ids out
of the distinct stored response texts (a few per version).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Text, case, cast, null, select

from ..core.itemtypes import TYPES
from ..core.model import Actor
from ..core.statistics import EASY_ABOVE, HARD_BELOW, NEGATIVE_DISCRIMINATION, TOO_EASY, TOO_HARD
from ..core.statistics_distractors import SAME, SNAP
from ..storage.models import Answer, Attempt, AttemptItem, ItemVersion
from ..storage.uow import UnitOfWork
from ._common import require_staff

WEAK_DISTRACTOR = "weak_distractor"
WEAK_SHARE = 0.02
"""A distractor chosen by fewer than this share of the responses does no work."""
MIN_RESPONSES = 30
"""Below this many responses facility and distractor shares are too noisy to flag (the guide's ~30)."""
CHOICE_TYPES = tuple(name for name, kind in TYPES.items() if kind.choice)


@dataclass(frozen=True)
class DistractorShare:
    option_id: str
    n: int
    """Responses to versions in which this option was a distractor."""
    count: int
    share: float


@dataclass(frozen=True)
class ItemFigures:
    """One item's pooled figures (see the module docstring); None = undefined for these data."""

    item_id: str
    n: int
    assessments: int
    pilot_n: int
    """How many of the n responses were to the item as an unscored pilot item."""
    facility: float | None
    discrimination_index: float | None
    distractors: tuple[DistractorShare, ...]
    flags: tuple[str, ...]
    """``negative_discrimination`` (index < 0, at any n: the guide sends it to the review queue);
    ``too_easy`` (facility > 0.95) / ``too_hard`` (< 0.2) and ``weak_distractor`` (a distractor
    share < 2 % over ≥ min_responses responses) only with n ≥ min_responses."""

    def weak_options(self, min_responses: int = MIN_RESPONSES) -> dict[str, float]:
        return {d.option_id: d.share for d in self.distractors if d.n >= min_responses and d.share < WEAK_SHARE}


def item_figures(uow: UnitOfWork, actor: Actor, *, min_responses: int = MIN_RESPONSES) -> dict[str, ItemFigures]:
    """Pooled statistics of every item id that finished attempts have answered (trainer, admin)."""
    require_staff(actor, "trainer", "admin")
    return compute_figures(uow, min_responses)


def compute_figures(uow: UnitOfWork, min_responses: int = MIN_RESPONSES) -> dict[str, ItemFigures]:
    """``item_figures`` without the role check, for services that have made it already."""
    rows = _rows(uow)
    if not rows:
        return {}
    attempt_ids, assessment_ids, version_ids, item_ids, fractions, pilots, responses = zip(*rows, strict=True)
    versions, version_index = np.unique(np.array(version_ids), return_inverse=True)
    facts = _version_facts(uow, [int(v) for v in versions])
    points = np.array([facts[int(v)][0] for v in versions], dtype=float)[version_index]
    fraction = np.nan_to_num(np.array(fractions, dtype=float))  # NULL (never scored) = 0, like unanswered
    scored = ~np.array(pilots, dtype=bool)
    x = fraction * points
    names, item_index = np.unique(np.array(item_ids, dtype=str), return_inverse=True)
    _, attempt_index = np.unique(np.array(attempt_ids), return_inverse=True)
    _, assessment_index = np.unique(np.array(assessment_ids), return_inverse=True)
    totals = np.bincount(attempt_index, weights=x * scored)
    y = totals[attempt_index] - x * scored

    p = len(names)
    n = np.bincount(item_index, minlength=p)
    facility = np.bincount(item_index, weights=fraction, minlength=p) / n
    width = int(assessment_index.max()) + 1
    group_codes, group = np.unique(item_index * width + assessment_index, return_inverse=True)
    assessments = np.bincount(group_codes // width, minlength=p)
    index = _pooled_discrimination(x, y, item_index, group, p)
    pilot_n = np.bincount(item_index, weights=(~scored).astype(float), minlength=p).astype(int)
    distractors = _distractor_shares(version_index, item_index, responses, [facts[int(v)] for v in versions])

    figures = {}
    for j, name in enumerate(names):
        enough = n[j] >= min_responses
        shares = distractors.get(j, ())
        flags = []
        if np.isfinite(index[j]) and index[j] < 0:
            flags.append(NEGATIVE_DISCRIMINATION)
        if enough and facility[j] > EASY_ABOVE:
            flags.append(TOO_EASY)
        if enough and facility[j] < HARD_BELOW:
            flags.append(TOO_HARD)
        if enough and any(d.n >= min_responses and d.share < WEAK_SHARE for d in shares):
            flags.append(WEAK_DISTRACTOR)
        figures[str(name)] = ItemFigures(
            item_id=str(name), n=int(n[j]), assessments=int(assessments[j]), pilot_n=int(pilot_n[j]),
            facility=float(facility[j]), discrimination_index=float(index[j]) if np.isfinite(index[j]) else None,
            distractors=shares, flags=tuple(flags))
    return figures


def _rows(uow: UnitOfWork) -> list[tuple]:
    """(attempt, assessment, version, item id, fraction, pilot, response) of every finished answer row.

    The response is fetched for choice items only, as its stored JSON text (decoded later once per
    distinct text, not once per row); an answer row that is missing altogether (finishing writes
    one per position) reads as unanswered.
    """
    choice = ItemVersion.type.in_(CHOICE_TYPES)
    response = case((choice, cast(Answer.response, Text)), else_=null()).label("response")
    source = (AttemptItem.__table__
              .join(Attempt.__table__, Attempt.id == AttemptItem.attempt_id)
              .join(ItemVersion.__table__, ItemVersion.id == AttemptItem.item_version_id)
              .outerjoin(Answer.__table__, (Answer.attempt_id == AttemptItem.attempt_id)
                         & (Answer.position == AttemptItem.position)))
    return list(uow.connection.execute(
        select(AttemptItem.attempt_id, Attempt.assessment_id, AttemptItem.item_version_id, ItemVersion.item_id,
               Answer.fraction, AttemptItem.pilot, response)
        .select_from(source).where(Attempt.status == "finished")).all())


_Facts = tuple[float, str, tuple[str, ...], frozenset[str]]
"""Per version: points, type, option ids in order, the key's option ids."""


def _version_facts(uow: UnitOfWork, version_ids: list[int]) -> dict[int, _Facts]:
    facts: dict[int, _Facts] = {}
    for start in range(0, len(version_ids), 500):
        for version_id, kind, content in uow.session.execute(
                select(ItemVersion.id, ItemVersion.type, ItemVersion.content)
                .where(ItemVersion.id.in_(version_ids[start:start + 500]))):
            key = content.get("key")
            keys = frozenset([key] if isinstance(key, str) else key if isinstance(key, list) else ())
            options = tuple(option for option, _text in content.get("options", ())) if kind in CHOICE_TYPES else ()
            facts[version_id] = (float(content.get("points") or 1.0), kind, options, keys)
    return facts


def _pooled_discrimination(x: np.ndarray, y: np.ndarray, item_index: np.ndarray, group: np.ndarray,
                           p: int) -> np.ndarray:
    """100 × the pooled within-assessment correlation of x with y per item (``group`` numbers the
    (item, assessment) pairs); nan where undefined."""
    size = np.bincount(group)

    def centred(values: np.ndarray) -> np.ndarray:
        return values - (np.bincount(group, weights=values) / size)[group]

    dx, dy = centred(x), centred(y)

    def per_item(values: np.ndarray) -> np.ndarray:
        return np.bincount(item_index, weights=values, minlength=p)

    sxx, syy, sxy = per_item(dx * dx), per_item(dy * dy), per_item(dx * dy)
    # a column constant within every assessment has only rounding noise left in its sum of squares
    varies = (sxx > SAME**2 * per_item(x * x)) & (syy > SAME**2 * per_item(y * y))
    scale = np.sqrt(np.where(varies, sxx * syy, 1.0))
    sxy = np.where(np.abs(sxy) <= SNAP * scale, 0.0, sxy)
    return np.where(varies, 100 * sxy / scale, np.nan)


def _chosen(text: str) -> list[str]:
    """The option ids a stored choice response names: one id (single), a list (multiple), or none."""
    response = json.loads(text) if text else None
    if isinstance(response, str):
        return [response]
    return [option for option in response if isinstance(option, str)] if isinstance(response, list) else []


def _distractor_shares(version_index: np.ndarray, item_index: np.ndarray, responses: tuple,
                       facts: list[_Facts]) -> dict[int, tuple[DistractorShare, ...]]:
    """Per item index: each distractor's pooled share (see the module docstring), by option id.

    Rows are counted per (version, distinct response text) with numpy; only those few
    combinations are decoded and split into options in Python.
    """
    is_choice = np.array([kind in CHOICE_TYPES for _points, kind, _options, _keys in facts], dtype=bool)
    rows = np.flatnonzero(is_choice[version_index])
    if not len(rows):
        return {}
    item_of_version = np.zeros(len(facts), dtype=np.int64)
    item_of_version[version_index] = item_index
    texts, text_index = np.unique(np.array([responses[row] or "" for row in rows.tolist()], dtype=str),
                                  return_inverse=True)
    combos, counts = np.unique(version_index[rows] * len(texts) + text_index, return_counts=True)
    shown = np.bincount(version_index[rows], minlength=len(facts))
    chosen: dict[tuple[int, str], int] = {}
    exposure: dict[tuple[int, str], int] = {}
    for v, (_points, _kind, options, keys) in enumerate(facts):
        for option in options:
            if option not in keys and shown[v]:
                key = (int(item_of_version[v]), option)
                exposure[key] = exposure.get(key, 0) + int(shown[v])
    decoded = [_chosen(str(text)) for text in texts]
    for combo, count in zip(combos.tolist(), counts.tolist(), strict=True):
        v, t = divmod(combo, len(texts))
        for option in decoded[t]:
            if option not in facts[v][3]:
                key = (int(item_of_version[v]), option)
                chosen[key] = chosen.get(key, 0) + count
    result: dict[int, list[DistractorShare]] = {}
    for (item, option), n in sorted(exposure.items()):
        count = chosen.get((item, option), 0)
        result.setdefault(item, []).append(DistractorShare(option, n, count, count / n))
    return {item: tuple(shares) for item, shares in result.items()}
