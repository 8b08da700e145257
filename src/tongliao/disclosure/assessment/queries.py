"""The thin catalog layer under the monitors: brains in, monitor results out.

Every query is an unrestricted catalog search below one agency (the city
office's figures do not depend on who looks; the pages showing them are
protected by ``tongliao.disclosure: View assessment``). No object is woken
(``directory.compliance.check_directory`` reads brains too), except the
complaints, which live in the site's complaint box and name their agency only on
the object (few; woken). Types or indexes the site lacks (``PolicyConsultation``
has no feedback deadline column yet) give "no data".
"""

from DateTime import DateTime
from datetime import date
from plone import api
from tongliao.disclosure.assessment import monitors
from tongliao.disclosure.assessment.monitors import Record
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.complaints.engine import complaint_due
from tongliao.disclosure.complaints.workflow import accepted_date
from tongliao.disclosure.complaints.workflow import settings as complaint_settings
from tongliao.disclosure.deadlines import CalendarCoverageError
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


class Source:
    """Where the records come from: a catalog and the agency's path (the
    benchmark passes a plain ZCatalog and brains without a request)."""

    def __init__(self, agency=None, catalog=None, path=None):
        self.catalog = catalog or api.portal.get_tool("portal_catalog")
        self.path = path or "/".join(agency.getPhysicalPath())

    def search(self, **query):
        return self.catalog.unrestrictedSearchResults(path=self.path, **query)

    def url(self, brain):
        return brain.getURL()

    def has_column(self, name):
        return name in self.catalog.schema()

    def has_index(self, name):
        return name in self.catalog.indexes()

    def has_type(self, portal_type):
        return portal_type in api.portal.get_tool("portal_types").objectIds()


def _source(agency):
    return agency if isinstance(agency, Source) else Source(agency)


def _search(agency, **query):
    return _source(agency).search(**query)


def _record(brain, source=None, **values):
    url = source.url(brain) if source is not None else brain.getURL()
    return Record(url=url, title=brain.Title, UID=brain.UID, **values)


def published_in(period):
    """The catalog query on ``effective`` for 发布日期 in ``period`` (China time)."""
    if period is None:
        return {}
    start = DateTime(f"{period[0].isoformat()} 00:00:00 GMT+8")
    end = DateTime(f"{period[1].isoformat()} 23:59:59 GMT+8")
    return {"effective": {"query": (start, end), "range": "min:max"}}


def document_records(agency, period=None):
    """Published PolicyDocuments (published in ``period`` if given; normative
    ones flagged from the index)."""
    source = _source(agency)
    query = {"portal_type": "PolicyDocument", "review_state": "published"}
    query.update(published_in(period))
    normative = {
        brain.getRID() for brain in _search(agency, is_normative=True, **query)
    }
    return [
        _document_record(
            brain,
            source,
            document_kind=_value(brain, "document_kind"),
            is_normative=brain.getRID() in normative,
        )
        for brain in _search(agency, **query)
    ]


def _document_record(brain, source, **values):
    """A document's dates: 发布日期, 成文日期, 信息变更日期, last publication."""
    return _record(
        brain,
        source,
        effective=_as_date(brain.effective),
        date_written=_parse(_value(brain, "date_written")),
        changed=_parse(_value(brain, "date_changed")),
        republished=_parse(_value(brain, "last_published")),
        **values,
    )


def changed_document_records(agency, period):
    """Published PolicyDocuments with a 信息变更日期 whose changed version was
    published in ``period`` (first published earlier or not): art. 26's
    "or of its change" (index ``last_published``, ISO dates)."""
    query = {
        "portal_type": "PolicyDocument",
        "review_state": "published",
        "last_published": {
            "query": (period[0].isoformat(), period[1].isoformat()),
            "range": "min:max",
        },
    }
    source = _source(agency)
    return [
        _document_record(brain, source)
        for brain in _search(agency, **query)
        if _value(brain, "date_changed")
    ]


def interpretation_records(agency, uids=None):
    """Published interpretations (of the documents ``uids`` if given)."""
    source = _source(agency)
    query = {"interpreted_uids": list(uids)} if uids is not None else {}
    if uids is not None and not query["interpreted_uids"]:
        return []
    return [
        _record(
            brain,
            source,
            effective=_as_date(brain.effective),
            interpreted_uids=_value(brain, "interpreted_uids") or (),
        )
        for brain in _search(
            agency,
            portal_type="PolicyInterpretation",
            review_state="published",
            **query,
        )
    ]


