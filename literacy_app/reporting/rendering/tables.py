"""The summary as plain tables for the xlsx and CSV exports."""

from __future__ import annotations

from typing import Any

from ...core.catalog import AREAS, AUDIENCE_NAMES, area_name
from ...core.tables import Table
from ..figures.summary import Summary

NOT_MEASURED = "対象外"
PARTIAL = "一部は上位の「その他（少人数）」に含む"


def summary_tables(summary: Summary) -> list[Any]:
    """The summary as tables for xlsx / CSV export: a suppressed group shows no figures and says
    「非表示（少人数）」; an area its tests do not measure says 「対象外」 — two different blanks."""
    def rows(groups, label):
        for g in groups:
            areas = [g.area_means[a] if a in g.area_means else NOT_MEASURED for a in AREAS]
            figures = [None] * (3 + len(AREAS)) if g.suppressed else [g.people, g.mean_percent, g.pass_rate, *areas]
            note = "非表示（少人数）" if g.suppressed else (PARTIAL if g.partial else "")
            yield [label(g.key), note] + figures

    headers = ["集団", "備考", "人数", "平均得点率(%)", "合格率"] + [area_name(a) for a in AREAS]
    return [
        Table("全体", ["年度", "対象者", "受験完了", "平均得点率(%)", "合格率"],
              [[summary.label, summary.eligible, summary.finished, summary.mean_percent, summary.pass_rate]],
              {4: "0.0%"}),
        Table("区分別", headers, list(rows(summary.by_audience,
                                         lambda k: AUDIENCE_NAMES.get(k, {}).get("ja", k))), {4: "0.0%"}),
        Table("所属別", headers, list(rows(summary.by_org, lambda k: k or "（所属なし）")), {4: "0.0%"}),
        Table("得点分布", ["得点率", "人数"], [list(pair) for pair in summary.distribution]),
    ]
