"""协调: co-agencies confirm a policy document before approval (integration)."""

from AccessControl.PermissionRole import rolesForPermissionOn
from datetime import date
from plone import api
from tests.coordination_support import create_coordinated
from tests.coordination_support import make_coordination_site
from tests.review_support import CLEAR
from tests.review_support import submit
from tests.world_support import world_fixture
from tongliao.disclosure.coordination import workflow as coordination
from tongliao.disclosure.coordination.browser import views as coordination_views
from tongliao.disclosure.coordination.records import get_records
from tongliao.disclosure.review.browser import views as review_views
from tongliao.disclosure.review.workflow import perform
from tongliao.disclosure.review.workflow import ReviewError
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


# Friday before National Day 2024: Sep 29 (Sunday) and Oct 12 (Saturday) are
# make-up working days, Oct 1–7 holidays; day 0 is the day of the request.
SUBMIT_DAY = date(2024, 9, 27)
DUE_DAY = date(2024, 10, 10)


@pytest.fixture
def clock(monkeypatch):
    days = {"today": SUBMIT_DAY}
    monkeypatch.setattr(coordination, "site_today", lambda: days["today"])
    return days


def build_site(portal):
    # Nothing here reads the clock: the tests move it.
    agencies = make_coordination_site(portal)
    return {name: agency.getPhysicalPath() for name, agency in agencies.items()}


# Built once for the module (tests/world_support.py); each test starts from it.
coordination_world = world_fixture(build_site, "coordination_world")


@pytest.fixture
def site(coordination_world, portal, clock):
    return {
        name: portal.unrestrictedTraverse(path)
        for name, path in coordination_world.items()
    }


@pytest.fixture
def doc(portal, site):
    return create_coordinated(portal, site)


def as_user(userid, func, *args):
    with api.env.adopt_user(username=userid):
        return func(*args)


def zh(messages):
    return [translate(m, target_language="zh_CN") for m in messages]


def refused(userid, func, *args):
    with pytest.raises(ReviewError) as info:
        as_user(userid, func, *args)
    return info.value


def open_uids(doc):
    return [a.UID() for a in coordination.co_agencies(doc)]


def to_approval(doc):
    submit(doc)
    as_user("dept", perform, doc, "pass", "同意")
    as_user("secrecy", perform, doc, "pass", "无涉密内容", CLEAR)
    assert api.content.get_state(doc) == "pending_approval"


def decide(userid, doc, kind, opinion=""):
    return as_user(userid, coordination.decide, doc, kind, opinion)


def test_request_at_submit_names_agencies_and_working_day_due(doc, site):
    assert coordination.status(doc) is None  # a draft asks nobody
    submit(doc)
    current = coordination.status(doc)
    assert [a["title"] for a in current["agencies"]] == ["通辽市财政局", "通辽市教育局"]
    assert current["due"] == DUE_DAY  # across National Day 2024
    assert [a["decision"] for a in current["agencies"]] == ["pending", "pending"]
    found = api.content.find(coordination_open=site["finance"].UID())
    assert [b.getObject() for b in found] == [doc]
    assert found[0].coordination_due == DUE_DAY.isoformat()


def test_both_confirm_then_approve_with_names_on_panel(doc, portal):
    to_approval(doc)
    with pytest.raises(ReviewError) as info:
        as_user("approver", perform, doc, "pass", "同意")
    assert "通辽市财政局、通辽市教育局" in zh(info.value.messages)[0]
    decide("coord_b", doc, "confirm", "同意联合发文")
    decide("coord_c", doc, "confirm")
    assert coordination.status(doc)["complete"]
    assert not api.content.find(coordination_open=open_uids(doc))
    as_user("approver", perform, doc, "pass", "同意发布")
    assert api.content.get_state(doc) == "published"
    records = get_records(doc)
    assert [(r["kind"], r["actor_name"]) for r in records[1:]] == [
        ("confirm", "冯财政"),
        ("confirm", "陈教育"),
    ]
    with api.env.adopt_user(username="approver"):
        html = doc.restrictedTraverse("@@approval-sheet")()
    assert "冯财政" in html and "陈教育" in html and "同意联合发文" in html


