"""Deadline computation for disclosure applications (the reply clock).

A pure module: standard library only, no Plone or Zope imports. Working days
come from :mod:`tongliao.disclosure.workdays` (the counting convention is
described there); its public names are exported here too for existing callers.

Stopping the reply clock
    A pause from day ``s`` to day ``e`` (consultation under art. 32/34, or a fee
    notice when the setting says so) excludes the working days d with
    ``s < d <= e``: the clock runs on the day the letter goes out, stops the
    next day and restarts after the day the answer arrives, as if ``e`` were a
    new day 0 for the remaining count.  A pause starting before the deadline of
    a clock therefore moves that deadline by exactly
    ``working_days_between(s, e)`` working days; one starting on or after the
    deadline day moves nothing.  Overlapping pauses are merged.
    A 补正 (art. 30) is not a pause but a restart: the days counted before the
    notice are discarded and a fresh ``reply_days`` count starts with the day
    the corrected application is received as day 0.

Open pauses and the day of reference
    Only events dated on or before ``today`` count.  A pause still open on the
    reference day (``today``, or the closing day of a closed case) is computed
    as if it ended that day, and the result says ``paused=True``; an awaited
    correction is likewise computed as if it arrived that day.  So a paused
    application is never reported overdue, and its deadline moves day by day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from tongliao.disclosure.workdays import _as_date
from tongliao.disclosure.workdays import _MAKEUP
from tongliao.disclosure.workdays import add_working_days as add_working_days
from tongliao.disclosure.workdays import cached_calendar as cached_calendar
from tongliao.disclosure.workdays import CalendarCoverageError as CalendarCoverageError
from tongliao.disclosure.workdays import CalendarData as CalendarData
from tongliao.disclosure.workdays import COVERED as COVERED
from tongliao.disclosure.workdays import DEFAULT_CALENDAR as DEFAULT_CALENDAR
from tongliao.disclosure.workdays import missing_next_year as missing_next_year
from tongliao.disclosure.workdays import ONE_DAY as ONE_DAY
from tongliao.disclosure.workdays import OVERRIDE_HOLIDAY as OVERRIDE_HOLIDAY
from tongliao.disclosure.workdays import OVERRIDE_WORKDAY as OVERRIDE_WORKDAY
from tongliao.disclosure.workdays import PACKAGE_VERSION as PACKAGE_VERSION
from tongliao.disclosure.workdays import PACKAGE_YEARS as PACKAGE_YEARS
from tongliao.disclosure.workdays import parse_calendar_lines as parse_calendar_lines
from tongliao.disclosure.workdays import WEEKDAY_NAMES as WEEKDAY_NAMES
from tongliao.disclosure.workdays import working_days_between as working_days_between
from tongliao.disclosure.workdays import WorkingDayCalendar as WorkingDayCalendar
from typing import NamedTuple

import datetime


# Event types.  The order of EVENT_TYPES is the processing order of same-day events.
RECEIVED = "received"
CORRECTION_REQUESTED = "correction_requested"
CORRECTION_RECEIVED = "correction_received"
CONSULTATION_STARTED = "consultation_started"
CONSULTATION_ENDED = "consultation_ended"
FEE_NOTICE_SENT = "fee_notice_sent"
FEE_PAID = "fee_paid"
EXTENSION = "extension"
CUSTOM_DEADLINE = "custom_deadline"
REPLIED = "replied"
WITHDRAWN = "withdrawn"
ARCHIVED = "archived"
EVENT_TYPES = (
    RECEIVED,
    CORRECTION_REQUESTED,
    CORRECTION_RECEIVED,
    CONSULTATION_STARTED,
    CONSULTATION_ENDED,
    FEE_NOTICE_SENT,
    FEE_PAID,
    EXTENSION,
    CUSTOM_DEADLINE,
    REPLIED,
    WITHDRAWN,
    ARCHIVED,
)
CLOSING_EVENTS = frozenset({REPLIED, WITHDRAWN, ARCHIVED})
_EVENT_RANK = {name: rank for rank, name in enumerate(EVENT_TYPES)}

# Who is consulted: the optional "basis" key of a consultation_started event.
CONSULT_THIRD_PARTY = "third_party"
CONSULT_AGENCY = "agency"
_CONSULT_REASONS = {
    CONSULT_THIRD_PARTY: ("征求第三方意见", "第三十二条"),
    CONSULT_AGENCY: ("征求其他机关意见", "第三十四条"),
}

# Kinds of PausedInterval.
PAUSE_CONSULTATION = "consultation"
PAUSE_FEE = "fee"
PAUSE_CORRECTION = "correction"
_PAUSE_BASIS = {
    PAUSE_CONSULTATION: "第三十三条第三款",
    PAUSE_FEE: "本系统设置：收费通知中止计算",
}

STATUS_ON_TIME = "on_time"
STATUS_DUE_SOON = "due_soon"
STATUS_OVERDUE = "overdue"
STATUS_CLOSED = "closed"

DEFAULT_SETTINGS = {
    # Unverified in law [L]; off by default because pausing would show a later,
    # possibly illegal deadline, while not pausing only errs on the early side.
    "fee_notice_pauses_clock": False,
    "due_soon_working_days": 3,
    "reply_days": 20,
    "correction_notice_days": 7,
    "extension_max_days": 20,
}


@dataclass(frozen=True)
class PausedInterval:
    """A stretch of days on which the reply clock did not run.

    ``working_days`` are the working days d with start < d <= end (or the day
    of reference while open); ``excluded_working_days`` are those actually
    taken off the clock in force (0 for a pause before a 补正 restart or one
    starting on or after the deadline; overlaps are counted once).  For the
    ``correction`` kind both count the days (request, receipt of correction].
    """

    kind: str
    start: datetime.date
    end: datetime.date | None
    reason: str
    party: str
    working_days: int
    excluded_working_days: int


@dataclass(frozen=True)
class ExtensionInfo:
    """The one extension allowed by art. 33(2)."""

    date: datetime.date
    days: int
    approver: str
    reason: str


@dataclass(frozen=True)
class DeadlineResult:
    """Every deadline of one application, as of ``today``.

    ``explanations`` maps "reply_deadline" and "correction_notice_deadline" to
    a Chinese text a clerk can check by hand; ``warnings`` lists irregularities
    in the history (late 补正 notice, late extension ...) in Chinese.
    ``working_days_left`` is ``working_days_between(today, reply_deadline)``:
    0 on the due day, negative once overdue, None when closed.
    """

    received: datetime.date
    reply_deadline: datetime.date | None
    correction_notice_deadline: datetime.date
    status: str
    working_days_left: int | None
    paused: bool
    waiting_for: str | None
    clock_start: datetime.date
    reply_days: int
    paused_intervals: list = field(default_factory=list)
    extension: ExtensionInfo | None = None
    custom_deadline: datetime.date | None = None
    closed_on: datetime.date | None = None
    closed_by: str | None = None
    replied_on_time: bool | None = None
    today: datetime.date | None = None
    explanations: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    calendar_version: str = ""


@dataclass(frozen=True)
class _Pause:
    kind: str
    start: datetime.date
    end: datetime.date | None
    party: str
    reason: str


class _Custom(NamedTuple):
    date: datetime.date
    deadline: datetime.date
    reason: str


class _Clock(NamedTuple):
    start: datetime.date  # day 0
    limit: int  # working days allowed
    deadline: datetime.date
    segments: list  # (a, b): the clock ran on working days a < d <= b


class _History(NamedTuple):
    received: datetime.date
    correction_requested: datetime.date | None
    correction_received: datetime.date | None
    pauses: list
    extension: ExtensionInfo | None
    custom: _Custom | None
    closings: list  # (date, type)


def _fmt(day: datetime.date) -> str:
    return f"{day.isoformat()}（{WEEKDAY_NAMES[day.weekday()]}）"


def _settings(settings) -> dict:
    merged = dict(DEFAULT_SETTINGS)
    for key, value in (settings or {}).items():
        if key not in DEFAULT_SETTINGS:
            raise ValueError(
                f"unknown setting {key!r}; known: {', '.join(DEFAULT_SETTINGS)}"
            )
        expected = type(DEFAULT_SETTINGS[key])
        if type(value) is not expected:
            raise TypeError(f"setting {key!r} must be {expected.__name__}")
        merged[key] = value
    for key in ("reply_days", "correction_notice_days"):
        if merged[key] < 1:
            raise ValueError(f"setting {key!r} must be >= 1")
    for key in ("due_soon_working_days", "extension_max_days"):
        if merged[key] < 0:
            raise ValueError(f"setting {key!r} must be >= 0")
    return merged


def _sorted_events(events) -> list:
    keyed = []
    for index, raw in enumerate(events):
        if not isinstance(raw, Mapping):
            raise TypeError(f"event {index}: expected a dict, got {raw!r}")
        kind = raw.get("type")
        if kind not in _EVENT_RANK:
            raise ValueError(
                f"event {index}: unknown type {kind!r}; expected one of "
                f"{', '.join(EVENT_TYPES)}"
            )
        if "date" not in raw:
            raise ValueError(f"event {index} ({kind}): missing 'date'")
        event = dict(raw, date=_as_date(raw["date"]))
        keyed.append((event["date"], _EVENT_RANK[kind], index, event))
    keyed.sort(key=lambda item: item[:3])
    return [item[3] for item in keyed]


def _text(event, key) -> str:
    value = event.get(key) or ""
    if not isinstance(value, str):
        raise TypeError(f"{event['type']} on {event['date']}: {key!r} must be a str")
    return value.strip()


def _end_pause(pauses, open_indexes, event, kind):
    """End the earliest open pause of the event's party (any party if none)."""
    party = _text(event, "party")
    for index in open_indexes:
        if not party or pauses[index].party == party:
            pauses[index] = replace(pauses[index], end=event["date"])
            open_indexes.remove(index)
            return
    raise ValueError(
        f"{event['type']} on {event['date']}: no open {kind} "
        + (f"with party {party!r}" if party else "to end")
    )


