"""Tests for tongliao.disclosure.deadlines: known answers, histories, properties.

Every known answer was counted by hand against chinesecalendar 1.11.0's data;
the comment on each row names the rest days skipped and make-up days counted.
"""

from datetime import date
from datetime import timedelta
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from tongliao.disclosure import deadlines
from tongliao.disclosure.deadlines import compute_deadlines
from tongliao.disclosure.workdays import add_working_days
from tongliao.disclosure.workdays import CalendarCoverageError
from tongliao.disclosure.workdays import working_days_between
from tongliao.disclosure.workdays import WorkingDayCalendar

import chinese_calendar
import pytest


# Test data only: a plausible 2027 State Council notice, not the real one.
NOTICE_2027 = [
    "2027:covered",
    "2027-01-01:holiday:元旦",
    "2027-01-02:holiday:元旦",
    "2027-01-03:holiday:元旦",
    *(f"2027-02-{day:02d}:holiday:春节" for day in range(6, 15)),
    "2027-02-20:workday:春节调休",
]
CALENDAR_2027 = WorkingDayCalendar.from_lines(NOTICE_2027)
TODAY = date(2026, 12, 31)


def received(day):
    return {"type": deadlines.RECEIVED, "date": day}


def event(kind, day, **extra):
    return {"type": kind, "date": day, **extra}


# Known answers (start = day 0)
# -----------------------------

KNOWN_ANSWERS = [
    # 2/14 Sat make-up counted; 2/15-2/23 春节 skipped; 2/28 Sat make-up counted
    (date(2026, 2, 10), 20, date(2026, 3, 16)),
    # day 0 is 中秋 itself; 9/26-27 中秋, 10/1-10/7 国庆 skipped; 10/10 Sat make-up
    (date(2026, 9, 25), 20, date(2026, 10, 29)),
    # 1/26 Sun make-up counted; 1/28-2/4 春节 skipped; 2/8 Sat make-up counted
    (date(2025, 1, 20), 20, date(2025, 2, 21)),
    # 9/29 Sun make-up counted; 10/1-10/7 国庆 skipped; 10/12 Sat make-up counted
    (date(2024, 9, 27), 20, date(2024, 10, 30)),
    # 5/1-5/5 劳动节 skipped; 5/9 Sat make-up counted
    (date(2026, 4, 30), 7, date(2026, 5, 13)),
    # 4/4-4/6 清明 (Sat-Mon) skipped, no make-up day
    (date(2026, 4, 1), 20, date(2026, 4, 30)),
    # no holiday: four ordinary weekends
    (date(2026, 3, 2), 20, date(2026, 3, 30)),
    # day 0 counts even on a Sunday; the 20 days are Mon-Fri of four weeks
    (date(2026, 3, 1), 20, date(2026, 3, 27)),
    (date(2026, 3, 16), 0, date(2026, 3, 16)),
]


@pytest.mark.parametrize(("start", "days", "expected"), KNOWN_ANSWERS)
def test_known_answers(start, days, expected):
    assert add_working_days(start, days) == expected
    assert working_days_between(start, expected) == days


def test_holiday_start_differs_from_find_workday():
    # find_workday first moves a holiday start to the next workday; art. 31 does not
    assert chinese_calendar.find_workday(20, date(2026, 9, 25)) == date(2026, 10, 30)
    assert add_working_days(date(2026, 9, 25), 20) == date(2026, 10, 29)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 2, 14), True),  # Saturday make-up day for 春节
        (date(2026, 2, 16), False),  # 春节
        (date(2026, 9, 20), True),  # Sunday make-up day for 国庆
        (date(2026, 3, 7), False),  # ordinary Saturday
        (date(2026, 3, 9), True),  # ordinary Monday
    ],
)
def test_is_working_day(day, working):
    assert deadlines.DEFAULT_CALENDAR.is_working_day(day) is working


def test_next_working_day_skips_holidays():
    calendar = deadlines.DEFAULT_CALENDAR
    assert calendar.next_working_day(date(2026, 9, 30)) == date(2026, 10, 8)
    assert calendar.next_working_day(date(2026, 2, 13)) == date(2026, 2, 14)


