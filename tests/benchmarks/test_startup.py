"""Time to the login window against a bare PySide6 window, measured in the same run.

Goal (issue 3): ≤ 1.5× the bare window.  Both are started as fresh processes, alternately,
several times; the medians are compared.  The app quits as soon as its window is shown
(LITERACY_EXIT_WHEN_SHOWN), before the database has even opened in the background.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

import pytest

from ..conftest import ROOT
from ._report import report

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.resize(1100, 760)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""
RUNS = 15


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


@pytest.mark.benchmark
def test_startup_vs_bare_window(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LITERACY_DATA_DIR": str(tmp_path),
           "LITERACY_EXIT_WHEN_SHOWN": "1", "LITERACY_DB": f"sqlite:///{tmp_path / 'startup.sqlite3'}"}
    app = [sys.executable, "-m", "literacy_app"]  # as staff start it: no arguments
    bare = [sys.executable, "-c", BARE]
    _time(app, env)  # warm the file cache for both, as on a PC that has run the app before
    _time(bare, env)
    app_times, bare_times = [], []
    for _ in range(RUNS):
        app_times.append(_time(app, env))
        bare_times.append(_time(bare, env))
    report("startup to login window (median)", statistics.median(app_times), statistics.median(bare_times), "s",
           "≤ 1.5× a bare PySide6 window")
