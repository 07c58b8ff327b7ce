"""An item's published versions and what changed between them, for the trainer's history view.

Versions are compared as text a trainer reads — one field per line, labelled in Japanese like
the bank editor (問題文, 選択肢 a, 正解, 解説, 配点 …) — not as raw JSON, so a unified diff
(difflib) points at the sentence that changed.  Long texts keep their own line breaks, each
continuation line indented, so a change in one line of a long stem shows as that line.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..core.catalog import area_name
from ..core.content import canonical_json
from ..core.itemtypes import TYPES
from ..core.itemtypes.numeric import format_number
from ..core.model import Actor
from ..storage.models import Item, ItemVersion, Publish
from ..storage.uow import UnitOfWork
from ._common import require_staff


@dataclass(frozen=True)
class VersionEntry:
    """One published version of an item.

    ``diff_lines`` is the unified diff (difflib, 3 lines of context, headers ``vN-1`` / ``vN``) from
    the previous version's rendering to this one's; for version 1 it is against nothing, so every
    line shows as added.  ``lines`` is this version's whole rendering.
    """

    item_id: str
    version_id: int
    version_no: int
    created_at: dt.datetime
    published_by: str | None
    """``Publish.actor`` of the publish that made the version (None for a version made outside one)."""
    publish_id: int | None
    content_hash: str
    current: bool
    """Whether this is the version the item shows now (a change back to old text reuses a version)."""
    lines: tuple[str, ...]
    diff_lines: tuple[str, ...]


def item_history(uow: UnitOfWork, actor: Actor, item_id: str) -> list[VersionEntry]:
    """Every published version of ``item_id``, newest first (an unknown id has none: ``[]``)."""
    require_staff(actor, "trainer", "admin")
    rows = uow.session.execute(
        select(ItemVersion.id, ItemVersion.version_no, ItemVersion.created_at, Publish.actor,
               ItemVersion.publish_id, ItemVersion.content_hash, ItemVersion.content)
        .outerjoin(Publish, Publish.id == ItemVersion.publish_id)
        .where(ItemVersion.item_id == item_id).order_by(ItemVersion.version_no)).all()
    current = uow.session.scalar(select(Item.current_version_id).where(Item.id == item_id))
    entries = []
    previous: list[str] = []
    previous_no: int | None = None
    for version_id, number, created_at, published_by, publish_id, digest, content in rows:
        lines = render_content(content)
        diff = difflib.unified_diff(previous, lines, fromfile=f"v{previous_no}" if previous_no else "",
                                    tofile=f"v{number}", lineterm="")
        entries.append(VersionEntry(item_id, version_id, number, created_at, published_by, publish_id, digest,
                                    version_id == current, tuple(lines), tuple(diff)))
        previous, previous_no = lines, number
    entries.reverse()
    return entries


SCORING_NAMES = {"partial": "部分点（正しい選択ごとに加点、誤りごとに減点）", "all_or_nothing": "完全正解のみ得点",
                 "adjacent_pairs": "隣り合う組ごとに部分点", "per_pair": "組ごとに部分点"}
TAG_NAMES = {"dss": "DSS", "itpassport": "ITパスポート", "digcomp": "DigComp"}
_HANDLED = {"type", "area", "sub_competence", "level", "points", "scenario", "stem", "premises", "options", "key",
            "scoring", "weights", "unit", "explanation", "feedback", "image", "links", "tags"}


def render_content(content: Mapping[str, Any]) -> list[str]:
    """A version's content as labelled lines (Japanese labels), in the order the editor shows them.

    Every field is rendered — one the function does not know as ``name: canonical JSON`` — so no
    change between two versions can be invisible in their diff.
    """
    lines: list[str] = []
    kind = content.get("type", "")
    lines.append(f"種類: {TYPES[kind].label if kind in TYPES else kind}")
    if "area" in content:
        lines.append(f"領域: {area_name(content['area'])}（{content['area']}）")
    if "sub_competence" in content:
        lines.append(f"小項目: {content['sub_competence']}")
    if "level" in content:
        lines.append(f"レベル: {content['level']}")
    lines.append(f"配点: {format_number(content.get('points', 1.0))}")
    scenario = content.get("scenario")
    if isinstance(scenario, Mapping):
        lines += _text(f"事例 {scenario.get('id', '')}「{scenario.get('title', '')}」", scenario.get("text", ""))
    lines += _text("問題文", content.get("stem", ""))
    for option_id, text in content.get("premises", ()):
        lines += _text(f"前提 {option_id}", text)
    for option_id, text in content.get("options", ()):
        lines += _text(f"選択肢 {option_id}", text)
    if "key" in content:
        lines.append(f"正解: {_key(kind, content['key'])}")
    if "scoring" in content:
        lines.append(f"採点: {SCORING_NAMES.get(content['scoring'], content['scoring'])}")
    for option_id, weight in (content.get("weights") or {}).items():
        lines.append(f"重み {option_id}: {format_number(weight)}%")
    if content.get("unit"):
        lines.append(f"単位: {content['unit']}")
    lines += _text("解説", content.get("explanation", ""))
    for answer, text in (content.get("feedback") or {}).items():
        lines += _text(f"フィードバック {answer}", text)
    image = content.get("image")
    if image:
        lines.append(f"画像: {image['name']}（SHA-256 {image['sha256'][:12]}）" if isinstance(image, Mapping)
                     else f"画像: {image}")
    for link in content.get("links") or ():
        lines.append(f"参考リンク: {link.get('title', '')} <{link.get('url', '')}>")
    for tag, value in (content.get("tags") or {}).items():
        shown = "、".join(value) if isinstance(value, list) else str(value)
        lines.append(f"分類 {TAG_NAMES.get(tag, tag)}: {shown}")
    for name in sorted(set(content) - _HANDLED):
        lines.append(f"{name}: {canonical_json(content[name])}")
    return lines


def _text(label: str, text: Any) -> list[str]:
    """``label: first line`` and the further lines indented (a trailing newline is not a line)."""
    parts = str(text).rstrip("\n").split("\n")
    return [f"{label}: {parts[0]}"] + [f"    {part}" for part in parts[1:]]


def _key(kind: str, key: Any) -> str:
    found = TYPES.get(kind)
    return found.key_summary(key) if found else str(key)
