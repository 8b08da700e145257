"""DisclosureApplication: content, events, actions, deadlines, catalog privacy."""

from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tongliao.disclosure.applications.actions import perform
from tongliao.disclosure.applications.content import normalize_tracking_code
from tongliao.disclosure.applications.content import PERSONAL_FIELDS
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.applications.workflow import compute
from tongliao.disclosure.applications.workflow import find_case
from tongliao.disclosure.applications.workflow import LOOKUP_FLOOR_SECONDS

import pytest
import time


APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "张三丰",
    "id_number": "11010519491231002X",
    "phone": "13812345678",
    "address": "通辽市科尔沁区和平路1号",
    "email": "zhang@example.org",
    "description": "2025年通辽市城区供热价格调整文件",
    "provision_form": "email",
    "obtain_method": "email",
}


@pytest.fixture
def agency(drc_agency_world, portal):
    """conftest.py's agency, built once per module."""
    return portal.unrestrictedTraverse(drc_agency_world)


def make_case(agency, received=date(2026, 9, 1), channel="in_person", **extra):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=agency,
            type="DisclosureApplication",
            id=f"case-{received:%m%d}-{channel}",
            channel=channel,
            received_date=received,
            **{**APPLICANT, **extra},
        )


class TestCreation:
    def test_tracking_code_and_received_event(self, agency):
        app = make_case(agency)
        assert len(normalize_tracking_code(app.tracking_code)) == 12
        events = app.get_events()
        assert [event["type"] for event in events] == ["received"]
        assert events[0]["date"] == date(2026, 9, 1)
        assert api.content.get_state(app) == "registered"

    def test_deadline_is_20_working_days(self, agency):
        app = make_case(agency)
        result = compute(app, today=date(2026, 9, 2))
        # 2026-09-01 is day 0; 20 working days later, 国庆 not reached.
        assert result.reply_deadline == date(2026, 9, 29)

    def test_find_case(self, agency):
        app = make_case(agency)
        assert find_case(app.tracking_code, "5678") == app
        assert find_case(app.tracking_code, "5679") is None
        assert find_case("AAAA-BBBB-CCCC", "5678") is None


