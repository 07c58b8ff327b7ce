"""Codes an examinee types to start or resume: the window's code, or their own seat code.

A 職員番号 is no secret (it is on name tags and rosters), so it never suffices on its own in a
window that has a code: the code is asked at the start **and** at every resume, so nobody can
continue or use up another person's attempt.  Wrong codes are counted per person and per PC
address (``throttle``) and audited.  HR chooses per window: one code for the room (announced by
the proctor) or a code per person printed on the seat slip (``issue_seat_codes``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import unicodedata
from dataclasses import dataclass

from sqlalchemy import delete, select

from ..core.errors import UserError
from ..core.model import Actor
from ..core.passwords import hash_password, verify_password
from ..storage.models import Assessment, Examinee, SeatCode
from ..storage.uow import UnitOfWork
from . import throttle
from ._common import audit, require_staff
from .cohort import cohort_members

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I: a code is read off paper by people in a hurry."""
CODE_LENGTH = 8  # 32⁸ = 2⁴⁰ codes; with the throttle an online guess is hopeless
CODE_HASH_N = 2**14
"""scrypt cost for seat codes: lighter than passwords (the code is random, not chosen by a
person) so that a room of examinees starting together does not queue behind hashing."""


@dataclass(frozen=True)
class SeatSlip:
    staff_no: str
    name: str
    org_path: str
    code: str


@dataclass(frozen=True)
class SeatSlips:
    """A window's slips, with what is printed on each (title, when it is open)."""

    title: str
    opens_at: dt.datetime
    closes_at: dt.datetime
    slips: tuple[SeatSlip, ...]


def normalise_code(text: str | None) -> str:
    """Full-width letters, lower case, spaces and hyphens are all accepted (ａｂｃｄ-ｅｆｇｈ = ABCDEFGH)."""
    folded = unicodedata.normalize("NFKC", text or "").upper()
    return "".join(ch for ch in folded if ch not in " -\u3000\t")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def issue_seat_codes(uow: UnitOfWork, actor: Actor, assessment_id: int) -> SeatSlips:
    """A new code for every person of the window's cohort (replacing earlier ones); the window
    then asks each person for their own code.  The codes are returned once, for the slips."""
    require_staff(actor, "hr")
    assessment = uow.session.get(Assessment, assessment_id)
    if assessment is None:
        raise UserError("assessment_unknown", id=assessment_id)
    members = cohort_members(uow, assessment.cohort)
    people = uow.session.scalars(select(Examinee).where(Examinee.id.in_(members))
                                 .order_by(Examinee.org_path, Examinee.staff_no)).all() if members else []
    uow.session.execute(delete(SeatCode).where(SeatCode.assessment_id == assessment_id))
    slips = []
    for person in people:
        code = new_code()
        uow.session.add(SeatCode(assessment_id=assessment_id, examinee_id=person.id,
                                 code_hash=hash_password(code, n=CODE_HASH_N), issued_at=uow.now,
                                 issued_by=actor.name))
        slips.append(SeatSlip(person.staff_no, person.name, person.org_path, f"{code[:4]}-{code[4:]}"))
    assessment.person_codes = True
    audit(uow, actor, "seat_codes_issued", assessment_id=assessment_id, people=len(slips))
    uow.commit()
    return SeatSlips(assessment.title, assessment.opens_at, assessment.closes_at, tuple(slips))


def _verified(uow: UnitOfWork, typed: str, stored: str) -> bool:
    remembered = uow.database.verified_codes
    key = (stored, hashlib.sha256(typed.encode("utf-8")).hexdigest())
    if key in remembered:
        return True
    if not verify_password(typed, stored):
        return False
    if len(remembered) > 100_000:
        remembered.clear()
    remembered.add(key)
    return True


def code_required(assessment: Assessment) -> bool:
    return assessment.person_codes or assessment.access_code_hash is not None


def check_code(uow: UnitOfWork, examinee: Examinee, assessment: Assessment, code: str | None,
               address: str | None) -> None:
    """Refuse unless the code fits; a wrong code is counted, audited and committed before refusing."""
    keys = [f"examinee:{examinee.id}", *throttle.address_key(address)]
    throttle.check(uow, keys)
    if assessment.person_codes:
        stored = uow.session.scalar(select(SeatCode.code_hash).where(
            SeatCode.assessment_id == assessment.id, SeatCode.examinee_id == examinee.id))
        typed = normalise_code(code)
    else:
        stored = assessment.access_code_hash
        typed = (code or "").strip()
    if stored is None:
        if assessment.person_codes:  # in a seat-code window without a slip: HR must issue one
            raise UserError("seat_code_missing")
        return
    if typed and _verified(uow, typed, stored):
        throttle.clear(uow, keys[0])
        return
    throttle.fail(uow, keys)
    audit(uow, Actor("examinee", examinee.id, examinee.staff_no), "code_wrong", assessment_id=assessment.id,
          address=address or "")
    uow.commit()
    raise UserError("seat_code_wrong" if assessment.person_codes else "access_code_wrong")