# Coverage: years without official data fail loudly
# --------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: add_working_days(date(2027, 1, 4), 5),
        lambda: add_working_days(date(2026, 12, 20), 20),  # runs into 2027
        lambda: add_working_days(date(2003, 12, 31), 1),
        lambda: working_days_between(date(2026, 12, 1), date(2027, 1, 5)),
        lambda: deadlines.DEFAULT_CALENDAR.is_working_day(date(2027, 1, 4)),
        lambda: compute_deadlines([received(date(2026, 12, 25))], today=TODAY),
        lambda: compute_deadlines([received(date(2026, 3, 2))], today=date(2027, 1, 4)),
        lambda: compute_deadlines(
            [received(date(2026, 3, 2)), event(deadlines.REPLIED, date(2027, 1, 4))],
            today=TODAY,
        ),
    ],
)
def test_uncovered_year_raises(call):
    with pytest.raises(CalendarCoverageError, match="2027|2003"):
        call()


def test_overrides_without_declared_year_still_raise():
    calendar = WorkingDayCalendar.from_lines(NOTICE_2027[1:])
    with pytest.raises(CalendarCoverageError, match="2027:covered"):
        calendar.add_working_days(date(2027, 1, 4), 1)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # 12/28-12/31 count; 1/1-1/3 元旦 (test notice) skipped; then Mon-Fri
        (date(2026, 12, 25), 20, date(2027, 1, 25)),
        # 2/6-2/14 春节 (test notice) skipped; 2/20 Sat make-up counted
        (date(2027, 1, 25), 20, date(2027, 2, 26)),
    ],
)
def test_declared_2027_computes(start, days, expected):
    assert CALENDAR_2027.add_working_days(start, days) == expected
    assert CALENDAR_2027.working_days_between(start, expected) == days


def test_declared_2027_explains_entered_holidays():
    result = compute_deadlines(
        [received(date(2027, 1, 25))], calendar=CALENDAR_2027, today=date(2027, 1, 25)
    )
    text = result.explanations["reply_deadline"]
    assert result.reply_deadline == date(2027, 2, 26)
    assert "2027-02-06 至 2027-02-14 春节假期，不计" in text
    assert "2027-02-20（星期六）为调休工作日，计入" in text
    assert result.calendar_version.startswith(
        "chinesecalendar 1.11.0 + 13 overrides (sha1:"
    )
    assert result.calendar_version.endswith(" + covered 2027")


@pytest.mark.parametrize(
    ("today", "calendar", "expected"),
    [
        (date(2026, 10, 31), deadlines.DEFAULT_CALENDAR, None),
        (date(2026, 11, 1), deadlines.DEFAULT_CALENDAR, 2027),
        (date(2026, 12, 31), deadlines.DEFAULT_CALENDAR, 2027),
        (date(2026, 11, 1), CALENDAR_2027, None),
        (date(2025, 11, 20), deadlines.DEFAULT_CALENDAR, None),
    ],
)
def test_missing_next_year(today, calendar, expected):
    assert deadlines.missing_next_year(today, calendar) == expected


def test_cached_calendar_is_shared_per_registry_value():
    assert deadlines.cached_calendar([]) is deadlines.DEFAULT_CALENDAR
    first = deadlines.cached_calendar(NOTICE_2027)
    assert deadlines.cached_calendar(list(NOTICE_2027)) is first
    assert first.covers(2027)


@pytest.mark.parametrize(
    ("year", "covered"), [(2003, False), (2004, True), (2026, True), (2027, False)]
)
def test_covers(year, covered):
    assert deadlines.DEFAULT_CALENDAR.covers(year) is covered
    assert CALENDAR_2027.covers(year) is (covered or year == 2027)


# Override lines
# --------------


