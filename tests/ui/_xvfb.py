"""A real X server (Xvfb) for tests that drive the app as a separate process with xdotool."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (scripts/run-tests installs it on Debian)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


class Xvfb:
    def __init__(self, folder: Path) -> None:
        self.binary = require("Xvfb")
        self.display = ""
        self.process: subprocess.Popen[bytes] | None = None
        self.folder = folder

    def start(self) -> str:
        for number in range(90, 140):
            if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
                continue
            self.process = subprocess.Popen([self.binary, f":{number}", "-screen", "0", "1280x900x24", "-nolisten",
                                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    self.display = f":{number}"
                    return self.display
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        raise RuntimeError("Xvfb did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
