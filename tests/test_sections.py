"""An agency's disclosure area: sections created once, in the standard's order,
listing by kind, navigation, and visibility following the agency."""

from .helpers import make_agency
from .helpers import make_documents
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.world_support import world_fixture
from tongliao.disclosure.platform.sections import ensure_sections
from tongliao.disclosure.platform.sections import SECTIONS
from tongliao.disclosure.review.staging import review_to

import pytest
import transaction


TOP_TITLES = [
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容",
    "政策文件",
    "政策解读",
    "政务公开标准目录",
    "依申请公开",
    "政府信息公开年报",
    "意见征集",
]
PROACTIVE_TITLES = [
    "规章", "规范性文件", "机构职能", "行政许可", "行政处罚", "行政强制", "政府采购",
    "行政事业性收费", "财政预决算",
]  # fmt: skip


@pytest.fixture
def agency(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return make_agency(portal, published=False)


def section_titles(container):
    return [
        obj.Title()
        for obj in container.objectValues()
        if obj.portal_type == "DisclosureSection"
    ]


def test_sections_created_in_order(agency):
    assert section_titles(agency) == TOP_TITLES
    assert section_titles(agency["fdzdgknr"]) == PROACTIVE_TITLES
    assert [s.id for s in SECTIONS] == list(agency.objectIds())[: len(SECTIONS)]
    assert agency["zcwj"].section_kind == "policy_documents"
    assert agency["fdzdgknr"]["gz"].section_kind == "regulations"


def test_ensure_is_idempotent_and_restores_order(agency):
    make_documents(
        agency,
        [("d1", "通知", "通政发〔2021〕1号", "notice", "02.01", "valid",
          date(2021, 1, 4), "2021/01/05")],
    )  # fmt: skip
    api.content.delete(agency["zcjd"])
    agency.moveObjectsToBottom(["zfxxgkzn"])
    assert [o.Title() for o in ensure_sections(agency)] == ["政策解读"]
    assert ensure_sections(agency) == []
    assert section_titles(agency) == TOP_TITLES
    assert agency.objectIds()[-1] == "d1"


def test_sections_are_structure_changed_by_site_administrators(agency):
    wf = api.portal.get_tool("portal_workflow")
    section = agency["zcwj"]
    assert wf.getChainFor(section) == ("disclosure_structure_workflow",)
    roles = section.rolesOfPermission("Modify portal content")
    granted = {r["name"] for r in roles if r["selected"]}
    assert granted == {"Manager", "Site Administrator"}
    # View is acquired: a section is public exactly when its agency is.
    assert section.acquiredRolesAreUsedBy("View") == "CHECKED"


def test_sections_in_navigation_types(portal):
    displayed = api.portal.get_registry_record("plone.displayed_types")
    assert {"DisclosureAgency", "DisclosureSection"} <= set(displayed)
    assert "PolicyDocument" not in displayed


def test_only_managers_add_sections_editors_add_pages(agency):
    fti = api.portal.get_tool("portal_types")["DisclosureSection"]
    assert not fti.global_allow
    assert "Document" in fti.allowed_content_types
    assert "PolicyDocument" not in fti.allowed_content_types


def build_area(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    agency = make_agency(portal, published=False)
    docs = make_documents(
        agency,
        [
            ("rule", "通辽市政府规章示例", "通辽市人民政府令第1号", "order", "02.01",
             "valid", date(2021, 1, 4), "2021/01/05"),
            ("norm", "规范性文件示例", "通政发〔2021〕2号", "notice", "02.01",
             "valid", date(2021, 2, 1), "2021/02/03"),
            ("plain", "普通通知", "通政办发〔2021〕3号", "notice", "02.01",
             "valid", date(2021, 3, 1), "2021/03/02"),
            ("draftrule", "规章草稿不应公开", "通辽市人民政府令第2号", "order",
             "02.01", "valid", date(2021, 4, 1), None),
        ],
    )  # fmt: skip
    docs["rule"].is_regulation = True
    docs["draftrule"].is_regulation = True
    docs["norm"].is_normative = True
    for doc in docs.values():
        doc.reindexObject()
    page = api.content.create(
        container=agency["zfxxgkzd"], type="Document", id="rules", title="保密审查制度"
    )
    api.content.create(
        container=agency["zfxxgkzd"], type="Document", id="draft", title="内部草稿制度"
    )
    review_to(page, "published")  # plain pages in a section are reviewed too
    setRoles(portal, TEST_USER_ID, ["Member"])
    return agency.getPhysicalPath()


# Built once for the module (tests/world_support.py); each test starts from it.
area_world = world_fixture(build_area, "area_world")


@pytest.fixture
def area(area_world, functional_portal):
    return functional_portal.unrestrictedTraverse(area_world)


def publish_agency(agency):
    setRoles(agency.aq_parent, TEST_USER_ID, ["Manager"])
    api.content.transition(agency, to_state="published")
    transaction.commit()


def test_private_agency_hides_its_sections(area, browser_session):
    anonymous = browser_session()
    url = area["zcwj"].absolute_url()
    denied = anonymous.get(url, allow_redirects=False)
    assert denied.status_code in (302, 401, 403)
    assert "require_login" in denied.headers.get("Location", "require_login")
    publish_agency(area)
    assert anonymous.get(url, allow_redirects=False).status_code == 200


@pytest.mark.parametrize(
    "path,present,absent",
    [
        (
            "fdzdgknr/gz",
            ["通辽市政府规章示例"],
            ["规范性文件示例", "普通通知", "规章草稿不应公开"],
        ),
        ("fdzdgknr/gfxwj", ["规范性文件示例"], ["通辽市政府规章示例", "普通通知"]),
        (
            "zcwj",
            ["通辽市政府规章示例", "规范性文件示例", "普通通知"],
            ["规章草稿不应公开"],
        ),
        ("zfxxgkzd", ["保密审查制度"], ["内部草稿制度"]),
        ("fdzdgknr", ["规章", "机构职能", "行政事业性收费"], []),
    ],
)
def test_section_listings_published_only(area, browser_session, path, present, absent):
    publish_agency(area)
    page = browser_session().get(f"{area.absolute_url()}/{path}")
    assert page.status_code == 200
    for text in present:
        assert text in page.text
    for text in absent:
        assert text not in page.text
    # Plone's navigation lists the eight sections on every section page.
    nav = page.text[page.text.index('id="portal-column-one"') :]
    for title in TOP_TITLES:
        assert title in nav


def test_agency_home_shows_sections_and_latest(area, browser_session):
    publish_agency(area)
    page = browser_session().get(area.absolute_url()).text
    for title in TOP_TITLES:
        assert title in page
    assert "普通通知" in page and "规章草稿不应公开" not in page
    assert f"{area.absolute_url()}/@@disclosure-catalog" in page
    assert "最新文件" in page
