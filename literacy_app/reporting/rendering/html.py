"""Render the summary with the Jinja templates in reports/ as a self-contained HTML file (the PDF
prints the same HTML through Qt: ``pdf.py``).

Autoescaping is on: every name and title from the database is text, never markup.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ...core.catalog import AREA_SHORT, AREAS, AUDIENCE_NAMES, area_name
from ...core.fiscal import JST
from ...resources import reports_dir
from ..figures.summary import FEW_PEOPLE, Summary

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
