"""Publishing banks: validated files → immutable item versions in the database.

New and changed items get a new version (identified by the hash of their content); unchanged
items keep theirs, so publishing the same files twice changes nothing; items absent from the
files are retired, never deleted, because old attempts still point at their versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..core.banks import BankSet, validate_paths
from ..core.banks.load import LoadedBank, LoadedBlueprint
from ..core.content import content_hash, item_content, item_metadata
from ..core.errors import UserError
from ..core.model import Actor, PublishReport
from ..storage.models import Blueprint, BlueprintVersion, ImageBlob, Item, ItemVersion, LearningLink, Publish
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff


class InvalidBank(UserError):
    """Publishing refused because the files have problems; ``problems`` lists them all."""

    def __init__(self, bank_set: BankSet) -> None:
        super().__init__("bank_invalid", count=len(bank_set.problems))
        self.problems = bank_set.problems


ImageHasher = Callable[[str, str], str]
"""(bank file path, image file name) → the image's SHA-256 (publishing also stores the image)."""


@dataclass(frozen=True)
class PlannedItem:
    """One item of the files and what publishing does with it: ``action`` is ``new``, ``changed``
    (new content: a new or earlier version becomes current), ``unchanged`` or ``metadata_updated``
    (same content; status, review date, … differ)."""

    bank: LoadedBank
    model: Any
    content: dict[str, Any]
    digest: str
    metadata: dict[str, Any]
    action: str


@dataclass(frozen=True)
class PublishPlan:
    """The comparison of valid files with the database that ``publish_bank`` carries out and
    ``services.trainer.publish_preview`` shows; computing it writes nothing but what ``image_sha``
    writes."""

    items: list[PlannedItem]
    existing: dict[str, Item]
    retire: list[str]
    """Ids of published items absent from the files and not yet retired (empty unless retiring)."""


def plan_publish(session: Session, bank_set: BankSet, image_sha: ImageHasher,
                 retire_missing: bool = True) -> PublishPlan:
    """Compare validated files with the published items: the single source of publish's decisions."""
    scenarios = {s.id: s for bank in bank_set.banks for s in bank.model.scenarios}
    existing = {item.id: item for item in session.scalars(select(Item))}
    current_hashes = dict(session.execute(
        select(ItemVersion.item_id, ItemVersion.content_hash)
        .join(Item, Item.current_version_id == ItemVersion.id)).all())
    items: list[PlannedItem] = []
    seen: set[str] = set()
    for bank, _index, model in bank_set.items():
        seen.add(model.id)
        image = image_sha(bank.path, model.image) if model.image else None
        content = item_content(model, scenarios.get(model.scenario) if model.scenario else None, image)
        digest = content_hash(content)
        metadata = item_metadata(model)
        row = existing.get(model.id)
        if row is None:
            action = "new"
        elif current_hashes.get(model.id) == digest:
            action = "metadata_updated" if _metadata_changed(row, metadata, bank.model.bank) else "unchanged"
        else:
            action = "changed"
        items.append(PlannedItem(bank, model, content, digest, metadata, action))
    retire = [item_id for item_id, row in existing.items()
              if item_id not in seen and row.status != "retired"] if retire_missing else []
    return PublishPlan(items, existing, retire)


def plan_blueprints(session: Session, bank_set: BankSet) -> list[tuple[LoadedBlueprint, dict[str, Any], str, str]]:
    """(blueprint, content, digest, action) per blueprint file; action ``new``, ``changed`` or
    ``unchanged`` — publishing makes a new or changed blueprint's content its current version."""
    current = dict(session.execute(
        select(Blueprint.id, BlueprintVersion.content_hash)
        .outerjoin(BlueprintVersion, BlueprintVersion.id == Blueprint.current_version_id)).all())
    planned = []
    for loaded in bank_set.blueprints:
        content = loaded.model.model_dump(mode="json")
        digest = content_hash(content)
        blueprint_id = loaded.model.blueprint
        action = "new" if blueprint_id not in current else "unchanged" if current[blueprint_id] == digest else "changed"
        planned.append((loaded, content, digest, action))
    return planned


