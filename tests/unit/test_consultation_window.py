"""The comment window of a consultation: inclusive China dates (pure)."""

from datetime import date
from tongliao.disclosure.consultation.window import CLOSED
from tongliao.disclosure.consultation.window import comment_window
from tongliao.disclosure.consultation.window import NOT_OPEN
from tongliao.disclosure.consultation.window import OPEN
from tongliao.disclosure.consultation.window import period_days

import pytest


@pytest.mark.parametrize(
    "today,expected",
    [
        (date(2026, 10, 31), NOT_OPEN),
        (date(2026, 11, 1), OPEN),
        (date(2026, 11, 15), OPEN),
        (date(2026, 11, 30), OPEN),  # the close date itself is open
        (date(2026, 12, 1), CLOSED),
    ],
)
def test_window(today, expected):
    assert comment_window(date(2026, 11, 1), date(2026, 11, 30), today) == expected


def test_missing_dates_never_open():
    assert comment_window(None, date(2026, 11, 30), date(2026, 11, 2)) == NOT_OPEN


def test_period_counts_both_ends():
    assert period_days(date(2026, 11, 1), date(2026, 11, 30)) == 30
    assert period_days(date(2026, 11, 1), date(2026, 11, 1)) == 1
