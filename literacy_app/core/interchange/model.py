"""The format-neutral question that every format module reads into and writes from.

``Question`` (with ``Answer`` / ``NumericAnswer``) is one question as Moodle's formats (GIFT, Moodle
XML) describe it; readers return questions plus per-question ``InterchangeWarning``s in a
``ReadResult``.  The category paths those formats carry (``$CATEGORY:``, ``<category>``) and how a
trainer maps them to bank areas live here too: ``common.to_bank``, the command line and the
trainer's window all need them.

This module exists so that the per-item conversion (``convert``) and ``common`` (which re-exports
everything below) can share the data model without importing each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..catalog import AREAS
from ..i18n import message

# --- the shared data model -----------------------------------------------------------------------


@dataclass
class Answer:
    """A multichoice or short-answer answer."""

    text: str
    fraction: float                 # Moodle percent, -100..100
    feedback: str | None = None


@dataclass
class NumericAnswer:
    value: float
    tolerance: float                # absolute; a range {min..max} becomes centre ± half-width
    fraction: float = 100.0
    feedback: str | None = None


@dataclass
class Question:
    """One question as Moodle's formats describe it, before/after it is a bank item."""

    kind: str                       # multichoice | truefalse | matching | shortanswer | numerical
    #                                 | essay | cloze | description | <other Moodle type name>
    text: str                       # plain text (HTML converted by html_to_text; markdown kept)
    name: str | None = None
    line: int = 0                   # 1-based line in the source file where the question starts
    category: str | None = None     # e.g. "セキュリティ/標的型攻撃" ($course$/top/ prefixes removed)
    general_feedback: str | None = None
    answers: list[Answer] = field(default_factory=list)
    single: bool = True             # multichoice: one answer (radio) vs several (checkbox)
    truth: bool | None = None       # truefalse
    true_feedback: str | None = None   # feedback when the examinee answers "true"
    false_feedback: str | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)   # matching (premise, answer); premise "" = extra
    numeric: list[NumericAnswer] = field(default_factory=list)
    points: float = 1.0             # Moodle defaultgrade
    id_hint: str | None = None      # the bank item id when exported from a bank
    # --- additions beyond the first contract (all optional) ---
    unit: str | None = None         # numerical: the unit the bank item names (Moodle XML <units>)


@dataclass(frozen=True)
class InterchangeWarning:
    """Something of one question that could not be carried over; ``code`` is a message key."""

    line: int
    question: str | None            # question name or first 20 chars of text
    code: str                       # message key in literacy_app/core/i18n.py (ja + en)
    params: dict = field(default_factory=dict)

    def render(self, path: str | None = None, lang: str = "ja") -> str:
        """``file:line: 「name」: message`` (parts that are unknown are left out)."""
        where = ""
        if path:
            where = f"{path}:{self.line}: " if self.line else f"{path}: "
        elif self.line:
            where = f"{self.line}: "
        name = f"「{self.question}」: " if self.question else ""
        return f"{where}{name}{message(self.code, lang, **self.params)}"


@dataclass
class ReadResult:
    questions: list[Question]
    warnings: list[InterchangeWarning]
    path: str | None = None         # the file read (used for items' ``source``); optional


# --- limits and markers shared by the conversions ---------------------------------------------------

IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}$")
NO_EXPLANATION = "（解説は未記入です。取り込み元に全体フィードバックがありませんでした）"
UNCLASSIFIED = "未分類（取り込み）"
SUPPORTED_KINDS = ("multichoice", "truefalse", "matching", "shortanswer", "numerical")


def label(question: Question) -> str:
    """How a warning names a question: its name, else the start of its text."""
    if question.name:
        return question.name
    text = " ".join(question.text.split())
    return text[:20] + ("…" if len(text) > 20 else "")


# --- category paths -------------------------------------------------------------------------------

NO_CATEGORY = ""
"""The category of questions that name none; ``--map "*=area"`` maps it (and any other)."""


def categories(result: ReadResult) -> list[str]:
    """The categories of the questions, in order of first appearance ("" for none)."""
    seen: list[str] = []
    for question in result.questions:
        name = question.category or NO_CATEGORY
        if name not in seen:
            seen.append(name)
    return seen


def area_for(category: str | None, category_map: dict[str, str]) -> str | None:
    """The area of a category: the exact entry, else the nearest parent's, else ``*``, else the
    first segment when it is itself an area id (so a file exported by this app re-imports as is)."""
    path = (category or NO_CATEGORY).strip("/")
    if path in category_map:
        return category_map[path]
    parts = path.split("/")
    for end in range(len(parts) - 1, 0, -1):
        parent = "/".join(parts[:end])
        if parent in category_map:
            return category_map[parent]
    if "*" in category_map:
        return category_map["*"]
    if parts and parts[0] in AREAS:
        return parts[0]
    return None


def clean_category(path: str) -> str:
    """A Moodle category path without its context prefix: ``$course$/top/セキュリティ/標的型`` →
    ``セキュリティ/標的型`` (segments trimmed, empty segments dropped)."""
    parts = [part.strip() for part in path.strip().split("/")]
    while parts and (re.fullmatch(r"\$[a-z0-9]*\$", parts[0]) or parts[0] in ("", "top")):
        parts.pop(0)
    return "/".join(part for part in parts if part)


def category_label(category: str, lang: str = "ja") -> str:
    if category:
        return f"「{category}」" if lang == "ja" else f"'{category}'"
    return "（カテゴリなし）" if lang == "ja" else "(no category)"