def test_override_lines_round_trip():
    lines = [
        "# 2027 notice",
        "",
        " 2027 : covered : 国办发明电〔2026〕X号 ",
        "2027-02-11:holiday:春节",
        "2027-02-07：workday：春节调休",
        "2026-03-16:holiday",
    ]
    data = deadlines.parse_calendar_lines(lines)
    assert data.overrides == {
        date(2027, 2, 11): False,
        date(2027, 2, 7): True,
        date(2026, 3, 16): False,
    }
    assert data.names == {date(2027, 2, 11): "春节", date(2027, 2, 7): "春节调休"}
    assert data.covered_years == {2027}
    calendar = WorkingDayCalendar.from_lines(lines)
    assert calendar.to_lines() == [
        "2027:covered",
        "2026-03-16:holiday",
        "2027-02-07:workday:春节调休",
        "2027-02-11:holiday:春节",
    ]
    assert (
        WorkingDayCalendar.from_lines(calendar.to_lines()).version == calendar.version
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("2027-02-30:holiday", "not a valid date"),
        ("2027/02/11:holiday", "not a valid date"),
        ("2027-02-11:holdiay", "unknown kind 'holdiay'"),
        ("2027-02-11", "expected 'YYYY-MM-DD"),
        ("27:covered", "not a year"),
    ],
)
def test_override_line_errors(line, message):
    with pytest.raises(ValueError, match=f"calendar line 2 .*{message}"):
        deadlines.parse_calendar_lines(["2027:covered", line])


def test_override_duplicate_date_rejected():
    with pytest.raises(ValueError, match="already set on line 1"):
        deadlines.parse_calendar_lines(["2027-02-11:holiday", "2027-02-11:workday"])


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # 3/16 made a rest day: the 20th working day moves to Tuesday 3/17
        (["2026-03-16:holiday:临时调整"], date(2026, 3, 17)),
        # 2/23 (a 春节 day) made a workday: the count ends one working day earlier
        (["2026-02-23:workday"], date(2026, 3, 13)),
        # 3/14 Saturday made a workday
        (["2026-03-14:workday:调休"], date(2026, 3, 14)),
    ],
)
def test_overrides_win_over_package(lines, expected):
    calendar = WorkingDayCalendar.from_lines(lines)
    assert calendar.add_working_days(date(2026, 2, 10), 20) == expected


def test_override_restoring_a_workday_is_explained():
    calendar = WorkingDayCalendar.from_lines(["2026-02-23:workday"])
    result = compute_deadlines(
        [received(date(2026, 2, 10))], calendar=calendar, today=date(2026, 2, 10)
    )
    text = result.explanations["reply_deadline"]
    assert "2026-02-15 至 2026-02-22 春节假期，不计" in text
    assert "2026-02-23（星期一）按本地调整为工作日，计入" in text


# Event histories
# ---------------


def test_plain_receipt_explained():
    result = compute_deadlines([received(date(2026, 2, 10))], today=date(2026, 2, 10))
    assert result.reply_deadline == date(2026, 3, 16)
    assert result.correction_notice_deadline == date(2026, 2, 26)
    assert result.status == deadlines.STATUS_ON_TIME
    assert result.working_days_left == 20
    assert result.paused is False
    assert result.paused_intervals == []
    assert result.extension is None
    assert result.calendar_version == "chinesecalendar 1.11.0"
    reply = result.explanations["reply_deadline"]
    assert "第三十三条第二款" in reply
    assert "收到申请：2026-02-10（星期二）" in reply
    assert "2026-02-14（星期六）为调休工作日，计入" in reply
    assert "2026-02-15 至 2026-02-23 春节假期，不计" in reply
    assert "2026-02-28（星期六）为调休工作日，计入" in reply
    # 3/1, 3/7-8 and 3/14-15: five ordinary weekend days
    assert "另有 5 个普通周末日不计" in reply
    assert reply.endswith("答复期限：2026-03-16（星期一）。")
    notice = result.explanations["correction_notice_deadline"]
    assert "第三十条" in notice
    assert "春节假期" in notice
    assert notice.endswith("补正通知期限：2026-02-26（星期四）。")


