"""Compliance of an agency's directory: what is missing and what came late.

Start date of a time limit: the document's 成文日期 (``date_written``), read as
the 信息形成之日 of "信息形成或者变更之日起N个工作日内" (day 0). The deadline is
the N-th working day after it in the site calendar; content published (发布日期,
``effective``, in China) after the deadline is late. Items disclosed on request
(依申请) are not expected to have published content; only published items are
checked (a draft item is not in force yet). Catalog brains only.
"""

from dataclasses import dataclass
from dataclasses import field
from plone import api
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.validators import _as_date
from tongliao.disclosure.workdays import CalendarCoverageError


FULFILLING_TYPES = ("PolicyDocument",)


@dataclass
class Late:
    item: object  # brain
    document: object  # brain
    written: object
    deadline: object
    published: object
    days_late: int


@dataclass
class Compliance:
    items: list = field(default_factory=list)  # brains of every item
    unfulfilled: list = field(default_factory=list)  # brains
    late: list = field(default_factory=list)  # Late
    unknown: list = field(default_factory=list)  # (item, doc, year): calendar gaps
    fulfilled_by: dict = field(default_factory=dict)  # item UID → [doc brains]


def check_directory(agency):
    result = Compliance()
    result.items = list(
        api.content.find(
            portal_type="DirectoryItem",
            review_state="published",  # items in force; drafts oblige nothing yet
            path="/".join(agency.getPhysicalPath()),
            sort_on="directory_code",
        )
    )
    uids = [brain.UID for brain in result.items]
    if not uids:
        return result
    documents = api.content.find(
        portal_type=FULFILLING_TYPES,
        review_state="published",
        directory_item_uids=uids,
        sort_on="effective",
    )
    for document in documents:
        for uid in document.directory_item_uids or ():
            result.fulfilled_by.setdefault(uid, []).append(document)
    calendar = get_site_calendar()
    for item in result.items:
        fulfilling = result.fulfilled_by.get(item.UID, [])
        if not fulfilling:
            if getattr(item, "disclosure_mode", None) != "on_request":
                result.unfulfilled.append(item)
            continue
        days = item.time_limit_days
        if not isinstance(days, int):
            continue  # Missing.Value: the time limit names no working days
        for document in fulfilling:
            written = _as_date(document.date_written)
            published = _as_date(document.effective)
            if written is None or published is None:
                continue
            try:
                deadline = calendar.add_working_days(written, days)
                if published <= deadline:
                    continue
                days_late = calendar.working_days_between(deadline, published)
            except CalendarCoverageError as error:
                result.unknown.append((item, document, error.year))
                continue
            result.late.append(
                Late(item, document, written, deadline, published, days_late)
            )
    return result
