"""Moodle's GIFT text format: read it into ``Question``s (``read``, ``read_text``).

Follows Moodle's own reader (question/format/gift): questions are separated by blank lines, lines
starting with ``//`` are comments, ``::name::`` names a question, ``[html]``/``[moodle]``/``[plain]``/
``[markdown]`` gives the text format, ``$CATEGORY:`` switches the category, and ``\\~ \\= \\# \\{ \\}
\\: \\\\ \\n`` are escapes.  The answer block decides the type as Moodle does: empty → essay, ``#`` →
numerical, a ``~`` → multiple choice, ``=`` with ``->`` → matching, ``T``/``F``/``TRUE``/``FALSE`` →
true/false, else short answer; no block at all → description.  Text after the block makes a
missing-word question, whose blank is kept as 「＿＿＿」.

Every warning and error carries the line where the question (or the offending answer) starts.  A
file that is not GIFT (a ``{`` never closed, a weight or number that is not one) raises
``UserError`` naming ``file:line``; the other errors of the file ride along in ``problems``.

The escapes and the cutting of text into questions and answers are in ``_gift_lex``; writing GIFT is
in ``gift_write``, whose ``write`` and ``write_text`` are importable from here as they always were.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..i18n import message
from ._gift_lex import BLANK, _chunks, _pieces, _Text, _unmask, escape
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
from .gift_write import write, write_text

__all__ = ["BLANK", "MAX_BYTES", "GiftProblem", "escape", "read", "read_text", "write", "write_text"]

_FORMATS = ("moodle", "html", "plain", "markdown")
_WEIGHT = re.compile(r"^%([^%\s]{0,12})%")
_CLOZE = re.compile(r"\{\s*\d*\s*:\s*(MULTICHOICE|MULTIRESPONSE|SHORTANSWER|NUMERICAL|MC|MCV|MCH|MCS|MCVS|MCHS|"
                    r"MR|MRH|MRS|MRHS|SA|MW|SAC|MWC|NM)\w*\s*:", re.IGNORECASE)
_HTML_TAG = re.compile(r"<\s*/?\s*(p|br|b|i|u|em|strong|div|span|ul|ol|li|img|a|sub|sup|table|tr|td|h[1-6]|pre|code)"
                       r"\b[^>]*>", re.IGNORECASE)
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class GiftProblem:
    """One reason the file is not GIFT; rendered as ``file:line: message``."""

    path: str
    line: int
    code: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str = "ja") -> str:
        return message(self.code, lang, file=self.path, line=self.line, **self.params)


# --- reading ---------------------------------------------------------------------------------------


def read(path: str | Path) -> ReadResult:
    """Read a GIFT file.  Raises ``UserError`` (file:line) when it cannot be read as GIFT."""
    path = Path(path)
    text = _read_text(path)
    return read_text(text, str(path))


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UserError("ix_file_too_large", file=str(path), limit_mb=MAX_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise UserError("ix_file_unreadable", file=str(path), detail=exc.strerror or str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise UserError("ix_file_not_utf8", file=str(path), line=line) from None


def read_text(text: str, name: str = "<gift>") -> ReadResult:
    """Parse GIFT text; ``name`` is used in messages and as the result's ``path``."""
    reader = _Reader(name)
    for chunk in _chunks(text):
        reader.chunk(chunk)
    if reader.problems:
        first, *rest = reader.problems
        error = UserError(first.code, file=first.path, line=first.line, **first.params)
        error.problems = rest  # type: ignore[attr-defined]  # the CLI prints them all
        raise error
    return ReadResult(reader.questions, reader.warnings, name)


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.category: str | None = None
        self.questions: list[Question] = []
        self.warnings: list[InterchangeWarning] = []
        self.problems: list[GiftProblem] = []

    def error(self, line: int, code: str, **params: Any) -> None:
        self.problems.append(GiftProblem(self.path, line, code, params))

    def chunk(self, chunk: _Text) -> None:
        if chunk.text.startswith("$CATEGORY:"):
            first, _, rest = chunk.text.partition("\n")
            self.category = clean_category(_unmask(first[len("$CATEGORY:"):])) or None
            if not rest.strip():
                return
            chunk = chunk.cut(len(first) + 1).strip()
        try:
            question = self.question(chunk)
        except _Broken as broken:
            self.error(broken.line, broken.code, **broken.params)
            return
        if question is not None:
            self.questions.append(question)

    def warn(self, question: Question, code: str, **params: Any) -> None:
        self.warnings.append(InterchangeWarning(question.line, label(question), code, params))

    def question(self, text: _Text) -> Question | None:
        start_line = text.line_at(0)
        joined = re.search(r"\n[ \t]*::", text.text)
        if joined:  # a second "::name::" line: the blank line between two questions is missing
            raise _Broken(text.line_at(joined.end() - 1), "gift_missing_blank_line")
        name: str | None = None
        if text.text.startswith("::"):
            end = text.text.find("::", 2)
            if end >= 0:
                name = " ".join(_unmask(text.text[2:end]).split()) or None
                text = text.cut(end + 2).strip()
        opening = text.text.find("{")
        first_closing = text.text.find("}")
        question = Question(kind="", text="", name=name, line=start_line, category=self.category)
        if opening < 0 and first_closing < 0:
            body, fmt = _format_of(text.text)
            question.kind = "description"
            question.text = _convert(body, fmt, own=False)
            return question
        if opening < 0 or 0 <= first_closing < opening:
            raise _Broken(text.line_at(first_closing), "gift_stray_brace")
        closing = text.text.find("}", opening)
        if closing < 0:
            raise _Broken(text.line_at(opening), "gift_unclosed_brace")
        answer = text.cut(opening + 1, closing).strip()
        before, after = text.text[:opening], text.text[closing + 1:]
        question_text = before + BLANK + after if after.strip() else before
        body, fmt = _format_of(question_text.strip())
        question.text = _convert(body, fmt, own=False)
        if "{" in after or "}" in after or _CLOZE.search(text.text):
            question.kind = "cloze"
            return question
        general = answer.text.rfind("####")
        if general >= 0:
            question.general_feedback = _convert(answer.text[general + 4:].strip(), fmt) or None
            answer = answer.cut(0, general).strip()
        if "<img" in (before + after + answer.text).lower() and fmt in ("html", "moodle"):
            self.warn(question, "ix_image_dropped")
        a = answer.text
        if a == "":
            question.kind = "essay"
        elif a.startswith("#"):
            question.kind = "numerical"
            self._numerical(question, answer.cut(1), fmt)
        elif "~" in a:
            question.kind = "multichoice"
            self._multichoice(question, answer, fmt)
        elif "=" in a and "->" in a:
            question.kind = "matching"
            self._matching(question, answer, fmt)
        elif _without_comment(a) in ("T", "TRUE", "F", "FALSE"):
            question.kind = "truefalse"
            self._truefalse(question, answer, fmt)
        else:
            question.kind = "shortanswer"
            self._shortanswer(question, answer, fmt)
        return question

    def _multichoice(self, question: Question, answer: _Text, fmt: str) -> None:
        question.single = "=" in answer.text
        for piece in _pieces(answer, "~=", keep_leading=True):
            marker = piece.text[0] if piece.text[0] in "~=" else ""
            rest = piece.cut(1) if marker else piece
            fraction = 100.0  # "=": Moodle reads no weight after it
            if marker != "=":
                weight, rest = _weight(rest)
                fraction = 0.0 if weight is None else weight
            text, feedback = _comment(rest, fmt)
            question.answers.append(Answer(text, fraction, feedback))

    def _matching(self, question: Question, answer: _Text, fmt: str) -> None:
        for piece in _pieces(answer, "=", keep_leading=True):
            body = piece.cut(1) if piece.text.startswith("=") else piece
            arrow = body.text.find("->")
            if arrow < 0:
                raise _Broken(piece.line_at(0), "gift_matching_arrow", text=_unmask(body.text.strip())[:40])
            premise = _convert(body.text[:arrow].strip(), fmt)
            question.pairs.append((premise, _unmask(body.text[arrow + 2:]).strip()))

    def _truefalse(self, question: Question, answer: _Text, fmt: str) -> None:
        bits = answer.text.split("#", 2)
        truth = bits[0].strip() in ("T", "TRUE")
        wrong = _convert(bits[1].strip(), fmt) if len(bits) > 1 else ""
        right = _convert(bits[2].strip(), fmt) if len(bits) > 2 else ""
        question.truth = truth
        if truth:
            question.true_feedback, question.false_feedback = right or None, wrong or None
        else:
            question.true_feedback, question.false_feedback = wrong or None, right or None

    def _shortanswer(self, question: Question, answer: _Text, fmt: str) -> None:
        for piece in _pieces(answer, "=", keep_leading=True):
            rest = piece.cut(1) if piece.text.startswith("=") else piece
            weight, rest = _weight(rest)
            text, feedback = _comment(rest, fmt)
            question.answers.append(Answer(text, 100.0 if weight is None else weight, feedback))

    def _numerical(self, question: Question, answer: _Text, fmt: str) -> None:
        wrong = answer.text.find("~")
        if wrong >= 0:
            if answer.text[wrong + 1:].strip():
                self.warn(question, "ix_numeric_other_feedback_dropped")
            answer = answer.cut(0, wrong)
        pieces = _pieces(answer, "=", keep_leading=True)
        if not pieces:
            raise _Broken(answer.line_at(0), "gift_no_number")
        for piece in pieces:
            rest = piece.cut(1) if piece.text.startswith("=") else piece
            weight, rest = _weight(rest)
            bits = rest.split("#", 2)
            value_text = _unmask(bits[0].text).strip()
            feedback = _convert(bits[1].text.strip(), fmt) if len(bits) > 1 else ""
            value, tolerance = _number(value_text, piece.line_at(0))
            if value is None:
                self.warn(question, "ix_numeric_any_dropped")
                continue
            question.numeric.append(NumericAnswer(value, tolerance, 100.0 if weight is None else weight,
                                                  feedback or None))


