"""Published item content: the canonical form that is hashed, stored and scored.

An item version is what an examinee saw and what was scored, so its content holds the text,
options, key, scoring rule, explanation and the scenario text itself.  Fields that change
without changing what is shown — status, review date, reviewer, audiences, source — are item
metadata: a six-monthly review must not spawn new versions of unchanged items.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

VERSIONED_FIELDS = (
    "type", "stem", "options", "premises", "key", "scoring", "explanation", "area",
    "sub_competence", "level", "points", "unit", "links", "tags", "image", "weights", "feedback",
)
METADATA_FIELDS = ("status", "reviewed", "reviewer", "audiences", "source", "pilot")


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, real Unicode — stable across runs."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def item_content(item: Any, scenario: Any | None = None, image_sha256: str | None = None) -> dict[str, Any]:
    """The versioned content of a validated item (a schema model), with its scenario inlined."""
    raw = item.model_dump(mode="json")
    content = {name: raw[name] for name in VERSIONED_FIELDS if raw.get(name) is not None}
    if "options" in content:
        # dicts keep the file's order; make that order explicit so JSON stores can't lose it
        content["options"] = [[key, text] for key, text in raw["options"].items()]
    if "premises" in content:
        content["premises"] = [[key, text] for key, text in raw["premises"].items()]
    if image_sha256 is not None:
        content["image"] = {"name": raw["image"], "sha256": image_sha256}
    if scenario is not None:
        content["scenario"] = {"id": scenario.id, "title": scenario.title, "text": scenario.text}
    return content


def item_metadata(item: Any) -> dict[str, Any]:
    raw = item.model_dump(mode="json")
    return {name: raw.get(name) for name in METADATA_FIELDS}
