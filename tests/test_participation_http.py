"""Complaints and messages over real HTTP: the public forms and lookups, the
staff actions, and that published cases leak no personal data through the
page, REST, @search or the catalogue's metadata."""

from .applications_support import PASSWORD as OFFICER_PASSWORD
from .applications_support import token_of
from .complaints_support import COMPLAINANT
from .complaints_support import make_staff
from .complaints_support import SECRETS
from .complaints_support import WRITER
from .rest_docs import record
from .review_support import PASSWORD
from io import BytesIO
from plone import api
from pypdf import PdfReader
from tongliao.disclosure.complaints.workflow import perform as complaint_action
from tongliao.disclosure.messages.workflow import perform as message_action

import pytest
import re
import transaction


@pytest.fixture
def site(applications_site):
    make_staff(applications_site)
    transaction.commit()
    return applications_site


def only(portal, portal_type):
    transaction.begin()
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type=portal_type
    )
    assert len(brains) == 1
    return brains[0]._unrestrictedGetObject()


def file_online(session, view, data):
    page = session.get(view)
    assert page.status_code == 200
    return session.post(view, data={**data, "_authenticator": token_of(page.text)})


def assert_no_secrets(text):
    leaked = [secret for secret in SECRETS if secret in text]
    assert leaked == []


def test_complaint_form_refuses_bad_input_and_keeps_it(site, browser_session):
    session = browser_session()
    assert "/@@complain" in session.get("").text  # the footer links to the form
    page = session.get("@@complain")
    assert "政府信息公开工作举报" in page.text
    assert "如需答复，请至少留下一种联系方式" in page.text
    agency_uid = site["agency"].UID()
    response = file_online(
        session,
        "@@complain",
        {
            **COMPLAINANT,
            "agency_uid": agency_uid,
            "details": "",
            "phone": "12",
            "category": "nonsense",
            "application_code": "ABCD-EFGH-JKMN",
        },
    )
    assert response.status_code == 400
    assert "请更正标出的字段" in response.text
    for message in ("必填", "至少7位", "请从选项中选择", "没有与该查询码对应的申请"):
        assert message in response.text
    assert COMPLAINANT["complainant_name"] in response.text  # nothing lost
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(portal_type="DisclosureComplaint")


def test_complaint_filed_looked_up_handled_and_published(
    site, browser_session, request_factory
):
    session = browser_session()
    agency_uid = site["agency"].UID()
    response = file_online(
        session, "@@complain", {**COMPLAINANT, "agency_uid": agency_uid}
    )
    assert response.status_code == 200, response.text[-2000:]
    code = re.search(r'id="tracking-code">([^<]+)<', response.text).group(1)
    # Lookup: wrong tail 404, right tail shows the state; REST likewise.
    miss = session.post("@@complaint-lookup", data={"code": code, "phone_tail": "0000"})
    assert miss.status_code == 404
    assert "未找到" in miss.text
    hit = session.post("@@complaint-lookup", data={"code": code, "phone_tail": "5678"})
    assert hit.status_code == 200
    assert "已收到" in hit.text and "通辽市发展和改革委员会" in hit.text
    assert 'id="lookup-downloads"' not in hit.text  # no written reply yet
    rest = request_factory()
    answer = rest.post("@complaint-status", json={"code": code, "phone_tail": "5678"})
    assert answer.status_code == 200
    assert answer.json()["state"] == "received"
    assert answer.json()["due_date"]
    # The example in docs/rest/ with fixed dates and code (they change per run).
    days = sorted(set(re.findall(r"\d{4}-\d{2}-\d{2}", answer.text)))
    fixed = dict(zip(days, ("2026-09-28", "2026-10-10"), strict=True))
    record(
        "complaint-status",
        answer,
        "举报受理: status lookup (POST)",
        {code: "ABCD-EFGH-JKMN", **fixed},
    )
    assert rest.post("@complaint-status", json={"code": code}).status_code == 400
    assert rest.post("@complaint-status", data="[").status_code == 400

    case = only(site, "DisclosureComplaint")
    url = case.absolute_url()
    path = "/".join(case.getPhysicalPath()[2:])
    # Not public before publication; the agency's officer cannot open it.
    assert session.get(path, allow_redirects=False).status_code in (302, 401)
    officer = browser_session(("officer", OFFICER_PASSWORD))
    assert officer.get("agency/@@applications-dashboard").status_code == 200
    assert officer.get(path, allow_redirects=False).status_code in (302, 401, 403)
    # The handler accepts through the case page's form.
    handler = browser_session(("handler", PASSWORD))
    page = handler.get(path)
    assert page.status_code == 200
    assert COMPLAINANT["phone"] in page.text  # staff see the contact
    done = handler.post(
        f"{path}/@@complaint-action",
        data={"action": "accept", "_authenticator": token_of(page.text)},
    )
    assert done.status_code == 200
    bad = handler.post(
        f"{path}/@@complaint-action",
        data={"action": "conclude", "_authenticator": token_of(page.text)},
    )
    assert bad.status_code == 400
    transaction.begin()
    assert api.content.get_state(case) == "accepted"
    with api.env.adopt_user(username="handler"):
        complaint_action(case, "investigate")
        complaint_action(
            case, "conclude", substantiated="yes", finding="属实", measures="限期整改"
        )
        complaint_action(case, "reply", reply_text="经查属实，已责令限期整改。")
        complaint_action(
            case, "propose_publication", public_summary="某机关逾期未答复申请，已整改。"
        )
    with api.env.adopt_user(username="approver"):
        complaint_action(case, "publish")
    transaction.commit()
    hit = session.post("@@complaint-lookup", data={"code": code, "phone_tail": "5678"})
    assert "经查属实，已责令限期整改。" in hit.text
    # The written reply: a short-lived link on the lookup, a PDF in CJK fonts.
    link = (
        re.search(r'id="lookup-downloads".*?<a href="([^"]+)"', hit.text, re.S)
        .group(1)
        .replace("&amp;", "&")
    )
    assert code not in link
    letter = session.get(link)
    assert letter.status_code == 200
    assert letter.headers["Content-Type"] == "application/pdf"
    text = "".join(
        page.extract_text() for page in PdfReader(BytesIO(letter.content)).pages
    )
    compact = re.sub(r"\s+", "", text.replace("\x00", ""))
    for expected in (
        "举报处理答复书",
        "李举报",
        "经查：属实",
        "您反映的问题属实",
        "限期整改",
    ):
        assert expected in compact, expected
    forged = session.get(link[:-3] + "abc", allow_redirects=False)
    assert (
        forged.status_code == 302 and "complaint-lookup" in forged.headers["Location"]
    )
    assert not forged.content.startswith(b"%PDF")
    staff_letter = handler.get(f"{path}/@@reply-letter")
    assert staff_letter.content.startswith(b"%PDF")
    denied = session.get(f"{path}/@@reply-letter", allow_redirects=False)
    assert denied.status_code in (302, 401, 403)

    public = session.get(path)
    assert public.status_code == 200
    assert "某机关逾期未答复申请，已整改。" in public.text
    assert_no_secrets(public.text)
    assert code not in public.text
    as_json = rest.get(path)
    assert as_json.status_code == 200
    assert_no_secrets(as_json.text)
    assert code not in as_json.text
    search = rest.get(
        "@search",
        params={
            "portal_type": "DisclosureComplaint",
            "metadata_fields": "_all",
            "fullobjects": "1",
        },
    )
    assert search.status_code == 200
    assert [item["@id"] for item in search.json()["items"]] == [url]
    assert_no_secrets(search.text)
    assert code not in search.text
    plain = rest.get(
        "@search",
        params={"portal_type": "DisclosureComplaint", "metadata_fields": "_all"},
    )
    assert_no_secrets(plain.text)


