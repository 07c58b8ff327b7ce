"""Text comparison shared by the bank checks and the scoring (kept free of heavy imports:
the examinee window imports the scoring rules at start-up)."""

from __future__ import annotations

import unicodedata


def normalise_answer(text: str) -> str:
    """Short-text comparison form: NFKC (full/half width), case folded, no spaces at all."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(folded.split())
