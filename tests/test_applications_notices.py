"""Receipts and notices of a case: 文号, remedy clause, families, PDF text and font.

Each PDF is rendered with fpdf2 and read back with pypdf: the text checked
here is what the applicant reads, and the embedded font must be a CJK one.
"""

from datetime import date
from io import BytesIO
from plone import api
from pypdf import PdfReader
from tests.world_support import agency_world
from tongliao.disclosure.applications.actions import perform
from tongliao.disclosure.applications.links import make_token
from tongliao.disclosure.applications.links import read_token
from tongliao.disclosure.applications.notice_numbers import get_counter
from tongliao.disclosure.applications.notices import notice_pdf
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.interfaces import REMEDY_CLAUSE_UNNAMED

import pytest
import re


APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "张三丰",
    "id_number": "11010519491231002X",
    "phone": "13812345678",
    "address": "通辽市科尔沁区和平路1号",
    "email": "zhang@example.org",
    "description": "2025年通辽市城区供热价格调整文件",
    "provision_form": "email",
    "obtain_method": "email",
}


def make_agency(portal, id_="agency", **settings):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal,
            type="DisclosureAgency",
            id=id_,
            title="通辽市发展和改革委员会",
            credit_code="11150500MB1604391C",
            phone="0475-8888888",
            address="通辽市科尔沁区西拉木伦大街1号",
            **settings,
        )


notices_world = agency_world(
    "notices_world",
    notice_number_prefix="通发改信公",
    review_organ="通辽市人民政府",
    court="通辽市科尔沁区人民法院",
)


@pytest.fixture
def agency(notices_world, portal):
    return portal.unrestrictedTraverse(notices_world)


def make_case(agency, received=date(2026, 9, 1), channel="in_person", name="case"):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=agency,
            type="DisclosureApplication",
            id=name,
            channel=channel,
            received_date=received,
            **APPLICANT,
        )


def act(app, action, day, **params):
    with api.env.adopt_roles(["Manager"]):
        return perform(app, action, day=day, **params)


