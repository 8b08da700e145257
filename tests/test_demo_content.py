"""The demo profile creates the notice with its interpretation, all published."""

from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tongliao.disclosure import demo
from tongliao.disclosure.relations import back_references

import pytest


@pytest.fixture
def demo_portal(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    applyProfile(portal, "tongliao.disclosure:demo")
    return portal


def test_demo_notice_and_interpretation(demo_portal):
    agency = demo_portal[demo.DEMO_AGENCY_ID]
    notice = agency[demo.NOTICE_ID]
    interpretation = agency[demo.INTERPRETATION_ID]
    assert notice.document_number == "通政公办字〔2021〕1号"
    assert "政务公开标准目录" in notice.text.raw
    assert notice.index_number == "1115050001147000MT/2021-00001"
    for obj in (agency, notice, interpretation):
        assert api.content.get_state(obj) == "published"
    with api.env.adopt_roles(["Anonymous"]):
        assert back_references(notice, "interpreted_documents") == [interpretation]


def test_demo_repealed_document_and_replacement(demo_portal):
    agency = demo_portal[demo.DEMO_AGENCY_ID]
    old, new = agency[demo.OLD_RULES_ID], agency[demo.NEW_RULES_ID]
    assert old.validity == "repealed"
    assert old.replaced_by.to_object == new
    assert old.index_number.endswith("/2019-00001")
    assert new.index_number.endswith("/2021-00002")


def test_demo_is_idempotent(demo_portal):
    applyProfile(demo_portal, "tongliao.disclosure:demo")
    agency = demo_portal[demo.DEMO_AGENCY_ID]
    assert agency[demo.NOTICE_ID].index_number.endswith("/2021-00001")
    # 4 documents, the standard directory and the guide, besides the sections
    others = [o for o in agency.objectValues() if o.portal_type != "DisclosureSection"]
    assert len(others) == 6


def test_demo_front_page_is_the_platform_home(demo_portal):
    assert demo_portal.getLayout() == "disclosure-home"
    view = demo_portal.restrictedTraverse("@@disclosure-home")
    assert [a["title"] for a in view.agencies()] == ["通辽市人民政府办公室"]
    assert view.latest()["total"] == 3
