"""Moodle XML: read a question export from Moodle, write a file Moodle's importer accepts.

Reading uses expat directly (not ``ElementTree``) for two reasons: every ``<question>`` must carry
the line where it starts, which expat reports at each start tag, and the parser must refuse what
makes XML dangerous.  A DOCTYPE, and with it any entity declaration (the "billion laughs" entity
bomb, external entities reading local files), is refused before expat does anything with it, the
way ``defusedxml`` does; the file is read with a size limit.  A file that is not well-formed
raises ``UserError`` naming ``file:line`` (for an unclosed tag, also where the tag was opened).

What a bank cannot hold is never an error: essays, cloze (multianswer), descriptions and other
Moodle types become questions of that ``kind``, which ``common.to_item`` skips with a warning;
images, combined feedback, hints and tags are dropped with a per-question warning.

Writing produces what Moodle's own exporter produces: ``<quiz>``, a ``category`` pseudo-question
before each group of questions, text as HTML in CDATA (bank text is plain text, so it is escaped
and its line breaks become ``<p>``/``<br>``), fractions from Moodle's fixed list of grades (its
importer rejects any other), feedback, ``defaultgrade`` and ``idnumber`` (the bank item id).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ..errors import UserError
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

MAX_BYTES = 100 * 1024 * 1024
"""Moodle exports embed images as base64, so files are larger than GIFT; a bank is far smaller."""

CATEGORY_PREFIX = "$course$/top/"

# --- reading: a small tree with line numbers -------------------------------------------------------


@dataclass(eq=False)
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def find(self, tag: str) -> _Node | None:
        return next((child for child in self.children if child.tag == tag), None)

    def findall(self, tag: str) -> list[_Node]:
        return [child for child in self.children if child.tag == tag]


class _Refused(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


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


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UserError("ix_file_too_large", file=str(path), limit_mb=MAX_BYTES // (1024 * 1024))
        return path.read_bytes()
    except OSError as exc:
        raise UserError("ix_file_unreadable", file=str(path), detail=exc.strerror or str(exc)) from None


def _parse(path: Path, data: bytes) -> _Node:
    """The document as ``_Node``s; DOCTYPE/entities refused, syntax errors raised with their line."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    roots: list[_Node] = []
    stack: list[_Node] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = _Node(tag, attrs, parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def characters(data: str) -> None:
        if stack:
            stack[-1].parts.append(data)

    def refuse(*_args: Any) -> None:
        raise _Refused(parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        raise UserError("ix_xml_doctype", file=str(path), line=refused.line) from None
    except expat.ExpatError as exc:
        raise _syntax_error(path, data, exc, stack) from None
    if not roots:  # pragma: no cover - expat reports "no element found" first
        raise UserError("ix_xml_syntax", file=str(path), line=1, detail="no element found")
    return roots[0]


def _syntax_error(path: Path, data: bytes, exc: expat.ExpatError, stack: list[_Node]) -> UserError:
    codes = expat.errors.codes
    line = exc.lineno or 1
    lines = data.split(b"\n")
    raw_line = lines[line - 1] if line <= len(lines) else b""
    offset = exc.offset or 0
    # Look at the text from the error column (and just before it: expat points after "</" or "&").
    text_line = raw_line.decode("utf-8", "replace")
    rests = [text_line[max(0, offset - 2):], text_line[offset:]]

    def first(pattern: str) -> re.Match[str] | None:
        return next((m for m in (re.match(pattern, rest) for rest in rests) if m), None)

    if exc.code == codes[expat.errors.XML_ERROR_TAG_MISMATCH] and stack:
        match = first(r"(?:</|&)?([A-Za-z_][\w.:-]*)\s*>")
        return UserError("ix_xml_mismatched_tag", file=str(path), line=line,
                         tag=match.group(1) if match else "?", open_tag=stack[-1].tag, open_line=stack[-1].line)
    if exc.code in (codes[expat.errors.XML_ERROR_NO_ELEMENTS], codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN]) \
            and stack:
        return UserError("ix_xml_unclosed", file=str(path), line=stack[-1].line, open_tag=stack[-1].tag,
                         end_line=line)
    if exc.code == codes[expat.errors.XML_ERROR_UNDEFINED_ENTITY]:
        match = first(r"(?:</|&)?([A-Za-z_][\w.:-]{0,40});")
        return UserError("ix_xml_entity", file=str(path), line=line, entity=match.group(1) if match else "?")
    if exc.code == codes[expat.errors.XML_ERROR_INVALID_TOKEN]:
        try:
            raw_line.decode("utf-8")
        except UnicodeDecodeError:
            return UserError("ix_file_not_utf8", file=str(path), line=line)
    if exc.code == codes[expat.errors.XML_ERROR_UNKNOWN_ENCODING]:
        return UserError("ix_xml_encoding", file=str(path), line=line)
    return UserError("ix_xml_syntax", file=str(path), line=line, detail=expat.errors.messages[exc.code])


# --- reading: questions -----------------------------------------------------------------------------

_FORMATS = ("html", "moodle_auto_format", "plain_text", "markdown", "wiki_like")
_KIND_OF_TYPE = {"match": "matching", "multianswer": "cloze"}
_COMBINED = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")


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
        for element in _COMBINED:
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


# --- writing ------------------------------------------------------------------------------------------

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
        for premise, answer in q.pairs:
            out += ['    <subquestion format="html">',
                    f"      <text>{_cdata(text_to_html(premise))}</text>",
                    "      <answer>",
                    f"        <text>{_escape(answer)}</text>",
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
    return [line for element in _COMBINED for line in (f'    <{element} format="html">', "      <text></text>",
                                                         f"    </{element}>")]
