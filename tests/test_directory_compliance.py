"""Compliance of the directory on known data, and the disclosure guide: the draft
created with each agency, the review warning with a moved clock, versioning."""

from .helpers import make_agency
from DateTime import DateTime
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.directory_helpers import demo_records
from tests.world_support import world_fixture
from tongliao.disclosure.directory import guide as guide_module
from tongliao.disclosure.directory import spreadsheet
from tongliao.disclosure.directory.compliance import check_directory
from tongliao.disclosure.review.staging import review_to
from tongliao.disclosure.warnings import collect_warnings
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.i18n import translate
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

import pytest


def build_agency(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    agency = make_agency(
        portal, title="科尔沁区人民政府办公室", phone="0475-8888888", published=False
    )
    parsed = spreadsheet.parse_records(demo_records())
    spreadsheet.apply_plan(agency, spreadsheet.plan_import(agency, parsed.rows))
    for code, item in spreadsheet.agency_items(agency).items():
        if code != "ZWGK-001":  # one draft item: not in force, not checked
            review_to(item, "published")
    setRoles(portal, TEST_USER_ID, ["Member"])
    return agency.getPhysicalPath()


# Built once for the module (tests/world_support.py); each test starts from it.
compliance_world = world_fixture(build_agency, "compliance_world")


@pytest.fixture
def agency(compliance_world, portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal.unrestrictedTraverse(compliance_world)


def document(agency, doc_id, written, published, codes, publish=True):
    items = spreadsheet.agency_items(agency)
    intids = getUtility(IIntIds)
    doc = api.content.create(
        container=agency,
        type="PolicyDocument",
        id=doc_id,
        title=f"文件 {doc_id}",
        issuing_agency=agency.Title(),
        date_written=written,
        document_kind="notice",
        subject_category="02.01",
        disclosure_attribute="proactive",
        validity="valid",
    )
    doc.directory_items = [RelationValue(intids.getId(items[c])) for c in codes]
    modified(doc)
    if publish:
        doc.setEffectiveDate(DateTime(f"{published.isoformat()} 09:00:00 GMT+8"))
        review_to(doc, "published")  # the recorded review steps
        doc.reindexObject()
    return doc


def test_compliance_on_known_data(agency):
    # 2024-09-02 (Mon) is day 0; 20 working days: Sept 3–6 (4), 9–13 (9), Sat 14
    # make-up (10), 18–20 after 中秋 (13), 23–27 (18), Sun 29 make-up (19), Mon 30
    # (20) → deadline 2024-09-30; published 2024-10-08, the day after 国庆 1–7.
    document(agency, "late", date(2024, 9, 2), date(2024, 10, 8), ["SHJZ-001"])
    document(agency, "on-time", date(2024, 9, 2), date(2024, 9, 6), ["SHJZ-002"])
    # No working-day number in "实时": published any time, never late.
    document(agency, "any-time", date(2024, 1, 2), date(2024, 12, 1), ["YWJY-002"])
    # A draft does not fulfil its item.
    document(agency, "draft", date(2024, 9, 2), None, ["YWJY-001"], publish=False)

    result = check_directory(agency)
    assert len(result.items) == 13
    unfulfilled = {brain.directory_code for brain in result.unfulfilled}
    # 13 published items − 3 fulfilled − SHJZ-004 (依申请: no content expected)
    assert len(unfulfilled) == 9
    assert "ZWGK-001" not in unfulfilled
    assert "YWJY-001" in unfulfilled and "SHJZ-004" not in unfulfilled
    assert {"SHJZ-001", "SHJZ-002", "YWJY-002"}.isdisjoint(unfulfilled)
    assert [
        (late.item.directory_code, late.document.getId) for late in result.late
    ] == [("SHJZ-001", "late")]
    late = result.late[0]
    assert late.deadline == date(2024, 9, 30)
    assert late.published == date(2024, 10, 8)
    assert late.days_late == 1  # Oct 8 is the first working day after the deadline


def test_item_page_lists_only_published_fulfilling_content(agency):
    from tongliao.disclosure.directory.browser.views import DirectoryItemView

    document(agency, "pub", date(2024, 9, 2), date(2024, 9, 6), ["SHJZ-001"])
    document(agency, "draft", date(2024, 9, 2), None, ["SHJZ-001"], publish=False)
    item = spreadsheet.agency_items(agency)["SHJZ-001"]
    view = DirectoryItemView(item, item.REQUEST)
    assert [row["title"] for row in view.fulfilling()] == ["文件 pub"]


def test_agency_gets_one_draft_guide(agency, portal):
    guide = agency["guide"]
    assert guide.portal_type == "DisclosureGuide"
    assert guide.title == "科尔沁区人民政府办公室政府信息公开指南"
    workflow = portal.portal_workflow.getWorkflowsFor(guide)[0]
    assert api.content.get_state(guide) == workflow.initial_state  # a draft
    assert "科尔沁区人民政府办公室" in guide.application_procedure.raw
    for name in guide_module.DRAFT_SECTIONS:
        assert getattr(guide, name).raw
    assert guide.last_reviewed is None
    assert guide_module.ensure_guide(agency).UID() == guide.UID()
    assert [o.portal_type for o in agency.objectValues()].count("DisclosureGuide") == 1


@pytest.fixture
def clock(monkeypatch):
    def move(day):
        monkeypatch.setattr(guide_module, "site_today", lambda: day)

    return move


def guide_warnings(portal):
    return [
        translate(w.message, target_language="zh_CN")
        for w in collect_warnings(portal)
        if "政府信息公开指南" in translate(w.message, target_language="zh_CN")
    ]


@pytest.mark.parametrize(
    "today,interval,warned",
    [
        (date(2025, 3, 1), 365, False),
        (date(2025, 3, 2), 365, False),  # exactly 365 days: still fresh
        (date(2025, 3, 3), 365, True),
        (date(2024, 6, 1), 90, True),
        (date(2024, 5, 29), 90, False),
    ],
)
def test_guide_staleness_follows_the_clock(
    agency, portal, clock, today, interval, warned
):
    guide = agency["guide"]
    guide.last_reviewed = date(2024, 3, 2)
    guide.reindexObject()
    api.portal.set_registry_record(guide_module.INTERVAL_RECORD, interval)
    clock(today)
    messages = guide_warnings(portal)
    if warned:
        assert messages == [
            f"政府信息公开指南“{guide.title}”最近一次审核于 2024-03-02，"
            f"已超过 {interval} 天：请审核并更新。"
        ]
    else:
        assert messages == []


def test_unreviewed_guide_warns(agency, portal, clock):
    clock(date(2025, 1, 1))
    assert guide_warnings(portal) == [
        f"政府信息公开指南“{agency['guide'].title}”尚未审核：请核对内容并填写审核日期。"
    ]


def test_guide_edits_are_versioned(agency, portal):
    guide = agency["guide"]
    repository = portal.portal_repository
    assert repository.isVersionable(guide)
    before = len(repository.getHistoryMetadata(guide) or [])
    guide.last_reviewed = date(2025, 1, 1)
    modified(guide)
    after = len(repository.getHistoryMetadata(guide))
    assert after == before + 1
