"""Real processes for the deployment tests: a PostgreSQL server of its own, Zope
instances written by scripts/write_instance.py and served by runwsgi, a ZEO
server, and a stream of submissions that records what was acknowledged.

Every process started here is stopped by the fixture or context manager that
started it, also when a test fails."""

from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import base64
import os
import pytest
import requests
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zoneinfo


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ADMIN = ("admin", "admin-secret")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
CHINA = zoneinfo.ZoneInfo("Asia/Shanghai")
PG_SCRIPT = ROOT / "scripts/postgres.sh"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=120):
    """The first answer of ``url`` (any status), waiting while nothing listens."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return requests.get(url, timeout=10)
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                pytest.fail(f"{url} did not answer within {seconds} s")
            time.sleep(0.5)


def postgres_bindir():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.fail(
            "PostgreSQL missing: .ci/run installs the Debian package postgresql"
        )
    return found[-1].parent


class Postgres:
    """A PostgreSQL server on a Unix socket in a folder of its own (below /tmp:
    run as root, the server runs as "postgres", which must reach the folder)."""

    def __init__(self, dbname="tongliao"):
        self.bindir = postgres_bindir()
        self.folder = Path(tempfile.mkdtemp(prefix="tongliao-pg-"))
        self.socket = self.folder / "socket"
        self.port = free_port()
        self.dbname = dbname

    def start(self, dbname=None):
        subprocess.run(
            ["bash", PG_SCRIPT, "start", self.folder, str(self.port)]
            + [dbname or self.dbname],
            check=True,
        )

    def stop(self):
        subprocess.run(["bash", PG_SCRIPT, "stop", self.folder], check=False)

    def dsn(self, dbname=None):
        return (
            f"dbname='{dbname or self.dbname}' host='{self.socket}'"
            f" port={self.port} user='postgres'"
        )

    def client(self, program, *args):
        """Run a client program (pg_dump, pg_restore, psql) against the server."""
        return subprocess.run(
            [self.bindir / program, "-h", self.socket, "-p", str(self.port)]
            + ["-U", "postgres", *args],
            check=True,
            capture_output=True,
            text=True,
        )

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def postgres_server():
    server = Postgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()


def write_instance(instance, var, port, *options):
    subprocess.run(
        [sys.executable, ROOT / "scripts/write_instance.py", "--port", str(port)]
        + ["--host", "127.0.0.1", "--instance", instance, "--var", var]
        + [str(option) for option in options],
        check=True,
    )
    return Path(instance) / "etc"


def create_site(etc, demo=False):
    """scripts/create_site.py through zconsole (the site /tongliao)."""
    env = {**os.environ, "ADMIN_PASSWORD": ADMIN[1], "SITE_ID": "tongliao"}
    if not demo:
        env["SITE_DEMO"] = "no"
    created = subprocess.run(
        [BIN / "zconsole", "run", Path(etc) / "zope.conf"]
        + [ROOT / "scripts/create_site.py"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert created.returncode == 0, created.stderr[-3000:]


class Process:
    """A server process whose output goes to a log file next to its config."""

    def __init__(self, command, log):
        self.command = [str(part) for part in command]
        self.log = Path(log)
        self.popen = None

    def launch(self):
        with self.log.open("ab") as log:
            self.popen = subprocess.Popen(
                self.command, stdout=log, stderr=subprocess.STDOUT
            )

    def ready(self):
        """Wait until the process serves."""

    def start(self):
        self.launch()
        self.ready()
        return self

    def kill(self):
        """kill -9: no shutdown code runs."""
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(timeout=30)

    def stop(self):
        if self.popen is not None and self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


class Instance(Process):
    """A Zope instance served by runwsgi; ``url`` is its site."""

    def __init__(self, etc, port):
        super().__init__(
            [BIN / "runwsgi", Path(etc) / "zope.ini"], Path(etc) / "out.log"
        )
        self.url = f"http://127.0.0.1:{port}/tongliao"

    def ready(self):
        assert wait_for(self.url).status_code == 200


def zeo_server(var):
    return Process(
        [BIN / "runzeo", "-C", Path(var) / "zeo.conf"], Path(var) / "zeo.out"
    )


@contextmanager
def running(*processes):
    """Start the processes together (launched in order, then each waited for);
    stop every one of them on the way out."""
    try:
        for process in processes:
            process.launch()
        for process in processes:
            process.ready()
        yield processes
    finally:
        for process in reversed(processes):
            process.stop()


def application(number, prefix="并发申请人"):
    return {
        "@type": "DisclosureApplication",
        "applicant_type": "natural_person",
        "applicant_name": f"{prefix}{number}",
        "id_number": "11010519491231002X",
        "phone": "13812345678",
        "description": f"第{number}号申请：2025年供热价格调整文件",
        "provision_form": "email",
        "obtain_method": "email",
        "channel": "in_person",
        "received_date": datetime.now(CHINA).date().isoformat(),
    }


def create_agency(url, agency_id="fgw"):
    """A published agency under the site at ``url`` (its URL)."""
    created = requests.post(
        url,
        json={
            "@type": "DisclosureAgency",
            "id": agency_id,
            "title": "通辽市发展和改革委员会",
            "credit_code": "11150500MB160202X6",
        },
        headers=JSON,
        auth=ADMIN,
        timeout=60,
    )
    assert created.status_code == 201, created.text
    published = requests.post(
        f"{url}/{agency_id}/@workflow/publish", headers=JSON, auth=ADMIN, timeout=60
    )
    assert published.status_code == 200, published.text
    return f"{url}/{agency_id}"


PDF = b"%PDF-1.4\n% backup test\n" + bytes(range(256)) * 64


def add_file(site_url):
    """A File with PDF as its blob."""
    return requests.post(
        site_url,
        json={
            "@type": "File",
            "id": "backup-proof",
            "title": "备份证明",
            "file": {
                "data": base64.b64encode(PDF).decode(),
                "encoding": "base64",
                "filename": "proof.pdf",
                "content-type": "application/pdf",
            },
        },
        headers=JSON,
        auth=ADMIN,
    )


def site_path(url):
    """The object's path inside the site (the same through every instance)."""
    return url.split("/tongliao", 1)[1]


