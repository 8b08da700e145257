"""The upgrade moves old private attributes into annotations, timestamps to UTC."""

from .helpers import make_agency
from .report_support import add_report
from .report_support import all_manual_zero
from .report_support import create_application
from datetime import date
from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from tongliao.disclosure.migration import storage
from tongliao.disclosure.migration.upgrade import migrate_private_attributes
from tongliao.disclosure.migration.upgrade import utc_text
from tongliao.disclosure.reports import report as reports
from zope.annotation.interfaces import IAnnotations


def _make_old_style(obj, attributes):
    """Put ``obj``'s annotations back where the old code kept them, naive times."""
    annotations = IAnnotations(obj)
    for attribute, key in attributes.items():
        if key in annotations:
            setattr(obj, attribute, annotations.pop(key))


def test_old_style_data_is_migrated(portal):
    with api.env.adopt_roles(["Manager"]):
        agency = make_agency(portal, id="gen", credit_code="11150000MB1604391C")
        app = create_application(
            agency, "app1", "natural_person", date(2025, 2, 3), None
        )
        app.add_event("note", date(2025, 2, 4), "officer", note="补充说明")
        report = add_report(agency, 2024, **all_manual_zero())
        cell = sorted(reports.computed_cells(report))[0]
        reports.set_override(report, cell, 3, "核对后更正")
    events = app.get_events()
    files = [entry["id"] for entry in app.stored_files()]
    assert files  # the receipt
    naive = "2025-02-04T10:30:00"
    IAnnotations(app)[storage.APPLICATION_EVENTS_KEY][-1]["recorded"] = naive
    report_store = IAnnotations(report)
    report_store[storage.REPORT_OVERRIDES_KEY][cell]["time"] = naive
    report_store[storage.REPORT_SNAPSHOT_KEY] = {"published": naive, "computed": {}}
    report_store[storage.REPORT_SNAPSHOTS_KEY] = PersistentList([{"published": naive}])
    _make_old_style(app, storage.LEGACY_ATTRIBUTES["DisclosureApplication"])
    _make_old_style(report, storage.LEGACY_ATTRIBUTES["AnnualReport"])
    assert "_events" in app.__dict__ and "_overrides" in report.__dict__
    assert app.get_events() == []  # the new code no longer sees them

    assert migrate_private_attributes() == 2

    assert "_events" not in app.__dict__ and "_stored_files" not in app.__dict__
    for attribute in storage.LEGACY_ATTRIBUTES["AnnualReport"]:
        assert attribute not in report.__dict__
    moved = app.get_events()
    assert [event["type"] for event in moved] == [event["type"] for event in events]
    assert moved[-1]["recorded"] == utc_text(naive)
    assert moved[-1]["recorded"].endswith("+00:00")
    assert [entry["id"] for entry in app.stored_files()] == files
    override = reports.overrides(report)[cell]
    assert override["value"] == 3 and override["time"].endswith("+00:00")
    assert isinstance(report_store[storage.REPORT_OVERRIDES_KEY], PersistentMapping)
    assert reports.frozen_snapshot(report)["published"].endswith("+00:00")
    assert reports.override_log(report)[0]["cell"] == cell
    # A second run finds nothing left to move.
    assert migrate_private_attributes() == 0


def test_utc_text():
    assert utc_text("2026-01-01T10:00:00+08:00") == "2026-01-01T02:00:00+00:00"
    # Naive text was written by datetime.now(): the server's local time.
    local = datetime(2026, 1, 1, 10, 0).astimezone()
    assert utc_text("2026-01-01T10:00:00") == local.astimezone(UTC).isoformat()
    assert utc_text("not a time") == "not a time"
    assert utc_text("") == ""