def withheld_records(agency):
    """Documents not disclosed (not published) with a reassessment date."""
    source = _source(agency)
    return [
        _record(
            brain,
            source,
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


def complaint_records(agency):
    """Complaints about ``agency``: they live in the site's complaint box, routed
    by ``agency_uid``, never inside the agency. Deadline: the reply deadline
    (from acceptance, else from receipt); done: the day of the reply."""
    source = _source(agency)
    agency = api.portal.get().unrestrictedTraverse(source.path, None)
    if agency is None or not hasattr(agency, "UID"):
        return None  # e.g. the benchmark's plain catalog: no complaints there
    calendar, today, uid = get_site_calendar(), site_today(), agency.UID()
    records = []
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=COMPLAINT_TYPE):
        complaint = brain._unrestrictedGetObject()
        if getattr(complaint, "agency_uid", None) != uid:
            continue
        replied = complaint.last_event("replied")
        try:
            due = complaint_due(
                "investigating",
                complaint.received_date,
                accepted_date(complaint),
                calendar,
                today,
                complaint_settings(),
            )
        except CalendarCoverageError:
            due = None
        records.append(
            _record(
                brain,
                deadline=due.date if due else None,
                done=_as_date(replied["date"]) if replied else None,
            )
        )
    return records


def case_records(agency, monitor):
    """Records (deadline, done) of one kind of case, or None: no data."""
    portal_type, deadline_column, done_column = CASE_COLUMNS[monitor]
    source = _source(agency)
    if not source.has_type(portal_type):
        return None
    if monitor == "complaints_on_time":
        return complaint_records(agency)
    if not (source.has_column(deadline_column) and source.has_column(done_column)):
        return None
    return [
        _record(
            brain,
            source,
            deadline=_parse(_value(brain, deadline_column)),
            done=_parse(_value(brain, done_column)),
        )
        for brain in _search(agency, portal_type=portal_type)
        if brain.review_state not in SKIPPED_CASE_STATES
        # Only a consultation the public could take part in owes feedback.
        and (portal_type != CONSULTATION_TYPE or brain.review_state == "published")
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


def _with_changes(documents, source, period):
    """The documents published in the period and those whose change was."""
    seen = {doc.UID for doc in documents}
    if not source.has_index("last_published"):
        return documents
    extra = changed_document_records(source, period)
    return documents + [doc for doc in extra if doc.UID not in seen]


def catalog_monitors(source, period, today, calendar, kinds, lag):
    """The monitors over documents, interpretations and cases (the bulk)."""
    documents = document_records(source, period)
    needed = [d.UID for d in documents if monitors.needs_interpretation(d, kinds)]
    interpretations = interpretation_records(source, needed)
    results = {
        "publication_on_time": monitors.publication_on_time(
            _with_changes(documents, source, period), calendar, period
        ),
        "interpretation_coverage": monitors.interpretation_coverage(
            documents, interpretations, calendar, period, kinds, lag
        ),
        "reassessment_due": monitors.reassessment_due(
            withheld_records(source), min(today, period[1])
        ),
    }
    for monitor in CASE_COLUMNS:
        records = case_records(source, monitor)
        results[monitor] = (
            monitors.no_data(monitor)
            if records is None
            else monitors.answered_on_time(records, today, period, monitor)
        )
    return results


def run_monitors(agency, period, today=None):
    """{monitor: MonitorResult} of ``agency`` for ``period`` (first, last day)."""
    today = today or site_today()
    calendar = get_site_calendar()
    kinds = tuple(setting("interpretation_required_kinds", ("decision", "opinion")))
    lag = setting("interpretation_max_lag_working_days", 3)
    results = catalog_monitors(Source(agency), period, today, calendar, kinds, lag)
    results["guide_freshness"] = monitors.guide_freshness(
        guide_records(agency),
        min(today, period[1]),
        setting("guide_review_interval_days", 365),
    )
    results["directory_fulfilment"] = monitors.directory_fulfilment(
        *directory_records(agency)
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
