"""Benchmark: the assessment monitors of one agency over a large catalog.

Run with ``python bench/bench_assessment.py``. Size from the environment:
``BENCH_ASSESSMENT_DOCUMENTS`` (default 2,000) and
``BENCH_ASSESSMENT_APPLICATIONS`` (default 400) — set them to 50000 and 10000
for the issue's scale (building that catalog takes minutes; it is kept in
``var/bench/assessment-<documents>-<applications>.fs`` and reused).

Catalogued objects are stand-ins carrying exactly the index and column values
our indexers produce (as in bench_annual_report.py). It times
``queries.catalog_monitors`` — publication on time, interpretation coverage
and lag, reassessment due, applications/complaints/consultations on time, the
code the site runs, on the official calendar — for one agency and one year,
and, in the same run on the same catalog, a stock catalog query: the agency's
published documents sorted on ``effective``, reading two metadata columns of
every brain. It prints both and their ratio.
"""

from datetime import date
from datetime import timedelta
from pathlib import Path

import importlib
import os
import random
import statistics
import sys
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from DateTime import DateTime  # noqa: E402
from Products.ExtendedPathIndex.ExtendedPathIndex import ExtendedPathIndex  # noqa: E402
from Products.PluginIndexes.BooleanIndex.BooleanIndex import BooleanIndex  # noqa: E402
from Products.PluginIndexes.DateIndex.DateIndex import DateIndex  # noqa: E402
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex  # noqa: E402
from Products.PluginIndexes.KeywordIndex.KeywordIndex import KeywordIndex  # noqa: E402
from Products.ZCatalog.ZCatalog import ZCatalog  # noqa: E402

import transaction  # noqa: E402
import ZODB  # noqa: E402
import ZODB.FileStorage  # noqa: E402


SEED = 20261130
DOCUMENTS = int(os.environ.get("BENCH_ASSESSMENT_DOCUMENTS", "2000"))
APPLICATIONS = int(os.environ.get("BENCH_ASSESSMENT_APPLICATIONS", "400"))
YEAR = 2025
AGENCY = "/plone/agency-a"
OTHER = "/plone/agency-b"
STORE = ROOT / "var" / "bench" / f"assessment-{DOCUMENTS}-{APPLICATIONS}.fs"
FIELD_INDEXES = ("portal_type", "review_state", "reassessment_date", "UID")
COLUMNS = (
    "Title",
    "UID",
    "Creator",
    "effective",
    "date_written",
    "document_kind",
    "reassessment_date",
    "interpreted_uids",
    "reply_deadline",
    "replied_date",
    "review_state",
)
KINDS = ("notice", "notice", "notice", "opinion", "decision", "reply")


class Stub:
    def __init__(self, path, **values):
        self._path = tuple(path.split("/"))
        self.__dict__.update(values)

    def getPhysicalPath(self):
        return self._path


def new_catalog():
    catalog = ZCatalog("portal_catalog")
    for name in FIELD_INDEXES:
        catalog.addIndex(name, FieldIndex(name))
    catalog.addIndex("is_normative", BooleanIndex("is_normative"))
    catalog.addIndex("interpreted_uids", KeywordIndex("interpreted_uids"))
    catalog.addIndex("effective", DateIndex("effective"))
    catalog.addIndex("path", ExtendedPathIndex("path"))
    for name in COLUMNS:
        catalog.addColumn(name)
    return catalog


def china(day):
    return DateTime(f"{day.isoformat()} 09:00 GMT+8")


