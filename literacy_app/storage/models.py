"""The database tables, as SQLAlchemy 2 typed models.

Rows stay inside ``storage`` and ``services``; screens and reports receive frozen records from
``core.model``.  Every schema change is an Alembic revision in ``migrations/versions``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, dt.datetime: UTCDateTime}


class Publish(Base):
    """One run of ``bank publish``: who, when, and the counts it printed."""

    __tablename__ = "publish"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(100))
    counts: Mapped[dict[str, Any]]


class Item(Base):
    """A stable item id with its current version and mutable metadata (status, review …)."""

    __tablename__ = "item"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    bank: Mapped[str] = mapped_column(String(80))
    # no foreign key: item ⇄ item_version would be a cycle; publish_bank keeps it consistent
    current_version_id: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    pilot: Mapped[bool] = mapped_column(Boolean, default=False)
    audiences: Mapped[list[Any]]
    reviewed: Mapped[dt.date | None] = mapped_column(Date)
    reviewer: Mapped[str | None] = mapped_column(String(500))
    source: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime]


class ItemVersion(Base):
    """Immutable published content, identified by the SHA-256 of its canonical JSON."""

    __tablename__ = "item_version"
    __table_args__ = (UniqueConstraint("item_id", "content_hash"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("item.id"), index=True)
    version_no: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]]
    type: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(32))
    level: Mapped[int]
    created_at: Mapped[dt.datetime]
    publish_id: Mapped[int | None] = mapped_column(ForeignKey("publish.id"))


class ImageBlob(Base):
    """Images referenced by item versions, kept by content so old attempts still show them."""

    __tablename__ = "image_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class LearningLink(Base):
    """Public pages to study an area, from the banks' ``area_links``; replaced on each publish
    that defines them, and shown on the result page beside the weakest areas."""

    __tablename__ = "learning_link"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area: Mapped[str] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str] = mapped_column(String(2000))


class Blueprint(Base):
    __tablename__ = "blueprint"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    current_version_id: Mapped[int | None] = mapped_column(Integer)  # see Item.current_version_id
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class BlueprintVersion(Base):
    __tablename__ = "blueprint_version"
    __table_args__ = (UniqueConstraint("blueprint_id", "content_hash"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    blueprint_id: Mapped[str] = mapped_column(ForeignKey("blueprint.id"), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime]
    publish_id: Mapped[int | None] = mapped_column(ForeignKey("publish.id"))


class Assessment(Base):
    """A window in which a cohort may sit one blueprint version."""

    __tablename__ = "assessment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    blueprint_version_id: Mapped[int] = mapped_column(ForeignKey("blueprint_version.id"))
    title: Mapped[str] = mapped_column(String(500))
    opens_at: Mapped[dt.datetime]
    closes_at: Mapped[dt.datetime]
    cohort: Mapped[dict[str, Any]]
    access_code_hash: Mapped[str | None] = mapped_column(String(300))
    max_attempts: Mapped[int] = mapped_column(Integer, default=1)
    person_codes: Mapped[bool] = mapped_column(Boolean, default=False)
    """Each examinee needs their own code from a seat slip (``SeatCode``) to start and to resume."""
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime]
    selection_id: Mapped[int | None] = mapped_column(Integer, index=True)
    """A window of a hiring selection (``Selection.id``, also in ``cohort``): never part of staff
    reports.  No foreign key, for the reason given at ``Examinee.selection_id``."""
    cohort_frozen_at: Mapped[dt.datetime | None]
    """When the closed window's cohort was written to ``CohortMember`` (before the first roster
    change after it closed): its reports count those people, whatever the roster says later."""


class CohortMember(Base):
    """Who a closed window was open to, with their 所属 and 区分 then (``services.cohort.freeze_closed``)."""

    __tablename__ = "cohort_member"
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True)
    examinee_id: Mapped[int] = mapped_column(ForeignKey("examinee.id", ondelete="CASCADE"), primary_key=True)
    org_path: Mapped[str] = mapped_column(String(500))
    audience: Mapped[str] = mapped_column(String(16))


class AppSetting(Base):
    """A rule the city decides once — how many 年度 personal results are kept — stored in the
    database so that every PC and the exam server apply the same one; each change is audited."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]]
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[str] = mapped_column(String(100))


class Selection(Base):
    """A 採用区分 of the city's hiring selection (e.g. 令和9年度 一般行政（大卒程度）): its applicants
    are examinees with this ``selection_id`` and a 受験番号 in ``Examinee.staff_no``.  They are kept
    out of every staff figure and roster, and deleted once ``retain_until`` has passed."""

    __tablename__ = "selection"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    retain_until: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    deleted_at: Mapped[dt.datetime | None]
    """When its applicants' personal data and results were deleted (the row stays as the record)."""
    deleted_people: Mapped[int | None] = mapped_column(Integer)


