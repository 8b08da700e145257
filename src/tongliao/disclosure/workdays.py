"""The working-day calendar: statutory holidays, 调休 workdays, site overrides.

A pure module: standard library and ``chinesecalendar`` only, no Plone or Zope
imports, so it can be tested and benchmarked on its own. The deadline engine
(:mod:`tongliao.disclosure.deadlines`) counts on it.

Working days
    The official mainland calendar (statutory holidays and 调休 make-up
    workdays) from ``chinesecalendar``, plus site overrides that win over it.
    A year the package has no data for is covered only when staff declare it
    covered after entering the State Council's holiday notice; until then every
    computation touching that year raises :class:`CalendarCoverageError`.

Counting convention (民法典 art. 201: the starting day is not counted)
    The start day is day 0, even when it is a holiday.  ``add_working_days(s,
    n)`` is the n-th working day after ``s``.  ``working_days_between(s, e)``
    counts the working days d with ``s < d <= e``, so
    ``working_days_between(s, add_working_days(s, n)) == n``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

import chinese_calendar
import datetime
import functools
import hashlib


ONE_DAY = datetime.timedelta(days=1)
WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

OVERRIDE_HOLIDAY = "holiday"
OVERRIDE_WORKDAY = "workday"
COVERED = "covered"

PACKAGE_VERSION = chinese_calendar.__version__
PACKAGE_YEARS = range(
    min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1
)


class CalendarCoverageError(Exception):
    """A date falls in a year for which no official working-day data exists."""

    def __init__(self, year, message=None):
        self.year = year
        super().__init__(
            message
            or (
                f"No official working-day data for {year}: chinesecalendar "
                f"{PACKAGE_VERSION} covers {PACKAGE_YEARS[0]}-{PACKAGE_YEARS[-1]}. "
                f"Enter the State Council holiday notice for {year} as calendar "
                f"overrides and declare the year covered ('{year}:covered')."
            )
        )


class _Day(NamedTuple):
    """What the calendar knows about one date."""

    working: bool
    # Rest day: the holiday name ("" for an ordinary weekend day).
    # Working day: "makeup" for a weekend workday, "restored" for a weekday an
    # override turned back into a workday, "" otherwise.
    label: str


_MAKEUP = "makeup"
_RESTORED = "restored"
_LOCAL_REST = "本地调整的休息日"


class CalendarData(NamedTuple):
    """Parsed calendar override lines."""

    overrides: dict  # date -> bool (True: working day)
    names: dict  # date -> str
    covered_years: frozenset


def parse_calendar_lines(lines: Iterable[str]) -> CalendarData:
    """Parse calendar override lines as stored in a plone.registry list field.

    One entry per line, fields separated by ':' (a full-width '：' also works):

    * ``YYYY-MM-DD:holiday[:name]``  the date is a rest day, e.g.
      ``2027-02-11:holiday:春节``;
    * ``YYYY-MM-DD:workday[:name]``  the date is a working day, e.g.
      ``2027-02-07:workday:春节调休``;
    * ``YYYY:covered[:note]``  the whole State Council notice for that year has
      been entered, so the year counts as covered (weekends rest, Monday to
      Friday work, then the overrides).

    Whitespace around fields is ignored, as are blank lines and lines starting
    with '#'.  A date may appear only once.  Raises ValueError naming the line.
    """
    overrides, names, covered = {}, {}, set()
    seen = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.replace("：", ":").strip()
        if not line or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split(":", 2)]
        if len(parts) < 2:
            raise ValueError(
                f"calendar line {number} {raw!r}: expected 'YYYY-MM-DD:holiday|workday"
                f"[:name]' or 'YYYY:covered'"
            )
        key, kind = parts[0], parts[1].lower()
        name = parts[2] if len(parts) == 3 else ""
        if kind == COVERED:
            if not (len(key) == 4 and key.isdigit()):
                raise ValueError(
                    f"calendar line {number} {raw!r}: '{key}' is not a year (YYYY)"
                )
            covered.add(int(key))
            continue
        if kind not in (OVERRIDE_HOLIDAY, OVERRIDE_WORKDAY):
            raise ValueError(
                f"calendar line {number} {raw!r}: unknown kind '{parts[1]}', expected "
                f"'{OVERRIDE_HOLIDAY}', '{OVERRIDE_WORKDAY}' or '{COVERED}'"
            )
        try:
            day = datetime.date.fromisoformat(key)
        except ValueError:
            raise ValueError(
                f"calendar line {number} {raw!r}: '{key}' is not a valid date "
                f"(YYYY-MM-DD)"
            ) from None
        if day in seen:
            raise ValueError(
                f"calendar line {number} {raw!r}: {day} is already set on line "
                f"{seen[day]}"
            )
        seen[day] = number
        overrides[day] = kind == OVERRIDE_WORKDAY
        if name:
            names[day] = name
    return CalendarData(overrides, names, frozenset(covered))


class WorkingDayCalendar:
    """Mainland working days: chinesecalendar data, declared years, overrides.

    ``overrides`` maps a date to True (working day) or False (rest day) and wins
    over the package; ``names`` optionally names an override for explanations
    (e.g. "春节"); ``covered_years`` declares years the package lacks as
    covered.  Immutable once built; results are cached per date and per year.
    """

    def __init__(self, overrides=None, covered_years=None, names=None):
        self._overrides = {}
        for day, working in (overrides or {}).items():
            if not isinstance(day, datetime.date) or not isinstance(working, bool):
                raise TypeError(
                    f"override {day!r}: {working!r} must map a date to a bool"
                )
            self._overrides[_as_date(day)] = working
        self._names = {_as_date(day): name for day, name in (names or {}).items()}
        self._covered_years = frozenset(int(year) for year in covered_years or ())
        self._days = {}  # ordinal -> _Day, filled a year at a time
        self._working = {}  # year -> sorted ordinals of its working days
        self._notable = {}  # year -> sorted ordinals of its labelled days
        self.version = self._describe_version()

    @classmethod
    def from_lines(cls, lines: Iterable[str], covered_years=None):
        """Build a calendar from registry lines (see parse_calendar_lines)."""
        data = parse_calendar_lines(lines)
        return cls(
            overrides=data.overrides,
            covered_years=data.covered_years | frozenset(covered_years or ()),
            names=data.names,
        )

    def to_lines(self) -> list:
        """The overrides and declared years in the registry line format."""
        lines = [f"{year}:{COVERED}" for year in sorted(self._covered_years)]
        for day in sorted(self._overrides):
            kind = OVERRIDE_WORKDAY if self._overrides[day] else OVERRIDE_HOLIDAY
            name = self._names.get(day)
            lines.append(f"{day}:{kind}:{name}" if name else f"{day}:{kind}")
        return lines

    def _describe_version(self) -> str:
        version = f"chinesecalendar {PACKAGE_VERSION}"
        if self._overrides:
            digest = hashlib.sha1("\n".join(self.to_lines()).encode()).hexdigest()
            version += f" + {len(self._overrides)} overrides (sha1:{digest[:8]})"
        extra = sorted(self._covered_years - set(PACKAGE_YEARS))
        if extra:
            version += " + covered " + ",".join(str(year) for year in extra)
        return version

    def covers(self, year: int) -> bool:
        """Whether working days of ``year`` are known (package or declared)."""
        return year in PACKAGE_YEARS or year in self._covered_years

    def missing_next_year(self, today: datetime.date):
        """Next year, if today is on/after 1 November and it is not covered."""
        if today.month >= 11 and not self.covers(today.year + 1):
            return today.year + 1
        return None

    def _year_table(self, year: int) -> list:
        """Sorted ordinals of the working days of ``year``; fills the day cache."""
        table = self._working.get(year)
        if table is not None:
            return table
        if not self.covers(year):
            raise CalendarCoverageError(year)
        day = datetime.date(year, 1, 1)
        table, notable = [], []
        while day.year == year:
            info = self._compute_day(day)
            self._days[day.toordinal()] = info
            if info.working:
                table.append(day.toordinal())
            if info.label:
                notable.append(day.toordinal())
            day += ONE_DAY
        self._notable[year] = notable
        # Stored last: other threads take a year in _working as complete.
        self._working[year] = table
        return table

    def _compute_day(self, day: datetime.date) -> _Day:
        weekend = day.weekday() >= 5
        if day.year in PACKAGE_YEARS:
            try:
                rest, english = chinese_calendar.get_holiday_detail(day)
            except NotImplementedError as exc:
                raise CalendarCoverageError(day.year, str(exc)) from exc
            name = chinese_calendar.Holiday(english).chinese if english else ""
        else:
            rest, name = weekend, ""
        base_working = not rest
        working = self._overrides.get(day, base_working)
        if not working:
            label = self._names.get(day) or name
            if not label and not weekend:
                label = _LOCAL_REST
            return _Day(False, label)
        if weekend:
            return _Day(True, _MAKEUP)
        return _Day(True, "" if base_working else _RESTORED)

    def day_info(self, day: datetime.date) -> _Day:
        """Whether ``day`` is a working day and why (cached)."""
        ordinal = day.toordinal()
        info = self._days.get(ordinal)
        if info is None:
            self._year_table(day.year)
            info = self._days[ordinal]
        return info

    def is_working_day(self, day: datetime.date) -> bool:
        return self.day_info(day).working

    def notable_days(self, start: datetime.date, end: datetime.date) -> list:
        """(date, info) for start < d <= end: named rest days, make-up workdays."""
        found = []
        for year in range(start.year, end.year + 1):
            self._year_table(year)
            ordinals = self._notable[year]
            low = bisect_right(ordinals, start.toordinal())
            high = bisect_right(ordinals, end.toordinal())
            found.extend(
                (datetime.date.fromordinal(ordinal), self._days[ordinal])
                for ordinal in ordinals[low:high]
            )
        return found

    def check(self, day: datetime.date) -> None:
        """Raise CalendarCoverageError unless ``day``'s year is covered."""
        self._year_table(day.year)

    def add_working_days(self, start: datetime.date, days: int) -> datetime.date:
        """The ``days``-th working day after ``start`` (``start`` is day 0)."""
        if days < 0:
            raise ValueError(f"days must be >= 0, got {days}")
        start = _as_date(start)
        year = start.year
        table = self._year_table(year)
        if days == 0:
            return start
        index = bisect_right(table, start.toordinal())
        while index + days > len(table):
            days -= len(table) - index
            year += 1
            table = self._year_table(year)
            index = 0
        return datetime.date.fromordinal(table[index + days - 1])

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days d with start < d <= end; negative when end < start."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        year = start.year
        table = self._year_table(year)
        low = bisect_right(table, start.toordinal())
        total = 0
        while year < end.year:
            total += len(table) - low
            year += 1
            table = self._year_table(year)
            low = 0
        return total + bisect_right(table, end.toordinal()) - low


DEFAULT_CALENDAR = WorkingDayCalendar()


def cached_calendar(lines: Iterable[str]) -> WorkingDayCalendar:
    """The calendar for these registry lines, shared so its caches persist."""
    return _cached_calendar(tuple(lines))


@functools.lru_cache(maxsize=8)
def _cached_calendar(lines: tuple) -> WorkingDayCalendar:
    return WorkingDayCalendar.from_lines(lines) if lines else DEFAULT_CALENDAR


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if not isinstance(value, datetime.date):
        raise TypeError(f"expected a datetime.date, got {value!r}")
    return value


def add_working_days(start: datetime.date, days: int, calendar=None) -> datetime.date:
    """The ``days``-th working day after ``start``; ``start`` is day 0."""
    return (calendar or DEFAULT_CALENDAR).add_working_days(start, days)


def working_days_between(start, end, calendar=None) -> int:
    """Working days d with start < d <= end (the inverse of add_working_days)."""
    return (calendar or DEFAULT_CALENDAR).working_days_between(start, end)


def missing_next_year(today: datetime.date, calendar=None):
    """Next year if today is on/after 1 November and its data is missing."""
    return (calendar or DEFAULT_CALENDAR).missing_next_year(today)