def test_holiday_names_in_explanations():
    text = compute_deadlines([received(date(2026, 9, 25))], today=TODAY).explanations
    assert "2026-09-26 至 2026-09-27 中秋假期，不计" in text["reply_deadline"]
    assert "2026-10-01 至 2026-10-07 国庆节假期，不计" in text["reply_deadline"]
    assert "2026-10-10（星期六）为调休工作日，计入" in text["reply_deadline"]
    labour = compute_deadlines([received(date(2026, 4, 30))], today=TODAY)
    notice = labour.explanations["correction_notice_deadline"]
    assert "2026-05-01 至 2026-05-05 劳动节假期，不计" in notice


def test_correction_restarts_the_clock():
    result = compute_deadlines(
        [
            event(deadlines.CORRECTION_RECEIVED, date(2026, 4, 1)),
            event(deadlines.CORRECTION_REQUESTED, date(2026, 3, 4)),
            received(date(2026, 3, 2)),
        ],
        today=date(2026, 4, 2),
    )
    # fresh 20 from 4/1 (day 0); 4/4-4/6 清明 skipped
    assert result.reply_deadline == date(2026, 4, 30)
    assert result.clock_start == date(2026, 4, 1)
    assert result.correction_notice_deadline == date(2026, 3, 11)
    assert result.warnings == []
    correction = result.paused_intervals[0]
    assert correction.kind == deadlines.PAUSE_CORRECTION
    # 3/5-4/1 (the day the correction arrives included) minus four weekends
    assert correction.excluded_working_days == 20
    text = result.explanations["reply_deadline"]
    assert "2026-04-01（星期三）收到补正后的申请，答复期限自该日重新起算" in text
    assert "2026-04-04 至 2026-04-06 清明假期，不计" in text


def test_awaiting_correction_is_paused():
    history = [
        received(date(2026, 3, 2)),
        event(deadlines.CORRECTION_REQUESTED, date(2026, 3, 4)),
    ]
    result = compute_deadlines(history, today=date(2026, 3, 20))
    assert result.paused is True
    assert result.waiting_for == deadlines.PAUSE_CORRECTION
    # projected as if the correction arrived today: 3/20 + 20
    assert result.reply_deadline == date(2026, 4, 20)
    assert result.status == deadlines.STATUS_ON_TIME
    closed = compute_deadlines(
        [*history, event(deadlines.WITHDRAWN, date(2026, 4, 10))], today=TODAY
    )
    assert closed.status == deadlines.STATUS_CLOSED
    assert closed.reply_deadline is None


def test_late_correction_notice_warns():
    result = compute_deadlines(
        [
            received(date(2026, 2, 10)),
            event(deadlines.CORRECTION_REQUESTED, date(2026, 2, 27)),
        ],
        today=date(2026, 2, 27),
    )
    assert result.warnings == [
        "补正通知于 2026-02-27 发出，晚于第三十条规定的 7 个工作日期限 2026-02-26"
    ]
    assert "已超过期限" in result.explanations["correction_notice_deadline"]


CONSULTATION = [
    received(date(2026, 3, 2)),
    event(deadlines.CONSULTATION_STARTED, date(2026, 3, 10), party="某某公司"),
    event(deadlines.CONSULTATION_ENDED, date(2026, 3, 20), party="某某公司"),
]


def test_consultation_pause():
    result = compute_deadlines(CONSULTATION, today=date(2026, 3, 23))
    # unpaused 3/30; 3/11-3/20 = 8 working days excluded; 3/31-4/10 skips 清明
    assert result.reply_deadline == date(2026, 4, 10)
    (pause,) = result.paused_intervals
    assert pause.kind == deadlines.PAUSE_CONSULTATION
    assert pause.party == "某某公司"
    assert (pause.working_days, pause.excluded_working_days) == (8, 8)
    assert pause.end == date(2026, 3, 20)
    text = result.explanations["reply_deadline"]
    assert "征求第三方意见（某某公司，第三十二条）：2026-03-10 至 2026-03-20" in text
    assert "其间 8 个工作日不计入答复期限（第三十三条第三款）" in text
    assert "清明假期" in text
    assert result.paused is False


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 3, 10), date(2026, 3, 30)),  # started today: nothing excluded yet
        (date(2026, 3, 20), date(2026, 4, 10)),  # as if ended today: 8 excluded
        (date(2026, 3, 21), date(2026, 4, 10)),  # Saturday excludes nothing more
        (date(2026, 3, 23), date(2026, 4, 13)),  # one more working day
    ],
)
def test_open_consultation_moves_with_today(today, expected):
    result = compute_deadlines(CONSULTATION[:2], today=today)
    assert result.reply_deadline == expected
    assert result.paused is True
    assert result.waiting_for == deadlines.PAUSE_CONSULTATION
    assert result.paused_intervals[0].end is None
    assert result.status == deadlines.STATUS_ON_TIME