def pdf_text(data):
    """Text of every page, without the spaces and NULs pypdf puts between the
    glyphs of a CID font (poppler's pdftotext reads the same file cleanly)."""
    reader = PdfReader(BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[\s\x00]+", "", text)


def pdf_fonts(data):
    reader = PdfReader(BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def check_pdf(entry):
    data = notice_pdf(entry)
    assert data.startswith(b"%PDF-")
    fonts = pdf_fonts(data)
    assert fonts and all("CJK" in name for name in fonts), fonts
    return pdf_text(data)


class TestReceipt:
    def test_receipt_at_registration(self, agency):
        app = make_case(agency)
        (receipt,) = app.stored_files("receipt")
        assert receipt["title"] == "政府信息公开申请受理回执"
        # No 文号 on the receipt (the tracking code identifies it) and no
        # write of the agency's counter for a new case.
        assert receipt["number"] == ""
        assert get_counter(agency).peek(2026) == 0
        text = check_pdf(receipt)
        assert "政府信息公开申请受理回执" in text
        assert "〔2026〕" not in text
        assert app.tracking_code.replace("-", "") in text.replace("-", "")
        # In person: received the day it is handed over (art. 31(1)).
        assert "收到申请日期：2026年9月1日" in text
        # 20 working days, 2026-09-01 being day 0 (no holiday before 09-25).
        assert "2026年9月29日前作出答复" in text
        assert "@@application-lookup" in text
        assert "张三丰" in text
        # The receipt is not a notice of the case (no reply, no remedy clause).
        assert not app.stored_files("notice")
        assert "行政复议" not in text

    def test_receipt_deadline_spans_national_day(self, agency):
        app = make_case(agency, received=date(2026, 9, 20))
        (receipt,) = app.stored_files("receipt")
        text = "".join(receipt["paragraphs"])
        # 09-20 (a Sunday workday) is day 0: 09-21..24 are days 1-4, 中秋
        # 09-25..27 off, 09-28..30 days 5-7, 国庆 10-01..07 off, 10-08, 10-09
        # and Saturday 10-10 (a workday) days 8-10, 10-12..16 days 11-15,
        # 10-19..23 days 16-20.
        assert "2026年10月23日前作出答复" in text


class TestNoticeNumbers:
    def test_sequence_per_agency_and_year(self, portal, agency):
        other = make_agency(portal, id_="other", notice_number_prefix="通财信公")
        first = make_case(agency, name="a")
        act(first, "reply", date(2026, 9, 2), outcome="granted")
        second = make_case(other, name="b")
        act(second, "reply", date(2026, 9, 2), outcome="granted")
        numbers = [entry["number"] for entry in first.stored_files()]
        assert numbers == ["", "通发改信公〔2026〕1号"]
        assert second.stored_files("notice")[0]["number"] == "通财信公〔2026〕1号"
        third = make_case(agency, name="c")
        act(third, "request_correction", date(2026, 9, 3), items="请写明文号")
        assert third.stored_files("notice")[0]["number"] == "通发改信公〔2026〕2号"
        assert get_counter(agency).peek(2026) == 2
        assert get_counter(agency).peek(2027) == 0

    def test_default_prefix_and_remedy_when_agency_has_none(self, portal):
        plain = make_agency(portal, id_="plain")
        app = make_case(plain)
        act(app, "reply", date(2026, 9, 2), outcome="granted")
        (notice,) = app.stored_files("notice")
        assert notice["number"] == "依申请公开〔2026〕1号"
        clause = notice["paragraphs"][-4]
        assert "依法有管辖权的行政复议机关申请行政复议" in clause
        assert "有管辖权的人民法院提起行政诉讼" in clause


# outcome (and variant), what the PDF must say
FAMILIES = [
    ({"outcome": "granted"}, "第36条第（二）项"),
    ({"outcome": "partial"}, "第37条"),
    ({"outcome": "state_secret"}, "第14条"),
    ({"outcome": "not_held"}, "第36条第（四）（五）项"),
    ({"outcome": "repeat"}, "第36条第（六）项"),
    ({"outcome": "other"}, "有关规定"),
    (
        {
            "variant": "already_public",
            "public_location": "通辽市人民政府门户网站“政策文件”栏目（2025年第3号）",
        },
        "第三十六条第（一）项",
    ),
    (
        {
            "variant": "not_this_agency",
            "competent_agency": "通辽市住房和城乡建设局",
            "competent_agency_contact": "0475-8223456",
        },
        "第三十六条第（五）项",
    ),
]


@pytest.mark.parametrize("params,basis", FAMILIES)
def test_reply_notice_pdf_per_family(agency, params, basis):
    app = make_case(agency)
    act(app, "reply", date(2026, 9, 2), reasons="理由详见本告知书。", **params)
    (notice,) = app.stored_files("notice")
    text = check_pdf(notice)
    assert "政府信息公开申请答复告知书" in text
    assert "通发改信公〔2026〕1号" in text
    assert basis in text
    assert "张三丰" in text
    assert "2025年通辽市城区供热价格调整文件" in text
    # The remedy clause names the agency's review organ and court.
    assert "六十日内向通辽市人民政府申请行政复议" in text
    assert "六个月内向通辽市科尔沁区人民法院提起行政诉讼" in text
    for name in ("public_location", "competent_agency", "competent_agency_contact"):
        if name in params:
            assert re.sub(r"\s+", "", params[name]) in text
            assert app.last_event("replied")["data"][name] == params[name]


class TestVariants:
    def test_already_public_is_counted_as_granted(self, agency):
        app = make_case(agency)
        act(
            app,
            "reply",
            date(2026, 9, 2),
            variant="already_public",
            public_location="门户网站",
        )
        assert app.outcome == "granted"

    def test_not_this_agency_needs_the_competent_agency(self, agency):
        app = make_case(agency)
        with pytest.raises(ActionError) as excinfo:
            act(app, "reply", date(2026, 9, 2), variant="not_this_agency")
        assert "responsible" in excinfo.value.message
        with pytest.raises(ActionError):
            act(
                app,
                "reply",
                date(2026, 9, 2),
                variant="not_this_agency",
                competent_agency="通辽市住房和城乡建设局",
            )
        with pytest.raises(ActionError):
            act(
                app,
                "reply",
                date(2026, 9, 2),
                variant="not_this_agency",
                outcome="granted",
                competent_agency="x",
                competent_agency_contact="y",
            )
        with pytest.raises(ActionError):
            act(app, "reply", date(2026, 9, 2), variant="nonsense")
        assert not app.stored_files("notice")
        assert api.content.get_state(app) == "registered"


class TestOtherNotices:
    def test_consultation_letter_to_the_third_party(self, agency):
        app = make_case(agency)
        act(app, "accept", date(2026, 9, 2))
        act(
            app,
            "start_consultation",
            date(2026, 9, 3),
            party="通辽市某供热有限公司",
            basis="third_party",
        )
        (letter,) = app.stored_files("letter")
        assert not app.stored_files("notice")  # not the applicant's
        text = check_pdf(letter)
        assert "政府信息公开征求意见书" in text
        assert "通辽市某供热有限公司：" in text
        assert "第三十二条" in text
        # 15 working days from 09-03 (day 0): 09-04..18 give 11, Sunday 09-20
        # is a workday (12), 09-21..23 give 13-15.
        assert "请于2026年9月23日前" in text
        assert "张三丰" not in text  # the applicant's name is not passed on
        assert "通发改信公〔2026〕1号" in text  # the receipt takes none

    def test_agency_consultation_says_silence_is_consent(self, agency):
        app = make_case(agency)
        act(app, "accept", date(2026, 9, 2))
        act(
            app,
            "start_consultation",
            date(2026, 9, 3),
            party="通辽市财政局",
            basis="agency",
        )
        text = "".join(app.stored_files("letter")[0]["paragraphs"])
        assert "第三十四条" in text and "视为同意公开" in text

    @pytest.mark.parametrize(
        "action,params,title",
        [
            (
                "request_correction",
                {"items": "请写明文件的文号"},
                "政府信息公开申请补正告知书",
            ),
            (
                "fee_notice",
                {"method": "by_pages", "quantity": "250"},
                "政府信息公开信息处理费收费通知书",
            ),
        ],
    )
    def test_correction_and_fee_notice_pdf(self, agency, action, params, title):
        app = make_case(agency)
        act(app, action, date(2026, 9, 2), **params)
        (notice,) = app.stored_files("notice")
        text = check_pdf(notice)
        assert title in text
        assert notice["number"] in text

    def test_former_default_remedy_clause_names_the_organs(self, agency):
        with api.env.adopt_roles(["Manager"]):
            api.portal.set_registry_record(
                "tongliao.disclosure.notice_remedy_clause", REMEDY_CLAUSE_UNNAMED
            )
        app = make_case(agency)
        act(app, "reply", date(2026, 9, 2), outcome="granted")
        text = "".join(app.stored_files("notice")[0]["paragraphs"])
        assert "向通辽市人民政府申请行政复议" in text


class TestLinks:
    def test_token_round_trip_expiry_and_forgery(self, agency):
        app = make_case(agency)
        token = make_token(app, "f1", now=1_000_000)
        assert read_token(token, now=1_000_000 + 60) == (app, "f1")
        assert read_token(token, now=1_000_000 + 31 * 60) is None
        forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        assert read_token(forged, now=1_000_000) is None
        for junk in ("", "x", "%%%", None, 5, "a" * 400):
            assert read_token(junk) is None


class TestCaseFiles:
    def test_files_inside_a_case_are_protected_elsewhere_not(self, portal, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            inside = api.content.create(container=app, type="File", id="proof")
            outside = api.content.create(container=portal, type="File", id="plain")
        roles = {
            item["name"]
            for item in inside.rolesOfPermission("View")
            if item["selected"]
        }
        assert roles == {"DisclosureOfficer", "Manager"}
        assert not inside.acquiredRolesAreUsedBy("View")
        assert outside.acquiredRolesAreUsedBy("View") == "CHECKED"


class TestUpgrade:
    def test_upgrade_adds_report_indexes_and_indexes_cases(self, agency):
        from tongliao.disclosure.upgrades.v1001 import add_application_report_indexes

        app = make_case(agency)
        act(app, "remedy_filed", date(2026, 9, 10), proceeding="review")
        catalog = api.portal.get_tool("portal_catalog")
        catalog.delIndex("remedy_years")
        catalog.delColumn("remedy_proceedings")
        add_application_report_indexes(catalog)
        brains = catalog.unrestrictedSearchResults(remedy_years=2026)
        assert [brain.getPath() for brain in brains] == [
            "/".join(app.getPhysicalPath())
        ]
        row = ("review", "2026-09-10", "", "pending")
        assert brains[0].remedy_proceedings == (row,)
        add_application_report_indexes(catalog)  # a second run changes nothing

    def test_agency_behavior_in_the_type(self, portal):
        fti = api.portal.get_tool("portal_types")["DisclosureAgency"]
        assert "tongliao.disclosure.application_agency_settings" in fti.behaviors
