"""举报受理: workflow, working-day deadlines, routing and privacy of complaints
(integration layer; HTTP and browser tests in test_participation_http.py and
test_e2e_complaints.py)."""

from .complaints_support import complaint
from .complaints_support import make_staff
from .review_support import make_agency
from datetime import date
from plone import api
from tests.world_support import world_fixture
from tongliao.disclosure.complaints import workflow as complaint_workflow
from tongliao.disclosure.complaints.content import PERSONAL_FIELDS
from tongliao.disclosure.complaints.routing import ROUTING_RECORD
from tongliao.disclosure.complaints.workflow import ActionError
from tongliao.disclosure.complaints.workflow import due
from tongliao.disclosure.complaints.workflow import MSG_OWN_AGENCY
from tongliao.disclosure.complaints.workflow import MSG_SAME_PERSON
from tongliao.disclosure.complaints.workflow import perform

import pytest


VIEW_DATA = "tongliao.disclosure: View applicant data"


def build_site(portal):
    make_staff(portal)
    make_agency(portal)


# Built once for the module (tests/world_support.py); each test starts from it.
complaints_world = world_fixture(build_site, "complaints_world")


@pytest.fixture
def site(complaints_world, portal):
    return portal


def on(monkeypatch, day):
    monkeypatch.setattr(complaint_workflow, "site_today", lambda: day)


def act(user, case, action, **params):
    with api.env.adopt_user(username=user):
        return perform(case, action, **params)


def test_filing_across_national_day(site, monkeypatch):
    """Received Mon 28 Sep 2026: 5 working days skip 1–7 October and land on
    the make-up working Saturday 10 October; accepted on 12 October, 30
    working days to reply end on 23 November."""
    on(monkeypatch, date(2026, 9, 28))
    case = complaint(site)
    assert api.content.get_state(case) == "received"
    assert len(case.tracking_code) == 14
    assert case.received_date == date(2026, 9, 28)
    assert case.get_events()[0]["type"] == "received"
    assert due(case, today=date(2026, 10, 10)).date == date(2026, 10, 10)
    assert not due(case, today=date(2026, 10, 10)).overdue
    assert due(case, today=date(2026, 10, 11)).overdue
    on(monkeypatch, date(2026, 10, 12))
    act("handler", case, "accept")
    running = due(case, today=date(2026, 10, 12))
    assert (running.kind, running.date) == ("reply", date(2026, 11, 23))
    brain = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=case.UID()
    )[0]
    assert brain.reply_deadline == "2026-11-23"


def test_settings_change_the_periods(site, monkeypatch):
    on(monkeypatch, date(2026, 2, 12))  # the Thursday before Spring Festival
    api.portal.set_registry_record("tongliao.disclosure.complaint_accept_days", 3)
    case = complaint(site)
    # 13 Feb, then the holiday 15–23 Feb (14 Feb is a make-up working Saturday).
    assert due(case).date == date(2026, 2, 24)


def test_whole_workflow_with_anonymised_publication(site):
    case = complaint(site)
    act("handler", case, "accept")
    act("handler", case, "investigate")
    with pytest.raises(ActionError) as error:
        act("handler", case, "conclude", substantiated="yes", finding="属实")
    assert "measures" in error.value.message
    assert api.content.get_state(case) == "investigating"
    act(
        "handler",
        case,
        "conclude",
        substantiated="yes",
        finding="该机关未在法定期限内答复。",
        measures="责令限期答复并通报批评。",
    )
    act("handler", case, "reply", reply_text="经查，举报属实，已责令整改。")
    with pytest.raises(ActionError):
        act("handler", case, "propose_publication", public_summary="  ")
    act("handler", case, "propose_publication", public_summary="某机关逾期未答复申请。")
    assert api.content.get_state(case) == "pending_publication"
    # The handler may not approve his own proposal; the approver may.
    with pytest.raises(ActionError):
        act("handler", case, "publish")
    act("approver", case, "publish")
    assert api.content.get_state(case) == "published"
    assert [e["type"] for e in case.get_events()] == [
        "received",
        "accepted",
        "investigating",
        "concluded",
        "replied",
        "publication_proposed",
        "published",
    ]
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission("View", obj=case)
        assert not api.user.has_permission(VIEW_DATA, obj=case)


def replied_case(site):
    case = complaint(site)
    for action, params in (
        ("accept", {}),
        ("investigate", {}),
        ("conclude", {"substantiated": "no", "finding": "不属实"}),
        ("reply", {"reply_text": "经查不属实。"}),
    ):
        act("handler", case, action, **params)
    return case


def published_case(site):
    case = replied_case(site)
    act("handler", case, "propose_publication", public_summary="经查不属实。")
    act("approver", case, "publish")
    return case


