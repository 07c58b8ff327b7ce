"""What travels between the desktop app and the exam server: paths, headers and record formats.

Shared by ``server/`` and ``client/`` so both sides agree by construction.  Records are the
services' own frozen dataclasses, turned into JSON and back by pydantic's ``TypeAdapter`` (no
hand-written field lists to fall out of step).  Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import TypeAdapter

API_VERSION = 1
API_PREFIX = f"/api/v{API_VERSION}"
CLIENT_HEADER = "X-Literacy-Client"
"""The client's program version; the server refuses versions older than ``MIN_CLIENT_VERSION``."""
MIN_CLIENT_VERSION = (0, 1, 0)

MAX_BODY = 64 * 1024
"""Largest request body of an ordinary call (an answer is a few hundred bytes)."""
MAX_UPLOAD = 32 * 1024 * 1024
"""Largest request body of a bank upload (a trainer's publish: YAML files and pictures)."""


def parse_version(text: str | None) -> tuple[int, ...] | None:
    try:
        return tuple(int(part) for part in (text or "").split(".")[:3])
    except ValueError:
        return None


@functools.cache
def adapter(kind: Any) -> TypeAdapter[Any]:
    """One TypeAdapter per record type (building one costs more than using it)."""
    return TypeAdapter(kind)


def dump(kind: Any, value: Any) -> Any:
    return adapter(kind).dump_python(value, mode="json")


def load(kind: Any, value: Any) -> Any:
    return adapter(kind).validate_python(value)
