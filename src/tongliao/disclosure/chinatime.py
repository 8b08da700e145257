"""One time zone for everything a person reads: China Standard Time (Asia/Shanghai).

China has one time zone and no daylight saving time. Timestamps are stored in
UTC; dates shown to people and "today" for legal deadlines are in this zone.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from datetime import UTC


CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")


def today_in_china():
    """Return the current date in China, whatever the server's time zone."""
    return datetime.now(CHINA_TZ).date()


def to_china(value):
    """``value`` (datetime, Zope DateTime or ISO 8601 text) as China time, or None.

    Naive datetimes are taken as UTC, the way this add-on stores them.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    elif hasattr(value, "asdatetime"):  # Zope DateTime
        value = value.asdatetime()
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(CHINA_TZ)


def datetime_text(value):
    """The one way dates with times are shown: 2026年11月29日 09:05 (China time)."""
    try:
        moment = to_china(value)
    except (TypeError, ValueError):
        return str(value or "")
    if moment is None:
        return ""
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def date_text(value):
    """A date as shown: 2026年11月30日 (accepts a date or an ISO string)."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value.year}年{value.month}月{value.day}日"