def test_consultation_with_other_agency_and_overlap():
    result = compute_deadlines(
        [
            *CONSULTATION,
            event(
                deadlines.CONSULTATION_STARTED,
                date(2026, 3, 17),
                party="市财政局",
                basis=deadlines.CONSULT_AGENCY,
            ),
            event(deadlines.CONSULTATION_ENDED, date(2026, 3, 24)),
        ],
        today=TODAY,
    )
    # union 3/11-3/24 = 10 working days excluded: 3/30 + 10 skips 清明
    assert result.reply_deadline == date(2026, 4, 14)
    second = result.paused_intervals[1]
    assert (second.working_days, second.excluded_working_days) == (5, 2)
    text = result.explanations["reply_deadline"]
    assert "征求其他机关意见（市财政局，第三十四条）" in text


def test_consultation_after_deadline_changes_nothing():
    result = compute_deadlines(
        [
            received(date(2026, 3, 2)),
            event(deadlines.CONSULTATION_STARTED, date(2026, 3, 30), party="甲"),
            event(deadlines.CONSULTATION_ENDED, date(2026, 4, 15), party="甲"),
        ],
        today=TODAY,
    )
    # the deadline day itself was counted before the letter went out
    assert result.reply_deadline == date(2026, 3, 30)
    assert result.paused_intervals[0].excluded_working_days == 0
    assert "开始于答复期限届满之后，不顺延期限" in result.explanations["reply_deadline"]


@pytest.mark.parametrize(
    ("extra", "effect"),
    [
        (
            [
                event(deadlines.FEE_NOTICE_SENT, date(2026, 3, 12)),
                event(deadlines.FEE_PAID, date(2026, 3, 18)),
            ],
            "缴费：2026-03-12 至 2026-03-18，与其他中止期间重叠，不重复扣除",
        ),
        (
            [
                event(deadlines.CORRECTION_REQUESTED, date(2026, 3, 4)),
                event(deadlines.CORRECTION_RECEIVED, date(2026, 3, 25)),
            ],
            "2026-03-10 至 2026-03-20，在答复期限重新起算之前，不影响期限",
        ),
    ],
)
def test_pauses_that_change_nothing_say_why(extra, effect):
    result = compute_deadlines(
        [*CONSULTATION, *extra],
        today=TODAY,
        settings={"fee_notice_pauses_clock": True},
    )
    assert effect in result.explanations["reply_deadline"]


EXTENSION = event(
    deadlines.EXTENSION, date(2026, 3, 10), days=20, approver="李主任", reason="数量大"
)


def test_extension():
    result = compute_deadlines(
        [received(date(2026, 2, 10)), EXTENSION], today=date(2026, 3, 10)
    )
    # 3/16 + 20: 4/4-4/6 清明 skipped
    assert result.reply_deadline == date(2026, 4, 14)
    assert result.extension == deadlines.ExtensionInfo(
        date(2026, 3, 10), 20, "李主任", "数量大"
    )
    assert result.reply_days == 40
    text = result.explanations["reply_deadline"]
    assert "经李主任批准延长 20 个工作日（第三十三条第二款），理由：数量大" in text
    assert result.warnings == []


def test_second_extension_rejected():
    second = event(deadlines.EXTENSION, date(2026, 4, 1), days=5, approver="王局长")
    with pytest.raises(ValueError, match="second extension on 2026-04-01"):
        compute_deadlines([received(date(2026, 2, 10)), EXTENSION, second], today=TODAY)


