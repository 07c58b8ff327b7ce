"""The format-neutral question, and its conversion to and from a bank item.

A ``Question`` is one question as Moodle's formats (GIFT, Moodle XML) describe it.  Readers turn
a file into questions plus warnings (``ReadResult``); ``to_bank`` turns those into a bank dict that
``literacy_app.core.banks.write.new_bank_text`` writes, and ``from_item`` turns a bank item back into
a question for the writers.  Whatever a bank cannot hold (an essay, a cloze question, a partial-credit
short answer …) becomes a per-question ``InterchangeWarning``, never an exception: only a file that
cannot be read at all raises ``UserError``.

Imported items are ``status: draft`` so that nothing is drawn before a trainer has approved it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from ..catalog import AREAS, SUB_COMPETENCES
from ..errors import UserError
from ..i18n import message
from ..text import normalise_answer

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


# --- question → bank item ------------------------------------------------------------------------

IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}$")
SHORT_TEXT_MAX = 500
TEXT_MAX = 20_000
NO_EXPLANATION = "（解説は未記入です。取り込み元に全体フィードバックがありませんでした）"
UNCLASSIFIED = "未分類（取り込み）"
TAG_PLACEHOLDER = "要確認（取り込み）"
_ITPASSPORT_OF_AREA = {"dx_mindset": "strategy", "data": "strategy", "technology": "technology",
                       "collaboration": "technology", "security": "technology", "digital_gov": "strategy",
                       "dx_management": "management"}
SUPPORTED_KINDS = ("multichoice", "truefalse", "matching", "shortanswer", "numerical")
_SKIP_CODES = {"essay": "ix_skip_essay", "cloze": "ix_skip_cloze", "multianswer": "ix_skip_cloze",
               "description": "ix_skip_description"}


def label(question: Question) -> str:
    """How a warning names a question: its name, else the start of its text."""
    if question.name:
        return question.name
    text = " ".join(question.text.split())
    return text[:20] + ("…" if len(text) > 20 else "")


def option_ids(count: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [letters[i] if i < len(letters) else f"o{i + 1}" for i in range(count)]


def _fmt(number: float) -> str:
    return f"{number:.5f}".rstrip("0").rstrip(".") if number != int(number) else str(int(number))


def to_item(q: Question, *, area: str, item_id: str, today: dt.date,
            source: str | None = None) -> tuple[dict | None, list[InterchangeWarning]]:
    """A bank item dict (valid for ``banks/schema.py``) or None with the reason as a warning.

    ``source`` (optional) is written to the item's ``source`` field, e.g. ``quiz.gift:12 「name」``."""
    warnings: list[InterchangeWarning] = []

    def warn(code: str, **params: Any) -> None:
        warnings.append(InterchangeWarning(q.line, label(q), code, params))

    def skip(code: str, **params: Any) -> tuple[None, list[InterchangeWarning]]:
        warn(code, **params)
        return None, warnings

    if q.kind not in SUPPORTED_KINDS:
        return skip(_SKIP_CODES.get(q.kind, "ix_skip_kind"), kind=q.kind)
    stem = (q.text or "").strip()
    if not stem:
        return skip("ix_empty_text")
    if len(stem) > TEXT_MAX:
        return skip("ix_text_too_long", max=TEXT_MAX)
    item: dict[str, Any] = {"id": item_id, "type": "", "area": area,
                            "sub_competence": _sub_competence(q.category, area), "level": 1,
                            "audiences": ["recruit", "promotion", "manager"], "stem": stem}
    built = {"multichoice": _multichoice, "truefalse": _truefalse, "matching": _matching,
             "shortanswer": _shortanswer, "numerical": _numerical}[q.kind](q, item, warn)
    if not built:
        return None, warnings
    explanation = (q.general_feedback or "").strip()
    item["explanation"] = explanation[:TEXT_MAX] if explanation else NO_EXPLANATION
    item["tags"] = {"dss": TAG_PLACEHOLDER, "itpassport": _ITPASSPORT_OF_AREA.get(area, "technology"),
                    "digcomp": TAG_PLACEHOLDER}
    item["reviewed"] = today
    item["status"] = "draft"
    if q.points != 1.0:
        if 0 < q.points <= 100:
            item["points"] = q.points
        else:
            warn("ix_points_out_of_range", points=_fmt(q.points))
    if source:
        item["source"] = source[:2000]
    problem = _schema_problem(item)
    if problem:
        return skip("ix_item_invalid", detail=problem)
    return item, warnings


def _short(text: str, what: str, warn: Any) -> str | None:
    text = (text or "").strip()
    if not text:
        warn("ix_empty_answer", what=what)
        return None
    if len(text) > SHORT_TEXT_MAX:
        warn("ix_answer_too_long", max=SHORT_TEXT_MAX, text=text[:20] + "…")
        return None
    return text


