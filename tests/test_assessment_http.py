"""Governance over real HTTP: who may see what, reminders on POST only, export.

Accountability records and assessments are the city office's: anonymous, a
member, a disclosure officer (wrong role) and an agency author are denied
through the page, REST and @search; the 政务公开办公室 group is let in.
"""

from datetime import date
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from tests.assessment_support import build_known_agency
from tests.assessment_support import TODAY
from tests.helpers import authenticator
from tests.helpers import rel
from tests.review_support import make_users
from tests.review_support import PASSWORD
from tests.world_support import world_fixture
from tongliao.disclosure.assessment import queries
from tongliao.disclosure.assessment.browser.views import create_assessments
from unittest import mock

import pytest
import transaction


# user id → (full name, group, e-mail)
USERS = {
    "office": ("孟督查", "disclosure_supervisors"),
    "officer": ("吴办理", "disclosure_officers"),
    "author": ("王信息", "disclosure_editors"),
    "member": ("郑公众", None),
}
FINDING = "未按期公开文件c（机密核查词）"


def build_site(portal, smtp_sink):
    with mock.patch.object(queries, "site_today", lambda: TODAY):
        return build_known_site(portal, smtp_sink)


def build_known_site(portal, smtp_sink):
    _sink, port = smtp_sink
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record(
            "plone.email_from_address", "gk@tongliao.example"
        )
        api.portal.set_registry_record("plone.email_from_name", "通辽市政务公开")
        api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
        api.portal.set_registry_record("plone.smtp_port", port)
        portal.MailHost.smtp_host = "127.0.0.1"
        portal.MailHost.smtp_port = port
        make_users(portal, USERS)
    with api.env.adopt_user(username="author"):
        agency = build_known_agency(portal)
    with api.env.adopt_roles(["Manager"]):
        create_assessments(2026, 1)
        api.content.create(
            container=agency,
            type="AccountabilityRecord",
            id="record",
            title="文件c逾期公开",
            source_kind="monitor",
            finding=FINDING,
            responsible_unit="办公室",
            responsible_person="某某",
            measure="talk",
            decision_date=date(2026, 2, 6),
            rectification_working_days=20,
            verification_working_days=10,
        )
    return agency.getPhysicalPath()


# Built once for the module (tests/world_support.py); each test starts from it.
assessment_http_world = world_fixture(
    build_site, "assessment_http_world", uses=("smtp_sink",)
)


@pytest.fixture
def site(assessment_http_world, functional_portal, smtp_sink, monkeypatch):
    sink, _port = smtp_sink
    sink.messages.clear()  # the review steps' notices
    monkeypatch.setattr(queries, "site_today", lambda: TODAY)
    agency = functional_portal.unrestrictedTraverse(assessment_http_world)
    return {"portal": functional_portal, "agency": agency, "sink": sink}


def session(browser_session, user):
    if user == "anonymous":
        return browser_session()
    return browser_session((user, PASSWORD))


def api_session(request_factory, user):
    if user == "anonymous":
        return request_factory()
    return request_factory(basic_auth=(user, PASSWORD))


DENIED = ["anonymous", "member", "officer", "author"]
PAGES = [
    "agency/record",
    "agency/assessment-2026-q1",
    "@@assessment-overview",
    "@@assessment-overview.xlsx",
    "@@assessment-overview-print",
    "@@disclosure-monitors",
    "agency/@@disclosure-monitors",
    "@@accountability-records",
    "@@assessment-scheme",
]


def test_denied_through_page_rest_and_search(site, browser_session, request_factory):
    for user in DENIED:
        html = session(browser_session, user)
        for path in PAGES:
            response = html.get(path, allow_redirects=False)
            assert response.status_code in (302, 401, 403), (user, path)
            assert FINDING not in response.text
        rest = api_session(request_factory, user)
        for path in (
            "agency/record",
            "agency/assessment-2026-q1",
            "agency/assessment-2026-q1/@assessment",
            "@assessment-overview",
        ):
            assert rest.get(path).status_code in (401, 403), (user, path)
        for query in (
            {"portal_type": "AccountabilityRecord"},
            {"portal_type": "Assessment"},
            {"SearchableText": "机密核查词"},
        ):
            found = rest.get("@search", params=query).json()
            assert found["items_total"] == 0, (user, query)
        search_page = html.get("@@search", params={"SearchableText": "机密核查词"})
        assert (
            FINDING not in search_page.text and "文件c逾期公开" not in search_page.text
        )