def _read_history(events, cfg) -> _History:
    """Validate the whole history and pair the pause events."""
    received = requested = corrected = extension = custom = None
    pauses, open_consultations, open_fees, closings = [], [], [], []
    for event in events:
        kind, day = event["type"], event["date"]
        if kind == RECEIVED:
            if received is not None:
                raise ValueError(f"second 'received' event on {day}")
            received = day
        elif received is None:
            raise ValueError(f"{kind} on {day} comes before the 'received' event")
        elif kind == CORRECTION_REQUESTED:
            if requested is not None:
                raise ValueError(
                    f"second correction request on {day}: art. 30 allows one notice"
                )
            requested = day
        elif kind == CORRECTION_RECEIVED:
            if requested is None or corrected is not None:
                raise ValueError(f"correction received on {day} without a request")
            corrected = day
        elif kind == CONSULTATION_STARTED:
            open_consultations.append(len(pauses))
            pauses.append(_read_consultation(event))
        elif kind == CONSULTATION_ENDED:
            _end_pause(pauses, open_consultations, event, "consultation")
        elif kind == FEE_NOTICE_SENT:
            open_fees.append(len(pauses))
            pauses.append(_Pause(PAUSE_FEE, day, None, "", "收费通知发出至缴费"))
        elif kind == FEE_PAID:
            _end_pause(pauses, open_fees, event, "fee notice")
        elif kind == EXTENSION:
            extension = _read_extension(event, extension, cfg)
        elif kind == CUSTOM_DEADLINE:
            custom = _read_custom(event, custom)
        else:
            closings.append((day, kind))
    if received is None:
        raise ValueError("no 'received' event: the reply clock has no day 0")
    return _History(received, requested, corrected, pauses, extension, custom, closings)


