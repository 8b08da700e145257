"""The thin catalog layer under the monitors: brains in, monitor results out.

Every query is an unrestricted catalog search below one agency (the city
office's figures do not depend on who looks; the pages showing them are
protected by ``tongliao.disclosure: View assessment``). No object is woken
(``directory.compliance.check_directory`` reads brains too). Types or indexes
the site lacks — the public-participation types of issue #14,
``DisclosureComplaint`` and ``PolicyConsultation`` — give "no data".
"""

from datetime import date
from plone import api
from tongliao.disclosure.assessment import monitors
from tongliao.disclosure.assessment.monitors import Record
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.directory.compliance import check_directory
from tongliao.disclosure.reports.warnings import report_deadline
from tongliao.disclosure.validators import _as_date


PREFIX = "tongliao.disclosure."
COMPLAINT_TYPE = "DisclosureComplaint"
CONSULTATION_TYPE = "PolicyConsultation"
# Columns the participation types are expected to provide (issue #14 contract).
CASE_COLUMNS = {
    "applications_on_time": ("DisclosureApplication", "reply_deadline", "replied_date"),
    "complaints_on_time": (COMPLAINT_TYPE, "reply_deadline", "replied_date"),
    "consultations_overdue": (CONSULTATION_TYPE, "feedback_deadline", "feedback_date"),
}
SKIPPED_CASE_STATES = ("withdrawn",)


def setting(name, default):
    value = api.portal.get_registry_record(PREFIX + name, default=None)
    return default if value is None else value


def _value(brain, name):
    value = getattr(brain, name, None)
    return None if value is None or type(value).__name__ == "Missing" else value


def _parse(value):
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return _as_date(value)


def _search(agency, **query):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(agency.getPhysicalPath())
    return catalog.unrestrictedSearchResults(path=path, **query)


def _record(brain, **values):
    return Record(url=brain.getURL(), title=brain.Title, UID=brain.UID, **values)


def document_records(agency):
    """Published PolicyDocuments (normative ones flagged from the index)."""
    normative = {
        brain.getRID()
        for brain in _search(
            agency,
            portal_type="PolicyDocument",
            review_state="published",
            is_normative=True,
        )
    }
    return [
        _record(
            brain,
            effective=_as_date(brain.effective),
            date_written=_parse(_value(brain, "date_written")),
            document_kind=_value(brain, "document_kind"),
            is_normative=brain.getRID() in normative,
        )
        for brain in _search(
            agency, portal_type="PolicyDocument", review_state="published"
        )
    ]


def interpretation_records(agency):
    return [
        _record(
            brain,
            effective=_as_date(brain.effective),
            interpreted_uids=_value(brain, "interpreted_uids") or (),
        )
        for brain in _search(
            agency, portal_type="PolicyInterpretation", review_state="published"
        )
    ]


def withheld_records(agency):
    """Documents not disclosed (not published) with a reassessment date."""
    return [
        _record(
            brain,
            reassessment_date=_parse(_value(brain, "reassessment_date")),
            creator=brain.Creator,
        )
        for brain in _search(
            agency,
            portal_type="PolicyDocument",
            reassessment_date={"query": "0000", "range": "min"},
        )
        if brain.review_state != "published"
    ]


def case_records(agency, monitor):
    """Records (deadline, done) of one kind of case, or None: no data."""
    portal_type, deadline_column, done_column = CASE_COLUMNS[monitor]
    catalog = api.portal.get_tool("portal_catalog")
    if portal_type not in api.portal.get_tool("portal_types").objectIds():
        return None
    columns = catalog.schema()
    if deadline_column not in columns or done_column not in columns:
        return None
    return [
        _record(
            brain,
            deadline=_parse(_value(brain, deadline_column)),
            done=_parse(_value(brain, done_column)),
        )
        for brain in _search(agency, portal_type=portal_type)
        if brain.review_state not in SKIPPED_CASE_STATES
    ]


def guide_records(agency):
    return [
        _record(
            brain,
            review_state=brain.review_state,
            last_reviewed=_parse(_value(brain, "last_reviewed")),
        )
        for brain in _search(agency, portal_type="DisclosureGuide")
    ]


def directory_records(agency):
    compliance = check_directory(agency)

    def record(brain):
        return _record(brain, disclosure_mode=_value(brain, "disclosure_mode"))

    late = [(record(x.item), x.days_late, x.document.getURL()) for x in compliance.late]
    return (
        [record(b) for b in compliance.items],
        [record(b) for b in compliance.unfulfilled],
        late,
    )


def report_records(agency, year):
    return [
        _record(
            brain, review_state=brain.review_state, effective=_as_date(brain.effective)
        )
        for brain in _search(agency, portal_type="AnnualReport", report_year=year)
    ]


def run_monitors(agency, period, today=None):
    """{monitor: MonitorResult} of ``agency`` for ``period`` (first, last day)."""
    today = today or site_today()
    calendar = get_site_calendar()
    documents = document_records(agency)
    kinds = tuple(setting("interpretation_required_kinds", ("decision", "opinion")))
    lag = setting("interpretation_max_lag_working_days", 3)
    results = {
        "publication_on_time": monitors.publication_on_time(
            documents, calendar, period
        ),
        "interpretation_coverage": monitors.interpretation_coverage(
            documents, interpretation_records(agency), calendar, period, kinds, lag
        ),
        "reassessment_due": monitors.reassessment_due(
            withheld_records(agency), min(today, period[1])
        ),
        "guide_freshness": monitors.guide_freshness(
            guide_records(agency),
            min(today, period[1]),
            setting("guide_review_interval_days", 365),
        ),
        "directory_fulfilment": monitors.directory_fulfilment(
            *directory_records(agency)
        ),
    }
    for monitor in CASE_COLUMNS:
        records = case_records(agency, monitor)
        results[monitor] = (
            monitors.no_data(monitor)
            if records is None
            else monitors.answered_on_time(records, today, period, monitor)
        )
    year = period[0].year
    deadline = report_deadline(getattr(agency, "agency_kind", None), year)
    results["annual_report_on_time"] = monitors.annual_report_on_time(
        report_records(agency, year - 1), year - 1, deadline, min(today, period[1])
    )
    return results


def agencies():
    """Brains of every agency, by title."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="DisclosureAgency", sort_on="sortable_title"
    )
