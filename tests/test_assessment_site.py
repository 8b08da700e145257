"""Monitors and indicators on a site with known data equal the hand counts;
a published assessment is frozen (tests/assessment_support.py has the data)."""

from datetime import date
from datetime import timedelta
from plone import api
from tests.assessment_support import build_known_agency
from tests.assessment_support import TODAY
from tests.consultation_support import rich
from tests.world_support import world_fixture
from tongliao.disclosure.assessment import engine
from tongliao.disclosure.assessment import queries
from tongliao.disclosure.assessment.browser.views import create_assessments
from tongliao.disclosure.assessment.browser.views import overview_rows
from tongliao.disclosure.assessment.monitors import period_dates
from tongliao.disclosure.review import handlers
from tongliao.disclosure.review.staging import review_to
from unittest import mock
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


def build_agency(portal):
    with mock.patch.object(queries, "site_today", lambda: TODAY):
        return build_known_agency(portal).getPhysicalPath()


# Built once for the module (tests/world_support.py); each test starts from it.
assessment_world = world_fixture(build_agency, "assessment_world")


@pytest.fixture
def agency(assessment_world, portal, monkeypatch):
    monkeypatch.setattr(queries, "site_today", lambda: TODAY)
    return portal.unrestrictedTraverse(assessment_world)


def summary(results):
    return {
        name: (
            r.available,
            r.total,
            r.passed,
            sorted((f.url.rsplit("/", 1)[-1], f.reason, f.days) for f in r.findings),
        )
        for name, r in results.items()
    }


# monitor: (available, checked, passed, [(item id, reason, days)])
EXPECTED_2026_Q1 = {
    # c 22 wd late; d on the 20th; e on time
    "publication_on_time": (True, 3, 2, [("c", "late", 22)]),
    # c opinion, no interpretation; d normative, none; e explained in 2 wd
    "interpretation_coverage": (
        True,
        3,
        1,
        [("c", "missing", None), ("d", "missing", None)],
    ),
    # w due 9 Jan < 20 Mar (70 days); w2 due 31 Dec
    "reassessment_due": (True, 2, 1, [("w", "overdue", 70)]),
    # reply due 12 Mar, still open on 20 Mar: 8 days overdue
    "applications_on_time": (True, 1, 0, [("case", "overdue", 8)]),
    "complaints_on_time": (True, 0, 0, []),
    "consultations_overdue": (True, 0, 0, []),
    "guide_freshness": (True, 1, 0, [("guide", "unpublished", None)]),
    "directory_fulfilment": (True, 0, 0, []),
    # the 2025 report, due 31 Jan 2026, missing on 20 Mar: 48 days
    "annual_report_on_time": (True, 1, 0, [("", "overdue", 48)]),
}
EXPECTED_2025 = {
    "publication_on_time": (True, 2, 1, [("b", "late", 21)]),
    "interpretation_coverage": (True, 1, 1, []),  # b explained after 3 wd
    "reassessment_due": (True, 2, 2, []),  # as of 31 Dec 2025 nothing due
    "applications_on_time": (True, 0, 0, []),
    "complaints_on_time": (True, 0, 0, []),
    "consultations_overdue": (True, 0, 0, []),
    "guide_freshness": (True, 1, 0, [("guide", "unpublished", None)]),
    "directory_fulfilment": (True, 0, 0, []),
    # the 2024 report, due 31 Jan 2025, missing on 31 Dec 2025: 334 days
    "annual_report_on_time": (True, 1, 0, [("", "overdue", 334)]),
}


@pytest.mark.parametrize(
    "year,quarter,expected", [(2026, 1, EXPECTED_2026_Q1), (2025, 0, EXPECTED_2025)]
)
def test_monitors_equal_the_hand_counts(agency, year, quarter, expected):
    results = queries.run_monitors(agency, period_dates(year, quarter), TODAY)
    assert summary(results) == expected


def test_a_change_counts_from_its_date_to_the_changed_version(agency, monkeypatch):
    """Art. 26 "or of its change": document a (first published 30 Oct 2025)
    changes on 10 Feb 2026; the changed version, reviewed again, is published
    on 20 March 2026: 24 working days (Spring Festival 15–23 Feb off, 14 and 28
    Feb make-up days), late. It is checked in 2026 Q1, no longer in 2025."""
    monkeypatch.setattr(handlers, "china_today", lambda: TODAY)
    doc = agency["a"]
    with api.env.adopt_roles(["Manager"]):
        doc.date_changed = date(2026, 2, 10)
        notify(ObjectModifiedEvent(doc))  # a published item: back to review
        assert api.content.get_state(doc) == "withdrawn"
        review_to(doc, "published")
    assert doc.last_published == TODAY
    results = queries.run_monitors(agency, period_dates(2026, 1), TODAY)
    assert summary(results)["publication_on_time"] == (
        True,
        4,
        2,
        [("a", "late", 24), ("c", "late", 22)],
    )
    results = queries.run_monitors(agency, period_dates(2025, 0), TODAY)
    assert summary(results)["publication_on_time"] == (True, 1, 0, [("b", "late", 21)])


