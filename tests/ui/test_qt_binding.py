"""Guard against a Qt binding that leaks references to None/True (PySide6 6.12.0 on Python 3.11).

That build drops a reference to ``None`` on every call of a Qt method returning nothing and to
``True`` on every signal emit; on Python 3.11 the process dies with "none_dealloc" or
"bool_dealloc" after some thousands of calls — within one exam.  pyproject pins PySide6 below
6.12; this test fails if an upgrade brings such a build back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    changed = Signal(object)


def test_qt_calls_and_signals_keep_references_to_none_and_true(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for number in range(2000):
        label.setText(str(number))
        emitter.changed.emit(number)
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
