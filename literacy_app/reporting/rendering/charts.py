"""Report charts drawn by QtCharts offscreen and returned as PNG bytes.

The reports need a charting library and a PDF made through Qt; using QtCharts for both keeps
one toolkit.  This module (and pdf.py) are the only reporting modules that import Qt; they start
an offscreen QApplication when none exists, so the command line can build reports on a server.
"""

from __future__ import annotations

import os

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QValueAxis
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

# The reports' font (reports/report.css): BIZ UDPGothic where installed (Windows 10+, Debian's
# fonts-morisawa-bizud-gothic), else Noto Sans CJK JP.
FONT_FAMILIES = ["BIZ UDPGothic", "Noto Sans CJK JP", "Yu Gothic", "Meiryo"]
SCALE = 2  # pixels per logical pixel: sharp on high-DPI screens and in print


def ensure_app() -> QApplication:
    """The running QApplication, or a new offscreen one for command-line report building."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    assert isinstance(app, QApplication)
    return app


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def bar_chart_png(categories: list[str], series: dict[str, list[float]], title: str, *, maximum: float | None = None,
                  width: int = 640, height: int = 260) -> bytes:
    """A vertical bar chart (one bar set per series) rendered to PNG.

    ``width`` × ``height`` is the size the chart is shown at (the reports show it 640 px wide), so its
    text keeps a readable size; the PNG has SCALE times as many pixels.
    """
    ensure_app()
    bars = QBarSeries()
    palette = ["#2f6fd1", "#9aa5b1", "#d9822b"]
    for index, (name, values) in enumerate(series.items()):
        bar_set = QBarSet(name)
        bar_set.append([round(float(v), 1) for v in values])  # labels: 56.1, not 56.1404
        bar_set.setColor(QColor(palette[index % len(palette)]))
        bar_set.setLabelFont(_font(11))
        bar_set.setLabelColor(QColor("#1b1b1b"))
        bars.append(bar_set)
    bars.setLabelsVisible(len(series) == 1)  # side-by-side labels overlap; the report's table has the figures
    bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart = QChart()
    chart.addSeries(bars)
    chart.setTitle(title)
    chart.setTitleFont(_font(13, bold=True))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(6, 8, 10, 6))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    axis_x.setLabelsFont(_font(11))
    axis_x.setTruncateLabels(False)
    axis_y = QValueAxis()
    axis_y.setLabelsFont(_font(11))
    top = maximum if maximum is not None else max([1.0] + [max(v) for v in series.values() if v]) * 1.15
    axis_y.setRange(0, top)
    axis_y.setLabelFormat("%d")
    if maximum is None:
        axis_y.applyNiceNumbers()
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_x)
    bars.attachAxis(axis_y)
    chart.legend().setVisible(len(series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(_font(11))
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, width, height))
    chart.layout().activate()  # lay out the axes and labels now, without running the event loop
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width * SCALE, height * SCALE), QRectF(0, 0, width, height))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 6.11 accepts only str here
    return bytes(data.data())