def test_consultation_feedback_due_20_working_days_after_closing(agency):
    """a closes Fri 6 Feb 2026: feedback due 12 March (20th working day, as
    document d), published 16 March: 4 days late. b closes Tue 10 Feb: due
    16 March, no feedback on 20 March: 4 days overdue. c was never published
    (nobody could comment): not checked."""
    intids = getUtility(IIntIds)
    with api.env.adopt_roles(["Manager"]):
        made = {}
        for item_id, close, published in (
            ("ca", date(2026, 2, 6), True),
            ("cb", date(2026, 2, 10), True),
            ("cc", date(2026, 1, 5), False),
        ):
            item = api.content.create(
                container=agency,
                type="PolicyConsultation",
                id=item_id,
                title=f"征求意见{item_id}",
                draft_text=rich("第一条 为了规范政务公开工作，制定本规定。"),
                open_date=close - timedelta(days=31),
                close_date=close,
            )
            if published:
                item.setEffectiveDate(f"{close - timedelta(days=31)} 09:00 GMT+8")
                review_to(item, "published")
            made[item_id] = item
        feedback = api.content.create(
            container=agency,
            type="ConsultationFeedback",
            id="fa",
            title="采纳情况反馈",
            consultation=RelationValue(intids.getId(made["ca"])),
            text=rich("共收到意见3条。"),
        )
        feedback.setEffectiveDate("2026/03/16 10:00 GMT+8")
        review_to(feedback, "published")
    results = queries.run_monitors(agency, period_dates(2026, 1), TODAY)
    assert summary(results)["consultations_overdue"] == (
        True,
        2,
        0,
        [("ca", "late", 4), ("cb", "overdue", 4)],
    )


def test_indicators_equal_the_hand_counts(agency):
    result = engine.compute(agency, 2026, 1, today=TODAY)
    scores = {row["id"]: row["score"] for row in result["indicators"]}
    # publication 2/3: 20 × (0.667 − 0.6) / 0.4 = 3.33; interpretation 1/3 < 0.5: 0;
    # reassessment 1/2: 5 × 0.5 = 2.5; applications 0/1: 0; guide 0; report 0;
    # no data: complaints, consultations, directory (nothing to check), manual.
    assert scores == {
        "publication_on_time": 3.33,
        "interpretation_coverage": 0.0,
        "reassessment_due": 2.5,
        "applications_on_time": 0.0,
        "consultations_overdue": None,
        "complaints_on_time": None,
        "guide_freshness": 0.0,
        "directory_fulfilment": None,
        "annual_report_on_time": 0.0,
        "leadership": None,
        "training": None,
    }
    # 5.83 of 65 applicable points: 9.0 → 不合格
    assert (result["applicable_weight"], result["total"], result["grade"]) == (
        65,
        9.0,
        "不合格",
    )


def test_published_assessment_is_frozen(agency):
    with api.env.adopt_roles(["Manager"]):
        assert create_assessments(2026, 1) == 1
        assert create_assessments(2026, 1) == 0  # once per agency and period
        assessment = agency["assessment-2026-q1"]
        engine.set_manual(assessment, "leadership", 8, "党组会议纪要（2026年第2次）")
        engine.set_override(
            assessment, "guide_freshness", 5, "指南已在政府网站更新，平台漏录"
        )
        before = engine.assessment_result(assessment)
        # 5.83 + 5 (guide, overridden) + 8 (leadership) of 65 + 10 points: 25.1
        assert before["total"] == 25.1
        api.content.transition(assessment, "publish_assessment")
        frozen = engine.assessment_result(assessment)
        assert frozen["total"] == 25.1 and frozen["published_by"]
        # Later data change: the late document c is withdrawn.
        review_to(agency["c"], "withdrawn")
    live = engine.compute(agency, 2026, 1, today=TODAY)
    assert live["total"] != frozen["total"]
    assert engine.assessment_result(assessment) == frozen
    (row,) = [
        r for r in overview_rows(2026, 1) if r["url"] == assessment.absolute_url()
    ]
    assert row["result"]["total"] == 25.1
    with pytest.raises(engine.AssessmentError):
        engine.set_override(assessment, "guide_freshness", 0, "改")
    with pytest.raises(engine.AssessmentError):
        engine.set_manual(assessment, "training", 5, "培训记录")


BAD_OVERRIDES = [
    ("guide_freshness", 3, ""),  # no reason
    ("guide_freshness", 6, "理由"),  # above the weight
    ("guide_freshness", "x", "理由"),  # not a number
    ("leadership", 3, "理由"),  # manual indicators are not overridden
    ("nope", 3, "理由"),
]


def test_overrides_need_a_reason_and_a_valid_score(agency):
    with api.env.adopt_roles(["Manager"]):
        create_assessments(2026, 1)
        assessment = agency["assessment-2026-q1"]
        for indicator, value, reason in BAD_OVERRIDES:
            with pytest.raises(engine.AssessmentError):
                engine.set_override(assessment, indicator, value, reason)
        with pytest.raises(engine.AssessmentError):
            engine.set_manual(assessment, "leadership", 3, "  ")  # no evidence
    assert engine.override_log(assessment) == []
    assert engine.manual(assessment) == {}
