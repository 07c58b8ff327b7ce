"""The core never imports Qt: importing every core module works with PySide6 blocked — and so do
the services, the storage, the report figures, the exam server and its client (a server builds
figures without Qt)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_core_imports_with_pyside6_blocked():
    script = textwrap.dedent("""
        import importlib, pkgutil, sys

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("PySide6 is blocked in this test")
                return None

        sys.meta_path.insert(0, Block())
        import literacy_app.core as core
        import literacy_app.reporting.figures as figures
        import literacy_app.services as services
        names = [m.name for m in pkgutil.walk_packages(core.__path__, "literacy_app.core.")]
        names += [m.name for m in pkgutil.walk_packages(figures.__path__, "literacy_app.reporting.figures.")]
        names += [m.name for m in pkgutil.walk_packages(services.__path__, "literacy_app.services.")]
        for name in names:
            importlib.import_module(name)
        for name in ("literacy_app.services", "literacy_app.storage.models", "literacy_app.cli",
                     "literacy_app.server.app", "literacy_app.client.api", "literacy_app.commands_server"):
            importlib.import_module(name)
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print(len(names))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 10
