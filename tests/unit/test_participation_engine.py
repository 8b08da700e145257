# ruff: noqa: E501  (known-answer tables: one row per case)
"""Deadlines of complaints and messages on the official calendar (pure)."""

from datetime import date
from tongliao.disclosure.complaints.engine import complaint_due
from tongliao.disclosure.complaints.engine import message_due
from tongliao.disclosure.complaints.routing import parse_routing
from tongliao.disclosure.tracking import code_matches
from tongliao.disclosure.workdays import WorkingDayCalendar

import pytest


CALENDAR = WorkingDayCalendar()


# fmt: off
@pytest.mark.parametrize(
    "state,received,accepted,today,kind,due,overdue",
    [
        # National Day 2026: 1–7 Oct off, Sat 10 Oct a make-up working day.
        ("received", date(2026, 9, 28), None, date(2026, 10, 10), "decide", date(2026, 10, 10), False),
        ("received", date(2026, 9, 28), None, date(2026, 10, 11), "decide", date(2026, 10, 10), True),
        # Spring Festival 2026: 15–23 Feb off, Sat 14 and 28 Feb working days.
        ("received", date(2026, 2, 12), None, date(2026, 2, 12), "decide", date(2026, 2, 26), False),
        ("accepted", date(2026, 9, 28), date(2026, 10, 12), date(2026, 10, 12), "reply", date(2026, 11, 23), False),
        ("investigating", date(2026, 9, 28), date(2026, 10, 12), date(2026, 11, 24), "reply", date(2026, 11, 23), True),
        ("concluded", date(2026, 9, 28), date(2026, 10, 12), date(2026, 11, 23), "reply", date(2026, 11, 23), False),
    ],
)
# fmt: on
def test_complaint_due(state, received, accepted, today, kind, due, overdue):
    result = complaint_due(state, received, accepted, CALENDAR, today)
    assert (result.kind, result.date, result.overdue) == (kind, due, overdue)


@pytest.mark.parametrize(
    "state", ["not_accepted", "replied", "pending_publication", "published"]
)
def test_no_complaint_deadline_once_decided_and_answered(state):
    assert complaint_due(state, date(2026, 9, 28), None, CALENDAR, date(2026, 9, 28)) is None


def test_settings_override_the_periods():
    result = complaint_due(
        "received", date(2026, 9, 28), None, CALENDAR, date(2026, 9, 28),
        {"accept_days": 3},
    )  # fmt: skip
    assert result.date == date(2026, 10, 8)


def test_message_due():
    assert message_due("received", date(2026, 2, 12), CALENDAR, date(2026, 2, 12)).date == date(2026, 3, 4)
    assert message_due("answered", date(2026, 2, 12), CALENDAR, date(2026, 3, 9)) is None


def test_parse_routing_ignores_bad_lines():
    lines = ["horqin=city_office", " kailu = city_office2 ", "broken", "=x", "y=", None]
    assert parse_routing(lines) == {"horqin": "city_office", "kailu": "city_office2"}


@pytest.mark.parametrize(
    "phone,code,tail,opens",
    [
        ("13912345678", "ABCD-EFGH-JKMN", "5678", True),
        ("13912345678", "abcd efgh jkmn", "５６７８", True),
        ("13912345678", "ABCD-EFGH-JKMN", "5679", False),
        (None, "ABCD-EFGH-JKMN", "", False),  # anonymous: never opened
        ("13912345678", "ABCD-EFGH-JKMO", "5678", False),
    ],
)
def test_code_matches(phone, code, tail, opens):
    assert code_matches("ABCD-EFGH-JKMN", phone, code, tail) is opens
