"""The fixed vocabulary of the product: competence areas, audiences, item types, levels.

Kept in one place so that the bank schema, the scoring, the reports and the UI all speak of the
same seven areas (see ../shared/guides/competence.md) in the same order.
"""

from __future__ import annotations

from typing import Literal

AreaId = Literal[
    "dx_mindset", "data", "technology", "collaboration", "security", "digital_gov", "dx_management"
]
AREAS: tuple[str, ...] = (
    "dx_mindset", "data", "technology", "collaboration", "security", "digital_gov", "dx_management",
)
AREA_NAMES: dict[str, dict[str, str]] = {
    "dx_mindset": {"ja": "DXの理解とマインド・スタンス", "en": "Understanding DX and mindset"},
    "data": {"ja": "データ・情報の活用", "en": "Using data and information"},
    "technology": {"ja": "デジタル技術の基礎", "en": "Digital technology basics"},
    "collaboration": {"ja": "デジタルツールと協働", "en": "Digital tools and collaboration"},
    "security": {"ja": "情報セキュリティ・個人情報・情報モラル",
                 "en": "Security, personal data and ethics"},
    "digital_gov": {"ja": "行政サービスのデジタル化", "en": "Digital public services"},
    "dx_management": {"ja": "DXマネジメントとガバナンス", "en": "DX management and governance"},
}

AudienceId = Literal["recruit", "promotion", "manager"]
AUDIENCES: tuple[str, ...] = ("recruit", "promotion", "manager")
AUDIENCE_NAMES: dict[str, dict[str, str]] = {
    "recruit": {"ja": "新規採用", "en": "New recruits"},
    "promotion": {"ja": "昇任候補", "en": "Promotion candidates"},
    "manager": {"ja": "管理職", "en": "Managers"},
}
AUDIENCE_BY_JA = {names["ja"]: key for key, names in AUDIENCE_NAMES.items()}

ItemType = Literal["single", "multiple", "true_false", "ordering", "matching", "numeric", "short_text"]
ITEM_TYPES: tuple[str, ...] = (
    "single", "multiple", "true_false", "ordering", "matching", "numeric", "short_text",
)
LEVELS: tuple[int, ...] = (1, 2, 3, 4)

Role = Literal["trainer", "hr", "admin"]
ROLES: tuple[str, ...] = ("trainer", "hr", "admin")


def area_name(area: str, lang: str = "ja") -> str:
    """Human name of an area, falling back to its id for an area the catalogue lacks."""
    return AREA_NAMES.get(area, {}).get(lang, area)
