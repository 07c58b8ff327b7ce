"""The type-specific part of the item editor: options and key, premises, numbers, answers.

Each editor reads its fields from an item dict (``load``) and writes them back (``apply``).
Unchanged input gives back exactly the values it was loaded with — the file's option order
included — so opening and leaving an item never produces a diff.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..common import plain_label
from .rows import CHECK, CHOICE, NUMBER, TEXT, RowsTable


class AnswersEditor(QWidget):
    changed = Signal()
    fields: tuple[str, ...] = ()

    def load(self, item: dict[str, Any]) -> None:
        raise NotImplementedError

    def apply(self, item: dict[str, Any]) -> None:
        raise NotImplementedError

    def field_widget(self, field: str) -> QWidget | None:
        return None

    def own_problems(self) -> dict[str, list[str]]:
        """Problems said better in the editor's own words than by the schema (field → sentences)."""
        return {}


def _scoring_combo(parent: QWidget, choices: list[tuple[str, str]], name: str) -> QComboBox:
    combo = QComboBox(parent)
    for value, label in choices:
        combo.addItem(label, value)
    combo.setAccessibleName(name)
    return combo


def _set_or_drop(item: dict[str, Any], field: str, value: Any) -> None:
    if value in (None, {}, []):
        item.pop(field, None)
    else:
        item[field] = value


