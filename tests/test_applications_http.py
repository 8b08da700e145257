"""依申请公开 over real HTTP: online form, SMTP, staff actions, notices, lookup."""

from .applications_support import APPLICANT
from .applications_support import APPLY_CHOICES
from .applications_support import apply_form_data
from .applications_support import apply_online
from .applications_support import code_of
from .applications_support import officer_action
from .applications_support import PASSWORD
from .applications_support import PDF
from .applications_support import PROOF_INPUT
from .applications_support import the_case
from .applications_support import token_of
from docx import Document
from io import BytesIO
from plone import api
from tongliao.disclosure.calendar import site_today

import pytest
import re
import transaction


@pytest.fixture
def site(applications_site):
    return applications_site


def docx_text(data):
    return "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)


class TestOnlineForm:
    def test_form_is_chinese(self, site, browser_session):
        response = browser_session().get("agency/@@apply")
        assert "申请公开政府信息" in response.text
        assert "申请人姓名或名称" in response.text

    def test_success_shows_and_mails_code(self, site, browser_session, smtp_sink):
        response = apply_online(browser_session)
        assert response.status_code == 200
        code = code_of(response)
        assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}", code)
        sink, _port = smtp_sink
        assert len(sink.messages) == 1
        assert code in sink.messages[0].get_content()
        assert sink.messages[0]["To"] == APPLICANT["email"]
        app = the_case(site)
        assert app.channel == "online"
        assert api.content.get_state(app) == "registered"
        assert app.stored_files("evidence")[0]["file"].data.startswith(b"%PDF")
        # The confirmation shows the reply deadline and offers the receipt.
        assert re.search(
            r'id="reply-deadline">\d{4}年\d{1,2}月\d{1,2}日<', response.text
        )
        links = dict(
            re.findall(
                r'<a href="([^"]+)"[^>]*>\s*(PDF|DOCX|打印)\s*</a>', response.text
            )
        )
        by_label = {label: url.replace("&amp;", "&") for url, label in links.items()}
        pdf = browser_session().get(by_label["PDF"])
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
        printable = browser_session().get(by_label["打印"])
        assert printable.status_code == 200
        assert "政府信息公开申请受理回执" in printable.text
        assert code in printable.text
        assert "网上申请" in printable.text

    @pytest.mark.parametrize(
        "override,field,message",
        [
            ({"id_number": "110105194912310021"}, "id_number", "校验码"),
            ({"applicant_name": ""}, "applicant_name", "必填"),
            ({"phone": "123"}, "phone", "电话"),
            ({"email": "not-an-email"}, "email", "电子邮件"),
            ({"applicant_type": "alien"}, "applicant_type", "选项"),
            (
                {"applicant_type": "business", "id_number": "11150500MB1604391D"},
                "id_number",
                "校验",
            ),
        ],
    )
    def test_bad_input_is_refused_in_chinese(
        self, site, browser_session, override, field, message
    ):
        response = apply_online(browser_session, **override)
        assert response.status_code == 400
        assert "请更正标出的字段" in response.text
        assert message in response.text
        # Nothing lost: the other values are still in the form.
        assert APPLICANT["description"] in response.text
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        assert not catalog.unrestrictedSearchResults(
            portal_type="DisclosureApplication"
        )

    @pytest.mark.parametrize(
        "upload,message",
        [
            (("id.exe", b"MZ\x90\x00", "application/octet-stream"), "PDF"),
            (("id.pdf", b"not a pdf", "application/pdf"), "PDF"),
            (("id.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20 * 1024, "image/png"), "KB"),
        ],
    )
    def test_bad_attachment(self, site, browser_session, upload, message):
        with api.env.adopt_roles(["Manager"]):
            api.portal.set_registry_record(
                "tongliao.disclosure.application_attachment_max_kb", 10
            )
        transaction.commit()
        session = browser_session()
        page = session.get("agency/@@apply")
        data = {**apply_form_data(APPLICANT), "_authenticator": token_of(page.text)}
        response = session.post(
            "agency/@@apply", data=data, files={PROOF_INPUT: upload}
        )
        assert response.status_code == 400
        assert message in response.text

    def test_honeypot(self, site, browser_session):
        response = apply_online(browser_session, homepage="http://spam.example")
        assert response.status_code == 400
        assert "tracking-code" not in response.text

    def test_missing_authenticator(self, site, browser_session):
        response = browser_session().post(
            "agency/@@apply", data=apply_form_data(APPLICANT), files={PROOF_INPUT: PDF}
        )
        assert response.status_code == 400
        assert "页面已过期" in response.text

    def test_rate_limit(self, site, browser_session):
        statuses = [
            apply_online(browser_session, description=f"文件{n}").status_code
            for n in range(6)
        ]
        assert statuses == [200] * 5 + [429]


class TestLookup:
    def test_identical_answers_for_unknown_code_and_wrong_phone(
        self, site, browser_session, request_factory
    ):
        code = code_of(apply_online(browser_session))
        api_session = request_factory()
        good = api_session.get(f"@application-status?code={code}&phone_tail=5678")
        assert good.status_code == 200
        assert good.json()["state"] == "registered"
        assert good.json()["state_title"] == "已登记"
        assert "张三丰" not in good.text
        wrong_phone = api_session.get(
            f"@application-status?code={code}&phone_tail=5679"
        )
        unknown = api_session.get(
            "@application-status?code=ABCD-EFGH-JKMN&phone_tail=5678"
        )
        garbage = api_session.get("@application-status?code=x&phone_tail=１a")
        for response in (wrong_phone, unknown, garbage):
            assert response.status_code == 404
            assert response.content == unknown.content
        # An empty field is said, not looked up.
        for query, missing in (
            ("code=&phone_tail=", "查询码和手机号码后四位"),
            (f"code={code}&phone_tail=", "手机号码后四位"),
            ("code=&phone_tail=5678", "查询码"),
        ):
            empty = api_session.get(f"@application-status?{query}")
            assert empty.status_code == 400
            assert missing in empty.json()["error"]["message"]
        # POST with a JSON body keeps code and tail out of the URL.
        posted = api_session.post(
            "@application-status", json={"code": code, "phone_tail": "5678"}
        )
        assert posted.status_code == 200
        assert posted.json()["state"] == "registered"
        assert posted.json()["receipt"]["title"] == "政府信息公开申请受理回执"
        wrong_post = api_session.post(
            "@application-status", json={"code": code, "phone_tail": "5679"}
        )
        assert wrong_post.status_code == 404
        assert wrong_post.content == unknown.content
        for body in ("[1]", "not json", '{"code": 5, "phone_tail": []}'):
            bad = api_session.post(
                "@application-status",
                data=body,
                headers={"Content-Type": "application/json"},
            )
            assert bad.status_code == 400
            assert bad.json()["error"]["message"]
        empty_page = browser_session().post("@@application-lookup", data={})
        assert empty_page.status_code == 400
        assert "请输入查询码和手机号码后四位" in empty_page.text
        page_wrong = browser_session().get(
            f"@@application-lookup?code={code}&phone_tail=0000"
        )
        page_unknown = browser_session().get(
            "@@application-lookup?code=ABCD-EFGH-JKMN&phone_tail=5678"
        )
        assert page_wrong.status_code == page_unknown.status_code == 404
        assert page_wrong.text.replace(code, "").count("未找到") == 1
        page = browser_session().get(
            f"@@application-lookup?code={code}&phone_tail=5678"
        )
        assert "已登记" in page.text

    def test_lookup_rate_limit(self, site, request_factory):
        with api.env.adopt_roles(["Manager"]):
            api.portal.set_registry_record(
                "tongliao.disclosure.status_lookup_limit_per_ip", 3
            )
        transaction.commit()
        session = request_factory()
        statuses = [
            session.get(
                "@application-status?code=ABCD-EFGH-JKMN&phone_tail=1"
            ).status_code
            for _ in range(4)
        ]
        assert statuses == [404, 404, 404, 429]


# One outcome of each table-3 family, with what its notice must cite.
FAMILIES = [
    ("granted", "第36条第（二）项"),
    ("partial", "第37条"),
    ("state_secret", "第14条"),
    ("not_held", "第36条第（四）（五）项"),
    ("repeat", "第36条第（六）项"),
    ("other", "有关规定"),
]


@pytest.mark.parametrize("outcome,basis", FAMILIES)
def test_full_case_per_outcome_family(
    site, browser_session, request_factory, smtp_sink, outcome, basis
):
    sink, _port = smtp_sink
    code = code_of(apply_online(browser_session))
    app = the_case(site)
    url = app.absolute_url()
    officer_action(browser_session, url, "accept")
    officer_action(
        browser_session,
        url,
        "reply",
        outcome=outcome,
        reasons="经审查，理由详见本告知书。",
    )
    app = the_case(site)
    assert api.content.get_state(app) == "replied"
    assert app.outcome == outcome
    assert [event["type"] for event in app.get_events()] == [
        "received",
        "accept",
        "replied",
    ]
    # The applicant finds the notice with the code and downloads it.
    status = (
        request_factory().get(f"@application-status?code={code}&phone_tail=5678").json()
    )
    assert status["state"] == "replied"
    assert status["outcome"]["token"] == outcome
    (notice,) = status["notices"]
    download = browser_session().get(notice["url"])
    assert download.status_code == 200
    text = docx_text(download.content)
    assert "政府信息公开申请答复告知书" in text
    assert basis in text
    assert "六十日内" in text and "六个月内" in text
    assert "张三丰" in text
    # The same notice went to the applicant by email, as an attachment.
    reply_mail = sink.messages[-1]
    assert reply_mail["Subject"] == "政府信息公开申请答复告知书"
    attachment = next(reply_mail.iter_attachments())
    assert docx_text(attachment.get_content()) == text
    assert code not in notice["url"] and "5678" not in notice["url"]
    pdf = browser_session().get(notice["pdf_url"])
    assert pdf.status_code == 200
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    # A tampered token gives nothing.
    bad = browser_session().get(notice["url"][:-3] + "AAA")
    assert bad.status_code == 404
    officer_action(browser_session, url, "archive")
    assert api.content.get_state(the_case(site)) == "archived"


def test_staff_json_has_events_and_deadlines(site, browser_session, request_factory):
    apply_online(browser_session)
    app = the_case(site)
    officer = request_factory(basic_auth=("officer", PASSWORD))
    data = officer.get(f"agency/{app.getId()}").json()
    assert data["applicant_name"] == "张三丰"
    assert data["events"][0]["type"] == "received"
    assert "第三十三条" in data["deadlines"]["explanations"]["reply_deadline"]
    assert data["deadlines"]["reply_deadline"]


def test_staff_registration_form(site, browser_session):
    session = browser_session(("officer", PASSWORD))
    page = session.get("agency/@@register-application")
    assert page.status_code == 200
    assert (
        "第三十一条" in page.text or "提交之日" in page.text or "双方确认" in page.text
    )


def test_staff_registration_offers_the_receipt(site, browser_session):
    """The page after registering a paper application offers the 受理回执
    (print, PDF, DOCX) at once, like the citizen's confirmation page."""
    session = browser_session(("officer", PASSWORD))
    page = session.get("agency/@@register-application")
    today = site_today()
    values = {**APPLICANT, "channel": "in_person", "received_date": today.isoformat()}
    data = {
        f"form.widgets.{name}"
        + (":list" if name in APPLY_CHOICES + ("channel",) else ""): value
        for name, value in values.items()
    }
    data["form.buttons.register"] = "登记"
    forged = session.post("agency/@@register-application", data=data)
    assert forged.status_code == 403
    data["_authenticator"] = token_of(page.text)
    response = session.post("agency/@@register-application", data=data)
    assert response.status_code == 200, response.text[-2000:]
    app = the_case(site)
    assert code_of(response) == app.tracking_code
    assert re.search(r'id="reply-deadline">\d{4}年\d{1,2}月\d{1,2}日<', response.text)
    links = dict(
        re.findall(
            r'<a [^>]*href="([^"]+)"[^>]*>\s*(PDF|DOCX|打印)\s*</a>', response.text
        )
    )
    by_label = {label: url.replace("&amp;", "&") for url, label in links.items()}
    assert set(by_label) == {"PDF", "DOCX", "打印"}
    pdf = session.get(by_label["PDF"])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    docx = docx_text(session.get(by_label["DOCX"]).content)
    assert "政府信息公开申请受理回执" in docx
    printable = session.get(by_label["打印"])
    assert "政府信息公开申请受理回执" in printable.text
    assert app.tracking_code in printable.text
    assert app.absolute_url() in response.text
    # The links are staff pages: anonymous gets no receipt through them.
    anonymous = browser_session().get(by_label["PDF"], allow_redirects=False)
    assert not anonymous.content.startswith(b"%PDF-")


# No-leak table -------------------------------------------------------------------

SECRETS = [
    APPLICANT["applicant_name"],
    APPLICANT["id_number"],
    APPLICANT["phone"],
    APPLICANT["email"],
    APPLICANT["address"],
]


@pytest.fixture
def case(site, browser_session):
    code = code_of(apply_online(browser_session))
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        agency = site["agency"]
        from Products.CMFPlone.interfaces.syndication import IFeedSettings

        IFeedSettings(agency).enabled = True
        api.portal.set_registry_record("plone.enable_sitemap", True)
    transaction.commit()
    return the_case(site), code


CHANNELS = [
    ("item page", "html", "agency/{id}"),
    ("item REST", "api", "agency/{id}"),
    ("item REST expanded", "api", "agency/{id}?expand=breadcrumbs,navigation"),
    ("@search", "api", "@search?SearchableText=供热价格&fullobjects=1"),
    ("@search by name", "api", "@search?SearchableText=张三丰"),
    (
        "@search by type",
        "api",
        "@search?portal_type=DisclosureApplication&metadata_fields=_all",
    ),
    ("search page", "html", "@@search?SearchableText=供热价格"),
    ("sitemap", "html", "sitemap.xml.gz"),
    ("RSS", "html", "agency/RSS"),
    ("agency listing", "html", "agency/folder_contents"),
    ("agency REST listing", "api", "agency?fullobjects=1"),
    ("dashboard", "html", "@@applications-dashboard"),
    ("agency dashboard", "html", "agency/@@applications-dashboard"),
    ("notice download", "html", "agency/{id}/@@notice?id=f2"),
    ("evidence download", "html", "agency/{id}/@@evidence?id=f1"),
]
VIEWERS = [
    ("anonymous", None),
    ("site administrator", ("siteadmin", PASSWORD)),
]


def _body(response):
    if response.headers.get("Content-Type", "").startswith("application/x-gzip") or (
        response.content[:2] == b"\x1f\x8b"
    ):
        import gzip

        return gzip.decompress(response.content).decode("utf-8", "replace")
    return response.text


@pytest.mark.parametrize("viewer,auth", VIEWERS)
@pytest.mark.parametrize("channel,kind,path", CHANNELS)
def test_no_leak(
    case, browser_session, request_factory, viewer, auth, channel, kind, path
):
    app, code = case
    with api.env.adopt_roles(["Manager"]):
        from tongliao.disclosure.applications.actions import perform

        perform(app, "reply", outcome="granted")
    transaction.commit()
    if kind == "html":
        session = browser_session(auth) if auth else browser_session()
    else:
        session = request_factory(basic_auth=auth) if auth else request_factory()
    response = session.get(path.format(id=app.getId(), code=code))
    body = _body(response)
    for secret in SECRETS:
        assert secret not in body, f"{channel} shows {secret} to {viewer}"
    assert code not in body
    if viewer == "anonymous":
        # Not even the case's existence: its title never reaches anonymous.
        assert app.Title() not in body


def test_site_administrator_sees_masked_data(case, browser_session, request_factory):
    app, _code = case
    page = browser_session(("siteadmin", PASSWORD)).get(f"agency/{app.getId()}")
    assert page.status_code == 200
    assert "1101**********002X" in page.text
    assert "张**" in page.text
    data = (
        request_factory(basic_auth=("siteadmin", PASSWORD))
        .get(f"agency/{app.getId()}")
        .json()
    )
    assert "applicant_name" not in data and "tracking_code" not in data
    assert data["applicant_masked"]["id_number"] == "1101**********002X"
    assert data["events"][0]["type"] == "received"


def test_export_leaves_out_personal_data(case):
    """collective.exportimport serializes with our serializer: read permission holds."""
    from plone.app.testing import login
    from tongliao.disclosure.interfaces import IBrowserLayer
    from zope.component import getMultiAdapter
    from zope.globalrequest import getRequest
    from zope.interface import alsoProvides

    app, code = case
    portal = api.portal.get()
    request = getRequest() or portal.REQUEST
    alsoProvides(request, IBrowserLayer)

    def export(user):
        login(portal, user)
        view = getMultiAdapter((portal, request), name="export_content")
        view.portal_type = ["DisclosureApplication"]
        view.path = "/".join(portal.getPhysicalPath())
        view.depth = -1
        view.migration = True
        view.include_revisions = False
        view.include_blobs = 0
        view.errors = []
        return repr(list(view.export_content()))

    as_admin = export("siteadmin")
    assert app.getId() in as_admin  # the case itself is exported
    for secret in SECRETS:
        assert secret not in as_admin
    assert code not in as_admin
    # The officer, who holds the permission, exports the full record.
    assert APPLICANT["id_number"] in export("officer")