class TestActions:
    def test_correction_restarts_clock(self, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            perform(app, "request_correction", day=date(2026, 9, 3), items="写明文号")
            assert api.content.get_state(app) == "awaiting_correction"
            perform(app, "receive_correction", day=date(2026, 9, 10))
        assert api.content.get_state(app) == "processing"
        result = compute(app, today=date(2026, 9, 11))
        assert result.clock_start == date(2026, 9, 10)

    def test_second_correction_refused(self, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            perform(app, "request_correction", day=date(2026, 9, 3), items="a")
            perform(app, "receive_correction", day=date(2026, 9, 10))
            with pytest.raises(ActionError):
                perform(app, "request_correction", day=date(2026, 9, 11), items="b")
        assert len(app.get_events()) == 3

    def test_reply_generates_notice(self, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            perform(app, "reply", day=date(2026, 9, 5), outcome="granted")
        assert api.content.get_state(app) == "replied"
        notices = app.stored_files("notice")
        assert len(notices) == 1
        assert any("行政复议" in text for text in notices[0]["paragraphs"])


class TestCatalog:
    def test_metadata_has_no_personal_data(self, portal, agency):
        app = make_case(agency)
        catalog = api.portal.get_tool("portal_catalog")
        brain = catalog.unrestrictedSearchResults(UID=app.UID())[0]
        metadata = {name: brain[name] for name in catalog.schema()}
        flat = repr(metadata)
        for name in PERSONAL_FIELDS:
            assert APPLICANT[name] not in flat
        assert normalize_tracking_code(app.tracking_code) not in flat.replace("-", "")
        assert app.tracking_code not in flat
        assert metadata["received_date"] == "2026-09-01"


def cal():
    from tongliao.disclosure.calendar import get_site_calendar

    return get_site_calendar()


class TestDeadlines:
    def test_consultation_pauses_the_clock(self, agency):
        app = make_case(agency)
        base = compute(app, today=date(2026, 9, 2)).reply_deadline
        with api.env.adopt_roles(["Manager"]):
            perform(app, "accept", day=date(2026, 9, 2))
            perform(app, "start_consultation", day=date(2026, 9, 3), party="某公司")
            assert api.content.get_state(app) == "consulting"
            perform(app, "end_consultation", day=date(2026, 9, 10))
        assert api.content.get_state(app) == "processing"
        paused = cal().working_days_between(date(2026, 9, 3), date(2026, 9, 10))
        result = compute(app, today=date(2026, 9, 11))
        assert paused == 5
        assert result.reply_deadline == cal().add_working_days(base, paused)
        assert "第三十三条第三款" in result.explanations["reply_deadline"]

    def test_extension_adds_working_days_and_sends_notice(self, agency):
        app = make_case(agency)
        base = compute(app, today=date(2026, 9, 2)).reply_deadline
        with api.env.adopt_roles(["Manager"]):
            perform(
                app,
                "extend",
                day=date(2026, 9, 20),
                days=10,
                approver="王主任",
                reason="需要调取档案",
            )
        result = compute(app, today=date(2026, 9, 21))
        assert result.reply_deadline == cal().add_working_days(base, 10)
        (notice,) = app.stored_files("notice")
        assert notice["notice_kind"] == "extension"
        assert any("延长10个工作日" in text for text in notice["paragraphs"])

    @pytest.mark.parametrize("days", [0, 21, "x"])
    def test_extension_bounds(self, agency, days):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]), pytest.raises(ActionError):
            perform(
                app,
                "extend",
                day=date(2026, 9, 3),
                days=days,
                approver="王",
                reason="r",
            )
        assert len(app.get_events()) == 1

    def test_correction_restart_known_answer(self, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            perform(app, "request_correction", day=date(2026, 9, 3), items="写明文号")
            perform(app, "receive_correction", day=date(2026, 9, 14))
        result = compute(app, today=date(2026, 9, 15))
        assert result.reply_deadline == cal().add_working_days(date(2026, 9, 14), 20)
        assert "重新起算" in result.explanations["reply_deadline"]
        (notice,) = app.stored_files("notice")
        assert notice["notice_kind"] == "correction"

    def test_no_correction_closes_case(self, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            perform(app, "request_correction", day=date(2026, 9, 3), items="写明文号")
            with pytest.raises(ActionError):
                perform(app, "reply", day=date(2026, 10, 20), outcome="granted")
            perform(
                app,
                "reply",
                day=date(2026, 10, 20),
                outcome="no_correction",
                reasons="逾期未补正",
            )
        assert app.outcome == "no_correction"
        assert api.content.get_state(app) == "replied"

    def test_calendar_overrides_apply(self, portal, agency):
        app = make_case(agency)
        before = compute(app, today=date(2026, 9, 2)).reply_deadline
        api.portal.set_registry_record(
            "tongliao.disclosure.calendar_overrides", ["2026-09-03:holiday:本地假日"]
        )
        assert compute(
            app, today=date(2026, 9, 2)
        ).reply_deadline == cal().add_working_days(before, 1)


# 国办函〔2020〕109号: (method, quantity, items already this month) -> yuan
FEE_TABLE = [
    ("by_items", 11, 0, 100),
    ("by_items", 30, 0, 2000),
    ("by_items", 31, 0, 2200),
    ("by_items", 5, 28, 2 * 100 + 3 * 200),
    ("by_items", 1, 39, 200),
    ("by_items", 1, 40, 300),
    ("by_pages", 31, 0, 10),
    ("by_pages", 100, 0, 700),
    ("by_pages", 250, 0, 4700),
]


class TestFees:
    @pytest.mark.parametrize("method,quantity,previous,amount", FEE_TABLE)
    def test_fee_rule_table(self, agency, method, quantity, previous, amount):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            event = perform(
                app,
                "fee_notice",
                day=date(2026, 9, 2),
                method=method,
                quantity=quantity,
                previous_items=previous,
            )
        assert event["data"]["amount"] == amount
        (notice,) = app.stored_files("notice")
        assert any(f"{amount}元" in text for text in notice["paragraphs"])

    @pytest.mark.parametrize(
        "method,quantity,previous", [("by_items", 10, 0), ("by_pages", 30, 0)]
    )
    def test_free_quantities_need_no_notice(self, agency, method, quantity, previous):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]), pytest.raises(ActionError):
            perform(
                app,
                "fee_notice",
                day=date(2026, 9, 2),
                method=method,
                quantity=quantity,
                previous_items=previous,
            )
        assert not app.stored_files("notice")

    def test_unpaid_after_20_working_days_is_ready_to_close(self, agency):
        from tongliao.disclosure.applications.workflow import cases_ready_to_close

        unpaid = make_case(agency, channel="in_person")
        paid = make_case(agency, channel="fax")
        with api.env.adopt_roles(["Manager"]):
            for app in (unpaid, paid):
                perform(
                    app,
                    "fee_notice",
                    day=date(2026, 9, 2),
                    method="by_pages",
                    quantity=40,
                    delivery="in_person",
                )
            perform(paid, "fee_paid", day=date(2026, 9, 10))
        last_day = cal().add_working_days(date(2026, 9, 2), 20)
        assert cases_ready_to_close(today=last_day) == []
        found = cases_ready_to_close(today=cal().next_working_day(last_day))
        assert [(app, outcome) for app, outcome, _ in found] == [(unpaid, "no_fee")]
        # Listed, not closed: an officer confirms.
        assert unpaid.outcome is None
        assert api.content.get_state(unpaid) == "registered"


class TestDashboard:
    def test_buckets_and_counts(self, portal, agency):
        from tongliao.disclosure.calendar import site_today
        from tongliao.disclosure.interfaces import IBrowserLayer
        from zope.component import getMultiAdapter
        from zope.interface import alsoProvides

        today = site_today()
        # Received so that the reply is due in 2 working days.
        received = today
        while cal().add_working_days(received, 20) > cal().add_working_days(today, 2):
            received = received.fromordinal(received.toordinal() - 1)
        make_case(agency, received=date(2026, 9, 1), channel="in_person")  # overdue
        make_case(agency, received=received, channel="fax")  # due soon
        waiting = make_case(agency, received=date(2026, 9, 2), channel="mail_signed")
        consulting = make_case(
            agency, received=date(2026, 9, 3), channel="mail_unsigned"
        )
        with api.env.adopt_roles(["Manager"]):
            perform(waiting, "request_correction", day=date(2026, 9, 3), items="x")
            perform(consulting, "start_consultation", day=date(2026, 9, 4), party="p")
        # A real role: the catalog filters by the user's roles.
        setRoles(portal, TEST_USER_ID, ["DisclosureOfficer"])
        request = portal.REQUEST
        alsoProvides(request, IBrowserLayer)
        view = getMultiAdapter((portal, request), name="applications-dashboard")
        buckets = {bucket["name"]: bucket for bucket in view.buckets()}
        html = view()
        assert {name: bucket["count"] for name, bucket in buckets.items()} == {
            "ready_to_close": 0,
            "registered": 2,
            "overdue": 1,
            "due_soon": 1,
            "awaiting_correction": 1,
            "consulting": 1,
        }
        assert buckets["overdue"]["rows"][0]["reply_deadline"] == "2026-09-29"
        # 已登记 cases are listed, newest first, with working days left.
        registered = buckets["registered"]["rows"]
        assert [row["received_date"] for row in registered] == [
            received.isoformat(),
            "2026-09-01",
        ]
        assert registered[0]["days_left"] == 2
        assert registered[1]["days_left"] < 0
        # Each paused case has its own due date: the consultation window
        # (09-04 = day 0: 07..11(5) 14..18(10) Sun 20(11) 21..24(15)) ...
        (consulting_row,) = buckets["consulting"]["rows"]
        assert consulting_row["due"] == "2026-09-24"
        assert consulting_row["overdue"] is True
        # ... and, for a notice sent by mail, a reminder to record its receipt.
        (waiting_row,) = buckets["awaiting_correction"]["rows"]
        assert waiting_row["due"] == "待登记补正告知书送达日"
        assert "已超期" in html or "Overdue" in html
        for name in PERSONAL_FIELDS:
            assert APPLICANT[name] not in html


def test_lookup_takes_the_same_floor_for_miss_and_wrong_pair(portal, agency):
    """An unknown code must not answer faster than a known code with a wrong tail."""

    app = make_case(agency)
    for code, tail in (("ZZZZ-0000-0000", "5678"), (app.tracking_code, "0000")):
        started = time.monotonic()
        assert find_case(code, tail) is None
        assert time.monotonic() - started >= LOOKUP_FLOOR_SECONDS
    assert find_case(app.tracking_code, "5678") == app
