"""Printing rendered HTML to an A4 PDF, and the in-app preview document, through Qt.

Qt is imported inside the functions: the HR window has it loaded already, and the command line
loads it only when it prints.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..figures.summary import Summary
from .html import chart_images, render_html


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
