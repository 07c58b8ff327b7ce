"""Composition root of the GUI: settings → translator → window → database (in the background).

The window is shown before the database layer is even imported, so the login screen appears
at once on a slow office PC; opening, migrating and first-run publishing run on the worker
thread with progress shown on the login page.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from ..config import Settings
from ..resources import resource_path
from .backend import ExamineeBackend
from .common import ui_settings
from .main_window import DEFAULT_POINT_SIZE, MainWindow


def translations_dir() -> str:
    """Compiled .qm files: beside this module in a checkout, at the same path in the bundle."""
    return str(resource_path("literacy_app", "ui", "translations"))


def install_language(app: QApplication, lang: str) -> None:
    """Japanese is the source language; English comes from literacy_en.qm (Qt's own system)."""
    for old in getattr(app, "_literacy_translators", []):
        app.removeTranslator(old)
    translators = []
    if lang == "en":
        translator = QTranslator(app)
        if translator.load("literacy_en", translations_dir()):
            app.installTranslator(translator)
            translators.append(translator)
        QLocale.setDefault(QLocale("en_US"))  # by name: building the Language enum costs start-up time
    else:
        QLocale.setDefault(QLocale("ja_JP"))
    app._literacy_translators = translators  # type: ignore[attr-defined]


def make_backend(settings: Settings, lang: str) -> Any:
    """LAN mode when this PC has a ``client.toml`` (the exam server holds the database), else the
    single-PC backend on its own SQLite file."""
    from ..client.settings import load_client_settings
    from ..core.errors import UserError

    try:
        lan = load_client_settings()
    except UserError as error:  # a broken client.toml: say so on the login page, never fall back
        from .remote_backend import RemoteBackend

        return RemoteBackend(None, lang, error=error)
    if lan is not None:
        from .remote_backend import RemoteBackend

        return RemoteBackend(lan, lang)
    return ExamineeBackend(settings.db_url)


def build_window(app: QApplication, settings: Settings, lang: str | None = None,
                 sandbox: Any = None) -> tuple[MainWindow, Any]:
    """Create the backend and the window (used by ``Shell`` and by the tests); ``sandbox`` (a
    ``services.setup.Sandbox``) opens the window on that practice database, marked as such."""
    prefs = ui_settings(settings.data_dir)
    lang = lang or str(prefs.value("language", settings.lang))
    install_language(app, lang)
    font = app.font()
    font.setPointSize(int(prefs.value("font_point_size", DEFAULT_POINT_SIZE)))
    app.setFont(font)
    if sandbox is not None:
        settings = settings._replace(db_url=sandbox.url)
    backend = ExamineeBackend(settings.db_url) if sandbox is not None else make_backend(settings, lang)
    window = MainWindow(backend, prefs, lang, sandbox=sandbox, data_folder=settings.data_dir)
    window.examinee.data_folder = settings.data_dir
    if settings.banks_dir is not None:
        window.trainer.banks_dir = settings.banks_dir
    return window, backend


class Shell:
    """The app's one window at a time, opened again for another language, on the sandbox
    (体験モード) and back on the real database."""

    def __init__(self, app: QApplication, settings: Settings, probe: bool = False) -> None:
        self.app, self.settings, self.probe = app, settings, probe
        self.window: MainWindow | None = None
        self.sandbox: Any = None

    def open(self, lang: str | None = None, sandbox: Any = None) -> MainWindow:
        window, backend = build_window(self.app, self.settings, lang, sandbox)
        window.language_requested.connect(lambda chosen: self.reopen(chosen, self.sandbox))
        window.sandbox_requested.connect(lambda made: self.reopen(None, made))
        window.sandbox_left.connect(lambda: self.reopen(None, None))
        self.window, self.sandbox = window, sandbox
        window.show()
        window.activateWindow()  # a window opened in place of another takes the keyboard at once
        if not self.probe:
            backend.open()
        return window

    def reopen(self, lang: str | None, sandbox: Any) -> None:
        if lang is not None:
            prefs = ui_settings(self.settings.data_dir)
            prefs.setValue("language", lang)
            prefs.sync()
        old = self.window
        if old is not None:
            old.close()
            old.deleteLater()
        self.open(lang, sandbox)


def run(settings: Settings) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("literacy-app")
    # startup benchmark: quit as soon as the login window is shown, without opening the database
    probe = bool(os.environ.get("LITERACY_EXIT_WHEN_SHOWN"))
    shell = Shell(app, settings, probe)
    shell.open()
    if probe:
        QTimer.singleShot(0, app.quit)
    else:
        from ..logs import setup_logging

        QTimer.singleShot(0, lambda: setup_logging(settings.data_dir))  # after the window is painted
    code = int(app.exec())
    assert shell.window is not None
    shell.window.backend.close()  # lets a save under way finish, then stops the worker
    return code
