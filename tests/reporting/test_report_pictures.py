"""scripts/report_pictures.py (behind scripts/report-pictures): the summary HTML shown by a real
headless Chromium and a PDF page rasterised by QtPdf, both checked to be real pictures."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import numpy as np
import pytest

from literacy_app.reporting.figures.summary import build_summary
from literacy_app.reporting.rendering.html import write_html
from literacy_app.reporting.rendering.pdf import write_pdf

from ..conftest import ROOT
from .test_summary import HR, ORGS, _sit

SCRIPT = ROOT / "scripts" / "report_pictures.py"


def _pixels(path) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The PNG as rows of 0xAARRGGBB values."""
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull(), f"{path} is not a PNG"
    rows = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return rows[:, : image.width()].copy()


def _assert_a_real_picture(pixels: np.ndarray) -> None:
    red, green, blue = (pixels >> 16) & 0xFF, (pixels >> 8) & 0xFF, pixels & 0xFF
    assert len(np.unique(pixels)) > 50, "hardly more than one colour: a blank picture"
    dark = (red < 90) & (green < 90) & (blue < 90)  # text
    assert dark.mean() > 0.005, f"only {dark.mean():.2%} dark pixels: no text"
    chart_blue = (abs(red.astype(int) - 0x2F) < 40) & (abs(green.astype(int) - 0x6F) < 40) & (blue > 0xB0)
    assert chart_blue.sum() > 500, "no chart bars (#2f6fd1): the embedded chart image is missing"


@pytest.mark.slow
def test_report_pictures_of_the_html_in_chromium_and_of_a_pdf_page(tmp_path, clock, cli_database, qapp):
    _url, database = cli_database
    staff = [(f"{n:06d}", org) for n, org in enumerate(ORGS, start=1)]
    share = {staff_no: (n % 5) / 4 for n, (staff_no, _org) in enumerate(staff)}
    _sit(database, clock, staff, share, dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    write_html(summary, tmp_path / "summary.html", generated=dt.date(2026, 11, 27))
    write_pdf(summary, tmp_path / "summary.pdf", generated=dt.date(2026, 11, 27))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for kind, source in (("html", "summary.html"), ("pdf", "summary.pdf")):
        result = subprocess.run([sys.executable, str(SCRIPT), kind, str(tmp_path / source),
                                 str(tmp_path / f"{kind}.png")], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr  # Chromium: installed by scripts/run-tests

    html = _pixels(tmp_path / "html.png")
    # A4-wide window; as tall as the page and no taller (the blank rows below it are cut off)
    assert html.shape[1] == 794 and 1000 < html.shape[0] < 4000, html.shape
    _assert_a_real_picture(html)
    assert (html[-60:] != 0xFFFFFFFF).any(), "the page should end just above the picture's bottom edge"

    page = _pixels(tmp_path / "pdf.png")
    assert page.shape == (1286, 909)  # A4 at 110 dpi
    _assert_a_real_picture(page)
