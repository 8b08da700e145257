"""Benchmark: deadlines computed per second over 100k generated applications.

Run with ``python bench/bench_deadlines.py [cases]``.  Prints a table and the
ratio of our plain "+20 working days" rate and full compute_deadlines rate to
chinesecalendar's own ``find_workday`` on the same receipt dates.
"""

from datetime import date
from datetime import timedelta
from pathlib import Path

import chinese_calendar
import importlib
import random
import sys
import time


# Measure this checkout's code, not whatever copy is installed in the venv.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
deadlines = importlib.import_module("tongliao.disclosure.deadlines")


SEED = 20260210
FIRST = date(2005, 1, 1)
LAST_RECEIPT = date(2026, 5, 31)
# Late enough for every history, early enough that open pauses stay in 2026.
LAST_TODAY = date(2026, 10, 15)


def generate(count, rng):
    """Mixed event histories; every date stays inside chinesecalendar's years."""
    span = (LAST_RECEIPT - FIRST).days
    cases = []
    for _ in range(count):
        received = FIRST + timedelta(days=rng.randrange(span))
        events = [{"type": deadlines.RECEIVED, "date": received}]
        roll = rng.random()
        day = received
        if roll < 0.15:
            day = received + timedelta(days=rng.randrange(1, 12))
            events.append({"type": deadlines.CORRECTION_REQUESTED, "date": day})
            day += timedelta(days=rng.randrange(1, 60))
            events.append({"type": deadlines.CORRECTION_RECEIVED, "date": day})
        elif roll < 0.35:
            day = received + timedelta(days=rng.randrange(1, 20))
            events.append(
                {"type": deadlines.CONSULTATION_STARTED, "date": day, "party": "甲"}
            )
            if rng.random() < 0.8:
                day += timedelta(days=rng.randrange(1, 30))
                events.append(
                    {"type": deadlines.CONSULTATION_ENDED, "date": day, "party": "甲"}
                )
        elif roll < 0.45:
            day = received + timedelta(days=rng.randrange(1, 20))
            events.append({"type": deadlines.FEE_NOTICE_SENT, "date": day})
            day += timedelta(days=rng.randrange(1, 20))
            events.append({"type": deadlines.FEE_PAID, "date": day})
        if rng.random() < 0.15:
            events.append(
                {
                    "type": deadlines.EXTENSION,
                    "date": day + timedelta(days=rng.randrange(1, 20)),
                    "days": rng.randrange(1, 21),
                    "approver": "主任",
                    "reason": "bench",
                }
            )
        if rng.random() < 0.5:
            events.append(
                {
                    "type": deadlines.REPLIED,
                    "date": day + timedelta(days=rng.randrange(1, 40)),
                }
            )
        rng.shuffle(events)
        today = min(received + timedelta(days=rng.randrange(150)), LAST_TODAY)
        cases.append((events, today))
    return cases


def rate(function, items):
    started = time.perf_counter()
    for item in items:
        function(item)
    elapsed = time.perf_counter() - started
    return len(items) / elapsed, elapsed


def main(count=100_000):
    rng = random.Random(SEED)
    cases = generate(count, rng)
    receipts = [receipt(events) for events, _ in cases]
    settings = [{"fee_notice_pauses_clock": rng.random() < 0.5} for _ in cases]

    calendar = deadlines.WorkingDayCalendar()
    started = time.perf_counter()
    for year in range(2005, 2027):
        calendar.check(date(year, 1, 1))
    warm_up = time.perf_counter() - started

    rows = [
        (
            "chinesecalendar find_workday(20)",
            *rate(lambda day: chinese_calendar.find_workday(20, day), receipts),
        ),
        (
            "add_working_days(+20)",
            *rate(lambda day: calendar.add_working_days(day, 20), receipts),
        ),
        (
            "compute_deadlines (mixed histories)",
            *rate(
                lambda case: deadlines.compute_deadlines(
                    case[0][0], calendar=calendar, today=case[0][1], settings=case[1]
                ),
                list(zip(cases, settings, strict=True)),
            ),
        ),
    ]
    baseline = rows[0][1]
    print(f"{count} cases, seed {SEED}, {deadlines.PACKAGE_VERSION=}")
    print(f"calendar warm-up (22 years): {warm_up * 1000:.1f} ms")
    print(f"{'measure':<38}{'per second':>12}{'seconds':>10}{'vs baseline':>13}")
    for name, per_second, seconds in rows:
        ratio = per_second / baseline
        print(f"{name:<38}{per_second:>12,.0f}{seconds:>10.2f}{ratio:>12.1f}x")
    return 0


def receipt(events):
    return next(e["date"] for e in events if e["type"] == deadlines.RECEIVED)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
