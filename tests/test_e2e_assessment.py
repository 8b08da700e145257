"""The city office's overview in a real browser (Debian chromium), at 1280 and
360 px: ranking, bar chart and trend are readable and nothing overflows.
Screenshots: ``assessment-overview`` (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
"""

from base64 import b64encode
from datetime import date
from plone import api
from tests.assessment_support import build_known_agency
from tests.assessment_support import TODAY
from tests.helpers import DOCUMENTS
from tests.helpers import make_agency
from tongliao.disclosure.assessment import engine
from tongliao.disclosure.assessment import queries
from tongliao.disclosure.assessment.browser.views import create_assessments
from tongliao.disclosure.review.staging import review_to

import pytest
import transaction


PASSWORD = "secret-Pw-2024"
AGENCIES = [
    ("agency", "通辽市测试局", None, 8, 5),
    ("fgw", "通辽市发展和改革委员会", "11150500MB1604391C", 9, 4),
    ("jyj", "通辽市教育局", "11150500011502035P", 7, 2),
]


@pytest.fixture
def office_site(functional_portal, monkeypatch):
    monkeypatch.setattr(queries, "site_today", lambda: TODAY)
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="office",
            email="office@example.org",
            password=PASSWORD,
            properties={"fullname": "孟督查"},
        )
        api.group.add_user(groupname="disclosure_supervisors", username="office")
        build_known_agency(portal)
        for agency_id, title, code, *_scores in AGENCIES[1:]:
            make_agency(portal, DOCUMENTS, id=agency_id, title=title, credit_code=code)
        guide = portal["fgw"]["guide"]
        guide.last_reviewed = date(2025, 6, 1)
        review_to(guide, "published")
        for year in (2024, 2025):
            create_assessments(year, 0)
            for agency_id, _t, _c, leadership, training in AGENCIES:
                assessment = portal[agency_id][f"assessment-{year}"]
                engine.set_manual(assessment, "leadership", leadership, "会议纪要")
                engine.set_manual(
                    assessment, "training", training - (2025 - year), "培训签到表"
                )
                api.content.transition(assessment, "publish_assessment")
        create_assessments(2026, 0)
    transaction.commit()
    return portal


def office_page(chromium, width):
    token = b64encode(f"office:{PASSWORD}".encode()).decode()
    context = chromium.new_context(
        locale="zh-CN",
        viewport={"width": width, "height": 900},
        extra_http_headers={"Authorization": f"Basic {token}"},
    )
    return context, context.new_page()


@pytest.mark.e2e
@pytest.mark.parametrize("width", [1280, 360])
def test_city_overview(office_site, chromium, screenshot, width):
    context, page = office_page(chromium, width)
    page.goto(f"{office_site.absolute_url()}/@@assessment-overview?year=2025&quarter=0")
    assert page.locator("table.assessment-table tbody tr").count() == 3
    assert page.locator("svg.assessment-chart").count() == 2
    # Plone's own toolbar overflows at 360 px for logged-in users; our content
    # must not (wide tables and charts scroll inside their own boxes).
    overflow = page.evaluate(
        "(() => { const c = document.querySelector('#content');"
        " return c.scrollWidth - c.clientWidth; })()"
    )
    wide = page.evaluate(
        """[...document.querySelectorAll('#content *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.right > document.documentElement.clientWidth + 1 && r.width > 0;
        }).slice(0, 8).map(e => e.tagName + '.' + e.className)"""
    )
    assert overflow <= 0, wide
    name = "assessment-overview" + ("" if width == 1280 else "-360")
    screenshot(page, name)
    context.close()
