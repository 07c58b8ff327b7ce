"""The preview is the examinee's own item widget, fed the edited item as an examinee would
receive it (no key, no explanation) — so what the trainer sees is what a candidate will see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from ...core.model import FormItem
from ..widgets.items import ItemView


def form_item(item: dict[str, Any], scenario: dict[str, Any] | None = None) -> FormItem:
    def pairs(field: str) -> tuple[tuple[str, str], ...]:
        value = item.get(field) or {}
        return tuple((str(key), str(text)) for key, text in value.items()) if isinstance(value, dict) else ()

    return FormItem(position=1, item_id=str(item.get("id", "")), version_id=0, type=str(item.get("type", "single")),
                    stem=str(item.get("stem", "")), options=pairs("options"), premises=pairs("premises"),
                    area=str(item.get("area", "")), unit=item.get("unit"),
                    scenario={"id": scenario.get("id", ""), "title": scenario.get("title", ""),
                              "text": scenario.get("text", "")} if scenario else None,
                    image={"name": item["image"]} if item.get("image") else None,
                    points=float(item.get("points", 1.0) or 1.0))


def preview_widget(item: dict[str, Any], bank_path: Path, scenarios: list[dict[str, Any]] | None = None
                   ) -> tuple[QWidget, str]:
    """(the examinee's ItemView for the item, the scenario text shown beside it)."""
    scenario = next((s for s in scenarios or [] if s.get("id") == item.get("scenario")), None)
    image_bytes = None
    if item.get("image"):
        image_path = Path(bank_path).parent / str(item["image"])
        image_bytes = image_path.read_bytes() if image_path.is_file() else None
    view = ItemView(form_item(item, scenario), image_bytes=image_bytes)
    text = f"【{scenario.get('title', '')}】\n{scenario.get('text', '')}" if scenario else ""
    return view, text
