"""Staff warning: last year's annual report is not published yet (from 1 January).

Deadline per agency kind from the registry (annual_report_deadline_department,
annual_report_deadline_government, "MM-DD"); before it the warning is a
"warning", after it an "error".
"""

from datetime import date
from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.warnings import IStaffWarnings
from tongliao.disclosure.warnings import StaffWarning
from zope.interface import implementer


DEADLINE_RECORDS = {
    "department": ("tongliao.disclosure.annual_report_deadline_department", "01-31"),
    "government": ("tongliao.disclosure.annual_report_deadline_government", "03-31"),
}


def report_deadline(kind, year):
    """The publication deadline of the report for ``year - 1`` in ``year``."""
    record, default = DEADLINE_RECORDS.get(kind, DEADLINE_RECORDS["department"])
    value = api.portal.get_registry_record(record, default=default) or default
    try:
        month, day = (int(part) for part in value.split("-"))
        return date(year, month, day)
    except ValueError:
        month, day = (int(part) for part in default.split("-"))
        return date(year, month, day)


@implementer(IStaffWarnings)
class AnnualReportWarnings:
    def __call__(self, portal):
        today = site_today()
        year = today.year - 1
        catalog = api.portal.get_tool("portal_catalog")
        published = {
            brain.getPath().rsplit("/", 1)[0]
            for brain in catalog.unrestrictedSearchResults(
                portal_type="AnnualReport", report_year=year, review_state="published"
            )
        }
        found = []
        for brain in catalog.unrestrictedSearchResults(
            portal_type="DisclosureAgency", sort_on="sortable_title"
        ):
            if brain.getPath() in published:
                continue
            deadline = report_deadline(brain.agency_kind, today.year)
            late = today > deadline
            mapping = {
                "agency": brain.Title,
                "year": year,
                "deadline": f"{deadline.year}年{deadline.month}月{deadline.day}日",
            }
            if late:
                message = _(
                    "${agency}: the ${year} annual report was due by ${deadline} "
                    "and is not published.",
                    mapping=mapping,
                )
            else:
                message = _(
                    "${agency}: publish the ${year} annual report by ${deadline}.",
                    mapping=mapping,
                )
            found.append(
                StaffWarning(
                    message=message,
                    link=brain.getURL(),
                    level="error" if late else "warning",
                )
            )
        return found
