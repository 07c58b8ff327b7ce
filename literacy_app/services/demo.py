"""``demo generate``: fill a database with a city's worth of realistic demo data.

People, the shipped banks, one assessment per 年度 and audience, and finished attempts whose
forms come from the real assembly and whose marks come from the real scoring — so reports,
statistics and exports can be shown and timed on something the size of a 政令指定都市.  Millions
of rows are built in Python and written with Core ``executemany`` in large batches, a few
transactions in all; no ORM object is made per row.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sqlalchemy import Connection, Table, bindparam, func, insert, select, update

from ..core.assembly import PoolItem, draw_form
from ..core.catalog import AUDIENCES
from ..core.demo_items import ItemSim, prepare_item, simulate_sitting
from ..core.demo_model import (
    DemoReport,
    Person,
    Window,
    attempt_times,
    fiscal_years,
    make_people,
    plan_windows,
    sitters,
)
from ..core.errors import UserError
from ..core.fiscal import JST, reiwa_name
from ..core.model import Actor
from ..core.scoring import normalise_response
from ..resources import question_banks_dir
from ..storage.models import (
    Answer,
    Attempt,
    AttemptAreaScore,
    AttemptItem,
    Blueprint,
    BlueprintVersion,
    Examinee,
    ItemVersion,
)
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff
from .assessments import open_assessment
from .attempts import _pool
from .finishing import score_items
from .publishing import publish_bank

BATCH = 20_000
"""Rows per ``executemany``."""
CHUNK = 1_000
"""Attempts built in memory before their rows are written."""
MAX_STAFF = 200_000
MAX_YEARS = 20
ACCESS_CODE = "demo"
"""The access code of the demo assessments whose blueprint asks for one."""
TIMEOUT_SHARE = 0.04
"""Attempts finished by the clock, with the last items unanswered."""

Progress = Callable[[str, dict[str, Any]], None]
"""Called with a message code (core.i18n) and its parameters."""


def generate_demo(uow: UnitOfWork, actor: Actor, staff: int, years: int, seed: int = 1, force: bool = False,
                  progress: Progress | None = None) -> DemoReport:
    """Generate ``staff`` examinees and ``years`` 年度 of finished attempts (admin only).

    Refused when the database already holds attempts, unless ``force``: then the demo is added
    beside them (examinees with the same 職員番号 are updated).
    """
    require_staff(actor, "admin")
    if not (1 <= staff <= MAX_STAFF and 1 <= years <= MAX_YEARS):
        raise UserError("demo_bad_size", max_staff=MAX_STAFF, max_years=MAX_YEARS)
    clock = time.perf_counter()
    report = progress or (lambda _code, _params: None)
    existing = uow.session.scalar(select(func.count()).select_from(Attempt)) or 0
    if existing and not force:
        raise UserError("demo_has_attempts", count=existing)

    report("demo_publishing", {})
    publish_bank(uow, actor, [question_banks_dir()], retire_missing=False)
    blueprints = _blueprints(uow)
    if not blueprints:
        raise UserError("check_no_blueprints")
    fiscal = fiscal_years(uow.now, years)
    people, units = make_people(staff, seed, fiscal[0], uow.now.astimezone(JST).date())
    examinee_ids = _store_people(uow, people)
    uow.commit()
    report("demo_people", {"count": len(people), "units": units})

    pools = {audience: _pool(uow, audience) for audience in blueprints}
    sims = _item_sims(uow, {p.version_id for pool in pools.values() for p in pool}, seed)
    windows = plan_windows(seed, fiscal, list(blueprints), uow.now)
    attempts = answers = 0
    for window in windows:
        started = time.perf_counter()
        blueprint_id, content = blueprints[window.audience]
        title = f"{content['title']}（{reiwa_name(window.fiscal_year)}）"
        assessment_id = open_assessment(
            uow, actor, blueprint_id, window.opens_at, window.closes_at, title=title,
            access_code=ACCESS_CODE if content.get("access_code_required") else None)
        sitting = sitters(people, window, seed)
        written = _sit_window(uow, window, assessment_id, content, pools[window.audience], sims,
                              [(people[i], examinee_ids[i]) for i in sitting], fiscal.index(window.fiscal_year), seed)
        uow.commit()
        attempts += len(sitting)
        answers += written
        report("demo_window", {"year": reiwa_name(window.fiscal_year), "title": content["title"],
                               "attempts": len(sitting), "answers": written,
                               "seconds": time.perf_counter() - started})
    audit(uow, actor, "demo_generate", staff=staff, years=years, seed=seed, attempts=attempts, answers=answers)
    uow.commit()
    return DemoReport(len(people), units, len(windows), attempts, answers, time.perf_counter() - clock)


def _blueprints(uow: UnitOfWork) -> dict[str, tuple[str, dict[str, Any]]]:
    """Audience → (blueprint id, current content); the shipped ``<audience>-standard`` first."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    rows = uow.session.execute(
        select(Blueprint.id, BlueprintVersion.content)
        .join(BlueprintVersion, BlueprintVersion.id == Blueprint.current_version_id)
        .where(Blueprint.retired.is_(False)).order_by(Blueprint.id)).all()
    for blueprint_id, content in sorted(rows, key=lambda r: (r[0] != f"{r[1]['audience']}-standard", r[0])):
        found.setdefault(content["audience"], (blueprint_id, content))
    return {audience: found[audience] for audience in AUDIENCES if audience in found}


