"""ItemView per item type: mouse, keyboard and choose() for each of the seven types."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
)

from literacy_app.core.scoring import normalise_response
from literacy_app.ui.widgets.items_text import DEBOUNCE_MS

from ._item_helpers import (
    LONG_WAIT,
    MATCH_OPTIONS,
    OPTIONS,
    assert_accepted,
    buttons_by_text,
    click,
    content,
    emitted,
    focus,
    hint_label,
    hint_labels,
    ime,
    make_item,
)

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




# --- every type: restore, clear, accessibility, tab order ---------------------------------------