class Examinee(Base):
    """A member of staff (``selection_id`` None, ``staff_no`` their 職員番号) or an applicant of a
    hiring selection (``staff_no`` their 受験番号).  One number names one person either way."""

    __tablename__ = "examinee"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(32), unique=True)
    selection_id: Mapped[int | None] = mapped_column(Integer, index=True)
    """``Selection.id`` of an applicant.  No foreign key: SQLite cannot add one to an existing table
    without copying it (which the tables referring to ``examinee`` forbid); ``services.applicants`` is
    the only writer and deletes applicants before their selection's record is closed."""
    name: Mapped[str] = mapped_column(String(200))
    org_path: Mapped[str] = mapped_column(String(500), default="")
    audience: Mapped[str] = mapped_column(String(16))
    job_title: Mapped[str | None] = mapped_column(String(100))
    hired_on: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime]


class StaffAccount(Base):
    __tablename__ = "staff_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(300))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime]
    last_login_at: Mapped[dt.datetime | None]
    locked_until: Mapped[dt.datetime | None]
    """Set after repeated wrong passwords; the lock ends by itself then (or an admin unlocks).
    ``locked`` is an administrator's lock with no end."""


class StaffSession(Base):
    """A signed-in staff member on the server: only the SHA-256 of the random token is kept."""

    __tablename__ = "staff_session"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("staff_account.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]


class SeatCode(Base):
    """One examinee's code for one window (printed on the seat slip), stored hashed."""

    __tablename__ = "seat_code"
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True)
    examinee_id: Mapped[int] = mapped_column(ForeignKey("examinee.id", ondelete="CASCADE"), primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(300))
    issued_at: Mapped[dt.datetime]
    issued_by: Mapped[str] = mapped_column(String(100))


class Throttle(Base):
    """Wrong codes and passwords counted per key (``examinee:7``, ``address:10.0.0.5``, ``staff:hr1``):
    after a few, each further try waits longer, up to a lock that ends by itself."""

    __tablename__ = "throttle"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None]
    updated_at: Mapped[dt.datetime]


class Attempt(Base):
    __tablename__ = "attempt"
    __table_args__ = (Index("ix_attempt_status_deadline", "status", "deadline_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id"), index=True)
    examinee_id: Mapped[int] = mapped_column(ForeignKey("examinee.id"), index=True)
    seed: Mapped[int] = mapped_column(BigInteger)
    started_at: Mapped[dt.datetime]
    deadline_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(16))  # in_progress | finished
    last_position: Mapped[int] = mapped_column(Integer, default=1)
    finished_at: Mapped[dt.datetime | None]
    finished_by: Mapped[str | None] = mapped_column(String(16))  # examinee | timeout | staff
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float | None] = mapped_column(Float)
    percent: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column(Boolean)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    """SHA-256 of the attempt token the server last issued (start or resume): every exam call of
    the PC holding it must carry it; a resume on another PC replaces it."""
    org_path: Mapped[str] = mapped_column(String(500), default="")
    """The examinee's 所属 when the attempt started: reports of its 年度 use this, not today's roster."""
    audience: Mapped[str] = mapped_column(String(16), default="")
    """The examinee's 区分 when the attempt started."""


class AttemptItem(Base):
    """The exact item version an attempt showed at a position, with its option order."""

    __tablename__ = "attempt_item"
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_version_id: Mapped[int] = mapped_column(ForeignKey("item_version.id"), index=True)
    option_order: Mapped[list[Any]]
    pilot: Mapped[bool] = mapped_column(Boolean, default=False)


class Answer(Base):
    """The latest response at a position.  ``seq`` orders a client's saves so that a slow retry
    can never overwrite a newer answer; ``fraction`` is filled when the attempt is scored."""

    __tablename__ = "answer"
    __table_args__ = (ForeignKeyConstraint(["attempt_id", "position"],
                                           ["attempt_item.attempt_id", "attempt_item.position"],
                                           ondelete="CASCADE"),)
    attempt_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    response: Mapped[Any | None] = mapped_column(JSON(none_as_null=True))  # unanswered = SQL NULL
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    saved_at: Mapped[dt.datetime]
    fraction: Mapped[float | None] = mapped_column(Float)


class AttemptAreaScore(Base):
    __tablename__ = "attempt_area_score"
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), primary_key=True)
    area: Mapped[str] = mapped_column(String(32), primary_key=True)
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float)
    percent: Mapped[float] = mapped_column(Float)
    minimum_percent: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)


class AuditLog(Base):
    """Who did what, when: publishes, account changes, exports, logins, sittings.

    Append-only: triggers refuse UPDATE and DELETE, and each row's ``row_hash`` covers the row
    and the previous row's hash, so ``literacy-app audit verify`` finds a row removed or edited
    by someone who got past the triggers (``services.audit_chain``)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    detail: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="")


class StatisticsCache(Base):
    """An assessment's item-statistics appendix, kept as Moodle keeps its quiz statistics: the
    figures are recomputed only when an attempt has finished since (``signature``), so a report
    rebuilt while HR edits a board paper does not re-read every answer."""

    __tablename__ = "statistics_cache"
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True)
    signature: Mapped[str] = mapped_column(String(100))
    computed_at: Mapped[dt.datetime]
    payload: Mapped[dict[str, Any]]
