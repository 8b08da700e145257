"""意见征集 over real HTTP: a citizen's comment through the page, what REST and
the page show to whom, and the period rule answered as a 400 by REST."""

from .consultation_support import make_consultation
from .consultation_support import set_clock
from .helpers import authenticator
from .review_support import make_agency
from .review_support import make_users
from .review_support import PASSWORD
from .review_support import publish
from plone import api
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.consultation import comments as store

import pytest
import transaction


@pytest.fixture
def world(functional_portal, monkeypatch):
    ratelimit.reset()
    make_users(functional_portal)
    agency = make_agency(functional_portal)
    consultation = publish(make_consultation(agency))
    draft = make_consultation(agency, title="尚在起草的意见征集")
    transaction.commit()
    set_clock(monkeypatch, "2026-11-10 10:00")
    return agency, consultation, draft


def html(request_factory, auth=None):
    session = request_factory(api=False, basic_auth=auth)
    session.headers["Accept"] = "text/html"
    return session


def test_comment_through_the_page_stays_private(world, request_factory):
    agency, consultation, draft = world
    path = "/".join(consultation.getPhysicalPath()[2:])
    visitor = html(request_factory)
    page = visitor.get(path)
    assert page.status_code == 200
    response = visitor.post(
        f"{path}/@@view",
        data={
            "form.submitted": "1",
            "clause": "第三条",
            "text": "建议明确答复期限。",
            "name": "王五",
            "contact": "wang@example.org",
            "_authenticator": authenticator(page.text),
        },
    )
    assert response.status_code == 200
    assert "审核后公开" in response.text
    # Without the form token nothing is written.
    forged = visitor.post(
        f"{path}/@@view", data={"form.submitted": "1", "text": "伪造的意见"}
    )
    assert forged.status_code == 400
    transaction.begin()
    (comment,) = store.all_comments(consultation)
    assert comment["name"] == "王五" and comment["state"] == "pending"
    store.moderate(consultation, comment["id"], store.SHOWN, "editor2")
    transaction.commit()

    # Public page and REST: the comment text, never the name or contact.
    public = visitor.get(path).text
    assert "建议明确答复期限" in public
    rest = request_factory().get(path)
    assert rest.status_code == 200
    for text in (public, rest.text):
        assert "王五" not in text and "wang@example.org" not in text
    # Moderation: anonymous and a plain member are refused; an officer sees the name.
    for session in (html(request_factory), html(request_factory, ("member", PASSWORD))):
        denied = session.get(f"{path}/@@consultation-comments", allow_redirects=False)
        assert denied.status_code in (302, 401, 403)
    officer = html(request_factory, ("officer", PASSWORD))
    assert "王五" in officer.get(f"{path}/@@consultation-comments").text
    editor = html(request_factory, ("editor2", PASSWORD))
    moderation = editor.get(f"{path}/@@consultation-comments")
    assert moderation.status_code == 200
    assert "王五" not in moderation.text


def test_draft_is_not_public_anywhere(world, request_factory):
    agency, consultation, draft = world
    path = "/".join(draft.getPhysicalPath()[2:])
    assert request_factory().get(path).status_code == 401
    assert html(request_factory).get(path, allow_redirects=False).status_code in (
        302,
        401,
    )
    found = request_factory().get("@search?portal_type=PolicyConsultation").json()
    assert [item["title"] for item in found["items"]] == [consultation.Title()]
    section = html(request_factory).get("agency/yjzj").text
    assert consultation.Title() in section and draft.Title() not in section


def test_rest_refuses_a_short_period(world, request_factory):
    manager = request_factory(role="Manager")
    response = manager.post(
        "agency",
        json={
            "@type": "PolicyConsultation",
            "title": "期限过短的意见征集",
            "draft_text": {"data": "<p>草案</p>", "content-type": "text/html"},
            "open_date": "2026-11-01",
            "close_date": "2026-11-10",
        },
    )
    assert response.status_code == 400
    message = response.json()["message"]
    assert "ValidationError" in message
    assert "意见征集期限不得少于30日" in message
    assert not api.content.find(portal_type="PolicyConsultation", Title="期限过短")


def test_comments_over_rest(world, request_factory):
    """@consultation-comments: POST goes through the page's checks, GET shows
    moderated comments without names; a draft takes nothing."""
    agency, consultation, draft = world
    path = "/".join(consultation.getPhysicalPath()[2:])
    api_session = request_factory()
    url = f"{path}/@consultation-comments"
    sent = api_session.post(
        url, json={"text": "建议增加办理时限。", "clause": "第五条", "name": "赵六"}
    )
    assert sent.status_code == 201, sent.text
    assert "审核后公开" in sent.json()["message"]
    again = api_session.post(
        url, json={"text": "建议增加办理时限。", "clause": "第五条"}
    )
    assert again.status_code == 200 and again.json()["received"] is False
    for payload, field, fragment in (
        ({"text": ""}, "text", "请填写"),
        ({"text": "意见", "name": "名" * 51}, "name", "50"),
    ):
        bad = api_session.post(url, json=payload)
        assert bad.status_code == 400
        assert fragment in bad.json()["error"]["fields"][field]
    forged = api_session.post(
        url, data='{"text": "伪造"}', headers={"Content-Type": "text/plain"}
    )
    assert forged.status_code == 400
    transaction.begin()
    (comment,) = store.all_comments(consultation)
    assert comment["name"] == "赵六" and comment["state"] == "pending"
    assert api_session.get(url).json()["items"] == []  # pending: not shown
    store.moderate(consultation, comment["id"], store.SHOWN, "editor2")
    transaction.commit()
    listed = api_session.get(url).json()
    assert listed["open"] is True
    assert [item["text"] for item in listed["items"]] == ["建议增加办理时限。"]
    assert "赵六" not in api_session.get(url).text
    # A draft: anonymous cannot reach it at all; staff cannot comment on it.
    draft_url = "/".join(draft.getPhysicalPath()[2:]) + "/@consultation-comments"
    assert api_session.post(draft_url, json={"text": "意见"}).status_code == 401
    officer = request_factory(basic_auth=("officer", PASSWORD))
    refused = officer.post(draft_url, json={"text": "意见"})
    assert refused.status_code in (400, 401)
    transaction.begin()
    assert store.all_comments(draft) == []


def test_rest_comments_after_closing_are_refused(world, request_factory, monkeypatch):
    agency, consultation, draft = world
    set_clock(monkeypatch, "2026-12-01 08:00")
    path = "/".join(consultation.getPhysicalPath()[2:])
    response = request_factory().post(
        f"{path}/@consultation-comments", json={"text": "晚到的意见"}
    )
    assert response.status_code == 400
    assert (
        "截止" in response.json()["error"]["message"]
        or "不再" in (response.json()["error"]["message"])
    )
    transaction.begin()
    assert store.all_comments(consultation) == []
