"""Kill the real app with SIGKILL mid-attempt: every answer given so far is already stored.

The app runs as a separate process on a real X server (Xvfb) and is driven by keyboard through
xdotool exactly as an examinee would; the answers are then read back with the real
``literacy-app export responses`` command.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from literacy_app.storage.models import Attempt, AttemptItem, ItemVersion

from ..conftest import ROOT
from ._xvfb import Xvfb, require
from .conftest import Exam

CHOICE_TYPES = {"single", "multiple", "true_false"}
PAGES = 8


def _key(display: str, *keys: str) -> None:
    for key in keys:
        subprocess.run(["xdotool", "key", "--clearmodifiers", key], env={**os.environ, "DISPLAY": display},
                       check=True, timeout=20)
        time.sleep(0.25)


def _type(display: str, text: str) -> None:
    subprocess.run(["xdotool", "type", "--delay", "60", text], env={**os.environ, "DISPLAY": display}, check=True,
                   timeout=20)


def _wait_for_page(exam: Exam, position: int) -> None:
    """The app records the page on screen (for resume); wait until it shows ``position``."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with exam.database.uow(read_only=True) as uow:
            if uow.session.scalar(select(Attempt.last_position)) == position:
                return
        time.sleep(0.1)
    raise AssertionError(f"PageDown did not bring item {position} on screen")


@pytest.mark.slow
def test_sigkill_mid_attempt_loses_no_answer(tmp_path):
    require("xdotool")
    exam = Exam(tmp_path)
    xvfb = Xvfb(tmp_path)
    display = xvfb.start()
    environment = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LITERACY_DATA_DIR": str(tmp_path)}
    environment.pop("LITERACY_DB", None)
    log = (tmp_path / "app-output.log").open("wb")  # a file, not a pipe nobody reads: it could fill up
    app = subprocess.Popen([sys.executable, "-m", "literacy_app", "--db", exam.url], cwd=ROOT, env=environment,
                           stdout=log, stderr=subprocess.STDOUT)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "ICTリテラシー確認"],
                               env=environment, check=True, timeout=60, capture_output=True, text=True)
        window_id = found.stdout.split()[0]
        # no window manager on Xvfb: give the window the keyboard focus as a desktop would
        subprocess.run(["xdotool", "windowfocus", "--sync", window_id], env=environment, check=True, timeout=20)
        time.sleep(2.0)  # the database opens in the background; the login button waits for it
        _type(display, "000123")
        _key(display, "Return")
        time.sleep(1.5)
        _key(display, "space")   # 受験する (focused)
        time.sleep(1.0)
        _key(display, "space")   # 試験を始める (focused)
        # the window title names the exam once the first item is on screen
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "テスト試験"], env=environment,
                       check=True, timeout=60, capture_output=True)
        with exam.database.uow(read_only=True) as uow:
            positions = list(uow.session.execute(
                select(AttemptItem.position, ItemVersion.type)
                .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
                .join(Attempt, Attempt.id == AttemptItem.attempt_id).order_by(AttemptItem.position)))
        time.sleep(0.5)
        answered = 0
        for position, kind in positions[:PAGES]:
            if kind in CHOICE_TYPES:
                _key(display, "1")
                answered += 1
            _key(display, "Next")  # PageDown: also leaves a text field, where → moves the cursor
            _wait_for_page(exam, position + 1)
        assert answered >= 3
        time.sleep(1.0)
        app.send_signal(signal.SIGKILL)
        app.wait(10)
    finally:
        if app.poll() is None:
            app.kill()
        log.close()
        xvfb.stop()
    out = tmp_path / "responses.csv"
    export = subprocess.run([sys.executable, "-m", "literacy_app", "--db", exam.url, "export", "responses",
                             "--out", str(out)], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert export.returncode == 0, export.stderr
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))[1:]
    assert len(rows) == answered
    assert all(row[0] == "000123" and row[5] for row in rows)
    exam.database.dispose()
