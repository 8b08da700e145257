"""Two Zope instances on one RelStorage database (PostgreSQL), behind a trusted
proxy at 127.0.0.1: what one instance publishes the other serves; concurrent
writes through both are all stored, once each, with unique tracking codes; the
rate limits count the client named by the trusted proxy, once across both
instances; an instance killed (-9) or PostgreSQL restarted under a stream of
submissions loses no acknowledged one; pg_dump/pg_restore brings back the
content and its blobs. Real PostgreSQL (Debian's), real zconsole, real runwsgi
processes."""

from concurrent.futures import ThreadPoolExecutor
from tests.process_support import add_file
from tests.process_support import ADMIN
from tests.process_support import application
from tests.process_support import assert_all_acknowledged_stored
from tests.process_support import create_agency
from tests.process_support import create_site
from tests.process_support import free_port
from tests.process_support import Instance
from tests.process_support import JSON
from tests.process_support import PDF
from tests.process_support import postgres_server
from tests.process_support import running
from tests.process_support import SubmissionStream
from tests.process_support import write_instance

import http.client
import pytest
import requests
import time
import urllib.parse


SUBMISSIONS = 12
# Loopback: requests from 127.0.0.1 come from the trusted proxy, requests from
# 127.0.0.2 (the same machine, another source address) from anyone else.
PROXY, STRANGER = "127.0.0.1", "127.0.0.2"


@pytest.fixture(scope="module")
def postgres():
    with postgres_server() as server:
        yield server


@pytest.fixture(scope="module")
def two_instances(postgres, tmp_path_factory):
    """Instances A and B (``Instance`` objects), the site created through A."""
    root = tmp_path_factory.mktemp("relstorage")
    instances = []
    for name in ("a", "b"):
        port = free_port()
        etc = write_instance(
            root / f"instance-{name}",
            root / "var",
            port,
            *("--storage", "relstorage", "--dsn", postgres.dsn()),
            *("--trusted-proxy", PROXY),
        )
        instances.append(Instance(etc, port))
    create_site(root / "instance-a" / "etc")
    with running(*instances):
        yield instances


@pytest.mark.e2e
def test_two_relstorage_instances_share_one_database(two_instances):
    a, b = (instance.url for instance in two_instances)
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