def test_objection_blocks_until_override_with_reason(doc):
    to_approval(doc)
    decide("coord_b", doc, "confirm")
    error = refused("coord_c", coordination.decide, doc, "object", "  ")
    assert zh(error.messages) == ["请在意见中写明异议的理由。"]
    decide("coord_c", doc, "object", "涉及我局职责，需修改第三条")
    assert coordination.status(doc)["outstanding"][0]["decision"] == "object"
    error = refused("approver", perform, doc, "pass", "同意")
    assert "通辽市教育局" in zh(error.messages)[0]
    error = refused("approver", coordination.override, doc, "")
    assert zh(error.messages) == ["请在意见中写明越过确认的理由。"]
    as_user("approver", coordination.override, doc, "经市政府常务会议研究同意")
    as_user("approver", perform, doc, "pass", "同意发布")
    assert api.content.get_state(doc) == "published"
    override = get_records(doc)[-1]
    assert override["kind"] == "override" and override["actor_name"] == "周领导"


def test_silence_past_deadline_is_overdue_on_both_queues(doc, clock, portal):
    to_approval(doc)
    decide("coord_b", doc, "confirm")
    clock["today"] = DUE_DAY  # the due day itself is still in time
    assert not coordination.status(doc)["overdue"]
    clock["today"] = date(2024, 10, 11)
    current = coordination.status(doc)
    assert current["overdue"]
    assert [a["overdue"] for a in current["agencies"]] == [False, True]


def test_change_after_confirmation_needs_new_confirmations(doc):
    to_approval(doc)
    decide("coord_b", doc, "confirm")
    decide("coord_c", doc, "confirm")
    doc.title = "通辽市某项政策文件（修改稿）"
    with api.env.adopt_user(username="editor"):
        notify(ObjectModifiedEvent(doc))
    assert api.content.get_state(doc) == "draft"
    assert not api.content.find(coordination_open=open_uids(doc))
    submit(doc)
    current = coordination.status(doc)
    assert current["round"] == 2
    assert [a["decision"] for a in current["agencies"]] == ["pending", "pending"]
    as_user("dept", perform, doc, "pass", "同意")
    as_user("secrecy", perform, doc, "pass", "无涉密内容", CLEAR)
    error = refused("approver", perform, doc, "pass", "同意")
    assert "通辽市财政局、通辽市教育局" in zh(error.messages)[0]


def test_denials(doc, site):
    submit(doc)
    # Another agency's coordinator, the author, a reviewer: not for them.
    assert refused("coord_d", coordination.decide, doc, "confirm").status == 403
    assert refused("dept", coordination.decide, doc, "confirm").status == 403
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(
            username="editor", obj=site["finance"], roles=["AgencyCoordinator"]
        )
    error = refused("editor", coordination.decide, doc, "confirm")
    assert zh(error.messages) == ["您撰写或提交了此内容，须由他人作答。"]
    # Override: only the approver, only at the approval step.
    assert refused("dept", coordination.override, doc, "理由").status == 403
    assert refused("approver", coordination.override, doc, "理由").status == 403
    assert refused("coord_b", coordination.decide, doc, "maybe").status == 400
    assert [r["kind"] for r in get_records(doc)] == ["request"]


def test_who_reads_the_document_in_review(doc, portal):
    def can_view(userid):
        with api.env.adopt_user(username=userid):
            return bool(api.user.has_permission("View", obj=doc))

    assert not can_view("coord_b")  # draft: nothing asked yet
    submit(doc)
    assert can_view("coord_b") and can_view("coord_c")
    assert not can_view("coord_d")
    with api.env.adopt_user(username="coord_d"):
        assert len(api.content.find(UID=doc.UID())) == 0
    with api.env.adopt_user(username="coord_b"):
        assert [b.UID for b in api.content.find(UID=doc.UID())] == [doc.UID()]
        # Their agency's role gives nothing on the agency's other content.
        assert not api.user.has_permission(
            "tongliao.disclosure: View review records", obj=portal["agency"]
        )
    assert "Anonymous" not in rolesForPermissionOn("View", doc)
    as_user("dept", perform, doc, "reject", "请修改")
    assert not can_view("coord_b")