def _no_duplicates(texts: list[str], warn: Any) -> bool:
    seen: set[str] = set()
    for text in texts:
        normal = normalise_answer(text)
        if normal in seen:
            warn("ix_duplicate_answer", text=text)
            return False
        seen.add(normal)
    return True


def _multichoice(q: Question, item: dict, warn: Any) -> bool:
    texts = [_short(answer.text, "answer", warn) for answer in q.answers]
    if any(text is None for text in texts):
        return False
    minimum = 2 if q.single else 3
    if len(texts) < minimum:
        warn("ix_too_few_answers", min=minimum, count=len(texts))
        return False
    if not _no_duplicates(texts, warn):  # type: ignore[arg-type]
        return False
    ids = option_ids(len(texts))
    item["options"] = dict(zip(ids, texts, strict=True))
    fractions = {option: float(answer.fraction) for option, answer in zip(ids, q.answers, strict=True)}
    for answer in q.answers:
        if not -100 <= answer.fraction <= 100:
            warn("ix_fraction_out_of_range", fraction=_fmt(answer.fraction))
            return False
    positive = [option for option, fraction in fractions.items() if fraction > 0]
    if q.single:
        full = [option for option, fraction in fractions.items() if abs(fraction - 100) < 0.001]
        if not full:
            warn("ix_single_no_full")
            return False
        if len(full) > 1:
            warn("ix_single_many_full", count=len(full))
            return False
        item["type"] = "single"
        item["key"] = full[0]
        weights = {option: _round(fraction) for option, fraction in fractions.items()
                   if option != full[0] and fraction != 0}
        if weights:
            item["weights"] = weights
    else:
        if not positive:
            warn("ix_multiple_no_right")
            return False
        if len(positive) == len(ids):
            warn("ix_multiple_no_wrong")
            return False
        total = sum(fractions[option] for option in positive)
        if abs(total - 100) > 0.01 * len(positive) + 0.001:
            warn("ix_weights_sum", total=_fmt(round(total, 5)))
            return False
        item["type"] = "multiple"
        item["key"] = positive
        right, wrong = len(positive), len(ids) - len(positive)
        default = all(abs(fractions[o] - 100 / right) < 0.01 for o in positive) and all(
            abs(fractions[o] + 100 / wrong) < 0.01 for o in ids if o not in positive)
        if not default:
            item["weights"] = {option: _round(fraction) for option, fraction in fractions.items() if fraction != 0}
    feedback = {option: answer.feedback.strip() for option, answer in zip(ids, q.answers, strict=True)
                if answer.feedback and answer.feedback.strip()}
    if feedback:
        item["feedback"] = feedback
    return True


def _round(number: float) -> float:
    value = round(number, 5)
    return int(value) if value == int(value) else value  # type: ignore[return-value]


def _truefalse(q: Question, item: dict, warn: Any) -> bool:
    if q.truth is None:
        warn("ix_truefalse_no_answer")
        return False
    item["type"] = "true_false"
    item["key"] = bool(q.truth)
    feedback = {}
    if q.true_feedback and q.true_feedback.strip():
        feedback["true"] = q.true_feedback.strip()
    if q.false_feedback and q.false_feedback.strip():
        feedback["false"] = q.false_feedback.strip()
    if feedback:
        item["feedback"] = feedback
    return True


def _matching(q: Question, item: dict, warn: Any) -> bool:
    premises: list[str] = []
    answers: list[str] = []
    links: list[tuple[int, str]] = []
    for premise, answer in q.pairs:
        answer_text = _short(answer, "answer", warn)
        if answer_text is None:
            return False
        if answer_text not in answers:
            answers.append(answer_text)
        if (premise or "").strip():
            premise_text = _short(premise, "premise", warn)
            if premise_text is None:
                return False
            premises.append(premise_text)
            links.append((len(premises) - 1, answer_text))
    if len(premises) < 2 or len(answers) < 2:
        warn("ix_matching_too_few", premises=len(premises), answers=len(answers))
        return False
    if not _no_duplicates(premises, warn) or not _no_duplicates(answers, warn):
        return False
    premise_ids = [f"p{i + 1}" for i in range(len(premises))]
    ids = option_ids(len(answers))
    option_of = dict(zip(answers, ids, strict=True))
    item["type"] = "matching"
    item["premises"] = dict(zip(premise_ids, premises, strict=True))
    item["options"] = dict(zip(ids, answers, strict=True))
    item["key"] = {premise_ids[index]: option_of[text] for index, text in links}
    return True


def _drop_feedback(q: Question, feedbacks: list[str | None], warn: Any) -> None:
    if any(text and text.strip() for text in feedbacks):
        warn("ix_feedback_dropped", kind=q.kind)


