"""Notice numbers (文号) of an agency's notices: ``<prefix>〔<year>〕<n>号``.

One sequence per agency and calendar year (the notice's date), gap-free and
never reused. Concurrency as in :mod:`tongliao.disclosure.index_numbers`: the
counter is one plain ``Persistent`` object without conflict resolution, so
two transactions numbering notices of the same agency conflict and Zope's
publisher retries the second one, which then reads the new value.
"""

from persistent import Persistent
from tongliao.disclosure.applications.agency_settings import agency_setting
from zope.annotation.interfaces import IAnnotations


COUNTER_KEY = "tongliao.disclosure.notice_number_counter"


class NoticeNumberCounter(Persistent):
    """Last number handed out, per year, for one agency."""

    def __init__(self):
        self.last = {}

    def allocate(self, year):
        number = self.last.get(year, 0) + 1
        # Replace the dict so the write is on this object (and conflicts here).
        self.last = {**self.last, year: number}
        return number

    def peek(self, year):
        return self.last.get(year, 0)


def get_counter(agency):
    annotations = IAnnotations(agency)
    counter = annotations.get(COUNTER_KEY)
    if counter is None:
        counter = annotations[COUNTER_KEY] = NoticeNumberCounter()
    return counter


def format_notice_number(prefix, year, number):
    return f"{prefix}〔{year}〕{number}号"


def next_notice_number(agency, day):
    """Allocate the next number of ``agency`` in the year of ``day``."""
    number = get_counter(agency).allocate(day.year)
    return format_notice_number(
        agency_setting(agency, "notice_number_prefix"), day.year, number
    )