def _store_people(uow: UnitOfWork, people: Sequence[Person]) -> list[int]:
    """Insert (or, by 職員番号, update) the examinees; their ids in the order of ``people``."""
    table = _table(Examinee)
    connection = uow.connection
    known = dict(connection.execute(select(table.c.staff_no, table.c.id)).all())
    rows = [{"staff_no": p.staff_no, "name": p.name, "org_path": p.org_path, "audience": p.audience,
             "job_title": p.job_title, "hired_on": p.hired_on, "active": True, "updated_at": uow.now}
            for p in people]
    changed = [{**row, "row_id": known[row["staff_no"]]} for row in rows if row["staff_no"] in known]
    if changed:
        connection.execute(update(table).where(table.c.id == bindparam("row_id")),
                           [{k: v for k, v in row.items() if k != "staff_no"} for row in changed])
    new = [row for row in rows if row["staff_no"] not in known]
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    for start in range(0, len(new), BATCH):
        batch = new[start:start + BATCH]
        for row, (row_id,) in zip(batch, connection.execute(statement, batch), strict=True):
            known[row["staff_no"]] = row_id
    return [known[p.staff_no] for p in people]


def _item_sims(uow: UnitOfWork, version_ids: Iterable[int], seed: int) -> dict[int, ItemSim]:
    rows = uow.session.execute(select(ItemVersion.id, ItemVersion.item_id, ItemVersion.content)
                               .where(ItemVersion.id.in_(sorted(version_ids)))).all()
    return {version_id: prepare_item(content, item_id, seed) for version_id, item_id, content in rows}


def _sit_window(uow: UnitOfWork, window: Window, assessment_id: int, blueprint: Mapping[str, Any],
                pool: list[PoolItem], sims: Mapping[int, ItemSim], sitting: list[tuple[Person, int]],
                year_index: int, seed: int) -> int:
    """Simulate, score and write the attempts of one window; returns the number of answer rows."""
    audience = AUDIENCES.index(window.audience)
    rng = np.random.default_rng([seed, 5, window.fiscal_year, audience])
    answer_rng = random.Random(f"{seed}/{window.fiscal_year}/{window.audience}")
    seeds = rng.integers(0, 2**62, size=len(sitting))
    timeouts = rng.random(len(sitting)) < TIMEOUT_SHARE
    shares = rng.uniform(0.45, 0.97, size=len(sitting))
    limit = int(blueprint["time_limit_minutes"])
    written = 0
    for start in range(0, len(sitting), CHUNK):
        built = []
        for offset, (person, examinee_id) in enumerate(sitting[start:start + CHUNK], start=start):
            form = draw_form(blueprint, pool, int(seeds[offset]))
            thetas: dict[str, float] = {}
            items = []
            for drawn in form:
                sim = sims[drawn.version_id]
                area = sim.content["area"]
                if area not in thetas:
                    thetas[area] = person.theta(area, year_index)
                items.append((sim, thetas[area]))
            timeout = bool(timeouts[offset])
            cut = answer_rng.randrange(len(form) // 2, len(form)) if timeout else None
            raw = simulate_sitting(items, answer_rng, cut)
            responses = [normalise_response(sim.typed, response) for (sim, _t), (response, _f) in zip(
                items, raw, strict=True)]
            fractions, outcome = score_items(blueprint, (
                (sim.typed, response, drawn.pilot)
                for (sim, _t), response, drawn in zip(items, responses, form, strict=True)))
            started, deadline, finished = attempt_times(rng, window, limit, timeout, float(shares[offset]))
            attempt = {"assessment_id": assessment_id, "examinee_id": examinee_id, "seed": int(seeds[offset]),
                       "started_at": started, "deadline_at": deadline, "status": "finished",
                       "last_position": len(form), "finished_at": finished,
                       "finished_by": "timeout" if timeout else "examinee", "score": outcome.score,
                       "max_score": outcome.max_score, "percent": outcome.percent, "passed": outcome.passed,
                       # the 所属 and 区分 at the start, as a real attempt keeps them (reports use these)
                       "org_path": person.org_path, "audience": person.audience}
            built.append((attempt, form, responses, [flag for _r, flag in raw], fractions, outcome))
        written += _write(uow.connection, built)
    return written


def _write(connection: Connection, built: list[tuple[Any, ...]]) -> int:
    """Insert a chunk of attempts, then their items, answers and area scores in large batches."""
    table = _table(Attempt)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = [row_id for (row_id,) in connection.execute(statement, [b[0] for b in built])]
    items: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    areas: list[dict[str, Any]] = []
    for attempt_id, (attempt, form, responses, flags, fractions, outcome) in zip(ids, built, strict=True):
        started, finished = attempt["started_at"], attempt["finished_at"]
        step = (finished - started) / max(1, len(form))
        for drawn, response, flagged, fraction in zip(form, responses, flags, fractions, strict=True):
            position = drawn.position
            items.append({"attempt_id": attempt_id, "position": position, "item_version_id": drawn.version_id,
                          "option_order": list(drawn.option_order), "pilot": drawn.pilot})
            answers.append({"attempt_id": attempt_id, "position": position, "response": response,
                            "flagged": flagged, "seq": position if response is not None else 0,
                            "saved_at": started + step * position if response is not None else finished,
                            "fraction": fraction})
        areas.extend({"attempt_id": attempt_id, "area": a.area, "score": a.score, "max_score": a.max_score,
                      "percent": a.percent, "minimum_percent": a.minimum_percent, "passed": a.passed}
                     for a in outcome.areas)
    _insert(connection, _table(AttemptItem), items)
    _insert(connection, _table(Answer), answers)
    _insert(connection, _table(AttemptAreaScore), areas)
    return len(answers)


def _insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        connection.execute(insert(table), rows[start:start + BATCH])


def _table(model: Any) -> Table:
    return model.__table__
