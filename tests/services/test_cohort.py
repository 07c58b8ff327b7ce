"""The cohort rule is written twice — Python for one examinee, SQL for a whole cohort — in one
module; on generated people and cohorts both must select exactly the same people."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from literacy_app.core.model import SYSTEM
from literacy_app.services import people
from literacy_app.services.cohort import cohort_members, in_cohort
from literacy_app.storage.models import Examinee, Selection

UNITS = ["総務局/総務部/総務課", "総務局/総務部/人事課", "総務局/財政部", "市民局/区政部/戸籍課", "市民局",
         "市民局_分室/窓口課", "100%局/調整課", "環境局/総務部/総務課"]
PREFIXES = ["総務局", "総務局/総務部", "市民局", "市民局_", "100%", "環境局/総務部/総務課", "局"]
AUDIENCES = ["recruit", "promotion", "manager"]


def test_python_and_sql_select_the_same_people(database):
    rng = random.Random(20261207)
    with database.uow() as uow:
        for number in range(60):
            people.add_examinee(uow, SYSTEM, f"{number:06d}", f"職員 {number}", rng.choice(UNITS),
                                rng.choice(AUDIENCES))
        selection = Selection(code="R9", title="採用", retain_until=dt.date(2030, 1, 1), created_at=uow.now,
                              created_by="test")
        uow.session.add(selection)
        uow.session.flush()
        for number in range(8):  # applicants: only a window naming their selection is open to them
            uow.session.add(Examinee(staff_no=f"A{number:03d}", name=f"応募 {number}", org_path="",
                                     audience="recruit", selection_id=selection.id, updated_at=uow.now))
        uow.commit()
    with database.uow(read_only=True) as uow:
        everyone = list(uow.session.scalars(select(Examinee)))
        seen: set[bool] = set()
        for _round in range(80):
            cohort: dict[str, list[str]] = {}
            if rng.random() < 0.6:
                cohort["audiences"] = rng.sample(AUDIENCES, rng.randint(1, 2))
            if rng.random() < 0.6:
                cohort["org_prefixes"] = rng.sample(PREFIXES, rng.randint(1, 2))
            if rng.random() < 0.3:
                cohort["selection"] = selection.id  # type: ignore[assignment]
            if rng.random() < 0.4:
                cohort["staff_nos"] = [e.staff_no for e in rng.sample(everyone, rng.randint(1, 15))]
            in_python = {e.id for e in everyone if in_cohort(cohort, e)}
            assert cohort_members(uow, cohort) == in_python, cohort
            seen.add(any(e.selection_id for e in everyone if e.id in in_python))
    assert seen == {True, False}  # both kinds of cohort were drawn
