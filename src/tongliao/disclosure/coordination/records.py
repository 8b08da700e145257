"""Append-only coordination records (协调记录) in an annotation of the document.

A record is a plain dict with ``FIELDS``; like the review records nothing here
changes or removes a stored one, and readers get copies.
"""

from tongliao.disclosure.recordlog import RecordLog


ANNOTATION_KEY = "tongliao.disclosure.coordination_records"
KINDS = ("request", "confirm", "object", "override")
FIELDS = (
    "seq",
    "round",
    "kind",
    "agencies",  # request: [{"uid", "title"}]
    "due",  # request: ISO date, or None when the calendar does not cover it
    "agency_uid",  # confirm/object: the agency answered for
    "agency_title",
    "actor",
    "actor_name",
    "time",  # ISO 8601, UTC
    "opinion",
)


_LOG = RecordLog(ANNOTATION_KEY, FIELDS)


def get_records(obj):
    """All coordination records of ``obj``, oldest first, as copies."""
    return _LOG.get(obj)


def append_record(obj, **data):
    if data.get("kind") not in KINDS:
        raise ValueError(f"Bad coordination record kind {data.get('kind')}")
    return _LOG.append(obj, **data)
