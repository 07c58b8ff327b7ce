"""TLS: ``serve init`` makes the key, certificate and client.toml; the PC trusts only that certificate."""

from __future__ import annotations

import subprocess
import sys

import pytest

from literacy_app.client.api import ServerClient
from literacy_app.client.settings import load_client_settings
from literacy_app.core.errors import UserError

from ..conftest import ROOT
from ._lan import free_port, prepare

pytestmark = pytest.mark.slow


def _init(folder, port):
    run = subprocess.run([sys.executable, "-m", "literacy_app", "serve", "init", "--name", "127.0.0.1",
                          "--alt-name", "localhost", "--port", str(port), "--out", str(folder)],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "client.toml" in run.stdout and "SHA-256" in run.stdout
    return folder


def test_the_pc_talks_https_to_the_pinned_certificate_only(tmp_path):
    port = free_port()
    tls = _init(tmp_path / "server", port)
    assert oct((tls / "server.key").stat().st_mode & 0o777) == "0o600"
    lan = prepare(f"sqlite:///{tmp_path / 'room.sqlite3'}", seed_banks=False)
    try:
        lan.start(tls_dir=tls, port=port)
        settings = load_client_settings(tls / "client.toml")
        assert settings.server == f"https://127.0.0.1:{port}"
        assert ServerClient(settings).health()["api"] == 1
        # a PC pinned to another server's certificate refuses to talk (a look-alike server on the LAN)
        other = load_client_settings(_init(tmp_path / "other", port) / "client.toml")
        with pytest.raises(UserError) as caught:
            ServerClient(other).health()
        assert caught.value.code == "server_certificate" and "証明書" in caught.value.render()
    finally:
        lan.stop()


def test_plain_http_is_refused_off_loopback(tmp_path):
    run = subprocess.run([sys.executable, "-m", "literacy_app", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}",
                          "serve", "--insecure-http", "--host", "0.0.0.0"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 1 and "ループバック" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize(("content", "words"), [
    ('server = "http://10.0.0.5:8443"\n', "https"),
    ('server = "https://exam:8443"\n', "certificate"),
    ('server = \n', "client.toml"),
])
def test_a_bad_client_toml_gets_a_sentence(tmp_path, content, words):
    path = tmp_path / "client.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_client_settings(path)
    assert caught.value.code == "client_config_bad" and words in caught.value.render()