def anonymous_finds(case):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Anonymous"]):
        found = [b.UID for b in catalog(portal_type="DisclosureComplaint")]
        return api.user.has_permission("View", obj=case), case.UID() in found


def test_a_published_case_can_be_withdrawn_with_a_reason(site):
    case = published_case(site)
    assert anonymous_finds(case) == (True, True)
    with pytest.raises(ActionError):
        act("handler", case, "withdraw_publication", reason="误发")  # not his
    with pytest.raises(ActionError) as error:
        act("approver", case, "withdraw_publication", reason=" ")
    assert "reason" in error.value.message
    assert api.content.get_state(case) == "published"
    act("approver", case, "withdraw_publication", reason="摘要仍可识别举报人。")
    assert api.content.get_state(case) == "replied"
    last = case.get_events()[-1]
    assert last["type"] == "publication_withdrawn"
    assert last["note"] == "摘要仍可识别举报人。"
    assert anonymous_finds(case) == (False, False)
    # A corrected summary goes through review again.
    act("handler", case, "propose_publication", public_summary="某机关答复不规范。")
    assert api.content.get_state(case) == "pending_publication"


def test_same_person_may_not_propose_and_approve(site):
    case = replied_case(site)
    api.user.grant_roles(username="handler", roles=["DisclosureApprover"])
    act("handler", case, "propose_publication", public_summary="经查不属实。")
    with pytest.raises(ActionError) as error:
        act("handler", case, "publish")
    assert error.value.message == MSG_SAME_PERSON


def test_not_accepted_needs_a_reason(site):
    case = complaint(site)
    with pytest.raises(ActionError):
        act("handler", case, "not_accept", reason="")
    act("handler", case, "not_accept", reason="不属于政府信息公开工作范围。")
    assert api.content.get_state(case) == "not_accepted"
    assert case.refusal_reason == "不属于政府信息公开工作范围。"
    with pytest.raises(ActionError):
        act("handler", case, "accept")


@pytest.mark.parametrize(
    "user",
    ["officer", "approver", "editor", "dept", "secrecy", "member"],
)
def test_others_cannot_see_or_decide(site, user):
    """Disclosure officers, reviewers, editors: no access to the complaint."""
    case = complaint(site)
    with api.env.adopt_user(username=user):
        assert not api.user.has_permission("View", obj=case)
        assert not api.user.has_permission(VIEW_DATA, obj=case)
    with pytest.raises(ActionError):
        act(user, case, "accept")
    assert api.content.get_state(case) == "received"


def test_routing_to_the_supervising_office(site):
    agency = make_agency(site)
    api.portal.set_registry_record(ROUTING_RECORD, [f"{agency.getId()}=city_office"])
    case = complaint(site)
    assert "ComplaintHandler" in dict(case.get_local_roles())["city_office"]
    act("cityoffice", case, "accept")  # not in complaint_handlers, routed here
    assert api.content.get_state(case) == "accepted"


def test_staff_of_the_agency_complained_about_cannot_decide(site):
    """Even when routing (wrongly) names the agency's own office, its staff may
    neither decide nor close the complaint."""
    agency = make_agency(site)
    agency.manage_setLocalRoles("agency_own_office", ["Editor", "DisclosureOfficer"])
    api.portal.set_registry_record(
        ROUTING_RECORD, [f"{agency.getId()}=agency_own_office"]
    )
    case = complaint(site)
    with api.env.adopt_user(username="agencystaff"):
        assert api.user.has_permission(complaint_workflow.HANDLE_COMPLAINT, obj=case)
    for action in ("accept", "not_accept"):
        with pytest.raises(ActionError) as error:
            act("agencystaff", case, action, reason="不受理")
        assert error.value.message == MSG_OWN_AGENCY
    assert api.content.get_state(case) == "received"
    # Staff of the agency through a direct local role, even as a handler.
    agency.manage_setLocalRoles("handler", ["Editor"])
    with pytest.raises(ActionError) as error:
        act("handler", case, "accept")
    assert error.value.message == MSG_OWN_AGENCY
    act("handler2", case, "accept")
    assert api.content.get_state(case) == "accepted"


def test_catalogue_holds_no_personal_data(site):
    case = complaint(site, application_code="ABCD-EFGH-JKMN")
    catalog = api.portal.get_tool("portal_catalog")
    brain = catalog.unrestrictedSearchResults(UID=case.UID())[0]
    metadata = " ".join(str(getattr(brain, name, "")) for name in catalog.schema())
    for name in PERSONAL_FIELDS:
        value = getattr(case, name)
        assert value and value not in metadata
    indexed = " ".join(
        str(value) for value in catalog.getIndexDataForRID(brain.getRID()).values()
    )
    for name in PERSONAL_FIELDS:
        assert getattr(case, name) not in indexed
    assert not catalog.unrestrictedSearchResults(SearchableText="李举报")
