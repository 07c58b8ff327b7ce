"""Pictures of HR's reports, for docs/report/ (run through scripts/report-pictures).

    report_pictures.py year                     the current 年度 (Japan time), e.g. 2026
    report_pictures.py person DB_URL YEAR       a 職員番号 whose 個人結果票 makes a typical picture
    report_pictures.py html FILE.html OUT.png   the HTML as headless Chromium shows it, full length
    report_pictures.py pdf FILE.pdf OUT.png     the PDF's first page, rendered by QtPdf

The HTML is shown by a real browser (Chromium) at an A4-like width; the PDF pages are rasterised
by Qt's own PDF renderer (PySide6.QtPdf), so no other PDF tool is needed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

A4_WIDTH = 794  # CSS px: 210 mm at 96 px per inch
PDF_DPI = 110
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _qt_app():  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def chromium() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("Chromium がありません / Chromium not found (apt-get install chromium)")


def _blank_rows_at_bottom(image) -> int:  # type: ignore[no-untyped-def]
    """How many rows at the bottom of an RGB32 image are plain white."""
    import numpy as np

    rows = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    inked = np.flatnonzero((rows[:, : image.width()] != 0xFFFFFFFF).any(axis=1))
    return image.height() - 1 - int(inked[-1]) if inked.size else image.height()


def html_to_png(html: Path, out: Path, width: int = A4_WIDTH, height: int = 4000, margin: int = 24) -> Path:
    """Screenshot ``html`` in headless Chromium, ``width`` px wide and as tall as the page.

    Chromium's --screenshot takes the window only, so the window grows until the page ends above
    its bottom edge; the white rows below the page are then cut off (``margin`` of them kept).
    """
    _qt_app()
    from PySide6.QtGui import QImage

    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        shot = Path(profile) / "shot.png"
        while True:
            subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--no-first-run", "--force-device-scale-factor=1", f"--user-data-dir={profile}/data",
                            f"--window-size={width},{height}", f"--screenshot={shot}", html.resolve().as_uri()],
                           check=True, capture_output=True, timeout=120)
            image = QImage(str(shot)).convertToFormat(QImage.Format.Format_RGB32)
            if image.isNull():
                raise SystemExit(f"Chromium wrote no picture of {html}")
            blank = _blank_rows_at_bottom(image)
            if blank > margin or height >= 32000:
                break
            height *= 2
    image = image.copy(0, 0, image.width(), image.height() - blank + margin)
    if not image.save(str(out)):
        raise SystemExit(f"cannot write {out}")
    return out


def pdf_page_to_png(pdf: Path, out: Path, dpi: int = PDF_DPI, page: int = 0) -> Path:
    """Page ``page`` of ``pdf`` at ``dpi``, on white (QtPdf)."""
    _qt_app()
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_ or page >= document.pageCount():
        raise SystemExit(f"cannot read page {page + 1} of {pdf}")
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise SystemExit(f"cannot write {out}")
    return out


def current_year() -> int:
    from literacy_app.core.fiscal import fiscal_year

    return fiscal_year(dt.datetime.now(dt.timezone(dt.timedelta(hours=9))))


def typical_person(url: str, year: int) -> str:
    """A 職員番号 who passed in ``year`` with an area under 60 %: a sheet with study advice."""
    from sqlalchemy import and_, select

    from literacy_app.core.fiscal import fiscal_year_instants
    from literacy_app.storage.engine import make_engine
    from literacy_app.storage.models import Assessment, Attempt, AttemptAreaScore, Examinee

    start, end = fiscal_year_instants(year)
    weak = select(AttemptAreaScore.attempt_id).where(AttemptAreaScore.percent < 60)
    query = (select(Examinee.staff_no).join(Attempt, Attempt.examinee_id == Examinee.id)
             .join(Assessment, Assessment.id == Attempt.assessment_id)
             .where(Attempt.status == "finished", and_(Assessment.opens_at >= start, Assessment.opens_at < end))
             .order_by(Examinee.staff_no).limit(1))
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            staff_no = (connection.scalar(query.where(Attempt.passed.is_(True), Attempt.id.in_(weak)))
                        or connection.scalar(query))
    finally:
        engine.dispose()
    if staff_no is None:
        raise SystemExit(f"no finished attempt in {year}")
    return staff_no


def main(argv: list[str]) -> int:
    match argv:
        case ["year"]:
            print(current_year())
        case ["person", url, year]:
            print(typical_person(url, int(year)))
        case ["html", html, out]:
            print(f"wrote {html_to_png(Path(html), Path(out))}")
        case ["pdf", pdf, out]:
            print(f"wrote {pdf_page_to_png(Path(pdf), Path(out))}")
        case _:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
