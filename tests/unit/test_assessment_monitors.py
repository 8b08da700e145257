"""Monitors and scoring: known answers counted by hand on the official calendar.

National Day 2025: 1–8 October off, make-up workdays Sunday 28 September and
Saturday 11 October. Spring Festival 2026: 15–23 February off, make-up workdays
Saturday 14 and Saturday 28 February (chinesecalendar's data).
"""

from datetime import date
from tongliao.disclosure.assessment import monitors
from tongliao.disclosure.assessment.charts import bar_chart
from tongliao.disclosure.assessment.charts import trend_chart
from tongliao.disclosure.assessment.monitors import period_dates
from tongliao.disclosure.assessment.monitors import Record
from tongliao.disclosure.assessment.scheme import DEFAULT_SCHEME
from tongliao.disclosure.assessment.scheme import DEFAULT_SCHEME_JSON
from tongliao.disclosure.assessment.scheme import score
from tongliao.disclosure.assessment.scheme import validate_scheme
from tongliao.disclosure.workdays import WorkingDayCalendar

import json
import pytest


CALENDAR = WorkingDayCalendar()
SPAN = (date(2025, 1, 1), date(2026, 12, 31))


def doc(uid, written, published, kind="notice", normative=False):
    return Record(
        url=f"http://x/{uid}",
        title=uid,
        UID=uid,
        date_written=written,
        effective=published,
        document_kind=kind,
        is_normative=normative,
    )


# (written, published, late?, working days taken)
PUBLICATION = [
    # 26 Sep 2025 + 20 wd: 28/9 (make-up), 29, 30, [1–8 Oct off], 9, 10,
    # 11 (make-up), 13 … 30 Oct = 20th working day
    (date(2025, 9, 26), date(2025, 10, 30), False, 20),
    (date(2025, 9, 26), date(2025, 10, 31), True, 21),
    # 6 Feb 2026 + 20 wd: 9–13, 14 (make-up), [15–23 off], 24–27,
    # 28 (make-up), 2 Mar … 12 Mar = 20th; 16 Mar is the 22nd
    (date(2026, 2, 6), date(2026, 3, 12), False, 20),
    (date(2026, 2, 6), date(2026, 3, 16), True, 22),
]


@pytest.mark.parametrize("written,published,late,taken", PUBLICATION)
def test_publication_on_time_known_answers(written, published, late, taken):
    result = monitors.publication_on_time(
        [doc("a", written, published)], CALENDAR, SPAN
    )
    assert result.total == 1
    assert result.passed == (0 if late else 1)
    if late:
        (finding,) = result.findings
        assert finding.days == taken
        assert finding.reason == "late"


def test_publication_counts_only_the_period_and_gives_the_share():
    documents = [doc(str(i), *row[:2]) for i, row in enumerate(PUBLICATION)]
    result = monitors.publication_on_time(documents, CALENDAR, period_dates(2026, 1))
    assert (result.total, result.passed) == (2, 1)
    assert result.value == 0.5
    assert [f.deadline for f in result.findings] == [date(2026, 3, 12)]
    assert monitors.publication_on_time(documents, CALENDAR, SPAN).value == 0.5


def test_publication_from_the_change_date():
    record = doc("c", date(2025, 1, 2), date(2026, 3, 12))
    record.changed = date(2026, 2, 6)
    result = monitors.publication_on_time([record], CALENDAR, SPAN)
    assert (result.total, result.passed) == (1, 1)


def interpretation(uid, published, *targets):
    return Record(
        url=f"http://x/{uid}",
        title=uid,
        UID=uid,
        effective=published,
        interpreted_uids=targets,
    )


def test_interpretation_coverage_and_lag_known_answers():
    documents = [
        # 13 Feb 2026 → 24 Feb: 14 Feb (make-up) = 1, 24 Feb = 2 ≤ 3: on time
        doc("n1", date(2026, 2, 10), date(2026, 2, 13), normative=True),
        # 10 Oct 2025 → 15 Oct: 11 (make-up), 13, 14, 15 = 4 > 3: late
        doc("n2", date(2025, 10, 9), date(2025, 10, 10), normative=True),
        doc("n3", date(2025, 5, 6), date(2025, 5, 8), normative=True),  # missing
        doc("o1", date(2025, 9, 29), date(2025, 9, 30), kind="opinion"),
        doc("x1", date(2025, 9, 29), date(2025, 9, 30), kind="notice"),  # not needed
    ]
    interpretations = [
        interpretation("i1", date(2026, 2, 24), "n1"),
        interpretation("i2", date(2025, 10, 15), "n2"),
        # 30 Sep → 10 Oct: 9, 10 Oct = 2 working days: on time
        interpretation("i3", date(2025, 10, 10), "o1", "x1"),
    ]
    result = monitors.interpretation_coverage(
        documents, interpretations, CALENDAR, SPAN, ("opinion",), 3
    )
    assert (result.total, result.passed) == (4, 2)
    found = {f.title: (f.reason, f.days) for f in result.findings}
    assert found == {"n2": ("late", 4), "n3": ("missing", None)}