def objects(rng):
    first = date(2016, 1, 4)
    published_uids = []
    for n in range(DOCUMENTS):
        agency = AGENCY if rng.random() < 0.8 else OTHER
        written = first + timedelta(days=rng.randrange(3650))
        published = written + timedelta(days=rng.choice((1, 3, 10, 20, 27, 40)))
        withheld = rng.random() < 0.05
        values = {
            "portal_type": "PolicyDocument",
            "Title": f"文件{n}",
            "UID": f"doc{n}",
            "Creator": "editor",
            "review_state": "draft" if withheld else "published",
            "effective": None if withheld else china(published),
            "date_written": written,
            "document_kind": rng.choice(KINDS),
            "is_normative": rng.random() < 0.3,
        }
        if withheld:
            due = written + timedelta(days=rng.randrange(365, 1500))
            values["reassessment_date"] = due.isoformat()
        else:
            published_uids.append((agency, f"doc{n}", published))
        yield f"{agency}/doc-{n}", values
    for n, (agency, uid, published) in enumerate(published_uids):
        if rng.random() < 0.35:
            explained = published + timedelta(days=rng.choice((0, 1, 2, 5, 9)))
            yield (
                f"{agency}/interp-{n}",
                {
                    "portal_type": "PolicyInterpretation",
                    "Title": f"解读{n}",
                    "UID": f"interp{n}",
                    "review_state": "published",
                    "effective": china(explained),
                    "interpreted_uids": [uid],
                },
            )
    for n in range(APPLICATIONS):
        agency = AGENCY if rng.random() < 0.8 else OTHER
        received = first + timedelta(days=rng.randrange(3650))
        deadline = received + timedelta(days=28)
        replied = received + timedelta(days=rng.randrange(1, 40))
        yield (
            f"{agency}/app-{n}",
            {
                "portal_type": "DisclosureApplication",
                "Title": f"申请{n}",
                "UID": f"app{n}",
                "review_state": "replied",
                "reply_deadline": deadline.isoformat(),
                "replied_date": replied.isoformat(),
            },
        )


def build(root):
    root["catalog"] = catalog = new_catalog()
    transaction.commit()
    started = time.perf_counter()
    for path, values in objects(random.Random(SEED)):
        catalog.catalog_object(Stub(path, **values), uid=path)
    transaction.commit()
    return time.perf_counter() - started


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main():
    queries = importlib.import_module("tongliao.disclosure.assessment.queries")
    monitors = importlib.import_module("tongliao.disclosure.assessment.monitors")
    workdays = importlib.import_module("tongliao.disclosure.workdays")

    class BenchSource(queries.Source):
        """A plain ZCatalog: no request for getURL, no portal_types."""

        def search(self, **query):
            return self.catalog.searchResults(path=self.path, **query)

        def url(self, brain):
            return brain.getPath()

        def has_type(self, portal_type):
            return portal_type == "DisclosureApplication"

    STORE.parent.mkdir(parents=True, exist_ok=True)
    db = ZODB.DB(ZODB.FileStorage.FileStorage(str(STORE)))
    connection = db.open()
    root = connection.root()
    if "catalog" not in root:
        print(f"building {DOCUMENTS} documents + {APPLICATIONS} applications …")
        print(f"built in {build(root):.1f} s (stored in {STORE.relative_to(ROOT)})")
    catalog = root["catalog"]
    source = BenchSource(catalog=catalog, path=AGENCY)
    calendar = workdays.WorkingDayCalendar()
    period = monitors.period_dates(YEAR)
    today = date(YEAR + 1, 3, 1)

    def ours():
        return queries.catalog_monitors(
            source, period, today, calendar, ("decision", "opinion"), 3
        )

    def stock():
        brains = catalog.searchResults(
            path=AGENCY,
            portal_type="PolicyDocument",
            review_state="published",
            sort_on="effective",
        )
        return [(b.Title, b.effective) for b in brains]

    results = ours()
    listed = len(stock())
    ours_median, ours_best = timed(ours, 5)
    stock_median, stock_best = timed(stock, 5)
    print(f"catalog: {len(catalog)} objects ({DOCUMENTS} documents, "
          f"{APPLICATIONS} applications, interpretations)")  # fmt: skip
    for name, result in results.items():
        value = "no data" if result.value is None else f"{result.value:.3f}"
        print(f"  {name:<26} {result.passed:>6}/{result.total:<6} {value}")
    print(f"{'measure':<52}{'median s':>10}{'best s':>10}")
    print(f"{'monitors of one agency, one year':<52}"
          f"{ours_median:>10.4f}{ours_best:>10.4f}")  # fmt: skip
    print(f"{f'stock listing: {listed} brains, sort_on, 2 columns':<52}"
          f"{stock_median:>10.4f}{stock_best:>10.4f}")  # fmt: skip
    print(f"ratio monitors / stock listing: {ours_median / stock_median:.2f}")
    connection.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