@pytest.mark.parametrize(
    "fields",
    [
        {"days": 21, "approver": "李主任"},
        {"days": 0, "approver": "李主任"},
        {"days": "5", "approver": "李主任"},
        {"days": 5},
        {"days": 5, "approver": "  "},
    ],
)
def test_invalid_extension_rejected(fields):
    with pytest.raises(ValueError, match="extension on 2026-03-10"):
        compute_deadlines(
            [
                received(date(2026, 2, 10)),
                event(deadlines.EXTENSION, date(2026, 3, 10), **fields),
            ],
            today=TODAY,
        )


def test_extension_max_days_is_a_setting():
    history = [
        received(date(2026, 2, 10)),
        event(deadlines.EXTENSION, date(2026, 3, 10), days=15, approver="李主任"),
    ]
    with pytest.raises(ValueError, match="from 1 to 10"):
        compute_deadlines(history, today=TODAY, settings={"extension_max_days": 10})


def test_late_extension_warns():
    result = compute_deadlines(
        [
            received(date(2026, 2, 10)),
            event(deadlines.EXTENSION, date(2026, 3, 17), days=5, approver="李主任"),
        ],
        today=TODAY,
    )
    (warning,) = result.warnings
    assert warning == (
        "延期于 2026-03-17 批准，晚于原答复期限 2026-03-16"
        "（第三十三条第二款要求在期限内批准）"
    )


@pytest.mark.parametrize(
    ("custom", "expected"),
    [
        (date(2026, 4, 30), date(2026, 4, 30)),
        (date(2026, 5, 1), date(2026, 5, 6)),  # 劳动节: moves to the next working day
    ],
)
def test_custom_deadline(custom, expected):
    result = compute_deadlines(
        [
            received(date(2026, 2, 10)),
            event(
                deadlines.CUSTOM_DEADLINE,
                date(2026, 2, 20),
                deadline=custom,
                reason="申请数量明显超过合理范围",
            ),
        ],
        today=date(2026, 3, 20),
    )
    assert result.reply_deadline == expected
    assert result.custom_deadline == expected
    assert result.status == deadlines.STATUS_ON_TIME
    text = result.explanations["reply_deadline"]
    assert "法定答复期限为 2026-03-16（星期一）" in text
    assert "依据第三十五条确定答复期限" in text
    assert "理由：申请数量明显超过合理范围" in text
    assert text.endswith(f"答复期限：{deadlines._fmt(expected)}。")


@pytest.mark.parametrize(
    "fields",
    [
        {"deadline": date(2026, 4, 30)},  # no reason
        {"reason": "x"},  # no date
        {"deadline": date(2026, 2, 19), "reason": "x"},  # before it was set
    ],
)
def test_invalid_custom_deadline(fields):
    with pytest.raises(ValueError, match="custom deadline set on 2026-02-20"):
        compute_deadlines(
            [
                received(date(2026, 2, 10)),
                event(deadlines.CUSTOM_DEADLINE, date(2026, 2, 20), **fields),
            ],
            today=TODAY,
        )


FEE_HISTORY = [
    received(date(2026, 3, 2)),
    event(deadlines.FEE_NOTICE_SENT, date(2026, 3, 5)),
    event(deadlines.FEE_PAID, date(2026, 3, 12)),
]


@pytest.mark.parametrize(
    ("pauses", "expected", "intervals"),
    [
        (False, date(2026, 3, 30), 0),
        # 3/6-3/12 = 5 working days excluded: 3/30 + 5 skips 清明
        (True, date(2026, 4, 7), 1),
    ],
)
def test_fee_notice_setting(pauses, expected, intervals):
    result = compute_deadlines(
        FEE_HISTORY, today=TODAY, settings={"fee_notice_pauses_clock": pauses}
    )
    assert result.reply_deadline == expected
    assert len(result.paused_intervals) == intervals
    text = result.explanations["reply_deadline"]
    assert ("按本系统设置，收费通知不中止答复期限" in text) is not pauses


def test_fee_notice_default_does_not_pause():
    assert deadlines.DEFAULT_SETTINGS["fee_notice_pauses_clock"] is False
    assert compute_deadlines(FEE_HISTORY, today=TODAY).reply_deadline == date(
        2026, 3, 30
    )