def test_reassessment_due_strictly_after_the_date():
    records = [
        Record(url="u1", title="a", reassessment_date=date(2026, 1, 9)),
        Record(url="u2", title="b", reassessment_date=date(2026, 1, 10)),
        Record(url="u3", title="c", reassessment_date=None),
    ]
    result = monitors.reassessment_due(records, date(2026, 1, 10))
    assert (result.total, result.passed) == (2, 1)
    assert [(f.title, f.days) for f in result.findings] == [("a", 1)]


def test_answered_on_time():
    cases = [
        Record(
            url="1", title="on time", deadline=date(2026, 2, 24), done=date(2026, 2, 24)
        ),
        Record(url="2", title="late", deadline=date(2026, 3, 2), done=date(2026, 3, 3)),
        Record(url="3", title="open", deadline=date(2026, 3, 5), done=None),
        Record(url="4", title="running", deadline=date(2026, 3, 20), done=None),
        Record(url="5", title="old open", deadline=date(2025, 12, 1), done=None),
        Record(
            url="6",
            title="last year",
            deadline=date(2025, 12, 1),
            done=date(2025, 12, 1),
        ),
    ]
    result = monitors.answered_on_time(
        cases, date(2026, 3, 10), period_dates(2026, 1), "applications_on_time"
    )
    assert (result.total, result.passed) == (4, 1)
    found = {f.title: (f.reason, f.days) for f in result.findings}
    assert found == {
        "late": ("late", 1),
        "open": ("overdue", 5),
        "old open": ("overdue", 99),
    }


def test_no_data_is_not_applicable():
    result = monitors.no_data("complaints_on_time")
    assert result.available is False and result.value is None


@pytest.mark.parametrize(
    "guide,expected",
    [
        (None, "missing"),
        ({"review_state": "draft", "last_reviewed": date(2026, 1, 1)}, "unpublished"),
        ({"review_state": "published", "last_reviewed": None}, "never_reviewed"),
        ({"review_state": "published", "last_reviewed": date(2025, 3, 9)}, "stale"),
        ({"review_state": "published", "last_reviewed": date(2025, 3, 10)}, None),
    ],
)
def test_guide_freshness(guide, expected):
    guides = [] if guide is None else [Record(url="g", title="指南", **guide)]
    result = monitors.guide_freshness(guides, date(2026, 3, 10), 365)
    assert result.passed == (1 if expected is None else 0)
    assert [f.reason for f in result.findings] == ([expected] if expected else [])


def test_directory_fulfilment():
    items = [
        Record(url=f"i{n}", title=f"事项{n}", disclosure_mode=mode)
        for n, mode in enumerate(("proactive", "proactive", "proactive", "on_request"))
    ]
    result = monitors.directory_fulfilment(items, [items[0]], [(items[1], 3, "d")])
    assert (result.total, result.passed) == (3, 1)
    assert [(f.reason, f.days) for f in result.findings] == [
        ("missing", None),
        ("late", 3),
    ]


def test_annual_report_on_time():
    deadline = date(2026, 1, 31)
    report = Record(
        url="r", title="2025年报", review_state="published", effective=date(2026, 2, 2)
    )
    early = Record(url="r", title="2025年报", review_state="draft", effective=None)
    late = monitors.annual_report_on_time([report], 2025, deadline, date(2026, 3, 1))
    assert (late.total, late.passed, late.findings[0].days) == (1, 0, 2)
    not_due = monitors.annual_report_on_time([early], 2025, deadline, date(2026, 1, 20))
    assert not_due.total == 0 and not_due.value is None
    overdue = monitors.annual_report_on_time([early], 2025, deadline, date(2026, 2, 5))
    assert overdue.findings[0].reason == "overdue"


def test_period_dates():
    assert period_dates(2026) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_dates(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_dates(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))


