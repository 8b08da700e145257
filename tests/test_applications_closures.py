"""Lawful closures and clocks of a case, on the official 2026 calendar.

Known answers are counted by hand on the State Council's 2026 arrangement
(chinesecalendar 1.11.0):

* 春节: Sun 2026-02-15 to Mon 02-23 off; Sat 02-14 and Sat 02-28 are workdays.
* 中秋: Fri 2026-09-25 to Sun 09-27 off; Sun 09-20 is a workday.
* 国庆: Thu 2026-10-01 to Wed 10-07 off; Sat 10-10 is a workday.

Counting: the start day is day 0; "n working days" ends on the n-th working
day after it (民法典 art. 201).
"""

from datetime import date
from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from tongliao.disclosure.applications.actions import perform
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.applications.workflow import cases_ready_to_close
from tongliao.disclosure.applications.workflow import compute
from tongliao.disclosure.applications.workflow import consultation_rows
from tongliao.disclosure.applications.workflow import correction_period_end
from tongliao.disclosure.applications.workflow import fee_payment_end
from tongliao.disclosure.applications.workflow import on_the_spot_statistics
from tongliao.disclosure.calendar import site_today

import pytest


APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "张三丰",
    "id_number": "11010519491231002X",
    "phone": "13812345678",
    "description": "2025年通辽市城区供热价格调整文件",
    "provision_form": "email",
    "obtain_method": "email",
}


@pytest.fixture
def agency(drc_agency_world, portal):
    """conftest.py's agency, built once per module."""
    return portal.unrestrictedTraverse(drc_agency_world)


def make_case(agency, received, channel="in_person", name=None):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=agency,
            type="DisclosureApplication",
            id=name or f"case-{received:%m%d}-{channel}",
            channel=channel,
            received_date=received,
            **APPLICANT,
        )


def act(app, action, day, **params):
    with api.env.adopt_roles(["Manager"]):
        return perform(app, action, day=day, **params)


def message_of(excinfo):
    return str(excinfo.value.message)


class TestNoCorrection:
    """逾期不补正 (table 三 （六）1, art. 30) over Spring Festival."""

    def corrected_case(self, agency, delivery="in_person"):
        app = make_case(agency, date(2026, 2, 3), name=f"corrected-{delivery}")
        act(
            app,
            "request_correction",
            date(2026, 2, 5),
            items="写明文件名称",
            period_days=15,
            delivery=delivery,
        )
        return app

    def test_period_spans_spring_festival(self, agency):
        app = self.corrected_case(agency)
        # Handed over Thu 02-05 = day 0: 02-06(1) 09(2) 10(3) 11(4) 12(5) 13(6)
        # Sat 14(7, make-up), 15-23 off, 24(8) 25(9) 26(10) 27(11)
        # Sat 28(12, make-up), 03-02(13) 03(14) 04(15).
        assert correction_period_end(app) == date(2026, 3, 4)

    def test_refused_on_the_last_day_allowed_the_next(self, agency):
        app = self.corrected_case(agency)
        with pytest.raises(ActionError) as excinfo:
            act(app, "reply", date(2026, 3, 4), outcome="no_correction")
        assert "2026-03-04" in excinfo.value.message.mapping["date"]
        assert api.content.get_state(app) == "awaiting_correction"
        assert app.outcome is None
        event = act(app, "reply", date(2026, 3, 5), outcome="no_correction")
        assert api.content.get_state(app) == "replied"
        basis = event["data"]["legal_basis"]
        assert "2026年3月4日届满" in basis
        assert "第三十条" in basis
        (notice,) = [
            entry
            for entry in app.stored_files("notice")
            if entry["notice_kind"] == "reply"
        ]
        assert any("2026年3月4日届满" in text for text in notice["paragraphs"])

    def test_mail_needs_the_recorded_receipt(self, agency):
        app = self.corrected_case(agency, delivery="mail_signed")
        assert correction_period_end(app) is None
        with pytest.raises(ActionError) as excinfo:
            act(app, "reply", date(2026, 6, 1), outcome="no_correction")
        assert "received the correction notice" in message_of(excinfo)
        # Signed for on Mon 02-09: 10(1) 11 12 13 14(5) 24..28(10) 03-02..06(15).
        act(app, "notice_received", date(2026, 2, 9), kind="correction")
        assert correction_period_end(app) == date(2026, 3, 6)
        with pytest.raises(ActionError):
            act(app, "reply", date(2026, 3, 6), outcome="no_correction")
        act(app, "reply", date(2026, 3, 9), outcome="no_correction")
        assert app.outcome == "no_correction"

    def test_refused_without_a_notice_or_after_the_correction(self, agency):
        app = make_case(agency, date(2026, 2, 3))
        with pytest.raises(ActionError) as excinfo:
            act(app, "reply", date(2026, 6, 1), outcome="no_correction")
        assert "No correction notice" in message_of(excinfo)
        corrected = self.corrected_case(agency, delivery="fax")
        act(corrected, "receive_correction", date(2026, 2, 10))
        with pytest.raises(ActionError) as excinfo:
            act(corrected, "reply", date(2026, 6, 1), outcome="no_correction")
        assert "was received" in message_of(excinfo)
        assert corrected.outcome is None

    def test_receipt_of_a_notice_is_recorded_once_and_not_before_sending(self, agency):
        app = self.corrected_case(agency, delivery="mail_signed")
        with pytest.raises(ActionError):
            act(app, "notice_received", date(2026, 2, 4), kind="correction")
        act(app, "notice_received", date(2026, 2, 9), kind="correction")
        with pytest.raises(ActionError):
            act(app, "notice_received", date(2026, 2, 10), kind="correction")

    def test_receipt_rule_is_a_setting(self, agency):
        api.portal.set_registry_record(
            "tongliao.disclosure.notice_receipt_same_day_channels", ["fax"]
        )
        by_fax = self.corrected_case(agency, delivery="fax")
        assert correction_period_end(by_fax) == date(2026, 3, 4)


