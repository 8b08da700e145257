"""意见征集: type and workflow, period rules, the comment window by China date,
moderation, privacy of commenters, the feedback report (integration layer)."""

from .consultation_support import make_consultation
from .consultation_support import make_feedback
from .consultation_support import set_clock
from .review_support import create_item
from .review_support import publish
from .review_support import USERS
from plone import api
from plone.protect.authenticator import createToken
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.consultation import comments as store
from tongliao.disclosure.consultation.content import IPolicyConsultation
from tongliao.disclosure.consultation.warnings import PendingCommentWarnings
from tongliao.disclosure.interfaces import IBrowserLayer
from tongliao.disclosure.interfaces import IReviewable
from tongliao.disclosure.review.workflow import perform
from tongliao.disclosure.review.workflow import ReviewError
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zope.interface import Invalid

import pytest


@pytest.fixture
def agency(review_world, portal):
    """conftest.py's review_world (the agency and the staff), built once."""
    ratelimit.reset()
    return portal["agency"]


@pytest.fixture
def consultation(agency):
    return publish(make_consultation(agency))


def render(context, name, form=None, user=None, method="GET"):
    request = context.REQUEST
    alsoProvides(request, IBrowserLayer)
    request.form.clear()
    request.method = method
    request.environ["REQUEST_METHOD"] = method
    request.response.setStatus(200)
    ctx = api.env.adopt_user(username=user) if user else _anonymous()
    with ctx:
        if form is not None:
            request.form.update(form)
            request.form["_authenticator"] = createToken()
        html = getMultiAdapter((context, request), name=name)()
    return html, request.response.getStatus()


class _anonymous:
    """Run as Anonymous (the security manager of an unauthenticated request)."""

    def __enter__(self):
        from AccessControl.SecurityManagement import getSecurityManager
        from AccessControl.SecurityManagement import newSecurityManager
        from AccessControl.SpecialUsers import nobody

        self.previous = getSecurityManager().getUser()
        newSecurityManager(None, nobody)

    def __exit__(self, *exc):
        from AccessControl.SecurityManagement import newSecurityManager

        newSecurityManager(None, self.previous)


def comment(consultation, text="第一条应当明确公开时限。", **fields):
    form = {"form.submitted": "1", "text": text, **fields}
    return render(consultation, "view", form, method="POST")


# type, placement, workflow ---------------------------------------------------


def test_type_is_reviewed_and_listed_in_its_section(agency):
    consultation = make_consultation(agency)
    assert IPolicyConsultation.providedBy(consultation)
    assert IReviewable.providedBy(consultation)
    chain = api.portal.get_tool("portal_workflow").getChainFor(consultation)
    assert tuple(chain) == ("disclosure_review_workflow",)
    assert api.content.get_state(consultation) == "draft"
    assert agency["yjzj"].section_kind == "consultations"
    with _anonymous():
        assert not api.user.has_permission("View", obj=consultation)
    publish(consultation)
    assert api.content.get_state(consultation) == "published"
    with _anonymous():
        assert api.user.has_permission("View", obj=consultation)
    section, _status = render(agency["yjzj"], "view")
    assert consultation.absolute_url() in section


def test_period_rules(agency):
    consultation = make_consultation(agency)
    data = type("Data", (), {})()
    data.open_date, data.close_date = consultation.close_date, consultation.open_date
    with pytest.raises(Invalid):
        IPolicyConsultation.validateInvariants(data)
    from datetime import date

    data.open_date, data.close_date = date(2026, 11, 1), date(2026, 11, 29)
    with pytest.raises(Invalid):  # 29 days < the default 30
        IPolicyConsultation.validateInvariants(data)
    data.close_date = date(2026, 11, 30)
    IPolicyConsultation.validateInvariants(data)


def test_unpublished_consultation_takes_no_comment(agency, monkeypatch):
    set_clock(monkeypatch, "2026-11-10 10:00")
    draft = make_consultation(agency)
    html, status = render(
        draft,
        "view",
        {"form.submitted": "1", "text": "意见"},
        user="editor",
        method="POST",
    )
    assert status == 400
    assert store.all_comments(draft) == []


