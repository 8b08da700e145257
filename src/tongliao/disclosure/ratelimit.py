"""Per-client rate limits, counted in RAM or in a shared PostgreSQL table.

Limits are registry settings (``apply_limit_per_ip``,
``status_lookup_limit_per_ip``, ``rate_limit_window_minutes``). The client is
the request's client address: behind a trusted proxy (zope.conf
``trusted-proxy``) Zope takes it from ``X-Forwarded-For``; from anyone else the
header is ignored.

Where the counts live:

- One process (``make start``): in this process's memory. A restart clears
  them, which is acceptable for a brake on guessing.
- Several instances: in a table of a PostgreSQL database they share, named by
  ``ratelimit-dsn`` in the zope.conf section ``<product-config
  tongliao.disclosure>`` (``scripts/write_instance.py --storage relstorage``
  writes RelStorage's own database there). Then a visitor gets the limit once,
  not once per instance.

Never the ZODB: every anonymous lookup would commit a transaction, grow the
database and conflict with the other instances' counts. If the shared table is
out of reach (PostgreSQL restarting), the instance counts in its own memory
meanwhile: the limit still holds per instance, and the site keeps answering.
"""

from collections import deque
from plone import api
from tongliao.disclosure import _

import contextlib
import logging
import threading
import time


logger = logging.getLogger(__name__)

# The one message of each limit (translated where shown).
LOOKUP_LIMITED = _("Too many lookups. Please try again later.")
APPLY_LIMITED = _("Too many applications from your network. Try again later.")

_lock = threading.Lock()
_hits = {}  # (bucket, ip) -> deque of timestamps


def reset():
    """Forget every counter (tests, or an admin after a false alarm)."""
    with _lock:
        _hits.clear()
    store = shared_store()
    if store is not None:
        store.reset()


def client_ip(request):
    return request.getClientAddr() or request.get("REMOTE_ADDR", "") or "unknown"


def _setting(name, default):
    value = api.portal.get_registry_record(f"tongliao.disclosure.{name}", default=None)
    return default if value is None else value


def _memory_hit(key, limit, window, count):
    now = time.monotonic()
    with _lock:
        stamps = _hits.setdefault(key, deque())
        while stamps and stamps[0] <= now - window:
            stamps.popleft()
        if len(stamps) >= limit:
            return False
        if not count:
            return True
        stamps.append(now)
        # Keep the table small: drop idle keys now and then.
        if len(_hits) > 10000:
            stale = [k for k, v in _hits.items() if not v or v[-1] <= now - window]
            for other in stale:
                del _hits[other]
        return True


def hit(bucket, request, limit_setting, default_limit, count=True):
    """Count one request; False when the IP is over its limit for the bucket.

    With ``count=False`` only say whether one more request would be allowed.
    """
    limit = _setting(limit_setting, default_limit)
    window = 60 * _setting("rate_limit_window_minutes", 60)
    key = (bucket, client_ip(request))
    store = shared_store()
    if store is not None:
        try:
            return store.hit(key, limit, window, count)
        except Exception as error:  # noqa: BLE001 — any database trouble
            store.broken(error)
    return _memory_hit(key, limit, window, count)


class PostgresCounts:
    """The hits of every instance in one table; one connection per thread."""

    TABLE = "tongliao_rate_limit_hits"
    # Serialises "count, then insert" for one key across instances.
    LOCK = "SELECT pg_advisory_xact_lock(hashtext(%s))"

    def __init__(self, dsn):
        self.dsn = dsn
        self.local = threading.local()
        self.inserts = 0
        self.warned = False

    def connection(self):
        conn = getattr(self.local, "conn", None)
        if conn is None or conn.closed:
            import psycopg2

            conn = psycopg2.connect(self.dsn, connect_timeout=3)
            with conn, conn.cursor() as cursor:
                cursor.execute(self.LOCK, ("tongliao-rate-limit-schema",))
                cursor.execute(
                    f"CREATE TABLE IF NOT EXISTS {self.TABLE} ("
                    " bucket text NOT NULL, client text NOT NULL,"
                    " at timestamptz NOT NULL DEFAULT clock_timestamp())"
                )
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {self.TABLE}_key"
                    f" ON {self.TABLE} (bucket, client, at)"
                )
            self.local.conn = conn
        return conn

    def hit(self, key, limit, window, count):
        bucket, client = key
        conn = self.connection()
        with conn, conn.cursor() as cursor:  # one transaction, committed
            if count:
                cursor.execute(self.LOCK, (f"{bucket}\n{client}",))
            cursor.execute(
                f"SELECT count(*) FROM {self.TABLE} WHERE bucket = %s AND client = %s"
                " AND at > clock_timestamp() - make_interval(secs => %s)",
                (bucket, client, window),
            )
            if cursor.fetchone()[0] >= limit:
                return False
            if count:
                cursor.execute(
                    f"INSERT INTO {self.TABLE} (bucket, client) VALUES (%s, %s)",
                    (bucket, client),
                )
                self.inserts += 1
                if self.inserts % 500 == 0:  # the table keeps one window
                    cursor.execute(
                        f"DELETE FROM {self.TABLE}"
                        " WHERE at < clock_timestamp() - make_interval(secs => %s)",
                        (window,),
                    )
        if self.warned:
            logger.info("Rate limits counted in PostgreSQL again.")
            self.warned = False
        return True

    def broken(self, error):
        conn = getattr(self.local, "conn", None)
        if conn is not None:
            with contextlib.suppress(Exception):  # already gone
                conn.close()
            self.local.conn = None
        if not self.warned:
            logger.warning(
                "Rate limits counted in this process meanwhile: %s",
                str(error).strip(),
            )
            self.warned = True

    def reset(self):
        try:
            conn = self.connection()
            with conn, conn.cursor() as cursor:
                cursor.execute(f"DELETE FROM {self.TABLE}")
        except Exception as error:  # noqa: BLE001
            self.broken(error)


_store = []  # [store or None] once configured


def shared_store():
    """The shared counts named in zope.conf, or None (counts in memory)."""
    if not _store:
        from App.config import getConfiguration

        section = getattr(getConfiguration(), "product_config", None) or {}
        dsn = (section.get("tongliao.disclosure") or {}).get("ratelimit-dsn")
        _store.append(PostgresCounts(dsn) if dsn else None)
    return _store[0]


def allow_apply(request):
    """Whether the IP may submit one more application (does not count)."""
    return hit("apply", request, "apply_limit_per_ip", 5, count=False)


def count_apply(request):
    """Count an accepted application: failed validations are not counted."""
    return hit("apply", request, "apply_limit_per_ip", 5)


def allow_lookup(request):
    return hit("lookup", request, "status_lookup_limit_per_ip", 30)


# Complaints and messages: one bucket each, limit ``participation_limit_per_ip``.
SUBMIT_LIMITED = _("Too many submissions from your network. Try again later.")


def allow_submit(bucket, request):
    """Whether the IP may file one more item of ``bucket`` (does not count)."""
    return hit(bucket, request, "participation_limit_per_ip", 5, count=False)


def count_submit(bucket, request):
    """Count an accepted submission: failed validations are not counted."""
    return hit(bucket, request, "participation_limit_per_ip", 5)