class TestStillUnclear:
    def test_needs_the_corrected_application(self, agency):
        app = make_case(agency, date(2026, 2, 3))
        act(app, "request_correction", date(2026, 2, 5), items="写明文号")
        with pytest.raises(ActionError) as excinfo:
            act(app, "reply", date(2026, 2, 6), outcome="still_unclear")
        assert "only reply is 'no correction'" in message_of(excinfo)
        act(app, "receive_correction", date(2026, 2, 12))
        event = act(app, "reply", date(2026, 2, 13), outcome="still_unclear")
        assert "2026年2月12日收到补正后的申请" in event["data"]["legal_basis"]
        assert app.outcome == "still_unclear"

    def test_refused_without_any_correction(self, agency):
        app = make_case(agency, date(2026, 2, 3))
        with pytest.raises(ActionError) as excinfo:
            act(app, "reply", date(2026, 2, 6), outcome="still_unclear")
        assert "No correction notice" in message_of(excinfo)
        assert app.outcome is None


class TestNoFee:
    """逾期未缴费 (table 三 （六）2, 国办函〔2020〕109号) over 中秋 and 国庆."""

    def fee_case(self, agency, delivery):
        app = make_case(agency, date(2026, 9, 21), name=f"fee-{delivery}")
        act(
            app,
            "fee_notice",
            date(2026, 9, 22),
            method="by_pages",
            quantity=40,
            delivery=delivery,
        )
        return app

    def test_period_runs_from_the_applicants_receipt(self, agency):
        app = self.fee_case(agency, "mail_signed")
        assert fee_payment_end(app) is None
        with pytest.raises(ActionError) as excinfo:
            act(app, "reply", date(2026, 11, 20), outcome="no_fee")
        assert "received the fee notice" in message_of(excinfo)
        # Sent Tue 09-22, signed for Thu 09-24 = day 0. 25-27 中秋, 28(1) 29(2)
        # 30(3), 10-01..07 国庆, 08(4) 09(5) Sat 10(6, make-up) 12..16(11)
        # 19..23(16) 26(17) 27(18) 28(19) 29(20).
        act(app, "notice_received", date(2026, 9, 24), kind="fee")
        assert fee_payment_end(app) == date(2026, 10, 29)
        # Counted from sending, the period would end on 10-27: refused on 10-28.
        for day in (date(2026, 10, 28), date(2026, 10, 29)):
            with pytest.raises(ActionError):
                act(app, "reply", day, outcome="no_fee")
        event = act(app, "reply", date(2026, 10, 30), outcome="no_fee")
        assert "2026年10月29日届满" in event["data"]["legal_basis"]
        assert "国办函〔2020〕109号" in event["data"]["legal_basis"]
        assert app.outcome == "no_fee"

    def test_in_person_notice_states_its_payment_deadline(self, agency):
        app = self.fee_case(agency, "in_person")
        # Day 0 = 09-22: 23(1) 24(2) 28(3) 29(4) 30(5) 10-08(6) 09(7) 10(8)
        # 12..16(13) 19..23(18) 26(19) 27(20).
        assert fee_payment_end(app) == date(2026, 10, 27)
        (notice,) = app.stored_files("notice")
        assert any("2026年10月27日" in text for text in notice["paragraphs"])

    def test_paid_or_unsent_cannot_close(self, agency):
        app = make_case(agency, date(2026, 9, 21))
        with pytest.raises(ActionError):
            act(app, "reply", date(2026, 11, 20), outcome="no_fee")
        paid = self.fee_case(agency, "in_person")
        act(paid, "fee_paid", date(2026, 9, 30))
        with pytest.raises(ActionError) as excinfo:
            act(paid, "reply", date(2026, 11, 20), outcome="no_fee")
        assert "was paid" in message_of(excinfo)

    def test_unpaid_cases_are_listed_never_closed(self, portal, agency):
        due = self.fee_case(agency, "in_person")
        waiting = self.fee_case(agency, "mail_signed")
        found = cases_ready_to_close(today=date(2026, 10, 28))
        assert [(app, outcome) for app, outcome, _basis in found] == [(due, "no_fee")]
        assert cases_ready_to_close(today=date(2026, 10, 27)) == []
        assert api.content.get_state(due) == "registered"
        assert due.outcome is None and waiting.outcome is None


