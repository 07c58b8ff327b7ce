"""Write questions as GIFT: ``write`` (a file) and ``write_text``.

The writer half of ``gift`` (which re-exports ``write`` and ``write_text``), apart because it shares
nothing with the reader but the escapes and the missing-word blank (``_gift_lex``).  Texts are
written as ``[plain]`` with every control character escaped, so that what Moodle imports is the
bank text as it was; a question GIFT cannot hold is left out with an ``InterchangeWarning``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._gift_lex import BLANK, escape
from .common import InterchangeWarning, Question, label


def _plain(text: str) -> str:
    """An answer or feedback text, protected from having a leading ``[html]`` read as its format."""
    escaped = escape(text.strip())
    return "[plain]" + escaped if re.match(r"^\[(moodle|html|plain|markdown)\]", escaped) else escaped


def _num(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _weight_text(fraction: float) -> str:
    value = round(fraction, 5)
    return str(int(value)) if value == int(value) else f"{value:.5f}".rstrip("0").rstrip(".")


def write(questions: list[Question], path: str | Path, *,
          category_of: Callable[[Question], str | None] | None = None) -> list[InterchangeWarning]:
    """Write questions as GIFT (UTF-8); returns a warning for each question GIFT cannot hold."""
    text, warnings = write_text(questions, category_of=category_of)
    Path(path).write_text(text, encoding="utf-8")
    return warnings


def write_text(questions: list[Question], *,
               category_of: Callable[[Question], str | None] | None = None) -> tuple[str, list[InterchangeWarning]]:
    warnings: list[InterchangeWarning] = []
    blocks: list[str] = ["// literacy-app から書き出した GIFT ファイル（UTF-8）"]
    current: str | None = None
    for question in questions:

        def warn(code: str, question: Question = question, **params: Any) -> None:
            warnings.append(InterchangeWarning(question.line, question.id_hint or label(question), code, params))

        body = _question_text(question, warn)
        if body is None:
            continue
        category = category_of(question) if category_of else question.category
        if category and category != current:
            blocks.append(f"$CATEGORY: {category}")
            current = category
        blocks.append(body)
    return "\n\n".join(blocks) + "\n", warnings


def _question_text(q: Question, warn: Callable[..., None]) -> str | None:
    name = q.id_hint or q.name
    head = (f"::{escape(name)}::" if name else "") + "[plain]"
    stem = q.text.strip()
    overall = (q.general_feedback or "").strip()
    general = f"\t####{_plain(overall)}\n" if overall else ""
    if q.kind == "description":
        return head + escape(stem)
    if q.kind == "essay":
        return head + escape(stem) + "{" + general.strip() + "}"
    lines: list[str] = []
    if q.kind == "multichoice":
        for answer in q.answers:
            text = _plain(answer.text)
            if q.single and abs(answer.fraction - 100) < 1e-9:
                marker = "="  # Moodle reads no weight after "=", so a leading % stays text
            elif answer.fraction == 0:
                marker = "~%0%" if text.startswith("%") else "~"
            else:
                marker = f"~%{_weight_text(answer.fraction)}%"
            lines.append(marker + text + _feedback(answer.feedback))
    elif q.kind == "truefalse":
        right, wrong = (q.true_feedback, q.false_feedback) if q.truth else (q.false_feedback, q.true_feedback)
        block = "TRUE" if q.truth else "FALSE"
        if wrong or right:
            block += "#" + _plain(wrong or "")
        if right:
            block += "#" + _plain(right)
        return _missing_word(head, stem, block + general.strip())
    elif q.kind == "matching":
        for premise, matched in q.pairs:
            if "->" in premise:
                warn("ix_export_arrow", text=premise)
                return None
            lines.append(f"={_plain(premise) if premise else ''} -> {escape(matched.strip())}")
    elif q.kind == "shortanswer":
        if any("->" in answer.text for answer in q.answers):
            warn("ix_export_arrow", text=next(a.text for a in q.answers if "->" in a.text))
            return None
        for answer in q.answers:
            text = _plain(answer.text)
            full = abs(answer.fraction - 100) < 1e-9
            weight = "" if full and not text.startswith("%") else f"%{_weight_text(answer.fraction)}%"
            lines.append(f"={weight}{text}{_feedback(answer.feedback)}")
    elif q.kind == "numerical":
        if q.unit:
            warn("ix_export_unit_dropped", unit=q.unit)
        if len(q.numeric) == 1 and not q.numeric[0].feedback and q.numeric[0].fraction == 100 and not general:
            only = q.numeric[0]
            return _missing_word(head, stem, f"#{_num(only.value)}:{_num(only.tolerance)}")
        lines.append("#")
        for number in q.numeric:
            weight = "" if number.fraction == 100 else f"%{_weight_text(number.fraction)}%"
            lines.append(f"={weight}{_num(number.value)}:{_num(number.tolerance)}{_feedback(number.feedback)}")
    else:
        warn("ix_export_kind", kind=q.kind)
        return None
    if q.kind == "numerical":
        block = "#\n" + "".join(f"\t{line}\n" for line in lines[1:]) + general
    else:
        block = "\n" + "".join(f"\t{line}\n" for line in lines) + general
    return _missing_word(head, stem, block)


def _feedback(feedback: str | None) -> str:
    return "#" + _plain(feedback) if feedback and feedback.strip() else ""


def _missing_word(head: str, stem: str, block: str) -> str:
    """``text{block}``, or ``before{block}after`` when the stem has one blank 「＿＿＿」 inside."""
    before, blank, after = stem.partition(BLANK)
    if blank and after.strip() and BLANK not in after:
        return f"{head}{escape(before)}{{{block}}}{escape(after)}"
    return f"{head}{escape(stem)}{{{block}}}"