# Status, by moving today across the due day (Monday 2026-03-16)
STATUS_TABLE = [
    (date(2026, 3, 10), deadlines.STATUS_ON_TIME, 4),
    (date(2026, 3, 11), deadlines.STATUS_DUE_SOON, 3),
    (date(2026, 3, 14), deadlines.STATUS_DUE_SOON, 1),  # Saturday
    (date(2026, 3, 16), deadlines.STATUS_DUE_SOON, 0),  # the due day itself
    (date(2026, 3, 17), deadlines.STATUS_OVERDUE, -1),
    (date(2026, 3, 21), deadlines.STATUS_OVERDUE, -4),  # 3/17-3/20 lost
]


@pytest.mark.parametrize(("today", "status", "left"), STATUS_TABLE)
def test_status_moves_with_today(today, status, left):
    result = compute_deadlines([received(date(2026, 2, 10))], today=today)
    assert (result.status, result.working_days_left) == (status, left)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2026, 3, 13), deadlines.STATUS_ON_TIME),
        (date(2026, 3, 16), deadlines.STATUS_DUE_SOON),
        (date(2026, 3, 17), deadlines.STATUS_OVERDUE),
    ],
)
def test_due_soon_threshold_is_a_setting(today, status):
    result = compute_deadlines(
        [received(date(2026, 2, 10))],
        today=today,
        settings={"due_soon_working_days": 0},
    )
    assert result.status == status


@pytest.mark.parametrize(
    ("replied", "on_time"),
    [(date(2026, 3, 16), True), (date(2026, 3, 17), False)],
)
def test_replied_closes(replied, on_time):
    history = [received(date(2026, 2, 10)), event(deadlines.REPLIED, replied)]
    result = compute_deadlines(history, today=TODAY)
    assert result.status == deadlines.STATUS_CLOSED
    assert (result.closed_on, result.closed_by) == (replied, deadlines.REPLIED)
    assert result.replied_on_time is on_time
    assert result.working_days_left is None


def test_future_events_not_counted():
    history = [received(date(2026, 2, 10)), event(deadlines.REPLIED, date(2026, 3, 16))]
    result = compute_deadlines(history, today=date(2026, 3, 13))
    assert result.status == deadlines.STATUS_DUE_SOON
    assert result.closed_on is None
    assert result.warnings == ["以下事件晚于今天，未计入：2026-03-16 replied"]


def test_withdrawn_closes_without_verdict():
    result = compute_deadlines(
        [received(date(2026, 2, 10)), event(deadlines.WITHDRAWN, date(2026, 2, 12))],
        today=TODAY,
    )
    assert result.status == deadlines.STATUS_CLOSED
    assert result.replied_on_time is None


@pytest.mark.parametrize(
    ("history", "message"),
    [
        ([], "no 'received' event"),
        ([{"type": "recieved", "date": date(2026, 3, 2)}], "unknown type 'recieved'"),
        ([{"type": deadlines.RECEIVED}], "missing 'date'"),
        (
            [received(date(2026, 3, 2)), received(date(2026, 3, 3))],
            "second 'received'",
        ),
        (
            [received(date(2026, 3, 2)), event(deadlines.REPLIED, date(2026, 3, 1))],
            "before the 'received' event",
        ),
        (
            [
                received(date(2026, 3, 2)),
                event(deadlines.CORRECTION_REQUESTED, date(2026, 3, 3)),
                event(deadlines.CORRECTION_REQUESTED, date(2026, 3, 4)),
            ],
            "second correction request",
        ),
        (
            [
                received(date(2026, 3, 2)),
                event(deadlines.CORRECTION_RECEIVED, date(2026, 3, 3)),
            ],
            "without a request",
        ),
        (
            [
                received(date(2026, 3, 2)),
                event(deadlines.CONSULTATION_ENDED, date(2026, 3, 3)),
            ],
            "no open consultation",
        ),
        (
            [
                received(date(2026, 3, 2)),
                event(deadlines.CONSULTATION_STARTED, date(2026, 3, 3), party="甲"),
                event(deadlines.CONSULTATION_ENDED, date(2026, 3, 4), party="乙"),
            ],
            "party '乙'",
        ),
    ],
)
def test_impossible_histories_rejected(history, message):
    with pytest.raises(ValueError, match=message):
        compute_deadlines(history, today=TODAY)