class TestConsultation:
    """Art. 32/34: a 15-working-day window, and the pause ends with it."""

    def consulting_case(self, agency):
        app = make_case(agency, date(2026, 9, 15))
        act(app, "accept", date(2026, 9, 15))
        act(
            app,
            "start_consultation",
            date(2026, 9, 24),
            party="某供热公司",
            basis="third_party",
        )
        return app

    def test_window_and_overdue_flag(self, agency):
        app = self.consulting_case(agency)
        # Day 0 = Thu 09-24: 28(1) 29(2) 30(3) 10-08(4) 09(5) Sat 10(6)
        # 12..16(11) 19(12) 20(13) 21(14) 22(15).
        (row,) = consultation_rows(app, today=date(2026, 10, 22))
        assert row["window_end"] == "2026-10-22"
        assert row["overdue"] is False
        (row,) = consultation_rows(app, today=date(2026, 10, 23))
        assert row["overdue"] is True

    def test_pause_ends_at_the_window_even_if_not_ended(self, agency):
        app = self.consulting_case(agency)
        # Received Tue 09-15 = day 0; clock ran 16(1) 17 18(3) Sun 20(4) 21..24(8)
        # until the letter; paused 09-25..10-22; 12 days left from 10-22:
        # 23(1) 26..30(6) 11-02..06(11) 09(12).
        result = compute(app, today=date(2026, 11, 20))
        assert result.reply_deadline == date(2026, 11, 9)
        assert result.paused is False
        assert api.content.get_state(app) == "consulting"
        # Still inside the window: paused, deadline later than that.
        inside = compute(app, today=date(2026, 10, 20))
        assert inside.paused is True

    def test_silence_is_recorded_with_the_officers_decision(self, agency):
        app = self.consulting_case(agency)
        with pytest.raises(ActionError):
            act(app, "end_consultation", date(2026, 10, 22), answer="silence",
                decision="予以公开")  # fmt: skip
        with pytest.raises(ActionError):
            act(app, "end_consultation", date(2026, 10, 23), answer="silence")
        event = act(
            app,
            "end_consultation",
            date(2026, 10, 26),
            answer="silence",
            decision="第三方逾期未提出意见，由本机关依法决定予以公开",
        )
        assert event["data"]["window_end"] == "2026-10-22"
        # A late end does not stretch the pause beyond the window.
        result = compute(app, today=date(2026, 11, 20))
        assert result.reply_deadline == date(2026, 11, 9)
        (row,) = consultation_rows(app, today=date(2026, 11, 20))
        assert row["overdue"] is False
        assert "依法决定" in row["decision"]

    def test_agency_silence_is_deemed_consent(self, agency):
        app = make_case(agency, date(2026, 9, 15))
        act(app, "accept", date(2026, 9, 15))
        act(app, "start_consultation", date(2026, 9, 24), party="市财政局",
            basis="agency")  # fmt: skip
        event = act(app, "end_consultation", date(2026, 10, 23), answer="silence")
        assert "视为同意" in event["data"]["decision"]


class TestExtension:
    def test_officer_cannot_approve(self, portal, agency):
        app = make_case(agency, date(2026, 9, 1))
        setRoles(portal, TEST_USER_ID, ["DisclosureOfficer"])
        with pytest.raises(ActionError) as excinfo:
            perform(app, "extend", day=date(2026, 9, 20), days=10, reason="调档")
        assert "Approve extension" in message_of(excinfo)
        assert not app.has_event("extension")

    def test_approver_is_a_real_user(self, portal, agency):
        app = make_case(agency, date(2026, 9, 1))
        api.user.create(
            email="head@example.org",
            username="head",
            password="secret-head-1234",
            properties={"fullname": "王建国"},
        )
        api.user.grant_roles(username="head", roles=["DisclosureApprover"])
        login(portal, "head")
        event = perform(
            app,
            "extend",
            day=date(2026, 9, 20),
            days=10,
            reason="需要调取档案",
            approver="随便写的名字",
        )
        login(portal, TEST_USER_NAME)
        assert event["data"]["approver"] == "王建国"
        assert event["data"]["approver_id"] == "head"
        assert event["recorded"]
        assert event["data"]["reason"] == "需要调取档案"
        (notice,) = app.stored_files("notice")
        assert notice["notice_kind"] == "extension"
        assert any("延长10个工作日" in text for text in notice["paragraphs"])


