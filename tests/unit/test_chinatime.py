"""One time zone and one format for every date with a time a person reads."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import UTC
from tongliao.disclosure.chinatime import date_text
from tongliao.disclosure.chinatime import datetime_text

import pytest


@pytest.mark.parametrize(
    "value,expected",
    [
        # A review record (UTC ISO) and the queue's catalog date of the same moment.
        ("2026-11-29T21:16:40+00:00", "2026年11月30日 05:16"),
        (DateTime("2026/11/29 21:16:40 UTC"), "2026年11月30日 05:16"),
        # The demo publishes at 09:00 China time.
        (DateTime("2021/07/20 09:00:00 GMT+8"), "2021年7月20日 09:00"),
        (datetime(2021, 7, 20, 1, 0, tzinfo=UTC), "2021年7月20日 09:00"),
        (datetime(2021, 7, 20, 1, 0), "2021年7月20日 09:00"),  # naive = UTC
        (None, ""),
        ("", ""),
        ("not a date", "not a date"),
    ],
)
def test_datetime_text(value, expected):
    assert datetime_text(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        (date(2026, 1, 5), "2026年1月5日"),
        ("2026-12-28", "2026年12月28日"),
        (None, ""),
        ("", ""),
        ("soon", "soon"),
    ],
)
def test_date_text(value, expected):
    assert date_text(value) == expected
