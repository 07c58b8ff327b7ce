"""One person's 個人結果票 as an A4 PDF: the same stylesheet and Qt printing as the summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from ...core.catalog import AREA_SHORT
from ...core.fiscal import JST, fiscal_label
from ...resources import reports_dir
from ..figures.person import STUDY_BELOW, PersonResults
from .html import environment
from .pdf import print_pdf


def person_chart_images(results: PersonResults) -> dict[str, bytes]:
    """Per attempt, its areas' percents beside their minimums (QtCharts, offscreen)."""
    from .charts import bar_chart_png

    images: dict[str, bytes] = {}
    for attempt in results.attempts:
        if attempt.areas:
            images[f"areas{attempt.attempt_id}"] = bar_chart_png(
                [AREA_SHORT.get(a.area, a.area) for a in attempt.areas],
                {"得点率": [a.percent for a in attempt.areas], "最低基準": [a.minimum_percent for a in attempt.areas]},
                "領域別の得点率（%）", maximum=100)
    return images


def render_person_html(results: PersonResults, generated: dt.date | None = None) -> str:
    training = yaml.safe_load((reports_dir() / "training.yaml").read_text(encoding="utf-8")) or {}
    return environment().get_template("person.html.j2").render(
        p=results, css=(reports_dir() / "report.css").read_text(encoding="utf-8"), training=training,
        year_label=fiscal_label(results.year) if results.year is not None else None, study_below=STUDY_BELOW,
        generated=(generated or dt.datetime.now(JST).date()).isoformat())


def write_person_pdf(results: PersonResults, path: Path, generated: dt.date | None = None) -> None:
    """The 個人結果票 as an A4 PDF (the same stylesheet and Qt printing as the summary)."""
    print_pdf(render_person_html(results, generated), person_chart_images(results), path,
              f"ICTリテラシー確認 個人結果票 {results.staff_no}")


def write_people_pdf(people: list[PersonResults], path: Path, generated: dt.date | None = None) -> None:
    """Several 個人結果票 in one PDF, each starting on a new page (one stylesheet, one document)."""
    import re

    bodies, images = [], {}
    for number, results in enumerate(people):
        html = render_person_html(results, generated)
        body = re.search(r"<body[^>]*>(.*)</body>", html, re.S)
        style = "" if number == 0 else ' style="page-break-before: always"'
        bodies.append(f"<div{style}>{body.group(1) if body else html}</div>")
        images.update(person_chart_images(results))
    first = render_person_html(people[0], generated) if people else "<html><body></body></html>"
    head = first[:first.index("<body")] if "<body" in first else "<html>"
    print_pdf(f"{head}<body>{''.join(bodies)}</body></html>", images, path, "ICTリテラシー確認 個人結果票")
