"""协调 over real HTTP: REST (@coordination, the document's JSON) and a co-agency
coordinator confirming from their queue in a real browser."""

from base64 import b64encode
from plone import api
from tests.coordination_support import create_coordinated
from tests.coordination_support import make_coordination_site
from tests.helpers import rel as path_of
from tests.rest_docs import record
from tests.review_support import CLEAR
from tests.review_support import PASSWORD
from tests.review_support import submit
from tongliao.disclosure.coordination import workflow as coordination
from tongliao.disclosure.review.workflow import perform

import pytest
import transaction


TITLE = "通辽市关于联合开展校园食品安全整治的通知"


@pytest.fixture
def site(functional_portal):
    agencies = make_coordination_site(functional_portal)
    doc = create_coordinated(functional_portal, agencies, title=TITLE, text="正文")
    submit(doc)
    transaction.commit()
    return functional_portal, agencies, doc


@pytest.fixture
def rest(request_factory):
    def factory(userid=None):
        session = (
            request_factory(basic_auth=(userid, PASSWORD))
            if userid
            else request_factory()
        )
        session.headers["Accept-Language"] = "zh-CN"
        return session

    return factory


def test_rest_state_answers_and_denials(site, rest):
    portal, agencies, doc = site
    url = path_of(doc)
    # Anonymous and another agency's coordinator read nothing of it.
    assert rest().get(f"{url}/@coordination").status_code == 401
    assert rest().get(url).status_code == 401
    assert rest("coord_d").get(url).status_code == 401
    assert rest("coord_d").get(f"{url}/@coordination").status_code == 401
    denied = rest("coord_d").post(f"{url}/@coordination", json={"action": "confirm"})
    assert denied.status_code in (401, 403)
    # The co-agency's coordinator reads the document and its state.
    document = rest("coord_b").get(f"{url}?expand=coordination").json()
    state = document["@components"]["coordination"]
    assert [a["title"] for a in state["agencies"]] == ["通辽市财政局", "通辽市教育局"]
    assert state["my_agencies"] == [agencies["finance"].UID()]
    bad = rest("coord_b").post(f"{url}/@coordination", json={"action": "object"})
    assert bad.status_code == 400
    assert bad.json()["error"]["messages"] == ["请在意见中写明异议的理由。"]
    assert rest("coord_b").post(f"{url}/@coordination", json=[1]).status_code == 400
    answer = rest("coord_b").post(
        f"{url}/@coordination", json={"action": "confirm", "opinion": "同意"}
    )
    assert answer.status_code == 201
    assert answer.json()["record"]["actor_name"] == "冯财政"
    assert answer.json()["agencies"][0]["decision"] == "confirm"
    fixed = example_values(answer.json(), agencies)
    record("coordination-confirm", answer, "A co-agency confirms", fixed)
    record(
        "coordination-get",
        rest("approver").get(f"{url}/@coordination"),
        "The coordination state, as the approver reads it",
        fixed,
    )
    # Approval at the REST level is blocked while 教育局 is silent.
    transaction.begin()
    with api.env.adopt_user(username="dept"):
        perform(doc, "pass", "同意")
    with api.env.adopt_user(username="secrecy"):
        perform(doc, "pass", "同意", CLEAR)
    transaction.commit()
    blocked = rest("approver").post(
        f"{url}/@review", json={"action": "pass", "opinion": "同意"}
    )
    assert blocked.status_code == 400
    assert "通辽市教育局" in blocked.json()["error"]["message"]
    assert (
        rest("dept")
        .post(f"{url}/@coordination", json={"action": "override", "opinion": "理由"})
        .status_code
        == 403
    )
    override = rest("approver").post(
        f"{url}/@coordination",
        json={"action": "override", "opinion": "经市政府同意"},
    )
    assert override.status_code == 201
    done = rest("approver").post(
        f"{url}/@review", json={"action": "pass", "opinion": "同意"}
    )
    assert done.status_code == 201
    # Published: the public reads the document, not its coordination.
    public = rest().get(f"{url}?expand=coordination").json()
    assert "coordination" not in public.get("@components", {})
    assert rest().get(f"{url}/@coordination").status_code == 401