def test_document_without_co_agencies_is_not_held(portal, site):
    doc = create_coordinated(portal, site, names=())
    to_approval(doc)
    assert coordination.status(doc) is None
    as_user("approver", perform, doc, "pass", "同意")
    assert api.content.get_state(doc) == "published"


def test_overdue_on_both_queues(doc, clock, monkeypatch, portal):
    monkeypatch.setattr(coordination_views, "site_today", lambda: clock["today"])
    monkeypatch.setattr(review_views, "site_today", lambda: clock["today"])
    to_approval(doc)
    decide("coord_b", doc, "confirm")

    def page(userid, name):
        with api.env.adopt_user(username=userid):
            return portal.restrictedTraverse(name)()

    # 财政局 answered: nothing waits for it; 教育局 still has the document.
    assert "暂无待本单位确认的文件" in page("coord_b", "@@coordination-queue")
    assert doc.Title() in page("coord_c", "@@coordination-queue")
    assert "暂无待本单位确认的文件" in page("coord_d", "@@coordination-queue")
    assert "协调确认已超期" not in page("approver", "@@review-queue")
    clock["today"] = date(2024, 10, 11)
    queue = page("coord_c", "@@coordination-queue")
    assert "coordination-overdue" in queue and "2024年10月10日" in queue
    assert "协调确认已超期" in page("approver", "@@review-queue")


def test_coordinator_role_is_given_by_managers_only(site, portal):
    agency = site["finance"]

    def sharing_roles(roles):
        with api.env.adopt_roles(roles):
            return [r["id"] for r in agency.restrictedTraverse("@@sharing").roles()]

    assert "AgencyCoordinator" in sharing_roles(["Manager"])
    assert "AgencyCoordinator" not in sharing_roles(["Site Administrator"])
    with api.env.adopt_roles(["Manager"]):
        assert "AgencyCoordinator" not in [
            r["id"]
            for r in portal["agency"]["zfxxgkzn"]
            .restrictedTraverse("@@sharing")
            .roles()
        ]


def test_coordinators_are_mailed_when_the_request_goes_out(doc, site, monkeypatch):
    sent = []
    monkeypatch.setattr(
        coordination,
        "mail_users",
        lambda obj, users, subject, body: sent.append((users, subject, body)),
    )
    with api.env.adopt_roles(["Manager"]):  # a group answers for 教育局 too
        api.group.create(groupname="education_office", title="教育局办公室")
        api.group.add_user(groupname="education_office", username="dept2")
        api.group.grant_roles(
            groupname="education_office",
            obj=site["education"],
            roles=["AgencyCoordinator"],
        )
    submit(doc)
    [(users, subject, body)] = sent
    assert sorted(u.getId() for u in users) == ["coord_b", "coord_c", "dept2"]
    assert translate(subject, target_language="zh_CN").startswith("【待确认·协调】")
    text = "\n".join(translate(line, target_language="zh_CN") for line in body)
    assert "请贵单位在2024年10月10日前" in text and "在此确认或提出异议" in text
    with api.env.adopt_user(username="dept2"):  # by group membership
        assert api.user.has_permission("View", obj=doc)


def test_approver_reminds_only_the_overdue_agencies(doc, clock, monkeypatch):
    sent = []
    monkeypatch.setattr(
        coordination,
        "mail_users",
        lambda obj, users, subject, body: sent.append((users, subject, body)),
    )
    to_approval(doc)
    decide("coord_b", doc, "confirm")
    sent.clear()  # the request's own mail
    # In time: nothing to remind, and only the approver may.
    assert not as_user("approver", coordination.may_remind, doc)
    refused("approver", coordination.remind_overdue, doc)
    clock["today"] = date(2024, 10, 11)
    refused("coord_c", coordination.remind_overdue, doc)
    assert sent == []
    agencies, users = as_user("approver", coordination.remind_overdue, doc)
    assert (agencies, users) == (1, 1)
    [(mailed, subject, body)] = sent
    assert [u.getId() for u in mailed] == ["coord_c"]  # not coord_b, who confirmed
    assert translate(subject, target_language="zh_CN").startswith("【已超期·协调】")
    text = "\n".join(translate(line, target_language="zh_CN") for line in body)
    assert "已于2024年10月10日到期" in text and "/@@review-panel" in text
