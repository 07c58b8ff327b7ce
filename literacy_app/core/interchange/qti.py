"""QTI 2.1 export of choice questions, as an IMS content package (a zip).

The package holds ``imsmanifest.xml`` (IMS Content Packaging 1.1, one resource of type
``imsqti_item_xmlv2p1`` per item) and one ``assessmentItem`` file per question under ``items/``.
Single and multiple choice and true/false (as a two-choice item) are written; every other kind is
left out with a per-question warning.

Scoring follows the bank: an item with one right answer worth 1 point uses the standard
``match_correct`` template; partial credit (Moodle weights, the 1/R − 1/W rule of multiple
response) or other points use ``map_response`` with a ``mapping`` of each choice's points, clamped
to 0 … points as the bank clamps.  Per-answer and general feedback are not written (the standard
templates set no feedback outcome); a warning says so.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from .common import InterchangeWarning, Question, label

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_RESOURCE_TYPE = "imsqti_item_xmlv2p1"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
MATCH_CORRECT = TEMPLATES + "match_correct"
MAP_RESPONSE = TEMPLATES + "map_response"
TRUE_LABEL, FALSE_LABEL = "正しい", "誤り"

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_NCNAME = re.compile(r"[^A-Za-z0-9_.\-]")


def write(questions: Iterable[Question], path: str | Path) -> list[InterchangeWarning]:
    """Write the choice questions as a QTI 2.1 package (zip); a warning for each question left out
    or changed.  The package is written even when no question is a choice question."""
    warnings: list[InterchangeWarning] = []
    files: list[tuple[str, str, bytes]] = []  # (identifier, href, content)
    used: set[str] = set()
    for number, question in enumerate(questions, start=1):
        def warn(code: str, question: Question = question, **params: Any) -> None:
            warnings.append(InterchangeWarning(question.line, question.id_hint or label(question), code, params))

        if not _is_choice(question):
            warn("ix_qti_choice_only", kind=question.kind)
            continue
        identifier = _identifier(question, number, used)
        used.add(identifier)
        files.append((identifier, f"items/{identifier}.xml", _item_xml(question, identifier, warn)))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", _manifest_xml(files))
        for _id, href, content in files:
            archive.writestr(href, content)
    return warnings


def _is_choice(q: Question) -> bool:
    if q.kind == "truefalse":
        return q.truth is not None
    return q.kind == "multichoice" and len(q.answers) >= 2


def ncname(raw: str | None) -> str | None:
    """``raw`` as an XML NCName (ASCII letters, digits, ``_ . -``, not starting with a digit,
    ``-`` or ``.``), or None when nothing usable is left (e.g. a Japanese name)."""
    if not raw:
        return None
    name = _NOT_NCNAME.sub("_", raw.strip())
    if not re.search(r"[A-Za-z0-9]", name):
        return None
    if not (name[0].isalpha() or name[0] == "_"):
        name = "I" + name  # bank ids may start with a digit; NCNames may not
    return name[:80]


def _identifier(q: Question, number: int, used: set[str]) -> str:
    base = ncname(q.id_hint) or ncname(q.name) or f"item{number:03d}"
    identifier, suffix = base, 2
    while identifier in used:
        identifier, suffix = f"{base}_{suffix}", suffix + 1
    return identifier


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text or "")


def _add_text(parent: ET.Element, text: str) -> None:
    """Plain text into an element, line breaks as ``<br/>``; leading spaces and runs of spaces as
    no-break spaces, so that text aligned with spaces stays aligned."""
    lines = [re.sub(r"^ +| {2,}", lambda m: "\xa0" * len(m.group()), line.rstrip())
             for line in _clean(text).strip("\n").rstrip().split("\n")]
    parent.text = lines[0]
    for line in lines[1:]:
        ET.SubElement(parent, "br").tail = line


def _paragraphs(parent: ET.Element, text: str) -> None:
    for paragraph in re.split(r"\n[ \t]*\n", _clean(text).strip("\n")):
        if paragraph.strip():
            _add_text(ET.SubElement(parent, "p"), paragraph.strip("\n"))


def _num(value: float) -> str:
    value = round(value, 6)
    return str(int(value)) if value == int(value) else repr(value)


def _choices(q: Question) -> list[tuple[str, str, float]]:
    """(identifier, text, fraction) of each choice."""
    if q.kind == "truefalse":
        return [("true", TRUE_LABEL, 100.0 if q.truth else 0.0), ("false", FALSE_LABEL, 0.0 if q.truth else 100.0)]
    return [(_choice_id(index), answer.text, float(answer.fraction)) for index, answer in enumerate(q.answers)]


def _choice_id(index: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[index] if index < len(letters) else f"C{index + 1}"


def _item_xml(q: Question, identifier: str, warn: Any) -> bytes:
    single = q.kind == "truefalse" or q.single
    choices = _choices(q)
    points = q.points if q.points > 0 else 1.0
    best = max(fraction for _id, _text, fraction in choices)
    if single:
        correct = [next(choice_id for choice_id, _text, fraction in choices if fraction == best)]
    else:
        correct = [choice_id for choice_id, _text, fraction in choices if fraction > 0]
    plain = (single and best == 100 and points == 1
             and all(fraction == 0 for _id, _text, fraction in choices if _id not in correct))
    if q.general_feedback or q.true_feedback or q.false_feedback or any(a.feedback for a in q.answers):
        warn("ix_qti_feedback_dropped")

    title = _clean(q.name or q.id_hint or " ".join(q.text.split())[:40] or identifier)
    item = ET.Element("assessmentItem", {
        "xmlns": QTI_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}",
        "identifier": identifier, "title": title, "adaptive": "false", "timeDependent": "false",
        "xml:lang": "ja"})
    response = ET.SubElement(item, "responseDeclaration", {
        "identifier": "RESPONSE", "cardinality": "single" if single else "multiple", "baseType": "identifier"})
    if correct:
        correct_response = ET.SubElement(response, "correctResponse")
        for choice_id in correct:
            ET.SubElement(correct_response, "value").text = choice_id
    if not plain:
        mapping = ET.SubElement(response, "mapping", {
            "lowerBound": "0", "upperBound": _num(points), "defaultValue": "0"})
        for choice_id, _text, fraction in choices:
            if fraction:
                ET.SubElement(mapping, "mapEntry", {
                    "mapKey": choice_id, "mappedValue": _num(fraction / 100 * points), "caseSensitive": "true"})
    score = ET.SubElement(item, "outcomeDeclaration", {
        "identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    ET.SubElement(ET.SubElement(score, "defaultValue"), "value").text = "0"
    maximum = ET.SubElement(item, "outcomeDeclaration", {
        "identifier": "MAXSCORE", "cardinality": "single", "baseType": "float"})
    ET.SubElement(ET.SubElement(maximum, "defaultValue"), "value").text = _num(1 if plain else points)
    body = ET.SubElement(item, "itemBody")
    _paragraphs(body, q.text)
    interaction = ET.SubElement(body, "choiceInteraction", {
        "responseIdentifier": "RESPONSE", "shuffle": "false" if q.kind == "truefalse" else "true",
        "maxChoices": "1" if single else "0"})
    for choice_id, text, _fraction in choices:
        _add_text(ET.SubElement(interaction, "simpleChoice", {"identifier": choice_id}), text)
    ET.SubElement(item, "responseProcessing", {"template": MATCH_CORRECT if plain else MAP_RESPONSE})
    return _document(item)


def _manifest_xml(files: list[tuple[str, str, bytes]]) -> bytes:
    digest = hashlib.sha1(b"".join(content for _id, _href, content in files)).hexdigest()[:16]
    manifest = ET.Element("manifest", {
        "xmlns": CP_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{CP_NS} {CP_XSD}",
        "identifier": f"MANIFEST-{digest}"})
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "QTIv2.1 Package"
    ET.SubElement(metadata, "schemaversion").text = "1.0.0"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    for identifier, href, _content in files:
        resource = ET.SubElement(resources, "resource", {
            "identifier": f"RES-{identifier}", "type": ITEM_RESOURCE_TYPE, "href": href})
        ET.SubElement(resource, "file", {"href": href})
    return _document(manifest)


def _document(root: ET.Element) -> bytes:
    ET.indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode()