def test_message_asked_answered_published(site, browser_session, request_factory):
    session = browser_session()
    form = session.get("agency/@@write-message")
    assert "信息公开意见箱" in form.text
    data = {**WRITER, "publication_consent": "on"}
    response = file_online(session, "agency/@@write-message", data)
    assert response.status_code == 200, response.text[-2000:]
    code = re.search(r'id="tracking-code">([^<]+)<', response.text).group(1)
    item = only(site, "PublicMessage")
    assert item.publication_consent is True
    path = "/".join(item.getPhysicalPath()[2:])
    assert session.get(path, allow_redirects=False).status_code in (302, 401)
    with api.env.adopt_user(username="officer"):
        message_action(item, "answer", answer="指南见本机关政府信息公开专栏。")
        message_action(item, "propose_publication")
    with api.env.adopt_user(username="approver"):
        message_action(item, "publish")
    transaction.commit()
    hit = session.post("@@message-lookup", data={"code": code, "phone_tail": "1234"})
    assert "指南见本机关政府信息公开专栏。" in hit.text
    listing = session.get("agency/@@messages")
    assert WRITER["title"] in listing.text
    public = session.get(path)
    assert public.status_code == 200
    assert WRITER["question"] in public.text
    assert_no_secrets(public.text)
    rest = request_factory()
    as_json = rest.get(path)
    assert_no_secrets(as_json.text)
    search = rest.get(
        "@search",
        params={
            "portal_type": "PublicMessage",
            "metadata_fields": "_all",
            "fullobjects": "1",
        },
    )
    assert len(search.json()["items"]) == 1
    assert_no_secrets(search.text)
    status = rest.post("@message-status", json={"code": code, "phone_tail": "1234"})
    assert status.json()["answer"] == "指南见本机关政府信息公开专栏。"


def test_complaints_are_rate_limited_per_ip(site, browser_session):
    api.portal.set_registry_record("tongliao.disclosure.participation_limit_per_ip", 1)
    transaction.commit()
    session = browser_session()
    data = {**COMPLAINANT, "agency_uid": site["agency"].UID()}
    assert file_online(session, "@@complain", data).status_code == 200
    refused = file_online(session, "@@complain", data)
    assert refused.status_code == 429
    assert "提交次数过多" in refused.text
    assert COMPLAINANT["details"] in refused.text  # nothing typed is lost
    # Messages have their own bucket.
    message = file_online(session, "agency/@@write-message", WRITER)
    assert message.status_code == 200
