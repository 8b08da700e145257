"""Dashboard warning from 1 January while last year's report is unpublished."""

from .report_support import add_report
from .report_support import all_manual_zero
from datetime import date
from plone import api
from tongliao.disclosure.reports import warnings as report_warnings
from tongliao.disclosure.review.staging import review_to
from tongliao.disclosure.warnings import collect_warnings

import pytest


@pytest.fixture
def site(report_site):
    return report_site


def warnings_on(monkeypatch, portal, day):
    monkeypatch.setattr(report_warnings, "site_today", lambda: day)
    return [
        w
        for w in collect_warnings(portal)
        if "年度报告" in str(w.message) or "annual" in str(w.message)
    ]


@pytest.mark.parametrize(
    "day, levels",
    [
        # department A (deadline 01-31) and government B (03-31)
        (date(2026, 1, 1), {"通辽市甲局": "warning", "通辽市人民政府": "warning"}),
        (date(2026, 2, 1), {"通辽市甲局": "error", "通辽市人民政府": "warning"}),
        (date(2026, 4, 1), {"通辽市甲局": "error", "通辽市人民政府": "error"}),
    ],
)
def test_levels_by_agency_kind(site, portal, monkeypatch, day, levels):
    found = warnings_on(monkeypatch, portal, day)
    by_agency = {w.message.mapping["agency"]: w.level for w in found}
    assert by_agency == levels
    assert all(w.message.mapping["year"] == 2025 for w in found)


def test_published_report_silences_its_agency(site, portal, monkeypatch):
    agency, _other = site
    report = add_report(agency, 2025, **all_manual_zero())
    review_to(report, "published")
    found = warnings_on(monkeypatch, portal, date(2026, 2, 1))
    assert [w.message.mapping["agency"] for w in found] == ["通辽市人民政府"]


def test_deadline_from_registry(site, portal, monkeypatch):
    api.portal.set_registry_record(
        "tongliao.disclosure.annual_report_deadline_department", "01-26"
    )
    found = warnings_on(monkeypatch, portal, date(2026, 1, 27))
    assert {w.message.mapping["agency"]: w.level for w in found}[
        "通辽市甲局"
    ] == "error"
