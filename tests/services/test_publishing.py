"""publish_bank: versions by content hash, idempotence, retirement, metadata, audit, roles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from literacy_app.core.errors import NotAllowed
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.services.publishing import InvalidBank, publish_bank
from literacy_app.storage.models import AuditLog, Item, ItemVersion

from ..conftest import BASIC_BANK


def _publish(database, path, actor=SYSTEM):
    with database.uow() as uow:
        return publish_bank(uow, actor, [path])


def _copy_bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(BASIC_BANK, target)
    return target


def test_first_publish_then_same_files_change_nothing(database, tmp_path):
    bank = _copy_bank(tmp_path)
    first = _publish(database, bank)
    assert (first.new, first.changed, first.retired, first.blueprints) == (11, 0, 0, 1)
    second = _publish(database, bank)
    assert (second.new, second.changed, second.unchanged, second.retired, second.blueprints) == (0, 0, 11, 0, 0)
    with database.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(ItemVersion)) == 11


def test_changed_item_gets_a_new_version_and_old_one_is_kept(database, tmp_path):
    bank = _copy_bank(tmp_path)
    _publish(database, bank)
    path = bank / "security.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "最初に取るべき行動はどれか。", "最初に取るべき行動として最も適切なものはどれか。"), encoding="utf-8")
    report = _publish(database, bank)
    assert (report.new, report.changed, report.unchanged) == (0, 1, 10)
    with database.uow(read_only=True) as uow:
        versions = uow.session.scalars(select(ItemVersion).where(ItemVersion.item_id == "t-sec-001")
                                       .order_by(ItemVersion.version_no)).all()
        assert [v.version_no for v in versions] == [1, 2]
        assert "最も適切な" in versions[1].content["stem"] and "最も適切な" not in versions[0].content["stem"]
        assert versions[0].content_hash != versions[1].content_hash
        item = uow.session.get(Item, "t-sec-001")
        assert item.current_version_id == versions[1].id


def test_review_date_change_updates_metadata_without_a_new_version(database, tmp_path):
    bank = _copy_bank(tmp_path)
    _publish(database, bank)
    path = bank / "data.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2026-04-01", "reviewed: 2026-11-20"),
                    encoding="utf-8")
    report = _publish(database, bank)
    assert (report.changed, report.metadata_updated) == (0, 1)
    with database.uow(read_only=True) as uow:
        assert str(uow.session.get(Item, "t-dat-002").reviewed) == "2026-11-20"


def test_removed_item_is_retired_not_deleted(database, tmp_path):
    bank = _copy_bank(tmp_path)
    _publish(database, bank)
    (bank / "data.yaml").unlink()
    report = _publish(database, bank / "security.yaml")
    assert report.retired == 4
    with database.uow(read_only=True) as uow:
        item = uow.session.get(Item, "t-dat-001")
        assert item.status == "retired" and item.current_version_id is not None


def test_invalid_files_publish_nothing(database, tmp_path):
    bank = _copy_bank(tmp_path)
    path = bank / "security.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("key: c", "key: z"), encoding="utf-8")
    with pytest.raises(InvalidBank) as caught:
        _publish(database, bank)
    assert any(p.code == "key_not_option" for p in caught.value.problems)
    with database.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Item)) == 0


def test_publish_is_audited_and_role_checked(database, tmp_path):
    bank = _copy_bank(tmp_path)
    with pytest.raises(NotAllowed):
        _publish(database, bank, Actor("staff", 5, "hr-user", "hr"))
    with pytest.raises(NotAllowed):
        _publish(database, bank, Actor("examinee", 1, "000123"))
    _publish(database, bank, Actor("staff", 6, "trainer-a", "trainer"))
    with database.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(AuditLog).where(AuditLog.action == "bank_publish")).all()
        assert len(rows) == 1 and rows[0].actor == "trainer-a" and rows[0].detail["new"] == 11


def test_area_links_are_published_for_the_result_page(database, tmp_path):
    from literacy_app.services.finishing import learning_links

    _publish(database, _copy_bank(tmp_path))
    with database.uow(read_only=True) as uow:
        links = learning_links(uow, ["security", "data"])
    assert links == {"security": [("IPA 情報セキュリティ", "https://www.ipa.go.jp/security/")], "data": []}
