"""Render the summary with the Jinja templates in reports/: a self-contained HTML file, or a PDF
made through Qt (QTextDocument + QPdfWriter; Qt embeds the Japanese font it draws with).

Autoescaping is on: every name and title from the database is text, never markup.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..core.catalog import AREA_SHORT, AREAS, AUDIENCE_NAMES, area_name
from ..core.fiscal import JST
from ..resources import reports_dir
from .summary import FEW_PEOPLE, Summary

FLAG_NAMES = {"negative_discrimination": "識別力が負", "negative_total_covariance": "合計点と逆相関",
              "too_easy": "易しすぎる（正答率95%超）", "too_hard": "難しすぎる（正答率20%未満）"}


@functools.cache
def environment() -> Environment:
    """One environment per process: Jinja compiles each template once and keeps it."""
    env = Environment(loader=FileSystemLoader(str(reports_dir())), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda v: "—" if v is None else f"{v * 100:.1f}%"
    env.filters["pct100"] = lambda v: "—" if v is None else f"{v:.1f}%"
    env.filters["area"] = lambda a: area_name(a)
    env.filters["area_short"] = lambda a: AREA_SHORT.get(a, a)
    env.filters["num1"] = lambda v: "—" if v is None else f"{v:.1f}"
    env.filters["num2"] = lambda v: "—" if v is None else f"{v:.2f}"
    env.filters["flag"] = lambda code: FLAG_NAMES.get(code, code)
    return env


def _change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "—"
    return f"{now - before:+.1f}"


def chart_images(summary: Summary) -> dict[str, bytes]:
    """The report's charts as PNG (QtCharts, offscreen)."""
    from .charts import bar_chart_png

    images: dict[str, bytes] = {}
    if summary.distribution:
        images["distribution"] = bar_chart_png([label for label, _n in summary.distribution],
                                               {"人数": [n for _label, n in summary.distribution]},
                                               "得点率の分布（人数）")
    if summary.area_means:
        areas = [a for a in AREAS if a in summary.area_means]
        series = {summary.label: [summary.area_means[a] or 0 for a in areas]}
        if summary.previous and summary.previous.area_means:
            series["前年度"] = [summary.previous.area_means.get(a) or 0 for a in areas]
        images["areas"] = bar_chart_png([AREA_SHORT[a] for a in areas], series, "領域別の平均得点率（%）",
                                        maximum=100)
    return images


def render_html(summary: Summary, image: Callable[[str], str], generated: dt.date | None = None) -> str:
    env = environment()
    training = yaml.safe_load((reports_dir() / "training.yaml").read_text(encoding="utf-8")) or {}
    template = env.get_template("summary.html.j2")
    return template.render(
        s=summary, css=(reports_dir() / "report.css").read_text(encoding="utf-8"), image=image, areas=AREAS,
        few=FEW_PEOPLE, training=training, change=_change,
        generated=(generated or dt.datetime.now(JST).date()).isoformat(),
        audience_label=lambda key: AUDIENCE_NAMES.get(key, {}).get("ja", key),
        org_label=lambda key: key.rsplit("/", 1)[-1] if key else "（所属なし）")


def write_html(summary: Summary, path: Path, generated: dt.date | None = None) -> None:
    """A single self-contained HTML file: styles inline, charts as data: URIs."""
    path.write_text(render_html(summary, _data_uris(chart_images(summary)), generated), encoding="utf-8")


def _data_uris(images: dict[str, bytes]) -> Callable[[str], str]:
    """Charts inline as data: URIs — the HTML stays one file, and Qt's PDF renderer reads them too."""

    def image(name: str) -> str:
        return "data:image/png;base64," + base64.b64encode(images.get(name, b"")).decode("ascii")

    return image


def write_pdf(summary: Summary, path: Path, generated: dt.date | None = None) -> None:
    """A4 PDF through Qt: the same template, the charts handed to the document as resources."""
    html = render_html(summary, lambda name: f"chart-{name}", generated)
    print_pdf(html, chart_images(summary), path, f"ICTリテラシー確認 結果報告 {summary.label}")


def qt_document(html: str, images: dict[str, bytes]) -> Any:
    """A QTextDocument of rendered HTML with its charts (for the PDF and the in-app preview).

    The HTML refers to each chart as ``<img src="chart-NAME">``; ``images`` maps NAME to PNG bytes.
    Qt's rich-text engine drops <img> with long data: URIs, so a marker paragraph takes each
    image's place and the picture is inserted there with a text cursor.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QTextDocument

    from .charts import ensure_app

    ensure_app()
    html = re.sub(r'<img[^>]*src="chart-(\w+)"[^>]*>', r'<p class="chart">[[chart:\1]]</p>', html)
    document = QTextDocument()
    document.setHtml(html)
    for name, data in images.items():
        found = document.find(f"[[chart:{name}]]")
        if not found.isNull():
            picture = QImage.fromData(data)
            found.removeSelectedText()
            found.insertImage(picture.scaledToWidth(580, Qt.TransformationMode.SmoothTransformation))
    return document


def summary_document(summary: Summary, generated: dt.date | None = None) -> Any:
    """The summary as a QTextDocument, exactly as it will print."""
    return qt_document(render_html(summary, lambda name: f"chart-{name}", generated), chart_images(summary))


def print_pdf(html: str, images: dict[str, bytes], path: Path, title: str) -> None:
    """Print rendered HTML (charts as ``chart-NAME``) to an A4 PDF through Qt."""
    print_document(qt_document(html, images), path, title)


def print_document(document: Any, path: Path, title: str) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(path))
    # print_() lays out a document without a page size inside its own 2 cm margin (and numbers the
    # pages below it): 2 mm more here gives ~22 mm on every side, like reports/report.css's @page.
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(2, 2, 2, 2), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("literacy-app")
    document.print_(writer)  # paginates to the writer's A4 page itself


def summary_tables(summary: Summary) -> list[Any]:
    """The summary as tables for xlsx / CSV export (suppressed groups show no figures)."""
    from ..core.tables import Table

    def rows(groups, label):  # type: ignore[no-untyped-def]
        for g in groups:
            figures = ([None] * (3 + len(AREAS)) if g.suppressed else
                       [g.people, g.mean_percent, g.pass_rate] + [g.area_means.get(a) for a in AREAS])
            yield [label(g.key), "非表示（少人数）" if g.suppressed else ""] + figures

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
