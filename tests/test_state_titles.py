"""Review state titles come from the workflow definition, translated."""

from plone import api
from tongliao.disclosure.review.workflow import state_title
from tongliao.disclosure.review.workflow import WORKFLOW_ID

import pytest


@pytest.mark.parametrize(
    "state,title",
    [
        ("draft", "草稿"),
        ("pending_department_review", "待部门初审"),
        ("pending_approval", "待领导审批"),
        ("withdrawn", "已撤回"),
    ],
)
def test_state_title_translated(portal, state, title):
    assert state_title(state, portal.REQUEST) == title


def test_state_title_follows_the_definition(portal):
    workflow = api.portal.get_tool("portal_workflow")[WORKFLOW_ID]
    workflow.states["withdrawn"].title = "Taken down"
    assert state_title("withdrawn", portal.REQUEST) == "Taken down"


def test_every_state_has_a_chinese_title(portal):
    workflow = api.portal.get_tool("portal_workflow")[WORKFLOW_ID]
    for state in workflow.states.objectIds():
        assert state_title(state, portal.REQUEST) != workflow.states[state].title


def test_unknown_state_shown_as_its_id(portal):
    assert state_title("no_such_state", portal.REQUEST) == "no_such_state"
