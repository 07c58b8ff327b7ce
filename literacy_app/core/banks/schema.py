"""The bank and blueprint file format, as pydantic models.

Structure and types are declared here and checked by pydantic; rules that relate one field to
another (a key must be one of the options, a scenario must exist …) live in ``checks.py`` so
that each problem can point at the exact line of the offending value.

Item ``type`` is a discriminator: each type declares exactly the fields it uses, so an unknown
or misplaced field (``premises`` on a single-choice item) is reported, never silently ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from ..catalog import AreaId, AudienceId

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}$")]
OptionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,15}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class _Strict(BaseModel):
    """Unknown fields are errors: a typo such as ``explantion`` must not vanish silently."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Link(_Strict):
    title: ShortText
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)]


class FrameworkTags(_Strict):
    """Where the item sits in the public frameworks (docs/competence.md)."""

    dss: ShortText | list[ShortText]
    itpassport: Literal["strategy", "management", "technology"]
    digcomp: ShortText | list[ShortText]


class _ItemBase(_Strict):
    id: Identifier
    stem: Text
    area: AreaId
    sub_competence: ShortText
    level: Annotated[int, Field(ge=1, le=4, strict=True)]
    audiences: Annotated[list[AudienceId], Field(min_length=1)]
    tags: FrameworkTags
    reviewed: dt.date
    reviewer: ShortText | None = None
    status: Literal["draft", "approved", "retired"]
    explanation: Text
    points: Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)] = 1.0
    pilot: bool = False
    """A pilot item is being tried out: drawn only into a blueprint's unscored pilot slots."""
    scenario: Identifier | None = None
    image: ShortText | None = None
    links: list[Link] = []
    source: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None
    feedback: dict[Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,15}$")], Text] | None = None
    """Feedback shown in the review for a chosen answer, by option id (``true``/``false`` for a
    true/false item) — Moodle's per-answer feedback, kept so exchanged items lose nothing."""

    @field_validator("feedback", mode="before")
    @classmethod
    def _true_false_keys(cls, value: object) -> object:
        """YAML reads an unquoted ``true:`` key as a boolean; a trainer should not need quotes."""
        if isinstance(value, dict):
            return {(str(key).lower() if isinstance(key, bool) else key): text for key, text in value.items()}
        return value


Percent = Annotated[float, Field(ge=-100, le=100, allow_inf_nan=False)]
"""A Moodle-style answer weight: the percentage of the item's points one option earns or costs."""

Options = dict[OptionId, ShortText]


class SingleItem(_ItemBase):
    type: Literal["single"]
    options: Options
    key: OptionId
    weights: dict[OptionId, Percent] | None = None
    """Partial credit for options other than the key (Moodle's ``~%50%``); the key earns 100."""


class MultipleItem(_ItemBase):
    """Several right options.  ``partial``: each right pick earns 1/R, each wrong pick costs
    1/W (R, W = numbers of right and wrong options), floored at 0 — Moodle's usual weights."""

    type: Literal["multiple"]
    options: Options
    key: Annotated[list[OptionId], Field(min_length=1)]
    scoring: Literal["partial", "all_or_nothing"] = "partial"
    weights: dict[OptionId, Percent] | None = None
    """Explicit Moodle weights instead of the 1/R, 1/W rule: the chosen options' percentages are
    added and the sum is clamped to 0–100.  The key is then the options with a positive weight."""


class TrueFalseItem(_ItemBase):
    type: Literal["true_false"]
    key: Annotated[bool, Field(strict=True)]


class OrderingItem(_ItemBase):
    """Put the options in order.  ``adjacent_pairs`` gives credit for each correctly ordered
    neighbouring pair, so one misplaced step does not zero the item."""

    type: Literal["ordering"]
    options: Options
    key: Annotated[list[OptionId], Field(min_length=2)]
    scoring: Literal["adjacent_pairs", "all_or_nothing"] = "adjacent_pairs"


class MatchingItem(_ItemBase):
    """Match each premise to one option; options may outnumber premises (a distractor)."""

    type: Literal["matching"]
    premises: dict[OptionId, ShortText]
    options: Options
    key: dict[OptionId, OptionId]
    scoring: Literal["per_pair", "all_or_nothing"] = "per_pair"


class NumericKey(_Strict):
    value: Annotated[float, Field(allow_inf_nan=False)]
    tolerance: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 0.0


class NumericItem(_ItemBase):
    type: Literal["numeric"]
    key: NumericKey
    unit: ShortText | None = None


class ShortTextItem(_ItemBase):
    """Accepted answers are compared after NFKC normalisation (full/half width), case folding
    and removal of spaces, so ＡＩ, ai and 'A I' are the same answer."""

    type: Literal["short_text"]
    key: Annotated[list[ShortText], Field(min_length=1)]


Item = Annotated[
    SingleItem | MultipleItem | TrueFalseItem | OrderingItem | MatchingItem | NumericItem | ShortTextItem,
    Field(discriminator="type"),
]


class Scenario(_Strict):
    """A case text read by several items; it stays beside each of them on screen."""

    id: Identifier
    title: ShortText
    text: Text


class BankFile(_Strict):
    bank: Identifier
    title: ShortText
    area_links: dict[AreaId, list[Link]] = {}
    """Public pages to study each area — shown on the result page for weak areas."""
    scenarios: list[Scenario] = []
    items: list[Item] = []


class PassRule(_Strict):
    total_percent: Annotated[float, Field(ge=0, le=100)]
    area_minimum_percent: Annotated[float, Field(ge=0, le=100)] = 0.0
    area_minimums: dict[AreaId, Annotated[float, Field(ge=0, le=100)]] = {}


class Shuffle(_Strict):
    items: bool = True
    options: bool = True


class BlueprintFile(_Strict):
    blueprint: Identifier
    title: ShortText
    audience: AudienceId
    time_limit_minutes: Annotated[int, Field(ge=1, le=600)]
    draw: dict[AreaId, dict[Annotated[int, Field(ge=1, le=4)], Annotated[int, Field(ge=0)]]]
    pilot_items: Annotated[int, Field(ge=0)] = 0
    pass_rule: PassRule
    shuffle: Shuffle = Shuffle()
    review_policy: Literal["always", "never", "after_window"] = "after_window"
    show_pass_fail: bool = True
    access_code_required: bool = False
    max_attempts: Annotated[int, Field(ge=1, le=20)] = 1
    instructions: Text | None = None
