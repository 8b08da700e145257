"""Two Zope instances on one RelStorage database (PostgreSQL): what one instance
publishes the other serves, and concurrent writes through both are all stored,
once each, with unique tracking codes. Real PostgreSQL (Debian's), real
zconsole, two real runwsgi processes."""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import os
import pytest
import requests
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zoneinfo


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ADMIN = ("admin", "admin-secret")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
SUBMISSIONS = 12
CHINA = zoneinfo.ZoneInfo("Asia/Shanghai")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def postgres():
    """A PostgreSQL server of its own on a Unix socket; (socket dir, port)."""
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        pytest.fail(
            "PostgreSQL missing: .ci/run installs the Debian package postgresql"
        )
    # Below /tmp itself: when run as root the server runs as "postgres", which
    # must reach the folder (pytest's tmp_path is private to root).
    folder = Path(tempfile.mkdtemp(prefix="tongliao-pg-"))
    port = free_port()
    script = ROOT / "scripts/postgres.sh"
    subprocess.run(["bash", script, "start", folder, str(port), "tongliao"], check=True)
    yield folder / "socket", port
    subprocess.run(["bash", script, "stop", folder], check=False)
    shutil.rmtree(folder, ignore_errors=True)


def wait_for(url):
    for _attempt in range(120):
        try:
            return requests.get(url, timeout=10)
        except requests.ConnectionError:
            time.sleep(1)
    pytest.fail(f"{url} did not answer within two minutes")


@pytest.fixture
def two_instances(postgres, tmp_path):
    socket_dir, pg_port = postgres
    dsn = f"dbname='tongliao' host='{socket_dir}' port={pg_port} user='postgres'"
    urls, servers = [], []
    for name in ("a", "b"):
        port = free_port()
        subprocess.run(
            [sys.executable, ROOT / "scripts/write_instance.py", "--port", str(port)]
            + ["--host", "127.0.0.1", "--instance", tmp_path / f"instance-{name}"]
            + ["--var", tmp_path / "var", "--storage", "relstorage", "--dsn", dsn],
            check=True,
        )
        urls.append(f"http://127.0.0.1:{port}/tongliao")
    env = {**os.environ, "ADMIN_PASSWORD": ADMIN[1], "SITE_DEMO": "no"}
    conf = tmp_path / "instance-a" / "etc" / "zope.conf"
    created = subprocess.run(
        [BIN / "zconsole", "run", conf, ROOT / "scripts/create_site.py"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert created.returncode == 0, created.stderr[-3000:]
    for name in ("a", "b"):
        servers.append(
            subprocess.Popen(
                [BIN / "runwsgi", tmp_path / f"instance-{name}" / "etc" / "zope.ini"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    try:
        for url in urls:
            assert wait_for(url).status_code == 200
        yield urls
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def application(number):
    return {
        "@type": "DisclosureApplication",
        "applicant_type": "natural_person",
        "applicant_name": f"并发申请人{number}",
        "id_number": "11010519491231002X",
        "phone": "13812345678",
        "description": f"第{number}号并发申请：2025年供热价格调整文件",
        "provision_form": "email",
        "obtain_method": "email",
        "channel": "in_person",
        "received_date": datetime.now(CHINA).date().isoformat(),
    }


@pytest.mark.e2e
def test_two_relstorage_instances_share_one_database(two_instances):
    a, b = two_instances
    created = requests.post(
        a,
        json={
            "@type": "DisclosureAgency",
            "id": "fgw",
            "title": "通辽市发展和改革委员会",
            "credit_code": "11150500MB160202X6",
        },
        headers=JSON,
        auth=ADMIN,
    )
    assert created.status_code == 201, created.text
    # Not public yet: instance B refuses it to anonymous visitors as A would.
    assert requests.get(f"{b}/fgw", headers=JSON).status_code == 401
    published = requests.post(f"{a}/fgw/@workflow/publish", headers=JSON, auth=ADMIN)
    assert published.status_code == 200, published.text
    seen = requests.get(f"{b}/fgw", headers=JSON)
    assert seen.status_code == 200 and seen.json()["title"] == "通辽市发展和改革委员会"

    # Concurrent registrations through both instances (conflicts are retried).
    def submit(number):
        url = (a, b)[number % 2]
        return requests.post(
            f"{url}/fgw",
            json=application(number),
            headers=JSON,
            auth=ADMIN,
            timeout=120,
        )

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(submit, range(SUBMISSIONS)))
    assert [r.status_code for r in responses] == [201] * SUBMISSIONS, [
        r.json().get("message") for r in responses if r.status_code != 201
    ]
    listing = requests.get(
        f"{b}/fgw/@search",
        params={"portal_type": "DisclosureApplication", "b_size": 100},
        headers=JSON,
        auth=ADMIN,
    ).json()
    assert listing["items_total"] == SUBMISSIONS
    codes, names = set(), set()
    for item in listing["items"]:
        case = requests.get(item["@id"], headers=JSON, auth=ADMIN).json()
        codes.add(case["tracking_code"])
        names.add(case["applicant_name"])
    assert len(codes) == SUBMISSIONS  # unique tracking codes
    assert names == {f"并发申请人{n}" for n in range(SUBMISSIONS)}  # each once
