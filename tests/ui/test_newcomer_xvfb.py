"""Issue 13: the newcomer's first run, as a separate process on a real X server, keystrokes only.

From an empty data folder: 初期設定 appears; Alt+T opens 体験モード; the demo number is typed; the
attempt is started, answered and submitted with the keyboard; the result page appears.  A PNG of
each step is taken from the X server; with ``LITERACY_SCREENSHOTS_TO_DOCS=1`` they are written to
docs/screenshots/first-run/ (how the pictures in the docs are made), else beside the test's files.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from ..conftest import ROOT
from ._xvfb import Xvfb, require
from .test_kill import _key, _type

GRAB = ("import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]); "
        "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)")


def _shot(environment: dict[str, str], folder: Path, name: str) -> Path:
    """The whole X screen as a PNG (Qt's own screen grab, in a process of its own)."""
    path = folder / f"{name}.png"
    subprocess.run([sys.executable, "-c", GRAB, str(path)], env=environment, check=True, timeout=60)
    return path


def _rows(url: str, query: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_newcomer_sits_a_try_out_attempt_from_a_fresh_folder_with_the_keyboard_only(tmp_path):
    require("xdotool")
    data = tmp_path / "data"
    data.mkdir()
    shots = ROOT / "docs" / "screenshots" / "first-run" if os.environ.get("LITERACY_SCREENSHOTS_TO_DOCS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    xvfb = Xvfb(tmp_path)
    display = xvfb.start()
    environment = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LITERACY_DATA_DIR": str(data)}
    for name in ("LITERACY_DB", "LITERACY_JOURNAL", "LITERACY_CLIENT_CONFIG", "LITERACY_LANG"):
        environment.pop(name, None)
    log = (tmp_path / "app-output.log").open("wb")
    app = subprocess.Popen([sys.executable, "-m", "literacy_app"], cwd=ROOT, env=environment, stdout=log,
                           stderr=subprocess.STDOUT)
    started = time.monotonic()
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "ICTリテラシー確認"],
                               env=environment, check=True, timeout=60, capture_output=True, text=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", found.stdout.split()[0]], env=environment, check=True,
                       timeout=20)
        time.sleep(4)  # the first start makes the database and publishes the shipped banks
        _shot(environment, shots, "1-setup")
        _key(display, "alt+t")  # 体験モードで試す(&T)
        time.sleep(5)
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "ICTリテラシー確認"],
                               env=environment, check=True, timeout=60, capture_output=True, text=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", found.stdout.split()[-1]], env=environment, check=True,
                       timeout=20)  # the sandbox's window (no window manager here to give it the focus)
        _shot(environment, shots, "2-try-out-login")
        _type(display, "900001")
        _key(display, "Return")
        time.sleep(1.5)
        _key(display, "space")  # 受験する (focused)
        time.sleep(1)
        _key(display, "space")  # 試験を始める (focused)
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "【体験】"], env=environment,
                       check=True, timeout=60, capture_output=True)
        time.sleep(1)
        _shot(environment, shots, "3-try-out-item")
        _key(display, "1")  # the first option, where the item has options
        time.sleep(0.8)
        _key(display, "ctrl+Return")  # 見直し
        time.sleep(1)
        _key(display, "ctrl+Return")  # 提出する…
        time.sleep(1)
        _key(display, "alt+s")  # 提出する(&S)
        time.sleep(3)
        _shot(environment, shots, "4-try-out-result")
        elapsed = time.monotonic() - started
    finally:
        app.kill()
        app.wait(10)
        log.close()
        xvfb.stop()
    sandbox = f"sqlite:///{data / 'sandbox.sqlite3'}"
    finished = _rows(sandbox, "SELECT a.status, a.finished_by, e.staff_no FROM attempt a JOIN examinee e "
                              "ON e.id = a.examinee_id")
    assert finished == [("finished", "examinee", "900001")], (tmp_path / "app-output.log").read_text()
    real = f"sqlite:///{data / 'literacy.sqlite3'}"
    assert _rows(real, "SELECT count(*) FROM examinee") == [(0,)]  # the real database holds nobody
    assert _rows(real, "SELECT count(*) FROM staff_account") == [(0,)]
    assert all((shots / f"{name}.png").stat().st_size > 10_000 for name in
               ("1-setup", "2-try-out-login", "3-try-out-item", "4-try-out-result"))
    print(f"\n[first run] fresh folder → 体験モード → result in {elapsed:.0f} s (with the test's pauses)")
