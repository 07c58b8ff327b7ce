"""The item editor: every field of a bank item, problems shown beside the field they concern.

``load(item, scenarios, path)`` fills the form; ``value()`` gives the item back as a dict in
which untouched fields are exactly what was loaded (``links`` and anything the form does not
show are carried through), so leaving an item unchanged never changes its file.  Validation
runs the real loader and checks on the edited item (``core.banks.item_check``) a moment after
each change; ``problems`` holds the result so the page can refuse to save.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.banks.item_check import check_item
from ...core.catalog import AREAS, AUDIENCE_NAMES, area_name
from ..common import plain_label
from .answers import AnswersEditor, answers_editor
from .labels import ITPASSPORT, STATUSES, TYPES, label

CHECK_DELAY_MS = 300
CAPTIONS = {"sub_competence": "小領域", "stem": "問題文", "explanation": "解説", "audiences": "対象", "level": "水準",
            "points": "配点", "image": "図", "source": "出典", "reviewer": "見直した人", "scenario": "事例",
            "options": "選択肢", "premises": "前提", "key": "正解", "value": "正解の数値", "tolerance": "許容する誤差",
            "unit": "単位", "weights": "重み", "feedback": "フィードバック", "dss": "スキル標準（DSS）",
            "digcomp": "DigComp", "itpassport": "ITパスポート分野"}
"""The schema's field names as the form calls them; most are captions the form already passes to
tr(), so English finds them too (any other stays in Japanese)."""


class ItemEditor(QWidget):
    changed = Signal()
    """The form's value changed (after a load, only by the trainer)."""
    checked = Signal(bool)
    """Validation finished: True when the item has no problems."""

    def __init__(self, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.problems: dict[str, list[Any]] = {}
        self._loaded: dict[str, Any] = {}
        self._scenarios: list[dict[str, Any]] = []
        self._path = ""
        self._loading = False
        self._errors: dict[str, QLabel] = {}
        # Widgets
        self.item_id = QLineEdit(self)
        self.item_id.setReadOnly(True)
        self.type = QComboBox(self)
        for value, name in TYPES:
            self.type.addItem(label(name), value)
        self.type.setEnabled(False)  # a published item keeps its type: a new type is a new item
        self.area = QComboBox(self)
        for area in AREAS:
            self.area.addItem(area_name(area, lang), area)
        self.sub_competence = QLineEdit(self)
        self.level = QSpinBox(self)
        self.level.setRange(1, 4)
        self.audiences = {key: QCheckBox(names.get(lang, names["ja"]), self) for key, names in AUDIENCE_NAMES.items()}
        self.pilot = QCheckBox(self.tr("試行問題（採点しない）"), self)
        self.scenario = QComboBox(self)
        self.stem = QPlainTextEdit(self)
        self.stem.setMinimumHeight(90)
        self.image = QLineEdit(self)
        self.image_button = QPushButton(self.tr("図を選ぶ…"), self)
        self.scenario_edit_button = QPushButton(self.tr("事例を編集…"), self)
        self.scenario_new_button = QPushButton(self.tr("新しい事例…"), self)
        for button in (self.image_button, self.scenario_edit_button, self.scenario_new_button):
            button.setAutoDefault(False)
        self.points = QDoubleSpinBox(self)
        self.points.setRange(0.5, 100)
        self.points.setSingleStep(0.5)
        self.answers_box = QVBoxLayout()
        self.answers: AnswersEditor | None = None
        self.explanation = QPlainTextEdit(self)
        self.explanation.setMinimumHeight(90)
        self.dss = QLineEdit(self)
        self.itpassport = QComboBox(self)
        for value, name in ITPASSPORT:
            self.itpassport.addItem(label(name), value)
        self.digcomp = QLineEdit(self)
        self.reviewed = QDateEdit(self)
        self.reviewed.setCalendarPopup(True)
        self.reviewed.setDisplayFormat("yyyy-MM-dd")
        self.reviewer = QLineEdit(self)
        self.status = QComboBox(self)
        for value, name in STATUSES:
            self.status.addItem(label(name), value)
        self.source = QPlainTextEdit(self)
        self.source.setMaximumHeight(60)
        self.item_problem = self._error_label()
        # Assemble
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: fields get the width
        audience_row = QHBoxLayout()
        for box in self.audiences.values():
            audience_row.addWidget(box)
        audience_row.addWidget(self.pilot)
        audience_row.addStretch(1)
        review_row = QHBoxLayout()
        review_row.addWidget(self.reviewed)
        review_row.addWidget(plain_label(self.tr("見直した人"), self))
        review_row.addWidget(self.reviewer, 1)
        review_row.addWidget(plain_label(self.tr("状態"), self))
        review_row.addWidget(self.status)
        self.scenario.setAccessibleName(self.tr("事例"))
        self.image.setAccessibleName(self.tr("図"))
        scenario_row = QHBoxLayout()
        scenario_row.addWidget(self.scenario, 1)
        scenario_row.addWidget(self.scenario_edit_button)
        scenario_row.addWidget(self.scenario_new_button)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image, 1)
        image_row.addWidget(self.image_button)
        rows: list[tuple[str, str, Any]] = [
            ("id", self.tr("問題ID"), self.item_id), ("type", self.tr("形式"), self.type),
            ("area", self.tr("領域"), self.area), ("sub_competence", self.tr("小領域"), self.sub_competence),
            ("level", self.tr("水準（1〜4）"), self.level), ("audiences", self.tr("対象"), audience_row),
            ("scenario", self.tr("事例"), scenario_row), ("stem", self.tr("問題文"), self.stem),
            ("image", self.tr("図（問題バンクのフォルダからの相対パス・任意）"), image_row),
            ("key", self.tr("選択肢と正解"), self.answers_box),
            ("points", self.tr("配点"), self.points), ("explanation", self.tr("解説"), self.explanation),
            ("tags", self.tr("スキル標準（DSS）"), self.dss),
            ("tags_itpassport", self.tr("ITパスポート分野"), self.itpassport),
            ("tags_digcomp", self.tr("DigComp"), self.digcomp), ("reviewed", self.tr("見直した日"), review_row),
            ("source", self.tr("出典"), self.source)]
        for field, caption, widget in rows:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            if isinstance(widget, QWidget):
                widget.setAccessibleName(caption)
                cell.addWidget(widget)
            else:
                cell.addLayout(widget)
            self._errors[field] = self._error_label()
            cell.addWidget(self._errors[field])
            form.addRow(caption, cell)
        for alias, field in (("options", "key"), ("premises", "key"), ("weights", "key"), ("feedback", "key"),
                             ("scoring", "key"), ("unit", "key"), ("pilot", "audiences"), ("reviewer", "reviewed"),
                             ("status", "reviewed"), ("links", "source")):
            self._errors[alias] = self._errors[field]
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.item_problem)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form wraps to the pane
        scroll.setWidget(inner)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # Connect: any change → changed + a delayed check
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        for line in (self.sub_competence, self.image, self.dss, self.digcomp, self.reviewer):
            line.textChanged.connect(self._edited)
        for text in (self.stem, self.explanation, self.source):
            text.textChanged.connect(self._edited)
        for combo in (self.area, self.scenario, self.itpassport, self.status):
            combo.currentIndexChanged.connect(self._edited)
        for box in (*self.audiences.values(), self.pilot):
            box.toggled.connect(self._edited)
        self.level.valueChanged.connect(self._edited)
        self.points.valueChanged.connect(self._edited)
        self.reviewed.dateChanged.connect(self._edited)

    def _error_label(self) -> QLabel:
        label = plain_label("", self)
        label.setStyleSheet("color: #b00020;")
        label.hide()
        return label

    # loading and reading ---------------------------------------------------------------------------
    def load(self, item: dict[str, Any], scenarios: list[dict[str, Any]], path: str) -> None:
        self._loading = True
        self._loaded = copy.deepcopy(item)
        self._scenarios = scenarios
        self._path = path
        self.item_id.setText(str(item.get("id", "")))
        self.type.setCurrentIndex(max(0, self.type.findData(item.get("type"))))
        self.area.setCurrentIndex(max(0, self.area.findData(item.get("area"))))
        self.sub_competence.setText(item.get("sub_competence", ""))
        self.level.setValue(int(item.get("level", 1)) if str(item.get("level", 1)).isdigit() else 1)
        for key, box in self.audiences.items():
            box.setChecked(key in (item.get("audiences") or []))
        self.pilot.setChecked(bool(item.get("pilot")))
        self.scenario.clear()
        self.scenario.addItem(self.tr("（なし）"), None)
        for scenario in scenarios:
            self.scenario.addItem(f"{scenario.get('id')}: {scenario.get('title', '')}", scenario.get("id"))
        self.scenario.setCurrentIndex(max(0, self.scenario.findData(item.get("scenario"))))
        self.scenario_edit_button.setEnabled(bool(scenarios))
        self.stem.setPlainText(item.get("stem", ""))
        self.image.setText(item.get("image") or "")
        self.points.setValue(float(item.get("points", 1.0)))
        self._replace_answers(item)
        self.explanation.setPlainText(item.get("explanation", ""))
        tags = item.get("tags") or {}
        self.dss.setText(_joined(tags.get("dss")))
        self.itpassport.setCurrentIndex(max(0, self.itpassport.findData(tags.get("itpassport"))))
        self.digcomp.setText(_joined(tags.get("digcomp")))
        reviewed = item.get("reviewed")
        date = reviewed if isinstance(reviewed, dt.date) else dt.date.today()
        self.reviewed.setDate(QDate(date.year, date.month, date.day))
        self.reviewer.setText(item.get("reviewer") or "")
        self.status.setCurrentIndex(max(0, self.status.findData(item.get("status"))))
        self.source.setPlainText(item.get("source") or "")
        self._loading = False
        self.check_now()

    def _replace_answers(self, item: dict[str, Any]) -> None:
        if self.answers is not None:
            self.answers_box.removeWidget(self.answers)
            self.answers.deleteLater()
        self.answers = answers_editor(item.get("type", "single"), self)
        self.answers.load(item)
        self.answers.changed.connect(self._edited)
        self.answers_box.addWidget(self.answers)

    def value(self) -> dict[str, Any]:
        """The edited item.  Fields the form does not show are kept as loaded."""
        item = copy.deepcopy(self._loaded)
        item["area"] = self.area.currentData()
        item["sub_competence"] = self.sub_competence.text().strip()
        item["level"] = self.level.value()
        item["audiences"] = [key for key, box in self.audiences.items() if box.isChecked()]
        _keep_default(item, "pilot", self.pilot.isChecked(), False)
        _optional(item, "scenario", self.scenario.currentData())
        item["stem"] = _text(self.stem.toPlainText(), self._loaded.get("stem"))
        _optional(item, "image", self.image.text().strip() or None)
        _keep_default(item, "points", self.points.value(), 1.0)
        if self.answers is not None:
            self.answers.apply(item)
        item["explanation"] = _text(self.explanation.toPlainText(), self._loaded.get("explanation"))
        tags = dict(item.get("tags") or {})
        tags["dss"] = _split(self.dss.text(), tags.get("dss"))
        tags["itpassport"] = self.itpassport.currentData()
        tags["digcomp"] = _split(self.digcomp.text(), tags.get("digcomp"))
        item["tags"] = tags
        date = self.reviewed.date()
        item["reviewed"] = dt.date(date.year(), date.month(), date.day())
        _optional(item, "reviewer", self.reviewer.text().strip() or None)
        item["status"] = self.status.currentData()
        _optional(item, "source", self.source.toPlainText().strip() or None)
        return item

    def mark_reviewed(self, reviewer: str) -> None:
        """「見直し済みにする」: today's date and the trainer's name."""
        today = dt.date.today()
        self.reviewed.setDate(QDate(today.year, today.month, today.day))
        self.reviewer.setText(reviewer)

    # validation ------------------------------------------------------------------------------------
    def _edited(self, *_args: Any) -> None:
        if self._loading:
            return
        self.changed.emit()
        self._timer.start()

    def check_now(self) -> None:
        self._timer.stop()
        self.problems = check_item(self.value(), self._path, self._scenarios)
        own = self.own_problems()
        covered = set(own)
        if "key" in own and self.answers is not None:
            covered |= set(self.answers.fields)  # the table's own sentences replace the schema's
        if "tags" in own:
            covered |= {"tags", "tags_itpassport", "tags_digcomp"}
        shown: dict[QLabel, list[str]] = {}
        for field, sentences in own.items():
            shown.setdefault(self._errors.get(field, self.item_problem), []).extend(sentences)
        for field, problems in self.problems.items():
            if field in covered:
                continue  # the editor's own sentence says it better than the schema's
            label = self._errors.get(field, self.item_problem)
            shown.setdefault(label, []).extend(self._captioned(problem.render(self.lang).split(": ", 1)[-1])
                                               for problem in problems)
        for label in {*self._errors.values(), self.item_problem}:
            messages = shown.get(label, [])
            label.setText("\n".join(f"⚠ {text}" for text in messages))
            label.setVisible(bool(messages))
            label.setAccessibleName(label.text())
        self.checked.emit(not self.problems and not own)

    def own_problems(self) -> dict[str, list[str]]:
        """Problems said in the form's own words (a blank required field, the answer tables)."""
        own: dict[str, list[str]] = dict(self.answers.own_problems()) if self.answers is not None else {}
        for field, widget, caption in (("sub_competence", self.sub_competence, self.tr("小領域")),
                                       ("stem", self.stem, self.tr("問題文")),
                                       ("explanation", self.explanation, self.tr("解説"))):
            text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
            if not text.strip():
                own[field] = [self.tr("{0}を書いてください。").format(caption)]
        if not any(box.isChecked() for box in self.audiences.values()):
            own["audiences"] = [self.tr("対象を 1 つ以上選んでください。")]
        blank_tags = [caption for line, caption in ((self.dss, self.tr("スキル標準（DSS）")),
                                                    (self.digcomp, self.tr("DigComp")))
                      if not line.text().strip()]
        if blank_tags:
            own["tags"] = [self.tr("{0}を書いてください（枠組みの対応。例: DSS「How/留意点/セキュリティ」、"
                                   "DigComp「4.1」）。").format("・".join(blank_tags))]
        return own

    def blocking(self) -> bool:
        """True while the answer table holds something a bank file cannot (a repeated 記号 …):
        such an edit stays in the form and is neither committed nor saved."""
        return bool(self.answers is not None and self.answers.own_problems())

    def _captioned(self, text: str) -> str:
        """The schema speaks of YAML keys (「stem」); the trainer sees the form's captions."""
        for field, caption in CAPTIONS.items():
            text = text.replace(f"「{field}」", f"「{self.tr(caption)}」")
        return text

    def show_first_problem(self) -> None:
        """Scroll to the first field with a problem (after a refused save)."""
        shown = [label for label in {*self._errors.values(), self.item_problem} if not label.isHidden()]
        if shown:
            first = min(shown, key=lambda label: label.mapTo(self.scroll.widget(), label.rect().topLeft()).y())
            self.scroll.ensureWidgetVisible(first, 50, 150)

    def error_text(self, field: str) -> str:
        label = self._errors.get(field, self.item_problem)
        return label.text() if label.isVisible() else ""


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _split(text: str, before: Any) -> Any:
    """A comma-separated list stays a list; one value stays the scalar it was."""
    parts = [part.strip() for part in re.split(r"[,、，]", text) if part.strip()]
    if isinstance(before, list) or len(parts) > 1:
        return parts
    return parts[0] if parts else ""


def _text(text: str, before: Any) -> str:
    """Keep the file's trailing newline (block scalars end with one) when the text is unchanged;
    blank text stays blank (never a lone newline that would pass for content)."""
    if not text.strip():
        return ""
    if isinstance(before, str) and before.rstrip("\n") == text.rstrip("\n"):
        return before
    return text.rstrip() + ("\n" if isinstance(before, str) and before.endswith("\n") else "")


def _optional(item: dict[str, Any], field: str, value: Any) -> None:
    if value is None:
        item.pop(field, None)
    else:
        item[field] = value


def _keep_default(item: dict[str, Any], field: str, value: Any, default: Any) -> None:
    """Write a field that has a default only when it was written before or differs from it."""
    if field in item or value != default:
        item[field] = value

