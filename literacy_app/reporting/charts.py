"""Report charts drawn by QtCharts offscreen and returned as PNG bytes.

The reports need a charting library and a PDF made through Qt; using QtCharts for both keeps
one toolkit.  This module (and pdf.py) are the only reporting modules that import Qt; they start
an offscreen QApplication when none exists, so the command line can build reports on a server.
"""

from __future__ import annotations

import os

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication


def ensure_app() -> QApplication:
    """The running QApplication, or a new offscreen one for command-line report building."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    assert isinstance(app, QApplication)
    return app


def bar_chart_png(categories: list[str], series: dict[str, list[float]], title: str, *, maximum: float | None = None,
                  width: int = 900, height: int = 380) -> bytes:
    """A vertical bar chart (one bar set per series) rendered to PNG."""
    ensure_app()
    bars = QBarSeries()
    palette = ["#2f6fd1", "#9aa5b1", "#d9822b"]
    for index, (name, values) in enumerate(series.items()):
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(QColor(palette[index % len(palette)]))
        bars.append(bar_set)
    bars.setLabelsVisible(True)
    bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart = QChart()
    chart.addSeries(bars)
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    axis_y = QValueAxis()
    top = maximum if maximum is not None else max([1.0] + [max(v) for v in series.values() if v]) * 1.15
    axis_y.setRange(0, top)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_x)
    bars.attachAxis(axis_y)
    chart.legend().setVisible(len(series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(width, height)
    image = view.grab().toImage()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)
