"""One validation path for DisclosureApplication, whatever the channel.

REST answers 400 with a translated message (never 500); lengths are schema
limits; phone, ID number and tracking code are normalised before they are
stored and compared; the rate limit counts accepted applications only; an
identical submission within the window returns the first case.
"""

from .applications_support import APPLICANT
from .applications_support import apply_online
from .applications_support import code_of
from .applications_support import PASSWORD
from plone import api
from tongliao.disclosure.applications.content import check_applicant_id
from tongliao.disclosure.applications.content import normalize_tracking_code
from zope.interface import Invalid

import pytest
import transaction


def rest_create(request_factory, **override):
    session = request_factory(role="Manager")
    session.headers["Accept-Language"] = "zh-cn"
    payload = {
        "@type": "DisclosureApplication",
        **APPLICANT,
        "channel": "in_person",
        "received_date": "2026-09-01",
        **override,
    }
    return session.post("agency", json=payload)


def the_only_case():
    transaction.begin()
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="DisclosureApplication"
    )
    return [brain._unrestrictedGetObject() for brain in brains]


@pytest.mark.usefixtures("applications_site")
class TestRest:
    def test_valid_create(self, request_factory):
        response = rest_create(request_factory)
        assert response.status_code == 201, response.text

    @pytest.mark.parametrize(
        "override,chinese",
        [
            ({"email": "not-an-address"}, "电子邮箱"),
            ({"phone": "12-34"}, "7位"),
            ({"applicant_name": "张" * 5000}, None),
            ({"description": "x" * 5001}, None),
            ({"id_number": "110105194912310021"}, "校验码"),
            ({"id_type": "passport", "id_number": "护照123"}, "格式"),
            ({"applicant_type": "business", "id_type": "passport"}, "证件"),
        ],
    )
    def test_bad_input_is_400_with_a_message(self, request_factory, override, chinese):
        response = rest_create(request_factory, **override)
        assert response.status_code == 400, response.text[:500]
        body = response.json()
        text = str(body)
        assert "Traceback" not in text
        if chinese:
            assert chinese in text, text
        assert the_only_case() == []

    def test_full_width_phone_is_stored_and_looked_up(self, request_factory):
        response = rest_create(
            request_factory,
            phone="１３８ １２３４ ５６７８",
            id_number="11010519491231002x",
        )
        assert response.status_code == 201, response.text
        (app,) = the_only_case()
        assert app.phone == "138 1234 5678"
        assert app.id_number == "11010519491231002X"
        anonymous = request_factory()
        code = app.tracking_code.lower().replace("-", " ")
        for tail in ("5678", "５６７８"):
            found = anonymous.get(f"@application-status?code={code}&phone_tail={tail}")
            assert found.status_code == 200, found.text
        for tail in ("５６７９", "五六七八", "🙂"):
            missing = anonymous.get(
                f"@application-status?code={code}&phone_tail={tail}"
            )
            assert missing.status_code == 404
        unknown = anonymous.get("@application-status?code=ＡＢＣＤ&phone_tail=五六七八")
        assert unknown.status_code == 404


@pytest.mark.usefixtures("applications_site")
class TestOnlineForm:
    def test_failed_validations_do_not_count(self, browser_session):
        for _n in range(6):
            failed = apply_online(browser_session, email="broken")
            assert failed.status_code == 400
            assert "电子邮件" in failed.text
        accepted = apply_online(browser_session)
        assert accepted.status_code == 200

    def test_identical_submission_returns_the_first_case(self, browser_session):
        first = code_of(apply_online(browser_session))
        again = code_of(apply_online(browser_session, phone="１３８１２３４５６７８"))
        assert again == first
        assert len(the_only_case()) == 1
        other = code_of(apply_online(browser_session, description="另一份文件"))
        assert other != first
        assert len(the_only_case()) == 2

    def test_non_numeric_period_is_a_message(self, browser_session):
        code_of(apply_online(browser_session))
        (app,) = the_only_case()
        url = app.absolute_url()
        session = browser_session(("officer", PASSWORD))
        page = session.get(url)
        token = page.text.split('name="_authenticator" value="')[1].split('"')[0]
        response = session.post(
            f"{url}/@@application-action",
            data={
                "action": "request_correction",
                "_authenticator": token,
                "items": "写明文号",
                "period_days": "十五天",
            },
        )
        assert response.status_code == 200
        assert "请输入整数" in response.text
        transaction.begin()
        assert not app.has_event("correction_requested")


@pytest.mark.parametrize(
    "applicant_type,id_type,number,expected",
    [
        ("natural_person", None, "11010519491231002X", "11010519491231002X"),
        (
            "natural_person",
            "resident_id",
            "１１０１０５ １９４９１２３１００２ｘ",
            "11010519491231002X",
        ),
        ("natural_person", "passport", "e12345678", "E12345678"),
        ("natural_person", "hk_macao_permit", "H12345678", "H12345678"),
        ("natural_person", "taiwan_permit", "12345678", "12345678"),
        (
            "natural_person",
            "foreign_permanent_resident",
            "USA123456789012",
            "USA123456789012",
        ),
        ("natural_person", "other", "军官证 第123号", "军官证 第123号"),
        ("business", None, "91110000600037341L", "91110000600037341L"),
        ("business", "uscc", "91110000-600037341l", "91110000600037341L"),
    ],
)
def test_identity_documents_accepted(applicant_type, id_type, number, expected):
    assert check_applicant_id(applicant_type, number, id_type=id_type) == expected


@pytest.mark.parametrize(
    "applicant_type,id_type,number",
    [
        ("natural_person", None, "110105194912310021"),  # check digit
        ("natural_person", None, "11010519491331002X"),  # month 13
        ("natural_person", "passport", "E12"),  # too short
        ("natural_person", "hk_macao_permit", "X12345678"),
        ("natural_person", "taiwan_permit", "1234567"),
        ("natural_person", "foreign_permanent_resident", "930000200001010012"),
        ("natural_person", "uscc", "91110000600037341L"),  # not for persons
        ("business", None, "91110000600037341M"),  # check character
        ("business", None, "9111000060003734"),  # length
        ("business", "passport", "E12345678"),  # not for organisations
    ],
)
def test_identity_documents_refused(applicant_type, id_type, number):
    with pytest.raises(Invalid):
        check_applicant_id(applicant_type, number, id_type=id_type)


def test_tracking_code_normalised():
    assert normalize_tracking_code("ａｂｃｄ－ｅｆｇｈ ｊｋｍｎ") == "ABCDEFGHJKMN"
    assert normalize_tracking_code("abcd—efgh—jkmn") == "ABCDEFGHJKMN"
    assert normalize_tracking_code("ABCD-EFGH-JKM0") == ""


@pytest.mark.usefixtures("applications_site")
def test_lookup_by_post_without_referrer(browser_session, request_factory):
    code = code_of(apply_online(browser_session))
    page = browser_session().get("@@application-lookup")
    assert 'method="post"' in page.text
    assert page.headers["Referrer-Policy"] == "no-referrer"
    found = browser_session().post(
        "@@application-lookup", data={"code": code, "phone_tail": "５６７８"}
    )
    assert found.status_code == 200
    assert "已登记" in found.text
    assert found.headers["Referrer-Policy"] == "no-referrer"
    status = request_factory().get(f"@application-status?code={code}&phone_tail=5678")
    assert status.headers["Referrer-Policy"] == "no-referrer"
    form = browser_session().get("agency/@@apply")
    assert form.headers["Referrer-Policy"] == "no-referrer"
