"""Bounded load test on loopback (``make load``; not run by CI).

Anonymous readers and logged-in editors for a fixed time against

- ``default``: one instance on a FileStorage (``make start``), and
- ``relstorage``: two instances on RelStorage/PostgreSQL
  (``make start-relstorage``), readers and editors spread over both.

Both serve the same demo site: it is created once on a FileStorage, then
copied into PostgreSQL with RelStorage's ``zodbconvert`` (blobs included).

Readers fetch the public pages (home, catalogue, agencies, documents, search)
with a think time between pages; editors register applications through the
REST API (as an officer does) and read their agency's list back. Reported:
requests/s, p50/p95 of each kind, errors (any answer other than 200/201, or no
answer), the requests Zope replayed after a write conflict (the add-on logs
each one, ``tongliao.disclosure.conflicts``), and lost writes (acknowledged
registrations missing afterwards, checked through the other instance).

Usage: python bench/load.py [--setup default|relstorage|both] [--seconds 60]
       [--readers 50] [--editors 5]
"""

from pathlib import Path

import argparse
import random
import requests
import statistics
import sys
import tempfile
import threading
import time


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.process_support import ADMIN  # noqa: E402
from tests.process_support import application  # noqa: E402
from tests.process_support import BIN  # noqa: E402
from tests.process_support import create_site  # noqa: E402
from tests.process_support import free_port  # noqa: E402
from tests.process_support import Instance  # noqa: E402
from tests.process_support import JSON  # noqa: E402
from tests.process_support import postgres_server  # noqa: E402
from tests.process_support import running  # noqa: E402
from tests.process_support import search_paths  # noqa: E402
from tests.process_support import site_path  # noqa: E402
from tests.process_support import stored_applications  # noqa: E402
from tests.process_support import write_instance  # noqa: E402

import subprocess  # noqa: E402


DEMO_SMTP_PORT = 8025  # the demo profile's mail server
READER_THINK = (0.5, 1.5)  # seconds between two pages of one reader
EDITOR_THINK = (1.0, 2.0)

ZODBCONVERT = """\
%import relstorage
<filestorage source>
  path {var}/filestorage/Data.fs
  blob-dir {var}/blobstorage
  read-only true
</filestorage>
<relstorage destination>
  blob-dir {blobs}
  shared-blob-dir false
  <postgresql>
    dsn {dsn}
  </postgresql>
</relstorage>
"""


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = {"read": [], "write": []}
        self.errors = []
        self.acked = []  # paths of acknowledged registrations

    def record(self, kind, seconds, ok, what):
        with self.lock:
            self.times[kind].append(seconds)
            if not ok:
                self.errors.append(what)


def reader_urls(site):
    """Public pages of the demo site: home, catalogue, agencies, documents."""
    paths = search_paths(
        site,
        auth=None,
        portal_type=["DisclosureAgency", "PolicyDocument"],
        review_state="published",
    )
    return ["", "/@@disclosure-catalog", "/@@search?SearchableText=通辽"] + paths


def agencies(site):
    return search_paths(site, portal_type="DisclosureAgency")


def timed(session, results, kind, method, url, **kwargs):
    started = time.monotonic()
    try:
        answer = session.request(method, url, timeout=120, **kwargs)
    except requests.RequestException as error:
        results.record(kind, time.monotonic() - started, False, repr(error))
        return None
    ok = answer.status_code in (200, 201)
    results.record(kind, time.monotonic() - started, ok, (url, answer.status_code))
    return answer if ok else None


def reader(sites, paths, results, stop, number):
    with requests.Session() as session:
        while not stop.is_set():
            site = sites[number % len(sites)]
            number += 1
            timed(session, results, "read", "GET", site + random.choice(paths))
            stop.wait(random.uniform(*READER_THINK))


def editor(sites, agency_paths, results, stop, number):
    with requests.Session() as session:
        session.auth = ADMIN
        count = 0
        while not stop.is_set():
            site = sites[(number + count) % len(sites)]
            agency = site + random.choice(agency_paths)
            count += 1
            answer = timed(
                session,
                results,
                "write",
                "POST",
                agency,
                json=application(number * 100000 + count, "压测申请人"),
                headers=JSON,
            )
            if answer is not None:
                with results.lock:
                    results.acked.append(site_path(answer.json()["@id"]))
            timed(
                session,
                results,
                "read",
                "GET",
                f"{agency}/@search",
                params={"portal_type": "DisclosureApplication", "b_size": 20},
                headers=JSON,
            )
            stop.wait(random.uniform(*EDITOR_THINK))


def conflicts_retried(logs):
    return sum(
        path.read_text(errors="replace").count("Conflict retried")
        for path in logs
        if path.exists()
    )