class TestOnTheSpot:
    def test_same_day_reply_event_and_statistic(self, agency):
        today = site_today()
        app = make_case(agency, today, name="spot")
        event = act(app, "reply_on_the_spot", today, outcome="granted")
        assert event["type"] == "replied"
        assert event["data"]["on_the_spot"] is True
        later = make_case(agency, date(2026, 9, 1), name="later")
        with pytest.raises(ActionError):
            act(later, "reply_on_the_spot", date(2026, 9, 2), outcome="granted")
        act(later, "reply", date(2026, 9, 2), outcome="granted")
        assert on_the_spot_statistics(agency, today.year) == {
            "replied": 2,
            "on_the_spot": 1,
        }


class TestBadNumbers:
    @pytest.mark.parametrize("period", ["abc", "1.5", "十五", "-3"])
    def test_period_not_a_number_is_an_action_error(self, agency, period):
        app = make_case(agency, date(2026, 9, 1))
        with pytest.raises(ActionError):
            act(app, "request_correction", date(2026, 9, 2), items="x",
                period_days=period)  # fmt: skip
        assert not app.has_event("correction_requested")

    def test_full_width_digits_are_numbers(self, agency):
        app = make_case(agency, date(2026, 9, 1))
        event = act(app, "request_correction", date(2026, 9, 2), items="x",
                    period_days="１０")  # fmt: skip
        assert event["data"]["period_days"] == 10

    @pytest.mark.parametrize("quantity", ["many", "3e2", ""])
    def test_fee_quantity_not_a_number(self, agency, quantity):
        app = make_case(agency, date(2026, 9, 1))
        with pytest.raises(ActionError):
            act(app, "fee_notice", date(2026, 9, 2), method="by_pages",
                quantity=quantity)  # fmt: skip


def test_refusal_is_translated(agency):
    from zope.i18n import translate

    app = make_case(agency, date(2026, 2, 3))
    act(app, "request_correction", date(2026, 2, 5), items="x", delivery="in_person")
    with pytest.raises(ActionError) as excinfo:
        act(app, "reply", date(2026, 3, 4), outcome="no_correction")
    text = translate(excinfo.value.message, target_language="zh_CN")
    assert text == "补正期限至 2026-03-04 届满，次日起方可按“逾期不补正”办结。"


def render(portal, context, name):
    from tongliao.disclosure.interfaces import IBrowserLayer
    from zope.component import getMultiAdapter
    from zope.interface import alsoProvides

    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    return getMultiAdapter((context, request), name=name)()


def test_case_page_shows_window_overdue_and_closure(portal, agency):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    consulting = make_case(agency, date(2026, 9, 15), name="consulting")
    act(consulting, "accept", date(2026, 9, 15))
    act(consulting, "start_consultation", date(2026, 9, 24), party="某供热公司")
    html = render(portal, consulting, "view")
    assert "2026-10-22" in html
    assert "consultation-overdue" in html  # today (2026-11) is past the window
    fee = make_case(agency, date(2026, 9, 21), name="fee")
    act(fee, "fee_notice", date(2026, 9, 22), method="by_pages", quantity=40,
        delivery="in_person")  # fmt: skip
    html = render(portal, fee, "view")
    assert 'id="ready-to-close"' in html
    assert "2026年10月27日届满" in html
    dashboard = render(portal, portal, "applications-dashboard")
    assert "bucket-ready_to_close" in dashboard
    assert "2026年10月27日届满" in dashboard


def test_approve_extension_page(portal, agency):
    app = make_case(agency, date(2026, 9, 1), name="ext")
    setRoles(portal, TEST_USER_ID, ["DisclosureApprover"])
    request = portal.REQUEST
    request.method = "POST"
    request.form.update({"days": "abc", "reason": "调档"})
    from plone.protect.authenticator import createToken

    request.form["_authenticator"] = createToken()
    html = render(portal, app, "approve-extension")
    assert "请输入整数" in html or "whole number" in html
    assert not app.has_event("extension")
    request.form["days"] = "10"
    render(portal, app, "approve-extension")
    assert app.last_event("extension")["data"]["days"] == 10
