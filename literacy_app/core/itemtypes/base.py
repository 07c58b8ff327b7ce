"""What every item type module provides, and the content fields all types share.

An item type is one module under ``core/itemtypes/`` holding one ``ItemType`` subclass: its typed
content after publish, how a response is checked and scored, what of the item an examinee may
see before the review policy allows more (``examinee_view``), the bank rules that relate its
fields, how its key and responses read in words, and its mapping to Moodle's question model.
Nothing else in the program branches on the type name, so "what may leave the server for this
item?" and "how is it scored?" each have exactly one answer.

Kept free of Qt and pydantic: the examinee window imports these rules at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from ..errors import UserError
from ..interchange.model import Question

AddProblem = Callable[..., None]
"""``add(field, code, entry=None, **params)``: report a bank problem at an item's field."""

Warn = Callable[..., None]
"""``warn(code, **params)``: an interchange warning for the question being converted."""

VIEW_FIELDS = ("type", "stem", "area", "points", "options", "premises", "unit", "scenario", "image")
"""Everything an examinee view may hold.  ``examinee_view`` builds from this allow-list, so a
field added to the content later (a key, a note) cannot leak by default."""


@dataclass(frozen=True, kw_only=True)
class ItemContent:
    """A published item version's content, typed: the fields every type has.

    Built from the stored JSON (``core.content.item_content``) by ``ItemType.parse``; the
    subclass of each type adds its key and scoring rule.
    """

    type: str
    stem: str
    area: str
    points: float
    explanation: str
    options: tuple[tuple[str, str], ...] = ()
    premises: tuple[tuple[str, str], ...] = ()
    unit: str | None = None
    scenario: Mapping[str, str] | None = None
    image: Mapping[str, str] | None = None
    links: tuple[Mapping[str, str], ...] = ()
    feedback: Mapping[str, str] = field(default_factory=dict)

    @property
    def option_ids(self) -> list[str]:
        return [key for key, _text in self.options]


def common_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The shared fields of stored content, as ``ItemContent``'s keyword arguments."""
    return {
        "type": raw["type"], "stem": raw.get("stem", ""), "area": raw.get("area", ""),
        "points": float(raw.get("points", 1.0)), "explanation": raw.get("explanation", ""),
        "options": tuple((str(k), str(t)) for k, t in raw.get("options", [])),
        "premises": tuple((str(k), str(t)) for k, t in raw.get("premises", [])),
        "unit": raw.get("unit"), "scenario": raw.get("scenario"), "image": raw.get("image"),
        "links": tuple(raw.get("links", [])), "feedback": dict(raw.get("feedback") or {}),
    }


C = TypeVar("C", bound=ItemContent)


def bad_response(detail: str) -> UserError:
    """The refusal of a response whose shape does not fit the item (nothing is stored)."""
    return UserError("bad_response", detail=detail)


class ItemType(Generic[C]):
    """The behaviour of one item type.  Subclasses set the class attributes and override the
    methods their type needs; the defaults suit a type without options."""

    name: ClassVar[str]
    label: ClassVar[str]
    """The type's name as trainers read it (Japanese; the UI translates its own copy)."""
    min_options: ClassVar[int] = 0
    """Fewest options a bank item of this type may have (0: the type has no options)."""
    shuffle_options: ClassVar[bool] = False
    """Whether the blueprint's ``shuffle.options`` applies to this type's options."""
    choice: ClassVar[bool] = False
    """Responses name options whose shares distractor analysis counts (``chosen_options``)."""
    moodle_kind: ClassVar[str | None] = None
    """The Moodle question type this type is exchanged as (``Question.kind``); None: not exchanged."""

    # --- published content -------------------------------------------------------------------

    def parse(self, raw: Mapping[str, Any]) -> C:
        """Typed content from the stored JSON of a published version."""
        raise NotImplementedError

    def examinee_view(self, content: C, option_order: Sequence[str]) -> dict[str, Any]:
        """What an examinee may see of the item before the review policy allows more: the text,
        the options in the order drawn for this attempt, premises, unit, case text and picture —
        never the key, the explanation, weights, scoring rule or per-answer feedback.  The result
        is plain JSON; it is the only form of an item that leaves the server for an attempt."""
        texts = dict(content.options)
        view: dict[str, Any] = {
            "type": content.type, "stem": content.stem, "area": content.area, "points": content.points,
            "options": [[key, texts[key]] for key in option_order],
            "premises": [list(pair) for pair in content.premises],
            "unit": content.unit,
            "scenario": dict(content.scenario) if content.scenario else None,
            "image": dict(content.image) if content.image else None,
        }
        assert set(view) <= set(VIEW_FIELDS)
        return view

    def arrange(self, option_ids: Sequence[str], shuffle: bool, rng: Any) -> list[str]:
        """The option order an attempt shows (``rng`` is the form's seeded ``random.Random``)."""
        order = list(option_ids)
        if self.shuffle_options and shuffle:
            rng.shuffle(order)
        return order

    # --- responses ---------------------------------------------------------------------------

    def normalise(self, content: ItemContent, response: Any) -> Any:
        """Check a (non-None) response's shape and return its stored form, or raise
        ``UserError('bad_response')`` so a bad client never stores what the scorer would misread.
        Needs only what the examinee sees (options, premises): never the key."""
        raise NotImplementedError

    def score(self, content: C, response: Any) -> float:
        """Fraction in [0, 1] of the item's points that a (normalised, non-None) response earns."""
        raise NotImplementedError

    def correct_response(self, content: C) -> Any:
        """A response that earns full marks (the self-check sits attempts with these)."""
        raise NotImplementedError

    def feedback_keys(self, response: Any) -> list[str]:
        """Which per-answer feedback entries a response selects, in the order chosen."""
        return []

    def chosen_options(self, response: Any) -> list[str]:
        """Option ids a stored response names, for distractor shares (choice types only)."""
        return []

    # --- words -------------------------------------------------------------------------------

    def describe(self, value: Any, view: Mapping[str, Any], lang: str) -> str:
        """A response or key in words, with the option texts of ``view`` (an examinee view or a
        review entry: anything with ``options``, ``premises`` and ``unit``)."""
        return str(value)

    def key_summary(self, key: Any) -> str:
        """The stored key as a trainer reads it in a version history (ids, not texts)."""
        return str(key)

    # --- bank rules --------------------------------------------------------------------------

    def check(self, item: Any, add: AddProblem) -> None:
        """Rules relating this type's fields in a bank file (``item`` is the validated model)."""

    def feedback_answers(self, item: Any) -> set[str]:
        """The answers per-answer feedback may name for this item."""
        return set()

    # --- interchange -------------------------------------------------------------------------

    def to_question(self, item: Mapping[str, Any], question: Question, warn: Warn) -> None:
        """Fill ``question`` (Moodle's model) from a bank item in file form (options as a dict)."""
        raise NotImplementedError


def option_texts(view: Mapping[str, Any], field_name: str = "options") -> dict[str, str]:
    return {str(key): str(text) for key, text in view.get(field_name) or []}


def choice_feedback(item: Mapping[str, Any]) -> dict[str, str]:
    """A file item's per-answer feedback with YAML's boolean keys spelled ``true``/``false``."""
    return {str(k).lower() if isinstance(k, bool) else str(k): str(v)
            for k, v in (item.get("feedback") or {}).items()}