def publish_bank(uow: UnitOfWork, actor: Actor, paths: Iterable[str | Path],
                 retire_missing: bool = True) -> PublishReport:
    """Validate the files and publish them in one transaction (all or nothing)."""
    require_staff(actor, "trainer")
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)  # read twice: validate, audit
    bank_set = validate_paths(paths)
    if not bank_set.ok:
        raise InvalidBank(bank_set)
    session = uow.session
    publish = Publish(at=uow.now, actor=actor.name, counts={})
    session.add(publish)
    session.flush()

    plan = plan_publish(session, bank_set, lambda path, name: _store_image(uow, path, name), retire_missing)
    known_versions = {(item_id, digest): version_id for version_id, item_id, digest in session.execute(
        select(ItemVersion.id, ItemVersion.item_id, ItemVersion.content_hash))}
    version_counts = dict(session.execute(
        select(ItemVersion.item_id, func.max(ItemVersion.version_no)).group_by(ItemVersion.item_id)).all())

    counts = {"new": 0, "changed": 0, "unchanged": 0, "retired": 0, "metadata_updated": 0}
    for planned in plan.items:
        model, bank_id = planned.model, planned.bank.model.bank
        counts[planned.action] += 1
        if planned.action == "unchanged":
            continue
        if planned.action == "new":
            row = Item(id=model.id, bank=bank_id, updated_at=uow.now, **_metadata_columns(planned.metadata))
            session.add(row)
        else:
            row = plan.existing[model.id]
            _apply_metadata(row, planned.metadata, bank_id, uow)
            if planned.action == "metadata_updated":
                continue
        version_id = known_versions.get((model.id, planned.digest))
        if version_id is None:  # a change back to an earlier text reuses that version
            number = version_counts.get(model.id, 0) + 1
            version_counts[model.id] = number
            version = ItemVersion(item_id=model.id, version_no=number, content_hash=planned.digest,
                                  content=planned.content, type=model.type, area=model.area, level=model.level,
                                  created_at=uow.now, publish_id=publish.id)
            session.add(version)
            session.flush()
            version_id = version.id
        row.current_version_id = version_id

    for item_id in plan.retire:
        row = plan.existing[item_id]
        row.status = "retired"
        row.updated_at = uow.now
        counts["retired"] += 1

    _publish_links(uow, bank_set)
    blueprints = _publish_blueprints(uow, bank_set, publish.id)
    publish.counts = {**counts, "blueprints": blueprints}
    audit(uow, actor, "bank_publish", publish_id=publish.id, paths=[str(p) for p in paths],
          **publish.counts)
    uow.commit()
    return PublishReport(counts["new"], counts["changed"], counts["unchanged"], counts["retired"],
                         counts["metadata_updated"], blueprints, publish.id)


def _metadata_columns(metadata: dict[str, Any]) -> dict[str, Any]:
    reviewed = metadata["reviewed"]
    return {
        "status": metadata["status"], "pilot": bool(metadata["pilot"]),
        "audiences": list(metadata["audiences"]),
        "reviewed": dt.date.fromisoformat(reviewed) if reviewed else None,
        "reviewer": metadata["reviewer"], "source": metadata["source"],
    }


def _metadata_changed(row: Item, metadata: dict[str, Any], bank: str) -> bool:
    columns = _metadata_columns(metadata)
    return bank != row.bank or any(getattr(row, key) != value for key, value in columns.items())


def _apply_metadata(row: Item, metadata: dict[str, Any], bank: str, uow: UnitOfWork) -> None:
    for key, value in _metadata_columns(metadata).items():
        setattr(row, key, value)
    row.bank = bank
    row.updated_at = uow.now


def hash_image(bank_path: str, name: str) -> str:
    """The SHA-256 of an item's image file (named relative to its bank file)."""
    return hashlib.sha256((Path(bank_path).parent / name).read_bytes()).hexdigest()


def _store_image(uow: UnitOfWork, bank_path: str, name: str) -> str:
    data = (Path(bank_path).parent / name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if uow.session.get(ImageBlob, digest) is None:
        uow.session.add(ImageBlob(sha256=digest, name=name, data=data))
    return digest


def _publish_links(uow: UnitOfWork, bank_set: BankSet) -> None:
    """Replace the learning links of every area that the published banks give links for."""
    links: dict[str, list[Any]] = {}
    for bank in bank_set.banks:
        for area, entries in bank.model.area_links.items():
            links.setdefault(area, []).extend(entries)
    if not links:
        return
    uow.session.execute(delete(LearningLink).where(LearningLink.area.in_(links)))
    uow.session.add_all(LearningLink(area=area, position=number, title=link.title, url=link.url)
                        for area, entries in links.items() for number, link in enumerate(entries))


def _publish_blueprints(uow: UnitOfWork, bank_set: BankSet, publish_id: int) -> int:
    """Store each new or changed blueprint's content as its current version; returns how many changed."""
    session = uow.session
    changed = 0
    for loaded, content, digest, action in plan_blueprints(session, bank_set):
        if action == "unchanged":  # its current version already holds this content
            continue
        row = session.get(Blueprint, loaded.model.blueprint)
        if row is None:
            row = Blueprint(id=loaded.model.blueprint, retired=False)
            session.add(row)
            session.flush()
        version = session.scalar(select(BlueprintVersion).where(
            BlueprintVersion.blueprint_id == row.id, BlueprintVersion.content_hash == digest))
        if version is None:
            version = BlueprintVersion(blueprint_id=row.id, content_hash=digest, content=content,
                                       created_at=uow.now, publish_id=publish_id)
            session.add(version)
            session.flush()
        if row.current_version_id != version.id:
            row.current_version_id = version.id
            changed += 1
    return changed
