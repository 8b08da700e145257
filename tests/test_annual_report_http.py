"""Annual report over real HTTP: denials, the national layout in Chinese, REST JSON."""

from .report_support import add_report
from .report_support import all_manual_zero
from .report_support import build_report_site
from .report_support import publish
from .world_support import world_fixture
from plone import api
from tongliao.disclosure.reports import report as reports

import pytest
import transaction


def build_world(portal):
    agency, _other = build_report_site(portal)
    report = add_report(
        agency, 2025, **{**all_manual_zero(), "licensing_decisions": 55}
    )
    with api.env.adopt_roles(["Manager"]):
        # A consistent correction (one more granted application received
        # this year): the cell, its row total, 一 and （七） of the column.
        computed = reports.computed_cells(report)
        for cell in (
            "t3.granted.natural_person",
            "t3.granted.total",
            "t3.results_total.natural_person",
            "t3.results_total.total",
            "t3.new_received.natural_person",
            "t3.new_received.total",
        ):
            reports.set_override(report, cell, computed[cell] + 1, "窗口台账补录一件")
        reports.explain_check(report, "t2.repeal_date_missing", "d8 已核实")
    return report.getPhysicalPath()


# Built once for the module; each test starts from it (tests/world_support.py).
report_http_world = world_fixture(build_world, "report_http_world")


@pytest.fixture
def site(report_http_world, functional_portal):
    return functional_portal.unrestrictedTraverse(report_http_world)


PAGES = ["", "/@@annual-report-print", "/@@annual-report.docx", "/@@annual-report.xlsx"]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_denied_unpublished(site, browser_session, page):
    response = browser_session().get(site.absolute_url() + page, allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    assert "本年新收" not in response.text


def test_anonymous_denied_unpublished_rest(site, request_factory):
    response = request_factory(role="Anonymous").get(
        site.absolute_url() + "/@annual-report"
    )
    assert response.status_code == 401
    assert "computed" not in response.text


def test_staff_page_shows_computed_and_reported(site, browser_session):
    response = browser_session(role="Manager").get(site.absolute_url())
    assert response.status_code == 200
    html = response.text
    assert "三、收到和处理政府信息公开申请情况" in html
    assert "窗口台账补录一件" in html  # the override's reason, to staff
    assert 'data-cell="t3.granted.natural_person"' in html
    assert "计算值" in html and "填报值" in html  # computed vs reported, in Chinese


def test_published_public_page_and_rest(site, browser_session, request_factory):
    publish(site)
    html = browser_session().get(site.absolute_url()).text
    # The national layout: corner note, 3 header rows, rowspans 22 and 8/3/5/3.
    assert (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in html
    )
    assert 'rowspan="22">三、本年度办理结果' in html
    for rowspan, label in (
        (8, "（三）不予公开"),
        (3, "（四）无法提供"),
        (5, "（五）不予处理"),
        (3, "（六）其他处理"),
    ):
        assert f'rowspan="{rowspan}">{label}' in html
    assert 'data-cell="t3.granted.natural_person">2<' in html  # the reported value
    assert "窗口台账补录一件" not in html  # staff data stays internal
    assert "下载" in html
    anonymous = request_factory(role="Anonymous").get(
        site.absolute_url() + "/@annual-report"
    )
    assert anonymous.status_code == 200
    body = anonymous.json()
    assert set(body) == {"@id", "title", "year", "published", "reported"}
    assert body["reported"]["t3.granted.natural_person"] == 2
    assert body["reported"]["t2.licensing.decisions"] == 55
    staff = request_factory(role="Manager").get(site.absolute_url() + "/@annual-report")
    data = staff.json()
    assert data["computed"]["t3.granted.natural_person"] == 1
    assert (
        data["overrides"]["t3.granted.natural_person"]["reason"] == "窗口台账补录一件"
    )
    assert data["blocking"] == []
    failed = {c["id"]: c for c in data["checks"] if not c["passed"]}
    assert failed["t2.repeal_date_missing"]["explanation"]["text"] == "d8 已核实"
    assert not any(c["severity"] == "error" for c in failed.values())
    for page in PAGES[1:]:
        assert browser_session().get(site.absolute_url() + page).status_code == 200


def test_override_form_needs_reason(site, browser_session):
    from .helpers import authenticator

    session = browser_session(role="Manager")
    html = session.get(site.absolute_url()).text
    response = session.post(
        site.absolute_url(),
        data={
            "_authenticator": authenticator(html),
            "report_action": "override",
            "cell": "t3.partial.business",
            "value": "3",
            "reason": "",
        },
    )
    assert response.status_code == 200
    assert "请填写修改计算数字的理由" in response.text
    transaction.begin()
    assert "t3.partial.business" not in reports.overrides(site)


def test_dashboard_warns_in_chinese(site, browser_session, monkeypatch):
    from datetime import date
    from tongliao.disclosure.reports import warnings as report_warnings

    monkeypatch.setattr(report_warnings, "site_today", lambda: date(2026, 2, 1))
    url = api.portal.get().absolute_url() + "/@@disclosure-dashboard"
    html = browser_session(role="Manager").get(url).text
    assert "通辽市甲局：2025年度政府信息公开工作年度报告应于2026年1月31日前公布" in html
    assert "通辽市人民政府：请于2026年3月31日前公布2025年度" in html
    assert browser_session().get(url, allow_redirects=False).status_code in (302, 401)
