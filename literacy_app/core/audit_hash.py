"""The hash that chains audit rows: each row's hash covers its own fields and the previous row's.

Pure Python so the migration that chains old rows, the service that appends, and ``audit
verify`` compute it the same way.  Values are taken as they read back from the database
(UTC time to the microsecond, detail as JSON), so a verification never trips on formatting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

GENESIS = ""
"""The ``prev_hash`` of the first row."""


def normalise_detail(detail: Any) -> Any:
    """The detail as it will read back from a JSON column (tuples become lists, keys strings)."""
    return json.loads(json.dumps(detail, ensure_ascii=False, default=str))


def row_hash(prev_hash: str, at: dt.datetime, actor: str, action: str, detail: Any) -> str:
    moment = at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    payload = json.dumps([prev_hash, moment, actor, action, detail], ensure_ascii=False, sort_keys=True,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
