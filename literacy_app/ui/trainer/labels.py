"""Names shown for codes in the trainer's window (item types, statuses, …), marked for Qt's
translation tools with QT_TRANSLATE_NOOP and translated at display time with ``label()``.

A light module on purpose: the main window imports the trainer's controller at start-up."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "TrainerLabels"

TYPES = (("single", QT_TRANSLATE_NOOP("TrainerLabels", "単一選択")),
         ("multiple", QT_TRANSLATE_NOOP("TrainerLabels", "複数選択")),
         ("true_false", QT_TRANSLATE_NOOP("TrainerLabels", "正誤")),
         ("ordering", QT_TRANSLATE_NOOP("TrainerLabels", "並べ替え")),
         ("matching", QT_TRANSLATE_NOOP("TrainerLabels", "組合せ")),
         ("numeric", QT_TRANSLATE_NOOP("TrainerLabels", "数値")),
         ("short_text", QT_TRANSLATE_NOOP("TrainerLabels", "短答")))
STATUSES = (("draft", QT_TRANSLATE_NOOP("TrainerLabels", "下書き")),
            ("approved", QT_TRANSLATE_NOOP("TrainerLabels", "承認済み")),
            ("retired", QT_TRANSLATE_NOOP("TrainerLabels", "廃止")))
ITPASSPORT = (("strategy", QT_TRANSLATE_NOOP("TrainerLabels", "ストラテジ")),
              ("management", QT_TRANSLATE_NOOP("TrainerLabels", "マネジメント")),
              ("technology", QT_TRANSLATE_NOOP("TrainerLabels", "テクノロジ")))
LIST_COLUMNS = (QT_TRANSLATE_NOOP("TrainerLabels", "問題ID"), QT_TRANSLATE_NOOP("TrainerLabels", "領域"),
                QT_TRANSLATE_NOOP("TrainerLabels", "形式"), QT_TRANSLATE_NOOP("TrainerLabels", "水準"),
                QT_TRANSLATE_NOOP("TrainerLabels", "状態"), QT_TRANSLATE_NOOP("TrainerLabels", "見直し日"),
                QT_TRANSLATE_NOOP("TrainerLabels", "問題文"))
REASONS = {"review_due": QT_TRANSLATE_NOOP("TrainerLabels", "見直し期限切れ"),
           "negative_discrimination": QT_TRANSLATE_NOOP("TrainerLabels", "識別力が負"),
           "too_easy": QT_TRANSLATE_NOOP("TrainerLabels", "易しすぎる"),
           "too_hard": QT_TRANSLATE_NOOP("TrainerLabels", "難しすぎる"),
           "weak_distractor": QT_TRANSLATE_NOOP("TrainerLabels", "ほとんど選ばれない誤答")}


def label(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def tr(text: str) -> str:
    """For code that is not a QObject (dialog functions, undo commands).  lupdate files a bare
    ``tr("…")`` call under the empty context, so that is where it is looked up — the same
    whatever widget the text is shown on (``parent.tr`` would use the widget's class)."""
    return QCoreApplication.translate("", text)
