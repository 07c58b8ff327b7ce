"""The per-area profile drawn by QtCharts: one horizontal bar per area, with its minimum."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


def area_chart(names: list[str], percents: list[float], minimums: list[float], title: str,
               score_label: str, minimum_label: str, parent: QWidget | None = None) -> QChartView:
    """A chart of the examinee's percentage per area beside the pass minimum for that area."""
    scores = QBarSet(score_label)
    scores.append([round(p, 1) for p in percents])
    scores.setColor(QColor("#2f6fd1"))
    needed = QBarSet(minimum_label)
    needed.append([round(m, 1) for m in minimums])
    needed.setColor(QColor("#c9c9c9"))
    series = QHorizontalBarSeries()
    series.append(needed)
    series.append(scores)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    chart = QChart()
    chart.addSeries(series)
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    categories = QBarCategoryAxis()
    categories.append(names)
    values = QValueAxis()
    values.setRange(0, 100)
    values.setLabelFormat("%d%%")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(max(320, 150 + 64 * len(names)))  # room for area names, axis and legend
    view.setAccessibleName(title)
    return view
