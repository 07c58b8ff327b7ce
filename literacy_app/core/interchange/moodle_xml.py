"""Moodle XML: read a question export from Moodle (``read``) into ``Question``s.

The XML itself is parsed safely, with line numbers, by ``_moodle_xml_tree`` (no DOCTYPE, no
entities, a size limit; errors name ``file:line``); this module turns that tree into questions.

What a bank cannot hold is never an error: essays, cloze (multianswer), descriptions and other
Moodle types become questions of that ``kind``, which ``common.to_item`` skips with a warning;
images, combined feedback, hints and tags are dropped with a per-question warning.

Writing Moodle XML is in ``moodle_xml_write``; its ``write``, ``write_text`` and ``text_to_html`` are
importable from here as they always were.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserError
from ._moodle_xml_tree import MAX_BYTES, _Node, _parse, _read_bytes
from .common import (
    Answer,
    InterchangeWarning,
    NumericAnswer,
    Question,
    ReadResult,
    clean_category,
    html_to_text,
    label,
)
from .moodle_xml_write import CATEGORY_PREFIX, COMBINED_FEEDBACK, WRITABLE, text_to_html, write, write_text

__all__ = ["CATEGORY_PREFIX", "MAX_BYTES", "WRITABLE", "read", "text_to_html", "write", "write_text"]


def read(path: str | Path) -> ReadResult:
    """Read a Moodle XML file.  Raises ``UserError`` (file:line) when it is not well-formed XML,
    declares a DOCTYPE or entities, or is not a ``<quiz>``."""
    path = Path(path)
    root = _parse(path, _read_bytes(path))
    if root.tag != "quiz":
        raise UserError("ix_xml_not_quiz", file=str(path), line=root.line, tag=root.tag)
    reader = _Reader()
    for node in root.children:
        if node.tag == "question":
            reader.question(node)
    return ReadResult(reader.questions, reader.warnings, str(path))


# --- reading: questions -----------------------------------------------------------------------------

_FORMATS = ("html", "moodle_auto_format", "plain_text", "markdown", "wiki_like")
_KIND_OF_TYPE = {"match": "matching", "multianswer": "cloze"}


def _text(node: _Node | None) -> str:
    """The ``<text>`` of an element (or its own character data, as old files write it)."""
    if node is None:
        return ""
    text = node.find("text")
    return (text.text if text is not None else node.text).strip()


def _number(raw: str) -> float | None:
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@dataclass
class _Question:
    """One ``<question>`` being read: the question, plus what its warnings need to know."""

    node: _Node
    question: Question
    fmt: str
    images: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def convert(self, node: _Node | None, default: str | None = None) -> str:
        """A formatted text element (``<questiontext format=…>``, ``<feedback>`` …) as plain text."""
        if node is None:
            return ""
        for file in node.findall("file"):
            self.images.append(file.attrs.get("name") or "?")
        raw = _text(node)
        fmt = (node.attrs.get("format") or default or self.fmt).strip()
        if fmt == "plain_text":
            return raw
        if fmt == "markdown":
            return raw  # kept as written: markdown reads well as it is
        if re.search(r"<img\b", raw, re.IGNORECASE):
            self.images.append(_image_name(raw))
        if fmt in ("moodle_auto_format", "wiki_like"):
            raw = raw.replace("\r\n", "\n").replace("\n", "<br>\n")  # Moodle keeps line breaks in these
        return _html_text(raw)


_NBSP, _IDEOGRAPHIC = "\ue000", "\ue001"


def _html_text(raw: str) -> str:
    """``html_to_text``, but spaces a browser shows are kept: ``&nbsp;`` (how the writer keeps
    indentation and runs of spaces) and the ideographic space U+3000, which browsers never collapse."""
    protected = re.sub(r"&nbsp;|&#160;|&#x[aA]0;|\xa0", _NBSP, raw).replace("\u3000", _IDEOGRAPHIC)
    text = html_to_text(protected).replace(_NBSP, " ").replace(_IDEOGRAPHIC, "\u3000")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n").rstrip()


def _image_name(raw: str) -> str:
    match = re.search(r"<img\b[^>]*\bsrc\s*=\s*[\"']([^\"']*)", raw, re.IGNORECASE)
    name = match.group(1).rsplit("/", 1)[-1] if match else ""
    return html.unescape(name) or "img"


class _Reader:
    def __init__(self) -> None:
        self.category: str | None = None
        self.questions: list[Question] = []
        self.warnings: list[InterchangeWarning] = []

    def warn(self, question: Question, code: str, **params: Any) -> None:
        self.warnings.append(InterchangeWarning(question.line, label(question), code, params))

    def question(self, node: _Node) -> None:
        kind = (node.attrs.get("type") or "").strip()
        if kind == "category":
            self.category = clean_category(_text(node.find("category"))) or None
            return
        name = " ".join(_text(node.find("name")).split()) or None
        text_node = node.find("questiontext")
        fmt = ((text_node.attrs.get("format") if text_node is not None else None) or "html").strip()
        if fmt not in _FORMATS:
            fmt = "html"  # Moodle's importer assumes HTML for an unknown format too
        question = Question(kind=_KIND_OF_TYPE.get(kind, kind) or "unknown", text="", name=name,
                            line=node.line, category=self.category)
        q = _Question(node, question, fmt)
        question.text = q.convert(text_node)
        question.general_feedback = q.convert(node.find("generalfeedback")) or None
        idnumber = _text(node.find("idnumber"))
        question.id_hint = idnumber or None
        grade = node.find("defaultgrade")
        if grade is not None and grade.text.strip():
            points = _number(grade.text)
            if points is None:
                self.warn(question, "ix_xml_bad_number", element="defaultgrade", value=grade.text.strip())
            else:
                question.points = points
        self.questions.append(question)
        reader = getattr(self, "_" + question.kind, None) if question.kind in WRITABLE else None
        if reader is None:
            return  # essay, cloze, description …: common.to_item skips them with a warning
        for element in COMBINED_FEEDBACK:
            if q.convert(node.find(element)):
                q.dropped.append(element)
        if any(q.convert(hint) for hint in node.findall("hint")):
            q.dropped.append("hint")
        tags = node.find("tags")
        if tags is not None and tags.findall("tag"):
            q.dropped.append("tags")
        reader(q)
        if q.images:
            self.warn(question, "ix_image_dropped", files=", ".join(dict.fromkeys(q.images)))
        if q.dropped:
            self.warn(question, "ix_xml_parts_dropped", parts=", ".join(dict.fromkeys(q.dropped)))

    def _fraction(self, q: _Question, answer: _Node) -> float:
        raw = answer.attrs.get("fraction", "0")
        value = _number(raw)
        if value is None:
            self.warn(q.question, "ix_xml_bad_number", element="fraction", value=raw)
            return 0.0
        return value

    def _multichoice(self, q: _Question) -> None:
        single = q.node.find("single")
        q.question.single = single is None or _text(single).lower() not in ("false", "0", "")
        if _text(q.node.find("shuffleanswers")).lower() in ("false", "0"):
            q.dropped.append("shuffleanswers")  # the blueprint decides whether options are shuffled
        for answer in q.node.findall("answer"):
            q.question.answers.append(Answer(q.convert(answer), self._fraction(q, answer),
                                             q.convert(answer.find("feedback")) or None))

    def _truefalse(self, q: _Question) -> None:
        answers = q.node.findall("answer")
        named = all(_text(answer).lower() in ("true", "false") for answer in answers)
        if not named and answers:
            self.warn(q.question, "ix_xml_truefalse_order")
        for index, answer in enumerate(answers[:2]):
            is_true = _text(answer).lower() == "true" if named else index == 0
            fraction = self._fraction(q, answer)
            feedback = q.convert(answer.find("feedback")) or None
            if abs(fraction - 100) < 0.001:
                q.question.truth = is_true
            if is_true:
                q.question.true_feedback = feedback
            else:
                q.question.false_feedback = feedback

    def _matching(self, q: _Question) -> None:
        for sub in q.node.findall("subquestion"):
            premise = q.convert(sub)
            answer = _text(sub.find("answer"))
            if premise or answer:
                q.question.pairs.append((premise, answer))

    def _shortanswer(self, q: _Question) -> None:
        if _text(q.node.find("usecase")) not in ("", "0"):
            q.dropped.append("usecase")  # the bank always compares without case
        for answer in q.node.findall("answer"):
            text = _text(answer).replace("\\*", "*")  # Moodle's escaped literal asterisk
            q.question.answers.append(Answer(text, self._fraction(q, answer),
                                             q.convert(answer.find("feedback")) or None))

    def _numerical(self, q: _Question) -> None:
        for answer in q.node.findall("answer"):
            raw = _text(answer)
            if raw == "*":
                q.dropped.append("answer *")  # Moodle's "any other answer", only there for feedback
                continue
            value = _number(raw)
            tolerance = _number(_text(answer.find("tolerance")) or "0")
            if value is None or tolerance is None:
                self.warn(q.question, "ix_xml_bad_number", element="answer", value=raw)
                continue
            q.question.numeric.append(NumericAnswer(value, abs(tolerance), self._fraction(q, answer),
                                                    q.convert(answer.find("feedback")) or None))
        units = q.node.find("units")
        names = []
        for unit in units.findall("unit") if units is not None else []:
            name = _text(unit.find("unit_name"))
            multiplier = _number(_text(unit.find("multiplier")) or "1")
            if name and multiplier is not None and abs(multiplier - 1) < 1e-9 and q.question.unit is None:
                q.question.unit = name
            elif name:
                names.append(name)
        if names:
            q.dropped.append("units (" + ", ".join(names) + ")")
