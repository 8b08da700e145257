"""A visitor in a real browser (Debian chromium): finds a published document in
the catalogue by facet and by Chinese full text, opens it, reads its
interpretation; a citizen applies and downloads the reply; axe-core finds no
serious or critical violation on the public pages. Screenshots: the
``screenshot`` fixture (docs/screenshots/ with UPDATE_SCREENSHOTS=1)."""

from .applications_support import apply_input
from .applications_support import officer_action
from .applications_support import PROOF_INPUT
from .applications_support import the_case
from .helpers import make_documents
from axe_playwright_python.sync_playwright import Axe
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.world_support import world_fixture
from tongliao.disclosure import demo

import pytest


NOTICE_TITLE = (
    "关于印发《自治区政务公开地方标准和通辽市政府信息公开相关配套制度》的通知"
)
DRAFT_TITLE = "内部草稿：不应公开的通知"


def build_demo(portal):
    with api.env.adopt_user(SITE_OWNER_NAME):
        api.portal.set_registry_record("plone.site_title", "通辽市政务公开平台")
        demo.create_demo_content(portal, living=False)  # the core: seconds
        make_documents(
            portal[demo.DEMO_AGENCY_ID],
            [("draft", DRAFT_TITLE, "通政办发〔2021〕77号", "notice", "02.01",
              "valid", date(2021, 9, 1), None)],
        )  # fmt: skip


# Built once for the module (tests/world_support.py); each test starts from it.
demo_world = world_fixture(build_demo, "demo_world")


@pytest.fixture
def demo_site(demo_world, functional_portal):
    return functional_portal


@pytest.mark.e2e
def test_visitor_finds_document_by_facet_and_text(demo_site, page, screenshot):
    page.goto(demo_site.absolute_url())
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.get_by_role("heading", name="最新文件").is_visible()
    assert page.get_by_role("heading", level=1).inner_text() == "通辽市政务公开平台"
    screenshot(page, "home")

    # By facet: 综合政务 → 政务公开.
    page.get_by_role("link", name="政府信息公开目录").first.click()
    page.wait_for_load_state()
    assert (
        page.get_by_role("heading", level=1).inner_text().startswith("政府信息公开目录")
    )
    page.locator('.facet-subject a[data-value="02"]').click()
    page.locator('.facet-subject a[data-value="02.01"]').click()
    page.wait_for_load_state()
    assert "subject=02.01" in page.url
    titles = page.locator(".catalogue-link").all_inner_texts()
    assert NOTICE_TITLE in titles
    assert DRAFT_TITLE not in page.content()
    screenshot(page, "catalogue-facet")

    # By Chinese full text, from the search box.
    page.get_by_label("搜索标题、正文、发文字号或索引号").fill("配套制度")
    page.locator("#content").get_by_role("button", name="搜索").click()
    page.wait_for_load_state()
    assert page.locator(".catalogue-link").all_inner_texts() == [NOTICE_TITLE]
    screenshot(page, "catalogue-search")

    # By the whole document number (routed to its index).
    page.get_by_label("搜索标题、正文、发文字号或索引号").fill("通政公办字〔2021〕1号")
    page.locator("#content").get_by_role("button", name="搜索").click()
    page.wait_for_load_state()
    assert page.locator(".catalogue-link").all_inner_texts() == [NOTICE_TITLE]

    page.get_by_role("link", name=NOTICE_TITLE).click()
    page.wait_for_load_state()
    table = page.locator("table.disclosure-metadata")
    for label in (
        "索引号",
        "主题分类",
        "发文机关",
        "成文日期",
        "发文字号",
        "发布日期",
        "有效性",
    ):
        assert table.get_by_role("rowheader", name=label).is_visible()
    assert "1115050001147000MT/2021-00001" in table.inner_text()
    screenshot(page, "document")

    page.locator("a.interpretation-link").first.click()
    page.wait_for_load_state()
    assert "政策解读" in page.title()
    assert page.locator("a.interpreted-document").inner_text() == NOTICE_TITLE
    screenshot(page, "interpretation")