def _shortanswer(q: Question, item: dict, warn: Any) -> bool:
    keys: list[str] = []
    for answer in q.answers:
        if abs(answer.fraction - 100) >= 0.001:
            warn("ix_partial_dropped", text=answer.text, fraction=_fmt(answer.fraction))
            continue
        text = _short(answer.text, "answer", warn)
        if text is None:
            return False
        if not normalise_answer(text):
            warn("ix_empty_answer", what="answer")
            return False
        if text not in keys:
            keys.append(text)
    if not keys:
        warn("ix_no_full_answer")
        return False
    if any("*" in key for key in keys):
        warn("ix_wildcard", text=next(key for key in keys if "*" in key))
    _drop_feedback(q, [answer.feedback for answer in q.answers], warn)
    item["type"] = "short_text"
    item["key"] = keys
    return True


def _numerical(q: Question, item: dict, warn: Any) -> bool:
    full = [answer for answer in q.numeric if abs(answer.fraction - 100) < 0.001]
    for answer in q.numeric:
        if answer not in full:
            warn("ix_numeric_partial_dropped", value=_fmt(answer.value), fraction=_fmt(answer.fraction))
    if not full:
        warn("ix_no_full_answer")
        return False
    for extra in full[1:]:
        warn("ix_numeric_extra_dropped", value=_fmt(extra.value))
    key = full[0]
    if key.tolerance < 0:
        warn("ix_numeric_negative_tolerance", tolerance=_fmt(key.tolerance))
        return False
    _drop_feedback(q, [answer.feedback for answer in q.numeric], warn)
    item["type"] = "numeric"
    item["key"] = {"value": _round(key.value), "tolerance": _round(key.tolerance)}
    if q.unit and q.unit.strip() and len(q.unit.strip()) <= SHORT_TEXT_MAX:
        item["unit"] = q.unit.strip()
    return True


def _sub_competence(category: str | None, area: str) -> str:
    if not category:
        return UNCLASSIFIED
    leaf = category.strip("/").split("/")[-1].strip()
    if not leaf or leaf in AREAS:
        return UNCLASSIFIED
    for known in SUB_COMPETENCES.get(area, ()):  # a category spelled as the catalogue names it
        if normalise_answer(known) == normalise_answer(leaf):
            return known
    return leaf[:SHORT_TEXT_MAX]


def _schema_problem(item: dict) -> str | None:
    """The pydantic verdict on one item (the readers' last guard); None when it is valid."""
    from pydantic import TypeAdapter, ValidationError

    from ..banks.schema import Item

    try:
        TypeAdapter(Item).validate_python(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        return f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}"
    return None


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

    kind = item.get("type")
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
    options: dict[str, str] = {str(k): str(v) for k, v in (item.get("options") or {}).items()}
    feedback = {str(k).lower() if isinstance(k, bool) else str(k): str(v)
                for k, v in (item.get("feedback") or {}).items()}
    weights = {str(k): float(v) for k, v in (item.get("weights") or {}).items()}
    if kind == "single":
        q.kind, q.single = "multichoice", True
        key = str(item.get("key"))
        q.answers = [Answer(text, 100.0 if option == key else weights.get(option, 0.0), feedback.get(option))
                     for option, text in options.items()]
    elif kind == "multiple":
        q.kind, q.single = "multichoice", False
        keys = [str(k) for k in item.get("key") or []]
        if item.get("scoring") == "all_or_nothing":
            warn("ix_export_all_or_nothing")
        right, wrong = len(keys), max(1, len(options) - len(keys))
        if weights:
            fractions = {option: weights.get(option, 0.0) for option in options}
        else:
            fractions = {option: 100 / right if option in keys else -100 / wrong for option in options}
        q.answers = [Answer(text, fractions[option], feedback.get(option)) for option, text in options.items()]
    elif kind == "true_false":
        q.kind = "truefalse"
        q.truth = bool(item.get("key"))
        q.true_feedback, q.false_feedback = feedback.get("true"), feedback.get("false")
    elif kind == "matching":
        q.kind = "matching"
        if item.get("scoring") == "all_or_nothing":
            warn("ix_export_all_or_nothing")
        premises = {str(k): str(v) for k, v in (item.get("premises") or {}).items()}
        key = {str(k): str(v) for k, v in (item.get("key") or {}).items()}
        q.pairs = [(text, options.get(key.get(premise, ""), "")) for premise, text in premises.items()]
        used = set(key.values())
        q.pairs += [("", text) for option, text in options.items() if option not in used]
    elif kind == "numeric":
        q.kind = "numerical"
        key = item.get("key") or {}
        q.numeric = [NumericAnswer(float(key.get("value", 0)), float(key.get("tolerance") or 0.0))]
        q.unit = str(item["unit"]) if item.get("unit") else None
    elif kind == "short_text":
        q.kind = "shortanswer"
        q.answers = [Answer(str(text), 100.0) for text in item.get("key") or []]
    else:
        warn("ix_export_kind", kind=str(kind))
        return None, warnings
    return q, warnings


# --- questions → a bank --------------------------------------------------------------------------

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
