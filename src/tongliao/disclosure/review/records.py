"""Append-only review records (审查记录) kept in an annotation of the item.

A record is a plain dict: ``seq, round, step, transition, decision, actor,
actor_name, time (ISO 8601, UTC), opinion, checklist, from_state, to_state``.
Nothing here can change or remove a stored record: readers get copies.
"""

from tongliao.disclosure.recordlog import RecordLog


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


_LOG = RecordLog(ANNOTATION_KEY, FIELDS)


def get_records(obj):
    """All records of ``obj``, oldest first, as copies."""
    return _LOG.get(obj)


def append_record(obj, **data):
    """Store one more record and return a copy of it; unknown keys are refused."""
    return _LOG.append(obj, **data)


def current_round_records(obj, round_number):
    return [r for r in get_records(obj) if r["round"] == round_number]


def restore_records(obj, records):
    """Import: put exported records on an item that has none (never merges)."""
    _LOG.restore(obj, records)
