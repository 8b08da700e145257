"""The site's working-day calendar: chinesecalendar plus the registry overrides.

Every feature that counts working days asks :func:`get_site_calendar` so that
the overrides staff enter in @@disclosure-settings apply everywhere at once.
"""

from functools import lru_cache
from plone import api
from tongliao.disclosure.deadlines import DEFAULT_SETTINGS
from tongliao.disclosure.deadlines import WorkingDayCalendar


PREFIX = "tongliao.disclosure"


@lru_cache(maxsize=8)
def _calendar(lines, covered_years):
    return WorkingDayCalendar.from_lines(lines, covered_years=covered_years)


def _record(name, default):
    value = api.portal.get_registry_record(f"{PREFIX}.{name}", default=default)
    return default if value is None else value


def get_site_calendar():
    """The WorkingDayCalendar of this site (cached per registry content).

    Raises ValueError when an override line is malformed (the control panel
    refuses such lines, so this only happens with hand-edited registries).
    """
    lines = tuple(_record("calendar_overrides", []))
    years = tuple(sorted(_record("calendar_covered_years", [])))
    return _calendar(lines, years)


def get_deadline_settings():
    """The settings compute_deadlines takes, read from the registry."""
    return {
        "due_soon_working_days": int(
            _record("due_soon_working_days", DEFAULT_SETTINGS["due_soon_working_days"])
        ),
        "fee_notice_pauses_clock": bool(
            _record(
                "fee_notice_pauses_clock", DEFAULT_SETTINGS["fee_notice_pauses_clock"]
            )
        ),
    }
