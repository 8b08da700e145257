"""社会评议 over real HTTP: document ratings (one per visitor, target and day,
nothing personal stored in clear), the yearly questionnaire, ratings of answered
applications from the lookup, the staff results page and the annual report."""

from .applications_support import apply_online
from .applications_support import code_of
from .applications_support import officer_action
from .applications_support import the_case
from .helpers import authenticator
from .review_support import create_item
from .review_support import make_agency
from .review_support import make_users
from .review_support import PASSWORD
from .review_support import publish
from plone import api
from tests.world_support import world_fixture
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.chinatime import today_in_china
from tongliao.disclosure.evaluation import store
from zope.annotation.interfaces import IAnnotations

import pytest
import re
import transaction


def build_world(portal):
    make_users(portal)
    agency = make_agency(portal)
    doc = publish(create_item(agency, title="关于评议测试的通知", text="正文"))
    draft = create_item(agency, title="未发布的通知")
    return [obj.getPhysicalPath() for obj in (agency, doc, draft)]


# Built once for the module (tests/world_support.py); each test starts from it.
evaluation_world = world_fixture(build_world, "evaluation_world")


@pytest.fixture
def world(evaluation_world, functional_portal):
    ratelimit.reset()
    agency, doc, draft = (
        functional_portal.unrestrictedTraverse(path) for path in evaluation_world
    )
    return functional_portal, agency, doc, draft


def html_session(request_factory, auth=None):
    session = request_factory(api=False, basic_auth=auth)
    session.headers["Accept"] = "text/html"
    return session


def rate(session, url, grade="satisfied", comment=""):
    page = session.get(url)
    assert page.status_code == 200
    assert 'id="document-rating"' in page.text
    return session.post(
        f"{url}/@@rate",
        data={
            "grade": grade,
            "comment": comment,
            "_authenticator": authenticator(page.text),
        },
        allow_redirects=False,
    )


def stored(agency):
    transaction.begin()
    return store.ratings(agency, today_in_china().year)


def test_document_rating_once_per_visitor_and_day(world, request_factory):
    portal, agency, doc, draft = world
    url = "/".join(doc.getPhysicalPath()[2:])
    visitor = html_session(request_factory)
    response = rate(visitor, url, comment="很清楚")
    assert response.status_code == 200
    assert "感谢您的评价" in response.text
    cookie = visitor.cookies.get("tl_rater")
    assert cookie and len(cookie) == 32
    # Same browser again: refused politely, nothing stored.
    again = rate(visitor, url, grade="dissatisfied")
    assert "今天已经评价过" in again.text
    # Another browser from the same address: the address hash catches it.
    other = rate(html_session(request_factory), url, grade="dissatisfied")
    assert "今天已经评价过" in other.text
    records = stored(agency)
    assert [(r["kind"], r["grade"], r["comment"]) for r in records] == [
        ("document", "satisfied", "很清楚")
    ]
    # Nothing personal in clear: no address, no cookie value anywhere.
    everything = repr(dict(IAnnotations(agency)[store.RATINGS_KEY])) + repr(
        dict(IAnnotations(agency)[store.SEEN_KEY])
    )
    assert "127.0.0.1" not in everything and cookie not in everything
    # A bad grade is a clear 400, nothing stored.
    second = create_item(agency, title="第二份文件")
    publish(second)
    transaction.commit()
    bad = rate(visitor, "/".join(second.getPhysicalPath()[2:]), grade="<x>")
    assert bad.status_code == 400
    assert "请选择一个评价等级" in bad.text
    assert len(stored(agency)) == 1


def test_unpublished_document_has_no_rating(world, request_factory):
    portal, agency, doc, draft = world
    editor = html_session(request_factory, ("editor", PASSWORD))
    page = editor.get("/".join(draft.getPhysicalPath()[2:]))
    assert page.status_code == 200
    assert 'id="document-rating"' not in page.text


