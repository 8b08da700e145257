"""One time zone for everything a person reads: China Standard Time (Asia/Shanghai).

China has one time zone and no daylight saving time. Timestamps are stored in
UTC; dates shown to people and "today" for legal deadlines are in this zone.
"""

from datetime import datetime
from datetime import timedelta
from datetime import timezone


CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")


def today_in_china():
    """Return the current date in China, whatever the server's time zone."""
    return datetime.now(CHINA_TZ).date()
