"""Publishing banks: validated files → immutable item versions in the database.

New and changed items get a new version (identified by the hash of their content); unchanged
items keep theirs, so publishing the same files twice changes nothing; items absent from the
files are retired, never deleted, because old attempts still point at their versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from ..core.banks import BankSet, validate_paths
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

    scenarios = {s.id: s for bank in bank_set.banks for s in bank.model.scenarios}
    existing = {item.id: item for item in session.scalars(select(Item))}
    current_hashes = dict(session.execute(
        select(ItemVersion.item_id, ItemVersion.content_hash)
        .join(Item, Item.current_version_id == ItemVersion.id)).all())
    known_versions = {(item_id, digest): version_id for version_id, item_id, digest in session.execute(
        select(ItemVersion.id, ItemVersion.item_id, ItemVersion.content_hash))}
    version_counts = dict(session.execute(
        select(ItemVersion.item_id, func.max(ItemVersion.version_no)).group_by(ItemVersion.item_id)).all())

    counts = {"new": 0, "changed": 0, "unchanged": 0, "retired": 0, "metadata_updated": 0}
    seen: set[str] = set()
    for bank, _index, model in bank_set.items():
        seen.add(model.id)
        image_sha = _store_image(uow, bank.path, model.image) if model.image else None
        content = item_content(model, scenarios.get(model.scenario) if model.scenario else None, image_sha)
        digest = content_hash(content)
        metadata = item_metadata(model)
        row = existing.get(model.id)
        if row is None:
            row = Item(id=model.id, bank=bank.model.bank, updated_at=uow.now, **_metadata_columns(metadata))
            session.add(row)
            counts["new"] += 1
        elif current_hashes.get(model.id) == digest:
            if _metadata_changed(row, metadata, bank.model.bank):
                _apply_metadata(row, metadata, bank.model.bank, uow)
                counts["metadata_updated"] += 1
            else:
                counts["unchanged"] += 1
            continue
        else:
            _apply_metadata(row, metadata, bank.model.bank, uow)
            counts["changed"] += 1
        version_id = known_versions.get((model.id, digest))
        if version_id is None:  # a change back to an earlier text reuses that version
            number = version_counts.get(model.id, 0) + 1
            version_counts[model.id] = number
            version = ItemVersion(item_id=model.id, version_no=number, content_hash=digest,
                                  content=content, type=model.type, area=model.area, level=model.level,
                                  created_at=uow.now, publish_id=publish.id)
            session.add(version)
            session.flush()
            version_id = version.id
        row.current_version_id = version_id

    if retire_missing:
        for item_id, row in existing.items():
            if item_id not in seen and row.status != "retired":
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
    """Store each blueprint's current content as a version; returns how many changed."""
    session = uow.session
    changed = 0
    for loaded in bank_set.blueprints:
        content = loaded.model.model_dump(mode="json")
        digest = content_hash(content)
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