def test_city_office_sees_everything(site, browser_session, request_factory):
    office = session(browser_session, "office")
    record = office.get("agency/record")
    assert record.status_code == 200 and FINDING in record.text
    # Deadlines over Spring Festival: 6 Feb + 20 wd = 12 Mar; + 10 wd = 26 Mar
    assert "2026年3月12日" in record.text and "2026年3月26日" in record.text
    page = office.get("agency/assessment-2026-q1")
    assert page.status_code == 200
    assert "文件c" in page.text and "不合格" in page.text
    assert "文件c逾期公开" in page.text  # the accountability record, reported
    overview = office.get("@@assessment-overview", params={"year": 2026, "quarter": 1})
    assert overview.status_code == 200 and "<svg" in overview.text
    assert "通辽市测试局" in overview.text
    add_form = office.get("agency/++add++AccountabilityRecord")
    assert add_form.status_code == 200 and "责令改正" in add_form.text
    dashboard = office.get("@@disclosure-dashboard")
    assert "@@assessment-overview" in dashboard.text
    rest = api_session(request_factory, "office")
    found = rest.get("@search", params={"portal_type": "AccountabilityRecord"})
    assert found.json()["items_total"] == 1
    data = rest.get("agency/assessment-2026-q1/@assessment").json()
    assert (data["result"]["total"], data["result"]["grade"]) == (9.0, "不合格")
    rows = {row["id"]: row for row in data["result"]["indicators"]}
    (late,) = rows["publication_on_time"]["findings"]
    assert late["url"].endswith("/agency/c") and late["days"] == 22
    overview = rest.get("@assessment-overview", params={"year": 2026, "quarter": 1})
    (item,) = overview.json()["items"]
    assert (item["rank"], item["agency"], item["total"]) == (1, "通辽市测试局", 9.0)


def test_overview_xlsx(site, browser_session):
    office = session(browser_session, "office")
    response = office.get(
        "@@assessment-overview.xlsx", params={"year": 2026, "quarter": 1}
    )
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    ranking = book["排名"]
    rows = list(ranking.iter_rows(values_only=True))
    assert rows[2][1] == "通辽市测试局" and rows[2][2] == 9.0 and rows[2][3] == "不合格"
    print_view = office.get(
        "@@assessment-overview-print", params={"year": 2026, "quarter": 1}
    )
    assert "@media print" in print_view.text


def test_reminders_on_post_only(site, browser_session):
    office = session(browser_session, "office")
    page = office.get(
        "agency/@@disclosure-monitors", params={"year": 2026, "quarter": 1}
    )
    assert page.status_code == 200
    assert "文件w" in page.text and "文件w2" not in page.text
    assert site["sink"].messages == []  # reading sends nothing
    response = office.post(
        f"{rel(site['agency'])}/@@disclosure-monitors",
        data={"send_reminders": "1", "_authenticator": authenticator(page.text)},
    )
    assert response.status_code == 200
    (message,) = site["sink"].messages
    assert "author@example.org" in message["To"]
    body = message.get_body().get_content()
    assert "文件w" in body and "文件w2" not in body


def test_reminders_refused_without_token(site, browser_session):
    office = session(browser_session, "office")
    response = office.post("agency/@@disclosure-monitors", data={"send_reminders": "1"})
    assert response.status_code in (403, 200)
    assert site["sink"].messages == []


def test_scheme_editor_refuses_bad_input(site, browser_session):
    office = session(browser_session, "office")
    page = office.get("@@assessment-scheme")
    token = authenticator(page.text)
    response = office.post(
        "@@assessment-scheme",
        data={
            "save_scheme": "1",
            "scheme": '{"indicators": []}',
            "_authenticator": token,
        },
    )
    assert response.status_code == 200
    assert "alert-danger" in response.text
    assert '{"indicators": []}' in response.text  # nothing typed is lost
    transaction.begin()
    assert not api.portal.get_registry_record("tongliao.disclosure.assessment_scheme")
