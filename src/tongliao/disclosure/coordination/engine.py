"""The coordination state of one review round, from its records (pure).

Records are plain dicts (see records.py). ``kind`` is ``request`` (the round's
agencies and due date), ``confirm``, ``object`` (a co-agency's decision: the
latest one of an agency counts) or ``override`` (the approver lets approval go
ahead without the outstanding agencies, with a reason).
"""

from datetime import date


DECISIONS = ("confirm", "object")


def _as_date(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def round_request(records, round_number):
    """The request record of ``round_number`` or None (no coordination)."""
    for record in records:
        if record["round"] == round_number and record["kind"] == "request":
            return record
    return None


def coordination_status(records, round_number, today):
    """The state of the round: agencies with their latest decision, and totals.

    Returns None when the round sent no request. Only records of
    ``round_number`` count: a document changed after confirmations went back to
    draft and was submitted again, so earlier confirmations are of another text.
    """
    request = round_request(records, round_number)
    if request is None:
        return None
    due = _as_date(request.get("due"))
    latest = {}
    override = None
    for record in records:
        if record["round"] != round_number:
            continue
        if record["kind"] in DECISIONS:
            latest[record["agency_uid"]] = record
        elif record["kind"] == "override":
            override = record
    overdue_possible = due is not None and today > due
    agencies = []
    for agency in request.get("agencies") or ():
        decision = latest.get(agency["uid"])
        kind = decision["kind"] if decision else None
        agencies.append(
            {
                "uid": agency["uid"],
                "title": agency["title"],
                "decision": kind or "pending",
                "record": decision,
                "overdue": kind is None and overdue_possible,
            }
        )
    outstanding = [a for a in agencies if a["decision"] != "confirm"]
    return {
        "round": round_number,
        "requested": request["time"],
        "due": due,
        "agencies": agencies,
        "outstanding": outstanding,
        "overdue": any(a["overdue"] for a in agencies),
        "override": override,
        "complete": not outstanding or override is not None,
    }


def open_agencies(status):
    """UIDs of the agencies still expected to answer (none once overridden)."""
    if status is None or status["override"] is not None:
        return []
    return [a["uid"] for a in status["agencies"] if a["decision"] == "pending"]
