"""End to end in a real browser: 意见征集 from opening to the published
采纳情况反馈 on the resulting document. An editor drafts the consultation in the
add form and submits it; three reviewers publish it; citizens comment while it
is open (one named, one anonymous); an officer moderates (and alone sees the
name); after the close date no form is offered; the editor writes the feedback
report, three reviewers publish it, and the visitor finds it on the resulting
policy document. axe-core checks the new public pages; screenshots at 1280 and
360 px."""

from .consultation_support import set_clock
from .helpers import make_agency
from .review_support import create_item
from axe_playwright_python.sync_playwright import Axe
from base64 import b64encode
from plone import api
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.review.staging import review_to

import pytest
import transaction


PASSWORD = "e2e-Secret-2026"
STAFF = {
    "editor": ("王信息", "disclosure_editors"),
    "dept": ("赵初审", "department_reviewers"),
    "secrecy": ("孙保密", "secrecy_reviewers"),
    "approver": ("周领导", "disclosure_approvers"),
    "officer": ("吴办理", "disclosure_officers"),
}
TITLE = "《通辽市政务公开工作规定（征求意见稿）》公开征求意见"
DOCUMENT_TITLE = "通辽市政务公开工作规定"


@pytest.fixture
def world(functional_portal):
    ratelimit.reset()
    with api.env.adopt_roles(["Manager"]):
        for userid, (fullname, group) in STAFF.items():
            api.user.create(
                username=userid,
                email=f"{userid}@example.org",
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            api.group.add_user(groupname=group, username=userid)
        agency = make_agency(functional_portal, published=False)
        if api.content.get_state(agency, default=None) not in (None, "published"):
            api.content.transition(obj=agency, to_state="published")
    document = create_item(agency, title=DOCUMENT_TITLE, text="正文")
    review_to(document, "published")
    transaction.commit()
    return agency, document


def login(chromium, userid, width=1280):
    token = b64encode(f"{userid}:{PASSWORD}".encode()).decode()
    context = chromium.new_context(
        locale="zh-CN",
        viewport={"width": width, "height": 900},
        extra_http_headers={"Authorization": f"Basic {token}"},
    )
    return context, context.new_page()


def set_rich_text(page, field, text):
    """Type into the TinyMCE editor of ``field`` (its iframe body)."""
    frame = page.frame_locator(f"#formfield-form-widgets-{field} iframe").first
    frame.locator("body").click()
    frame.locator("body").fill(text)


def submit_and_review(chromium, url, screenshot_name=None, screenshot=None):
    context, editor = login(chromium, "editor")
    editor.goto(url)
    editor.goto(editor.locator("#workflow-transition-submit").get_attribute("href"))
    if editor.locator('form [name="form.button.confirm"]').count():
        editor.locator('form [name="form.button.confirm"]').click()
    context.close()
    for userid in ("dept", "secrecy", "approver"):
        context, reviewer = login(chromium, userid)
        reviewer.goto(f"{url}/@@review-panel")
        for question in reviewer.locator('.review-checklist input[value="no"]').all():
            question.check()
        reviewer.locator("#review-opinion").fill(f"{STAFF[userid][0]}：同意")
        reviewer.locator('.review-form button[name="form.action"]').first.click()
        errors = reviewer.locator(".review-errors")
        assert errors.count() == 0, errors.first.inner_text()
        context.close()


def axe_problems(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.e2e
def test_consultation_from_opening_to_feedback_on_the_document(
    world, chromium, page, screenshot, monkeypatch
):
    agency, document = world
    agency_url = agency.absolute_url()
    set_clock(monkeypatch, "2026-11-10 09:30")
    problems = {}

    # The editor drafts the consultation in the add form.
    context, editor = login(chromium, "editor")
    editor.goto(f"{agency_url}/++add++PolicyConsultation")
    editor.locator('input[name="form.widgets.IBasic.title"]').fill(TITLE)
    set_rich_text(editor, "draft_text", "第一条 为了规范政务公开工作，制定本规定。")
    set_rich_text(editor, "explanation", "起草说明：依据政府信息公开条例。")
    editor.locator('input[name="form.widgets.open_date"]').fill("2026-11-01")
    # Too short first: the form says so and keeps the input.
    editor.locator('input[name="form.widgets.close_date"]').fill("2026-11-20")
    editor.locator('textarea[name="form.widgets.participation"]').fill(
        "电子邮件：gk@tongliao.example"
    )
    editor.locator('input[name="form.widgets.contact"]').fill(
        "市政务公开办公室 0475-1234567"
    )
    editor.locator('[name="form.buttons.save"]').click()
    assert "意见征集期限不得少于30日" in editor.locator("body").inner_text()
    editor.locator('input[name="form.widgets.close_date"]').fill("2026-11-30")
    editor.locator('[name="form.buttons.save"]').click()
    assert "++add++" not in editor.url, editor.locator("body").inner_text()[:2000]
    consultation_url = editor.url.split("?")[0].rstrip("/").removesuffix("/view")
    context.close()

    transaction.begin()
    (brain,) = api.content.find(portal_type="PolicyConsultation", unrestricted=True)
    consultation = brain._unrestrictedGetObject()
    assert api.content.get_state(consultation) == "draft"
    page.goto(consultation_url)
    assert TITLE not in page.locator("h1").first.inner_text()  # not public yet

    # Submit, three review steps: published.
    submit_and_review(chromium, consultation_url)
    transaction.begin()
    assert api.content.get_state(consultation) == "published"

    # Citizens comment while it is open: one named, one anonymous.
    page.goto(consultation_url)
    assert TITLE in page.locator("h1").first.inner_text()
    page.locator("#comment-clause").fill("第一条")
    page.locator("#comment-text").fill("建议在第一条中明确主动公开的时限。")
    page.locator("#comment-name").fill("张三")
    page.locator("#comment-contact").fill("13900001111")
    problems["consultation"] = axe_problems(page)
    screenshot(page, "consultation-open")
    page.locator(".consultation-comment-form button[type=submit]").click()
    assert "审核后公开" in page.locator("#comment-message").inner_text()
    page.locator("#comment-text").fill("与本规定无关的广告内容")
    page.locator(".consultation-comment-form button[type=submit]").click()
    assert "暂无公开的意见" in page.locator("body").inner_text()  # pending

    mobile_context = chromium.new_context(
        locale="zh-CN", viewport={"width": 360, "height": 800}
    )
    mobile = mobile_context.new_page()
    mobile.goto(consultation_url)
    width = mobile.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
    screenshot(mobile, "consultation-open-360")
    mobile_context.close()

    # The officer moderates: sees the name, shows one, rejects the other.
    context, officer = login(chromium, "officer")
    officer.goto(f"{consultation_url}/@@consultation-comments")
    pending = officer.locator(".moderation-pending")
    assert "张三" in pending.inner_text() and "13900001111" in pending.inner_text()
    screenshot(officer, "consultation-moderation")
    officer.locator(".moderation-pending tr", has_text="明确主动公开").locator(
        'button[value="show"]'
    ).click()
    officer.locator(".moderation-pending tr", has_text="广告").locator(
        'button[value="reject"]'
    ).click()
    assert officer.locator(".moderation-pending").count() == 0
    context.close()

    page.goto(consultation_url)
    body = page.locator("body").inner_text()
    assert "建议在第一条中明确主动公开的时限" in body
    assert "广告" not in body
    assert "张三" not in body and "13900001111" not in body

    # After the close date: no form, a clear message.
    set_clock(monkeypatch, "2026-12-01 00:00")
    page.goto(consultation_url)
    assert page.locator(".consultation-comment-form").count() == 0
    assert "2026年11月30日截止" in page.locator("#window-message").inner_text()

    # The editor writes the feedback report: one group, adopted, the document.
    context, editor = login(chromium, "editor")
    editor.goto(consultation_url)
    editor.get_by_role("button", name="撰写采纳情况反馈").click()
    assert editor.url.endswith("/@@feedback-groups")
    feedback_url = editor.url.removesuffix("/@@feedback-groups")
    editor.locator("#resulting_document").select_option(label=DOCUMENT_TITLE)
    editor.locator("#topic_0").fill("第一条")
    editor.locator("#decision_0").select_option("adopted")
    editor.locator("#reason_0").fill("已在第一条中增加“自信息形成之日起20个工作日内”。")
    editor.locator('input[name="comments_0:list"]').first.check()
    editor.get_by_role("button", name="保存").click()
    assert "已保存" in editor.locator("body").inner_text()
    editor.goto(f"{feedback_url}/edit")
    set_rich_text(editor, "text", "共收到意见2条，公开1条，采纳1条。")
    editor.locator('[name="form.buttons.save"]').click()
    context.close()

    submit_and_review(chromium, feedback_url)
    transaction.begin()
    (brain,) = api.content.find(portal_type="ConsultationFeedback", unrestricted=True)
    assert api.content.get_state(brain._unrestrictedGetObject()) == "published"

    # The visitor finds the feedback on the consultation and on the document.
    page.goto(feedback_url)
    assert "采纳" in page.locator(".feedback-groups").inner_text()
    problems["feedback"] = axe_problems(page)
    page.goto(consultation_url)
    assert "采纳情况反馈已发布" in page.locator("body").inner_text()
    page.goto(document.absolute_url())
    viewlet = page.locator("#consultation-feedback")
    assert "已在第一条中增加" in viewlet.inner_text()
    problems["document"] = axe_problems(page)
    screenshot(page, "consultation-feedback-on-document")

    # 社会评议: the visitor rates the document and answers the questionnaire.
    page.locator("#document-rating label", has_text="基本满意").click()
    page.locator("#doc-rating-comment").fill("条文清楚，反馈及时。")
    page.locator("#document-rating button[type=submit]").click()
    assert "感谢您的评价" in page.locator("#rating-message").inner_text()
    page.goto(f"{agency_url}/@@evaluation")
    problems["questionnaire"] = axe_problems(page)
    for name in ("q0", "q1", "q2", "grade"):
        page.locator(f'input[name="{name}"][value="satisfied"]').check()
    page.get_by_role("button", name="提交评价").click()
    assert "感谢您的评价" in page.locator("#rating-message").inner_text()
    context, officer = login(chromium, "officer")
    officer.goto(f"{agency_url}/@@evaluation-results")
    assert "政策文件评价1人次" in officer.locator("#evaluation-paragraph").inner_text()
    screenshot(officer, "evaluation-results")
    context.close()
    assert {name: found for name, found in problems.items() if found} == {}
