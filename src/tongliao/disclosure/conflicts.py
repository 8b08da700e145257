"""One log line per request Zope replays after a write conflict.

Several instances on one database conflict more often than one process (two
registrations in one agency folder, the catalog): Zope replays the request up
to ``max-conflict-retries`` times without a word. This subscriber logs each
replay (INFO, logger ``tongliao.disclosure.conflicts``), so an operator can
count them in the event log; ``bench/load.py`` does.
"""

import logging


logger = logging.getLogger(__name__)

RETRIED = "Conflict retried"


def log_retry(event):
    """IPubBeforeAbort: the request is aborted and, when ``retry``, replayed."""
    if not getattr(event, "retry", False):
        return
    error = event.exc_info[1] if event.exc_info else None
    request = event.request
    logger.info(
        "%s (%d): %s %s: %s",
        RETRIED,
        getattr(request, "retry_count", 0) + 1,
        request.get("REQUEST_METHOD", ""),
        request.get("ACTUAL_URL", ""),
        type(error).__name__,
    )
