"""The review workflow over real HTTP: three users, REST and HTML, mail, denials."""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from tests.helpers import rel as path_of
from tests.review_support import CLEAR
from tests.review_support import create_item
from tests.review_support import PASSWORD
from tests.review_support import publish
from tests.review_support import submit

import pytest
import re
import socket
import time
import transaction


@pytest.fixture
def site(review_world, functional_portal):
    """conftest.py's review_world: the agency and the staff, built once."""
    return functional_portal


@pytest.fixture
def doc(site):
    obj = create_item(site, title="关于做好春季防火工作的通知", text="正文：春季防火")
    transaction.commit()
    return obj


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


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"

    def wait_for(self, count, timeout=10):
        deadline = time.time() + timeout
        while len(self.messages) < count and time.time() < deadline:
            time.sleep(0.05)
        return self.messages


@pytest.fixture
def smtp_sink(site):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    # Plone's MailHost reads its server from the registry (mail control panel).
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "gk@tongliao.example")
    api.portal.set_registry_record("plone.email_from_name", "通辽市政务公开平台")
    transaction.commit()
    yield sink
    controller.stop()


def test_three_users_take_it_to_published_over_http(doc, rest):
    url = path_of(doc)
    response = rest("editor").post(f"{url}/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    steps = [
        ("dept", {"action": "pass", "opinion": "内容准确，同意"}),
        ("secrecy", {"action": "pass", "opinion": "不涉密", "checklist": CLEAR}),
        ("approver", {"action": "pass", "opinion": "同意公开"}),
    ]
    for userid, body in steps:
        info = rest(userid).get(f"{url}/@review").json()
        assert [s["action"] for s in info["steps"] if s["allowed"]] == [
            "pass",
            "reject",
        ]
        response = rest(userid).post(f"{url}/@review", json=body)
        assert response.status_code == 201, response.text
    info = rest("editor").get(f"{url}/@review").json()
    assert info["review_state"] == "published"
    assert [(r["step"], r["decision"], r["actor"]) for r in info["records"]] == [
        ("department_review", "pass", "dept"),
        ("secrecy_review", "pass", "secrecy"),
        ("approval", "pass", "approver"),
    ]
    assert info["records"][1]["checklist"] == CLEAR
    assert info["steps"] == [
        {
            "action": "withdraw",
            "transition": "withdraw",
            "needs_opinion": True,
            "needs_checklist": False,
            "needs_confirmation": None,
            "allowed": True,
            "blocked_by": [],
        }
    ]
    public = rest().get(url)
    assert public.status_code == 200
    assert public.json()["effective"]
    # Records are for staff: anonymous gets no @review even on a published item.
    assert rest().get(f"{url}/@review").status_code == 401
    assert rest("member").get(f"{url}/@review").status_code in (401, 403)


@pytest.mark.parametrize(
    "transition",
    ["pass_department_review", "pass_secrecy_review", "approve", "reject"],
)
def test_plain_workflow_refuses_review_transitions(doc, rest, transition):
    submit(doc)
    with api.env.adopt_user(username="dept"):
        from tongliao.disclosure.review.workflow import perform

        if transition in ("pass_secrecy_review", "approve"):
            perform(doc, "pass")
    if transition == "approve":
        with api.env.adopt_user(username="secrecy"):
            perform(doc, "pass", "", CLEAR)
    transaction.commit()
    reviewer = {"pass_department_review": "dept", "reject": "dept"}.get(
        transition, "secrecy" if transition == "pass_secrecy_review" else "approver"
    )
    url = path_of(doc)
    before = rest(reviewer).get(f"{url}/@review").json()
    response = rest(reviewer).post(f"{url}/@workflow/{transition}", json={})
    assert response.status_code == 403
    assert "审查记录" in response.json()["error"]["message"]
    after = rest(reviewer).get(f"{url}/@review").json()
    assert after == before


@pytest.mark.parametrize(
    "userid,body,status,message",
    [
        ("editor", {"action": "pass"}, 403, "您无权执行此审核操作。"),
        ("dept", {"action": "reject", "opinion": ""}, 400, "请在审核意见中填写理由。"),
        ("secrecy", {"action": "pass"}, 403, "您无权执行此审核操作。"),
        ("dept", {"action": "approve"}, 400, "请提交"),
        ("dept", {"action": "pass", "opinion": 5}, 400, "审核意见必须是文字。"),
    ],
)
def test_review_post_errors_are_chinese(doc, rest, userid, body, status, message):
    submit(doc)
    transaction.commit()
    response = rest(userid).post(f"{path_of(doc)}/@review", json=body)
    assert response.status_code == status
    assert message in response.json()["error"]["message"]
    assert "Traceback" not in response.text


def test_published_cannot_be_modified_by_editor(doc, rest):
    publish(doc)
    transaction.commit()
    response = rest("editor").patch(path_of(doc), json={"title": "偷偷改标题"})
    assert response.status_code in (401, 403)
    assert rest().get(path_of(doc)).json()["title"] == "关于做好春季防火工作的通知"


def test_edit_in_review_over_http_returns_to_draft(doc, rest):
    submit(doc)
    transaction.commit()
    url = path_of(doc)
    response = rest("editor").patch(url, json={"title": "修改后的标题"})
    assert response.status_code == 204, response.text
    info = rest("editor").get(f"{url}/@review").json()
    assert info["review_state"] == "draft"
    assert info["records"][-1]["decision"] == "returned"


