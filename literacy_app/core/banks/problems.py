"""A problem found in a bank or blueprint file, with its place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import message


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as ``file:line:col`` (1-based) so editors can jump to it."""

    path: str
    line: int
    col: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str = "ja") -> str:
        return f"{self.path}:{self.line}:{self.col}: {message(self.code, lang, **self.params)}"

    def where(self) -> str:
        return f"{self.path}:{self.line}"
