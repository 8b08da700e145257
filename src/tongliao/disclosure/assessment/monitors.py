"""Monitors of disclosure work: pure functions over catalog records.

A record is anything with the attributes a monitor reads (a catalog brain, or a
``Record`` in tests and in the benchmark): ``url``, ``title`` and the dates named
below, as ``datetime.date``. Each monitor returns a ``MonitorResult``: how many
items were checked (``total``), how many passed, the failing ones with their
numbers (``findings``) and those a calendar gap left undecided (``unknown``).
``available`` is False when the site has no source for the monitor (a content
type or an index missing): the indicator then reads "no data" and is not
scored. No Plone import here: ``queries.py`` feeds the records.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta
from tongliao.disclosure.workdays import CalendarCoverageError

import types


PUBLICATION_WORKING_DAYS = 20  # Regulations art. 26


def Record(**values):
    """A plain record with attribute access (tests, benchmark)."""
    return types.SimpleNamespace(**values)


@dataclass(frozen=True)
class Finding:
    url: str
    title: str
    reason: str  # a short code: late, missing, overdue, open, stale …
    days: int | None = None  # working days taken / late, where that applies
    start: date | None = None
    deadline: date | None = None
    done: date | None = None


@dataclass
class MonitorResult:
    monitor: str
    total: int = 0
    passed: int = 0
    findings: list = field(default_factory=list)
    unknown: list = field(default_factory=list)  # (url, title, year)
    available: bool = True

    @property
    def value(self):
        """The share that passed (0…1), None when nothing was to be checked."""
        if not self.available or self.total == 0:
            return None
        return self.passed / self.total


def _date(value):
    if value is None or isinstance(value, date):
        return value
    if hasattr(value, "asdatetime"):  # DateTime of a brain
        return value.asdatetime().date()
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _in(day, period):
    return day is not None and period[0] <= day <= period[1]


def publication_on_time(documents, calendar, period, limit=PUBLICATION_WORKING_DAYS):
    """Art. 26: published within ``limit`` working days of 成文日期 or its change.

    Checked: published documents whose publication falls in ``period``. For a
    document whose information changed (``changed``, 信息变更日期) the start is
    that day and the publication is the one of the changed version
    (``republished``, the last publication; 发布日期 ``effective`` when not
    known); otherwise the start is ``date_written`` (day 0) and the
    publication 发布日期. Late ones carry the working days taken.
    """
    result = MonitorResult("publication_on_time")
    for doc in documents:
        changed = _date(getattr(doc, "changed", None))
        published = _date(doc.effective)
        if changed is not None:
            published = _date(getattr(doc, "republished", None)) or published
        start = changed or _date(doc.date_written)
        if not _in(published, period) or start is None:
            continue
        result.total += 1
        try:
            deadline = calendar.add_working_days(start, limit)
            taken = max(calendar.working_days_between(start, published), 0)
        except CalendarCoverageError as error:
            result.total -= 1
            result.unknown.append((doc.url, doc.title, error.year))
            continue
        if published <= deadline:
            result.passed += 1
        else:
            result.findings.append(
                Finding(doc.url, doc.title, "late", taken, start, deadline, published)
            )
    return result


def needs_interpretation(doc, kinds):
    return bool(getattr(doc, "is_normative", False)) or doc.document_kind in kinds


def interpretation_coverage(documents, interpretations, calendar, period, kinds, lag):
    """DB15/T 2094: every 规范性文件 and every document of ``kinds`` published in
    ``period`` has a published interpretation, published at most ``lag`` working
    days after it. Missing ones and late ones are findings (late: the lag)."""
    result = MonitorResult("interpretation_coverage")
    first = {}
    for item in interpretations:
        published = _date(item.effective)
        if published is None:
            continue
        for uid in item.interpreted_uids or ():
            if uid not in first or published < first[uid]:
                first[uid] = published
    for doc in documents:
        published = _date(doc.effective)
        if not _in(published, period) or not needs_interpretation(doc, kinds):
            continue
        result.total += 1
        explained = first.get(doc.UID)
        if explained is None:
            result.findings.append(
                Finding(doc.url, doc.title, "missing", None, published)
            )
            continue
        try:
            days = max(calendar.working_days_between(published, explained), 0)
        except CalendarCoverageError as error:
            result.total -= 1
            result.unknown.append((doc.url, doc.title, error.year))
            continue
        if days <= lag:
            result.passed += 1
        else:
            deadline = calendar.add_working_days(published, lag)
            result.findings.append(
                Finding(
                    doc.url, doc.title, "late", days, published, deadline, explained
                )
            )
    return result


def reassessment_due(documents, today):
    """Art. 18: documents not disclosed whose ``reassessment_date`` has passed
    (strictly before ``today``). ``total`` = withheld documents with a date."""
    result = MonitorResult("reassessment_due")
    for doc in documents:
        due = _date(doc.reassessment_date)
        if due is None:
            continue
        result.total += 1
        if due < today:
            result.findings.append(
                Finding(doc.url, doc.title, "overdue", (today - due).days, None, due)
            )
        else:
            result.passed += 1
    return result


def answered_on_time(records, today, period, monitor):
    """Cases (applications, complaints, consultations) whose deadline falls in
    ``period``, or falls before its end and is still open: on time when
    ``done`` ≤ ``deadline``; still open after the deadline: overdue."""
    result = MonitorResult(monitor)
    end = min(period[1], today)
    for case in records:
        deadline = _date(case.deadline)
        done = _date(case.done)
        if deadline is None:
            continue
        if not (_in(deadline, period) or (done is None and deadline < period[0])):
            continue
        if done is None and deadline >= end:
            continue  # still running, not yet due
        result.total += 1
        if done is not None and done <= deadline:
            result.passed += 1
        elif done is None:
            days = (end - deadline).days
            result.findings.append(
                Finding(case.url, case.title, "overdue", days, None, deadline)
            )
        else:
            days = (done - deadline).days
            result.findings.append(
                Finding(case.url, case.title, "late", days, None, deadline, done)
            )
    return result


def no_data(monitor):
    return MonitorResult(monitor, available=False)


def guide_freshness(guides, today, interval_days):
    """The agency's guide is published and reviewed within ``interval_days``."""
    result = MonitorResult("guide_freshness")
    guides = list(guides)
    result.total = 1
    if not guides:
        result.findings.append(Finding("", "", "missing"))
        return result
    guide = guides[0]
    reviewed = _date(guide.last_reviewed)
    if guide.review_state != "published":
        result.findings.append(Finding(guide.url, guide.title, "unpublished"))
    elif reviewed is None:
        result.findings.append(Finding(guide.url, guide.title, "never_reviewed"))
    elif reviewed + timedelta(days=interval_days) < today:
        days = (today - reviewed).days
        result.findings.append(Finding(guide.url, guide.title, "stale", days, reviewed))
    else:
        result.passed = 1
    return result