def _read_consultation(event) -> _Pause:
    basis = event.get("basis", CONSULT_THIRD_PARTY)
    if basis not in _CONSULT_REASONS:
        raise ValueError(
            f"consultation on {event['date']}: basis must be "
            f"{CONSULT_THIRD_PARTY!r} or {CONSULT_AGENCY!r}"
        )
    party = _text(event, "party")
    label, article = _CONSULT_REASONS[basis]
    reason = f"{label}（{party}，{article}）" if party else f"{label}（{article}）"
    return _Pause(PAUSE_CONSULTATION, event["date"], None, party, reason)


def _read_extension(event, previous, cfg) -> ExtensionInfo:
    day = event["date"]
    if previous is not None:
        raise ValueError(
            f"second extension on {day}: art. 33(2) allows one (first on "
            f"{previous.date})"
        )
    days = event.get("days")
    if type(days) is not int or not 1 <= days <= cfg["extension_max_days"]:
        raise ValueError(
            f"extension on {day}: days must be an int from 1 to "
            f"{cfg['extension_max_days']}, got {days!r}"
        )
    approver = _text(event, "approver")
    if not approver:
        raise ValueError(f"extension on {day}: the approver is required (art. 33(2))")
    return ExtensionInfo(day, days, approver, _text(event, "reason"))