def test_panel_in_the_browser(doc, browser_session):
    submit(doc)
    transaction.commit()
    url = path_of(doc)
    dept = browser_session(("dept", PASSWORD))
    page = dept.get(f"{url}/@@review-panel")
    assert page.status_code == 200
    assert "审查记录" in page.text and "待您办理" in page.text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    refused = dept.post(
        f"{url}/@@review-panel",
        data={"_authenticator": token, "form.action": "reject", "opinion": ""},
    )
    assert refused.status_code == 400
    assert "请在审核意见中填写理由。" in refused.text
    done = dept.post(
        f"{url}/@@review-panel",
        data={"_authenticator": token, "form.action": "pass", "opinion": "同意"},
    )
    assert done.status_code == 200
    assert "初审（信息提供部门）" in done.text and "通过" in done.text
    secrecy = browser_session(("secrecy", PASSWORD))
    page = secrecy.get(f"{url}/@@review-panel")
    assert "保密审查清单" in page.text and "是否涉及国家秘密？" in page.text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    answers = {f"checklist.{k}": "no" for k in CLEAR}
    risky = secrecy.post(
        f"{url}/@@review-panel",
        data={
            "_authenticator": token,
            "form.action": "pass",
            **answers,
            "checklist.trade_secret": "yes",
        },
    )
    assert risky.status_code == 400 and "不得通过" in risky.text
    ok = secrecy.post(
        f"{url}/@@review-panel",
        data={"_authenticator": token, "form.action": "pass", **answers},
    )
    assert ok.status_code == 200
    # Without the authenticator the form does nothing.
    approver = browser_session(("approver", PASSWORD))
    forged = approver.post(f"{url}/@@review-panel", data={"form.action": "pass"})
    assert forged.status_code in (403, 500) or "审核意见已记录" not in forged.text
    transaction.begin()
    assert api.content.get_state(doc) == "pending_approval"


def test_approval_sheet_shows_three_decisions(doc, browser_session):
    publish(doc)
    transaction.commit()
    sheet = browser_session(("editor", PASSWORD)).get(
        f"{path_of(doc)}/@@approval-sheet"
    )
    assert sheet.status_code == 200
    text = sheet.text
    assert "公文公开审批单" in text and "@page" in text and "A4" in text
    for expected in (
        "赵初审",
        "孙保密",
        "周领导",
        "主管领导批准",
        "是否涉及个人隐私？",
    ):
        assert expected in text
    assert doc.index_number in text
    anonymous = browser_session().get(
        f"{path_of(doc)}/@@approval-sheet", allow_redirects=False
    )
    assert anonymous.status_code in (302, 401, 403)
    assert "赵初审" not in anonymous.text


def test_review_queue(doc, site, browser_session):
    submit(doc)
    other = create_item(site, title="另一份草稿文件", owner="editor2")
    transaction.commit()
    page = browser_session(("dept", PASSWORD)).get("@@review-queue")
    assert page.status_code == 200
    assert "待我审核" in page.text
    assert "关于做好春季防火工作的通知" in page.text
    assert other.title not in page.text  # still a draft
    empty = browser_session(("secrecy", PASSWORD)).get("@@review-queue")
    assert "关于做好春季防火工作的通知" not in empty.text
    assert "暂无待您审核的信息。" in empty.text


def test_mail_failure_keeps_the_decision(doc, rest, site):
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", 9)  # nothing listens there
    api.portal.set_registry_record("plone.email_from_address", "gk@tongliao.example")
    transaction.commit()
    response = rest("editor").post(f"{path_of(doc)}/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    info = rest("editor").get(f"{path_of(doc)}/@review").json()
    assert info["review_state"] == "pending_department_review"


def test_next_reviewers_get_mail(doc, rest, smtp_sink):
    response = rest("editor").post(f"{path_of(doc)}/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    messages = smtp_sink.wait_for(2)
    assert sorted(r for rcpts, _m in messages for r in rcpts) == [
        "dept2@example.org",
        "dept@example.org",
    ]
    subject = str(make_header(decode_header(messages[0][1]["Subject"])))
    assert subject == "【待审核·初审】关于做好春季防火工作的通知"
    body = messages[0][1].get_payload(decode=True).decode("utf-8")
    assert "@@review-panel" in body and "@@review-queue" in body
    lines = body.splitlines()
    assert lines[0] == "“关于做好春季防火工作的通知”等待您的初审。"
    assert lines[2].startswith("请在此审核：http") and lines[3].startswith(
        "您的待审列表："
    )
    smtp_sink.messages.clear()
    rest("dept").post(
        f"{path_of(doc)}/@review", json={"action": "reject", "opinion": "请补充依据"}
    )
    messages = smtp_sink.wait_for(1)
    assert [rcpts for rcpts, _m in messages] == [["editor@example.org"]]
    assert "已退回" in str(make_header(decode_header(messages[0][1]["Subject"])))


def test_panel_and_queue_links(doc, browser_session):
    publish(doc)
    transaction.commit()
    page = browser_session(("editor", PASSWORD)).get(path_of(doc))
    assert page.status_code == 200
    assert "@@review-panel" in page.text
    assert "@@review-queue" in page.text
    public = browser_session().get(path_of(doc))
    assert public.status_code == 200 and doc.title in public.text
    assert "@@review-panel" not in public.text
