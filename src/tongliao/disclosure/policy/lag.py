"""Interpretation lag in working days between the two 发布日期 (effective dates)."""

from plone import api
from tongliao.disclosure.validators import _as_date
from tongliao.disclosure.workdays import CalendarCoverageError
from tongliao.disclosure.workdays import working_days_between
from tongliao.disclosure.workdays import WorkingDayCalendar


def site_calendar():
    """The working-day calendar with the site's overrides from the registry."""
    lines = api.portal.get_registry_record(
        "tongliao.disclosure.calendar_overrides", default=None
    )
    years = api.portal.get_registry_record(
        "tongliao.disclosure.calendar_covered_years", default=None
    )
    return WorkingDayCalendar.from_lines(lines or [], covered_years=years or [])


def max_lag():
    return api.portal.get_registry_record(
        "tongliao.disclosure.interpretation_max_lag_working_days", default=3
    )


def interpretation_lag(document, interpretation, calendar=None):
    """{"days", "late", "max", "error"} or None if a date is missing.

    0 when published the same day or earlier; ``error`` carries the calendar
    coverage message instead of a guess.
    """
    start = _as_date(document.effective_date)
    end = _as_date(interpretation.effective_date)
    if start is None or end is None:
        return None
    limit = max_lag()
    if end <= start:
        return {"days": 0, "late": False, "max": limit, "error": None}
    try:
        days = working_days_between(start, end, calendar or site_calendar())
    except CalendarCoverageError as error:
        return {"days": None, "late": False, "max": limit, "error": str(error)}
    return {"days": days, "late": days > limit, "max": limit, "error": None}
