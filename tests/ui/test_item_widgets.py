"""ItemView: one question item for every item type — mouse, keyboard, restore, clear and safety."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
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


@pytest.fixture
def show(qtbot):
    """Build an ItemView, show it in an active window and return it."""

    def build(item: FormItem, response: Any = None, image_bytes: bytes | None = None, width: int = 640) -> ItemView:
        view = ItemView(item, response, image_bytes)
        qtbot.addWidget(view)
        view.resize(width, 600)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        return view

    return build


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


# --- single ------------------------------------------------------------------------------------


def test_single_mouse_keyboard_and_choose(qtbot, show):
    item = make_item("single")
    view = show(item)
    buttons = view.findChildren(QRadioButton)
    assert [b.text() for b in buttons] == [text for _id, text in OPTIONS]
    assert view.response() is None
    assert emitted(qtbot, view, lambda: click(qtbot, buttons[1])) == "b"
    assert assert_accepted(item, view.response()) == "b"
    # keyboard: the arrow moves to and selects the next option
    focus(qtbot, buttons[1])
    assert emitted(qtbot, view, lambda: qtbot.keyClick(buttons[1], Qt.Key.Key_Down)) == "c"
    assert buttons[2].isChecked() and not buttons[1].isChecked()
    # clicking the chosen option again is no change
    with qtbot.assertNotEmitted(view.answer_changed, wait=50):
        click(qtbot, buttons[2])
    # digits
    assert emitted(qtbot, view, lambda: view.choose(1)) == "a"
    assert buttons[0].isChecked() and buttons[0].hasFocus()  # focus follows the digit inside the item
    assert view.choose(5) is False and view.choose(0) is False
    assert view.response() == "a"


def test_single_space_selects_the_focused_option(qtbot, show):
    view = show(make_item("single"))
    buttons = view.findChildren(QRadioButton)
    view.focus_first()
    assert buttons[0].hasFocus()
    assert emitted(qtbot, view, lambda: qtbot.keyClick(buttons[0], Qt.Key.Key_Space)) == "a"


# --- multiple ----------------------------------------------------------------------------------


def test_multiple_mouse_keyboard_and_choose(qtbot, show):
    item = make_item("multiple")
    view = show(item)
    labels = [label.text() for label in view.findChildren(QLabel)]
    assert "当てはまるものをすべて選んでください" in labels
    boxes = view.findChildren(QCheckBox)
    assert emitted(qtbot, view, lambda: click(qtbot, boxes[2])) == ["c"]
    assert emitted(qtbot, view, lambda: click(qtbot, boxes[0])) == ["a", "c"]  # display order, not click order
    assert assert_accepted(item, view.response()) == ["a", "c"]
    focus(qtbot, boxes[3])
    assert emitted(qtbot, view, lambda: qtbot.keyClick(boxes[3], Qt.Key.Key_Space)) == ["a", "c", "d"]
    assert emitted(qtbot, view, lambda: view.choose(3)) == ["a", "d"]  # toggles off
    assert emitted(qtbot, view, lambda: view.choose(2)) == ["a", "b", "d"]
    assert view.choose(9) is False
    for number in (1, 2):
        view.choose(number)
    assert emitted(qtbot, view, lambda: view.choose(4)) is None  # nothing checked = unanswered
    assert view.response() is None


# --- true / false ------------------------------------------------------------------------------


def test_true_false_mouse_keyboard_and_choose(qtbot, show):
    item = make_item("true_false")
    view = show(item)
    buttons = view.findChildren(QRadioButton)
    assert [b.text() for b in buttons] == ["○ 正しい", "× 誤り"]
    assert emitted(qtbot, view, lambda: click(qtbot, buttons[1])) is False
    assert normalise_response(content(item), view.response()) is False
    focus(qtbot, buttons[1])
    assert emitted(qtbot, view, lambda: qtbot.keyClick(buttons[1], Qt.Key.Key_Up)) is True
    assert emitted(qtbot, view, lambda: view.choose(2)) is False
    assert emitted(qtbot, view, lambda: view.choose(1)) is True
    assert view.choose(3) is False
    assert view.response() is True


# --- ordering ----------------------------------------------------------------------------------


def ids(view: ItemView) -> list[str]:
    listing = view.findChild(QListWidget)
    return [listing.item(row).data(Qt.ItemDataRole.UserRole) for row in range(listing.count())]


def buttons_by_text(view: ItemView) -> dict[str, QPushButton]:
    return {button.text(): button for button in view.findChildren(QPushButton)}


def test_ordering_buttons_move_the_selected_entry(qtbot, show):
    item = make_item("ordering")
    view = show(item)
    listing = view.findChild(QListWidget)
    buttons = buttons_by_text(view)
    assert [listing.item(r).text() for r in range(listing.count())] == [text for _id, text in OPTIONS]
    assert view.response() is None  # the shown order is not an answer yet
    listing.setCurrentRow(1)
    order = emitted(qtbot, view, lambda: click(qtbot, buttons["上へ"]))
    assert order == ["b", "a", "c", "d"] == view.response()
    assert assert_accepted(item, order) == order
    assert listing.currentRow() == 0 and listing.currentItem().data(Qt.ItemDataRole.UserRole) == "b"
    assert not buttons["上へ"].isEnabled()
    assert emitted(qtbot, view, lambda: click(qtbot, buttons["下へ"])) == ["a", "b", "c", "d"]
    assert listing.currentRow() == 1


def test_ordering_alt_arrows_keep_focus_on_the_moved_entry(qtbot, show):
    view = show(make_item("ordering"))
    listing = view.findChild(QListWidget)
    view.focus_first()
    assert listing.hasFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Down)  # plain arrow: only selects
    assert listing.currentRow() == 1 and view.response() is None
    order = emitted(qtbot, view, lambda: qtbot.keyClick(listing, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier))
    assert order == ["a", "c", "b", "d"]
    assert listing.currentRow() == 2 and listing.hasFocus()
    order = emitted(qtbot, view, lambda: qtbot.keyClick(listing, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier))
    assert order == ["a", "b", "c", "d"] and listing.currentRow() == 1


def test_ordering_button_at_its_end_hands_focus_to_the_list(qtbot, show):
    view = show(make_item("ordering"))
    listing = view.findChild(QListWidget)
    up = buttons_by_text(view)["上へ"]
    listing.setCurrentRow(1)
    focus(qtbot, up)
    assert emitted(qtbot, view, lambda: qtbot.keyClick(up, Qt.Key.Key_Space)) == ["b", "a", "c", "d"]
    assert not up.isEnabled() and listing.hasFocus() and listing.currentRow() == 0


def test_ordering_accept_the_shown_order(qtbot, show):
    item = make_item("ordering")
    view = show(item)
    accept = buttons_by_text(view)["この順番で解答する"]
    assert not view.clear_button.isEnabled()
    assert emitted(qtbot, view, lambda: click(qtbot, accept)) == ["a", "b", "c", "d"]
    assert view.clear_button.isEnabled()
    assert assert_accepted(item, view.response()) == ["a", "b", "c", "d"]
    with qtbot.assertNotEmitted(view.answer_changed, wait=50):  # already this answer
        click(qtbot, accept)
    # keyboard
    view.clear()
    focus(qtbot, accept)
    assert emitted(qtbot, view, lambda: qtbot.keyClick(accept, Qt.Key.Key_Space)) == ["a", "b", "c", "d"]


# --- matching ----------------------------------------------------------------------------------


def test_matching_keyboard(qtbot, show):
    item = make_item("matching")
    view = show(item)
    combos = view.findChildren(QComboBox)
    assert len(combos) == 3
    assert [combos[0].itemText(i) for i in range(combos[0].count())] == ["（選んでください）"] + [t for _i, t in MATCH_OPTIONS]
    focus(qtbot, combos[1])
    assert emitted(qtbot, view, lambda: qtbot.keyClick(combos[1], Qt.Key.Key_Down)) == {"p2": "a"}
    assert emitted(qtbot, view, lambda: qtbot.keyClick(combos[1], Qt.Key.Key_Down)) == {"p2": "b"}
    focus(qtbot, combos[0])
    qtbot.keyClick(combos[0], Qt.Key.Key_End)
    assert view.response() == {"p1": "c", "p2": "b"}
    assert assert_accepted(item, view.response()) == {"p1": "c", "p2": "b"}
    # back to （選んでください） everywhere = unanswered
    qtbot.keyClick(combos[0], Qt.Key.Key_Home)
    assert emitted(qtbot, view, lambda: qtbot.keyClick(combos[1], Qt.Key.Key_Home)) is None
    assert view.choose(1) is False


def test_matching_mouse(qtbot, show):
    item = make_item("matching")
    view = show(item)
    combo = view.findChildren(QComboBox)[2]
    click(qtbot, combo)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 100)  # the popup ignores a release right after opening
    rect = popup.visualRect(popup.model().index(3, 0))
    qtbot.mouseMove(popup.viewport(), rect.center())  # hovering makes the entry current, as a real mouse does
    response = emitted(qtbot, view, lambda: qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton,
                                                             pos=rect.center()))
    assert response == {"p3": "c"}
    assert assert_accepted(item, response) == {"p3": "c"}


def test_matching_ignores_the_mouse_wheel(qtbot, show):
    view = show(make_item("matching"))
    combo = view.findChildren(QComboBox)[0]
    wheel = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.assertNotEmitted(view.answer_changed, wait=50):
        QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == 0


# --- numeric and short text --------------------------------------------------------------------


def test_numeric_debounces_typing_and_accepts_full_width(qtbot, show):
    item = make_item("numeric", unit="件")
    view = show(item)
    assert "件" in [label.text() for label in view.findChildren(QLabel)]
    edit = view.findChild(QLineEdit)
    seen: list[Any] = []
    view.answer_changed.connect(seen.append)
    focus(qtbot, edit)
    with qtbot.waitSignal(view.answer_changed, timeout=LONG_WAIT):
        ime(edit, "１,２00")
    assert seen == ["１,２00"]  # one report after the pause, not one per keystroke
    assert assert_accepted(item, seen[0]) == 1200.0
    hint = hint_label(view)
    assert hint.isHidden()


def hint_label(view: ItemView) -> QLabel:
    (hint,) = [label for label in view.findChildren(QLabel) if label.text().startswith("数字で入力してください")]
    assert hint.text() == "数字で入力してください（全角・半角どちらでも構いません）"
    return hint


def test_numeric_hint_for_kanji_numerals(qtbot, show):
    item = make_item("numeric")
    view = show(item)
    edit = view.findChild(QLineEdit)
    hint = hint_label(view)
    focus(qtbot, edit)
    assert emitted(qtbot, view, lambda: ime(edit, "１２"), timeout=LONG_WAIT) == "１２"
    assert hint.isHidden()
    assert normalise_response(content(item), view.response()) == 12.0
    edit.clear()
    # not a number: reported as unanswered (the service would refuse the text) and the hint shows
    assert emitted(qtbot, view, lambda: ime(edit, "十二"), timeout=LONG_WAIT) is None
    assert hint.isVisible() and view.response() is None
    assert view.clear_button.isEnabled()  # there is text to take away
    # correcting it hides the hint at once
    edit.clear()
    qtbot.keyClicks(edit, "12")
    assert hint.isHidden()


def test_numeric_enter_reports_at_once_and_only_changes(qtbot, show):
    view = show(make_item("numeric"))
    edit = view.findChild(QLineEdit)
    focus(qtbot, edit)
    qtbot.keyClicks(edit, "42")
    with qtbot.waitSignal(view.answer_changed, timeout=50) as blocker:  # far below the debounce
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert blocker.args == ["42"]
    with qtbot.assertNotEmitted(view.answer_changed, wait=DEBOUNCE_MS + 200):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, "7")
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # back to the reported text
    assert emitted(qtbot, view, lambda: edit.clear(), timeout=LONG_WAIT) is None  # empty = unanswered


def test_numeric_hiding_the_view_reports_pending_typing(qtbot, show):
    view = show(make_item("numeric"))
    edit = view.findChild(QLineEdit)
    focus(qtbot, edit)
    qtbot.keyClicks(edit, "3.5")
    assert emitted(qtbot, view, view.hide, timeout=50) == "3.5"


def test_short_text(qtbot, show):
    item = make_item("short_text", stem="表形式データの保存形式を英字3文字で答えよ。")
    view = show(item)
    edit = view.findChild(QLineEdit)
    assert hint_labels(view) == []
    focus(qtbot, edit)
    assert emitted(qtbot, view, lambda: ime(edit, "ｃｓｖ"), timeout=LONG_WAIT) == "ｃｓｖ"
    assert assert_accepted(item, view.response()) == "ｃｓｖ"
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "CSV")
    with qtbot.waitSignal(view.answer_changed, timeout=50) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Enter)
    assert blocker.args == ["CSV"]
    edit.selectAll()
    assert emitted(qtbot, view, lambda: qtbot.keyClicks(edit, "   "), timeout=LONG_WAIT) is None  # blank
    assert edit.maxLength() == 500


def hint_labels(view: ItemView) -> list[QLabel]:
    return [label for label in view.findChildren(QLabel) if label.text().startswith("数字で")]


# --- every type: restore, clear, accessibility, tab order ---------------------------------------


@pytest.mark.parametrize("kind", TYPES)
def test_restore_shows_the_saved_answer_without_emitting(qtbot, show, kind):
    item = make_item(kind, unit="件" if kind == "numeric" else None)
    saved = SAVED[kind]
    view = ItemView(item, saved)
    qtbot.addWidget(view)
    with qtbot.assertNotEmitted(view.answer_changed, wait=DEBOUNCE_MS + 200):
        view.show()
        qtbot.waitExposed(view)
    assert normalise_response(content(item), view.response()) == normalise_response(content(item), saved)
    assert view.clear_button.isEnabled()
    if kind == "single":
        assert [b.isChecked() for b in view.findChildren(QRadioButton)] == [False, False, True, False]
    elif kind == "multiple":
        assert [b.isChecked() for b in view.findChildren(QCheckBox)] == [True, False, False, True]
    elif kind == "true_false":
        assert [b.isChecked() for b in view.findChildren(QRadioButton)] == [False, True]
    elif kind == "ordering":
        assert ids(view) == ["c", "a", "d", "b"]
    elif kind == "matching":
        assert [c.currentText() for c in view.findChildren(QComboBox)] == ["マイナンバー利用事務系", "（選んでください）",
                                                                         "LGWAN接続系"]
    elif kind == "numeric":
        assert view.findChild(QLineEdit).text() == "12"  # the stored float, shown as typed
        assert hint_label(view).isHidden()
    else:
        assert view.findChild(QLineEdit).text() == "CSV"


@pytest.mark.parametrize("kind", TYPES)
def test_a_response_of_the_wrong_shape_restores_as_unanswered(qtbot, kind):
    wrong = {"single": "zz", "multiple": "a", "true_false": 1, "ordering": ["a", "b"], "matching": ["p1"],
             "numeric": object(), "short_text": 5}[kind]
    view = ItemView(make_item(kind), wrong)
    qtbot.addWidget(view)
    assert view.response() is None
    assert not view.clear_button.isEnabled()


@pytest.mark.parametrize("kind", TYPES)
def test_clear_button(qtbot, show, kind):
    view = show(make_item(kind), SAVED[kind])
    assert view.clear_button.text() == "解答を取り消す"
    assert emitted(qtbot, view, lambda: click(qtbot, view.clear_button)) is None
    assert view.response() is None
    assert not view.clear_button.isEnabled()
    if kind in ("single", "multiple", "true_false"):
        assert not any(b.isChecked() for b in view.findChildren(QAbstractButton) if b is not view.clear_button)
    elif kind == "ordering":
        assert ids(view) == ["a", "b", "c", "d"]  # back to the shown order
    elif kind == "matching":
        assert all(c.currentIndex() == 0 for c in view.findChildren(QComboBox))
    else:
        assert view.findChild(QLineEdit).text() == ""
    with qtbot.assertNotEmitted(view.answer_changed, wait=DEBOUNCE_MS + 200):
        view.clear()  # nothing left to clear


def test_clear_button_by_keyboard_keeps_focus_in_the_item(qtbot, show):
    view = show(make_item("single"), "b")
    focus(qtbot, view.clear_button)
    assert emitted(qtbot, view, lambda: qtbot.keyClick(view.clear_button, Qt.Key.Key_Space)) is None
    assert view.findChildren(QRadioButton)[0].hasFocus()


@pytest.mark.parametrize("kind", TYPES)
def test_every_answer_control_has_an_accessible_name(qtbot, kind):
    view = ItemView(make_item(kind, unit="件" if kind == "numeric" else None))
    qtbot.addWidget(view)
    controls = [w for w in view.findChildren(QWidget)
                if isinstance(w, (QAbstractButton, QComboBox, QLineEdit, QListWidget))]
    assert controls
    for control in controls:
        assert control.accessibleName(), control
    names = [c.accessibleName() for c in controls]
    if kind in ("single", "multiple"):
        assert "選択肢 1: 添付を開いて内容を確かめる" in names
    if kind == "matching":
        assert "組み合わせ 2: メールの送受信" in names
    if kind == "numeric":
        assert "解答欄（単位: 件）" in names
    if kind == "short_text":
        assert "解答欄" in names


@pytest.mark.parametrize("kind", ["single", "multiple", "matching", "ordering"])
def test_tab_order_is_display_order_then_clear(qtbot, show, kind):
    item = make_item(kind)
    view = show(item, {"single": "c", "multiple": ["a"], "matching": {"p1": "a"}, "ordering": ["a", "b", "c", "d"]}[kind])
    if kind == "ordering":
        view.findChild(QListWidget).setCurrentRow(1)  # so both move buttons are enabled
    expected = [c for c in view.editor.controls() if c.isEnabled()] + [view.clear_button]
    if kind == "single":  # a radio group is one tab stop (its checked button); arrows move inside it
        expected = [view.findChildren(QRadioButton)[2], view.clear_button]
    view.focus_first()
    seen = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected


# --- safety: bank text is never markup ---------------------------------------------------------


def test_markup_in_bank_text_shows_literally(qtbot, show):
    stem = "<b>太字</b><script>alert(1)</script>"
    options = (("a", "<i>斜体</i>"), ("b", "普通"))
    view = show(make_item("single", stem=stem, options=options))
    assert view.stem.text() == stem
    assert view.stem.textFormat() == Qt.TextFormat.PlainText
    assert view.stem.wordWrap()
    assert view.findChildren(QRadioButton)[0].text() == "<i>斜体</i>"
    for label in view.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    matching = show(make_item("matching", premises=(("p1", "<u>下線</u>"),), unit="<b>件</b>"))
    assert "<u>下線</u>" in [label.text() for label in matching.findChildren(QLabel)]
    for label in matching.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    numeric = show(make_item("numeric", unit="<b>件</b>"))
    assert "<b>件</b>" in [label.text() for label in numeric.findChildren(QLabel)]
    for label in numeric.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize("kind", ["single", "multiple"])
def test_ampersand_in_an_option_is_not_a_mnemonic(qtbot, show, kind):
    item = make_item(kind, options=(("a", "R&D 部門"), ("b", "A&&B")))
    view = show(item)
    buttons = [b for b in view.findChildren(QAbstractButton) if b is not view.clear_button]
    assert [b.text() for b in buttons] == ["R&&D 部門", "A&&&&B"]
    assert buttons[0].accessibleName() == "選択肢 1: R&D 部門"
    expected = "a" if kind == "single" else ["a"]
    assert emitted(qtbot, view, lambda: click(qtbot, buttons[0])) == expected
    with qtbot.assertNotEmitted(view.answer_changed, wait=50):  # Alt+D is no shortcut for it
        qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)


def test_ampersand_in_ordering_and_matching_texts(qtbot, show):
    ordering = show(make_item("ordering", options=(("a", "R&D"), ("b", "Q&A"))))
    listing = ordering.findChild(QListWidget)
    assert [listing.item(r).text() for r in range(2)] == ["R&D", "Q&A"]
    matching = show(make_item("matching", premises=(("p1", "R&D"),), options=(("a", "Q&A"),)))
    assert "R&D" in [label.text() for label in matching.findChildren(QLabel)]
    assert matching.findChild(QComboBox).itemText(1) == "Q&A"


# --- look: stem size, image, long options ------------------------------------------------------


def test_stem_is_two_points_larger_and_follows_the_font(qtbot, show):
    view = show(make_item("single"))
    assert view.stem.font().pointSizeF() == pytest.approx(view.font().pointSizeF() + 2)
    bigger = view.font()
    bigger.setPointSizeF(bigger.pointSizeF() + 6)
    view.setFont(bigger)  # what the app's Ctrl+plus does to the window
    assert view.stem.font().pointSizeF() == pytest.approx(bigger.pointSizeF() + 2)
    assert view.findChildren(QRadioButton)[0].font().pointSizeF() == pytest.approx(bigger.pointSizeF())


def test_image_fills_the_width_up_to_one_and_a_half(qtbot, show):
    small = show(make_item("single", image={"name": "a.png", "sha256": "x"}), image_bytes=png(100, 50), width=640)
    assert small.image is not None and small.image.accessibleName() == "問題の図"
    assert small.image.shown_size().width() == 150 and small.image.shown_size().height() == 75
    large = show(make_item("single", image={"name": "a.png", "sha256": "x"}), image_bytes=png(2000, 1000), width=500)
    width = large.image.width()
    assert 0 < width < 500
    assert large.image.shown_size().width() == width
    assert large.image.shown_size().height() == round(width / 2)
    large.resize(300, 600)
    qtbot.waitUntil(lambda: large.image.shown_size().width() == large.image.width() < 300)
    assert abs(large.image.shown_size().height() - large.image.width() / 2) <= 1


def test_image_that_cannot_be_shown_says_so(qtbot, show):
    for image_bytes in (None, b"not a picture"):
        view = show(make_item("single", image={"name": "a.png", "sha256": "x"}), image_bytes=image_bytes)
        assert view.image is None
        assert any("図を表示できません" in label.text() for label in view.findChildren(QLabel))
    plain = show(make_item("single"))
    assert plain.image is None
    assert not any("図" in label.text() for label in plain.findChildren(QLabel))


def test_long_options_wrap_instead_of_widening(qtbot, show):
    long_text = "開かずに所定の手順で情報セキュリティ担当へ報告する。" * 8
    view = show(make_item("single", options=(("a", long_text), ("b", "短い"))), width=500)
    button = view.findChildren(QRadioButton)[0]
    assert view.minimumSizeHint().width() < 500
    assert button.width() <= 500
    assert button.height() > 3 * button.fontMetrics().height()  # several lines
    last_line = button.rect().bottomRight() - QPoint(button.width() // 2, button.fontMetrics().height() // 2)
    assert emitted(qtbot, view, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=last_line)) == "a"
    ordering = show(make_item("ordering", options=(("a", long_text), ("b", "短い"))), width=500)
    assert ordering.minimumSizeHint().width() < 500


def test_unknown_type_shows_a_notice(qtbot, show):
    view = show(make_item("essay"))
    assert view.response() is None
    assert view.choose(1) is False
    assert not view.clear_button.isEnabled()
    view.focus_first()


def test_many_answer_changes_do_not_drain_the_reference_to_true(qtbot, show):
    """PySide6 6.12.0's emit() drops a reference to True each call; thousands of answers would crash."""
    view = show(make_item("true_false"))
    seen: list[Any] = []
    view.answer_changed.connect(seen.append)
    before = sys.getrefcount(True)
    for _ in range(300):
        view.choose(1)
        view.choose(2)
    seen.clear()
    assert sys.getrefcount(True) >= before - 5
