"""Catalog data of coordination: the agencies still to answer and the due date."""

from plone.indexer import indexer
from tongliao.disclosure.coordination.behavior import ICoordination
from tongliao.disclosure.coordination.engine import open_agencies
from tongliao.disclosure.coordination.workflow import current_state
from tongliao.disclosure.coordination.workflow import status
from tongliao.disclosure.review.workflow import PENDING_STATES


def _open_status(obj):
    if current_state(obj) not in PENDING_STATES:
        return None
    current = status(obj)
    return current if open_agencies(current) else None


@indexer(ICoordination)
def coordination_open(obj):
    """UIDs of the co-agencies whose answer is still awaited (the queues)."""
    return open_agencies(_open_status(obj))


@indexer(ICoordination)
def coordination_due(obj):
    current = _open_status(obj)
    if current is None or current["due"] is None:
        return None
    return current["due"].isoformat()
