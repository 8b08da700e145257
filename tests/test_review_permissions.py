# ruff: noqa: E501  (the matrix is a table: one row per role)
"""Permission matrix of disclosure_review_workflow: roles × states × operations.

Each cell is tried for real: View/Modify/Delete by permission check, every
transition by firing it (submit/revise through the workflow tool, review steps
through ``perform``, which is the only way they fire). ``+`` marks what must
succeed; every other operation of the state must be refused.
"""

from plone import api
from plone.app.testing import logout
from tests.review_support import CLEAR
from tests.review_support import create_item
from tests.review_support import make_test_type
from tests.review_support import make_users
from tests.review_support import publish
from tests.review_support import submit
from tests.world_support import world_fixture
from tongliao.disclosure.review.workflow import perform
from tongliao.disclosure.review.workflow import ReviewError

import pytest


ROLES = [
    "Anonymous",
    "Member",
    "Owner",
    "Contributor",
    "Editor",
    "Reader",
    "DepartmentReviewer",
    "SecrecyReviewer",
    "DisclosureApprover",
    "DisclosureOfficer",
    "Site Administrator",
    "Manager",
]

# Operations per state: V view, M modify, D delete, then the transitions that
# leave the state (pass = the state's review step).
OPS = {
    "draft": ["V", "M", "D", "submit"],
    "pending_department_review": ["V", "M", "D", "pass", "reject"],
    "pending_secrecy_review": ["V", "M", "D", "pass", "reject"],
    "pending_approval": ["V", "M", "D", "pass", "reject"],
    "published": ["V", "M", "D", "withdraw"],
    "withdrawn": ["V", "M", "D", "revise"],
}

# fmt: off
# role                  draft              pending_department   pending_secrecy      pending_approval     published     withdrawn
MATRIX = {
    "Anonymous":          ("",               "",                  "",                  "",                  "V",          ""),
    "Member":             ("",               "",                  "",                  "",                  "V",          ""),
    "Owner":              ("V M D submit",   "V M",               "V M",               "V M",               "V withdraw", "V revise"),
    "Contributor":        ("V",              "V",                 "V",                 "V",                 "V",          "V"),
    "Editor":             ("V M D submit",   "V M",               "V M",               "V M",               "V withdraw", "V revise"),
    "Reader":             ("V",              "V",                 "V",                 "V",                 "V",          "V"),
    "DepartmentReviewer": ("",               "V pass reject",     "V",                 "V",                 "V",          "V"),
    "SecrecyReviewer":    ("",               "V",                 "V pass reject",     "V",                 "V",          "V"),
    "DisclosureApprover": ("",               "V",                 "V",                 "V pass reject",     "V withdraw", "V"),
    "DisclosureOfficer":  ("",               "",                  "",                  "",                  "V",          ""),
    "Site Administrator": ("V M D submit",   "V M pass reject",   "V M pass reject",   "V M pass reject",   "V withdraw", "V D revise"),
    "Manager":            ("V M D submit",   "V M D pass reject", "V M D pass reject", "V M D pass reject", "V M D withdraw", "V M D revise"),
}
# fmt: on
STATES = list(OPS)

CELLS = [
    (role, state, op, op in MATRIX[role][i].split())
    for role in ROLES
    for i, state in enumerate(STATES)
    for op in OPS[state]
]


def user_for(role):
    return "r_" + role.lower().replace(" ", "_")


def build_world(portal):
    """The agency, the staff and a user per role, and an item in every state
    (one more per state that the Owner user owns): built once for the module;
    each test fires its operation on its own connection, which is aborted."""
    make_test_type(portal)
    make_users(portal)
    for role in ROLES:
        if role == "Anonymous":
            continue
        userid = user_for(role)
        api.user.create(
            username=userid, email=f"{userid}@example.org", password="secret-Pw-2024"
        )
        if role not in ("Member", "Owner"):
            portal.acl_users.portal_role_manager.assignRoleToPrincipal(role, userid)
    return {
        (state, role == "Owner"): item_in(portal, state, role).getPhysicalPath()
        for state in STATES
        for role in ("Owner", "Member")
    }


review_permissions_world = world_fixture(build_world, "review_permissions_world")


@pytest.fixture
def items(review_permissions_world, portal):
    """The items of the module's world, as objects of this test's connection."""
    return {
        key: portal.unrestrictedTraverse(path)
        for key, path in review_permissions_world.items()
    }


def item_in(portal, state, role):
    obj = create_item(portal)
    if role == "Owner":
        obj.manage_setLocalRoles(user_for(role), ["Owner"])
        obj.reindexObjectSecurity()
    if state == "draft":
        return obj
    if state in ("published", "withdrawn"):
        publish(obj)
        if state == "withdrawn":
            with api.env.adopt_user(username="editor"):
                perform(obj, "withdraw", "调整")
        return obj
    submit(obj)
    steps = [("dept", None), ("secrecy", CLEAR)]
    count = STATES.index(state) - 1
    for userid, checklist in steps[:count]:
        with api.env.adopt_user(username=userid):
            perform(obj, "pass", "同意", checklist)
    assert api.content.get_state(obj) == state
    return obj


def attempt(obj, op):
    """True when the current user may do ``op`` (and did it, for transitions)."""
    check = {"V": "View", "M": "Modify portal content", "D": "Delete objects"}
    if op in check:
        return bool(api.user.has_permission(check[op], obj=obj))
    before = api.content.get_state(obj)
    if op in ("submit", "revise"):
        wftool = api.portal.get_tool("portal_workflow")
        if op not in [t["id"] for t in wftool.getTransitionsFor(obj)]:
            return False
        wftool.doActionFor(obj, op)
    else:
        checklist = CLEAR if before == "pending_secrecy_review" else None
        try:
            perform(obj, op, "审核意见", checklist)
        except ReviewError:
            assert api.content.get_state(obj) == before
            return False
    assert api.content.get_state(obj) != before
    return True


@pytest.mark.parametrize(
    "role,state,op,expected",
    CELLS,
    ids=[f"{r}-{s}-{o}" for r, s, o, _e in CELLS],
)
def test_matrix(items, role, state, op, expected):
    obj = items[state, role == "Owner"]
    if role == "Anonymous":
        logout()
        assert attempt(obj, op) is expected
    else:
        with api.env.adopt_user(username=user_for(role)):
            assert attempt(obj, op) is expected


def test_matrix_covers_every_transition(portal):
    wf = api.portal.get_tool("portal_workflow")["disclosure_review_workflow"]
    # "pass" stands for the three review steps; retract_on_edit and
    # withdraw_on_change (the integrity rule) are test_integrity.py's.
    assert set(wf.transitions.objectIds()) == {
        "submit",
        "pass_department_review",
        "pass_secrecy_review",
        "approve",
        "reject",
        "withdraw",
        "revise",
        "retract_on_edit",
        "withdraw_on_change",
    }
    assert set(wf.states.objectIds()) == set(STATES)