class _Broken(Exception):
    def __init__(self, line: int, code: str, **params: Any) -> None:
        super().__init__(code)
        self.line, self.code, self.params = line, code, params


def _weight(rest: _Text) -> tuple[float | None, _Text]:
    """A leading ``%n%``; ``%…%`` that is not a number from -100 to 100 is an error (a lone ``%`` is text)."""
    stripped = rest.strip()
    match = _WEIGHT.match(stripped.text)
    if not match:
        return None, stripped
    try:
        weight = float(match.group(1).strip())
    except ValueError:
        weight = math.nan
    if not math.isfinite(weight) or not -100 <= weight <= 100:
        raise _Broken(stripped.line_at(0), "gift_bad_weight", weight=_unmask(match.group(0)))
    return weight, stripped.cut(match.end())


def _comment(rest: _Text, fmt: str) -> tuple[str, str | None]:
    text, _, feedback = rest.text.partition("#")
    return _convert(text.strip(), fmt), (_convert(feedback.strip(), fmt) or None)


def _without_comment(answer: str) -> str:
    return answer.split("#", 1)[0].strip() if answer.find("#") > 0 else answer


def _number(text: str, line: int) -> tuple[float | None, float]:
    if text == "*":
        return None, 0.0
    try:
        if ".." in text.strip("."):
            low_text, high_text = text.split("..", 1)
            low, high = float(low_text), float(high_text)
            if low > high:
                raise _Broken(line, "gift_bad_range", text=text)
            value, tolerance = (low + high) / 2, (high - low) / 2
        elif ":" in text:
            value_text, tolerance_text = text.split(":", 1)
            value, tolerance = float(value_text), abs(float(tolerance_text))
        else:
            value, tolerance = float(text), 0.0
    except ValueError:
        raise _Broken(line, "gift_bad_number", text=text or "（空）") from None
    if not (math.isfinite(value) and math.isfinite(tolerance)):
        raise _Broken(line, "gift_bad_number", text=text)
    return value, tolerance


def _format_of(text: str) -> tuple[str, str]:
    """``[html]…`` → (rest, "html"); an unknown ``[word]`` is part of the text."""
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in _FORMATS:
            return text[end + 1:], text[1:end]
    return text, "moodle"


def _convert(masked: str, fmt: str, own: bool = True) -> str:
    """Plain text of a GIFT text in its format; an answer may carry its own ``[format]`` (``own``)."""
    body = masked
    if own:
        body, named = _format_of(masked)
        if named != "moodle" or masked.startswith("[moodle]"):
            fmt = named
    text = _unmask(body).strip()
    if fmt == "html" or (fmt == "moodle" and _HTML_TAG.search(text)):
        return html_to_text(text)
    return text
