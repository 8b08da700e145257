"""``make start`` on a fresh and on an existing storage: the site script runs
twice on the same data without a warning or an error, then the instance serves
the site (real zconsole, real FileStorage, real runwsgi)."""

from tests.process_support import BIN
from tests.process_support import free_port
from tests.process_support import Instance
from tests.process_support import ROOT
from tests.process_support import running

import os
import pytest
import re
import requests
import subprocess
import sys


DEMO_SMTP_PORT = 8025  # the demo profile's mail server (make start runs a sink)


@pytest.fixture
def mail_sink():
    """The sink make start runs, if the port is free (else one is running)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    controller = Controller(Sink(), hostname="127.0.0.1", port=DEMO_SMTP_PORT)
    try:
        controller.start()
    except (OSError, RuntimeError):
        yield None
        return
    yield controller
    controller.stop()


def problems(output):
    """Log lines of level WARNING or worse."""
    return [
        line
        for line in output.splitlines()
        if re.search(r"\b(WARNING|ERROR|CRITICAL)\b", line)
    ]


@pytest.mark.e2e
def test_site_script_twice_on_the_same_storage_then_serve(tmp_path, mail_sink):
    port = free_port()
    instance, var = tmp_path / "instance", tmp_path / "var"
    subprocess.run(
        [sys.executable, ROOT / "scripts/write_instance.py", "--port", str(port)]
        + ["--host", "127.0.0.1", "--instance", instance, "--var", var],
        check=True,
    )
    conf = instance / "etc" / "zope.conf"
    env = {**os.environ, "ADMIN_PASSWORD": "admin-secret", "SITE_ID": "tongliao"}
    create = [BIN / "zconsole", "run", conf, ROOT / "scripts/create_site.py"]

    first = subprocess.run(create, env=env, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "Site /tongliao created with the demo content." in first.stdout
    assert problems(first.stdout + first.stderr) == []

    second = subprocess.run(
        create, env=env, capture_output=True, text=True, timeout=300
    )
    assert second.returncode == 0, second.stderr[-3000:]
    assert "Site /tongliao exists: data reused." in second.stdout
    assert problems(second.stdout + second.stderr) == []

    with running(Instance(instance / "etc", port)) as (server,):
        response = requests.get(server.url, timeout=30)
        assert response.status_code == 200
        assert "通辽市政务公开平台" in response.text
        assert "开鲁县人民政府" in response.text  # the living demo's agencies
        login = requests.get(
            f"{server.url}/@@review-queue", auth=("admin", "admin-secret")
        )
        assert login.status_code == 200