def _read_custom(event, previous) -> _Custom:
    day = event["date"]
    if previous is not None:
        raise ValueError(f"second custom deadline on {day} (first on {previous.date})")
    deadline = event.get("deadline")
    if not isinstance(deadline, datetime.date) or _as_date(deadline) < day:
        raise ValueError(
            f"custom deadline set on {day}: 'deadline' must be a date on or after it"
        )
    reason = _text(event, "reason")
    if not reason:
        raise ValueError(f"custom deadline set on {day}: a reason is required")
    return _Custom(day, _as_date(deadline), reason)


def _as_of(history, reference, fee_pauses) -> _History:
    """The history as known on ``reference``: later facts dropped, pauses open."""

    def known(day):
        return day if day is not None and day <= reference else None

    return history._replace(
        correction_requested=known(history.correction_requested),
        correction_received=known(history.correction_received),
        pauses=[
            replace(pause, end=known(pause.end))
            for pause in history.pauses
            if pause.start <= reference and (pause.kind != PAUSE_FEE or fee_pauses)
        ],
        extension=history.extension
        if history.extension and known(history.extension.date)
        else None,
        custom=history.custom
        if history.custom and known(history.custom.date)
        else None,
    )


def _merge(intervals) -> list:
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _run_clock(calendar, start, limit, stops):
    """Deadline of a ``limit``-working-day clock from day 0 ``start``.

    ``stops`` are merged (a, b) pairs, a < d <= b not counted.  Returns the
    deadline and the (a, b) segments on which the clock ran.
    """
    segments = []
    position, remaining = start, limit
    for stop_start, stop_end in stops:
        if stop_start > position:
            counted = calendar.working_days_between(position, stop_start)
            if counted >= remaining:
                break
            remaining -= counted
            segments.append((position, stop_start))
        position = max(position, stop_end)
    deadline = calendar.add_working_days(position, remaining)
    segments.append((position, deadline))
    return deadline, segments