class SubmissionStream:
    """Threads registering applications through ``urls`` (agency URLs, in
    turn) until stopped. ``acked`` holds the path of every application answered
    201; ``failures`` the time and reason of every other outcome."""

    def __init__(self, urls, threads=2, prefix="申请人"):
        self.urls = urls
        self.prefix = prefix
        self.acked = []  # (time acknowledged, path)
        self.failures = []  # (time, reason)
        self.stopping = threading.Event()
        self.counter = iter(range(10**6))
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run) for _ in range(threads)]

    def run(self):
        while not self.stopping.is_set():
            with self.lock:
                number = next(self.counter)
            url = self.urls[number % len(self.urls)]
            try:
                answer = requests.post(
                    url,
                    json=application(number, self.prefix),
                    headers=JSON,
                    auth=ADMIN,
                    timeout=60,
                )
            except requests.RequestException as error:
                self.failures.append((time.monotonic(), type(error).__name__))
                time.sleep(0.2)  # the fault lasts: do not spin
                continue
            if answer.status_code == 201:
                self.acked.append((time.monotonic(), site_path(answer.json()["@id"])))
            else:
                self.failures.append((time.monotonic(), answer.status_code))
                time.sleep(0.2)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=120)

    def wait_acked(self, count, seconds=120):
        deadline = time.monotonic() + seconds
        while len(self.acked) < count:
            assert time.monotonic() < deadline, (len(self.acked), self.failures[-5:])
            time.sleep(0.1)

    def first_ack_after(self, moment, seconds=120):
        """Seconds from ``moment`` to the first acknowledgement after it."""
        deadline = time.monotonic() + seconds
        while True:
            later = [at for at, _path in list(self.acked) if at > moment]
            if later:
                return min(later) - moment
            assert time.monotonic() < deadline, self.failures[-5:]
            time.sleep(0.05)

    def paths(self):
        return {path for _at, path in self.acked}


def search_paths(folder_url, auth=ADMIN, **params):
    """Paths (inside the site) of what @search finds in the folder."""
    listing = requests.get(
        f"{folder_url}/@search",
        params={"b_size": 5000, **params},
        headers=JSON,
        auth=auth,
        timeout=120,
    ).json()
    paths = [site_path(item["@id"]) for item in listing["items"]]
    assert listing["items_total"] == len(paths)
    return paths


def stored_applications(folder_url):
    """Paths of the applications the catalog lists in the folder."""
    paths = search_paths(folder_url, portal_type="DisclosureApplication")
    assert len(set(paths)) == len(paths)
    return set(paths)


def assert_all_acknowledged_stored(stream, folder_url):
    """Every acknowledged submission in the folder is stored once and loads;
    what is stored beyond them was answered by no one (a request cut off by the
    fault)."""
    stored = stored_applications(folder_url)
    site_url = folder_url.split("/tongliao", 1)[0] + "/tongliao"
    acked = stream.paths()
    assert len(acked) == len(stream.acked)  # no path acknowledged twice
    assert acked <= stored, sorted(acked - stored)
    assert len(stored - acked) <= len(stream.failures)
    with requests.Session() as session:
        for path in sorted(acked):
            answer = session.get(
                f"{site_url}{path}", headers=JSON, auth=ADMIN, timeout=60
            )
            assert answer.status_code == 200, path
    return stored
