"""A citizen applies in a real browser with a full-width phone number, gets the
receipt and looks the case up; an officer takes the case through 补正,
consultation and reply from the workbench (Debian chromium + Playwright)."""

from .applications_support import APPLICANT
from .applications_support import PASSWORD
from .applications_support import the_case
from base64 import b64encode
from plone import api

import pytest
import transaction


# The form's labels (z3c.form widgets are found by what the citizen reads).
LABELS = {
    "applicant_type": "申请人类型",
    "applicant_name": "申请人姓名或名称",
    "id_number": "身份证件号码",
    "email": "电子邮箱",
    "address": "通信地址",
    "description": "所需政府信息的名称",
    "provision_form": "信息的提供形式",
    "obtain_method": "信息的获取方式",
}


def officer_page(chromium):
    token = b64encode(f"officer:{PASSWORD}".encode()).decode()
    context = chromium.new_context(
        locale="zh-CN",
        viewport={"width": 1280, "height": 900},
        extra_http_headers={"Authorization": f"Basic {token}"},
    )
    return context, context.new_page()


def do_step(page, action, **fields):
    form = page.locator(f"#action-{action}")
    for name, value in fields.items():
        control = form.locator(f"#{action}-{name}")
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    errors = page.locator(".statusmessage-error, .portalMessage.error")
    assert errors.count() == 0, errors.all_inner_texts()


@pytest.mark.e2e
def test_citizen_applies_and_officer_handles_the_case(
    applications_site,
    chromium,
    page,
    screenshot,
    tmp_path,
):
    proof = tmp_path / "id.pdf"
    proof.write_bytes(b"%PDF-1.4\n% identity proof\n")
    agency_url = applications_site["agency"].absolute_url()
    page.goto(f"{agency_url}/@@apply")
    for name in ("applicant_type", "provision_form", "obtain_method"):
        page.get_by_label(LABELS[name]).select_option(APPLICANT[name])
    for name in ("applicant_name", "id_number", "email", "address", "description"):
        page.get_by_label(LABELS[name]).fill(APPLICANT[name])
    page.get_by_label("联系电话").fill("１３８１２３４５６７８")  # full-width digits
    page.get_by_label("身份证明").set_input_files(str(proof))
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state()
    code = page.locator("#tracking-code").inner_text().strip()
    assert len(code) == 14
    assert page.locator("#reply-deadline").inner_text().strip()
    screenshot(page, "application-received")
    with page.expect_download() as download:
        page.locator("#receipt-links a", has_text="PDF").click()
    assert download.value.path().read_bytes().startswith(b"%PDF-")

    # The citizen looks the case up (code and phone tail posted, not in the URL).
    page.goto(f"{applications_site.absolute_url()}/@@application-lookup")
    page.locator("#code").fill(code.lower())
    page.locator("#phone_tail").fill("5678")
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()
    assert "已登记" in page.content()
    assert code not in page.url

    app = the_case(applications_site)
    assert app.phone == "13812345678"
    with api.env.adopt_roles(["Manager"]):
        api.user.get(username="officer").setMemberProperties({"fullname": "李办理"})
    transaction.commit()
    context, officer = officer_page(chromium)
    # From the workbench: the new case is listed first (已登记), opened by its link.
    officer.goto(f"{applications_site.absolute_url()}/@@applications-dashboard")
    officer.locator(f'a[href="{app.absolute_url()}"]').first.click()
    officer.wait_for_load_state()
    assert officer.url == app.absolute_url()
    do_step(officer, "accept")
    do_step(officer, "request_correction", items="请写明所需文件的文号")
    do_step(officer, "receive_correction")
    do_step(officer, "start_consultation", party="通辽市某供热有限公司")
    assert "征求意见中" in officer.locator("#case-state").inner_text()
    do_step(officer, "end_consultation", answer="answered")
    do_step(officer, "reply", outcome="granted", reasons="予以公开。")
    assert officer.locator("#case-state").inner_text() == "已答复"
    timeline = officer.locator("#case-events").inner_text()
    for step in ("受理", "发出补正告知书", "发出征求意见书", "已答复"):
        assert step in timeline
    assert "李办理" in timeline and "officer" not in timeline
    screenshot(officer, "application-workbench")
    context.close()
    app = the_case(applications_site)
    assert api.content.get_state(app) == "replied"
    kinds = [entry["notice_kind"] for entry in app.stored_files()[:1]]
    assert kinds == ["receipt"]


def no_overflow(page):
    """Nothing wider than the window (no sideways scrolling at 360 px)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


@pytest.mark.e2e
def test_pages_at_1280_and_360_and_the_extension_preview(
    applications_site, chromium, page, screenshot, tmp_path
):
    """The apply form, its confirmation and the case page at desktop and phone
    width (screenshots under var/screenshots), and the extension's effect
    following the days typed on the case page."""
    proof = tmp_path / "id.png"
    proof.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    agency_url = applications_site["agency"].absolute_url()
    page.goto(f"{agency_url}/@@apply")
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        assert no_overflow(page), width
        screenshot(page, f"apply-form-{width}")
    # A mistake first: the marked field, the other values kept.
    for name in ("applicant_type", "provision_form", "obtain_method"):
        page.get_by_label(LABELS[name]).select_option(APPLICANT[name])
    for name in ("applicant_name", "id_number", "address", "description"):
        page.get_by_label(LABELS[name]).fill(APPLICANT[name])
    page.get_by_label("电子邮箱").fill("zhang@")
    page.get_by_label("联系电话").fill("１３８ １２３４ ５６７８")
    page.get_by_label("身份证明").set_input_files(str(proof))
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state()
    assert "请更正标出的字段" in page.content()
    assert (
        page.get_by_label(LABELS["description"]).input_value()
        == (APPLICANT["description"])
    )
    assert no_overflow(page)
    screenshot(page, "apply-form-error-360")
    page.get_by_label("电子邮箱").fill(APPLICANT["email"])
    page.get_by_label("身份证明").set_input_files(str(proof))
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state()
    assert page.locator("#tracking-code").inner_text().strip()
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert no_overflow(page), width
        screenshot(page, f"apply-done-{width}")

    app = the_case(applications_site)
    assert app.phone == "138 1234 5678"
    # The officer also approves extensions here (the head of office's role).
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="officer", roles=["DisclosureApprover"])
    transaction.commit()
    context, officer = officer_page(chromium)
    officer.goto(f"{applications_site.absolute_url()}/@@applications-dashboard")
    officer.locator(f'a[href="{app.absolute_url()}"]').first.click()
    officer.wait_for_load_state()
    do_step(officer, "accept")
    days = officer.locator("#extend-days")
    effect = officer.locator("#extend-consequence")
    assert "按延长20个工作日计算" in effect.inner_text()
    days.fill("5")
    officer.wait_for_function(
        "() => document.querySelector('#extend-consequence')"
        ".textContent.includes('按延长5个工作日')"
    )
    days.fill("30")
    officer.wait_for_function(
        "() => document.querySelector('#extend-consequence')"
        ".textContent.includes('1至20个工作日')"
    )
    assert "text-danger" in effect.get_attribute("class")
    days.fill("5")
    officer.wait_for_function(
        "() => document.querySelector('#extend-consequence')"
        ".textContent.includes('按延长5个工作日')"
    )
    for width in (1280, 360):
        officer.set_viewport_size({"width": width, "height": 900})
        assert no_overflow(officer), width
        screenshot(officer, f"application-case-{width}")
    context.close()
    transaction.begin()
    assert not the_case(applications_site).has_event("extension")