def compute_deadlines(events, calendar=None, today=None, settings=None):
    """Compute the deadlines of one application from its event history.

    ``events`` is a list, in any order, of dicts ``{"type": ..., "date":
    datetime.date, ...}``; the extra keys per type are:

    * ``received`` (art. 31 receipt day, day 0; exactly one, the first event);
    * ``correction_requested`` (补正 notice sent; at most one, art. 30) and
      ``correction_received`` (the reply clock restarts from this day);
    * ``consultation_started`` with ``party`` and optional ``basis``
      (``"third_party"``, art. 32, the default, or ``"agency"``, art. 34) and
      ``consultation_ended`` with the same ``party`` (or none: the earliest
      open consultation ends);
    * ``fee_notice_sent`` / ``fee_paid`` (a pause only when the setting
      ``fee_notice_pauses_clock`` is true);
    * ``extension`` with ``days`` (1..extension_max_days), ``approver``
      (required) and ``reason``; at most one;
    * ``custom_deadline`` (art. 35) with ``deadline`` (a date replacing the
      reply deadline; a rest day moves to the next working day) and ``reason``;
    * ``replied``, ``withdrawn``, ``archived``: the case is closed.

    Same-day events are taken in the order above.  Pause and restart
    conventions are in the module docstring.  ``today`` defaults to the
    current date; events after it are not counted (a warning says so), and a
    closed case is computed as of its closing day (``today`` itself then need
    not be covered).  ``settings`` overrides DEFAULT_SETTINGS.  Raises
    ValueError for an impossible history and CalendarCoverageError when a date
    involved lies in an uncovered year.
    """
    calendar = calendar or DEFAULT_CALENDAR
    cfg = _settings(settings)
    today = datetime.date.today() if today is None else _as_date(today)
    ordered = _sorted_events(events)
    full = _read_history(ordered, cfg)
    for event in ordered:
        calendar.check(event["date"])
    if full.custom:
        calendar.check(full.custom.deadline)

    closed_on, closed_by = next(
        (closing for closing in full.closings if closing[0] <= today), (None, None)
    )
    reference = closed_on or today
    if full.received > reference:
        raise ValueError(f"received on {full.received}, after {reference}")
    history = _as_of(full, reference, cfg["fee_notice_pauses_clock"])
    warnings = _late_event_warnings(ordered, reference, closed_on)

    awaiting_correction = (
        history.correction_requested is not None and history.correction_received is None
    )
    clock_start = history.correction_received or (
        reference if awaiting_correction else history.received
    )
    limit = cfg["reply_days"] + (history.extension.days if history.extension else 0)
    stops = _merge(
        (max(pause.start, clock_start), pause.end or reference)
        for pause in history.pauses
        if (pause.end or reference) > clock_start
    )
    deadline, segments = _run_clock(calendar, clock_start, limit, stops)
    intervals = _paused_intervals(calendar, history, clock_start, deadline, reference)

    correction_deadline = calendar.add_working_days(
        history.received, cfg["correction_notice_days"]
    )
    requested = history.correction_requested
    if requested is not None and requested > correction_deadline:
        warnings.append(
            f"补正通知于 {requested} 发出，晚于第三十条规定的 "
            f"{cfg['correction_notice_days']} 个工作日期限 {correction_deadline}"
        )
    if history.extension is not None:
        unextended, _ = _run_clock(calendar, clock_start, cfg["reply_days"], stops)
        if history.extension.date > unextended:
            warnings.append(
                f"延期于 {history.extension.date} 批准，晚于原答复期限 {unextended}"
                "（第三十三条第二款要求在期限内批准）"
            )

    clock = _Clock(clock_start, limit, deadline, segments)
    lines = _reply_lines(calendar, cfg, history, reference, clock, intervals)
    if not cfg["fee_notice_pauses_clock"] and any(
        pause.kind == PAUSE_FEE and pause.start <= reference for pause in full.pauses
    ):
        lines.append("按本系统设置，收费通知不中止答复期限。")
    custom_deadline = None
    if history.custom:
        custom_deadline = _apply_custom(calendar, history.custom, deadline, lines)
        if custom_deadline < deadline:
            warnings.append(
                f"第三十五条确定的答复期限 {custom_deadline} 早于法定期限 {deadline}"
            )
        deadline = custom_deadline

    if awaiting_correction and closed_on:
        reply_deadline = None
        lines.append("结案时仍未收到补正材料，答复期限未起算。")
    else:
        reply_deadline = deadline
        lines.append(f"答复期限：{_fmt(deadline)}。")

    status, left = _status(calendar, cfg, today, deadline, closed_on)
    waiting_for = None
    if not closed_on:
        open_kinds = [pause.kind for pause in history.pauses if pause.end is None]
        waiting_for = (
            PAUSE_CORRECTION if awaiting_correction else next(iter(open_kinds), None)
        )
    return DeadlineResult(
        received=history.received,
        reply_deadline=reply_deadline,
        correction_notice_deadline=correction_deadline,
        status=status,
        working_days_left=left,
        paused=waiting_for is not None,
        waiting_for=waiting_for,
        clock_start=clock_start,
        reply_days=limit,
        paused_intervals=intervals,
        extension=history.extension,
        custom_deadline=custom_deadline,
        closed_on=closed_on,
        closed_by=closed_by,
        replied_on_time=(
            closed_on <= reply_deadline
            if closed_by == REPLIED and reply_deadline
            else None
        ),
        today=today,
        explanations={
            "reply_deadline": "\n".join(lines),
            "correction_notice_deadline": _correction_text(
                calendar, cfg, history.received, correction_deadline, requested
            ),
        },
        warnings=warnings,
        calendar_version=calendar.version,
    )


