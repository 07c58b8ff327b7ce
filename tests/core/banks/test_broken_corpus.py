"""The broken-file corpus: each file under tests/_files/broken/ has exactly one defect.

For each case listed in ``tests/_files/broken/expected.yaml`` the real command line
(``python -m literacy_app bank validate PATH``) must exit 1, print no traceback, print every
problem as ``file:line:col: message``, and report first the problem the manifest names, at the
line where the defect was written.  The code and the full list of problems are checked
in-process with ``validate_paths``; the subprocess checks the exit code, the output format and
the rendered message.
"""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from literacy_app.core.banks import validate_paths
from literacy_app.core.i18n import MESSAGES

ROOT = Path(__file__).resolve().parents[3]
FILES = ROOT / "tests" / "_files"
BROKEN = FILES / "broken"
VALID_EXAMPLE = FILES / "banks" / "valid-example.yaml"
MANIFEST: dict[str, dict] = yaml.safe_load((BROKEN / "expected.yaml").read_text(encoding="utf-8"))
TIMEOUT = 20  # seconds; also the guard for the alias bomb and the 50 MB file

MIN_CASES = 34


def _rel(path: Path) -> str:
    """The path as the command line is given it (relative to the repository, / separators)."""
    return path.relative_to(ROOT).as_posix()


def run_validate(*paths: str, lang: str | None = None, data_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["LITERACY_DATA_DIR"] = str(data_dir)  # the log file goes here, not to the user's folder
    env.pop("LITERACY_LANG", None)
    env.pop("LITERACY_DB", None)
    env["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "-m", "literacy_app"]
    if lang:
        command += ["--lang", lang]
    command += ["bank", "validate", *paths]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=TIMEOUT)


def message_pattern(code: str, lang: str) -> re.Pattern[str]:
    """A regex matching any rendering of the message template for ``code``."""
    template = MESSAGES[code][lang]
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".+?")
    return re.compile("".join(parts), re.DOTALL)


PROBLEM_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def _case_params() -> list:
    params = []
    for name, case in MANIFEST.items():
        marks = []
        if case.get("xfail_reason"):
            marks.append(pytest.mark.xfail(reason=case["xfail_reason"], strict=True))
        params.append(pytest.param(name, case, id=name, marks=marks))
    return params


def test_corpus_is_complete() -> None:
    """Every case in the folder is in the manifest and the other way round."""
    on_disk = {p.name for p in BROKEN.iterdir() if p.name != "expected.yaml"}
    assert on_disk == set(MANIFEST)
    assert len(MANIFEST) >= MIN_CASES
    for name, case in MANIFEST.items():
        assert case["code"] in MESSAGES, name
        assert isinstance(case["line"], int) and case["line"] >= 1, name
        assert (BROKEN / name).is_dir() == ("file" in case), name


@pytest.mark.parametrize(("name", "case"), _case_params())
def test_broken_case(name: str, case: dict, tmp_path: Path) -> None:
    target = BROKEN / name
    first_file = target / case["file"] if "file" in case else target
    expected = [(case["code"], case["line"])] + [tuple(extra) for extra in case.get("also", [])]

    # In-process: the codes and lines of all problems, and the file of the first one.
    result = validate_paths([_rel(target)])
    got = [(problem.code, problem.line) for problem in result.problems]
    assert got == expected, [problem.render("en") for problem in result.problems]
    assert result.problems[0].path == _rel(first_file)

    # The real command line.
    lang = case.get("lang", "ja")
    completed = run_validate(_rel(target), lang=None if lang == "ja" else lang, data_dir=tmp_path)
    output = completed.stdout + completed.stderr
    assert "Traceback" not in output
    assert completed.returncode == 1, output
    lines = completed.stdout.splitlines()
    assert lines, output
    prefix = re.escape(_rel(target))
    for line in lines:
        assert re.match(rf"^{prefix}(/[^:]+)?:\d+:\d+: .+", line), line
    first = PROBLEM_LINE.match(lines[0])
    assert first is not None, lines[0]
    assert first["path"] == _rel(first_file)
    assert int(first["line"]) == case["line"]
    assert message_pattern(case["code"], lang).fullmatch(first["message"]), first["message"]
    assert len(lines) == len(expected), output
    assert completed.stderr.strip() == _summary(len(expected), lang)


def _summary(count: int, lang: str) -> str:
    return MESSAGES["validate_failed"][lang].format(count=count)


def test_english_message_text(tmp_path: Path) -> None:
    """--lang en renders the English sentence, with the field filled in."""
    path = _rel(BROKEN / "09-missing-stem.yaml")
    completed = run_validate(path, lang="en", data_dir=tmp_path)
    assert completed.returncode == 1
    assert completed.stdout.splitlines() == [f"{path}:4:5: required field 'stem' is missing"]
    assert completed.stderr.strip() == "1 problems found"


def test_valid_example_passes(tmp_path: Path) -> None:
    assert validate_paths([_rel(VALID_EXAMPLE)]).problems == []
    completed = run_validate(_rel(VALID_EXAMPLE), data_dir=tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.strip() == "問題なし: 問題 9 問、出題設計 0 件"


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """Nine levels of ten aliases each would expand to 10**9 strings; the reader refuses the
    first anchor instead (the subprocess timeout is the guard against expansion)."""
    path = _rel(BROKEN / "35-alias-bomb.yaml")
    completed = run_validate(path, data_dir=tmp_path)
    assert completed.returncode == 1
    assert completed.stdout.splitlines()[0].startswith(f"{path}:3:")
    assert "Traceback" not in completed.stdout + completed.stderr


def test_python_tag_is_not_executed(tmp_path: Path) -> None:
    path = _rel(BROKEN / "36-python-tag.yaml")
    completed = run_validate(path, data_dir=tmp_path)
    assert completed.returncode == 1
    assert "hi" not in completed.stdout.splitlines()


def test_fifty_megabyte_file_is_refused(tmp_path: Path) -> None:
    """A 50 MB file is refused by its size before it is read or parsed."""
    huge = tmp_path / "huge.yaml"
    header = "bank: huge\ntitle: 巨大なバンク\nitems:\n".encode()
    line = "  - {id: sec-001, stem: 取引先を名乗るメールに最初に取るべき行動はどれか。}\n".encode()
    size = 50 * 1024 * 1024
    block = line * 4096
    with huge.open("wb") as out:
        out.write(header)
        written = len(header)
        while written < size:
            chunk = block[: size - written]
            out.write(chunk)
            written += len(chunk)
    assert huge.stat().st_size == size

    result = validate_paths([huge])
    assert [(p.code, p.line) for p in result.problems] == [("file_too_large", 1)]

    for lang in ("ja", "en"):
        completed = run_validate(str(huge), lang=None if lang == "ja" else lang, data_dir=tmp_path)
        assert completed.returncode == 1
        assert "Traceback" not in completed.stdout + completed.stderr
        lines = completed.stdout.splitlines()
        assert len(lines) == 1
        match = PROBLEM_LINE.match(lines[0])
        assert match is not None and match["path"] == str(huge) and match["line"] == "1"
        assert message_pattern("file_too_large", lang).fullmatch(match["message"])
    assert "50.0 MB" in lines[0] and "limit 10 MB" in lines[0]