@pytest.mark.parametrize(
    "settings_",
    [{"reply_day": 20}, {"reply_days": 0}, {"fee_notice_pauses_clock": 1}],
)
def test_bad_settings_rejected(settings_):
    with pytest.raises((ValueError, TypeError), match="setting"):
        compute_deadlines([received(date(2026, 3, 2))], today=TODAY, settings=settings_)


# Properties
# ----------

START = st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 6, 30))
DAYS = st.integers(min_value=0, max_value=40)


@settings(max_examples=200, deadline=None)
@given(start=START, days=st.integers(min_value=1, max_value=40))
def test_deadline_is_a_working_day(start, days):
    assert deadlines.DEFAULT_CALENDAR.is_working_day(add_working_days(start, days))


@settings(max_examples=200, deadline=None)
@given(start=START, days=DAYS)
def test_deadline_grows_with_days(start, days):
    assert add_working_days(start, days) < add_working_days(start, days + 1)


@settings(max_examples=200, deadline=None)
@given(start=START, days=DAYS)
def test_between_inverts_add(start, days):
    assert working_days_between(start, add_working_days(start, days)) == days


@settings(max_examples=200, deadline=None)
@given(start=START, end=START)
def test_between_is_antisymmetric(start, end):
    assert working_days_between(start, end) == -working_days_between(end, start)


@settings(max_examples=200, deadline=None)
@given(
    start=START,
    offset=st.integers(min_value=0, max_value=19),
    length=st.integers(min_value=0, max_value=60),
)
def test_pause_moves_deadline_by_its_working_days(start, offset, length):
    unpaused = add_working_days(start, 20)
    # any pause starting on a day before the unpaused deadline
    pause_start = start + (unpaused - start) * offset // 20
    pause_end = pause_start + timedelta(days=length)
    k = working_days_between(pause_start, pause_end)
    result = compute_deadlines(
        [
            received(start),
            event(deadlines.CONSULTATION_STARTED, pause_start, party="甲"),
            event(deadlines.CONSULTATION_ENDED, pause_end, party="甲"),
        ],
        today=TODAY,
    )
    assert result.reply_deadline == add_working_days(unpaused, k)
    assert result.paused_intervals[0].excluded_working_days == k


@settings(max_examples=200, deadline=None)
@given(
    start=START,
    wait=st.integers(min_value=0, max_value=30),
    gap=st.integers(min_value=0, max_value=90),
)
def test_restart_after_correction_is_a_fresh_count(start, wait, gap):
    requested = add_working_days(start, wait % 8)
    corrected = requested + timedelta(days=gap)
    restarted = compute_deadlines(
        [
            received(start),
            event(deadlines.CORRECTION_REQUESTED, requested),
            event(deadlines.CORRECTION_RECEIVED, corrected),
        ],
        today=TODAY,
    )
    fresh = compute_deadlines([received(corrected)], today=TODAY)
    assert restarted.reply_deadline == fresh.reply_deadline
    assert restarted.reply_deadline == add_working_days(corrected, 20)


@settings(max_examples=200, deadline=None)
@given(
    start=START,
    pauses=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=40),
            st.integers(min_value=0, max_value=30),
        ),
        max_size=3,
    ),
)
def test_excluded_days_add_up(start, pauses):
    history = [received(start)]
    for index, (offset, length) in enumerate(pauses):
        begin = start + timedelta(days=offset)
        history.append(event(deadlines.CONSULTATION_STARTED, begin, party=str(index)))
        history.append(
            event(
                deadlines.CONSULTATION_ENDED,
                begin + timedelta(days=length),
                party=str(index),
            )
        )
    result = compute_deadlines(history, today=TODAY)
    excluded = sum(pause.excluded_working_days for pause in result.paused_intervals)
    assert result.reply_deadline == add_working_days(start, 20 + excluded)
    assert deadlines.DEFAULT_CALENDAR.is_working_day(result.reply_deadline)
