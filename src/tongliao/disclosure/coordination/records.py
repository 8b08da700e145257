"""Append-only coordination records (协调记录) in an annotation of the document.

A record is a plain dict with ``FIELDS``; like the review records nothing here
changes or removes a stored one, and readers get copies.
"""

from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

import copy


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


def _storage(obj, create=False):
    annotations = IAnnotations(obj)
    records = annotations.get(ANNOTATION_KEY)
    if records is None and create:
        records = annotations[ANNOTATION_KEY] = PersistentList()
    return records


def get_records(obj):
    """All coordination records of ``obj``, oldest first, as copies."""
    return [copy.deepcopy(dict(record)) for record in (_storage(obj) or ())]


def append_record(obj, **data):
    unknown = set(data) - set(FIELDS)
    if unknown or data.get("kind") not in KINDS:
        kind = data.get("kind")
        raise ValueError(f"Bad coordination record {kind} {sorted(unknown)}")
    records = _storage(obj, create=True)
    record = dict.fromkeys(FIELDS)
    record.update(copy.deepcopy(data))
    record["seq"] = len(records) + 1
    if not record["time"]:
        record["time"] = datetime.now(UTC).isoformat(timespec="seconds")
    records.append(tuple(record.items()))
    return dict(record)
