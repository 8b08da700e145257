"""The site's working-day calendar: overrides entered in the control panel make a
year the package does not cover usable at once; the coverage warning follows the
clock (from 1 November while next year is missing)."""

from datetime import date
from plone import api
from tests.helpers import authenticator
from tongliao.disclosure import calendar as site_calendar
from tongliao.disclosure.workdays import CalendarCoverageError
from zope.interface import Invalid

import pytest
import transaction


RECORD = "tongliao.disclosure.calendar_overrides"

# Test data shaped like a State Council notice for 2027 (not the real notice).
NOTICE_2027 = [
    "2027:covered",
    "2027-01-01:holiday:元旦",
    "2027-02-06:holiday:春节",
    "2027-02-07:holiday:春节",
    "2027-02-08:holiday:春节",
    "2027-02-09:holiday:春节",
    "2027-02-10:holiday:春节",
    "2027-02-11:holiday:春节",
    "2027-02-12:holiday:春节",
    "2027-02-20:workday:春节调休",
]


@pytest.fixture
def clock(monkeypatch):
    def move(day):
        monkeypatch.setattr(site_calendar, "site_today", lambda: day)
        # Modules that imported the function keep their own reference.
        from tongliao.disclosure import warnings
        from tongliao.disclosure.browser import calendar as calendar_view

        monkeypatch.setattr(warnings, "site_today", lambda: day)
        monkeypatch.setattr(calendar_view, "site_today", lambda: day)

    return move


def test_2027_refused_until_entered_then_counted(portal):
    calendar = site_calendar.get_site_calendar()
    with pytest.raises(CalendarCoverageError):
        calendar.add_working_days(date(2027, 2, 1), 20)
    api.portal.set_registry_record(RECORD, NOTICE_2027)
    calendar = site_calendar.get_site_calendar()
    # 2027-02-01 (Mon) day 0; Feb 2-5 = 4; Feb 6-12 holiday; Feb 15-19 = 9;
    # Sat Feb 20 make-up = 10; Feb 22-26 = 15; Mar 1-5 = 20.
    assert calendar.add_working_days(date(2027, 2, 1), 20) == date(2027, 3, 5)


@pytest.mark.parametrize(
    "lines",
    [
        ["2027-02-30:holiday:春节"],
        ["2027-02-06:vacation"],
        ["27:covered"],
        ["2027-02-06:holiday", "2027-02-06:workday"],
    ],
)
def test_invalid_lines_refused_with_line_number(lines):
    from tongliao.disclosure.interfaces import IDisclosureSettings

    field = IDisclosureSettings["calendar_overrides"]
    with pytest.raises(Invalid) as error:
        field.validate(lines)
    message = error.value.args[0]
    assert message.mapping["line"] == str(len(lines))


@pytest.mark.parametrize(
    "today,lines,warned",
    [
        (date(2026, 10, 31), [], False),  # before 1 November: no warning yet
        (date(2026, 11, 1), [], True),
        (date(2026, 11, 25), NOTICE_2027, False),  # 2027 entered
        (date(2026, 12, 31), NOTICE_2027[1:], True),  # days entered, year not declared
    ],
)
def test_coverage_warning_follows_clock(portal, clock, today, lines, warned):
    from tongliao.disclosure.warnings import collect_warnings

    clock(today)
    api.portal.set_registry_record(RECORD, lines)
    messages = [w.message for w in collect_warnings(portal)]
    assert (
        any(getattr(m, "mapping", {}).get("year") == 2027 for m in messages) is warned
    )


class TestOverHTTP:
    @pytest.fixture(autouse=True)
    def _staff(self, functional_portal):
        api.user.create(
            email="officer@example.org", username="officer", password="secret-officer"
        )
        with api.env.adopt_roles(["Manager"]):
            api.group.add_user(groupname="disclosure_officers", username="officer")
        transaction.commit()

    def test_warning_on_dashboard_and_control_panel(self, clock, browser_session):
        clock(date(2026, 11, 25))
        manager = browser_session(role="Manager")
        page = manager.get("@@disclosure-calendar")
        assert page.status_code == 200
        assert "工作日历" in page.text
        assert "工作日历尚无 2027 年数据" in page.text
        assert "calendar-missing-year" in page.text
        officer = browser_session(("officer", "secret-officer"))
        dashboard = officer.get("@@disclosure-dashboard")
        assert dashboard.status_code == 200
        assert "政务公开工作台" in dashboard.text
        assert "2027" in dashboard.text

    def test_entering_2027_through_the_form(self, clock, browser_session):
        clock(date(2026, 11, 25))
        manager = browser_session(role="Manager")
        form = manager.get("@@disclosure-calendar")
        assert form.status_code == 200
        data = {
            "form.widgets.calendar_overrides": "\n".join(NOTICE_2027),
            "form.buttons.save": "保存",
            "_authenticator": authenticator(form.text),
        }
        saved = manager.post("@@disclosure-calendar", data=data)
        assert saved.status_code == 200
        assert "calendar-missing-year" not in saved.text
        transaction.begin()
        calendar = site_calendar.get_site_calendar()
        assert calendar.add_working_days(date(2027, 2, 1), 20) == date(2027, 3, 5)

    def test_bad_line_shows_error_and_keeps_old_value(self, browser_session):
        manager = browser_session(role="Manager")
        form = manager.get("@@disclosure-calendar")
        data = {
            "form.widgets.calendar_overrides": "2027-02-30:holiday:春节",
            "form.buttons.save": "保存",
            "_authenticator": authenticator(form.text),
        }
        response = manager.post("@@disclosure-calendar", data=data)
        assert response.status_code == 200
        assert "工作日历第 1 行" in response.text
        transaction.begin()
        assert api.portal.get_registry_record(RECORD) == []

    @pytest.mark.parametrize(
        "view", ["@@disclosure-calendar", "@@disclosure-dashboard"]
    )
    def test_anonymous_refused(self, browser_session, view):
        response = browser_session().get(view, allow_redirects=False)
        assert response.status_code in (302, 401)
        assert "工作日历" not in response.text
