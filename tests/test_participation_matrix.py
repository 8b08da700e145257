# ruff: noqa: E501  (the matrix is a table: one row per role)
"""Who reads complaints and messages, per role and state, over real HTTP.

The same shape as tests/test_permission_matrix.py, for the two new types: one
table (``READ``) says who may open each item, one (``PERSONAL``) who sees the
personal data in it; every channel is asked as every role and all mismatches
are reported together.
"""

from .complaints_support import complaint
from .complaints_support import make_staff
from .complaints_support import message
from .review_support import make_agency
from .review_support import PASSWORD
from plone import api
from plone.app.testing import setRoles
from tongliao.disclosure.complaints.workflow import perform as complaint_action
from tongliao.disclosure.messages.workflow import perform as message_action

import pytest
import transaction


ROLES = {
    "Anonymous": None,
    "Member": "member",
    "author": "editor",
    "department reviewer": "dept",
    "secrecy reviewer": "secrecy",
    "approver": "approver",
    "disclosure officer": "officer",
    "complaint handler": "handler",
    "Site Administrator": "siteadmin",
    "Manager": "admin",
}
ITEMS = [
    "complaint_received",
    "complaint_pending",
    "complaint_published",
    "message_received",
    "message_published",
]
# fmt: off
# role                  c_recv c_pend c_publ m_recv m_publ
READ = {
    "Anonymous":           ".     .     x     .     x",
    "Member":              ".     .     x     .     x",
    "author":              ".     .     x     .     x",
    "department reviewer": ".     .     x     .     x",
    "secrecy reviewer":    ".     .     x     .     x",
    "approver":            ".     x     x     .     x",
    "disclosure officer":  ".     .     x     x     x",
    "complaint handler":   "x     x     x     .     x",
    "Site Administrator":  "x     x     x     x     x",
    "Manager":             "x     x     x     x     x",
}
# Who sees the complainant's / writer's contact where they may read the item.
# role                  complaint message
PERSONAL = {
    "Anonymous":           ".     .",
    "Member":              ".     .",
    "author":              ".     .",
    "department reviewer": ".     .",
    "secrecy reviewer":    ".     .",
    "approver":            ".     .",
    "disclosure officer":  ".     x",
    "complaint handler":   "x     .",
    "Site Administrator":  ".     .",
    "Manager":             "x     x",
}
# fmt: on
CHANNELS = ["page", "rest", "search", "personal_page", "personal_rest"]
PHONES = {"complaint": "13912345678", "message": "13700001234"}


@pytest.fixture
def world(functional_portal):
    portal = functional_portal
    make_agency(portal)
    make_staff(portal)
    if api.user.get(userid="siteadmin") is None:
        api.user.create(email="s@example.org", username="siteadmin", password=PASSWORD)
        setRoles(portal, "siteadmin", ["Site Administrator"])
    items = dict.fromkeys(ITEMS)
    items["complaint_received"] = complaint(portal)
    for name, last in (
        ("complaint_pending", "propose_publication"),
        ("complaint_published", "publish"),
    ):
        case = items[name] = complaint(portal)
        with api.env.adopt_user(username="handler"):
            complaint_action(case, "accept")
            complaint_action(case, "investigate")
            complaint_action(case, "conclude", substantiated="no", finding="不属实")
            complaint_action(case, "reply", reply_text="不属实")
            complaint_action(case, "propose_publication", public_summary="不属实")
        if last == "publish":
            with api.env.adopt_user(username="approver"):
                complaint_action(case, "publish")
    items["message_received"] = message(portal)
    item = items["message_published"] = message(portal)
    with api.env.adopt_user(username="officer"):
        message_action(item, "answer", answer="答复")
        message_action(item, "propose_publication")
    with api.env.adopt_user(username="approver"):
        message_action(item, "publish")
    transaction.commit()
    return {
        name: ("/".join(obj.getPhysicalPath()[2:]), obj.UID())
        for name, obj in items.items()
    }


def expected(role, item, channel):
    readable = READ[role].split()[ITEMS.index(item)] == "x"
    if channel.startswith("personal"):
        kind = item.split("_")[0]
        personal = PERSONAL[role].split()[0 if kind == "complaint" else 1] == "x"
        return readable and personal
    return readable


def sessions(request_factory, role):
    user = ROLES[role]
    if user is None:
        rest, html = request_factory(), request_factory(api=False)
    elif user == "admin":
        rest, html = (
            request_factory(role="Manager"),
            request_factory(api=False, role="Manager"),
        )
    else:
        rest = request_factory(basic_auth=(user, PASSWORD))
        html = request_factory(api=False, basic_auth=(user, PASSWORD))
    html.headers["Accept"] = "text/html"
    return rest, html


def test_participation_matrix(world, request_factory):
    """One world, every role (the world is costly; the cells are reported together)."""
    wrong = []
    for role in ROLES:
        rest, html = sessions(request_factory, role)
        for item, (path, uid) in world.items():
            phone = PHONES[item.split("_")[0]]
            page = html.get(path, allow_redirects=False)
            as_json = rest.get(path)
            found = rest.get("@search", params={"UID": uid, "metadata_fields": "_all"})
            got = {
                "page": page.status_code == 200,
                "rest": as_json.status_code == 200,
                "search": found.status_code == 200 and found.json()["items_total"] == 1,
                "personal_page": page.status_code == 200 and phone in page.text,
                "personal_rest": as_json.status_code == 200 and phone in as_json.text,
            }
            for channel in CHANNELS:
                want = expected(role, item, channel)
                if got[channel] != want:
                    wrong.append(
                        f"{role} × {item} × {channel}: expected {'allow' if want else 'deny'}, got {'allow' if got[channel] else 'deny'}"
                    )
    assert not wrong, "\n".join(wrong)
