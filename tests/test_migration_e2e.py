"""In a real browser: the approver checks a catalogue with a bad row, reads the
Chinese report, then imports the good rows; at 1280 px and 360 px."""

from .helpers import make_agency
from .legacy_support import AGENCY_NAME
from .legacy_support import CODE
from .legacy_support import csv_bytes
from .legacy_support import GOOD_ROWS
from .review_support import make_users
from .review_support import PASSWORD
from base64 import b64encode
from plone import api

import pytest
import transaction


@pytest.fixture
def agency(functional_portal):
    make_users(functional_portal)
    agency = make_agency(
        functional_portal, id="gen", title=AGENCY_NAME, credit_code=CODE
    )
    transaction.commit()
    return agency


@pytest.mark.e2e
@pytest.mark.parametrize("width", [1280, 360])
def test_approver_checks_then_imports(agency, chromium, screenshot, tmp_path, width):
    rows = [list(row[:10]) + [""] for row in GOOD_ROWS]
    rows[1][9] = "第一条 为规范数据管理。"
    rows[2][6] = "火星事务"
    rows[2][4] = "2022年13月1日"
    source = tmp_path / "旧平台目录.csv"
    source.write_bytes(csv_bytes(rows, encoding="gbk"))
    token = b64encode(f"approver:{PASSWORD}".encode()).decode()
    context = chromium.new_context(
        locale="zh-CN",
        viewport={"width": width, "height": 900},
        extra_http_headers={"Authorization": f"Basic {token}"},
    )
    page = context.new_page()
    try:
        page.goto(f"{agency.absolute_url()}/@@legacy-import")
        page.set_input_files("#legacy-file", str(source))
        page.get_by_role("button", name="检查文件").click()
        report = page.locator(".legacy-bad-rows")
        assert "未知的主题分类“火星事务”。" in report.inner_text()
        assert "“成文日期”不是有效日期：2022年13月1日。" in report.inner_text()
        assert page.get_by_role("button", name="确认导入").count() == 0
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0
        screenshot(page, f"legacy-import-report-{width}")

        page.set_input_files("#legacy-file", str(source))
        page.get_by_label("跳过有问题的行，只导入其他行").check()
        page.get_by_role("button", name="检查文件").click()
        page.get_by_role("button", name="确认导入").click()
        assert "导入完成。已导入文件数：" in page.locator(".legacy-report").inner_text()
        screenshot(page, f"legacy-import-done-{width}")
    finally:
        context.close()
    transaction.begin()
    found = api.content.find(context=agency, portal_type="PolicyDocument")
    assert len(found) == 2
