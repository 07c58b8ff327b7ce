"""Exchanging questions with Moodle (GIFT, Moodle XML) and QTI.

``common`` holds the format-neutral ``Question`` and the conversions between it and a bank item;
``gift``, ``moodle_xml`` and ``qti`` read and write files.  Qt-free: the command line and the UI
both use it.
"""

from .common import (
    Answer,
    InterchangeWarning,
    NumericAnswer,
    Question,
    ReadResult,
    categories,
    from_item,
    html_to_text,
    to_bank,
    to_item,
)

__all__ = [
    "Answer", "InterchangeWarning", "NumericAnswer", "Question", "ReadResult", "categories", "from_item",
    "html_to_text", "to_bank", "to_item",
]
