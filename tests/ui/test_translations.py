"""The English translation: complete, up to date with the code, compiled, and used by the real window.

Workflow when source strings change: ``scripts/update-translations`` (lupdate + lrelease), translate
the new messages in literacy_en.ts (drop their type="unfinished"), run the script again.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from literacy_app.core.model import FormItem
from literacy_app.ui.app import install_language
from literacy_app.ui.widgets.items import ItemView

from ..conftest import ROOT
from .conftest import open_app

UI = ROOT / "literacy_app" / "ui"
TRANSLATIONS = UI / "translations"
TS = TRANSLATIONS / "literacy_en.ts"
QM = TRANSLATIONS / "literacy_en.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
JAPANESE = re.compile(r"[\u3040-\u309f\u30a0-\u30fa\u4e00-\u9fff]")  # kana and kanji (not ・)
FIX = "run scripts/update-translations, translate the new messages in literacy_en.ts, and run it again"


def _qt_tool(name: str) -> Path:
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return candidate
    pytest.fail(f"Qt's {name} is not in {folder}")


def _run(*args: str | Path) -> None:
    done = subprocess.run([str(arg) for arg in args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}\n{done.stderr}"


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (name, message.findtext("source"))
            found.append((name, message.findtext("source") or "", translation))
    return found


def _ui_sources() -> list[Path]:
    """The files scripts/update-translations gives lupdate (every .py under literacy_app/ui, sorted)."""
    return sorted(UI.rglob("*.py"), key=lambda path: path.relative_to(ROOT).as_posix())


@pytest.fixture(autouse=True)
def _japanese_afterwards(qapp: QApplication) -> Iterator[None]:
    """Leave the application in its default language for whatever test runs next."""
    yield
    install_language(qapp, "ja")


def test_every_message_is_translated_with_the_same_placeholders():
    messages = _messages(TS)
    assert len(messages) > 50
    problems = []
    for context, source, translation in messages:
        english = translation.text or ""
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not english.strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(english)):
            problems.append(f"{context}: placeholders differ in {source!r} → {english!r}")
        elif JAPANESE.search(english):
            problems.append(f"{context}: Japanese left in the translation {english!r}")
    assert not problems, "\n".join(problems)


def test_the_ts_file_is_up_to_date_with_the_code(tmp_path: Path):
    fresh = tmp_path / "literacy_en.ts"
    fresh.write_bytes(TS.read_bytes())
    _run(_qt_tool("lupdate"), "-no-obsolete", "-target-language", "en_US", *_ui_sources(), "-ts", fresh)
    in_code = {(context, source) for context, source, _ in _messages(fresh)}
    committed = {(context, source) for context, source, _ in _messages(TS)}
    missing = sorted(in_code - committed)
    stale = sorted(committed - in_code)
    assert not missing, f"source texts missing from literacy_en.ts ({FIX}): {missing}"
    assert not stale, f"literacy_en.ts has messages no longer in the code ({FIX}): {stale}"


def test_the_qm_file_is_compiled_from_the_ts_file(tmp_path: Path):
    assert QM.exists(), f"literacy_en.qm is missing: {FIX}"
    compiled = tmp_path / "literacy_en.qm"
    _run(_qt_tool("lrelease"), TS, "-qm", compiled)
    if compiled.read_bytes() == QM.read_bytes():
        return
    # lrelease output may differ by Qt version: then the two must at least translate alike
    committed, fresh = QTranslator(), QTranslator()
    assert committed.load(str(QM)) and fresh.load(str(compiled))
    for context, source, _ in _messages(TS):
        assert committed.translate(context, source) == fresh.translate(context, source), \
            f"literacy_en.qm is out of date ({FIX}): {context}: {source!r}"


def test_the_window_speaks_english_when_asked(qtbot, exam):
    window = open_app(qtbot, exam, lang="en")
    login = window.examinee.login
    assert login.next_button.text() == "Next"
    assert login.title.text() == "ICT Literacy Check"
    assert window.windowTitle() == "ICT Literacy Check"
    assert login.staff_no.placeholderText() == "e.g. 001234"


def test_the_window_speaks_japanese_by_default(qtbot, exam):
    window = open_app(qtbot, exam, lang="ja")
    login = window.examinee.login
    assert login.next_button.text() == "次へ"
    assert window.windowTitle() == "ICTリテラシー確認"


def test_texts_of_inherited_widgets_are_translated(qtbot, qapp):
    """tr() in a base class (context _ChoiceEditor) is found for its subclass MultipleEditor too."""
    install_language(qapp, "en")
    item = FormItem(position=1, item_id="t-multiple", version_id=1, type="multiple", stem="どれか。",
                    options=(("a", "一"), ("b", "二")), premises=(), area="security", unit=None,
                    scenario=None, image=None, points=1.0)
    view = ItemView(item)
    qtbot.addWidget(view)
    assert view.clear_button.text() == "Clear answer"
    assert view.editor.hint.text() == "Select all that apply"
    assert view.editor.buttons[0].accessibleName() == "Option 1: 一"
    assert QCoreApplication.translate("ReviewPage", "問 {0}\u3000{1}") == "Item {0}: {1}"