# the window, by China date ---------------------------------------------------


@pytest.mark.parametrize(
    "moment,accepted",
    [
        ("2026-10-31 23:59", False),  # the day before opening
        ("2026-11-01 00:00", True),
        ("2026-11-30 23:59", True),  # the last minute of the close date
        ("2026-12-01 00:00", False),  # the first minute after it
    ],
)
def test_comment_window_boundaries(consultation, monkeypatch, moment, accepted):
    set_clock(monkeypatch, moment)
    html, status = comment(consultation)
    assert (status == 200) is accepted
    assert len(store.all_comments(consultation)) == (1 if accepted else 0)
    if not accepted:
        assert 'id="window-message"' in html
        assert "consultation-comment-form" not in html


def test_comment_validation_keeps_input(consultation, monkeypatch):
    set_clock(monkeypatch, "2026-11-10 10:00")
    html, status = comment(consultation, text="", name="张三", clause="第二条")
    assert status == 400
    assert 'value="张三"' in html and 'value="第二条"' in html
    html, status = comment(consultation, text="长" * 3001)
    assert status == 400
    assert store.all_comments(consultation) == []


def test_duplicate_and_rate_limit(consultation, monkeypatch):
    set_clock(monkeypatch, "2026-11-10 10:00")
    api.portal.set_registry_record(
        "tongliao.disclosure.consultation_comment_limit_per_ip", 2
    )
    assert comment(consultation, "意见一")[1] == 200
    # The same text (whitespace aside) is one comment.
    assert comment(consultation, " 意见一 ")[1] == 200
    assert len(store.all_comments(consultation)) == 1
    assert comment(consultation, "意见二")[1] == 200
    assert comment(consultation, "意见三")[1] == 429
    assert len(store.all_comments(consultation)) == 2


# moderation and privacy -------------------------------------------------------


def test_moderation_and_privacy(consultation, monkeypatch):
    set_clock(monkeypatch, "2026-11-10 10:00")
    comment(consultation, "建议增加公开时限。", name="张三", contact="13900001111")
    comment(consultation, "广告内容", name="李四")
    first, second = (c["id"] for c in store.all_comments(consultation))
    public, _s = render(consultation, "view")
    assert "建议增加公开时限" not in public  # pending: not shown

    # Editors moderate but do not see names; officers do; anonymous may not.
    with _anonymous():
        assert not api.user.has_permission(
            "tongliao.disclosure: Moderate consultation comments", obj=consultation
        )
    with api.env.adopt_user(username="editor2"):
        assert not api.user.has_permission(
            "tongliao.disclosure: View commenter data", obj=consultation
        )
    html, _s = render(consultation, "consultation-comments", user="editor2")
    assert "建议增加公开时限" in html
    assert "张三" not in html and "13900001111" not in html
    html, _s = render(consultation, "consultation-comments", user="officer")
    assert "张三" in html and "13900001111" in html

    render(
        consultation,
        "consultation-comments",
        {"comment_id": first, "action": "show"},
        user="editor2",
        method="POST",
    )
    render(
        consultation,
        "consultation-comments",
        {"comment_id": second, "action": "reject"},
        user="editor2",
        method="POST",
    )
    states = {c["id"]: c["state"] for c in store.all_comments(consultation)}
    assert states == {first: "shown", second: "rejected"}
    assert store.all_comments(consultation)[0]["moderator"] == "editor2"
    public, _s = render(consultation, "view")
    assert "建议增加公开时限" in public
    assert "广告内容" not in public
    assert "张三" not in public and "13900001111" not in public
    # Comments do not touch the reviewed item: still published, no new record.
    assert api.content.get_state(consultation) == "published"


# feedback report ---------------------------------------------------------------


