"""One clock, the server's: an exam PC whose clock is two hours off gains and loses nothing.

The client runs as its own process under libfaketime (``faketime``), so its every clock call is
shifted, as on a PC with a wrong clock.  Issue 11's findings: a PC 2 h slow sat an assessment an
hour after its window closed; a fast PC timed out other people's attempts.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import select

from literacy_app.core.model import SYSTEM
from literacy_app.services import assessments
from literacy_app.storage.models import Answer, Attempt

from ..conftest import ROOT
from ._lan import CODE

pytestmark = pytest.mark.slow

CLIENT = """
import json, sys, datetime as dt
from pathlib import Path
from literacy_app.client.api import ServerClient
from literacy_app.client.settings import ClientSettings
from literacy_app.core.errors import UserError
url, staff_no, open_id, closed_id = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
client = ServerClient(ClientSettings(url, None, Path("client.toml")))
out = {"pc_now": dt.datetime.now(dt.timezone.utc).isoformat()}
try:
    client.start(staff_no, closed_id, "sakura-2026")
    out["closed"] = "started"
except UserError as error:
    out["closed"] = error.code
state = client.start(staff_no, open_id, "sakura-2026")
out["remaining"] = state.remaining_seconds
out["saved"] = client.save_answer(state.attempt_id, 1, None, 1)
result, _links, _show = client.finish(state.attempt_id)
out["finished_by"] = result.finished_by
out["attempt_id"] = state.attempt_id
print(json.dumps(out))
"""


@pytest.mark.parametrize("offset", ["-2h", "+2h"])
def test_a_pc_clock_two_hours_off_changes_nothing(lan, offset):
    now = lan.database.clock()
    with lan.database.uow() as uow:  # a window that closed an hour ago (by the server's clock)
        closed = assessments.open_assessment(uow, SYSTEM, "recruit-standard", now - dt.timedelta(hours=3),
                                             now - dt.timedelta(hours=1), access_code=CODE)
    staff_no = lan.examinee()
    assert shutil.which("faketime"), "faketime is installed by scripts/_setup.sh (Debian package faketime)"
    run = subprocess.run(["faketime", "-f", offset, sys.executable, "-c", CLIENT, lan.url, staff_no,
                          str(lan.windows["recruit-standard"]), str(closed)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    pc_offset = dt.datetime.fromisoformat(out["pc_now"]) - now
    assert abs(abs(pc_offset.total_seconds()) - 7200) < 120  # the client really ran two hours off
    assert out["closed"] == "assessment_not_open"
    assert 2690 <= out["remaining"] <= 2700  # 45 minutes by the server, not 45 ± 120
    assert out["saved"] is True and out["finished_by"] == "examinee"
    with lan.database.uow(read_only=True) as uow:
        attempt = uow.session.get(Attempt, out["attempt_id"])
        saved_at = uow.session.scalar(select(Answer.saved_at).where(Answer.attempt_id == attempt.id,
                                                                    Answer.position == 1))
    for stamp in (attempt.started_at, attempt.finished_at, saved_at):
        assert abs((stamp - now).total_seconds()) < 120  # stored times are the server's