def test_document_rating_over_rest(world, request_factory):
    """@rating: the form's rules through JSON; a draft takes nothing."""
    portal, agency, doc, draft = world
    url = "/".join(doc.getPhysicalPath()[2:]) + "/@rating"
    client = request_factory()
    listed = client.get(url).json()
    assert listed["open"] is True
    assert "satisfied" in [grade["token"] for grade in listed["grades"]]
    bad = client.post(url, json={"grade": "<x>"})
    assert bad.status_code == 400 and "评价等级" in bad.json()["error"]["message"]
    long = client.post(url, json={"grade": "satisfied", "comment": "长" * 501})
    assert long.status_code == 400
    forged = client.post(
        url, data='{"grade": "satisfied"}', headers={"Content-Type": "text/plain"}
    )
    assert forged.status_code == 400
    assert stored(agency) == []
    done = client.post(url, json={"grade": "satisfied", "comment": "查找方便"})
    assert done.status_code == 201 and done.json()["received"] is True
    again = client.post(url, json={"grade": "dissatisfied"})
    assert again.status_code == 200 and again.json()["received"] is False
    assert "今天已经评价过" in again.json()["message"]
    assert [(r["grade"], r["comment"]) for r in stored(agency)] == [
        ("satisfied", "查找方便")
    ]
    editor = request_factory(basic_auth=("editor", PASSWORD))
    draft_url = "/".join(draft.getPhysicalPath()[2:]) + "/@rating"
    assert editor.get(draft_url).json()["open"] is False
    refused = editor.post(draft_url, json={"grade": "satisfied"})
    assert refused.status_code == 400
    assert (
        request_factory().post(draft_url, json={"grade": "satisfied"}).status_code
        == 401
    )
    assert len(stored(agency)) == 1


def test_questionnaire_and_results_page(world, request_factory):
    portal, agency, doc, draft = world
    # The rated year is today's (not the previous year's in January–March).
    api.portal.set_registry_record(
        "tongliao.disclosure.evaluation_previous_year_until", ""
    )
    transaction.commit()
    visitor = html_session(request_factory)
    page = visitor.get("agency/@@evaluation")
    assert page.status_code == 200
    assert "主动公开的内容全面、及时" in page.text
    response = visitor.post(
        "agency/@@evaluation",
        data={
            "q0": "satisfied",
            "q1": "basic",
            "q2": "",
            "grade": "basic",
            "comment": "希望更新更及时",
            "_authenticator": authenticator(page.text),
        },
    )
    assert response.status_code == 200
    assert "感谢您的评价" in response.text
    (record,) = stored(agency)
    assert record["answers"] == {"0": "satisfied", "1": "basic"}

    # Staff only: anonymous and a plain member are refused.
    anonymous = html_session(request_factory).get(
        "agency/@@evaluation-results", allow_redirects=False
    )
    assert anonymous.status_code in (302, 401)
    member = html_session(request_factory, ("member", PASSWORD)).get(
        "agency/@@evaluation-results", allow_redirects=False
    )
    assert member.status_code in (302, 401, 403)
    officer = html_session(request_factory, ("officer", PASSWORD))
    results = officer.get("agency/@@evaluation-results")
    assert results.status_code == 200
    assert results.text.count('aria-label="满意度分布图"') == 2  # kind, question
    assert "希望更新更及时" in results.text
    assert "年度政务公开工作评议1人次" in results.text
    bad = officer.get("agency/@@evaluation-results?year=abc")
    assert bad.status_code == 400

    # The annual report of the year offers the paragraph to its editors.
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=agency,
            type="AnnualReport",
            id="report",
            year=today_in_china().year,
        )
    transaction.commit()
    manager = request_factory(api=False, role="Manager")
    manager.headers["Accept"] = "text/html"
    report = manager.get("agency/report")
    assert report.status_code == 200
    assert 'id="annual-report-evaluation"' in report.text
    assert "年度政务公开工作评议1人次" in report.text
    # Anonymous never reaches the unpublished report (nor the paragraph).
    assert (
        "annual-report-evaluation"
        not in html_session(request_factory).get("agency/report").text
    )


def test_answered_application_rated_from_the_lookup(applications_site, browser_session):
    site = applications_site
    code = code_of(apply_online(browser_session))
    app = the_case(site)
    session = browser_session()
    lookup = session.post(
        "@@application-lookup", data={"code": code, "phone_tail": "5678"}
    )
    assert 'id="application-rating"' not in lookup.text  # not answered yet
    officer_action(browser_session, app.absolute_url(), "accept")
    officer_action(
        browser_session,
        app.absolute_url(),
        "reply",
        outcome="granted",
        reasons="予以公开。",
    )
    lookup = session.post(
        "@@application-lookup", data={"code": code, "phone_tail": "5678"}
    )
    assert 'id="application-rating"' in lookup.text
    token = re.search(r'name="token"[^>]*value="([^"]+)"', lookup.text)
    response = session.post(
        "@@rate-application",
        data={
            "token": token.group(1),
            "grade": "satisfied",
            "_authenticator": authenticator(lookup.text),
        },
    )
    assert response.status_code == 200
    assert "感谢您的评价" in response.text
    forged = session.post(
        "@@rate-application",
        data={
            "token": token.group(1)[:-2] + "AA",
            "grade": "satisfied",
            "_authenticator": authenticator(lookup.text),
        },
    )
    assert forged.status_code == 400
    (record,) = stored(site["agency"])
    assert record["kind"] == "application"
    assert record["target"] == the_case(site).UID()
