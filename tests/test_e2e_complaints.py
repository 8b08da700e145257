"""A citizen files a complaint in a real browser (Debian chromium + Playwright)
with a full-width phone number and looks it up; the handler's dashboard shows
it; axe-core finds no serious or critical violation on the new public pages;
screenshots at 1280 and 360 px (docs/screenshots/ with UPDATE_SCREENSHOTS=1)."""

from .complaints_support import COMPLAINANT
from .complaints_support import complaint
from .complaints_support import make_staff
from .complaints_support import message
from .review_support import PASSWORD
from axe_playwright_python.sync_playwright import Axe
from base64 import b64encode
from datetime import date
from plone import api
from tongliao.disclosure.complaints import workflow as complaint_workflow
from tongliao.disclosure.complaints.workflow import perform

import pytest
import transaction


def serious(results):
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.e2e
def test_citizen_files_a_complaint_and_looks_it_up(
    applications_site, chromium, page, screenshot
):
    portal = applications_site
    make_staff(portal)
    transaction.commit()
    root = portal.absolute_url()
    axe = Axe()
    problems = {}

    page.goto(f"{root}/@@complain")
    problems["complain"] = serious(axe.run(page))
    page.locator("select#category").select_option("application_unanswered")
    page.locator("select#agency_uid").select_option(label="通辽市发展和改革委员会")
    page.locator("#details").fill(COMPLAINANT["details"])
    page.locator("#complainant_name").fill(COMPLAINANT["complainant_name"])
    page.locator("#phone").fill("１３９１２３４５６７８")  # full-width digits
    screenshot(page, "complaint-form-1280")
    page.locator("button[name=submit]").click()
    page.wait_for_load_state()
    code = page.locator("#tracking-code").inner_text().strip()
    assert len(code) == 14

    page.goto(f"{root}/@@complaint-lookup")
    page.locator("#code").fill(code.lower().replace("-", " "))
    page.locator("#phone_tail").fill("5678")
    page.locator("#lookup-submit").click()
    page.wait_for_load_state()
    result = page.locator("#lookup-result").inner_text()
    assert "已收到" in result and "通辽市发展和改革委员会" in result
    assert "依申请公开未答复" in result
    problems["complaint-lookup"] = serious(axe.run(page))
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot(page, "complaint-lookup-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto(f"{root}/@@complain")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.set_viewport_size({"width": 1280, "height": 900})

    # Handled and published; the anonymised page and the message pages.
    transaction.begin()
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="DisclosureComplaint"
    )
    case = brains[0]._unrestrictedGetObject()
    with api.env.adopt_user(username="handler"):
        perform(case, "accept")
        perform(case, "investigate")
        perform(case, "conclude", substantiated="no", finding="经查不属实。")
        perform(case, "reply", reply_text="经查不属实。")
        perform(case, "propose_publication", public_summary="经查，举报事项不属实。")
    with api.env.adopt_user(username="approver"):
        perform(case, "publish")
    message(portal)
    transaction.commit()
    for name, path in (
        ("published-complaint", case.absolute_url()),
        ("write-message", f"{root}/agency/@@write-message"),
        ("messages", f"{root}/agency/@@messages"),
        ("message-lookup", f"{root}/@@message-lookup"),
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        problems[name] = serious(axe.run(page))
    assert "经查，举报事项不属实。" in page.goto(case.absolute_url()).text()
    # Replied: the lookup offers the written reply, on a phone too.
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{root}/@@complaint-lookup")
    page.locator("#code").fill(code)
    page.locator("#phone_tail").fill("5678")
    page.locator("#lookup-submit").click()
    page.wait_for_load_state()
    link = page.locator("#lookup-downloads a")
    assert link.inner_text() == "举报处理答复书（PDF）"
    problems["complaint-lookup-replied"] = serious(axe.run(page))
    screenshot(page, "complaint-lookup-replied-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot(page, "complaint-published-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.e2e
def test_dashboard_shows_overdue_complaints(
    applications_site, chromium, monkeypatch, screenshot
):
    portal = applications_site
    make_staff(portal)
    monkeypatch.setattr(complaint_workflow, "site_today", lambda: date(2026, 3, 2))
    complaint(portal)
    monkeypatch.undo()
    transaction.commit()
    token = b64encode(f"handler:{PASSWORD}".encode()).decode()
    context = chromium.new_context(
        locale="zh-CN",
        viewport={"width": 1280, "height": 900},
        extra_http_headers={"Authorization": f"Basic {token}"},
    )
    page = context.new_page()
    page.goto(f"{portal.absolute_url()}/@@participation-dashboard")
    assert page.locator("#complaints-table tr.overdue").count() == 1
    assert page.locator("#overdue-count").inner_text() == "1"
    screenshot(page, "participation-dashboard-1280")
    context.close()
