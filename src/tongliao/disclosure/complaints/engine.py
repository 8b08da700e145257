"""Working-day deadlines of complaints and messages (pure: no Plone imports).

Received day is day 0 (as for applications). A complaint must be accepted or
refused within ``accept_days`` working days of receipt and concluded and
answered within ``conclude_days`` working days of acceptance; a message must
be answered within ``answer_days`` working days of receipt. The periods are
registry settings; their defaults are assumptions (docs/complaints.rst).
"""

from dataclasses import dataclass

import datetime


COMPLAINT_DEFAULTS = {"accept_days": 5, "conclude_days": 30}
MESSAGE_DEFAULTS = {"answer_days": 10}

# The states in which each deadline runs.
DECIDING_STATES = ("received",)
HANDLING_STATES = ("accepted", "investigating", "concluded")
ANSWERING_STATES = ("received",)


@dataclass(frozen=True)
class Due:
    """The deadline that runs now: what is due, by when, and whether it passed."""

    kind: str  # "decide", "reply", "answer"
    date: datetime.date
    overdue: bool


def complaint_due(state, received, accepted, calendar, today, settings=None):
    """The running deadline of a complaint in ``state``, or None when none runs.

    Raises CalendarCoverageError (from the calendar) for a year without data.
    """
    settings = {**COMPLAINT_DEFAULTS, **(settings or {})}
    if state in DECIDING_STATES:
        due = calendar.add_working_days(received, settings["accept_days"])
        return Due("decide", due, today > due)
    if state in HANDLING_STATES:
        start = accepted or received
        due = calendar.add_working_days(start, settings["conclude_days"])
        return Due("reply", due, today > due)
    return None


def message_due(state, received, calendar, today, settings=None):
    """The answer deadline of a message while it is unanswered, else None."""
    settings = {**MESSAGE_DEFAULTS, **(settings or {})}
    if state in ANSWERING_STATES:
        due = calendar.add_working_days(received, settings["answer_days"])
        return Due("answer", due, today > due)
    return None
