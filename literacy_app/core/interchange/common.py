"""Exchanging questions with Moodle's formats: what every part of the interchange imports.

A ``Question`` is one question as Moodle's formats (GIFT, Moodle XML) describe it.  Readers turn
a file into questions plus warnings (``ReadResult``); ``to_bank`` turns those into a bank dict that
``literacy_app.core.banks.write.new_bank_text`` writes, and ``from_item`` turns a bank item back into
a question for the writers.  Whatever a bank cannot hold (an essay, a cloze question, a partial-credit
short answer …) becomes a per-question ``InterchangeWarning``, never an exception: only a file that
cannot be read at all raises ``UserError``.

This module holds the entry points around the format modules — ``html_to_text`` for the readers,
``from_item`` for the writers, ``to_bank`` for the command line and the trainer's window — and
re-exports the data model and category paths (``model``) and the per-item import rules
(``convert.to_item``), so that ``from .common import …`` keeps giving every name it always gave.
Neither of those modules imports this one, so there is no import cycle.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import Any

from ..catalog import AREAS
from ..errors import UserError
from ..itemtypes import TYPES
from .convert import SHORT_TEXT_MAX, TAG_PLACEHOLDER, TEXT_MAX, option_ids, to_item
from .model import (
    IDENTIFIER,
    NO_CATEGORY,
    NO_EXPLANATION,
    SUPPORTED_KINDS,
    UNCLASSIFIED,
    Answer,
    InterchangeWarning,
    NumericAnswer,
    Question,
    ReadResult,
    area_for,
    categories,
    category_label,
    clean_category,
    label,
)

__all__ = [
    "IDENTIFIER", "NO_CATEGORY", "NO_EXPLANATION", "SHORT_TEXT_MAX", "SUPPORTED_KINDS", "TAG_PLACEHOLDER",
    "TEXT_MAX", "UNCLASSIFIED", "Answer", "InterchangeWarning", "NumericAnswer", "Question", "ReadResult",
    "area_for", "categories", "category_label", "clean_category", "from_item", "html_to_text", "label",
    "option_ids", "to_bank", "to_item",
]

# --- HTML to text ----------------------------------------------------------------------------------

_BLOCK_TAGS = {"p", "div", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "pre", "hr", "section", "article", "header", "footer", "dl", "dt", "dd", "figure", "caption"}
_SKIP_TAGS = {"script", "style", "head", "title", "template"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n・")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.parts.append(f"［画像: {alt}］" if alt.strip() else "［画像］")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIP_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        data = data.replace("\xa0", " ")
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags stripped, ``<br>``/``<p>``/``<li>`` as line breaks,
    entities decoded.  The result is never live markup (a literal ``&lt;b&gt;`` becomes ``<b>`` text)."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; be safe with anything odd
        return re.sub(r"<[^>]*>", "", html).strip()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# --- bank item → question ------------------------------------------------------------------------


def from_item(item: dict, *, scenario: dict | None = None) -> tuple[Question | None, list[InterchangeWarning]]:
    """The question a bank item becomes when exported (None + warning when no format can hold it).

    ``item`` is a bank item as a dict (parsed YAML or ``model_dump()``).  ``scenario`` (a dict with
    ``title`` and ``text``), when given, is put before the stem so the exported question can be
    answered on its own."""
    item_id = str(item.get("id") or "")
    warnings: list[InterchangeWarning] = []

    def warn(code: str, **params: Any) -> None:
        warnings.append(InterchangeWarning(0, item_id or None, code, params))

    stem = str(item.get("stem") or "").strip()
    if scenario:
        stem = f"【{scenario.get('title', '')}】\n{str(scenario.get('text') or '').strip()}\n\n{stem}"
        warn("ix_export_scenario_inlined", scenario=str(scenario.get("id") or scenario.get("title") or ""))
    explanation = str(item.get("explanation") or "").strip()
    q = Question(kind="", text=stem, name=item_id or None, id_hint=item_id or None,
                 general_feedback=explanation if explanation and explanation != NO_EXPLANATION else None,
                 points=float(item.get("points") or 1.0))
    area, sub = item.get("area"), item.get("sub_competence")
    if area:
        sub = str(sub or "").replace("/", "／")  # a "/" would start a subcategory
        q.category = f"{area}/{sub}" if sub and sub != UNCLASSIFIED else str(area)
    if item.get("image"):
        warn("ix_export_image_dropped", image=str(item["image"]))
    kind = TYPES.get(str(item.get("type")))
    if kind is None or kind.moodle_kind is None:
        warn("ix_export_kind", kind=str(item.get("type")))
        return None, warnings
    kind.to_question(item, q, warn)
    return q, warnings


# --- questions → a bank --------------------------------------------------------------------------


def to_bank(result: ReadResult, category_map: dict[str, str], *, bank_id: str, title: str, today: dt.date,
            source_file: str | None = None) -> tuple[dict, list[InterchangeWarning]]:
    """A bank dict of the importable questions, plus the per-question warnings of the conversion
    (the reader's own warnings stay in ``result.warnings``).

    Raises ``UserError`` when a question that could be imported has a category that maps to no area,
    listing the unmapped categories and the valid area ids."""
    if not IDENTIFIER.match(bank_id):
        raise UserError("ix_bad_bank_id", bank_id=bank_id)
    for category, area in category_map.items():
        if area not in AREAS:
            raise UserError("ix_map_bad_area", category=category_label(category), area=area,
                            areas=", ".join(AREAS))
    unmapped: list[str] = []
    for question in result.questions:
        if question.kind in SUPPORTED_KINDS and area_for(question.category, category_map) is None:
            name = question.category or NO_CATEGORY
            if name not in unmapped:
                unmapped.append(name)
    if unmapped:
        raise UserError("ix_unmapped_categories", categories="、".join(category_label(c) for c in unmapped),
                        areas=", ".join(AREAS), example=unmapped[0] or "*")
    source_file = source_file or result.path
    warnings: list[InterchangeWarning] = []
    items: list[dict] = []
    used: set[str] = set()
    prefix = bank_id[:70]
    for number, question in enumerate(result.questions, start=1):
        item_id = _item_id(question, prefix, number, used)
        area = area_for(question.category, category_map) or AREAS[0]
        where = f"{source_file}:{question.line}" if source_file else f"line {question.line}"
        source = f"取り込み: {where}" + (f" 「{question.name}」" if question.name else "")
        item, found = to_item(question, area=area, item_id=item_id, today=today, source=source)
        warnings.extend(found)
        if item is not None:
            used.add(item_id)
            items.append(item)
    return {"bank": bank_id, "title": title, "items": items}, warnings


def _item_id(question: Question, prefix: str, number: int, used: set[str]) -> str:
    for candidate in (question.id_hint, question.name):
        if candidate and IDENTIFIER.match(candidate) and candidate not in used:
            return candidate
    candidate = f"{prefix}-{number:03d}"
    while candidate in used:
        number += 1000
        candidate = f"{prefix}-{number:03d}"
    return candidate