def run(name, instances, logs, args):
    sites = [instance.url for instance in instances]
    paths = reader_urls(sites[0])
    agency_paths = agencies(sites[0])
    warm_up(sites, paths)
    results = Results()
    stop = threading.Event()
    before = conflicts_retried(logs)
    offsets = {path: path.stat().st_size if path.exists() else 0 for path in logs}
    threads = [
        threading.Thread(target=reader, args=(sites, paths, results, stop, n))
        for n in range(args.readers)
    ] + [
        threading.Thread(target=editor, args=(sites, agency_paths, results, stop, n))
        for n in range(args.editors)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    stop.wait(args.seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=180)
    elapsed = time.monotonic() - started
    retried = conflicts_retried(logs) - before
    # Lost writes: read back through the last instance (the other one, when two).
    stored = set()
    for agency in agency_paths:
        stored |= stored_applications(sites[-1] + agency)
    lost = [path for path in results.acked if path not in stored]
    reads, writes = results.times["read"], results.times["write"]
    row = {
        "setup": name,
        "requests": len(reads) + len(writes),
        "rps": (len(reads) + len(writes)) / elapsed,
        "read_p50": percentile(reads, 50),
        "read_p95": percentile(reads, 95),
        "write_p50": percentile(writes, 50),
        "write_p95": percentile(writes, 95),
        "writes": len(results.acked),
        "errors": len(results.errors),
        "retried": retried,
        "lost": len(lost),
    }
    if results.errors:
        print(f"{name}: first errors: {results.errors[:5]}", flush=True)
        print_logged_errors(offsets)
    return row


def warm_up(sites, paths):
    """Every page once through every instance, not measured (cold caches)."""
    with requests.Session() as session:
        for site in sites:
            for path in paths:
                session.get(site + path, timeout=120)


def print_logged_errors(offsets, lines=40):
    """What the instances logged as errors during the run."""
    for path, offset in offsets.items():
        if not path.exists():
            continue
        with path.open(errors="replace") as log:
            log.seek(offset)
            text = log.read()
        start = text.find(" ERROR ")
        if start >= 0:
            print(f"--- {path}", *text[start:].splitlines()[:lines], sep="\n")


def percentile(values, percent):
    if len(values) < 2:
        return float("nan")
    return statistics.quantiles(values, n=100)[percent - 1]


def default_setup(root, args):
    """One instance on the FileStorage that holds the demo site."""
    port = free_port()
    etc = write_instance(root / "instance", root / "var", port)
    with running(Instance(etc, port)) as (instance,):
        return run("default (1 instance, FileStorage)", [instance], logs(root), args)


def relstorage_setup(root, args):
    """Two instances on PostgreSQL, the demo site converted from the FileStorage."""
    with postgres_server() as postgres:
        config = root / "zodbconvert.conf"
        config.write_text(
            ZODBCONVERT.format(
                var=root / "var", blobs=root / "convert-blobs", dsn=postgres.dsn()
            )
        )
        started = time.monotonic()
        subprocess.run([BIN / "zodbconvert", config], check=True, capture_output=True)
        print(f"zodbconvert to PostgreSQL: {time.monotonic() - started:.1f} s")
        instances = []
        for name in ("a", "b"):
            port = free_port()
            etc = write_instance(
                root / f"instance-{name}",
                root / f"var-{name}",
                port,
                *("--storage", "relstorage", "--dsn", postgres.dsn()),
            )
            instances.append(Instance(etc, port))
        with running(*instances):
            return run(
                "relstorage (2 instances, PostgreSQL)",
                instances,
                logs(root),
                args,
            )


def logs(root):
    return [root / folder / "log" / "event.log" for folder in ("var", "var-a", "var-b")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--setup", choices=("default", "relstorage", "both"))
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--editors", type=int, default=5)
    args = parser.parse_args()
    args.setup = args.setup or "both"
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    sink = Controller(Sink(), hostname="127.0.0.1", port=DEMO_SMTP_PORT)
    try:
        sink.start()
    except (OSError, RuntimeError):
        sink = None  # one is running already (make start)
    rows = []
    with tempfile.TemporaryDirectory(prefix="tongliao-load-") as folder:
        root = Path(folder)
        started = time.monotonic()
        create_site(write_instance(root / "instance", root / "var", free_port()), True)
        print(f"demo site created in {time.monotonic() - started:.0f} s", flush=True)
        if args.setup in ("default", "both"):
            rows.append(default_setup(root, args))
        if args.setup in ("relstorage", "both"):
            rows.append(relstorage_setup(root, args))
    if sink is not None:
        sink.stop()
    print(
        f"\n{args.readers} readers + {args.editors} editors, {args.seconds:.0f} s,"
        " loopback, client and servers on the same machine\n"
    )
    header = (
        f"{'setup':38} {'req':>6} {'req/s':>6} {'read p50':>9} {'read p95':>9}"
        f" {'write p50':>9} {'write p95':>9} {'writes':>6} {'errors':>6}"
        f" {'retried':>7} {'lost':>4}"
    )
    print(header)
    for row in rows:
        print(
            f"{row['setup']:38} {row['requests']:6d} {row['rps']:6.1f}"
            f" {row['read_p50']:8.2f}s {row['read_p95']:8.2f}s"
            f" {row['write_p50']:8.2f}s {row['write_p95']:8.2f}s"
            f" {row['writes']:6d} {row['errors']:6d} {row['retried']:7d}"
            f" {row['lost']:4d}"
        )
    return 1 if any(row["errors"] or row["lost"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
