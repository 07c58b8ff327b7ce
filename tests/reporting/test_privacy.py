"""Issue 14, the attacker through the report code: on a generated 年度 (random 所属 trees with
one-person units and parents with members of their own, two 区分, two windows, retakes, a transfer
in the middle of the 年度), every figure the summary can publish for every filter — whole 年度,
each window, each 所属 at every level — is read as the set of people it adds up
(``summary_selections``, the function ``build_summary`` itself uses), and numpy is asked whether
any linear combination of those sets equals a group smaller than the minimum.  None may."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from literacy_app.core.model import SYSTEM, Actor
from literacy_app.reporting.figures.cells import counted, node_of
from literacy_app.reporting.figures.summary import build_summary, summary_selections, year_blocks
from literacy_app.services import assessments, attempts, finishing, people

from ..core.test_partition import _determined
from .test_summary import HR

N = 5


def _units(rng: random.Random) -> list[str]:
    units = []
    for bureau in ("総務局", "市民局", "環境局"):
        units.append(bureau)
        for department in range(rng.randint(1, 2)):
            units.append(f"{bureau}/部{department}")
            units += [f"{bureau}/部{department}/課{section}" for section in range(rng.randint(0, 3))]
    return units


def _sit(database, actor: Actor, window: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    with database.uow() as uow:
        state = attempts.start_attempt(uow, actor, window, seed=seed)
    with database.uow() as uow:
        finishing.finish_attempt(uow, actor, state.attempt_id)


def _year(database, clock, rng: random.Random):  # type: ignore[no-untyped-def]
    clock.now = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    windows = []
    for _ in range(2):
        with database.uow() as uow:  # every 区分 may sit: the 区分 splits the figures, not the cohort
            windows.append(assessments.open_assessment(uow, SYSTEM, "test-blueprint", clock.now,
                                                       clock.now + dt.timedelta(days=10), cohort={"audiences": []}))
        clock.advance(days=20)
    clock.now = dt.datetime(2026, 6, 2, tzinfo=dt.UTC)
    units = _units(rng)
    staff = []
    for number in range(70):
        with database.uow() as uow:
            info = people.add_examinee(uow, SYSTEM, f"{number:06d}", f"職員 {number}", rng.choice(units),
                                       rng.choice(("recruit", "promotion")))
        staff.append(Actor("examinee", info.id, f"{number:06d}"))
    for person in staff:
        if rng.random() < 0.8:
            _sit(database, person, windows[0], person.id)
    clock.now = dt.datetime(2026, 6, 22, tzinfo=dt.UTC)
    for person in rng.sample(staff, 6):  # transfers after the first window: the second one sees the new 所属
        with database.uow() as uow:
            people.add_examinee(uow, SYSTEM, person.name, f"職員 {person.name}", rng.choice(units), "recruit")
    for person in rng.sample(staff, 25):  # retakes and late sitters
        _sit(database, person, windows[1], person.id + 1000)
    clock.now = dt.datetime(2026, 8, 1, tzinfo=dt.UTC)
    return windows, units


def test_no_combination_of_published_figures_describes_fewer_than_five(published, clock):
    windows, units = _year(published, clock, random.Random(20261208))
    with published.uow(read_only=True) as uow:
        data = year_blocks(uow, 2026, N)
        results = counted([window.id for window in data.windows])
        by_node: dict[tuple[str, ...], set[int]] = {}
        for examinee_id, window, org, audience in uow.session.execute(
                select(results.c.examinee_id, results.c.assessment_id, results.c.org_path, results.c.audience)):
            by_node.setdefault(node_of(audience, window, org), set()).add(examinee_id)
        figures: list[frozenset[int]] = []
        filters = [(chosen, unit) for chosen in ({str(w) for w in windows}, {str(windows[0])}, {str(windows[1])})
                   for unit in [None, *units]]
        for chosen, unit in filters:
            picked = summary_selections(data, chosen, unit)
            for found in [picked.total, *(s for _k, s in picked.by_audience), *(s for _k, s in picked.by_org)]:
                members = frozenset().union(*(by_node.get(node, set()) for node in found.members))
                if members:
                    figures.append(members)
        whole = build_summary(uow, HR, 2026)
    assert whole.finished == len(figures[0]) == sum(len(found) for found in by_node.values())
    assert all(len(members) >= N for members in figures)
    everyone = sorted(set().union(*by_node.values()))
    groups: dict[tuple[str, ...], set[int]] = {}
    for node, found in by_node.items():
        for depth in range(len(node) + 1):
            groups.setdefault(node[:depth], set()).update(found)
        for depth in range(3, len(node) + 1):
            groups.setdefault(("*", *node[2:depth]), set()).update(found)  # a 所属 across windows and 区分
    small = [frozenset(found) for found in groups.values() if 0 < len(found) < N]
    small += [frozenset([person]) for person in everyone]
    leaks = [group for group in small if _determined(figures, everyone, group)]
    assert leaks == [], f"{len(leaks)} groups under {N} can be worked out from the figures"
    assert len(figures) > 50 and small  # the attack had material to work with