def lookup(site_url, source, forwarded_for=None):
    """Status of one anonymous tracking-code lookup sent from ``source``."""
    url = urllib.parse.urlsplit(site_url)
    connection = http.client.HTTPConnection(
        url.hostname, url.port, timeout=30, source_address=(source, 0)
    )
    headers = {"Accept": "application/json"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    try:
        connection.request(
            "GET",
            f"{url.path}/@application-status?code=ABCD-EFGH-JKMN&phone_tail=1234",
            headers=headers,
        )
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.e2e
def test_rate_limit_counts_the_proxied_client_once_across_instances(two_instances):
    a, b = (instance.url for instance in two_instances)
    limited = requests.patch(
        f"{a}/@registry",
        json={"tongliao.disclosure.status_lookup_limit_per_ip": 3},
        headers=JSON,
        auth=ADMIN,
    )
    assert limited.status_code == 204, limited.text
    # From the trusted proxy: the client named in X-Forwarded-For is counted,
    # once for both instances (the counts are shared in PostgreSQL).
    citizen = "203.0.113.7"
    statuses = [lookup(url, PROXY, citizen) for url in (a, b, a, b)]
    assert statuses == [404, 404, 404, 429]
    # A header the citizen forged reaches Zope in front of the address the
    # proxy appended; Zope takes the last address that is not a trusted proxy.
    assert lookup(b, PROXY, f"198.51.100.20, {citizen}") == 429
    # From anyone else the header is ignored: a client cannot escape its limit
    # by naming a new address each time; its own address is counted.
    statuses = [
        lookup(url, STRANGER, f"192.0.2.{n}") for n, url in enumerate((a, b) * 2)
    ]
    assert statuses == [404, 404, 404, 429]
    # ... nor take somebody else's: the limited citizen's name gives nothing.
    assert lookup(a, STRANGER, citizen) == 429  # the stranger's own count
    assert lookup(a, PROXY, "198.51.100.99") == 404


def restarted_in(instance):
    started = time.monotonic()
    instance.start()  # waits for the site to answer
    return time.monotonic() - started


@pytest.mark.e2e
def test_instance_killed_during_submissions_loses_no_acknowledged_one(two_instances):
    a, b = two_instances
    agency = create_agency(a.url, "killed")
    agencies = [agency, agency.replace(a.url, b.url)]
    with SubmissionStream(agencies, threads=3, prefix="断电申请人") as stream:
        stream.wait_acked(5)
        b.kill()  # kill -9 while requests are in flight
        killed_at = time.monotonic()
        stream.wait_acked(len(stream.acked) + 5)  # A keeps acknowledging
        restart = restarted_in(b)
        back_at = time.monotonic()
        assert stream.first_ack_after(back_at) < 30
    print(
        f"\nkill -9 instance B: {len(stream.acked)} acknowledged,"
        f" {len(stream.failures)} refused or cut off,"
        f" B serving again {restart:.1f} s after restart"
        f" ({back_at - killed_at:.1f} s after the kill)"
    )
    # Read through the restarted instance: every acknowledged one is there.
    stored = assert_all_acknowledged_stored(stream, agencies[1])
    assert len(stored) >= len(stream.acked) >= 20


@pytest.mark.e2e
def test_postgresql_restarted_under_load_loses_no_acknowledged_write(
    two_instances, postgres
):
    a, b = two_instances
    agency = create_agency(a.url, "pgrestart")
    agencies = [agency, agency.replace(a.url, b.url)]
    with SubmissionStream(agencies, threads=3, prefix="重启申请人") as stream:
        stream.wait_acked(5)
        down_at = time.monotonic()
        postgres.stop()
        postgres.start()
        up_at = time.monotonic()
        reconnect = stream.first_ack_after(up_at)
        acked_before = len(stream.acked)
        stream.wait_acked(acked_before + 10)  # both instances write again
    print(
        f"\nPostgreSQL restart: down {up_at - down_at:.1f} s, first acknowledged"
        f" write {reconnect:.1f} s after it was back; {len(stream.acked)}"
        f" acknowledged, {len(stream.failures)} refused during the restart"
    )
    assert reconnect < 30
    stored = assert_all_acknowledged_stored(stream, agencies[0])
    assert len(stored) >= len(stream.acked)
    # Both instances answer anonymous readers again.
    for instance in two_instances:
        assert requests.get(instance.url, timeout=30).status_code == 200


@pytest.mark.e2e
def test_pg_dump_and_restore_bring_back_content_and_blobs(
    two_instances, postgres, tmp_path
):
    a, _b = two_instances
    agency = create_agency(a.url, "backup")
    before = requests.post(
        agency, json=application(1, "备份前"), headers=JSON, auth=ADMIN
    )
    attachment = add_file(a.url)
    assert before.status_code == attachment.status_code == 201, attachment.text

    dump = tmp_path / "tongliao.dump"
    started = time.monotonic()
    postgres.client("pg_dump", "-Fc", "-f", dump, postgres.dbname)
    dumped = time.monotonic() - started
    after = requests.post(
        agency, json=application(2, "备份后"), headers=JSON, auth=ADMIN
    )
    assert after.status_code == 201

    started = time.monotonic()
    postgres.client("createdb", "restored")
    postgres.client("pg_restore", "-d", "restored", dump)
    restored_in = time.monotonic() - started
    port = free_port()
    etc = write_instance(
        tmp_path / "instance-c",
        tmp_path / "var",
        port,
        *("--storage", "relstorage", "--dsn", postgres.dsn("restored")),
    )
    print(
        f"\npg_dump {dump.stat().st_size / 1e6:.1f} MB in {dumped:.1f} s,"
        f" pg_restore in {restored_in:.1f} s"
    )
    # A fresh instance with an empty blob cache: the blob comes from the dump.
    with running(Instance(etc, port)) as (restored,):
        download = requests.get(
            f"{restored.url}/backup-proof/@@download/file", auth=ADMIN, timeout=60
        )
        assert download.status_code == 200 and download.content == PDF
        path = before.json()["@id"].replace(a.url, restored.url)
        assert requests.get(path, headers=JSON, auth=ADMIN).status_code == 200
        later = after.json()["@id"].replace(a.url, restored.url)
        assert requests.get(later, headers=JSON, auth=ADMIN).status_code == 404


def test_shared_counts_are_exact_under_concurrency(postgres):
    """Two stores (as two instances hold) counting one client from 16 threads
    at once: exactly the limit is allowed; an unreachable database raises, and
    the caller (ratelimit.hit) then counts in memory."""
    from tongliao.disclosure.ratelimit import PostgresCounts

    stores = [PostgresCounts(postgres.dsn()), PostgresCounts(postgres.dsn())]
    key = ("lookup", "203.0.113.200")

    def one(number):
        return stores[number % 2].hit(key, 10, 3600, True)

    with ThreadPoolExecutor(max_workers=16) as pool:
        allowed = list(pool.map(one, range(32)))
    assert allowed.count(True) == 10
    assert stores[0].hit(key, 10, 3600, False) is False
    assert stores[1].hit(("lookup", "203.0.113.201"), 10, 3600, False) is True
    # A window that has passed counts nothing.
    assert stores[1].hit(key, 10, 0.001, True) is True

    gone = PostgresCounts(postgres.dsn("no_such_database"))
    with pytest.raises(Exception, match="no_such_database"):
        gone.hit(key, 10, 3600, True)
