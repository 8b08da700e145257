"""disclosure_review_workflow: steps, guards, records (integration)."""

from plone import api
from review_support import create_item
from review_support import make_test_type
from review_support import make_users
from review_support import submit
from tongliao.disclosure.workflow.records import get_records
from tongliao.disclosure.workflow.review import perform
from tongliao.disclosure.workflow.review import ReviewError
from zope.i18n import translate

import pytest


CLEAR = {
    "state_secret": False,
    "trade_secret": False,
    "personal_privacy": False,
    "security_stability": False,
}


@pytest.fixture
def setup(portal):
    make_test_type(portal)
    make_users(portal)
    return portal


@pytest.fixture
def item(setup):
    return create_item(setup)


def act(obj, userid, action, opinion="", checklist=None):
    with api.env.adopt_user(username=userid):
        return perform(obj, action, opinion, checklist)


def zh(messages):
    return [translate(m, target_language="zh_CN") for m in messages]


def refused(obj, userid, action, opinion="", checklist=None):
    with pytest.raises(ReviewError) as info:
        act(obj, userid, action, opinion, checklist)
    return zh(info.value.messages)


class TestPath:
    def test_workflow_bound(self, item):
        assert api.content.get_state(item) == "draft"

    def test_full_path(self, item):
        submit(item)
        assert api.content.get_state(item) == "pending_department_review"
        act(item, "dept", "pass", "同意")
        assert api.content.get_state(item) == "pending_secrecy_review"
        act(item, "secrecy", "pass", "无涉密内容", CLEAR)
        assert api.content.get_state(item) == "pending_approval"
        act(item, "approver", "pass", "同意公开")
        assert api.content.get_state(item) == "published"
        records = get_records(item)
        assert [(r["step"], r["decision"], r["actor"]) for r in records] == [
            ("department_review", "pass", "dept"),
            ("secrecy_review", "pass", "secrecy"),
            ("approval", "pass", "approver"),
        ]
        assert records[1]["checklist"] == CLEAR
        assert {r["round"] for r in records} == {1}
        assert item.effective_date is not None