def example_values(state, agencies):
    """Per-run values of a coordination answer -> fixed example values."""
    fixed = {a.UID(): f"uid-of-{name}" for name, a in agencies.items()}
    for entry in state["records"]:
        fixed[entry["time"]] = "2026-11-30T02:00:00+00:00"
        if entry["due"]:
            fixed[entry["due"]] = "2026-12-07"
    return fixed


def login(chromium, userid, width=1280):
    token = b64encode(f"{userid}:{PASSWORD}".encode()).decode()
    context = chromium.new_context(
        locale="zh-CN",
        viewport={"width": width, "height": 900},
        extra_http_headers={"Authorization": f"Basic {token}"},
    )
    return context, context.new_page()


def follow(page, target):
    """Click a link or button and wait for the page it loads."""
    with page.expect_navigation():
        target.click()


@pytest.mark.e2e
def test_coordinator_confirms_from_queue(site, chromium, screenshot):
    portal, agencies, doc = site
    context, page = login(chromium, "coord_b")
    page.goto(f"{portal.absolute_url()}/@@coordination-queue")
    assert "待本单位确认" in page.locator("h1").inner_text()
    follow(page, page.get_by_role("link", name=TITLE))
    assert "协调单位确认" in page.content()
    page.locator("#coordination-opinion").fill("同意联合发文，请按期发布。")
    page.locator(".review-panel").screenshot(
        path=str(screenshot(page, "coordination-coordinator-answers"))
    )
    follow(page, page.get_by_role("button", name="确认", exact=True))
    assert "您的意见已记录" in page.content()
    row = page.locator("table.coordination-records tr.coordination-confirm")
    assert "冯财政" in row.inner_text()
    assert "通辽市教育局" in page.locator("tr.coordination-pending").inner_text()
    page.goto(f"{portal.absolute_url()}/@@coordination-queue")
    assert "暂无待本单位确认的文件" in page.content()
    context.close()
    # 教育局 objects; the document reaches the approver.
    transaction.begin()
    with api.env.adopt_user(username="coord_c"):
        coordination.decide(doc, "object", "第三条涉及我局职责，建议修改")
    with api.env.adopt_user(username="dept"):
        perform(doc, "pass", "同意")
    with api.env.adopt_user(username="secrecy"):
        perform(doc, "pass", "同意", CLEAR)
    transaction.commit()
    # The approver's panel, on a phone and on a desktop.
    for width in (360, 1280):
        context, page = login(chromium, "approver", width=width)
        page.goto(f"{doc.absolute_url()}/@@review-panel")
        records = page.locator("table.coordination-records").inner_text()
        assert "冯财政" in records and "陈教育" in records and "有异议" in records
        assert "通辽市教育局" in page.locator("ul.review-blocked").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 10
        # The panel only: the site's staff warnings fill the top of the page.
        path = screenshot(page, f"coordination-panel-{width}")
        page.locator(".review-panel").screenshot(path=str(path))
    # The approver overrides with a reason, then approves.
    follow(page, page.get_by_role("button", name="说明理由后越过确认"))
    assert "请在意见中写明越过确认的理由" in page.content()
    page.locator("#coordination-opinion").fill("经市政府常务会议研究，同意发布")
    follow(page, page.get_by_role("button", name="说明理由后越过确认"))
    assert "周领导" in page.locator(".coordination-override").inner_text()
    follow(page, page.get_by_role("button", name="通过"))
    assert "已发布" in page.locator(".review-state").inner_text()
    page.goto(f"{doc.absolute_url()}/@@approval-sheet")
    sheet = page.locator("table").inner_text()
    assert "冯财政" in sheet and "陈教育" in sheet and "经市政府常务会议研究" in sheet
    screenshot(page, "coordination-approval-sheet")
    context.close()