def _late_event_warnings(ordered, reference, closed_on) -> list:
    late = [
        f"{event['date']} {event['type']}"
        for event in ordered
        if event["date"] > reference
        and not (closed_on and event["type"] in CLOSING_EVENTS)
    ]
    if not late:
        return []
    when = "结案日" if closed_on else "今天"
    return [f"以下事件晚于{when}，未计入：{'、'.join(late)}"]


def _status(calendar, cfg, today, deadline, closed_on):
    """Status and working days left; the due day itself is never overdue."""
    if closed_on:
        return STATUS_CLOSED, None
    left = calendar.working_days_between(today, deadline)
    if today > deadline:
        return STATUS_OVERDUE, left
    if left <= cfg["due_soon_working_days"]:
        return STATUS_DUE_SOON, left
    return STATUS_ON_TIME, left


def _apply_custom(calendar, custom, statutory, lines) -> datetime.date:
    """The art. 35 deadline, moved off a rest day (民法典 art. 203)."""
    lines.append(f"法定答复期限为 {_fmt(statutory)}。")
    lines.append(
        f"{custom.date} 依据第三十五条确定答复期限为 {_fmt(custom.deadline)}，"
        f"理由：{custom.reason}；以此取代法定期限。"
    )
    if calendar.is_working_day(custom.deadline):
        return custom.deadline
    moved = calendar.next_working_day(custom.deadline)
    lines.append(f"该日不是工作日，顺延至 {_fmt(moved)}（民法典第二百零三条）。")
    return moved


def _paused_intervals(calendar, history, clock_start, deadline, reference) -> list:
    """PausedInterval records, with each working day excluded counted once."""
    result = []
    requested = history.correction_requested
    if requested is not None:
        waited = calendar.working_days_between(
            requested, history.correction_received or reference
        )
        result.append(
            PausedInterval(
                PAUSE_CORRECTION,
                requested,
                history.correction_received,
                "等待申请人补正（第三十条），收到补正后重新起算",
                "",
                waited,
                waited,
            )
        )
    covered_until = clock_start
    for pause in sorted(history.pauses, key=lambda pause: pause.start):
        end = pause.end or reference
        low = max(pause.start, covered_until)
        excluded = 0
        if max(pause.start, clock_start) < deadline and end > low:
            excluded = calendar.working_days_between(low, end)
            covered_until = end
        result.append(
            PausedInterval(
                pause.kind,
                pause.start,
                pause.end,
                pause.reason,
                pause.party,
                calendar.working_days_between(pause.start, end),
                excluded,
            )
        )
    return result


def _holiday_label(names) -> str:
    label = "、".join(names)
    return label if label.endswith(("假期", "休息日")) else label + "假期"


