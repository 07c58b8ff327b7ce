"""``ItemView``: one question item (stem, optional image, answer controls) and its answer.

Used by the examinee's attempt screen and the trainer's preview.  The view receives a
``FormItem`` (never the key) and reports every change of the answer through ``answer_changed``
in the shape ``core.scoring.normalise_response`` accepts, ``None`` meaning unanswered.

Per type the controls live in items_choice.py (single, multiple, true_false), items_arrange.py
(ordering, matching) and items_text.py (numeric, short_text).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QRadioButton, QSizePolicy, QVBoxLayout, QWidget

from ...core.model import FormItem
from ..common import plain_label
from .items_arrange import MatchingEditor, OrderingEditor
from .items_base import AnswerEditor, push_button, same_value
from .items_choice import MultipleEditor, SingleEditor, TrueFalseEditor
from .items_text import NumericEditor, ShortTextEditor

EDITORS: dict[str, type[AnswerEditor]] = {
    "single": SingleEditor,
    "multiple": MultipleEditor,
    "true_false": TrueFalseEditor,
    "ordering": OrderingEditor,
    "matching": MatchingEditor,
    "numeric": NumericEditor,
    "short_text": ShortTextEditor,
}

MAX_IMAGE_SCALE = 1.5
STEM_EXTRA_POINTS = 2


class ImageLabel(QLabel):
    """A picture as wide as the space allows (aspect kept, at most 1.5× its own size)."""

    def __init__(self, pixmap: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = pixmap
        self._shown = QSize()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._rescale()

    def scaled_size(self, width: int) -> QSize:
        source = self._source.size()
        scale = min(max(width, 1) / source.width(), MAX_IMAGE_SCALE)
        return QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.scaled_size(width).height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._source.size()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.scaled_size(min(self._source.width(), 64))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        size = self.scaled_size(self.width())
        if size == self._shown:
            return
        self._shown = size
        ratio = self.devicePixelRatioF()
        scaled = self._source.scaled(size * ratio, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.setPixmap(scaled)

    def shown_size(self) -> QSize:
        """The size the picture is drawn at, in device-independent pixels."""
        return QSize(self._shown)


class ItemView(QWidget):
    """Shows one FormItem (stem, optional image, answer controls) and reports answer changes."""

    answer_changed = Signal(object)

    def __init__(self, item: FormItem, response: Any = None, image_bytes: bytes | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.stem = plain_label(item.stem, self)
        layout.addWidget(self.stem)
        self.image: ImageLabel | None = None
        if item.image is not None or image_bytes:
            layout.addWidget(self._image_widget(image_bytes))
        editor_type = EDITORS.get(item.type)
        if editor_type is None:
            self.editor = AnswerEditor(item, self)
            self.editor.hide()
            layout.addWidget(plain_label(self.tr("この形式の問題はこの画面では表示できません。"), self))
        else:
            self.editor = editor_type(item, self)
            layout.addWidget(self.editor)
        self.clear_button = push_button(self.tr("解答を取り消す"), self.tr("解答を取り消す"), self)
        self.clear_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        chain = [*self.editor.controls(), self.clear_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._apply_stem_font()
        # Restore a saved answer silently, then listen to the examinee
        if response is not None:
            self.editor.set_value(response)
        self._response = self.editor.value()
        self.editor.changed.connect(self._editor_changed)
        self.editor.edited.connect(self._update_clear_button)
        self.clear_button.clicked.connect(self.clear)
        self._update_clear_button()

    def _image_widget(self, image_bytes: bytes | None) -> QWidget:
        pixmap = QPixmap()
        if image_bytes and pixmap.loadFromData(image_bytes) and not pixmap.isNull():
            self.image = ImageLabel(pixmap, self)
            self.image.setAccessibleName(self.tr("問題の図"))
            return self.image
        return plain_label(self.tr("（この問題の図を表示できません。係の人に知らせてください。）"), self)

    # --- the interface of the attempt screen and the preview ----------------------------------

    def response(self) -> Any:
        """The current response (shape of ``normalise_response``), None if unanswered.

        For typed answers this is what the field holds now, even before the pause-in-typing report.
        """
        return self.editor.value()

    def choose(self, number: int) -> bool:
        """Keyboard digit ``number`` (1-based, displayed order).  Single: select option N; multiple:
        toggle option N; true/false: 1 = True, 2 = False.  False for other types or no such option."""
        if not self.editor.choose(number):
            return False
        focused = QApplication.focusWidget()
        target = self.editor.control_for(number)
        if target is not None and focused is not None and self.isAncestorOf(focused):
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)  # Space then acts on what was chosen
        return True

    def focus_first(self) -> None:
        """Put keyboard focus on the first answer control (the checked one in a radio group)."""
        controls = [control for control in self.editor.controls() if control.isEnabled()]
        if not controls:
            self.clear_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        checked = [control for control in controls if isinstance(control, QRadioButton) and control.isChecked()]
        (checked or controls)[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Take the answer away (as the clear button does) and report None."""
        had_focus = self.clear_button.hasFocus()
        self.editor.clear()
        self._set_response(None)
        if had_focus:
            self.focus_first()  # the button is disabled now; keep the keyboard user in the item

    def commit_pending(self) -> None:
        """Report a typed answer now instead of after the pause (call before leaving the item)."""
        self.editor.flush()

    # --- internals -----------------------------------------------------------------------------

    def _editor_changed(self, value: Any) -> None:
        self._set_response(value)

    def _set_response(self, value: Any) -> None:
        self._update_clear_button()
        if same_value(value, self._response):
            return
        self._response = value
        copy = list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value
        self.answer_changed.emit(copy)  # a copy: a receiver cannot change what the view holds

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.editor.has_input())

    def _apply_stem_font(self) -> None:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() + STEM_EXTRA_POINTS)
        else:
            font.setPixelSize(font.pixelSize() + round(STEM_EXTRA_POINTS * 4 / 3))
        self.stem.setFont(font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._apply_stem_font()  # follow the app's zoom (Ctrl+plus)
        super().changeEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.editor.flush()  # leaving the item must not lose what was just typed
        super().hideEvent(event)
