"""Append-only review records (审查记录) kept in an annotation of the item.

A record is a plain dict: ``seq, round, step, transition, decision, actor,
actor_name, time (ISO 8601, UTC), opinion, checklist, from_state, to_state``.
Nothing here can change or remove a stored record: readers get copies.
"""

from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

import copy


ANNOTATION_KEY = "tongliao.disclosure.review_records"

# Review steps in their order (state -> step, transition that passes it).
STEPS = (
    ("pending_department_review", "department_review", "pass_department_review"),
    ("pending_secrecy_review", "secrecy_review", "pass_secrecy_review"),
    ("pending_approval", "approval", "approve"),
)
STEP_OF_STATE = {state: step for state, step, _t in STEPS}
PASS_TRANSITION = {state: transition for state, _s, transition in STEPS}

CHECKLIST_KEYS = (
    "state_secret",
    "trade_secret",
    "personal_privacy",
    "security_stability",
)

FIELDS = (
    "seq",
    "round",
    "step",
    "transition",
    "decision",
    "actor",
    "actor_name",
    "time",
    "opinion",
    "checklist",
    "from_state",
    "to_state",
)


def _storage(obj, create=False):
    annotations = IAnnotations(obj)
    records = annotations.get(ANNOTATION_KEY)
    if records is None and create:
        records = annotations[ANNOTATION_KEY] = PersistentList()
    return records


def get_records(obj):
    """All records of ``obj``, oldest first, as copies."""
    return [copy.deepcopy(dict(record)) for record in (_storage(obj) or ())]


def append_record(obj, **data):
    """Store one more record and return a copy of it; unknown keys are refused."""
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown review record fields: {sorted(unknown)}")
    records = _storage(obj, create=True)
    record = dict.fromkeys(FIELDS)
    record.update(copy.deepcopy(data))
    record["seq"] = len(records) + 1
    if not record["time"]:
        record["time"] = datetime.now(UTC).isoformat(timespec="seconds")
    # A tuple of pairs: no stored record offers a mutating method.
    records.append(tuple(record.items()))
    return dict(record)


def current_round_records(obj, round_number):
    return [r for r in get_records(obj) if r["round"] == round_number]


def restore_records(obj, records):
    """Import: put exported records on an item that has none (never merges)."""
    if _storage(obj):
        raise ValueError("The item already has review records")
    storage = _storage(obj, create=True)
    for record in records:
        clean = {name: copy.deepcopy(record.get(name)) for name in FIELDS}
        storage.append(tuple(clean.items()))
