"""Moodle XML as a small tree with line numbers, parsed safely: what ``moodle_xml.read`` reads from.

Reading uses expat directly (not ``ElementTree``) for two reasons: every ``<question>`` must carry
the line where it starts, which expat reports at each start tag, and the parser must refuse what
makes XML dangerous.  A DOCTYPE, and with it any entity declaration (the "billion laughs" entity
bomb, external entities reading local files), is refused before expat does anything with it, the
way ``defusedxml`` does; the file is read with a size limit.  A file that is not well-formed
raises ``UserError`` naming ``file:line`` (for an unclosed tag, also where the tag was opened).

Kept apart from ``moodle_xml`` because it knows nothing of questions: it is the XML safety layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from xml.parsers import expat

from ..errors import UserError

MAX_BYTES = 100 * 1024 * 1024
"""Moodle exports embed images as base64, so files are larger than GIFT; a bank is far smaller."""


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

    def refuse(*_args: Any) -> NoReturn:
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