def _day_notes(calendar, segments) -> list:
    """Lines naming the holidays skipped and the make-up workdays counted."""
    notes, plain_rest_days = [], 0
    for start, end in segments:
        rest_days = (end - start).days - calendar.working_days_between(start, end)
        run = []  # consecutive named rest days
        for day, info in [*calendar.notable_days(start, end), (None, None)]:
            if run and (day is None or day - run[-1][0] != ONE_DAY or info.working):
                names = list(dict.fromkeys(label for _, label in run))
                span = (
                    _fmt(run[0][0])
                    if len(run) == 1
                    else f"{run[0][0].isoformat()} 至 {run[-1][0].isoformat()}"
                )
                notes.append(f"{span} {_holiday_label(names)}，不计")
                rest_days -= len(run)
                run = []
            if day is None:
                break
            if not info.working:
                run.append((day, info.label))
            elif info.label == _MAKEUP:
                notes.append(f"{_fmt(day)}为调休工作日，计入")
            else:
                notes.append(f"{_fmt(day)}按本地调整为工作日，计入")
        plain_rest_days += rest_days
    if plain_rest_days:
        notes.append(f"另有 {plain_rest_days} 个普通周末日不计")
    return notes


def _bullets(notes) -> list:
    return [f"  - {note}" for note in notes]


def _pause_effect(interval, reference, clock) -> str:
    """How a pause changed the reply clock, for the explanation."""
    if interval.excluded_working_days:
        return (
            f"其间 {interval.excluded_working_days} 个工作日不计入答复期限"
            f"（{_PAUSE_BASIS[interval.kind]}）"
        )
    if (interval.end or reference) <= clock.start:
        return "在答复期限重新起算之前，不影响期限"
    if interval.start >= clock.deadline:
        return "开始于答复期限届满之后，不顺延期限"
    if not interval.working_days:
        return "其间没有工作日，不影响期限"
    return "与其他中止期间重叠，不重复扣除"


def _reply_lines(calendar, cfg, history, reference, clock, intervals):
    lines = [
        (
            f"依据《政府信息公开条例》第三十三条第二款，答复期限为 {cfg['reply_days']} "
            "个工作日，起算日为第 0 日、不计入（民法典第二百零一条）。"
        ),
        f"收到申请：{_fmt(history.received)}（第三十一条）。",
    ]
    if history.correction_requested:
        lines.append(
            f"{_fmt(history.correction_requested)}发出补正通知（第三十条），"
            "答复期限停止计算。"
        )
        if history.correction_received:
            lines.append(
                f"{_fmt(history.correction_received)}收到补正后的申请，"
                "答复期限自该日重新起算（第三十条），该日为第 0 日。"
            )
        else:
            lines.append(f"尚未收到补正材料，暂按 {_fmt(reference)}收到推算。")
    for interval in intervals:
        if interval.kind == PAUSE_CORRECTION:
            continue
        end = (
            interval.end.isoformat()
            if interval.end
            else f"{reference.isoformat()}（尚未结束，暂按该日结束推算，"
            "期限将逐日顺延）"
        )
        effect = _pause_effect(interval, reference, clock)
        lines.append(
            f"{interval.reason}：{interval.start.isoformat()} 至 {end}，{effect}。"
        )
    extension = history.extension
    if extension:
        reason = f"，理由：{extension.reason}" if extension.reason else ""
        lines.append(
            f"{extension.date.isoformat()} 经{extension.approver}批准延长 "
            f"{extension.days} 个工作日（第三十三条第二款）{reason}；"
            f"合计 {clock.limit} 个工作日。"
        )
    notes = _day_notes(calendar, clock.segments)
    if notes:
        lines.append("计数中的节假日与调休：")
        lines.extend(_bullets(notes))
    return lines


def _correction_text(calendar, cfg, received, deadline, requested) -> str:
    lines = [
        (
            "依据《政府信息公开条例》第三十条，申请内容需要补正的，应自收到申请之日起 "
            f"{cfg['correction_notice_days']} 个工作日内一次性告知；"
            f"收到申请之日 {_fmt(received)}为第 0 日、不计入。"
        )
    ]
    notes = _day_notes(calendar, [(received, deadline)])
    if notes:
        lines.append("计数中的节假日与调休：")
        lines.extend(_bullets(notes))
    lines.append(f"补正通知期限：{_fmt(deadline)}。")
    if requested:
        timing = "在期限内" if requested <= deadline else "已超过期限"
        lines.append(f"补正通知已于 {_fmt(requested)}发出（{timing}）。")
    return "\n".join(lines)
