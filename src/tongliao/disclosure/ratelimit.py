"""Per-IP rate limits in RAM (per server process, cleared after the window).

Limits are registry settings (``apply_limit_per_ip``,
``status_lookup_limit_per_ip``, ``rate_limit_window_minutes``). Nothing is
written to the ZODB: a flood of requests cannot grow the database, and a
restart clears the counters, which is acceptable for a brake on guessing.
"""

from collections import deque
from plone import api
from tongliao.disclosure import _

import threading
import time


# The one message of each limit (translated where shown).
LOOKUP_LIMITED = _("Too many lookups. Please try again later.")
APPLY_LIMITED = _("Too many applications from your network. Try again later.")

_lock = threading.Lock()
_hits = {}  # (bucket, ip) -> deque of timestamps


def reset():
    """Forget every counter (tests, or an admin after a false alarm)."""
    with _lock:
        _hits.clear()


def client_ip(request):
    return request.getClientAddr() or request.get("REMOTE_ADDR", "") or "unknown"


def _setting(name, default):
    value = api.portal.get_registry_record(f"tongliao.disclosure.{name}", default=None)
    return default if value is None else value


def hit(bucket, request, limit_setting, default_limit, count=True):
    """Count one request; False when the IP is over its limit for the bucket.

    With ``count=False`` only say whether one more request would be allowed.
    """
    limit = _setting(limit_setting, default_limit)
    window = 60 * _setting("rate_limit_window_minutes", 60)
    now = time.monotonic()
    key = (bucket, client_ip(request))
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
