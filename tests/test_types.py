"""Type checking is part of the suite: mypy over the Qt-free layers (configured in pyproject.toml)
must be clean, and every ``type: ignore`` there says on its line why it is needed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("core", "storage", "services", "reporting")


def test_mypy_is_clean():
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_type_ignore_gives_a_reason():
    bare = []
    for package in CHECKED:
        for path in sorted((ROOT / "literacy_app" / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                found = re.search(r"#\s*type:\s*ignore(\[[^\]]*\])?(.*)$", line)
                if found and not re.search(r"#\s*\S", found.group(2)):
                    bare.append(f"{path.relative_to(ROOT)}:{number}")
    assert bare == [], "say why after the ignore: `# type: ignore[code]  # reason`"
