"""The default storage (one process on a FileStorage) and the same data under a
ZEO server, through faults: kill -9 of the instance during a stream of
submissions, then a repozo backup (plus the blobs) restored into a new
instance; a ZEO server killed and restarted under load. Every acknowledged submission is
there afterwards and the storage is consistent (fstest, fsrefs). Real
processes: zconsole, runwsgi, runzeo, repozo."""

from tests.process_support import add_file
from tests.process_support import ADMIN
from tests.process_support import application
from tests.process_support import assert_all_acknowledged_stored
from tests.process_support import BIN
from tests.process_support import create_agency
from tests.process_support import create_site
from tests.process_support import free_port
from tests.process_support import Instance
from tests.process_support import JSON
from tests.process_support import PDF
from tests.process_support import running
from tests.process_support import stored_applications
from tests.process_support import SubmissionStream
from tests.process_support import write_instance
from tests.process_support import zeo_server

import pytest
import requests
import shutil
import subprocess
import sys
import time


@pytest.fixture(scope="module")
def var(tmp_path_factory):
    """A FileStorage (var/) with the site, served by no process yet."""
    root = tmp_path_factory.mktemp("filestorage")
    etc = write_instance(root / "instance", root / "var", free_port())
    create_site(etc)
    return root / "var"


def single_instance(var):
    port = free_port()
    return Instance(write_instance(var.parent / "instance", var, port), port)


def assert_consistent(var):
    """ZODB's own checks of a FileStorage nobody serves: the transactions are
    well formed (fstest) and every reference leads to a stored object (fsrefs)."""
    data = var / "filestorage" / "Data.fs"
    for script in ("fstest", "fsrefs"):
        checked = subprocess.run(
            [sys.executable, "-m", f"ZODB.scripts.{script}", data],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "error" not in checked.stdout.lower(), checked.stdout
        assert "missing" not in checked.stdout.lower(), checked.stdout


def back_up(var, backups):
    """The documented backup: repozo for Data.fs, a copy of the blobs."""
    backups.mkdir()
    subprocess.run(
        [BIN / "repozo", "-B", "-z", "-r", backups]
        + ["-f", var / "filestorage" / "Data.fs"],
        check=True,
    )
    shutil.copytree(var / "blobstorage", backups / "blobstorage")


def restore(backups, var):
    (var / "filestorage").mkdir(parents=True)
    subprocess.run(
        [BIN / "repozo", "-R", "-r", backups] + ["-o", var / "filestorage" / "Data.fs"],
        check=True,
    )
    shutil.copytree(backups / "blobstorage", var / "blobstorage")


@pytest.mark.e2e
def test_instance_killed_during_submissions_then_backed_up_and_restored(var, tmp_path):
    instance = single_instance(var)
    with running(instance):
        agency = create_agency(instance.url, "killed")
        with SubmissionStream([agency], threads=2, prefix="断电申请人") as stream:
            stream.wait_acked(5)
            instance.kill()  # kill -9: FileStorage is left as the kill found it
            killed_at = time.monotonic()
            instance.start()
            back = time.monotonic() - killed_at
            stream.wait_acked(len(stream.acked) + 5)
        stored = assert_all_acknowledged_stored(stream, agency)
        print(
            f"\nkill -9 of the one instance: {len(stream.acked)} acknowledged and"
            f" stored, {len(stored) - len(stream.paths())} stored unacknowledged,"
            f" serving again {back:.1f} s after the kill"
        )

        # Then a backup, taken while the instance serves, with a blob in it.
        assert add_file(instance.url).status_code == 201
        started = time.monotonic()
        back_up(var, tmp_path / "backups")
        backed_up = time.monotonic() - started
        after = requests.post(
            agency, json=application(0, "备份后"), headers=JSON, auth=ADMIN
        )
        assert after.status_code == 201
    assert_consistent(var)

    started = time.monotonic()
    restore(tmp_path / "backups", tmp_path / "restored")
    restored_in = time.monotonic() - started
    print(f"repozo backup + blobs {backed_up:.1f} s, restore {restored_in:.1f} s")
    assert_consistent(tmp_path / "restored")
    port = free_port()
    etc = write_instance(tmp_path / "instance", tmp_path / "restored", port)
    with running(Instance(etc, port)) as (copy,):
        download = requests.get(
            f"{copy.url}/backup-proof/@@download/file", auth=ADMIN, timeout=60
        )
        assert download.status_code == 200 and download.content == PDF
        assert stored_applications(agency.replace(instance.url, copy.url)) == stored
        later = after.json()["@id"].replace(instance.url, copy.url)
        assert requests.get(later, headers=JSON, auth=ADMIN).status_code == 404


@pytest.mark.e2e
def test_zeo_server_restarted_under_load(var):
    zeo_address = f"127.0.0.1:{free_port()}"
    instances = []
    for name in ("a", "b"):
        port = free_port()
        etc = write_instance(
            var.parent / f"instance-{name}",
            var,
            port,
            *("--storage", "zeo", "--zeo", zeo_address),
        )
        instances.append(Instance(etc, port))
    zeo = zeo_server(var)
    with running(zeo, *instances) as (_zeo, a, b):
        agency = create_agency(a.url, "zeorestart")
        agencies = [agency, agency.replace(a.url, b.url)]
        with SubmissionStream(agencies, threads=3, prefix="重启申请人") as stream:
            stream.wait_acked(5)
            zeo.kill()  # kill -9 of the server under load, then a restart
            down_at = time.monotonic()
            time.sleep(1)
            zeo.start()
            up_at = time.monotonic()
            reconnect = stream.first_ack_after(up_at)
            stream.wait_acked(len(stream.acked) + 10)
        print(
            f"\nZEO server kill -9 + restart: down {up_at - down_at:.1f} s, first"
            f" acknowledged write {reconnect:.1f} s after it was back;"
            f" {len(stream.acked)} acknowledged, {len(stream.failures)} refused"
        )
        assert reconnect < 30
        assert_all_acknowledged_stored(stream, agencies[1])
    assert_consistent(var)
