"""Case actions declared as data (actions.py): the table, its forms and the
@case-actions REST service that lists and performs them."""

from .applications_support import APPLICANT
from .applications_support import PASSWORD
from .helpers import make_agency
from .rest_docs import record
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tongliao.disclosure.applications.actions import ACTION_PARAMS
from tongliao.disclosure.applications.actions import ACTIONS
from tongliao.disclosure.applications.actions import available_actions
from tongliao.disclosure.applications.actions import FIELDS
from tongliao.disclosure.applications.actions import perform
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.applications.workflow import APPROVE_EXTENSION
from tongliao.disclosure.applications.workflow import HANDLE_APPLICATION
from tongliao.disclosure.calendar import site_today
from zope.i18n import translate

import pytest
import re
import transaction


WIDGETS = {"text", "textarea", "number", "select", "date"}


def zh(msgid):
    return translate(msgid, target_language="zh_CN")


class TestTable:
    """Pure checks of the declarations (no site needed)."""

    def test_every_action_is_fully_declared(self):
        for name, action in ACTIONS.items():
            assert action.name == name
            assert action.event or action.transition, name
            assert action.permission in (HANDLE_APPLICATION, APPROVE_EXTENSION)
            for item in action.form_fields:
                assert item.widget in WIDGETS, (name, item.name)

    def test_every_field_is_used_and_every_input_is_passed_on(self):
        used = {item for action in ACTIONS.values() for item in action.fields}
        assert used == set(FIELDS)
        assert set(ACTION_PARAMS) == set(FIELDS)

    def test_only_the_extension_needs_the_approvers_permission(self):
        approving = [
            a.name for a in ACTIONS.values() if a.permission != HANDLE_APPLICATION
        ]
        assert approving == ["extend"]

    def test_the_table_is_read_only(self):
        with pytest.raises(TypeError):
            ACTIONS["extend"] = ACTIONS["accept"]


@pytest.fixture
def case(portal):
    with api.env.adopt_roles(["Manager"]):
        agency = make_agency(
            portal, title="通辽市发展和改革委员会", credit_code="11150500MB1604391C"
        )
        return api.content.create(
            container=agency,
            type="DisclosureApplication",
            id="case",
            channel="in_person",
            received_date=site_today(),
            **APPLICANT,
        )


def names(app):
    return [action.name for action in available_actions(app)]


class TestAvailability:
    def test_a_new_case_offers_the_officer_its_legal_first_steps(self, portal, case):
        setRoles(portal, TEST_USER_ID, ["DisclosureOfficer"])
        offered = names(case)
        for expected in (
            "accept",
            "request_correction",
            "reply",
            "withdraw",
            "reply_on_the_spot",
            "fee_notice",
            "remedy_filed",
        ):
            assert expected in offered
        # Not before their condition: no extension for an officer, nothing to
        # pay, no notice to receive, no consultation to end, nothing to decide.
        for absent in (
            "extend",
            "fee_paid",
            "notice_received",
            "end_consultation",
            "remedy_decided",
            "archive",
        ):
            assert absent not in offered

    def test_the_approver_is_offered_the_extension_only(self, portal, case):
        setRoles(portal, TEST_USER_ID, ["DisclosureApprover"])
        assert names(case) == ["extend"]

    def test_a_member_is_offered_nothing(self, portal, case):
        setRoles(portal, TEST_USER_ID, ["Member"])
        assert names(case) == []

    def test_offers_follow_the_case(self, portal, case):
        setRoles(portal, TEST_USER_ID, ["DisclosureOfficer"])
        perform(
            case, "fee_notice", method="by_pages", quantity=200, delivery="mail_signed"
        )
        offered = names(case)
        assert "fee_paid" in offered and "fee_notice" not in offered
        assert "notice_received" in offered  # by post: receipt to be recorded
        perform(case, "fee_paid")
        assert "fee_paid" not in names(case)

    def test_every_offered_action_with_no_form_can_be_done(self, portal, case):
        """What the page offers, perform accepts (same table, same rules)."""
        setRoles(portal, TEST_USER_ID, ["DisclosureOfficer"])
        assert "accept" in names(case)
        perform(case, "accept")
        assert api.content.get_state(case) == "processing"
        assert "accept" not in names(case)


class TestPerformRefusals:
    @pytest.mark.parametrize(
        "action,params,message",
        [
            (
                "request_correction",
                {"items": "身份证明", "period_days": "十五"},
                "整数",
            ),
            ("request_correction", {"items": "身份证明", "period_days": "0"}, "1至60"),
            ("request_correction", {"period_days": "10"}, "补正"),
            ("fee_notice", {"method": "by_pages", "quantity": "abc"}, "计费方式"),
            ("start_consultation", {"party": "某公司", "delivered": "昨天"}, "日期"),
            ("reply", {"outcome": "nonsense"}, "办理结果"),
            ("remedy_decided", {"proceeding": "review", "result": "upheld"}, "未登记"),
            ("no_such_action", {}, "未知"),
        ],
    )
    def test_bad_input_is_refused_in_chinese_and_nothing_stored(
        self, portal, case, action, params, message
    ):
        setRoles(portal, TEST_USER_ID, ["DisclosureOfficer"])
        before = list(case.get_events())
        with pytest.raises(ActionError) as excinfo:
            perform(case, action, **params)
        assert message in zh(excinfo.value.message)
        assert list(case.get_events()) == before
        assert api.content.get_state(case) == "registered"
        assert not case.stored_files("notice")

    def test_a_future_date_is_refused(self, portal, case):
        setRoles(portal, TEST_USER_ID, ["DisclosureOfficer"])
        with pytest.raises(ActionError) as excinfo:
            perform(case, "accept", day=date(2099, 1, 1))
        assert "今天" in zh(excinfo.value.message)


