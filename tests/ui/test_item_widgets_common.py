"""ItemView behaviour shared by every type: restore, clear, accessibility, tab order, safe text, images."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QWidget,
)

from literacy_app.core.scoring import normalise_response
from literacy_app.ui.widgets.items import ItemView
from literacy_app.ui.widgets.items_text import DEBOUNCE_MS

from ._item_helpers import (
    SAVED,
    TYPES,
    click,
    content,
    emitted,
    focus,
    hint_label,
    ids,
    make_item,
    png,
)


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