@pytest.mark.e2e
def test_draft_is_not_reachable_in_the_browser(demo_site, page):
    agency_url = demo_site[demo.DEMO_AGENCY_ID].absolute_url()
    page.goto(f"{demo_site.absolute_url()}/@@disclosure-catalog?q=不应公开")
    assert page.locator(".catalogue-link").count() == 0
    page.goto(f"{agency_url}/draft")
    assert DRAFT_TITLE not in page.content()


PUBLIC_PAGES = [
    ("home", ""),
    ("catalogue", "/@@disclosure-catalog"),
    ("catalogue-filtered", "/@@disclosure-catalog?subject=02&year=2021"),
    ("agency", f"/{demo.DEMO_AGENCY_ID}"),
    ("section", f"/{demo.DEMO_AGENCY_ID}/zcwj"),
    ("document", f"/{demo.DEMO_AGENCY_ID}/{demo.NOTICE_ID}"),
    ("interpretation", f"/{demo.DEMO_AGENCY_ID}/{demo.INTERPRETATION_ID}"),
    ("on-request", f"/{demo.DEMO_AGENCY_ID}/ysqgk"),
    ("apply", f"/{demo.DEMO_AGENCY_ID}/@@apply"),
    ("lookup", "/@@application-lookup"),
]


@pytest.mark.e2e
def test_axe_no_serious_violations(demo_site, page, screenshot):
    axe = Axe()
    problems = {}
    for name, path in PUBLIC_PAGES:
        page.goto(demo_site.absolute_url() + path)
        page.wait_for_load_state("networkidle")
        results = axe.run(page)
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[name] = serious
        if name in ("agency", "section"):
            screenshot(page, name)
    assert problems == {}


# The citizen's half of the path (applications are on main; the editor and the
# three reviewers are added when the review workflow is).
APPLICANT_FIELDS = {
    "applicant_type": "natural_person",
    "applicant_name": "张三丰",
    "id_number": "11010519491231002X",
    "phone": "13812345678",
    "email": "zhang@example.org",
    "address": "通辽市科尔沁区和平路1号",
    "description": "2025年通辽市城区供热价格调整文件",
    "provision_form": "email",
    "obtain_method": "email",
}


def fill_form(page, values):
    for name, value in values.items():
        field = page.locator(f'[name="{name}"]').first
        tag = field.evaluate("element => element.tagName")
        if tag == "SELECT":
            field.select_option(value)
        elif field.get_attribute("type") == "radio":
            page.locator(f'[name="{name}"][value="{value}"]').check()
        else:
            field.fill(value)


@pytest.mark.e2e
def test_citizen_applies_officer_replies_citizen_downloads_notice(
    applications_site,
    browser_session,
    page,
    tmp_path,
    screenshot,
):

    agency_url = applications_site["agency"].absolute_url()
    page.goto(f"{agency_url}/ysqgk")
    page.locator("a.apply-link").click()
    page.wait_for_load_state()
    fill_form(page, {apply_input(k): v for k, v in APPLICANT_FIELDS.items()})
    proof = tmp_path / "id.pdf"
    proof.write_bytes(b"%PDF-1.4\n% identity proof\n")
    page.locator(f'[name="{PROOF_INPUT}"]').set_input_files(str(proof))
    screenshot(page, "apply-form")
    page.locator('form [type="submit"]').last.click()
    page.wait_for_load_state()
    code = page.locator("#tracking-code").inner_text().strip()
    assert len(code) >= 12
    screenshot(page, "apply-done")

    case_url = the_case(applications_site).absolute_url()
    officer_action(browser_session, case_url, "accept")
    officer_action(
        browser_session, case_url, "reply", outcome="granted", reasons="予以公开。"
    )

    page.goto(f"{applications_site.absolute_url()}/@@application-lookup")
    page.locator('[name="code"]').fill(code)
    page.locator('[name="phone_tail"]').fill("5678")
    page.locator('form [type="submit"]').last.click()
    page.wait_for_load_state()
    assert "已答复" in page.content()
    screenshot(page, "application-status")
    notice = page.locator("a", has_text="告知书").first
    with page.expect_download() as download:
        notice.click()
    assert download.value.suggested_filename.endswith(".docx")