# Over real HTTP: the @case-actions service -------------------------------------


@pytest.fixture
def http_case(applications_site):
    portal = applications_site
    with api.env.adopt_roles(["Manager"]):
        agency = portal["agency"]
        app = api.content.create(
            container=agency,
            type="DisclosureApplication",
            id="rest-case",
            channel="in_person",
            received_date=site_today(),
            **APPLICANT,
        )
        if not api.user.get(username="head"):
            api.user.create(
                email="head@example.org",
                username="head",
                password=PASSWORD,
                properties={"fullname": "王建国"},
            )
            api.user.grant_roles(username="head", roles=["DisclosureApprover"])
        if not api.user.get(username="member"):
            api.user.create(email="m@example.org", username="member", password=PASSWORD)
    transaction.commit()
    return app


def url_of(app):
    return app.absolute_url() + "/@case-actions"


def events_of(app):
    transaction.begin()
    return [event["type"] for event in app.get_events()]


class TestRest:
    def test_get_lists_the_steps_with_chinese_labelled_fields(
        self, http_case, request_factory
    ):
        session = request_factory(basic_auth=("officer", PASSWORD))
        response = session.get(url_of(http_case))
        assert response.status_code == 200
        body = response.json()
        assert body["state"] == "registered"
        by_name = {action["name"]: action for action in body["actions"]}
        assert by_name["request_correction"]["title"] == "告知补正"
        labels = [field["label"] for field in by_name["request_correction"]["fields"]]
        assert labels[0] == "需补正的事项"
        assert all(field["label"] for a in body["actions"] for field in a["fields"])
        assert "答复期限" in by_name["accept"]["consequence"]
        assert "extend" not in by_name

    @pytest.mark.parametrize("who", [None, ("member", PASSWORD)])
    def test_others_cannot_list_or_act(self, http_case, request_factory, who):
        session = request_factory(basic_auth=who) if who else request_factory()
        assert session.get(url_of(http_case)).status_code in (401, 403)
        response = session.post(url_of(http_case), json={"action": "accept"})
        assert response.status_code in (401, 403)
        assert events_of(http_case) == ["received"]

    def test_post_does_the_step(self, http_case, request_factory):
        session = request_factory(basic_auth=("officer", PASSWORD))
        response = session.post(
            url_of(http_case),
            json={
                "action": "request_correction",
                "items": "请补充所需信息的文号",
                "period_days": "10",
                "delivery": "in_person",
            },
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["state"] == "awaiting_correction"
        assert body["event"]["type"] == "correction_requested"
        assert body["event"]["data"]["period_days"] == 10
        assert events_of(http_case) == ["received", "correction_requested"]
        # The example in docs/rest shows fixed dates, not the day of the run.
        days = sorted(set(re.findall(r"\d{4}-\d\d-\d\d", response.text)))
        record(
            "case-actions-post",
            response,
            title="One step on a case: a correction request (officer)",
            replacements={day: f"2026-03-{n + 2:02d}" for n, day in enumerate(days)},
        )

    def test_bad_input_is_a_400_in_chinese(self, http_case, request_factory):
        session = request_factory(basic_auth=("officer", PASSWORD))
        for payload, message in (
            (
                {"action": "request_correction", "items": "x", "period_days": "ab"},
                "整数",
            ),
            ({"action": "accept", "date": "2026-13-45"}, "日期"),
            ({"action": "fly"}, "未知"),
            ({"nothing": 1}, "操作"),
        ):
            response = session.post(url_of(http_case), json=payload)
            assert response.status_code == 400, payload
            assert message in response.json()["error"]["message"], payload
        assert session.post(url_of(http_case), data="not json").status_code == 400
        # What a cross-site form could send (no JSON content type) is refused.
        forged = session.post(
            url_of(http_case),
            data='{"action": "accept"}',
            headers={"Content-Type": "text/plain"},
        )
        assert forged.status_code == 400
        assert events_of(http_case) == ["received"]

    def test_extension_needs_the_approver(self, http_case, request_factory):
        payload = {"action": "extend", "days": 10, "reason": "需要调取档案"}
        officer = request_factory(basic_auth=("officer", PASSWORD))
        refused = officer.post(url_of(http_case), json=payload)
        assert refused.status_code == 403
        assert "延期" in refused.json()["error"]["message"]
        head = request_factory(basic_auth=("head", PASSWORD))
        listed = head.get(url_of(http_case))
        assert listed.status_code == 200, listed.text
        assert [action["name"] for action in listed.json()["actions"]] == ["extend"]
        done = head.post(url_of(http_case), json=payload)
        assert done.status_code == 200, done.text
        assert done.json()["event"]["data"]["approver"] == "王建国"
        assert events_of(http_case) == ["received", "extension"]
