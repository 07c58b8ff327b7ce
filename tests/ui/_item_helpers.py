"""Shared pieces of the ItemView tests: sample items, the `show` fixture, input helpers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from literacy_app.core.model import FormItem
from literacy_app.core.scoring import normalise_response
from literacy_app.ui.widgets.items import ItemView
from literacy_app.ui.widgets.items_text import DEBOUNCE_MS

OPTIONS = (("a", "添付を開いて内容を確かめる"), ("b", "同僚に転送して意見を聞く"),
           ("c", "開かずに情報セキュリティ担当へ報告する"), ("d", "何もせずに削除する"))
PREMISES = (("p1", "住民記録の照会"), ("p2", "メールの送受信"), ("p3", "庁内掲示板の閲覧"))
MATCH_OPTIONS = (("a", "マイナンバー利用事務系"), ("b", "LGWAN接続系"), ("c", "インターネット接続系"))
TYPES = ["single", "multiple", "true_false", "ordering", "matching", "numeric", "short_text"]
SAVED: dict[str, Any] = {"single": "c", "multiple": ["a", "d"], "true_false": False, "ordering": ["c", "a", "d", "b"],
                         "matching": {"p1": "a", "p3": "b"}, "numeric": 12.0, "short_text": "CSV"}
LONG_WAIT = DEBOUNCE_MS + 1500


def make_item(kind: str, stem: str = "次のうち適切なものはどれか。", options: tuple | None = None,
              premises: tuple = (), unit: str | None = None, image: dict | None = None) -> FormItem:
    if options is None:
        options = {"true_false": (), "numeric": (), "short_text": (), "matching": MATCH_OPTIONS}.get(kind, OPTIONS)
    if kind == "matching" and not premises:
        premises = PREMISES
    return FormItem(position=1, item_id=f"t-{kind}", version_id=1, type=kind, stem=stem, options=options,
                    premises=premises, area="security", unit=unit, scenario=None, image=image, points=1.0)


def content(item: FormItem) -> dict[str, Any]:
    """The content dict the service validates responses against (what FormItem was made from)."""
    return {"type": item.type, "options": [list(pair) for pair in item.options],
            "premises": [list(pair) for pair in item.premises]}


def assert_accepted(item: FormItem, response: Any) -> Any:
    stored = normalise_response(content(item), response)
    assert stored is not None
    return stored


def emitted(qtbot, view: ItemView, action, timeout: int = 1000) -> Any:
    with qtbot.waitSignal(view.answer_changed, timeout=timeout) as blocker:
        action()
    return blocker.args[0]


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def ime(edit: QLineEdit, text: str) -> None:
    """Type ``text`` as a Japanese input method commits it (QTest.keyClicks handles ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)

def ids(view: ItemView) -> list[str]:
    listing = view.findChild(QListWidget)
    return [listing.item(row).data(Qt.ItemDataRole.UserRole) for row in range(listing.count())]


def buttons_by_text(view: ItemView) -> dict[str, QPushButton]:
    return {button.text(): button for button in view.findChildren(QPushButton)}


def hint_label(view: ItemView) -> QLabel:
    (hint,) = [label for label in view.findChildren(QLabel) if label.text().startswith("数字で入力してください")]
    assert hint.text() == "数字で入力してください（全角・半角どちらでも構いません）"
    return hint


def hint_labels(view: ItemView) -> list[QLabel]:
    return [label for label in view.findChildren(QLabel) if label.text().startswith("数字で")]
