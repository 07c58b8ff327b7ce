"""The fixed vocabulary of the product: competence areas, audiences, item types, levels.

Kept in one place so that the bank schema, the scoring, the reports and the UI all speak of the
same seven areas (see docs/competence.md) in the same order.
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

SUB_COMPETENCES: dict[str, tuple[str, ...]] = {
    "dx_mindset": ("住民ニーズの変化", "デジタル化とDXの違い", "利用者中心・サービスデザイン",
                   "変化への適応・学び続ける姿勢"),
    "data": ("検索と信頼性評価", "平均・中央値・グラフを読む", "相関と因果", "データ整理・オープンデータ"),
    "technology": ("PC・ファイル・ソフトウェア", "ネットワーク・LGWAN", "クラウド (SaaS, ガバメントクラウド)",
                   "AI・生成AI・RPA"),
    "collaboration": ("ビジネスチャット・Web会議", "共同編集・表計算", "テレワーク", "生成AIの業務利用"),
    "security": ("標的型攻撃メールと報告", "パスワード・多要素認証", "媒体・持ち出し",
                 "個人情報・マイナンバー・三層分離", "著作権・SNS"),
    "digital_gov": ("オンライン申請・ハンコレス", "マイナンバーカード・マイナポータル", "書かない窓口",
                    "標準化・ガバメントクラウド", "デジタルデバイド・アクセシビリティ"),
    "dx_management": ("ICT提案の評価 (目的・KPI・TCO)", "パッケージ vs 独自開発 (Fit to Standard)",
                      "調達 (RFP・SLA・ロックイン)", "委託先管理・インシデント体制", "EBPM・ロジックモデル"),
}
"""Sub-competences per area, as in docs/competence.md (reports group by them)."""

AudienceId = Literal["recruit", "promotion", "manager"]
AUDIENCES: tuple[str, ...] = ("recruit", "promotion", "manager")
AUDIENCE_NAMES: dict[str, dict[str, str]] = {
    "recruit": {"ja": "新規採用", "en": "New recruits"},
    "promotion": {"ja": "昇任候補", "en": "Promotion candidates"},
    "manager": {"ja": "管理職", "en": "Managers"},
}
AUDIENCE_BY_JA = {names["ja"]: key for key, names in AUDIENCE_NAMES.items()}

LEVELS: tuple[int, ...] = (1, 2, 3, 4)

Role = Literal["trainer", "hr", "admin", "viewer"]
ROLES: tuple[str, ...] = ("trainer", "hr", "admin", "viewer")
"""``viewer``: department heads and the strategy board — the summary and 受験状況 (figures over
blocks of at least N people), never a name or a person's result."""


def area_name(area: str, lang: str = "ja") -> str:
    """Human name of an area, falling back to its id for an area the catalogue lacks."""
    return AREA_NAMES.get(area, {}).get(lang, area)

# Short area labels for chart axes and narrow table columns.
AREA_SHORT = {"dx_mindset": "DX", "data": "データ", "technology": "技術", "collaboration": "協働",
              "security": "セキュリティ", "digital_gov": "行政DX", "dx_management": "マネジメント"}