SCHEME = {
    "indicators": [
        {
            "id": "pub",
            "title": "及时",
            "kind": "computed",
            "monitor": "publication_on_time",
            "weight": 40,
            "full": 1.0,
            "zero": 0.5,
        },
        {
            "id": "apps",
            "title": "答复",
            "kind": "computed",
            "monitor": "applications_on_time",
            "weight": 30,
            "full": 1.0,
            "zero": 0.0,
        },
        {
            "id": "complaints",
            "title": "投诉",
            "kind": "computed",
            "monitor": "complaints_on_time",
            "weight": 10,
            "full": 1.0,
            "zero": 0.0,
        },
        {"id": "lead", "title": "组织领导", "kind": "manual", "weight": 20},
    ],
    "grades": [
        {"title": "优秀", "min": 90},
        {"title": "合格", "min": 60},
        {"title": "不合格", "min": 0},
    ],
}


def test_score_known_answer():
    results = {
        "publication_on_time": monitors.MonitorResult("p", total=4, passed=3),
        "applications_on_time": monitors.MonitorResult("a", total=2, passed=1),
        "complaints_on_time": monitors.no_data("complaints_on_time"),
    }
    manual = {"lead": {"score": 18, "evidence": "会议纪要"}}
    result = score(SCHEME, results, manual)
    rows = {r["id"]: r for r in result["indicators"]}
    # pub: 0.75 → (0.75-0.5)/0.5 × 40 = 20; apps: 0.5 × 30 = 15; lead 18
    assert rows["pub"]["score"] == 20 and rows["apps"]["score"] == 15
    assert rows["complaints"]["score"] is None and not rows["complaints"]["available"]
    # applicable weight 90: 53 / 90 × 100 = 58.9 → 不合格
    assert result["total"] == 58.9 and result["grade"] == "不合格"
    overrides = {
        "apps": {"score": 30, "reason": "核实后按期", "actor": "x", "time": "t"}
    }
    again = score(SCHEME, results, manual, overrides)
    rows = {r["id"]: r for r in again["indicators"]}
    assert rows["apps"]["score"] == 30 and rows["apps"]["computed"] == 15
    assert again["total"] == 75.6 and again["grade"] == "合格"


def test_default_scheme_is_valid_and_weights_sum_to_100():
    scheme, errors = validate_scheme(DEFAULT_SCHEME_JSON)
    assert errors == [] and scheme == DEFAULT_SCHEME
    assert sum(i["weight"] for i in scheme["indicators"]) == 100


@pytest.mark.parametrize(
    "mutate",
    [
        lambda s: s["indicators"][0].update(weight=-1),
        lambda s: s["indicators"][0].update(monitor="nope"),
        lambda s: s["indicators"][0].update(zero=1.0),
        lambda s: s["indicators"][1].update(id=s["indicators"][0]["id"]),
        lambda s: s["indicators"][0].update(kind="guess"),
        lambda s: s.update(grades=[{"title": "优秀", "min": 90}]),
        lambda s: s.update(indicators=[]),
    ],
)
def test_bad_schemes_are_refused_with_a_message(mutate):
    scheme = json.loads(DEFAULT_SCHEME_JSON)
    mutate(scheme)
    result, errors = validate_scheme(json.dumps(scheme))
    assert result is None and errors


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '{"indicators": 3}'])
def test_broken_json_is_refused(text):
    assert validate_scheme(text)[1]


def test_charts_are_escaped_svg():
    svg = bar_chart([("<甲>", 91.5), ("乙", None)], title="得分")
    assert svg.startswith("<svg") and "&lt;甲&gt;" in svg and "91.5" in svg
    assert trend_chart({}, title="t") == ""
    trend = trend_chart({"甲": [(2025, 80.0), (2026, 90.0)]}, title="趋势")
    assert "<polyline" in trend and "2026" in trend


@pytest.mark.parametrize(
    "republished,passed,taken",
    [(date(2026, 10, 30), 1, None), (date(2026, 11, 2), 0, 21)],
)
def test_a_change_over_national_day(republished, passed, taken):
    """Changed Mon 28 Sep 2026 (day 0): 29, 30 Sep; National Day 1–7 Oct off;
    8, 9, Sat 10 Oct (make-up), 12–16, 19–23, 26–30 Oct = the 20th working day
    on 30 Oct. The first publication (2025) does not count, the changed one does."""
    record = doc("c", date(2025, 1, 2), date(2025, 1, 6))
    record.changed = date(2026, 9, 28)
    record.republished = republished
    result = monitors.publication_on_time([record], CALENDAR, period_dates(2026, 4))
    assert (result.total, result.passed) == (1, passed)
    if taken:
        (finding,) = result.findings
        assert (finding.days, finding.deadline) == (taken, date(2026, 10, 30))
