"""The pure state of a coordination round (no Plone layer)."""

from datetime import date
from tongliao.disclosure.coordination.engine import coordination_status
from tongliao.disclosure.coordination.engine import open_agencies


AGENCIES = [{"uid": "b", "title": "财政局"}, {"uid": "c", "title": "教育局"}]


def rec(round, kind, agency=None, **extra):
    return {"round": round, "kind": kind, "agency_uid": agency, "time": "t", **extra}


def request(round=1, due="2024-10-10"):
    return rec(round, "request", agencies=AGENCIES, due=due)


def test_no_request_no_coordination():
    assert coordination_status([], 1, date(2024, 10, 1)) is None


def test_latest_answer_of_each_agency_counts():
    records = [request(), rec(1, "object", "b"), rec(1, "confirm", "b")]
    status = coordination_status(records, 1, date(2024, 10, 1))
    assert [a["decision"] for a in status["agencies"]] == ["confirm", "pending"]
    assert not status["complete"]
    assert open_agencies(status) == ["c"]


def test_overdue_only_after_the_due_day_and_only_when_silent():
    records = [request(), rec(1, "confirm", "b")]
    on_due = coordination_status(records, 1, date(2024, 10, 10))
    after = coordination_status(records, 1, date(2024, 10, 11))
    assert not on_due["overdue"]
    assert [a["overdue"] for a in after["agencies"]] == [False, True]


def test_override_completes_and_closes_the_round():
    records = [request(), rec(1, "object", "b"), rec(1, "override")]
    status = coordination_status(records, 1, date(2024, 10, 1))
    assert status["complete"] and open_agencies(status) == []


def test_answers_of_an_earlier_round_do_not_count():
    records = [
        request(1),
        rec(1, "confirm", "b"),
        rec(1, "confirm", "c"),
        request(2, due=None),
    ]
    status = coordination_status(records, 2, date(2030, 1, 1))
    assert [a["decision"] for a in status["agencies"]] == ["pending", "pending"]
    assert status["due"] is None and not status["overdue"]