def test_feedback_published_only_after_close_and_shown_on_document(
    agency, consultation, monkeypatch
):
    set_clock(monkeypatch, "2026-11-10 10:00")
    comment(consultation, "第一条应当明确公开时限。")
    comment_id = store.all_comments(consultation)[0]["id"]
    store.moderate(consultation, comment_id, store.SHOWN, "editor2")
    document = publish(create_item(agency, title="通辽市政务公开工作规定"))
    feedback = make_feedback(
        agency,
        consultation,
        document,
        groups=[
            {
                "topic": "第一条",
                "decision": "adopted",
                "reason": "已在第一条中增加公开时限。",
                "comments": comment_id,
            }
        ],
    )
    doc_html, _s = render(document, "view")
    assert "consultation-feedback" not in doc_html  # draft: not on the document
    # …not even for its author, who may open the draft report itself.
    doc_html, _s = render(document, "view", user="editor")
    assert "consultation-feedback" not in doc_html

    # Still open: the approver cannot publish the report.
    with api.env.adopt_user(username="editor"):
        api.content.transition(obj=feedback, transition="submit")
    for userid, checklist in (("dept", None), ("secrecy", CLEAR)):
        with api.env.adopt_user(username=userid):
            perform(feedback, "pass", "同意", checklist)
    with api.env.adopt_user(username="approver"), pytest.raises(ReviewError) as info:
        perform(feedback, "pass", "同意")
    assert any("closed" in str(m) for m in info.value.messages)

    set_clock(monkeypatch, "2026-12-01 00:00")
    with api.env.adopt_user(username="approver"):
        perform(feedback, "pass", "同意")
    assert api.content.get_state(feedback) == "published"
    with _anonymous():
        doc_html, _s = render(document, "view")
        page, _s = render(consultation, "view")
        report, _s = render(feedback, "view")
    assert "consultation-feedback" in doc_html
    assert "已在第一条中增加公开时限" in doc_html
    assert feedback.absolute_url() in page
    assert "第一条应当明确公开时限" in report


def test_feedback_group_editing_returns_report_to_draft(agency, consultation):
    feedback = make_feedback(agency, consultation)
    with api.env.adopt_user(username="editor"):
        api.content.transition(obj=feedback, transition="submit")
    html, status = render(
        feedback,
        "feedback-groups",
        {
            "form.submitted": "1",
            "count": "1",
            "topic_0": "第二条",
            "decision_0": "nonsense",
            "reason_0": "",
        },
        user="editor",
        method="POST",
    )
    assert status == 400
    assert feedback.groups == []
    render(
        feedback,
        "feedback-groups",
        {
            "form.submitted": "1",
            "count": "1",
            "topic_0": "第二条",
            "decision_0": "not_adopted",
            "reason_0": "与上位法不一致。",
        },
        user="editor",
        method="POST",
    )
    assert feedback.groups == [
        {
            "topic": "第二条",
            "decision": "not_adopted",
            "reason": "与上位法不一致。",
            "comments": "",
        }
    ]
    # An edit during review sends the report back to draft (the one rule).
    assert api.content.get_state(feedback) == "draft"


CLEAR = {
    "state_secret": False,
    "trade_secret": False,
    "personal_privacy": False,
    "security_stability": False,
}
assert set(USERS) >= {"editor", "editor2", "officer"}


def test_staff_warning_for_pending_comments(portal, consultation, monkeypatch):
    set_clock(monkeypatch, "2026-11-10 10:00")
    warning = PendingCommentWarnings()
    with api.env.adopt_user(username="editor2"):
        assert warning(portal) == []
    comment(consultation, "请补充第四条。")
    with api.env.adopt_user(username="editor2"):
        (found,) = warning(portal)
    assert found.message.mapping["count"] == 1
    assert found.link.endswith("/@@consultation-comments")
    with _anonymous():
        assert warning(portal) == []
    (pending,) = store.all_comments(consultation)
    render(
        consultation,
        "consultation-comments",
        {"comment_id": pending["id"], "action": "show"},
        user="editor2",
        method="POST",
    )
    with api.env.adopt_user(username="editor2"):
        assert warning(portal) == []
