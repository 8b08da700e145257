"""The site's working-day calendar: chinesecalendar plus the registry overrides.

Every feature that counts working days gets its calendar and "today" here, so the
overrides staff enter in the control panel apply everywhere at once.
"""

from plone import api
from tongliao.disclosure.chinatime import today_in_china
from tongliao.disclosure.workdays import cached_calendar


OVERRIDES_RECORD = "tongliao.disclosure.calendar_overrides"


def get_site_calendar():
    """The WorkingDayCalendar built from the registry (cached per record value)."""
    lines = api.portal.get_registry_record(OVERRIDES_RECORD, default=None) or []
    return cached_calendar(lines)


def site_today():
    """Today in China; tests move the clock by patching this function."""
    return today_in_china()


def deadline_settings():
    """The compute_deadlines settings taken from the registry."""
    prefix = "tongliao.disclosure."
    return {
        "due_soon_working_days": api.portal.get_registry_record(
            prefix + "due_soon_working_days", default=3
        ),
        "fee_notice_pauses_clock": bool(
            api.portal.get_registry_record(
                prefix + "fee_notice_pauses_clock", default=False
            )
        ),
    }
