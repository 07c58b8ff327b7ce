"""Errors a user can cause, carried as a message code plus parameters.

Services raise ``UserError``; the CLI and the UI render it with ``message()`` in the user's
language.  Nothing a user can cause should surface as a traceback.
"""

from __future__ import annotations

from typing import Any

from .i18n import message


class UserError(Exception):
    """A refusal or a problem the user can understand and act on."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def render(self, lang: str = "ja") -> str:
        return message(self.code, lang, **self.params)

    def __str__(self) -> str:  # logs and test failures read better in the default language
        return self.render()


class NotAllowed(UserError):
    """The caller's role does not permit the use case (checked in services, not the UI)."""

    def __init__(self) -> None:
        super().__init__("not_allowed")
