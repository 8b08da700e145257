"""Users, a reviewable test type and helpers for the review workflow tests."""

from .helpers import make_agency as build_agency
from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.fti import DexterityFTI  # noqa: F401
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


PASSWORD = "secret-Pw-2024"

# userid -> (full name, staff group)
USERS = {
    "editor": ("王信息", "disclosure_editors"),
    "editor2": ("李信息", "disclosure_editors"),
    "dept": ("赵初审", "department_reviewers"),
    "dept2": ("钱初审", "department_reviewers"),
    "secrecy": ("孙保密", "secrecy_reviewers"),
    "approver": ("周领导", "disclosure_approvers"),
    "officer": ("吴办理", "disclosure_officers"),
    "member": ("郑公众", None),
}

AGENCY_CODE = "11150500MB1234567X"


def make_agency(portal, id="agency"):
    """The agency ``id`` (published), made once per test."""
    if id not in portal:
        build_agency(portal, id=id, credit_code=AGENCY_CODE)
    return portal[id]


def make_test_type(portal):
    """Kept for the tests' set-up order: the agency that holds the documents."""
    return make_agency(portal)


def ensure_user(userid, fullname):
    """The user ``userid`` (created once, password PASSWORD)."""
    user = api.user.get(userid=userid)
    if user is None:
        user = api.user.create(
            username=userid,
            email=f"{userid}@example.org",
            password=PASSWORD,
            properties={"fullname": fullname},
        )
    return user


def make_users(portal, users=USERS):
    """``users``: user id → (full name, staff group or None)."""
    for userid, (fullname, group) in users.items():
        ensure_user(userid, fullname)
        if group:
            with api.env.adopt_roles(["Manager"]):  # staff groups: Manager only
                api.group.add_user(groupname=group, username=userid)


def create_item(container, title="通辽市某项政策文件", owner="editor", **fields):
    """A PolicyDocument in the agency ``container`` (or the site's agency)."""
    if container.portal_type != "DisclosureAgency":
        container = make_agency(container)
    fields.setdefault("disclosure_attribute", "proactive")
    fields.setdefault("date_written", date(2024, 3, 1))
    fields.setdefault("document_kind", "notice")
    fields.setdefault("subject_category", "02")
    if isinstance(fields.get("text"), str):
        fields["text"] = RichTextValue(fields["text"], "text/plain", "text/html")
    with api.env.adopt_user(username=owner):
        return api.content.create(
            container=container, type="PolicyDocument", title=title, **fields
        )


def create_interpretation(container, documents, title="解读：某项政策", owner="editor"):
    if container.portal_type != "DisclosureAgency":
        container = make_agency(container)
    intids = getUtility(IIntIds)
    relations = [RelationValue(intids.getId(doc)) for doc in documents]
    with api.env.adopt_user(username=owner):
        return api.content.create(
            container=container,
            type="PolicyInterpretation",
            title=title,
            interpreted_documents=relations,
        )


def submit(obj, userid="editor"):
    with api.env.adopt_user(username=userid):
        api.content.transition(obj=obj, transition="submit")


def publish(obj, reviewers=("dept", "secrecy", "approver"), submitter="editor"):
    """Take ``obj`` through the three steps with records."""
    from tongliao.disclosure.review.workflow import perform

    submit(obj, submitter)
    for userid in reviewers:
        checklist = CLEAR if userid == reviewers[1] else None
        with api.env.adopt_user(username=userid):
            perform(obj, "pass", "同意", checklist)
    return obj


CLEAR = {
    "state_secret": False,
    "trade_secret": False,
    "personal_privacy": False,
    "security_stability": False,
}
