"""End to end in a real browser: an editor drafts a policy document with an
attachment and submits it; three different reviewers pass their steps in the
review panel; an anonymous visitor then reads it with its attachment."""

from .helpers import make_agency
from base64 import b64encode
from plone import api

import pytest
import transaction


PASSWORD = "e2e-Secret-2026"
STAFF = {
    "editor": ("王信息", "disclosure_editors"),
    "dept": ("赵初审", "department_reviewers"),
    "secrecy": ("孙保密", "secrecy_reviewers"),
    "approver": ("周领导", "disclosure_approvers"),
}
TITLE = "通辽市关于进一步做好政务公开工作的通知（端到端）"


@pytest.fixture
def agency(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        for userid, (fullname, group) in STAFF.items():
            api.user.create(
                username=userid,
                email=f"{userid}@example.org",
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            with api.env.adopt_roles(["Manager"]):
                api.group.add_user(groupname=group, username=userid)
        agency = make_agency(functional_portal, published=False)
        if api.content.get_state(agency, default=None) not in (None, "published"):
            api.content.transition(obj=agency, to_state="published")
    transaction.commit()
    return agency


def login(chromium, userid):
    token = b64encode(f"{userid}:{PASSWORD}".encode()).decode()
    context = chromium.new_context(
        locale="zh-CN",
        viewport={"width": 1280, "height": 900},
        extra_http_headers={"Authorization": f"Basic {token}"},
    )
    return context, context.new_page()


def choose(page, name, value):
    page.locator(f'select[name="form.widgets.{name}:list"]').select_option(value)


@pytest.mark.e2e
def test_editor_drafts_three_reviewers_publish(
    agency, chromium, page, screenshot, tmp_path
):
    agency_url = agency.absolute_url()

    # The editor drafts the document in the add form.
    context, editor = login(chromium, "editor")
    editor.goto(f"{agency_url}/++add++PolicyDocument")
    editor.locator('input[name="form.widgets.IBasic.title"]').fill(TITLE)
    editor.locator('input[name="form.widgets.document_number"]').fill(
        "通政办字〔2026〕7号"
    )
    editor.locator('input[name="form.widgets.date_written"]').fill("2026-11-20")
    choose(editor, "document_kind", "notice")
    choose(editor, "subject_category", "02.01")
    choose(editor, "disclosure_attribute", "proactive")
    screenshot(editor, "e2e-editor-add-form")
    editor.locator('[name="form.buttons.save"]').click()
    path = editor.url.split("?")[0].rstrip("/").removesuffix("/view")
    document_url = f"{agency_url}/{path.split('/')[-1]}"
    assert "++add++" not in editor.url
    assert TITLE in editor.locator("h1").first.inner_text()

    # …adds the attachment inside the document…
    attachment = tmp_path / "fujian.pdf"
    attachment.write_bytes(b"%PDF-1.4\n% attachment of the e2e test\n%%EOF\n")
    editor.goto(f"{document_url}/++add++File")
    editor.locator('input[name="form.widgets.title"]').fill("附件：工作任务分工")
    editor.locator('input[type="file"]').first.set_input_files(str(attachment))
    editor.locator('[name="form.buttons.save"]').click()
    assert "++add++" not in editor.url

    # …and submits it through the workflow menu.
    editor.goto(document_url)
    submit = editor.locator("#workflow-transition-submit")
    editor.goto(submit.get_attribute("href"))
    if editor.locator('form [name="form.button.confirm"]').count():
        editor.locator('form [name="form.button.confirm"]').click()
    context.close()
    transaction.begin()
    document = api.content.get(path="/agency/" + document_url.split("/")[-1])
    assert api.content.get_state(document) == "pending_department_review"

    # Three different reviewers pass their steps in the review panel.
    for userid, expected_state in (
        ("dept", "pending_secrecy_review"),
        ("secrecy", "pending_approval"),
        ("approver", "published"),
    ):
        context, reviewer = login(chromium, userid)
        reviewer.goto(f"{document_url}/@@review-panel")
        for question in reviewer.locator('.review-checklist input[value="no"]').all():
            question.check()
        reviewer.locator("#review-opinion").fill(f"{STAFF[userid][0]}：同意")
        screenshot(reviewer, f"e2e-review-{userid}")
        reviewer.locator('.review-form button[name="form.action"]').first.click()
        assert reviewer.locator(".review-errors").count() == 0
        context.close()
        transaction.begin()
        assert api.content.get_state(document) == expected_state

    # The panel now holds three records by three different people.
    context, approver = login(chromium, "approver")
    approver.goto(f"{document_url}/@@approval-sheet")
    sheet = approver.locator("body").inner_text()
    for fullname, _group in list(STAFF.values())[1:]:
        assert fullname in sheet
    screenshot(approver, "e2e-approval-sheet")
    context.close()

    # An anonymous visitor reads the published document and its attachment.
    page.goto(document_url)
    body = page.locator("body").inner_text()
    assert TITLE in body
    assert "通政办字〔2026〕7号" in body
    assert "附件：工作任务分工" in body
    screenshot(page, "e2e-published-document")
