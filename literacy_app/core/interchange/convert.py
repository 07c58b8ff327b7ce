"""A question as a bank item: ``to_item`` and the rules of each question kind.

The import direction of the interchange (GIFT / Moodle XML → bank item), kept out of ``common``
because it is most of the rules: which Moodle grades, answers and feedback a bank item can express,
what is dropped with a warning, and the pydantic guard every produced item passes.  Whatever a bank
cannot hold (an essay, a cloze question, a partial-credit short answer …) becomes a per-question
``InterchangeWarning``, never an exception.

Imported items are ``status: draft`` so that nothing is drawn before a trainer has approved it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..catalog import AREAS, SUB_COMPETENCES
from ..text import normalise_answer
from .model import NO_EXPLANATION, SUPPORTED_KINDS, UNCLASSIFIED, InterchangeWarning, Question, label

SHORT_TEXT_MAX = 500
TEXT_MAX = 20_000
TAG_PLACEHOLDER = "要確認（取り込み）"
_ITPASSPORT_OF_AREA = {"dx_mindset": "strategy", "data": "strategy", "technology": "technology",
                       "collaboration": "technology", "security": "technology", "digital_gov": "strategy",
                       "dx_management": "management"}
_SKIP_CODES = {"essay": "ix_skip_essay", "cloze": "ix_skip_cloze", "multianswer": "ix_skip_cloze",
               "description": "ix_skip_description"}


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
    shortened = [_short(answer.text, "answer", warn) for answer in q.answers]
    texts = [text for text in shortened if text is not None]
    if len(texts) < len(shortened):
        return False
    minimum = 2 if q.single else 3
    if len(texts) < minimum:
        warn("ix_too_few_answers", min=minimum, count=len(texts))
        return False
    if not _no_duplicates(texts, warn):
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
    return int(value) if value == int(value) else value


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
