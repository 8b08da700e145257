"""政民互动: answer deadline, workflow with consent and review, privacy."""

from .complaints_support import make_staff
from .complaints_support import message
from .review_support import make_agency
from datetime import date
from plone import api
from tests.world_support import world_fixture
from tongliao.disclosure.messages import workflow as message_workflow
from tongliao.disclosure.messages.workflow import ActionError
from tongliao.disclosure.messages.workflow import due
from tongliao.disclosure.messages.workflow import perform

import pytest


def build_site(portal):
    make_staff(portal)
    make_agency(portal)


# Built once for the module (tests/world_support.py); each test starts from it.
messages_world = world_fixture(build_site, "messages_world")


@pytest.fixture
def site(messages_world, portal):
    return portal


def act(user, item, action, **params):
    with api.env.adopt_user(username=user):
        return perform(item, action, **params)


def test_answer_deadline_across_spring_festival(site, monkeypatch):
    """Received Thu 12 Feb 2026: 10 working days (13, 14 (make-up Saturday),
    then after the holiday 15–23 Feb: 24–28 (28 a make-up Saturday), 2, 3, 4
    March) end on 4 March."""
    monkeypatch.setattr(message_workflow, "site_today", lambda: date(2026, 2, 12))
    item = message(site)
    assert due(item, today=date(2026, 2, 12)).date == date(2026, 3, 4)
    assert due(item, today=date(2026, 3, 5)).overdue
    api.portal.set_registry_record("tongliao.disclosure.message_answer_days", 5)
    assert due(item, today=date(2026, 2, 12)).date == date(2026, 2, 26)


def test_answer_and_publish_with_consent(site):
    item = message(site)
    assert api.content.get_state(item) == "received"
    assert item.exclude_from_nav  # listed on @@messages, not in navigation
    with pytest.raises(ActionError):
        act("officer", item, "answer", answer=" ")
    act("officer", item, "answer", answer="指南在本机关政府信息公开专栏。")
    assert due(item) is None
    act("officer", item, "propose_publication")
    with pytest.raises(ActionError):
        act("officer", item, "publish")  # no permission
    api.user.grant_roles(username="officer", roles=["DisclosureApprover"])
    with pytest.raises(ActionError):
        act("officer", item, "publish")  # proposer
    act("approver", item, "publish")
    assert api.content.get_state(item) == "published"
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission("View", obj=item)
        assert not api.user.has_permission(
            "tongliao.disclosure: View applicant data", obj=item
        )


def test_a_published_message_can_be_withdrawn_with_a_reason(site):
    item = message(site)
    act("officer", item, "answer", answer="指南在本机关政府信息公开专栏。")
    act("officer", item, "propose_publication")
    act("approver", item, "publish")
    with pytest.raises(ActionError):
        act("officer", item, "withdraw_publication", reason="写信人要求撤回")
    with pytest.raises(ActionError):
        act("approver", item, "withdraw_publication")  # no reason
    assert api.content.get_state(item) == "published"
    act("approver", item, "withdraw_publication", reason="写信人撤回同意")
    assert api.content.get_state(item) == "answered"
    assert item.get_events()[-1]["type"] == "publication_withdrawn"
    with api.env.adopt_roles(["Anonymous"]):
        assert not api.user.has_permission("View", obj=item)


def test_no_publication_without_consent(site):
    item = message(site, publication_consent=False)
    act("officer", item, "answer", answer="答复。")
    with pytest.raises(ActionError) as error:
        act("officer", item, "propose_publication")
    assert "agree" in error.value.message
    assert api.content.get_state(item) == "answered"
    with api.env.adopt_roles(["Anonymous"]):
        assert not api.user.has_permission("View", obj=item)


@pytest.mark.parametrize("user", ["member", "editor", "approver", "handler"])
def test_only_officers_answer(site, user):
    item = message(site)
    with pytest.raises(ActionError):
        act(user, item, "answer", answer="答复。")
    assert api.content.get_state(item) == "received"