def directory_fulfilment(items, unfulfilled, late):
    """Published directory items (依申请 excepted) with published content, none
    of it late. ``items``, ``unfulfilled``: records; ``late``: (item, days, doc
    url) — the output of directory.compliance.check_directory."""
    result = MonitorResult("directory_fulfilment")
    expected = [i for i in items if getattr(i, "disclosure_mode", None) != "on_request"]
    result.total = len(expected)
    failing = {i.url for i in unfulfilled}
    for item in unfulfilled:
        result.findings.append(Finding(item.url, item.title, "missing"))
    for item, days, _doc in late:
        if item.url not in failing:
            failing.add(item.url)
            result.findings.append(Finding(item.url, item.title, "late", days))
    result.passed = result.total - len(failing & {i.url for i in expected})
    return result


def annual_report_on_time(reports, year, deadline, today):
    """The report on ``year`` published by ``deadline``; not applicable before
    the deadline while it is not published."""
    result = MonitorResult("annual_report_on_time")
    published = [r for r in reports if r.review_state == "published"]
    done = min((_date(r.effective) for r in published if r.effective), default=None)
    if done is None and today <= deadline:
        return result  # not due yet: nothing to check
    result.total = 1
    if done is not None and done <= deadline:
        result.passed = 1
        return result
    report = published[0] if published else (reports[0] if reports else None)
    url, title = (report.url, report.title) if report is not None else ("", "")
    end = done or today
    result.findings.append(
        Finding(
            url,
            title,
            "late" if done else "overdue",
            (end - deadline).days,
            None,
            deadline,
            done,
        )
    )
    return result


MONITORS = (
    "publication_on_time",
    "interpretation_coverage",
    "reassessment_due",
    "applications_on_time",
    "consultations_overdue",
    "complaints_on_time",
    "guide_freshness",
    "directory_fulfilment",
    "annual_report_on_time",
)


def period_dates(year, quarter=0):
    """(first day, last day) of a year (quarter 0) or of quarter 1–4."""
    if not quarter:
        return date(year, 1, 1), date(year, 12, 31)
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, last - timedelta(days=1)
