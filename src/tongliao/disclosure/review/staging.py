"""Move a reviewable item to a state through the real review steps (demo, tests).

Every step is taken by a different staff user with a record, exactly as in the
review panel: nothing here bypasses a guard. The three staff users are created
on first use (random passwords) and put into the staff groups.
"""

from plone import api
from tongliao.disclosure.review.workflow import perform
from tongliao.disclosure.review.workflow import review_state

import secrets


# (user id, full name, staff group) of the users who take the steps.
STAGING_REVIEWERS = (
    ("staging-department-reviewer", "初审员（演示）", "department_reviewers"),
    ("staging-secrecy-reviewer", "保密审查员（演示）", "secrecy_reviewers"),
    ("staging-approver", "审批领导（演示）", "disclosure_approvers"),
)
CYCLE = (
    "draft",
    "pending_department_review",
    "pending_secrecy_review",
    "pending_approval",
    "published",
    "withdrawn",
)
CLEAR = dict.fromkeys(
    ("state_secret", "trade_secret", "personal_privacy", "security_stability"), False
)


def ensure_reviewers():
    for userid, fullname, group in STAGING_REVIEWERS:
        if api.user.get(userid=userid) is None:
            with api.env.adopt_roles(["Manager"]):
                api.user.create(
                    username=userid,
                    email=f"{userid}@localhost.invalid",
                    password=secrets.token_urlsafe(24),
                    properties={"fullname": fullname},
                )
        if api.group.get(groupname=group) is not None:
            with api.env.adopt_roles(["Manager"]):  # staff groups: Manager only
                api.group.add_user(groupname=group, username=userid)
    return [userid for userid, _n, _g in STAGING_REVIEWERS]


def _plain(obj, transition):
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition)


def review_to(obj, target, opinion="同意"):
    """Take ``obj`` step by step (around the cycle) until it is in ``target``."""
    dept, secrecy, approver = ensure_reviewers()
    actor = {
        "pending_department_review": (dept, None),
        "pending_secrecy_review": (secrecy, CLEAR),
        "pending_approval": (approver, None),
    }
    for _step in range(len(CYCLE) + 1):
        state = review_state(obj)
        if state == target:
            return obj
        if state == "draft":
            _plain(obj, "submit")
        elif state in actor:
            userid, checklist = actor[state]
            with api.env.adopt_user(username=userid):
                perform(obj, "pass", opinion, checklist)
        elif state == "published":
            with api.env.adopt_user(username=approver):
                perform(obj, "withdraw", "撤回修订")
        elif state == "withdrawn":
            _plain(obj, "revise")
        else:
            raise ValueError(f"Unknown review state {state!r}")
    raise ValueError(f"{target!r} is not a state of the review workflow")
