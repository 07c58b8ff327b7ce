"""Write questions as Moodle XML: ``write`` (a file), ``write_text`` and ``text_to_html``.

The writer half of ``moodle_xml`` (which re-exports these names), apart because it shares nothing
with the reader but the question kinds it handles (``WRITABLE``) and the combined-feedback elements.
Writing produces what Moodle's own exporter produces: ``<quiz>``, a ``category`` pseudo-question
before each group of questions, text as HTML in CDATA (bank text is plain text, so it is escaped
and its line breaks become ``<p>``/``<br>``), fractions from Moodle's fixed list of grades (its
importer rejects any other), feedback, ``defaultgrade`` and ``idnumber`` (the bank item id).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .common import InterchangeWarning, Question, label

CATEGORY_PREFIX = "$course$/top/"

COMBINED_FEEDBACK = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
"""Feedback elements for right / partly right / wrong answers, which a bank item does not have."""

WRITABLE = ("multichoice", "truefalse", "matching", "shortanswer", "numerical")

_GRADES = sorted({0.0, 100.0, -100.0} | {sign * value for sign in (1, -1) for value in (
    90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,
    11.11111, 10, 5)})
"""The percentages Moodle's importer accepts (question_bank::fraction_options_full); it refuses a
question whose answers use any other grade."""

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write(questions: Iterable[Question], path: str | Path) -> list[InterchangeWarning]:
    """Write questions as Moodle XML (UTF-8); returns a warning for each question (or part of one)
    Moodle XML cannot hold."""
    text, warnings = write_text(questions)
    Path(path).write_text(text, encoding="utf-8")
    return warnings


def write_text(questions: Iterable[Question]) -> tuple[str, list[InterchangeWarning]]:
    warnings: list[InterchangeWarning] = []
    groups: dict[str | None, list[Question]] = {}
    for question in questions:
        if question.kind not in WRITABLE:
            warnings.append(InterchangeWarning(question.line, question.id_hint or label(question),
                                               "ix_export_kind", {"kind": question.kind}))
            continue
        groups.setdefault(question.category or None, []).append(question)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    # Questions without a category first: a category question applies to everything after it.
    for category in sorted(groups, key=lambda c: c is not None):
        if category is not None:
            out += ['  <question type="category">',
                    "    <category>",
                    f"      <text>{_escape(CATEGORY_PREFIX + category)}</text>",
                    "    </category>",
                    '    <info format="html">',
                    "      <text></text>",
                    "    </info>",
                    "  </question>"]
        for question in groups[category]:
            def warn(code: str, question: Question = question, **params: Any) -> None:
                warnings.append(InterchangeWarning(question.line, question.id_hint or label(question),
                                                   code, params))
            out += _question(question, warn)
    out.append("</quiz>")
    return "\n".join(out) + "\n", warnings


def _escape(text: str) -> str:
    return html.escape(_XML_ILLEGAL.sub("", text), quote=False)


def _attr(text: str) -> str:
    return html.escape(_XML_ILLEGAL.sub("", text), quote=True)


def _cdata(text: str) -> str:
    if not text:
        return ""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_to_html(text: str) -> str:
    """Plain bank text as HTML: escaped, line breaks as ``<br>``, and blank-line separated
    paragraphs as ``<p>`` (a text of one paragraph, such as an answer, stays without ``<p>``)."""
    text = _XML_ILLEGAL.sub("", text).replace("\r\n", "\n").strip("\n").rstrip()
    paragraphs = ["<br>".join(_html_line(line) for line in paragraph.strip("\n").split("\n"))
                  for paragraph in re.split(r"\n[ \t]*\n", text) if paragraph.strip()]
    if len(paragraphs) == 1:
        return paragraphs[0]
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def _html_line(line: str) -> str:
    """One line, escaped; leading spaces and runs of spaces as ``&nbsp;`` so they are shown."""
    line = html.escape(line.rstrip(), quote=False)
    return re.sub(r"^ +| {2,}", lambda m: "&nbsp;" * len(m.group()), line)


def _html(tag: str, text: str | None, indent: int, *, attrs: str = "") -> list[str]:
    pad = "  " * indent
    return [f'{pad}<{tag}{attrs} format="html">',
            f"{pad}  <text>{_cdata(text_to_html(text or ''))}</text>",
            f"{pad}</{tag}>"]


def _num(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def _fraction(value: float, what: str, warn: Callable[..., None]) -> str:
    nearest = min(_GRADES, key=lambda grade: abs(grade - value))
    if abs(nearest - value) > 0.01:
        warn("ix_moodle_fraction_rounded", answer=what[:40], value=_num(round(value, 5)), written=_num(nearest))
    return _num(nearest)


def _name(q: Question) -> str:
    name = q.name or q.id_hint or " ".join(q.text.split())[:40] or "question"
    return name[:255]


def _question(q: Question, warn: Callable[..., None]) -> list[str]:
    qtype = q.kind
    out = [f'  <question type="{qtype}">',
           "    <name>",
           f"      <text>{_escape(_name(q))}</text>",
           "    </name>"]
    out += _html("questiontext", q.text, 2)
    out += _html("generalfeedback", q.general_feedback, 2)
    points = q.points if 0 < q.points else 1.0
    out += [f"    <defaultgrade>{_num(points)}</defaultgrade>",
            "    <penalty>0.3333333</penalty>",
            "    <hidden>0</hidden>",
            f"    <idnumber>{_escape((q.id_hint or '')[:100])}</idnumber>"]
    if q.kind == "multichoice":
        out += [f"    <single>{'true' if q.single else 'false'}</single>",
                "    <shuffleanswers>true</shuffleanswers>",
                "    <answernumbering>abc</answernumbering>",
                "    <showstandardinstruction>0</showstandardinstruction>"]
        out += _combined_feedback()
        for answer in q.answers:
            out += [f'    <answer fraction="{_fraction(answer.fraction, answer.text, warn)}" format="html">',
                    f"      <text>{_cdata(text_to_html(answer.text))}</text>"]
            out += _html("feedback", answer.feedback, 3)
            out.append("    </answer>")
    elif q.kind == "truefalse":
        for value, feedback in ((True, q.true_feedback), (False, q.false_feedback)):
            fraction = "100" if q.truth is value else "0"
            out += [f'    <answer fraction="{fraction}" format="moodle_auto_format">',
                    f"      <text>{'true' if value else 'false'}</text>"]
            out += _html("feedback", feedback, 3)
            out.append("    </answer>")
    elif q.kind == "matching":
        out.append("    <shuffleanswers>true</shuffleanswers>")
        out += _combined_feedback()
        for premise, matched in q.pairs:
            out += ['    <subquestion format="html">',
                    f"      <text>{_cdata(text_to_html(premise))}</text>",
                    "      <answer>",
                    f"        <text>{_escape(matched)}</text>",
                    "      </answer>",
                    "    </subquestion>"]
    elif q.kind == "shortanswer":
        out.append("    <usecase>0</usecase>")
        for answer in q.answers:
            text = answer.text.replace("*", "\\*")  # a literal asterisk, not Moodle's wildcard
            fraction = _fraction(answer.fraction, answer.text, warn)
            out += [f'    <answer fraction="{fraction}" format="moodle_auto_format">',
                    f"      <text>{_escape(text)}</text>"]
            out += _html("feedback", answer.feedback, 3)
            out.append("    </answer>")
    elif q.kind == "numerical":
        for numeric in q.numeric:
            out += [f'    <answer fraction="{_fraction(numeric.fraction, _num(numeric.value), warn)}" '
                    'format="moodle_auto_format">',
                    f"      <text>{_num(numeric.value)}</text>"]
            out += _html("feedback", numeric.feedback, 3)
            out += [f"      <tolerance>{_num(abs(numeric.tolerance))}</tolerance>",
                    "    </answer>"]
        if q.unit:
            out += ["    <units>",
                    "      <unit>",
                    "        <multiplier>1</multiplier>",
                    f"        <unit_name>{_escape(q.unit)}</unit_name>",
                    "      </unit>",
                    "    </units>",
                    "    <unitgradingtype>0</unitgradingtype>",
                    "    <unitpenalty>0.1000000</unitpenalty>",
                    "    <showunits>0</showunits>",  # a text field; the unit is optional (not graded)
                    "    <unitsleft>0</unitsleft>"]
        else:
            out += ["    <unitgradingtype>0</unitgradingtype>",
                    "    <unitpenalty>0.1000000</unitpenalty>",
                    "    <showunits>3</showunits>",
                    "    <unitsleft>0</unitsleft>"]
    out.append("  </question>")
    return out


def _combined_feedback() -> list[str]:
    return [line for element in COMBINED_FEEDBACK for line in (f'    <{element} format="html">', "      <text></text>",
                                                         f"    </{element}>")]