class ChoiceAnswers(AnswersEditor):
    """single / multiple: options with the right ones ticked, optional Moodle weights and
    feedback per option."""

    fields = ("options", "key", "weights", "feedback", "scoring")

    def __init__(self, multiple: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiple = multiple
        self.table = RowsTable([(self.tr("記号"), TEXT), (self.tr("選択肢"), TEXT), (self.tr("正解"), CHECK),
                                (self.tr("重み%"), NUMBER), (self.tr("フィードバック"), TEXT)],
                               self.tr("選択肢"), self)
        self.table.table.horizontalHeaderItem(3).setToolTip(
            self.tr("任意: Moodle と同じ得点の割合（-100〜100）。空欄なら標準の部分点の規則で採点します。"))
        self.table.table.horizontalHeaderItem(4).setToolTip(
            self.tr("任意: この選択肢を選んだ人に、解答の確認で示す説明"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.scoring = _scoring_combo(self, [("partial", self.tr("部分点あり（正しい選択ごとに加点・誤りで減点）")),
                                             ("all_or_nothing", self.tr("全て正しいときのみ得点"))],
                                      self.tr("採点方法"))
        if multiple:
            layout.addWidget(self.scoring)
        else:
            self.scoring.hide()
        self.table.changed.connect(self.changed.emit)
        self.scoring.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def load(self, item: dict[str, Any]) -> None:
        key = item.get("key")
        right = set(key) if isinstance(key, list) else {key}
        weights = item.get("weights") or {}
        feedback = item.get("feedback") or {}
        self.table.set_rows([[option, text, option in right, weights.get(option), feedback.get(option, "")]
                             for option, text in (item.get("options") or {}).items()])
        self.scoring.setCurrentIndex(max(0, self.scoring.findData(item.get("scoring", "partial"))))

    def apply(self, item: dict[str, Any]) -> None:
        rows = self.table.rows()
        item["options"] = {option: text for option, text, *_rest in rows}
        right = [option for option, _text, tick, *_rest in rows if tick]
        if self.multiple:
            item["key"] = right
            _set_or_drop(item, "scoring", None if self.scoring.currentData() == "partial" and "scoring" not in
                         item else self.scoring.currentData())
        else:
            item["key"] = right[0] if len(right) == 1 else ""  # own_problems() says what is wrong
        _set_or_drop(item, "weights", {option: weight for option, _t, _k, weight, _f in rows if weight is not None})
        _set_or_drop(item, "feedback", {option: text for option, _t, _k, _w, text in rows if text})

    def field_widget(self, field: str) -> QWidget | None:
        return self.scoring if field == "scoring" else self.table

    def own_problems(self) -> dict[str, list[str]]:
        found = self.table.problems(self.tr("選択肢"))
        found += [self.tr("選択肢「{0}」の文が空です。").format(row[0]) for row in self.table.rows()
                  if row[0] and not row[1]]
        ticks = sum(1 for row in self.table.rows() if row[2])
        if self.multiple and not ticks:
            found.append(self.tr("正解の選択肢に印を付けてください。"))
        if not self.multiple and ticks != 1:
            found.append(self.tr("単一選択では、正解の選択肢 1 つだけに印を付けてください。"))
        return {"key": found} if found else {}


class TrueFalseAnswers(AnswersEditor):
    fields = ("key", "feedback")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.true_button = QRadioButton(self.tr("正しい"), self)
        self.false_button = QRadioButton(self.tr("誤り"), self)
        self.true_feedback = QLineEdit(self)
        self.false_feedback = QLineEdit(self)
        self.true_feedback.setAccessibleName(self.tr("「正しい」と答えた人へのフィードバック"))
        self.false_feedback.setAccessibleName(self.tr("「誤り」と答えた人へのフィードバック"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("正解"), self.true_button)
        form.addRow("", self.false_button)
        form.addRow(self.tr("「正しい」へのフィードバック"), self.true_feedback)
        form.addRow(self.tr("「誤り」へのフィードバック"), self.false_feedback)
        for widget in (self.true_button, self.false_button):
            widget.toggled.connect(lambda _on: self.changed.emit())
        for line in (self.true_feedback, self.false_feedback):
            line.textChanged.connect(lambda _t: self.changed.emit())

    def load(self, item: dict[str, Any]) -> None:
        (self.true_button if item.get("key", True) else self.false_button).setChecked(True)
        feedback = item.get("feedback") or {}
        self.true_feedback.setText(feedback.get("true", ""))
        self.false_feedback.setText(feedback.get("false", ""))

    def apply(self, item: dict[str, Any]) -> None:
        item["key"] = self.true_button.isChecked()
        _set_or_drop(item, "feedback", {answer: line.text() for answer, line in
                                        (("true", self.true_feedback), ("false", self.false_feedback)) if line.text()})

    def field_widget(self, field: str) -> QWidget | None:
        return self.true_button if field == "key" else self.true_feedback


class OrderingAnswers(AnswersEditor):
    """Rows in the right order; the file keeps its own option order (examinees see them shuffled)."""

    fields = ("options", "key", "scoring")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = RowsTable([(self.tr("記号"), TEXT), (self.tr("手順（正しい順に並べる）"), TEXT)],
                               self.tr("並べ替えの選択肢"), self)
        self.scoring = _scoring_combo(self, [("adjacent_pairs", self.tr("隣り合う組ごとに部分点")),
                                             ("all_or_nothing", self.tr("全て正しいときのみ得点"))],
                                      self.tr("採点方法"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.scoring)
        self.table.changed.connect(self.changed.emit)
        self.scoring.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._file_order: list[str] = []

    def load(self, item: dict[str, Any]) -> None:
        options = item.get("options") or {}
        self._file_order = list(options)
        order = [o for o in item.get("key") or [] if o in options] + [o for o in options if o not in (item.get("key")
                                                                                                      or [])]
        self.table.set_rows([[option, options[option]] for option in order])
        self.scoring.setCurrentIndex(max(0, self.scoring.findData(item.get("scoring", "adjacent_pairs"))))

    def apply(self, item: dict[str, Any]) -> None:
        rows = self.table.rows()
        texts = {option: text for option, text in rows}
        order = [option for option in self._file_order if option in texts] + [o for o in texts if
                                                                                o not in self._file_order]
        item["options"] = {option: texts[option] for option in order}
        item["key"] = [option for option, _text in rows]
        if "scoring" in item or self.scoring.currentData() != "adjacent_pairs":
            item["scoring"] = self.scoring.currentData()

    def field_widget(self, field: str) -> QWidget | None:
        return self.scoring if field == "scoring" else self.table

    def own_problems(self) -> dict[str, list[str]]:
        found = self.table.problems(self.tr("手順"))
        found += [self.tr("手順「{0}」の文が空です。").format(row[0]) for row in self.table.rows()
                  if row[0] and not row[1]]
        return {"key": found} if found else {}


class MatchingAnswers(AnswersEditor):
    fields = ("premises", "options", "key", "scoring")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.premises = RowsTable([(self.tr("記号"), TEXT), (self.tr("前提"), TEXT),
                                   (self.tr("正しい選択肢"), CHOICE)],
                                  self.tr("組合せの前提"), self)
        self.premises.id_prefix = "p"
        self.options = RowsTable([(self.tr("記号"), TEXT), (self.tr("選択肢"), TEXT)], self.tr("組合せの選択肢"), self)
        self.scoring = _scoring_combo(self, [("per_pair", self.tr("組ごとに部分点")),
                                             ("all_or_nothing", self.tr("全て正しいときのみ得点"))],
                                      self.tr("採点方法"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(self.tr("前提と、その正しい選択肢"), self))
        layout.addWidget(self.premises)
        layout.addWidget(plain_label(self.tr("選択肢（前提より多くてもよい）"), self))
        layout.addWidget(self.options)
        layout.addWidget(self.scoring)
        for table in (self.premises, self.options):
            table.changed.connect(self.changed.emit)
        self.options.changed.connect(self._offer_options)
        self.scoring.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def _offer_options(self) -> None:
        self.premises.set_choices([row[0] for row in self.options.rows() if row[0]])

    def load(self, item: dict[str, Any]) -> None:
        key = item.get("key") or {}
        self.premises.choices = [str(option) for option in (item.get("options") or {})]
        self.premises.set_rows([[premise, text, key.get(premise, "")]
                                for premise, text in (item.get("premises") or {}).items()])
        self.options.set_rows([[option, text] for option, text in (item.get("options") or {}).items()])
        self.scoring.setCurrentIndex(max(0, self.scoring.findData(item.get("scoring", "per_pair"))))

    def apply(self, item: dict[str, Any]) -> None:
        rows = self.premises.rows()
        item["premises"] = {premise: text for premise, text, _choice in rows}
        item["options"] = {option: text for option, text in self.options.rows()}
        item["key"] = {premise: choice for premise, _text, choice in rows if choice}
        if "scoring" in item or self.scoring.currentData() != "per_pair":
            item["scoring"] = self.scoring.currentData()

    def field_widget(self, field: str) -> QWidget | None:
        return {"options": self.options, "scoring": self.scoring}.get(field, self.premises)

    def own_problems(self) -> dict[str, list[str]]:
        found = self.premises.problems(self.tr("前提")) + self.options.problems(self.tr("選択肢"))
        options = {row[0] for row in self.options.rows()}
        for premise, text, choice in self.premises.rows():
            if premise and not text:
                found.append(self.tr("前提「{0}」の文が空です。").format(premise))
            if premise and not choice:
                found.append(self.tr("前提「{0}」の正しい選択肢の記号を書いてください。").format(premise))
            elif choice and choice not in options:
                found.append(self.tr("前提「{0}」の正解「{1}」は選択肢の記号にありません。").format(premise, choice))
        found += [self.tr("選択肢「{0}」の文が空です。").format(row[0]) for row in self.options.rows()
                  if row[0] and not row[1]]
        return {"key": found} if found else {}


class NumericAnswers(AnswersEditor):
    fields = ("key", "unit")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = QLineEdit(self)
        self.value.setAccessibleName(self.tr("正解の数値"))
        self.tolerance = QDoubleSpinBox(self)
        self.tolerance.setRange(0, 1e12)
        self.tolerance.setDecimals(9)
        self.tolerance.setAccessibleName(self.tr("許容する誤差"))
        self.unit = QLineEdit(self)
        self.unit.setAccessibleName(self.tr("単位"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("正解の数値"), self.value)
        form.addRow(self.tr("許容する誤差（±）"), self.tolerance)
        form.addRow(self.tr("単位（任意）"), self.unit)
        self.value.textChanged.connect(lambda _t: self.changed.emit())
        self.tolerance.valueChanged.connect(lambda _v: self.changed.emit())
        self.unit.textChanged.connect(lambda _t: self.changed.emit())

    def load(self, item: dict[str, Any]) -> None:
        key = item.get("key") or {}
        value = key.get("value")
        self.value.setText(f"{value:g}" if isinstance(value, (int, float)) else str(value or ""))
        self.tolerance.setValue(float(key.get("tolerance", 0.0)))
        self.unit.setText(item.get("unit") or "")

    def apply(self, item: dict[str, Any]) -> None:
        text = unicodedata.normalize("NFKC", self.value.text()).strip().replace(",", "")
        try:
            value: Any = _plain_number(float(text))
        except ValueError:
            value = text  # own_problems() says it is not a number
        key: dict[str, Any] = {"value": value}
        if self.tolerance.value() or "tolerance" in (item.get("key") or {}):
            key["tolerance"] = _plain_number(self.tolerance.value())
        item["key"] = key
        _set_or_drop(item, "unit", self.unit.text().strip() or None)

    def field_widget(self, field: str) -> QWidget | None:
        return self.unit if field == "unit" else self.value

    def own_problems(self) -> dict[str, list[str]]:
        text = unicodedata.normalize("NFKC", self.value.text()).strip().replace(",", "")
        if not text:
            return {"key": [self.tr("正解の数値を書いてください。")]}
        try:
            float(text)
        except ValueError:
            return {"key": [self.tr("正解は数値で書いてください（「{0}」）。").format(self.value.text())]}
        return {}


class ShortTextAnswers(AnswersEditor):
    fields = ("key",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answers = QPlainTextEdit(self)
        self.answers.setAccessibleName(self.tr("正解とする答え（1 行に 1 つ）"))
        self.answers.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = self.tr("正解とする答え（1 行に 1 つ。全角・半角、大文字・小文字、空白の違いは区別しません）")
        layout.addWidget(plain_label(hint, self))
        layout.addWidget(self.answers)
        self.answers.textChanged.connect(self.changed.emit)

    def load(self, item: dict[str, Any]) -> None:
        self.answers.setPlainText("\n".join(item.get("key") or []))

    def apply(self, item: dict[str, Any]) -> None:
        item["key"] = [line.strip() for line in self.answers.toPlainText().splitlines() if line.strip()]

    def field_widget(self, field: str) -> QWidget | None:
        return self.answers

    def own_problems(self) -> dict[str, list[str]]:
        if not self.answers.toPlainText().strip():
            return {"key": [self.tr("正解とする答えを 1 つ以上書いてください。")]}
        return {}


def _plain_number(value: float) -> float | int:
    """4.0 is written 4, as a person writes it (and as the files do)."""
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def answers_editor(kind: str, parent: QWidget | None = None) -> AnswersEditor:
    if kind in ("single", "multiple"):
        return ChoiceAnswers(kind == "multiple", parent)
    return {"true_false": TrueFalseAnswers, "ordering": OrderingAnswers, "matching": MatchingAnswers,
            "numeric": NumericAnswers, "short_text": ShortTextAnswers}[kind](parent)
